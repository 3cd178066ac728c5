"""Named persons in a list of responsibles (contract 1.2, agency entries of kind "person").

A meeting programme or a plan's "PHÂN CÔNG NHIỆM VỤ" table names people where other tables
name bodies: "Ông Đỗ Mạnh Cường - Phó Trưởng phòng", "Đồng chí Nguyễn Ngọc Phúc - Phó Chủ
tịch UBND tỉnh", or several names run together in one cell ("Đỗ Mạnh Cường Vũ Việt Linh
Nguyễn Thị Loan"). Each becomes one `model.Person`, never an agency. Names are found by rule,
not listed: a known surname (data/person_names.yaml), then one to three capitalised
Vietnamese syllables.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pipeline import model
from pipeline.data import load_csv, load_yaml
from pipeline.text import folded, is_vietnamese_syllable, normalize_text, slugify

# A name is a surname and one to three more syllables.
MIN_SYLLABLES, MAX_SYLLABLES = 2, 4
# A name with no title or honorific before it needs this many syllables: two capitalised
# syllables are as often a place ("Lâm Đồng", "Hà Nội").
BARE_NAME_SYLLABLES = 3
# Names run together split at a surname once the current name has this many syllables.
USUAL_SYLLABLES = 3
_EDGE = " -–+•;,.:"


@dataclass(frozen=True)
class _Vocabulary:
    surnames: frozenset[str]
    titles: tuple[str, ...]  # printed before a name and kept as its title ("Ông/Bà")
    honorifics: tuple[str, ...]  # printed before a name, not a title ("Đồng chí")
    separators: tuple[str, ...]  # between a name and the title after it
    places: frozenset[str]  # folded province names: "Hồ Chí Minh" is no person


@cache
def _vocabulary() -> _Vocabulary:
    data = load_yaml("person_names.yaml")
    places = frozenset(folded(r["name"]) for r in load_csv("provinces.csv"))
    by_length = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731
    return _Vocabulary(frozenset(data["surnames"]), by_length(data["titles_before"]),
                       by_length(data["honorifics"]), tuple(data["title_separators"]), places)


def _is_name_word(word: str) -> bool:
    """"Cường" is; "UBND", "phòng", "Sở." are not."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and is_vietnamese_syllable(word) \
        or len(word) == 1 and word.isupper() and word.isalpha()


def _lead_word(text: str, words: tuple[str, ...]) -> tuple[str | None, str]:
    """The word of `words` that `text` starts with (then a space), and the text after it."""
    for word in words:
        if text.startswith(word + " "):
            return word, text[len(word):].strip()
    return None, text


def _title_after(text: str, vocab: _Vocabulary) -> tuple[str, str | None]:
    """"Nguyễn Văn A - Phó Giám đốc" -> ("Nguyễn Văn A", "Phó Giám đốc")."""
    cuts = [(text.find(sep), sep) for sep in vocab.separators if sep in text]
    if not cuts:
        return text, None
    at, sep = min(cuts)
    title = text[at + len(sep):].strip(_EDGE + ")")
    return text[:at].strip(), title or None


def _split_names(words: list[str], vocab: _Vocabulary) -> list[list[str]] | None:
    """Words of names run together, one list per name; None when they are not all names."""
    names: list[list[str]] = []
    for word in words:
        starts = word in vocab.surnames and (not names or len(names[-1]) >= USUAL_SYLLABLES)
        if not names or starts or len(names[-1]) == MAX_SYLLABLES:
            if word not in vocab.surnames:
                return None
            names.append([])
        names[-1].append(word)
    return names if names and all(len(n) >= MIN_SYLLABLES for n in names) else None


def read_persons(text: str) -> list[model.Person] | None:
    """The persons a cell piece names, one entry each, or None when it names none.

    "Ông Đỗ Mạnh Cường - Phó Trưởng phòng" gives one person titled "Phó Trưởng phòng";
    "Đỗ Mạnh Cường Vũ Việt Linh Nguyễn Thị Loan" three, untitled.
    """
    vocab = _vocabulary()
    written = normalize_text(text).strip(_EDGE)
    title_before, rest = _lead_word(written, vocab.titles)
    honorific, rest = _lead_word(rest, vocab.honorifics)
    name_part, title_after = _title_after(rest, vocab)
    words = name_part.split()
    if not words or not all(_is_name_word(w) for w in words):
        return None
    names = _split_names(words, vocab)
    if names is None:
        return None
    introduced = bool(title_before or honorific)
    if len(names) == 1 and (len(words) < BARE_NAME_SYLLABLES and not introduced or folded(name_part) in vocab.places):
        return None
    title = (title_after or title_before) if len(names) == 1 else None
    return [model.Person(id=slugify(" ".join(n)), name=" ".join(n), text=written if len(names) == 1 else " ".join(n),
                         title=title) for n in names]


def persons_in_cell(text: str) -> list[model.Person] | None:
    """Every person a cell names when each of its lines (or ";"-items) names persons only, else None:
    "Nguyễn Văn An, Phó Giám đốc Sở" is read whole, before a comma could cut a title from its name."""
    lines = [line for line in text.replace(";", "\n").split("\n") if line.strip(_EDGE)]
    found: list[model.Person] = []
    for line in lines:
        persons = read_persons(line)
        if persons is None:
            return None
        found.extend(persons)
    return found or None
