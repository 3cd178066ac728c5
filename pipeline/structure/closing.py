"""The closing block: "Nơi nhận" recipients, the archive line, the signature.

Usually a borderless two-column table (recipients left, signature right); a
PDF band arrives in the same shape. Where it is plain paragraphs, the
recipients are the "- ..." lines after "Nơi nhận:".
"""
from __future__ import annotations

import re
from functools import cache

from pipeline.data import load_csv
from pipeline.ir import Block, Paragraph, Table
from pipeline.model import Signer
from pipeline.structure.blocks import table_columns
from pipeline.text import folded, is_upper
from pipeline.structure.types import RawClosing

_RECIPIENTS_HEAD = re.compile(r"^\s*nơi\s+nhận\s*:?\s*", re.I)
_ARCHIVE = re.compile(r"^\s*[-–+•]?\s*(Lưu\s*:?.*)$", re.I)
# The drafter's mark typed after the archive line ("KGVX.thiên581", "NC.Châu"): the last
# token after a full stop holding a lower-case letter; archive codes are capitals.
_DRAFTER_MARK = re.compile(r"\.\s*([^\s.,;()]*[a-zđà-ỹ][^\s.,;()]*)\s*\.?$")
# Recipients typed in one paragraph with line breaks: "...tỉnh; - Bộ tư lệnh ...".
_INLINE_BULLET = re.compile(r"(?<=[;,.])\s+(?=[-–+•]\s)")
_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\s*\.\s*(.*)$")
_AUTHORITY_START = re.compile(r"(?<!\S)(?=(?:TM|KT|TL|TUQ|Q)\s*\.)")
_BULLET = re.compile(r"^\s*[-–+•]\s*")


def is_closing_start(block: Block) -> bool:
    """A block that opens the closing: "Nơi nhận:" or a layout table holding it."""
    if isinstance(block, Paragraph):
        return bool(_RECIPIENTS_HEAD.match(block.text))
    if block.bordered:
        return False
    return any(_RECIPIENTS_HEAD.match(p.text) for col in table_columns(block) for p in col[:1])


def split_recipient_lines(lines: list[str]) -> tuple[list[str], str | None]:
    """Recipient entries (bullets stripped, wrapped lines rejoined) and the archive line."""
    entries: list[str] = []
    archive: str | None = None
    for raw in (piece for line in lines for piece in _INLINE_BULLET.split(line)):
        text = _RECIPIENTS_HEAD.sub("", raw).strip()
        if not text:
            continue
        if m := _ARCHIVE.match(text):
            archive = m.group(1).strip()
            continue
        if _BULLET.match(text) or not entries:
            entries.append(_BULLET.sub("", text))
        else:
            entries[-1] = f"{entries[-1]} {text}"
    entries = [e.rstrip(" ;.,") for e in entries if e.rstrip(" ;.,")]
    # "- Các cơ quan, đơn vị:" only introduces the "+ ..." items under it: they are the recipients.
    return [e for e in entries if not e.endswith(":")], archive


def split_archive(archive: str | None) -> tuple[str | None, str | None]:
    """("Lưu: VT, KGVX", "thiên581") from "Lưu: VT, KGVX.thiên581"."""
    if not archive:
        return None, None
    mark = None
    if m := _DRAFTER_MARK.search(archive):
        mark = m.group(1)
        archive = archive[: m.start()]
    archive = re.sub(r"\s*:\s*", ": ", archive.rstrip(" .;,"), count=1)
    return archive, mark


def closing_from_blocks(blocks: list[Block]) -> RawClosing:
    """Read recipients and the signature from the blocks of the closing."""
    recipient_lines: list[str] = []
    signature: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            columns = table_columns(block)
            for col in columns:
                texts = [p.text for p in col]
                if texts and _RECIPIENTS_HEAD.match(texts[0]):
                    recipient_lines.extend(texts)
                else:
                    signature.extend(texts)
        else:
            # "Nơi nhận:<tab>KT. CHỦ TỊCH": the closing typed with tabs instead of a table.
            left, *right = block.text.split("\t")
            if _RECIPIENTS_HEAD.match(left) or _BULLET.match(left) or recipient_lines and _ARCHIVE.match(left):
                recipient_lines.append(left)
            elif left.strip():
                signature.append(left)
            signature.extend(part for part in right if part.strip())
    recipients, archive = split_recipient_lines(recipient_lines)
    return RawClosing(tuple(recipients), archive, tuple(s for s in signature if s.strip()))


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


def _is_person_name(upper: str) -> bool:
    """An all-caps signer name: 2-6 words, no digits, no title or authority in it."""
    words = upper.split()
    return (
        2 <= len(words) <= 6
        and not any(ch.isdigit() for ch in upper)
        and not _AUTHORITY.match(upper)
        and not any(_title_at(folded(upper).split()[i:]) for i in range(len(words)))
    )


def _authority_groups(upper: list[str]) -> list[list[str]]:
    """Upper-case lines grouped by authority: each "KT."/"TL."/... line starts a group.

    A line may hold several (a PDF joins "TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG"): it is cut
    before each authority first.
    """
    groups: list[list[str]] = []
    for line in upper:
        for part in (p.strip() for p in _AUTHORITY_START.split(line)):
            if not part:
                continue
            if _AUTHORITY.match(part) or not groups:
                groups.append([part])
            else:
                groups[-1].append(part)
    return groups


def _behalf_and_title(behalf: str, rest: list[str]) -> tuple[str | None, str | None]:
    """(on behalf of, title) of one authority group: by its lines, else by known titles."""
    if behalf and rest:  # the lines keep their parts apart
        return official_case(behalf), official_title(" ".join(rest))
    return _split_title(" ".join([behalf, *rest]).strip())


def _authority_lines(upper: list[str]) -> tuple[str | None, str | None, str | None]:
    """(authority, on behalf of, title) from the upper-case lines.

    Layered authorities ("TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG";
    "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") are read from the outside:
    the document is signed TL. for the Chủ tịch; the signer's title is the innermost line.
    """
    groups = _authority_groups(upper)
    if not groups:
        return None, None, None
    outer = _AUTHORITY.match(groups[0][0])
    if outer is None:
        head = " ".join(groups[0])
        return None, None, official_title(head) if head else None
    if len(groups) == 1:
        on_behalf, title = _behalf_and_title(outer.group(2).strip(), groups[0][1:])
        return outer.group(1), on_behalf, title
    inner = _AUTHORITY.match(groups[-1][0])
    _, title = _behalf_and_title(inner.group(2).strip(), groups[-1][1:])
    behalf = outer.group(2).strip()
    return outer.group(1), official_case(behalf) if behalf else None, title


def parse_signature(lines: tuple[str, ...]) -> Signer | None:
    """Authority, title, on-whose-behalf and name from the signature lines.

    The upper-case lines are the authority and title ("KT. CHỦ TỊCH" /
    "PHÓ CHỦ TỊCH", possibly run together in one line); the last line in
    mixed case is the signer's name, or the last upper-case line when it
    reads as a name rather than a title.
    """
    upper = [ln.strip() for ln in lines if is_upper(ln) and not _RECIPIENTS_HEAD.match(ln)]
    names = [ln.strip() for ln in lines if not is_upper(ln) and re.search(r"[^\W\d_]{2,}", ln)]
    names = [n for n in names if not re.fullmatch(r"\(.*\)", n)]  # "(Đã ký)", "(Ký tên, đóng dấu)"
    if not names and len(upper) >= 2 and _is_person_name(upper[-1]):
        names = [upper.pop()]
    if not upper and not names:
        return None
    authority, on_behalf, title = _authority_lines(upper)
    name = _person_name(names[-1]) if names else None
    return Signer(name=name, title=title, authority=authority, on_behalf_of=on_behalf)
