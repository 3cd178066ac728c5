"""Citations of other documents in Vietnamese text, merged into contract References.

Vietnamese administrative writing cites documents in one fixed shape
(Nghị định 30/2020/NĐ-CP, Phụ lục I): TYPE [số] NUMBER/SYMBOL [, ngày DATE]
[của ISSUER]. The type words and the symbol codes are data, loaded by
`citation_vocab`; this module holds the grammar around them. `find_citations` reads one text; `reference_merge`
merges the citations of a whole document into References.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from pipeline.normalize.citation_vocab import (
    CitationVocab, DocType, citation_words, issuer_from_symbol, using, normalize_issuer, parse_citation_date,
    type_by_symbol_code, type_by_word, type_of_word, type_word_pattern,
)
from pipeline.text import clean_whitespace, modernize_tones, slugify

# Symbol segment: "QĐ", "TTg", "HĐND", "KH&CN", "QH13"; must end at a word end so
# that "- Về việc ..." after a symbol is not read as a segment "V".
_SEG = r"[A-ZĐƯ][A-Za-zĐđƯư0-9&]*(?!\w)"

_NUMBER_SYMBOL = re.compile(rf"""
    (?P<p_num>\d{{1,5}}) [^\S\n]?-[^\S\n]?       # Party style: the number, then "-"
    (?P<p_type>{_SEG}) [^\S\n]?/[^\S\n]?         #   the type code ("KL"), then "/"
    (?P<p_issuer>{_SEG}(?:-\n?{_SEG})*)          #   the issuing body ("TW", "TU")
  | (?P<s_num>\d{{1,2}}\.\d{{3}}|\d{{1,5}}[a-zđ]?)  # State style: the number ("709", "08", "1.234",
                                                 #   "47a": a company's or an office's letter)
    (?:[^\S\n]?/[^\S\n]?(?P<s_year>(?:19|20)\d{{2}}))?  # a year inside it ("140/2017/")
    [^\S\n]?/[^\S\n]?                            # "/", maybe spaced ("196 /KH-UBND")
    (?P<s_symbol>{_SEG}(?:[^\S\n]?-[^\S\n]?\n?{_SEG})*)  # the symbol ("QĐ-TTg"); a line may wrap after "-",
                                                 #   a stray space may stand by it ("1856/TTr -SCT")
""", re.X)

_NUMBER_HEAD = re.compile(r"""
    \s*:?\s+                                     # after the type word ("các Quyết định: số ...")
    (?:(?i:số)\s*:?\s*){0,2}                     # "số" (optional: "Chỉ thị 25/CT-TTg"; doubled: "số số 12")
""", re.X)

_CONTINUATION = re.compile(r"""
    \s*(?:,|;|\s(?i:và))\s*                      # "," or "và" before another number
    (?:(?i:số)\s*)?                              # "và số 981/QĐ-UBND"
""", re.X)

_DATE = re.compile(r"""
    \s*,?\s*(?i:ngày)\s+                         # "ngày", maybe after a comma
    (?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})   # 23/7/2024, 23-7-2024
      |(?P<d2>\d{1,2})\s+(?i:tháng)\s+(?P<m2>\d{1,2})\s+(?i:năm)\s+(?P<y2>\d{4}))  # 23 tháng 7 năm 2024
    (?!\d)
""", re.X)

_ISSUER_LEAD = re.compile(r"\s*,?\s*(?i:của)\s+")  # "của Thủ tướng Chính phủ"
_ISSUER_BEFORE = re.compile(r"(?i:của|và)\s+")       # "đề nghị của Sở X tại Công văn ...", "... và Giám đốc Sở Y tại"
_BEFORE_TAI = re.compile(r"\s+(?i:tại)\s+$")


# "Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y ngày ...": one law, titled to the date.
_AMENDING = re.compile(r"\s+sửa\s+đổi,?\s+bổ\s+sung\s")
_AMENDING_END = re.compile(r"\s*(?:[;()]|\n\s*\n|\.(?:\s|$)|,?\s*(?i:ngày)\s+\d)|\s*$")
_SO = re.compile(r"\s+(?i:số)(?!\w)")
_NAME_YEAR = re.compile(r"\s+(?i:năm)\s+(?P<year>(?:19|20)\d{2})(?!\d)")

_WORD = re.compile(r"(?P<gap>[^\S\n]*\n?[^\S\n]*)(?P<w>-|[^\W_][\w&]*)")

_PROVISION_PART = r"""(?:
    (?i:điểm)\s+[a-zđ]\)?                           # điểm a
  | (?i:khoản)\s+\d+                                # khoản 2
  | Điều\s+\d+[a-z]?                                # Điều 5
  | Chương\s+[IVXLC\d]+ | Mục\s+\d+ | Phụ\s+lục\s+[IVXLC\d]+   # Chương II, Mục 3, Phụ lục I
)"""
_PROVISION = re.compile(rf"""
    (?<!\w)(?P<prov>{_PROVISION_PART}(?:[\s,]+{_PROVISION_PART})*)   # "điểm a khoản 2 Điều 5"
    \s+(?:(?i:của|tại)\s+)?$                        # then maybe "của", right before the type word
""", re.X)

_ALIAS_DEFINITION = re.compile(r"""
    \(\s*(?:sau\s+đây\s+)?(?:được\s+)?           # "(sau đây", maybe "được"
    (?:gọi|viết)(?:\s+(?:tắt|chung))?\s+là\s*:?\s*   # "gọi tắt là" / "viết tắt là" / "gọi là"
    ["“'‘]?(?P<alias>[^()"“”]{1,80}?)["”'’]?     # the abbreviation, maybe quoted
    \s*\)
""", re.X | re.I)


@dataclass(frozen=True)
class Citation:
    """One citation as written. Offsets are into the NFC form of the text."""

    start: int
    end: int
    text: str  # the whole span as written: type word .. date / issuer
    label: str  # type word and number (or title) as written, spaces collapsed: an alias
    type: str
    type_name: str
    number: str | None
    symbol: str | None
    code: str | None
    issued_date: str | None
    issuer_name: str | None
    provision: str | None = None  # "điểm a khoản 2 Điều 5": the part of the document cited
    defined_alias: str | None = None  # what the text says it will call this document
    name: str | None = None  # "Luật Ngân sách nhà nước" for a document cited by title
    year: int | None = None
    date_text: str | None = None  # the date as written, kept when it is impossible
    issuer_inferred: bool = False  # True when the issuer comes from the symbol or type

    @property
    def key(self) -> str:
        """The Reference id: the code, else a slug of the title."""
        return self.code or slugify(self.name or self.type_name)


@dataclass(frozen=True)
class AliasDefinition:
    """"(sau đây viết tắt là X)": X will stand for the document cited before it."""

    start: int
    end: int
    alias: str


# ---- pieces of a citation ------------------------------------------------------------


def _split_symbol(m: re.Match[str]) -> tuple[str, str, str, int | None, str, list[str]]:
    """Number, symbol, code, year-in-number, leading type code, issuer segments."""
    if m.group("p_num"):
        number, kind = m.group("p_num"), m.group("p_type")
        issuer = re.sub(r"\s", "", m.group("p_issuer"))
        symbol = f"{kind}/{issuer}"
        return number, symbol, f"{number}-{symbol}", None, kind, issuer.split("-")
    number, year = m.group("s_num"), m.group("s_year")
    symbol = re.sub(r"\s", "", m.group("s_symbol"))
    code = f"{number}/{year}/{symbol}" if year else f"{number}/{symbol}"
    segments = symbol.split("-")
    return number, symbol, code, int(year) if year else None, segments[0], segments


def _read_words(text: str, pos: int, stop: re.Pattern[str], max_words: int, lower_and: bool = False,
                comma_upper: bool = False) -> int:
    """End of a run of words from pos, up to a stop word, punctuation or max_words.

    "và" ends the run before a lower-case word unless `lower_and` (a title: "Luật Địa chất và
    khoáng sản"), where only a stop word after it ends the title ("Luật Đất đai và các ..."), and
    a comma before a lower-case word that is no stop word continues it ("Luật Cán bộ, công chức").
    `comma_upper`: a comma before a capital continues the run (the issuers of a joint document).
    A run written in capitals ends at a stop word in capitals too."""
    words = citation_words()
    first = _WORD.match(text, pos)
    caps = bool(first) and len(first.group("w")) > 1 and first.group("w").isupper()
    caps_stop = re.compile(stop.pattern, stop.flags | re.I) if caps else None
    end, count, previous, previous_at = pos, 0, "", pos
    while count < max_words:
        m = _WORD.match(text, end)
        if not m or (count and not m.group("gap")) or "\n\n" in m.group("gap"):
            break
        word, at = m.group("w"), m.start("w")
        nxt = _WORD.match(text, m.end())
        next_word = nxt.group("w") if nxt and nxt.group("gap") else ""
        kept = words.keep_in_name.match(text, at) or count and words.keep_in_name.match(text, previous_at)
        if word[0].islower() and stop.match(text, at) and not kept:
            break
        if caps_stop is not None and count and word.isupper() and caps_stop.match(text, at):
            break
        lower_ok = lower_and and next_word[:1].islower() and not stop.match(text, nxt.start("w"))
        if word == "và" and (not (next_word[:1].isupper() or lower_ok)
                             or type_word_pattern().match(text, nxt.start("w"))):
            break
        if word == "-" and not next_word[:1].isupper():
            break
        if word[0].isdigit() and previous != "thứ":  # "lần thứ 5" only
            break
        end, count, previous, previous_at = m.end(), count + 1, word, at
        after_comma = re.match(r",\s(\w+)", text[end:end + 40])
        lower_goes_on = (lower_and and after_comma and after_comma.group(1)[0].islower()
                         and not stop.match(text, end + after_comma.start(1)))
        upper_goes_on = comma_upper and after_comma and after_comma.group(1)[0].isupper()
        if words.inner_comma.match(text, end) or lower_goes_on or upper_goes_on:
            end = text.index(",", end) + 1
        elif text[end:end + 1] in tuple(",;:().\"”"):
            break
    return end if count else pos


def _read_issuer(text: str, pos: int, joint: bool = False) -> tuple[str, int] | None:
    """The issuer phrase after "của" at pos, normalised, and where it ends; `joint`: several
    issuers may be listed with commas ("của Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội")."""
    if not text[pos:pos + 1].isupper():
        return None
    words = citation_words()
    end = _read_words(text, pos, words.issuer_stop, words.max_issuer_words, comma_upper=joint)
    phrase = text[pos:end]
    for complete in words.complete_issuers:  # "Thủ tướng Chính phủ Kết quả ...": the issuer ends
        if phrase.startswith(complete + " ") and phrase[len(complete) + 1:][:1].isupper():
            end = pos + len(complete)
            break
    return (normalize_issuer(text[pos:end]), end) if end > pos else None


def _issuer_before(text: str, start: int) -> str | None:
    """"của Sở X tại Công văn số ...": the issuer written before the citation."""
    window = text[max(0, start - 120):start]
    tai = _BEFORE_TAI.search(window)
    if not tai:
        return None
    for lead in _ISSUER_BEFORE.finditer(window, 0, tai.start()):  # the first lead whose phrase ends at "tại"
        found = _read_issuer(window, lead.end())
        if found and found[1] == tai.start():
            return found[0]
    return None


def _provision_before(text: str, start: int) -> str | None:
    m = _PROVISION.search(text[max(0, start - 80):start])
    return clean_whitespace(m.group("prov")).rstrip(",") if m else None


def _read_date(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """(ISO date or None, date as written or None, end) at pos."""
    m = _DATE.match(text, pos)
    if not m:
        return None, None, pos
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    written = clean_whitespace(m.group(0).strip(" ,\n"))
    return parse_citation_date(d, mo, y), written, m.end()


# ---- the grammar ---------------------------------------------------------------------


def _read_numbered(text: str, start: int, pos: int, doc_type: DocType,
                   name: str | None = None) -> list[Citation]:
    """TYPE [số] NUMBER [ngày DATE] {, NUMBER [ngày DATE]} [của ISSUER] from pos."""
    head = _NUMBER_HEAD.match(text, pos)
    number = _NUMBER_SYMBOL.match(text, head.end()) if head else None
    parts: list[tuple[int, re.Match[str], tuple[str | None, str | None, int]]] = []
    span_start = start
    while number:
        date = _read_date(text, number.end())
        parts.append((span_start, number, date))
        more = _CONTINUATION.match(text, date[2])
        number = _NUMBER_SYMBOL.match(text, more.end()) if more else None
        span_start = more.end() if more else 0
    if not parts:
        return []
    end = parts[-1][2][2]
    lead = _ISSUER_LEAD.match(text, end)
    issuer = _read_issuer(text, lead.end(), joint=doc_type.code.endswith("lien_tich")) if lead else None
    if issuer:
        end = issuer[1]
        if parts[-1][2][1] is None:  # "của Thủ tướng Chính phủ ngày 23/7/2024"
            date = _read_date(text, end)
            parts[-1] = (*parts[-1][:2], date) if date[1] else parts[-1]
            end = max(end, date[2])
    written = issuer[0] if issuer else _issuer_before(text, start)
    found = []
    for index, (first, m, (iso, date_text, date_end)) in enumerate(parts):
        last = index == len(parts) - 1
        found.append(_numbered_citation(text, first, m, iso, date_text, end if last else date_end,
                                        doc_type if index == 0 else None, doc_type, written, name))
    return found


def _numbered_citation(text: str, start: int, m: re.Match[str], iso: str | None,
                       date_text: str | None, end: int, written_type: DocType | None,
                       chain_type: DocType, issuer: str | None, name: str | None) -> Citation:
    number, symbol, code, number_year, type_code, segments = _split_symbol(m)
    by_symbol = type_by_symbol_code().get(type_code)
    doc_type = written_type or by_symbol or chain_type
    if doc_type.code == "van_ban":  # "Văn bản số 709/QĐ-TTg" is a Quyết định
        doc_type = by_symbol or type_by_word()["công văn"]
    inferred = issuer is None and (issuer_from_symbol(segments, doc_type) or doc_type.default_issuer)
    label = clean_whitespace(re.sub(r"-\n\s*", "-", text[start if written_type else m.start():m.end()]))
    return Citation(
        start=start, end=end, text=text[start:end], label=label,
        type=doc_type.code, type_name=doc_type.word, number=number, symbol=symbol, code=code,
        issued_date=iso, issuer_name=issuer or inferred or None, provision=_provision_before(text, start),
        name=name, year=int(iso[:4]) if iso else number_year, date_text=date_text,
        issuer_inferred=bool(inferred))


def _read_title(text: str, start: int, pos: int, doc_type: DocType) -> tuple[int, int] | None:
    """Where a document's title ends, and where its year ends ("Luật Đất đai năm 2024")."""
    if doc_type.cite_by_name == "name" and _AMENDING.match(text, pos):  # an amending law's (ordinance's) whole title
        stop = _AMENDING_END.search(text, pos, pos + 300)
        title_end = stop.start() if stop else min(len(text), pos + 300)
        year = _NAME_YEAR.search(text, max(pos, title_end - 10), title_end)
        return (year.start() if year and year.end() == title_end else title_end), title_end
    if doc_type.cite_by_name in ("name", "any"):
        first = _WORD.match(text, pos)
        word = first.group("w") if first and first.group("gap") else ""
        # A title in lower case after "Luật"/"Pháp lệnh" counts only when a date follows it
        # ("Căn cứ Luật ngân sách nhà nước ngày 25 tháng 6 năm 2015").
        lower = doc_type.cite_by_name == "name" and bool(word) and not word[0].isupper()
        if not word or word in citation_words().not_a_name or (lower and not text[start].isupper()) or (
                text[start:pos].isupper() and not word.isupper()):  # "KỶ LUẬT\nĐiều 23"
            return None
        words = citation_words()
        end = _read_words(text, first.start("w"), words.name_stop, words.max_name_words, lower_and=True)
        if end == first.start("w") or lower and not (_DATE.match(text, end) or _NAME_YEAR.match(text, end)):
            return None
        pos = end
    year = _NAME_YEAR.match(text, pos)
    if doc_type.cite_by_name == "year" and not year:
        return None
    return pos, (year.end() if year else pos)


def _read_named(text: str, start: int, pos: int, doc_type: DocType) -> list[Citation]:
    """A document cited by its title or year: "Luật Ngân sách nhà nước", "Hiến pháp năm 2013"."""
    if not doc_type.cite_by_name or not text[start].isupper():
        return []
    ends = _read_title(text, start, pos, doc_type)
    if ends is None:
        return []
    name_end, end = ends
    name = modernize_tones(clean_whitespace(f"{doc_type.word} {text[pos:name_end]}"))
    year = _NAME_YEAR.search(text, name_end, end + 1) if end > name_end else None
    if _SO.match(text, end):  # "Luật Ngân sách nhà nước số 83/2015/QH13"
        return _read_numbered(text, start, end, doc_type, name)
    iso, date_text, date_end = _read_date(text, end)
    label = clean_whitespace(text[start:end])
    return [Citation(
        start=start, end=date_end, text=text[start:date_end], label=label,
        type=doc_type.code, type_name=doc_type.word, number=None, symbol=None, code=None,
        issued_date=iso, issuer_name=doc_type.default_issuer, provision=_provision_before(text, start),
        name=name, year=int(iso[:4]) if iso else int(year.group("year")) if year else None,
        date_text=date_text, issuer_inferred=doc_type.default_issuer is not None)]


def find_alias_definitions(text: str) -> list[AliasDefinition]:
    """Every "(sau đây viết tắt là X)" / "(sau đây gọi tắt là X)" in text."""
    return [AliasDefinition(m.start(), m.end(), clean_whitespace(m.group("alias")))
            for m in _ALIAS_DEFINITION.finditer(text)]


def _alias_target(alias: str, inside: list[Citation], before: list[Citation], adjacent: bool) -> Citation | None:
    """The citation an alias stands for: the one it names, else the nearest fitting one before it.

    An alias that names no document type ("CCHC") only stands for a citation right before it
    (`adjacent`): "(sau đây viết tắt là CCHC)" after a title abbreviates the title's words."""
    if inside:  # the alias is itself a citation: the same document cited before, else itself
        same = [c for c in before if c.key == inside[0].key]
        if same or inside[0].code or not before:
            return same[-1] if same else inside[0]
    head = type_word_pattern().match(alias)
    if not head and not adjacent and alias.split()[0] not in type_by_symbol_code():
        return None
    kind = type_of_word(head.group(0)).code if head else None
    number = re.match(r"\s+(?:(?i:số)\s*)?(\d+)", alias[head.end():]) if head else None
    for fits in (lambda c: c.type == kind and number and c.number == number.group(1),
                 lambda c: c.type == kind, lambda c: True):
        for citation in reversed(before):
            if fits(citation):
                return citation
    return None


def _attach_aliases(text: str, citations: list[Citation]) -> list[Citation]:
    """Mark the citations that alias definitions stand for with the alias.

    A citation written inside the definition ("(sau đây viết tắt là Kết luận số
    69-KL/TW)") stays: the text writes the document there once more."""
    for definition in find_alias_definitions(text):
        inside = [c for c in citations if definition.start <= c.start < definition.end]
        before = [c for c in citations if c.end <= definition.start]
        adjacent = bool(before) and not text[before[-1].end:definition.start].strip()
        target = _alias_target(definition.alias, inside, before, adjacent)
        if target is None:
            continue
        citations = [replace(c, defined_alias=definition.alias) if c is target else c for c in citations]
    return citations


def find_citations(text: str, vocab: CitationVocab | None = None) -> list[Citation]:
    """Every citation of another document in text, in order.

    Args:
        text: one paragraph or cell; line breaks inside a citation are fine.
        vocab: the type words, symbol codes and stop words to read; the package's when None.

    Returns:
        Citations with offsets into the NFC form of text; the citation an alias
        definition stands for carries the alias in `defined_alias`.
    """
    with using(vocab):
        text = unicodedata.normalize("NFC", text)
        found: list[Citation] = []
        for m in type_word_pattern().finditer(text):
            if found and m.start() < found[-1].end:
                continue
            doc_type = type_of_word(m.group(0))
            found += (_read_numbered(text, m.start(), m.end(), doc_type)
                      or _read_named(text, m.start(), m.end(), doc_type))
        return _attach_aliases(text, found)
