"""The agency-cell grammar's regexes, built from a gazetteer's word lists (agency_grammar.yaml,
agency_heads.yaml), once per gazetteer.

Head words are matched on `Gazetteer.head_key` text (lower case, diacritics kept), so
"Báo" opens a name and "Bảo đảm" does not; the other lists are matched on folded keys,
where the data's words are folded too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline import model
from pipeline.normalize.gazetteer import Gazetteer, default_gazetteer, head_form, words_pattern
from pipeline.text import fold_diacritics


def _folded(words: list[str]) -> list[str]:
    return [re.sub(r"[^a-z0-9]+", " ", fold_diacritics(w).lower()).strip() for w in words]


def _alt(words: list[str]) -> str:
    return words_pattern(words)


@dataclass(frozen=True)
class AgencyRules:
    """Compiled grammar of one gazetteer."""

    head: re.Pattern[str]  # on head_key text: a body's name starts here
    not_head: re.Pattern[str]
    subhead: re.Pattern[str]
    title: re.Pattern[str]  # on the text: "Phó Chủ tịch", then maybe the body
    title_bodies: dict[str, tuple[str, ...]]  # head_form of a bare title -> heads of bodies it leads
    honorific: re.Pattern[str]
    group_start: re.Pattern[str]  # folded
    collective_tail: re.Pattern[str]  # folded
    collective_noun: re.Pattern[str]  # folded
    bare_plural: re.Pattern[str]  # folded
    generic: re.Pattern[str]  # on the text
    local_gov: re.Pattern[str]  # folded
    district_units: frozenset[str]
    place_word: re.Pattern[str]  # on head_key text: a place name follows
    not_a_body: re.Pattern[str]  # on the text
    central_tail: re.Pattern[str]  # on head_key text
    central_head: re.Pattern[str]  # on head_key text
    unit_head: re.Pattern[str]  # on head_key text
    own_body: re.Pattern[str]  # on the text: "Văn phòng Sở" -> the issuer
    regional: re.Pattern[str]  # on head_key text
    distributive: re.Pattern[str]  # on the text
    shared_head: re.Pattern[str]  # on expanded text: "Hội đồng nhân dân" then what it shares
    plural_office: re.Pattern[str]  # on the text: "các Phó Chủ tịch ..." is the office, held by several
    task_head: re.Pattern[str]  # on head_key text, whole: a head whose next word stays lower case
    numbered_name: re.Pattern[str]  # on recased text: "đề án" before "06"
    proper_names: dict[str, str]  # head_form of a proper name -> its spelling
    proper_name: re.Pattern[str]  # on recased text, any case
    association: re.Pattern[str]  # on head_key text: an association's head

    def is_head(self, head_text: str) -> bool:
        """head_text (a head_key) opens the name of a body."""
        return bool(self.head.match(head_text)) and not self.not_head.match(head_text)

    def is_association(self, head_text: str) -> bool:
        """head_text opens an association's name ("Liên đoàn Karate"), not a longer head's ("Hội đồng")."""
        m, head = self.association.match(head_text), self.head.match(head_text)
        return bool(m) and (head is None or len(head.group(0)) <= len(m.group(0)))

    def head_words(self, head_text: str) -> int:
        m = self.head.match(head_text)
        return len(m.group(0).split()) if m else 1


@lru_cache(maxsize=8)
def rules_for(gaz: Gazetteer) -> AgencyRules:
    g = gaz.grammar
    heads = [head_form(h) for h in g["heads"] + g["cell_heads"]]
    titles = g["titles"]
    collective = _alt(_folded(g["collective_nouns"]))
    local_units = _folded(g["local_units"])
    councils = _folded(g["local_councils"])
    return AgencyRules(
        head=re.compile(rf"^(?:{_alt(heads)})(?!\w)"),
        not_head=re.compile(rf"^(?:{_alt([head_form(h) for h in g['not_heads']])})(?!\w)"),
        subhead=re.compile(rf"^(?:{_alt(_folded(g['subheads']))})\b"),
        title=re.compile(rf"^(?P<title>(?i:các\s+)?(?i:{_alt(titles)}))\.?(?:\s+(?P<body>.+))?$", re.I),
        title_bodies={head_form(t): tuple(head_form(b) for b in bodies) for t, bodies in g["title_bodies"].items()},
        honorific=re.compile(rf"^(?i:{_alt(g['honorifics'])})\s+"),
        group_start=re.compile(rf"^(?:(?:{_alt(_folded(g['group_holders']))}) )?(?:{_alt(_folded(g['group_starts']))}) "),
        collective_tail=re.compile(rf"^(?:(?:{collective}) ?)+(?: ?(?:co )?lien quan)?$"),
        collective_noun=re.compile(rf"^(?:{_alt(_folded(g['generic_nouns']))})\b"),
        bare_plural=re.compile(r"cac \w+(?: \w+)?"),
        generic=re.compile(rf"^(?:{_alt(g['generic_bodies'])})\s+[a-zđà-ỹ]", re.I),
        local_gov=re.compile(rf"^(?:{_alt(councils)}) (?P<unit>{_alt(local_units)}) \S"),
        district_units=frozenset(_folded(g["district_units"])),
        place_word=re.compile(rf"(?:^|\s)(?:{_alt([head_form(w) for w in g['place_words']])})\s"),
        not_a_body=re.compile(rf"^(?:{_alt(g['pointer_words'])})\b|\d+\s*/\s*[A-ZĐ]", re.I),
        central_tail=re.compile(rf"(?:^|\s)(?:{_alt([head_form(t) for t in g['central_tails']])})$"),
        central_head=re.compile(rf"^(?:{_alt([head_form(h) for h in g['central_heads']])})\s"),
        unit_head=re.compile(rf"^(?:{_alt([head_form(h) for h in g['unit_heads']])})(?!\w)"),
        own_body=re.compile(rf"\s(?i:{_alt(g['own_body_words'])})$"),
        regional=re.compile(rf"^(?:{_alt([head_form(h) for h in g['regional_heads']])})\s.*"
                            rf"{_alt([head_form(g['regional_word'])])}\s+[ivxlc\d]+$"),
        shared_head=re.compile(rf"^(?P<head>{_alt(g['shared_heads'])})(?:\s+(?P<rest>.+))?$", re.I),
        plural_office=re.compile(rf"^(?i:các)\s+(?=(?i:{_alt(titles)})(?:\s|$))"),
        distributive=re.compile(rf"(?i)(?:(?P<head>{_alt(g['distributive_heads'])})\s+)?các\s+(?P<kind>\w+)"),
        task_head=re.compile(rf"(?:{_alt([head_form(h) for h in g['task_heads']])})"),
        numbered_name=re.compile(rf"(?<!\w)(?:{_alt(g['numbered_names'])})(?=\s+(?:số\s+)?\d)", re.I),
        proper_names={head_form(n): n for n in g["proper_names"]},
        proper_name=re.compile(rf"(?<!\w)(?:{_alt(g['proper_names'])})(?!\w)", re.I),
        association=re.compile(rf"^(?:{_alt([head_form(h) for h in g['association_heads']])})(?!\w)"),
    )


@dataclass(frozen=True)
class Scope:
    """Who writes the cell: the issuer's province, the issuer and its parent body.

    The issuer resolves bare offices ("Bộ trưởng" in a ministry's recipients) and
    units inside it ("Phòng Tổ chức cán bộ", "Văn phòng Sở"), whose ids then carry
    the issuer's. `gazetteer` is the data to read (the package's by default).
    """

    province: str | None = None
    issuer: model.Agency | None = None
    parent: model.Agency | None = None
    gazetteer: Gazetteer | None = None

    @property
    def gaz(self) -> Gazetteer:
        return self.gazetteer or default_gazetteer()

    @property
    def rules(self) -> AgencyRules:
        return rules_for(self.gaz)


def scope_of(province: str | None | Scope, gazetteer: Gazetteer | None = None) -> Scope:
    if isinstance(province, Scope):
        return province
    return Scope(province=province, gazetteer=gazetteer)
