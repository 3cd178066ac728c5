"""A document's citations merged into contract References: one per cited document.

However often and however a document is cited ("Quyết định số 709/QĐ-TTg",
"Quyết định 709/QĐ-TTg", the alias the text defines for it), it becomes one
Reference counting its mentions; the ids each text cites are returned too.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.data.messages import message
from pipeline import model
from pipeline.normalize.citation_vocab import CitationVocab, type_word_pattern, using
from pipeline.normalize.references import Citation, find_alias_definitions, find_citations
from pipeline.text import slugify
from pipeline.warnings import PlanWarning

@dataclass
class _Pending:
    """A Reference being built from its mentions, first mention first."""

    first: Citation  # the first mention, or the first that carries a number
    mentions: int = 0
    aliases: list[str] = field(default_factory=list)
    issued_date: str | None = None
    year: int | None = None
    issuer: str | None = None  # as written
    inferred_issuer: str | None = None

    def add(self, citation: Citation, alias: str) -> None:
        if citation.code and not self.first.code:  # a law cited by name, then by number
            self.first = citation
        self.mentions += 1
        if alias not in self.aliases:
            self.aliases.append(alias)
        self.issued_date = self.issued_date or citation.issued_date
        self.year = self.year or citation.year
        if citation.issuer_inferred:
            self.inferred_issuer = self.inferred_issuer or citation.issuer_name
        else:
            self.issuer = self.issuer or citation.issuer_name

    def reference(self, rid: str) -> model.Reference:
        c = self.first
        issuer = self.issuer or self.inferred_issuer
        return model.Reference(
            id=rid, type=c.type, type_name=c.type_name, number=c.number, symbol=c.symbol,
            code=c.code, year=self.year, issued_date=self.issued_date,
            issuer=model.Issuer(name=issuer) if issuer else None,
            mentions=self.mentions, aliases=list(self.aliases))


def _compact(code: str | None) -> str | None:
    return re.sub(r"\s", "", unicodedata.normalize("NFC", code)) if code else None


def _reference_id(citation: Citation, by_name: dict[str, str], pending: dict[str, _Pending]) -> str:
    """The code; for a title, the code it is cited with elsewhere, else its slug (with a year
    when the same title is cited for two different years)."""
    if citation.code:
        return citation.code
    rid = by_name.get(citation.key, citation.key)
    known = pending.get(rid)
    if known and citation.year and known.year and known.year != citation.year:
        return f"{rid}-{citation.year}"
    return rid


def _check(citation: Citation, rid: str, known: _Pending | None, where: str) -> list[PlanWarning]:
    """Warnings for an impossible date, or a date that contradicts an earlier mention."""
    if citation.date_text and not citation.issued_date:
        return [PlanWarning("reference_bad_date",
                              message("warning.reference_bad_date", date=citation.date_text, ref=rid), where)]
    if known and known.issued_date and citation.issued_date and citation.issued_date != known.issued_date:
        return [PlanWarning("reference_date_conflict",
                              message("warning.reference_date_conflict", ref=rid, date=citation.issued_date,
                                      earlier=known.issued_date), where)]
    return []


def _alias_pattern(alias: str) -> re.Pattern[str]:
    words = r"\s+".join(map(re.escape, alias.split()))
    return re.compile(rf"(?<![\w/-]){words}(?![\w/-])")


def _alias_mentions(text: str, aliases: list[tuple[str, str, int]],
                    taken: list[tuple[int, int]]) -> list[tuple[int, str, str]]:
    """(offset, alias, id) for each use of a defined alias, from its `after` offset, that no citation covers."""
    found = []
    for alias, rid, after in aliases:
        for m in _alias_pattern(alias).finditer(text, after):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append((m.start(), alias, rid))
    return sorted(found)


def collect_references(texts: list[tuple[str, str]], own_code: str | None = None,
                       vocab: CitationVocab | None = None
                       ) -> tuple[list[model.Reference], dict[str, list[str]], list[PlanWarning]]:
    """One Reference per cited document, from all the texts of a document.

    Args:
        texts: (where, text) pairs in document order; `where` locates warnings and
            keys the returned map (e.g. "sections[1].paragraphs[0]", "tasks[3]").
        own_code: the document's own code ("196/KH-UBND"); citing it (an appendix
            caption) is not a reference.
        vocab: the citation vocabularies to read; the package's when None.

    Returns:
        References in first-mention order; a map from each `where` to the ids cited
        there (in order, distinct); warnings for impossible or conflicting dates.
    """
    with using(vocab):
        return _collect(texts, own_code)


def _collect(texts: list[tuple[str, str]], own_code: str | None
             ) -> tuple[list[model.Reference], dict[str, list[str]], list[PlanWarning]]:
    found = [(where, unicodedata.normalize("NFC", text), find_citations(text)) for where, text in texts]
    by_name = {slugify(c.name): c.code for _, _, cs in found for c in cs if c.name and c.code}
    own = _compact(own_code)
    pending: dict[str, _Pending] = {}
    cited: dict[str, list[str]] = {}
    warnings: list[PlanWarning] = []
    aliases: dict[str, str] = {}  # defined alias that is no citation itself -> id

    for where, text, citations in found:
        definitions = find_alias_definitions(text)
        known = dict(aliases)  # aliases defined in earlier texts count from this text's start
        here: list[tuple[int, str]] = []
        for citation in [c for c in citations if not (own and c.code == own)]:
            rid = _reference_id(citation, by_name, pending)
            warnings += _check(citation, rid, pending.get(rid), where)
            pending.setdefault(rid, _Pending(citation)).add(citation, citation.label)
            here.append((citation.start, rid))
            alias = citation.defined_alias
            if alias and alias not in pending[rid].aliases:
                pending[rid].aliases.append(alias)
            named = find_citations(alias) if alias else []
            by_name.update({c.key: rid for c in named if c.key != rid})  # "Luật Ngân sách" -> its law
            if alias and not named and not type_word_pattern().fullmatch(alias):
                aliases[alias] = rid
        taken = [(c.start, c.end) for c in citations]
        starts = {d.alias: d.start for d in reversed(definitions)}  # the definition writes it once
        scan = [(alias, rid, 0 if alias in known else starts.get(alias, 0)) for alias, rid in aliases.items()]
        for start, alias, rid in _alias_mentions(text, scan, taken):
            pending[rid].add(pending[rid].first, alias)
            here.append((start, rid))
        cited.setdefault(where, [])
        cited[where] += [rid for rid in dict.fromkeys(r for _, r in sorted(here)) if rid not in cited[where]]
    return [p.reference(rid) for rid, p in pending.items()], cited, warnings


def ids_cited_in(text: str, references: list[model.Reference]) -> list[str]:
    """Ids of known references a text cites, without counting mentions again.

    For text that is already counted elsewhere (a task read from the body is
    also a section paragraph).
    """
    known = {r.id for r in references}
    by_alias = {alias: r.id for r in references for alias in r.aliases}
    found = [c.key for c in find_citations(text) if c.key in known]
    found += [rid for alias, rid in by_alias.items() if alias in text]
    return list(dict.fromkeys(found))
