"""The signature block: where it ends, and who signed in what capacity.

Every rule of the signer lives here (the closing reader calls it; normalisation
takes the Signer as handed over). The upper-case lines are authority lines
("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") and the signer's title ("PHÓ CHỦ TỊCH");
the name is the first mixed-case line after them, or an upper-case line that reads
as a name. The block ends with the name: what a PDF band puts below it (an
appendix title, a table caption) is not the signer's.
"""
from __future__ import annotations

import re
from functools import cache

from pipeline.data import load_csv, load_lines
from pipeline.model import Signer, SignerLayer
from pipeline.text import folded, is_upper

# A signature line longer than this many words is running text, not a title or body name.
MAX_SIGNATURE_LINE_WORDS = 14
# A person's name has this many words (Vietnamese names: family, middle, given).
NAME_WORDS = (2, 6)


@cache
def _authority_spellings() -> dict[str, str]:
    """{spelling as written: contract code}, from data/signer_authorities.csv."""
    return {row["written"]: row["code"] for row in load_csv("signer_authorities.csv")}


@cache
def _authority_pattern() -> re.Pattern[str]:
    spellings = sorted(_authority_spellings(), key=len, reverse=True)
    return re.compile(r"^(" + "|".join(re.escape(s) for s in spellings) + r")\s*\.\s*(.*)$")


@cache
def _authority_start() -> re.Pattern[str]:
    """Where an authority begins inside a line ("TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG")."""
    spellings = sorted(_authority_spellings(), key=len, reverse=True)
    return re.compile(r"(?<!\S)(?=(?:" + "|".join(re.escape(s) for s in spellings) + r")\s*\.)")


def match_authority(line: str) -> tuple[str, str] | None:
    """("KT", "CHỦ TỊCH") for "KT. CHỦ TỊCH"; "T/M." is TM."""
    if m := _authority_pattern().match(line.strip()):
        return _authority_spellings()[m.group(1)], m.group(2).strip()
    return None


@cache
def _notes() -> tuple[str, ...]:
    return tuple(folded(n) for n in load_lines("signature_notes.txt"))


def is_signature_note(line: str) -> bool:
    """"(Đã ký)", "(Ký tên, đóng dấu)": any line wholly in brackets is a note, never a name."""
    text = line.strip()
    return bool(re.fullmatch(r"\(.*\)", text)) or folded(text).strip("()") in _notes()


@cache
def _document_parts() -> tuple[str, ...]:
    return tuple(folded(p) for p in load_lines("document_parts.txt"))


def is_document_part(line: str) -> bool:
    """"PHỤ LỤC I", "Danh mục ...": a label that opens a part printed after the signature."""
    key = folded(line)
    return any(key == p or key.startswith(p + " ") for p in _document_parts())


@cache
def _titles() -> tuple[tuple[str, str], ...]:
    """(folded title, official spelling), longest first."""
    titles = [(folded(r["title"]), r["title"]) for r in load_csv("signer_titles.csv")]
    return tuple(sorted(titles, key=lambda t: -len(t[0])))


def official_case(upper: str) -> str:
    """Official spelling of an upper-case title or body: "PHÓ CHỦ TỊCH" -> "Phó Chủ tịch"."""
    key = folded(upper)
    for title_key, title in _titles():
        if key == title_key:
            return title
    lowered = upper.strip().lower()
    return lowered[:1].upper() + lowered[1:]


def _title_at(words: list[str]) -> tuple[str, str] | None:
    """(official title, folded key) of the longest known title the folded words start with."""
    joined = " ".join(words)
    for title_key, title in _titles():
        if joined == title_key or joined.startswith(title_key + " "):
            return title, title_key
    return None


def official_title(upper: str) -> str:
    """"VỤ TRƯỞNG VỤ PHÁP CHẾ" -> "Vụ trưởng Vụ Pháp chế": a known title, then the unit it heads."""
    words = upper.split()
    known = _title_at(folded(upper).split())
    if known is None:
        return official_case(upper)
    title, key = known
    unit = [w.lower() for w in words[len(key.split()):]]
    # A unit's name: its kind and the first word of its name capitalised ("Vụ Pháp chế", "Sở Tài chính").
    unit = [w[:1].upper() + w[1:] if i < 2 else w for i, w in enumerate(unit)]
    return " ".join([title, *unit])


def _split_title(words: str) -> tuple[str | None, str | None]:
    """(on behalf of, title) from run-together words ("CHỦ TỊCH PHÓ CHỦ TỊCH").

    The title starts at the first word after which a known title begins
    ("BỘ TRƯỞNG | VỤ TRƯỞNG VỤ PHÁP CHẾ"); what is before it is on whose behalf.
    """
    keys = folded(words).split()
    originals = words.split()
    for cut in range(1, len(keys)):
        if _title_at(keys[cut:]) and len(originals) == len(keys):
            return official_case(" ".join(originals[:cut])), official_title(" ".join(originals[cut:]))
    return None, official_title(words) if words.strip() else None


def _person_name(text: str) -> str:
    """Names are printed in title case; an all-caps name is recased word by word."""
    words = text.split()
    if is_upper(text):
        words = [w[:1] + w[1:].lower() for w in words]
    return " ".join(words)


def reads_as_name(line: str) -> bool:
    """2-6 words, no digits, no authority, title or document-part word in it."""
    words = line.split()
    keys = folded(line).split()
    return (
        NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]
        and not any(ch.isdigit() for ch in line)
        and not re.search(r"[:;,]", line)
        and match_authority(line) is None
        and not is_document_part(line)
        and not any(_title_at(keys[i:]) for i in range(len(keys)))
    )


def _ends_block(line: str) -> bool:
    """A line that cannot belong to a signature: a document part, running text."""
    return is_document_part(line) or len(line.split()) > MAX_SIGNATURE_LINE_WORDS or line.rstrip().endswith(":")


def signature_extent(lines: list[str]) -> tuple[int, bool]:
    """(how many leading lines are the signature, whether its name was found).

    The signature is the authority and title lines, notes ("(Đã ký)") and the
    name; it ends after the name, or before a line no signature holds.
    """
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or is_signature_note(line):
            continue
        if _ends_block(line):
            return _upper_name_end(lines, i)
        if is_upper(line):
            continue
        if reads_as_name(line):
            return i + 1, True  # the first mixed-case line that reads as a name is the name
        # another mixed-case line (a place and date printed above the authority) is passed over
    return _upper_name_end(lines, len(lines))


def _upper_name_end(lines: list[str], end: int) -> tuple[int, bool]:
    """Without a mixed-case name: the last upper-case line before `end` is the name when it reads as one."""
    texts = [(i, ln.strip()) for i, ln in enumerate(lines[:end]) if ln.strip() and not is_signature_note(ln)]
    upper = [(i, t) for i, t in texts if is_upper(t)]
    if len(upper) >= 2 and reads_as_name(upper[-1][1]):
        return upper[-1][0] + 1, True
    return end, False


def _authority_groups(upper: list[str]) -> list[list[str]]:
    """Upper-case lines grouped by authority: each "KT."/"TL."/... starts a group; a line
    holding several (a PDF joins "TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG") is cut before each."""
    groups: list[list[str]] = []
    for line in upper:
        for part in (p.strip() for p in _authority_start().split(line)):
            if not part:
                continue
            if match_authority(part) or not groups:
                groups.append([part])
            else:
                groups[-1].append(part)
    return groups


def _behalf_and_title(behalf: str, rest: list[str]) -> tuple[str | None, str | None]:
    """(on behalf of, title) of the innermost group: by its lines, else by known titles."""
    if behalf and rest:  # the lines keep their parts apart
        return official_case(behalf), official_title(" ".join(rest))
    return _split_title(" ".join([behalf, *rest]).strip())


def read_authorities(upper: list[str]) -> tuple[list[SignerLayer], str | None]:
    """(every authority layer outermost first, the signer's title) from the upper-case lines.

    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" gives TM of "Ủy ban nhân dân",
    KT of "Chủ tịch", title "Phó Chủ tịch".
    """
    groups = _authority_groups(upper)
    if not groups:
        return [], None
    if match_authority(groups[0][0]) is None:  # no authority: the lines are the title
        return [], official_title(" ".join(groups[0]))
    layers = []
    for group in groups[:-1]:
        code, of = match_authority(group[0])  # type: ignore[misc]
        body = " ".join([of, *group[1:]]).strip()
        layers.append(SignerLayer(code, official_case(body) if body else None))
    code, of = match_authority(groups[-1][0])  # type: ignore[misc]
    behalf, title = _behalf_and_title(of, groups[-1][1:])
    layers.append(SignerLayer(code, behalf))
    return layers, title


def parse_signature(lines: tuple[str, ...] | list[str]) -> Signer | None:
    """Authority layers, title and name from the signature lines (None when there are none)."""
    end, named = signature_extent(list(lines))
    kept = [ln.strip() for ln in lines[:end] if ln.strip() and not is_signature_note(ln)]
    name = kept.pop() if named and kept else None
    upper = [ln for ln in kept if is_upper(ln)]  # mixed-case lines other than the name are no part of it
    if not upper and name is None:
        return None
    layers, title = read_authorities(upper)
    inner = layers[-1] if layers else None
    return Signer(
        name=_person_name(name) if name else None, title=title,
        authority=inner.authority if inner else None, on_behalf_of=inner.of if inner else None,
        layers=layers,
    )


def opens_signature(line: str) -> bool:
    """An upper-case line a signature can start with: an authority ("TM. ỦY BAN NHÂN DÂN") or a
    known title ("CHỦ TỊCH QUỐC HỘI"); what a signature printed without "Nơi nhận" must begin with."""
    text = line.strip()
    return is_upper(text) and (match_authority(text) is not None or _title_at(folded(text).split()) is not None)
