"""extract.pdf_content: the regex reader of content streams gives pdfminer's objects, or declines.

Every case compares with pdfminer's own `PDFContentParser` (object for object, types
included: 1 is not 1.0 nor True, b"x" is not "x"); declining (None) is always allowed
where pdfminer's reading is not reproduced, never a different answer.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdfdevice import PDFDevice
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import KWD, LIT, PSEOF, PSKeyword, PSLiteral
from pdfminer.layout import LTPage
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

import bad_files as bf
from pipeline.errors import LimitExceeded
from pipeline.extract.pdf import guards as pdf_guards
from pipeline.extract.pdf.content import FastPageInterpreter, content_objects

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
import mutators  # noqa: E402
from real_fixtures import real_files


def page_layout(page: Page) -> LTPage:
    """pdfplumber's `Page.layout` with FastPageInterpreter in place of pdfminer's interpreter, cached
    where pdfplumber caches it: the layout to compare with pdfplumber's own."""
    if hasattr(page, "_layout") or type(page).layout is not Page.layout:
        return page.layout
    device = PDFPageAggregatorWithMarkedContent(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    interpreter = FastPageInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e)  # noqa: B904  as pdfplumber raises it
    page._layout = device.get_result()
    return page._layout

ROOT = Path(__file__).resolve().parents[1]
PDFS = [ROOT / "samples" / "plan-196-KH-UBND.pdf", *real_files("*.pdf")]
# pdfminer's parser as pdfminer ships it (pdf_guards.install() swaps in a counting subclass)
PDFMINER_PARSER = pdf_guards._CountingContentParser.__mro__[1]


def pdfminer_objects(streams: list[bytes]) -> list | None:
    """What successive `nextobject()` calls return for these streams; None where pdfminer raises."""
    parser = PDFMINER_PARSER([PDFStream({}, data) for data in streams])
    objects = []
    try:
        while True:
            objects.append(parser.nextobject()[1])
    except PSEOF:
        return objects
    except Exception:  # noqa: BLE001  pdfminer's own failure: any answer of ours must be None
        return None


def same(ours: object, theirs: object) -> bool:
    """Equal, type for type, all the way down (interned names and operators by identity)."""
    if type(ours) is not type(theirs):
        return False
    if isinstance(ours, list):
        return len(ours) == len(theirs) and all(map(same, ours, theirs))
    if isinstance(ours, dict):
        return list(ours) == list(theirs) and all(same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, (PSLiteral, PSKeyword)):
        return ours is theirs
    return ours == theirs


def check(streams: list[bytes]) -> bool:
    """Asserts our reading is pdfminer's or a decline; whether it declined."""
    ours = content_objects(streams)
    if ours is not None:
        theirs = pdfminer_objects(streams)
        assert theirs is not None and same(ours, theirs), (streams, ours, theirs)
    return ours is None


# ---- (a) each kind of token, each escape ------------------------------------------------

CASES = [
    # integers: signs, leading zeros
    ([b"12 -3 +4 007"], [12, -3, 4, 7]),
    # reals: a leading or trailing point, signs
    ([b"1.5 -.5 +.25 5. -0.0"], [1.5, -0.5, 0.25, 5.0, -0.0]),
    # booleans are only the lower-case words; the rest are operators
    ([b"true false True"], [True, False, KWD(b"True")]),
    # operators with * ' " and digits; ' and " stand alone
    ([b"T* ' \" d0 'x"], [KWD(b"T*"), KWD(b"'"), KWD(b'"'), KWD(b"d0"), KWD(b"'"), KWD(b"x")]),
    # names: '#xx' escapes, an empty name before a delimiter
    ([b"/Name /A#42C / 1"], [LIT("Name"), LIT("ABC"), LIT(""), 1]),
    # a name that is not UTF-8 keeps its bytes
    ([b"/A#FF x"], [LIT(b"A\xff"), KWD(b"x")]),
    # names end at delimiters
    ([b"/F1/F2(s)"], [LIT("F1"), LIT("F2"), b"s"]),
    # strings: balanced parentheses need no escape
    ([b"(a(b)c)"], [b"a(b)c"]),
    # every named escape
    ([rb"(\n\r\t\b\f\(\)\\)"], [b"\n\r\t\b\f()\\"]),
    # an unknown escape: pdfminer drops the backslash and the byte
    ([rb"(a\qb)"], [b"ab"]),
    # octal: one to three digits, the fourth is a character
    ([rb"(\101\7\0101)"], [b"A\x07\x081"]),
    # a backslash before LF, CR LF or CR joins lines
    ([b"(a\\\nb)", b"(a\\\r\nb)", b"(a\\\rb)"], [b"ab", b"ab", b"ab"]),
    # line ends inside a string are kept as they are
    ([b"(a\r\nb)"], [b"a\r\nb"]),
    # a backslash before CR LF, the CR ending pdfminer's 4096-byte block: LF is kept
    ([b"(" + b"x" * 4093 + b"\\\r\nb)"], [b"x" * 4093 + b"\nb"]),
    # hex strings: white space, case, an odd last digit taken as its own value, empty
    ([b"<41 42> <6a6B> <414> <>"], [b"AB", b"jk", b"A\x04", b""]),
    # arrays, nested
    ([b"[1 [2 (x)] /N] TJ"], [[1, [2, b"x"], LIT("N")], KWD(b"TJ")]),
    # dictionaries, nested; a later key wins
    ([b"<< /MCID 3 /Sub << /A [1] >> /MCID 4 >> BDC"], [{"MCID": 4, "Sub": {"A": [1]}}, KWD(b"BDC")]),
    # a hex string closing a dictionary: '>>>' is pdfminer's hex end, then the dictionary's
    ([b"<</A<41>>>"], [{"A": b"A"}]),
    # comments end at CR or LF
    ([b"1 % comment ) ( \n2%x\r3"], [1, 2, 3]),
    # streams are read as one, each end ending a token
    ([b"1 2", b"3 Tj"], [1, 2, 3, KWD(b"Tj")]),
    ([b"T", b"j 1"], [KWD(b"T"), KWD(b"j"), 1]),
    ([b"1 %c", b"2"], [1, 2]),
    ([b"[1", b"2] TJ"], [[1, 2], KWD(b"TJ")]),
    # nothing at all
    ([b"", b"  \n"], []),
]


@pytest.mark.parametrize(("streams", "expected"), CASES)
def test_tokens_as_pdfminer_reads_them(streams: list[bytes], expected: list) -> None:
    if len(expected) == len(streams) and all(isinstance(e, bytes) for e in expected):  # one string a stream
        for stream, string in zip(streams, expected):
            assert same(content_objects([stream]), [string]) and not check([stream])
        return
    assert same(content_objects(streams), expected), content_objects(streams)
    assert not check(streams)


DECLINED = [
    [b"BI /W 1 /H 1 ID x EI"],  # inline image: pdfminer reads its data itself
    [b"{ 1 }"],  # a procedure
    [b"[1 Tj]"], [b"<</A Tj>>"],  # an operator inside brackets
    [b"[1 2"], [b"1 2]"], [b"[1 >>"], [b"<< 1 ]"],  # unbalanced
    [b"<</A 1 /B>>"], [b"<<1 2>>"],  # an odd dictionary, a key that is not a name
    [b"1.2.3"], [b"--5"], [b"12Tf"], [b"1-2"], [b"."], [b"-"], [b"9" * 5000],  # malformed numbers
    [b"(abc"], [b"(a", b")"], [b"<41"], [b"<41x>"], [b"<41", b">"],  # unterminated strings
    [b"1 >"], [b"<"],  # a lone angle bracket
    [b"/A#4x"], [b"/A#41"], [b"/", b"A"],  # '#' not as '#xx'; names pdfminer runs into the next stream
    [rb"(\777)"],  # an octal escape over 255
    [b"1\x002"], [b"\x80"], [b"#"], [b"*"], [b")"],  # bytes pdfminer skips or reads as one-byte operators
]


@pytest.mark.parametrize("streams", DECLINED)
def test_what_is_not_reproduced_is_declined(streams: list[bytes]) -> None:
    assert content_objects(streams) is None


# ---- (b) every page and form of the samples and fixtures ---------------------------------

class _Recorder(PDFPageInterpreter):
    """pdfminer's interpreter, noting the decoded data of every content it runs (forms included)."""

    runs: list[list[bytes]]

    def execute(self, streams):  # type: ignore[no-untyped-def]
        self.runs.append([stream_value(s).get_data() for s in streams])
        super().execute(streams)


def content_runs(path: Path) -> list[list[bytes]]:
    runs: list[list[bytes]] = []
    _Recorder.runs = runs
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            _Recorder(pdf.rsrcmgr, PDFDevice(pdf.rsrcmgr)).process_page(page.page_obj)
    return runs


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name[:24])
def test_every_content_stream_reads_as_pdfminer_reads_it(path: Path) -> None:
    runs = content_runs(path)
    declined = sum(check(run) for run in runs)
    print(f"\n{path.name}: {len(runs)} contents, {declined} declined")
    assert runs and declined <= len(runs) // 10


# ---- (c) fuzzed streams: equal or declined, never different ------------------------------

def _soup(rng: random.Random) -> bytes:
    """Fragments that trip tokenizers, strung together at random."""
    parts = [b"(", b")", b"\\", b"\\1", b"\\\r\n", b"<", b">", b"<<", b">>", b"[", b"]", b"/A", b"#4", b"#",
             b"1", b".", b"-", b"+", b"e", b"Tj", b"true", b" ", b"\n", b"\r", b"%", b"{", b"'", b"\x00", b"\xe1"]
    return b"".join(rng.choice(parts) for _ in range(rng.randint(1, 24)))


def test_mutated_streams_read_as_pdfminer_reads_them() -> None:
    streams = [data for path in PDFS[:3] for run in content_runs(path) for data in run if data]
    declined = 0
    for index in range(300):
        rng = random.Random(f"14:{index}")
        data = rng.choice(streams)
        mutated = mutators.bytes_flip(data, rng) if index % 3 == 0 else mutators._mutate_tokens(data, rng)
        declined += check([mutated])
    print(f"\n300 mutated streams, {declined} declined")


def test_token_soup_reads_as_pdfminer_reads_it() -> None:
    declined = 0
    for index in range(3000):
        rng = random.Random(f"soup:{index}")
        declined += check([_soup(rng) for _ in range(rng.randint(1, 3))])
    assert declined < 3000  # some soups are plain enough to be read


# ---- (d) the interpreter: the same layout objects, the same count against the cap --------

def comparable(objects: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Page objects of two opens of one file, comparable: an image's stream by its number and repr."""
    return {kind: [{key: (value.objid, repr(value)) if isinstance(value, PDFStream) else value
                    for key, value in record.items()} for record in records]
            for kind, records in objects.items()}


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name[:24])
def test_layout_objects_equal_pdfplumbers(path: Path) -> None:
    with pdfplumber.open(path) as theirs, pdfplumber.open(path) as ours:
        for their_page, our_page in zip(theirs.pages, ours.pages):
            page_layout(our_page)
            assert comparable(our_page.objects) == comparable(their_page.objects), f"page {their_page.page_number}"


def _spent_by_page(path: Path, interpreter: type) -> list[int]:
    spent = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            interpreter(pdf.rsrcmgr, PDFDevice(pdf.rsrcmgr)).process_page(page.page_obj)
            spent.append(pdf_guards._page_spent[0])
    return spent


@pytest.mark.parametrize("path", PDFS[:2], ids=lambda p: p.name[:24])
def test_objects_are_counted_as_pdfminers_parser_counts_them(path: Path) -> None:
    pdf_guards.install()
    assert _spent_by_page(path, FastPageInterpreter) == _spent_by_page(path, PDFPageInterpreter)


def test_page_cap_stops_at_the_same_object(tmp_path: Path) -> None:
    pdf_guards.install()
    path = bf.nested_forms_pdf(tmp_path, fanout=3, depth=3)  # 27 draws of forms
    [spent] = _spent_by_page(path, PDFPageInterpreter)
    try:
        pdf_guards.set_caps(page_objects=spent)
        assert _spent_by_page(path, FastPageInterpreter) == [spent]
        pdf_guards.set_caps(page_objects=spent - 1)
        with pytest.raises(LimitExceeded, match="drawing operations"):
            _spent_by_page(path, FastPageInterpreter)
    finally:
        pdf_guards.set_caps(page_objects=pdf_guards.MAX_PAGE_OBJECTS)


def test_forms_take_the_fast_path(tmp_path: Path) -> None:
    path = bf.nested_forms_pdf(tmp_path, fanout=2, depth=2)
    assert isinstance(FastPageInterpreter(None, None).dup(), FastPageInterpreter)
    with pdfplumber.open(path) as theirs, pdfplumber.open(path) as ours:
        page_layout(ours.pages[0])
        assert comparable(ours.pages[0].objects) == comparable(theirs.pages[0].objects)


def test_inline_image_is_left_to_pdfminer(tmp_path: Path) -> None:
    content = b"q 10 0 0 10 50 50 cm BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff EI Q BT /F1 9 Tf (x) Tj ET"
    path = bf.write_pdf(tmp_path / "inline.pdf", bf._one_page(bf._stream(content)))
    assert content_objects([content]) is None
    with pdfplumber.open(path) as theirs, pdfplumber.open(path) as ours:
        page_layout(ours.pages[0])
        ours_, theirs_ = comparable(ours.pages[0].objects), comparable(theirs.pages[0].objects)
        for image in ours_["image"] + theirs_["image"]:
            del image["name"]  # pdfminer names an inline image by its id()
        assert ours_ == theirs_ and ours_["image"]


def test_a_stream_that_cannot_be_decoded_fails_as_in_pdfminer(tmp_path: Path) -> None:
    path = bf.write_pdf(tmp_path / "filter.pdf", bf._one_page(bf._stream(b"BT (x) Tj ET", b"/Filter /NoSuchFilter")))
    with pdfplumber.open(path) as theirs, pdfplumber.open(path) as ours:
        with pytest.raises(PdfminerException) as their_error:
            theirs.pages[0].layout
        with pytest.raises(PdfminerException) as our_error:
            page_layout(ours.pages[0])
    assert repr(our_error.value) == repr(their_error.value)
