"""The signature block: where it ends, and who signed in what capacity.

Every rule of the signer lives here (the closing reader calls it; normalisation
takes the Signer as handed over). The upper-case lines are authority lines
("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") and the signer's title ("PHÓ CHỦ TỊCH");
the name is the first mixed-case line after them, or an upper-case line that reads
as a name. The block ends with the name: what a PDF band puts below it (an
appendix title, a table caption) is not the signer's. A post printed under the
title is another one the signer holds ("CHỦ TỊCH / GIÁM ĐỐC SỞ NỘI VỤ"), and a rank
or degree before the name ("Thiếu tướng", "PGS.TS.") no part of the name: both
are kept apart (`Signer.other_titles`, `Signer.rank`).
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
def _authority_written() -> str:
    """A pattern of every spelling with what must follow it: a full stop ("KT."), or for the
    Party's spellings a full stop or a space ("K/T CHÁNH VĂN PHÒNG"), longest first."""
    rows = sorted(load_csv("signer_authorities.csv"), key=lambda r: -len(r["written"]))
    return "|".join(re.escape(r["written"]) + (r"(?:\s*\.|(?=\s))" if r["full_stop"] == "optional" else r"\s*\.")
                    for r in rows)


@cache
def _authority_pattern() -> re.Pattern[str]:
    return re.compile(r"^(" + _authority_written() + r")\s*(.*)$")


@cache
def _authority_start() -> re.Pattern[str]:
    """Where an authority begins inside a line ("TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG")."""
    return re.compile(r"(?<!\S)(?=(?:" + _authority_written() + r"))")


def match_authority(line: str) -> tuple[str, str] | None:
    """("KT", "CHỦ TỊCH") for "KT. CHỦ TỊCH"; "T/M." and the Party's "T/M" are TM."""
    if m := _authority_pattern().match(line.strip()):
        return _authority_spellings()[m.group(1).rstrip(" .")], m.group(2).strip()
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


@cache
def _officer_ranks() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(folded words, official spelling) of the ranks written in words ("Thiếu tướng"), longest first."""
    rows = [r["rank"] for r in load_csv("signer_ranks.csv") if r["kind"] == "officer"]
    return tuple(sorted(((tuple(folded(r).split()), r) for r in rows), key=lambda t: -len(t[0])))


@cache
def _abbreviated_ranks() -> dict[str, str]:
    """{folded abbreviation: official spelling} of degrees and honours ("pgs": "PGS")."""
    return {folded(r["rank"]): r["rank"] for r in load_csv("signer_ranks.csv") if r["kind"] != "officer"}


def _rank_at(words: list[str]) -> tuple[str, int] | None:
    """(rank, how many words it takes) at the start of `words`: a rank in words ("Thiếu tướng"),
    or abbreviations each closed by a full stop, run together or not ("PGS.TS.", "TS.")."""
    keys = tuple(folded(w) for w in words)
    for rank_keys, rank in _officer_ranks():
        if keys[:len(rank_keys)] == rank_keys:
            return rank, len(rank_keys)
    *parts, after = words[0].split(".") if words else [""]
    if parts and not after and all(folded(p) in _abbreviated_ranks() for p in parts):
        return "".join(_abbreviated_ranks()[folded(p)] + "." for p in parts), 1
    return None


def split_rank(name: str) -> tuple[str | None, str]:
    """("Thiếu tướng", "Trương Minh Đương") from "Thiếu tướng Trương Minh Đương": ranks and degrees
    printed before a name are no part of it; a name of two words at least is left."""
    words, ranks = name.split(), []
    while (found := _rank_at(words)) and len(words) - found[1] >= NAME_WORDS[0]:
        ranks.append(found[0])
        words = words[found[1]:]
    return " ".join(ranks) or None, " ".join(words)


def rank_of(line: str) -> str | None:
    """The rank a line holds when it holds nothing else ("Đại tá", "PGS.TS."), else None."""
    words, ranks = line.split(), []
    while words and (found := _rank_at(words)):
        ranks.append(found[0])
        words = words[found[1]:]
    return " ".join(ranks) if ranks and not words else None


def _holds_title(text: str) -> bool:
    """Whether a known title stands anywhere in the text ("HỘI ĐỒNG THẨM ĐỊNH CHỦ TỊCH")."""
    keys = folded(text).split()
    return any(_title_at(keys[i:]) for i in range(len(keys)))


def _person_name(text: str) -> str:
    """Names are printed in title case; an all-caps name is recased word by word."""
    words = text.split()
    if is_upper(text):
        words = [w[:1] + w[1:].lower() for w in words]
    return " ".join(words)


def reads_as_name(line: str) -> bool:
    """2-6 words, no digits, no authority, title or document-part word in it."""
    words = line.split()
    return (
        NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]
        and not any(ch.isdigit() for ch in line)
        and not re.search(r"[:;,]", line)
        and match_authority(line) is None
        and not is_document_part(line)
        and not _holds_title(line)
        and rank_of(line) is None
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


def _posts(lines: list[str]) -> list[str]:
    """The title lines cut into posts: a line that starts with a known title starts another
    post once the one before holds a title ("CHỦ TỊCH / GIÁM ĐỐC SỞ NỘI VỤ" are two); any
    other line continues it ("VỤ TRƯỞNG VỤ / PHÁP CHẾ", "PHÓ CHỦ TỊCH / THƯỜNG TRỰC")."""
    posts: list[str] = []
    for line in lines:
        if posts and not (_title_at(folded(line).split()) and _holds_title(posts[-1])):
            posts[-1] = f"{posts[-1]} {line}"
        else:
            posts.append(line)
    return posts


def _body_then_title(line: str) -> tuple[str, str] | None:
    """("HỘI ĐỒNG THẨM ĐỊNH", "CHỦ TỊCH") from an authority's body with the title line run into
    it (a PDF band joins them); the body has two words at least ("BAN GIÁM ĐỐC" is one body)."""
    keys, originals = folded(line).split(), line.split()
    if len(keys) != len(originals):
        return None
    for cut in range(2, len(keys)):
        if _title_at(keys[cut:]):
            return " ".join(originals[:cut]), " ".join(originals[cut:])
    return None


def _behalf_and_posts(behalf: str, rest: list[str]) -> tuple[str | None, list[str]]:
    """(on behalf of, [title, other posts...]) of the innermost group: by its lines, else by known titles."""
    if rest and (joined := _body_then_title(behalf)):
        return official_case(joined[0]), [official_title(p) for p in _posts([joined[1], *rest])]
    if behalf and rest:  # the lines keep their parts apart
        return official_case(behalf), [official_title(p) for p in _posts(rest)]
    on_behalf, title = _split_title(" ".join([behalf, *rest]).strip())
    return on_behalf, [title] if title else []


def read_authorities(upper: list[str]) -> tuple[list[SignerLayer], list[str]]:
    """(every authority layer outermost first, the signer's title and other posts) from the
    upper-case lines.

    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" gives TM of "Ủy ban nhân dân",
    KT of "Chủ tịch", title "Phó Chủ tịch"; "TM. HỘI ĐỒNG THẨM ĐỊNH / CHỦ TỊCH / GIÁM ĐỐC SỞ
    NỘI VỤ" the title "Chủ tịch" and the other post "Giám đốc Sở Nội vụ".
    """
    groups = _authority_groups(upper)
    if not groups:
        return [], []
    if match_authority(groups[0][0]) is None:  # no authority: the lines are the title and other posts
        return [], [official_title(p) for p in _posts(groups[0])]
    layers = []
    for group in groups[:-1]:
        code, of = match_authority(group[0])  # type: ignore[misc]
        body = " ".join([of, *group[1:]]).strip()
        layers.append(SignerLayer(code, official_case(body) if body else None))
    code, of = match_authority(groups[-1][0])  # type: ignore[misc]
    behalf, posts = _behalf_and_posts(of, groups[-1][1:])
    layers.append(SignerLayer(code, behalf))
    return layers, posts


def parse_signature(lines: tuple[str, ...] | list[str]) -> Signer | None:
    """Authority layers, title, rank and name from the signature lines (None when there are none)."""
    end, named = signature_extent(list(lines))
    kept = [ln.strip() for ln in lines[:end] if ln.strip() and not is_signature_note(ln)]
    name = kept.pop() if named and kept else None
    # a rank on a line of its own, just above the name ("Đại tá" / "Nguyễn Văn A")
    rank_above = rank_of(kept[-1]) if name and kept else None
    if rank_above:
        kept.pop()
    upper = [ln for ln in kept if is_upper(ln)]  # mixed-case lines other than the name are no part of it
    if not upper and name is None:
        return None
    layers, posts = read_authorities(upper)
    inner = layers[-1] if layers else None
    rank, person = split_rank(_person_name(name)) if name else (None, None)
    return Signer(
        name=person, title=posts[0] if posts else None,
        authority=inner.authority if inner else None, on_behalf_of=inner.of if inner else None,
        layers=layers, rank=" ".join(filter(None, [rank_above, rank])) or None, other_titles=posts[1:],
    )


def opens_signature(line: str) -> bool:
    """An upper-case line a signature can start with: an authority ("TM. ỦY BAN NHÂN DÂN") or a
    known title ("CHỦ TỊCH QUỐC HỘI"); what a signature printed without "Nơi nhận" must begin with."""
    text = line.strip()
    return is_upper(text) and (match_authority(text) is not None or _title_at(folded(text).split()) is not None)
