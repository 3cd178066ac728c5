"""Seeded, reproducible mutants of real inputs: structure-aware for PDF and DOCX, and byte-level.

Mutant `i` of a run with seed `s` is a pure function of (s, i) and the seed files:
the same command always builds the same bytes, so any failure is replayed by its
number alone. Seeds are every sample and real fixture (`seed_files()`); mutant i
takes seed i mod len(seeds) and one of its format's kinds, in turn.

Kinds (the rows of the outcome table):
- pdf_stream: a content stream inflated, its operators and operands shuffled,
  dropped, repeated or replaced by extreme numbers, deflated again;
- pdf_object: a dictionary entry of an object changed (a number made huge or
  negative, a name swapped, a reference pointed elsewhere or at itself, a key removed);
- pdf_xref: the cross-reference table or startxref damaged;
- docx_xml: an XML part's tree edited (an element removed, duplicated, nested
  deep, an attribute given an absurd value, text replaced by control characters);
- docx_zip: the package edited (a part dropped, a part cut short, a part renamed);
- bytes_flip, bytes_cut, bytes_splice: bytes flipped, the file cut, a slice repeated;
- and the hostile kinds of `hostile.py` (issue 25): garbage streams behind a valid xref, huge
  numbers, deep nesting, cyclic page trees, huge ToUnicode ranges; two main parts or `../` names
  in a DOCX, thousands of numbered empty paragraphs, huge formatted tables.
"""
from __future__ import annotations

import io
import random
import re
import sys
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
import real_fixtures  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile  # noqa: E402

PDF_KINDS = ("pdf_stream", "pdf_object", "pdf_xref", "bytes_flip", "bytes_cut", "bytes_splice", *hostile.PDF_MUTATORS)
DOCX_KINDS = ("docx_xml", "docx_zip", "bytes_flip", "bytes_cut", "bytes_splice", *hostile.DOCX_MUTATORS)

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_OBJECT = re.compile(rb"\d+ 0 obj(.*?)endobj", re.S)
_DICT_ENTRY = re.compile(rb"/([A-Za-z]+)\s+(\d+ 0 R|-?\d+(?:\.\d+)?|/[A-Za-z]+|\[[^\[\]]*\])")
_CONTENT_TOKEN = re.compile(rb"-?\d+(?:\.\d+)?|/[^\s/\[\]()<>]+|\((?:\\.|[^()\\])*\)|<[0-9A-Fa-f\s]*>|[A-Za-z'\"*]+|\[|\]")
# Values a mutated number, name or reference takes: the edges parsers trip on.
_NUMBERS = [b"0", b"-1", b"99999999999", b"-2147483649", b"1e308", b"3.4e38", b"0.000001", b"NaN", b"65536"]
_NAMES = [b"/XObject", b"/Form", b"/Page", b"/Pages", b"/FlateDecode", b"/LZWDecode", b"/Crypt", b"/Widget", b"/Null"]
_XML_VALUES = ["-1", "99999999999", "0", "", "NaN", "x" * 300, "\u202e\u0007", "ff00ff", "1e309"]


def seed_files() -> list[Path]:
    """Every sample and real fixture (../shared/fixtures/real, see tests/real_fixtures.py), in a
    fixed order. Where the real documents are absent the seeds are the samples alone, so a mutant's
    index names another mutant there: the recorded seeds and indices hold with the fixtures."""
    real = real_fixtures.REAL if real_fixtures.present() else None
    found = [*sorted((ROOT / "samples").glob("*.pdf")), *sorted((ROOT / "samples").glob("*.docx")),
             *(sorted(real.glob("*.pdf")) if real else []), *(sorted(real.glob("*.docx")) if real else [])]
    return found


# ---- byte level -------------------------------------------------------------------------

def bytes_flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def bytes_cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def bytes_splice(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    piece = data[start:start + rng.randint(1, 4096)]
    at = rng.randrange(len(data))
    return data[:at] + piece * rng.randint(1, 8) + data[at:]


# ---- PDF --------------------------------------------------------------------------------

def _mutate_tokens(content: bytes, rng: random.Random) -> bytes:
    tokens = _CONTENT_TOKEN.findall(content)
    if not tokens:
        return content + b" Q Q Q"
    for _ in range(rng.randint(1, 12)):
        i = rng.randrange(len(tokens))
        action = rng.randrange(5)
        if action == 0:
            del tokens[i]
            if not tokens:
                break
        elif action == 1:
            tokens.insert(i, tokens[rng.randrange(len(tokens))])
        elif action == 2 and re.fullmatch(rb"-?\d+(?:\.\d+)?", tokens[i]):
            tokens[i] = rng.choice(_NUMBERS)
        elif action == 3:
            j = rng.randrange(len(tokens))
            tokens[i], tokens[j] = tokens[j], tokens[i]
        else:
            tokens.insert(i, rng.choice([b"q", b"Q", b"BT", b"ET", b"Tj", b"TJ", b"Do", b"cm", b"(\x1b]0;owned\x07)", b"["]))
    return b" ".join(tokens)


def pdf_stream(data: bytes, rng: random.Random) -> bytes:
    streams = list(_STREAM.finditer(data))
    if not streams:
        return bytes_flip(data, rng)
    match = rng.choice(streams)
    raw = match.group(1)
    try:
        content, packed = zlib.decompress(raw), True
    except zlib.error:
        content, packed = raw, False
    mutated = _mutate_tokens(content, rng)
    body = zlib.compress(mutated) if packed else mutated
    # The /Length before the stream is left as it was: readers must cope with a wrong one.
    return data[: match.start(1)] + body + data[match.end(1):]


def pdf_object(data: bytes, rng: random.Random) -> bytes:
    objects = list(_OBJECT.finditer(data))
    if not objects:
        return bytes_flip(data, rng)
    obj = rng.choice(objects)
    head = obj.group(1)[:2000]  # the dictionary, not the stream body
    entries = list(_DICT_ENTRY.finditer(head))
    if not entries:
        return bytes_splice(data, rng)
    entry = rng.choice(entries)
    value = entry.group(2)
    if value.endswith(b" R"):
        replacement = rng.choice([b"%d 0 R" % rng.randint(0, 400), obj.group(0).split(b" ")[0] + b" 0 R", b"null"])
    elif value.startswith(b"/"):
        replacement = rng.choice(_NAMES)
    elif value.startswith(b"["):
        replacement = rng.choice([b"[]", b"[" + b" ".join(rng.choice(_NUMBERS) for _ in range(4)) + b"]", value * 3])
    else:
        replacement = rng.choice(_NUMBERS)
    if rng.random() < 0.15:  # drop the key altogether
        start, end = obj.start(1) + entry.start(), obj.start(1) + entry.end()
        return data[:start] + data[end:]
    start, end = obj.start(1) + entry.start(2), obj.start(1) + entry.end(2)
    return data[:start] + replacement + data[end:]


def pdf_xref(data: bytes, rng: random.Random) -> bytes:
    at = data.rfind(b"startxref")
    if at < 0 or rng.random() < 0.3:
        xref = data.rfind(b"xref")
        if xref < 0:
            return bytes_cut(data, rng)
        end = min(len(data), xref + 200)
        return data[:xref] + bytes_flip(data[xref:end], rng) + data[end:]
    number = re.match(rb"startxref\s+(\d+)", data[at:])
    if not number:
        return bytes_flip(data, rng)
    start, end = at + number.start(1), at + number.end(1)
    return data[:start] + rng.choice([b"0", b"1", b"99999999", str(rng.randrange(len(data))).encode()]) + data[end:]


# ---- DOCX -------------------------------------------------------------------------------

def _xml_parts(archive: zipfile.ZipFile) -> list[str]:
    names = [n for n in archive.namelist() if n.endswith((".xml", ".rels"))]
    # The main document most often: that is where the text is.
    return ["word/document.xml"] * 4 + names if "word/document.xml" in names else names


def _mutate_tree(root: etree._Element, rng: random.Random) -> None:
    elements = list(root.iter())
    for _ in range(rng.randint(1, 6)):
        element = rng.choice(elements)
        parent = element.getparent()
        action = rng.randrange(5)
        if action == 0 and parent is not None:
            parent.remove(element)
            elements = list(root.iter())
        elif action == 1 and parent is not None:
            parent.insert(parent.index(element), etree.fromstring(etree.tostring(element)))
        elif action == 2 and element.attrib:
            key = rng.choice(list(element.attrib))
            element.set(key, rng.choice(_XML_VALUES))
        elif action == 3 and parent is not None:  # nest an element deep inside copies of itself
            node = element
            for _ in range(rng.randint(2, 60)):
                wrapper = etree.Element(element.tag)
                wrapper.append(node)
                node = wrapper
            parent.append(node)
            elements = list(root.iter())
        else:
            element.text = rng.choice(["\x1b[2J\x1b]0;owned\x07", "\u202eabc", "\ufffe", "x" * 5000, "", "1."])


def docx_xml(data: bytes, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        part = rng.choice(_xml_parts(archive))
        root = etree.fromstring(archive.read(part))
        _mutate_tree(root, rng)
        return _rezip(archive, {part: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)})


def docx_zip(data: bytes, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        part = rng.choice(names)
        action = rng.randrange(3)
        if action == 0:
            return _rezip(archive, {part: None})
        if action == 1:
            content = archive.read(part)
            return _rezip(archive, {part: content[: rng.randrange(max(1, len(content)))]})
        return _rezip(archive, {part: None, part + ".bak": archive.read(part)})


def _rezip(archive: zipfile.ZipFile, changes: dict[str, bytes | None]) -> bytes:
    """The package with parts replaced (or, with None, dropped); new names appended."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            if info.filename in changes:
                if changes[info.filename] is not None:
                    copy.writestr(info.filename, changes[info.filename])
            else:
                copy.writestr(info.filename, archive.read(info.filename))
        for name, content in changes.items():
            if name not in archive.namelist() and content is not None:
                copy.writestr(name, content)
    return buffer.getvalue()


MUTATORS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "pdf_stream": pdf_stream, "pdf_object": pdf_object, "pdf_xref": pdf_xref,
    "docx_xml": docx_xml, "docx_zip": docx_zip,
    "bytes_flip": bytes_flip, "bytes_cut": bytes_cut, "bytes_splice": bytes_splice,
    **hostile.PDF_MUTATORS, **hostile.DOCX_MUTATORS,
}


def mutant(index: int, seed: int, seeds: list[Path], cache: dict[Path, bytes] | None = None,
           kind: str | None = None) -> tuple[str, str, bytes]:
    """Mutant `index` of run `seed`: (its seed file's name, its kind, its bytes). `kind` replays a
    recorded mutant whose kind was chosen from the kind lists of its day (tests/fuzz/regressions)."""
    source = seeds[index % len(seeds)]
    kinds = PDF_KINDS if source.suffix == ".pdf" else DOCX_KINDS
    kind = kind or kinds[(index // len(seeds)) % len(kinds)]
    data = cache[source] if cache is not None and source in cache else source.read_bytes()
    rng = random.Random(f"{seed}:{index}")
    try:
        mutated = MUTATORS[kind](data, rng)
    except (zipfile.BadZipFile, etree.LxmlError, KeyError, ValueError):  # a seed the mutator cannot parse
        mutated = bytes_flip(data, rng)
    return source.name, kind, mutated
