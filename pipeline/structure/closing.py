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
from pipeline.structure.blocks import folded, is_upper, table_columns
from pipeline.structure.types import RawClosing

_RECIPIENTS_HEAD = re.compile(r"^\s*nơi\s+nhận\s*:?\s*", re.I)
_ARCHIVE = re.compile(r"^\s*[-–+•]?\s*(Lưu\s*:?.*)$", re.I)
# The drafter's mark typed after the archive line ("KGVX.thiên581", "NC.Châu"): the last
# token after a full stop holding a lower-case letter; archive codes are capitals.
_DRAFTER_MARK = re.compile(r"\.\s*([^\s.,;()]*[a-zđà-ỹ][^\s.,;()]*)\s*\.?$")
# Recipients typed in one paragraph with line breaks: "...tỉnh; - Bộ tư lệnh ...".
_INLINE_BULLET = re.compile(r"(?<=[;,.])\s+(?=[-–+•]\s)")
_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\s*\.\s*(.*)$")
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
    return [e.rstrip(" ;.,") for e in entries if e.rstrip(" ;.,")], archive


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
        elif _RECIPIENTS_HEAD.match(block.text) or _BULLET.match(block.text) or recipient_lines and _ARCHIVE.match(block.text):
            recipient_lines.append(block.text)
        else:
            signature.append(block.text)
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


def _split_title(words: str) -> tuple[str | None, str | None]:
    """(on behalf of, title) from "CHỦ TỊCH PHÓ CHỦ TỊCH": the longest known title at the end."""
    key = folded(words)
    for title_key, title in _titles():
        if key == title_key:
            return None, title
        if key.endswith(" " + title_key):
            rest_words = len(key.split()) - len(title_key.split())
            return official_case(" ".join(words.split()[:rest_words])), title
    return None, official_case(words) if words.strip() else None


def _person_name(text: str) -> str:
    """Names are printed in title case; an all-caps name is recased word by word."""
    words = text.split()
    if is_upper(text):
        words = [w[:1] + w[1:].lower() for w in words]
    return " ".join(words)


def parse_signature(lines: tuple[str, ...]) -> Signer | None:
    """Authority, title, on-whose-behalf and name from the signature lines.

    The upper-case lines are the authority and title ("KT. CHỦ TỊCH" /
    "PHÓ CHỦ TỊCH", possibly run together in one line); the last line in
    mixed case is the signer's name.
    """
    upper = [ln.strip() for ln in lines if is_upper(ln) and not _RECIPIENTS_HEAD.match(ln)]
    names = [ln.strip() for ln in lines if not is_upper(ln) and re.search(r"[^\W\d_]{2,}", ln)]
    if not upper and not names:
        return None
    head = " ".join(upper)
    authority = None
    if m := _AUTHORITY.match(head):
        authority, head = m.group(1), m.group(2)
    on_behalf, title = _split_title(head) if head else (None, None)
    if authority is None and on_behalf is not None:
        # Without KT./TM. there is no one on whose behalf: the words are all title.
        on_behalf, title = None, official_case(head)
    name = _person_name(names[-1]) if names else None
    return Signer(name=name, title=title, authority=authority, on_behalf_of=on_behalf)
