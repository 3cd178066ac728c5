"""extract.pdf_objects: one interpreter pass gives pdfplumber's page objects to the bit.

Every comparison is strict: the same kinds in the same order, the same dicts in the
same order, the same keys in the same order, the same values of the same types
(`repr`: 1 is not 1.0, -0.0 is not 0.0, nan is nan), or both passes raise alike.
"""
from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import pdfplumber
import pytest

from object_pdfs import OVERFLOW, PAGES, drawing_kinds_pdf
from pipeline.extract.pdf import guards as pdf_guards, objects as pdf_objects
from pipeline.extract.pdf.page import WORD_SETTINGS
from pipeline.extract.pdf.objects import install_page_objects, page_objects
from variants import build_lo
from variants.catalog import cases

sys.path.insert(0, str(Path(__file__).resolve().parent / "fuzz"))
import mutators  # noqa: E402
from real_fixtures import ABSENT, present, real_files

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "plan-196-KH-UBND.pdf"
PDFS = [SAMPLE, *real_files("*.pdf")]
VARIANT_PDFS = [(v.key, fmt) for v, fmt in cases() if fmt.startswith("pdf")]
# Mutants of the hand-written PDF (every kind of drawing, a few KB) per fuzz mutator kind, and of
# the CI fuzz set (`test_fuzz`, seed 15) those of the sample PDF: every PDF kind twice.
DRAWING_MUTANTS = 5
CI_SAMPLE_MUTANTS = [i for i in range(0, 12 * 9, 9)]


def fingerprint(objects: dict[str, list[dict]]) -> str:
    """The objects as text; an inline image's name (the id of its stream object) differs on every
    pass, pdfplumber's against itself too, so it is left out."""
    for image in objects.get("image", []):
        if getattr(image.get("stream"), "objid", 0) is None:
            image["name"] = "<inline image>"
    return repr(objects)


def outcome(read) -> str:  # noqa: ANN001 - a page method
    try:
        return fingerprint(read())
    except Exception as exc:  # noqa: BLE001 - raising alike is an outcome to compare
        return f"raised {type(exc).__name__}: {exc!r}"


def assert_same_objects(source: Path | io.BytesIO, **options: object) -> int:
    """Every page's objects, ours against pdfplumber's; the number of pages compared (none when
    the file or its page tree does not open: pdfplumber's own doing, before any page is drawn)."""
    try:
        pdf = pdfplumber.open(source, **options)
        pages = pdf.pages
    except Exception:  # noqa: BLE001
        return 0
    with pdf:
        for page in pages:
            ours, theirs = outcome(lambda: page_objects(page)), outcome(page.parse_objects)
            assert ours == theirs, f"page {page.page_number}"
            page.close()
        return len(pages)


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name[:24])
def test_objects_equal_pdfplumbers(path: Path) -> None:
    assert assert_same_objects(path) > 0


@pytest.fixture(scope="module")
def drawing_kinds(tmp_path_factory) -> Path:
    return drawing_kinds_pdf(tmp_path_factory.mktemp("objects"))


def test_every_kind_of_drawing_equals_pdfplumbers(drawing_kinds: Path) -> None:
    """Forms in forms, images, marked content, vertical, Type3 and byte-named fonts, skewed and
    overflowing matrices, turned pages and MediaBoxes off the origin."""
    assert assert_same_objects(drawing_kinds) == len(PAGES)


def test_the_drawing_kinds_are_there(drawing_kinds: Path) -> None:
    """The hand-written PDF holds what it claims, so the comparison above means something."""
    with pdfplumber.open(drawing_kinds) as pdf:
        objects = [page_objects(page) for page in pdf.pages]
    chars = objects[0]["char"]
    assert {"Helvetica", "VertFont", "SimSun,Regular", "unknown"} <= {c["fontname"] for c in chars}  # unknown: Type3
    vertical = [c for c in chars if c["fontname"] == "VertFont"]
    assert vertical and all(c["size"] == c["width"] for c in vertical)  # a vertical glyph's size is its width
    assert {c["tag"] for c in chars} == {"P", "Span", "Artifact", None} and {c["mcid"] for c in chars} == {0, 1, None}
    assert any(not c["upright"] for c in chars) and "(cid:1)" in {c["text"] for c in chars}
    assert objects[1]["char"][0]["x0"] == chars[0]["x0"]  # the MediaBox's x0 (50) taken off, then put back
    assert list(objects[0]) == ["rect", "char", "line", "image"]  # a rect before the first character
    assert list(objects[5])[0] == "char" and list(objects[6])[:2] == ["rect", "char"]  # the rect is in a figure
    assert objects[7] == {} and "nan" in repr(objects[8]["char"]) and "inf" in repr(objects[8]["char"])


def test_an_empty_path_retags_the_character_before_it(drawing_kinds: Path) -> None:
    """pdfplumber tags the last object of the page after every path, so a path that draws nothing
    gives the character before it the tag open at the path: kept, as pdfplumber has it."""
    with pdfplumber.open(drawing_kinds) as pdf:
        chars = page_objects(pdf.pages[0])["char"]
    end_of_p = len("Ke hoach so 1ABC DEnext linethird line")  # then EMC and "20 20 l S", outside any tag
    assert [(c["tag"], c["mcid"]) for c in chars[end_of_p - 2:end_of_p + 1]] == [("P", 0), (None, None), ("Span", 1)]


@pytest.mark.parametrize("key_fmt", VARIANT_PDFS, ids=lambda k: f"{k[0]}[{k[1]}]")
def test_variant_objects_equal_pdfplumbers(key_fmt: tuple[str, str], corpus) -> None:
    if key_fmt[1] == "pdf-libreoffice" and build_lo.soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    assert assert_same_objects(corpus[key_fmt]) > 0


@pytest.mark.parametrize("kind", mutators.PDF_KINDS)
def test_mutants_of_the_drawing_kinds_equal_pdfplumbers(kind: str, drawing_kinds: Path) -> None:
    data = drawing_kinds.read_bytes()
    for number in range(DRAWING_MUTANTS):
        mutant = mutators.MUTATORS[kind](data, random.Random(f"objects:{kind}:{number}"))
        assert_same_objects(io.BytesIO(mutant))


@pytest.mark.parametrize("index", CI_SAMPLE_MUTANTS)
def test_ci_fuzz_mutants_equal_pdfplumbers(index: int) -> None:
    if not present():  # the recorded indices count the real fixtures among the seeds
        pytest.skip(ABSENT)
    name, _, mutant = mutators.mutant(index, 15, mutators.seed_files())
    assert name == SAMPLE.name
    assert_same_objects(io.BytesIO(mutant))


def test_options_pdfplumber_takes_are_followed(drawing_kinds: Path) -> None:
    """Unicode normalization; with layout analysis (text boxes of characters) pdfplumber's own pass."""
    assert assert_same_objects(drawing_kinds, unicode_norm="NFD") == len(PAGES)
    assert assert_same_objects(SAMPLE, unicode_norm="NFKC") > 0
    assert assert_same_objects(drawing_kinds, laparams={}) == len(PAGES)


def test_a_limit_stops_both_passes_alike() -> None:
    pdf_guards.install()
    pdf_guards.set_caps(page_objects=500)
    try:
        with pdfplumber.open(SAMPLE) as pdf:
            page = pdf.pages[0]
            ours, theirs = outcome(lambda: page_objects(page)), outcome(page.parse_objects)
    finally:
        pdf_guards.set_caps(page_objects=pdf_guards.MAX_PAGE_OBJECTS)
    assert ours == theirs and ours.startswith("raised PdfminerException: PdfminerException(LimitExceeded(")


@pytest.mark.parametrize("settings", [{}, WORD_SETTINGS], ids=["default", "pipeline"])
def test_installed_objects_feed_pdfplumbers_own_words_and_tables(settings: dict, drawing_kinds: Path) -> None:
    """Words depend on every advance a character returned (TJ numbers, Tc, Tw, Tz); tables on lines."""
    for path in (SAMPLE, drawing_kinds):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                if path == drawing_kinds and PAGES[page.page_number - 1][2] == OVERFLOW:
                    continue  # nan positions: pdfplumber orders such words by the nans' hashes, against itself too
                words, tables = repr(page.extract_words(**settings)), [t.extract() for t in page.find_tables()]
                page.close()
                install_page_objects(page)
                assert not hasattr(page, "_layout")  # nothing in the pipeline reads it
                assert repr(page.extract_words(**settings)) == words  # repr: 1 is not 1.0
                assert [t.extract() for t in page.find_tables()] == tables


def test_the_interpreter_is_a_module_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """A faster interpreter can be put in its place."""
    ran = []

    class Counting(pdf_objects.INTERPRETER):  # type: ignore[misc, valid-type]
        def process_page(self, page):  # type: ignore[no-untyped-def]
            ran.append(page)
            return super().process_page(page)

    monkeypatch.setattr(pdf_objects, "INTERPRETER", Counting)
    with pdfplumber.open(SAMPLE) as pdf:
        assert page_objects(pdf.pages[0])["char"] and len(ran) == 1
