"""The variant corpus (issue 4): every variant × format converts to its expected fragment.

Documents are built once per session (DOCX with python-docx, PDFs with reportlab
platypus and canvas, and with LibreOffice from the DOCX when ``soffice`` is
installed) and converted once each. A known failure is an ``xfail(strict=True)``
with a one-line diagnosis in `XFAIL`, so the suite stays green and a fix shows up
as XPASS. `cell_accuracy` scores each expected cell (task fields, document
fields, warning codes, sections) for `variants/report.py`.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from pipeline.conversion import ConversionError, convert  # not `from pipeline`: see report
from variants import build_lo
from variants.build_docx import write_docx
from variants.build_pdf import build_canvas_pdf, build_platypus_pdf
from variants.catalog import Expected, Variant, cases, variants

TASK_FIELDS = ("number", "group", "content", "lead", "cooperating", "timeframe", "submit_to", "output", "note")
# Below this content similarity (0-100) an output task is not taken for an expected one.
MIN_MATCH = 60

# (variant key, format) -> one-line diagnosis of a known failure; run as xfail(strict=True).
XFAIL: dict[tuple[str, str], str] = {}


# --------------------------------------------------------------------------- building and converting


def build_corpus(outdir: Path, wanted: list[tuple[Variant, str]]) -> dict[tuple[str, str], Path]:
    """Write every (variant, format) file into ``outdir``; LibreOffice PDFs in one batch."""
    outdir.mkdir(parents=True, exist_ok=True)
    made: dict[tuple[str, str], Path] = {}
    docx_for_lo: dict[Path, str] = {}
    for variant, fmt in wanted:
        key = variant.key
        if fmt == "docx" or fmt == "pdf-libreoffice":
            path = outdir / "docx" / f"{key}.docx"
            path.parent.mkdir(exist_ok=True)
            if not path.exists():
                write_docx(variant.spec, path)
            if fmt == "docx":
                made[key, fmt] = path
            else:
                docx_for_lo[path] = key
        elif fmt == "pdf-reportlab":
            made[key, fmt] = build_platypus_pdf(variant.spec, outdir / f"{key}.rl.pdf")
        elif fmt == "pdf-canvas":
            made[key, fmt] = build_canvas_pdf(variant.spec, outdir / f"{key}.canvas.pdf")
    for docx, pdf in build_lo.convert_all(sorted(docx_for_lo), outdir / "lo").items():
        made[docx_for_lo[docx], "pdf-libreoffice"] = pdf
    return made


@dataclass
class Outcome:
    """A converted file, or the error that stopped it."""

    doc: dict | None
    error: str | None = None


def convert_safely(path: Path) -> Outcome:
    try:
        return Outcome(convert(path))
    except ConversionError as exc:
        return Outcome(None, f"ConversionError: {exc.reason}")
    except Exception as exc:  # noqa: BLE001 - a crash is a result to report, not to hide
        return Outcome(None, f"{type(exc).__name__}: {exc}")


# --------------------------------------------------------------------------- comparing


def _text(value: Any) -> str | None:
    """NFC, single spaces, no final period or semicolon (cell text vs item sentence)."""
    if value is None:
        return None
    value = re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(value))).strip()
    return value.rstrip(".;").strip() or None


def _loose(value: Any) -> str | None:
    """Case and punctuation ignored: "I. NHIỆM VỤ" == "I NHIỆM VỤ"."""
    text = _text(value)
    return re.sub(r"[\W_]+", " ", text).strip().casefold() if text else None


def _name(value: str | None) -> str | None:
    """An agency name; the first letter's case is free ("các sở" at the start of a cell)."""
    text = _text(value)
    return text[:1].casefold() + text[1:] if text else None


def task_value(task: dict | None, field: str) -> Any:
    """The comparable value of one Task field of the output."""
    if task is None:
        return "<no task>"
    value = task.get(field)
    if field in ("lead", "cooperating"):
        return [_name(a.get("name")) for a in value or []]
    if field == "submit_to":
        return _name(value.get("name")) if value else None
    if field == "timeframe":
        return _text(value.get("text")) if value else None
    if field == "group":
        return _loose(value)
    if field == "number":
        return value
    return _text(value)


def expected_value(task: dict, field: str) -> Any:
    value = task[field]
    if field in ("lead", "cooperating"):
        return [_name(v) for v in value]
    if field == "submit_to":
        return _name(value)
    if field == "group":
        return _loose(value)
    if field == "number":
        return value
    return _text(value)


def match_tasks(expected: list[dict], got: list[dict]) -> list[dict | None]:
    """For each expected task, the output task that says the same (best content match, number as tie-break)."""
    free = list(range(len(got)))
    out: list[dict | None] = []
    for exp in expected:
        def score(i: int) -> float:
            return fuzz.ratio(_text(exp["content"]) or "", _text(got[i].get("content")) or "") + (
                5 if got[i].get("number") == exp.get("number") else 0) - abs(i - len(out)) * 0.01
        best = max(free, key=score, default=None)
        if best is not None and score(best) >= MIN_MATCH:
            free.remove(best)
            out.append(got[best])
        else:
            out.append(None)
    return out


@dataclass(frozen=True)
class CellCheck:
    """One expected cell and whether the output had it."""

    where: str
    ok: bool
    expected: Any
    got: Any


def _document_checks(want: dict, doc: dict) -> list[CellCheck]:
    checks = []
    got_doc = doc.get("document", {})
    for key, exp in want.items():
        if key in ("issuer", "signer", "attached_to") and isinstance(exp, dict):
            got_obj = got_doc.get(key) or {}
            for sub, value in exp.items():
                if not isinstance(value, str):  # lists (signer layers), dates, null: equal as given
                    checks.append(CellCheck(f"document.{key}.{sub}", got_obj.get(sub) == value, value, got_obj.get(sub)))
                    continue
                got = got_obj.get(sub)
                fold = sub in ("title", "on_behalf_of")
                ok = (_text(got) or "").casefold() == _text(value).casefold() if fold else _text(got) == _text(value)
                checks.append(CellCheck(f"document.{key}.{sub}", ok, value, got))
        else:
            got = got_doc.get(key)
            ok = _text(got) == _text(exp) if isinstance(exp, str) else got == exp
            checks.append(CellCheck(f"document.{key}", ok, exp, got))
    return checks


def _flat_sections(sections: list[dict]) -> list[dict]:
    out = []
    for s in sections:
        out.append(s)
        out += _flat_sections(s.get("children") or [])
    return out


def _section_checks(want: tuple[tuple[str, str], ...], doc: dict) -> list[CellCheck]:
    checks = []
    flat = _flat_sections(doc.get("sections") or [])
    for label, phrase in want:
        labels = {_loose(label), _loose(label.split()[-1])}
        found = [s for s in flat if _loose(s.get("number")) in labels]
        ok = any(phrase in " ".join([s.get("title") or ""] + [p["text"] for p in s.get("paragraphs") or []])
                 for s in found)
        checks.append(CellCheck(f"sections[{label}]", ok, phrase, [s.get("title") for s in found] or None))
    return checks


def _paragraph_checks(want: tuple[tuple[str, tuple[str, ...]], ...], doc: dict) -> list[CellCheck]:
    """A section so numbered has exactly these paragraphs (none merged, split or leaked in)."""
    checks = []
    flat = _flat_sections(doc.get("sections") or [])
    for label, texts in want:
        labels = {_loose(label), _loose(label.split()[-1])}
        found = [[_text(p["text"]) for p in s.get("paragraphs") or []] for s in flat
                 if _loose(s.get("number")) in labels]
        exp = [_text(t) for t in texts]
        checks.append(CellCheck(f"paragraphs[{label}]", exp in found, exp, found or None))
    return checks


def _recipient_checks(want: list[dict], doc: dict) -> list[CellCheck]:
    """Each expected "Nơi nhận" entry: the output entry of the same name (else the one at its
    place), every expected key of it. An extra entry shows in `failures` as a count mismatch."""
    got = doc.get("recipients") or []
    free = list(range(len(got)))
    checks = []
    for i, exp in enumerate(want):
        same = [j for j in free if _text(got[j].get("name")) == _text(exp.get("name"))]
        j = same[0] if same else i if i in free else None
        have = got[j] if j is not None else {}
        if j is not None:
            free.remove(j)
        for key, value in exp.items():
            checks.append(CellCheck(f"recipients[{i}].{key}", _text(have.get(key)) == _text(value), value,
                                    have.get(key)))
    return checks


def check(expected: Expected, outcome: Outcome) -> list[CellCheck]:
    """Every expected cell of a variant against a converted output."""
    doc = outcome.doc or {}
    checks: list[CellCheck] = []
    if expected.tasks is not None:
        got_tasks = doc.get("tasks") or []
        for i, (exp, got) in enumerate(zip(expected.tasks, match_tasks(expected.tasks, got_tasks))):
            for f in TASK_FIELDS:
                if f in exp:
                    want, have = expected_value(exp, f), task_value(got, f)
                    checks.append(CellCheck(f"tasks[{i}].{f}", want == have, want, have))
    checks += _document_checks(expected.document, doc)
    codes = {w.get("code") for w in doc.get("warnings") or []}
    checks += [CellCheck(f"warnings[{c}]", c in codes, c, sorted(codes)) for c in sorted(expected.warnings)]
    checks += _section_checks(expected.sections, doc)
    checks += _paragraph_checks(expected.paragraphs, doc)
    if expected.recipients is not None:
        checks += _recipient_checks(expected.recipients, doc)
    if expected.attachments is not None:
        got = doc.get("attachments") or []
        checks.append(CellCheck("attachments", len(got) == len(expected.attachments), len(expected.attachments), len(got)))
        for i, (exp, att) in enumerate(zip(expected.attachments, got)):
            checks += [CellCheck(f"attachments[{i}].{c.where}", c.ok, c.expected, c.got) for c in check(exp, Outcome(att))]
    return checks


def failures(expected: Expected, outcome: Outcome) -> list[str]:
    """What is wrong, one line each (empty: the variant passes)."""
    if outcome.error:
        return [outcome.error]
    lines = [f"{c.where}: expected {c.expected!r}, got {c.got!r}" for c in check(expected, outcome) if not c.ok]
    if expected.tasks is not None and len(outcome.doc.get("tasks") or []) != len(expected.tasks):
        got = [(t.get("number"), (t.get("content") or "")[:40]) for t in outcome.doc.get("tasks") or []]
        lines.append(f"tasks: expected {len(expected.tasks)}, got {len(got)}: {got}")
    for i, (exp, att) in enumerate(zip(expected.attachments or [], outcome.doc.get("attachments") or [])):
        lines += [f"attachments[{i}]: {line}" for line in failures(exp, Outcome(att)) if line.startswith(("tasks:", "recipients:"))]
    if expected.recipients is not None and len(outcome.doc.get("recipients") or []) != len(expected.recipients):
        got = [r.get("name") for r in outcome.doc.get("recipients") or []]
        lines.append(f"recipients: expected {len(expected.recipients)}, got {len(got)}: {got}")
    return lines


def cell_accuracy(results: dict[tuple[str, str], Outcome]) -> dict[tuple[str, str], tuple[int, int, int]]:
    """{(feature, format): (variants, matched cells, expected cells)} over converted outcomes."""
    by_key = {v.key: v for v in variants()}
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for (key, fmt), outcome in results.items():
        variant = by_key[key]
        checks = check(variant.expected, outcome)
        row = table[variant.feature, fmt]
        row[0] += 1
        row[1] += sum(c.ok for c in checks)
        row[2] += len(checks)
    return {k: tuple(v) for k, v in table.items()}


def run_corpus(outdir: Path) -> dict[tuple[str, str], Outcome]:
    """Build and convert every available (variant, format): {(key, format): outcome}."""
    wanted = cases()
    files = build_corpus(outdir, wanted)
    return {(v.key, fmt): convert_safely(files[v.key, fmt]) for v, fmt in wanted if (v.key, fmt) in files}


# --------------------------------------------------------------------------- tests


# The `corpus` fixture (every variant file, built once per session) is in conftest.py: test_pdf_objects reads it too.

_converted: dict[tuple[str, str], Outcome] = {}


@pytest.fixture(scope="session")
def converted(corpus):
    """Convert on first use, once per file."""
    def get(key: str, fmt: str) -> Outcome:
        if (key, fmt) not in _converted:
            _converted[key, fmt] = convert_safely(corpus[key, fmt])
        return _converted[key, fmt]
    return get


def _params():
    out = []
    for variant, fmt in cases():
        marks = []
        if (variant.key, fmt) in XFAIL:
            marks.append(pytest.mark.xfail(strict=True, reason=XFAIL[variant.key, fmt]))
        if fmt == "pdf-libreoffice" and build_lo.soffice_path() is None:
            marks.append(pytest.mark.skip(reason="LibreOffice (soffice) not installed"))
        out.append(pytest.param(variant, fmt, id=f"{variant.key}[{fmt}]", marks=marks))
    return out


@pytest.mark.parametrize(("variant", "fmt"), _params())
def test_variant(variant: Variant, fmt: str, corpus, converted) -> None:
    """The converted variant holds its expected fragment."""
    if (variant.key, fmt) not in corpus:
        pytest.fail(f"{fmt} file of {variant.key} was not built")
    problems = failures(variant.expected, converted(variant.key, fmt))
    assert not problems, f"{variant.key} [{fmt}] ({variant.feature}):\n  " + "\n  ".join(problems)


def _provenance_params():
    """Every built variant (a variant whose content is a known miss still locates what it found)."""
    skip_lo = [pytest.mark.skip(reason="LibreOffice (soffice) not installed")] if build_lo.soffice_path() is None else []
    return [pytest.param(v, fmt, id=f"{v.key}[{fmt}]", marks=skip_lo if fmt == "pdf-libreoffice" else [])
            for v, fmt in cases()]


@pytest.mark.parametrize(("variant", "fmt"), _provenance_params())
def test_variant_provenance(variant: Variant, fmt: str, corpus, converted) -> None:
    """Every task, recipient and header field of the variant has a place, and its text is there."""
    from test_provenance import misplaced, missing_provenance

    outcome = converted(variant.key, fmt)
    if outcome.doc is None:
        pytest.skip("not converted (its own test reports why)")
    assert missing_provenance(outcome.doc) == []
    wrong, _ = misplaced(corpus[variant.key, fmt], outcome.doc)
    assert wrong == []


def test_cell_accuracy_table(corpus, converted) -> None:
    """Prints the cell accuracy per feature and format (run with -s to see it); every cell is scored."""
    results = {k: converted(*k) for k in corpus}
    table = cell_accuracy(results)
    assert sum(total for _, _, total in table.values()) > 0
    for (feature, fmt), (n, ok, total) in sorted(table.items()):
        print(f"{feature:55} {fmt:16} {n:2} {ok:4}/{total:<4} {ok / total:6.1%}")


# --------------------------------------------------------------------------- signer fields (issue 11)

_FOLDED_APPENDIX_WORDS = ("phu luc", "danh muc", "kem theo", "ke hoach so", "nhiem vu")


def appendix_text_in_signer(doc: dict) -> list[str]:
    """Signer fields of the document and of its attachments that hold appendix or caption words."""
    from pipeline.text import folded

    bad = []
    for where, body in [("", doc), *((f"attachments[{i}].", a) for i, a in enumerate(doc.get("attachments") or []))]:
        signer = (body.get("document") or {}).get("signer") or {}
        values = [(k, signer.get(k)) for k in ("name", "title", "on_behalf_of")]
        values += [(f"layers[{j}].of", layer.get("of")) for j, layer in enumerate(signer.get("layers") or [])]
        bad += [f"{where}document.signer.{k}: {v!r}" for k, v in values
                if v and any(word in folded(v) for word in _FOLDED_APPENDIX_WORDS)]
    return bad


def test_no_appendix_text_in_any_signer_field(corpus, converted) -> None:
    """Across every variant and format, no signer field holds an appendix title or caption."""
    found = {k: appendix_text_in_signer(converted(*k).doc or {}) for k in corpus}
    assert {k: v for k, v in found.items() if v} == {}


def printed_recipients(variant: Variant) -> list[str]:
    """The recipient names a variant prints: its "Nơi nhận" lines without bullet, note and archive line;
    a line ending in ":" only introduces the "+" items under it."""
    names = [re.sub(r"\s*\([^()]*\)\s*$", "", line.lstrip("-+ ").rstrip(";. ")) for line in variant.spec.recipients or []]
    return [n for n in names if not n.startswith("Lưu") and not n.endswith(":")]


def test_no_recipient_line_lost_in_any_variant(corpus, converted) -> None:
    """Every printed recipient is in the output, in order, whatever page it landed on (issue 11)."""
    by_key = {v.key: v for v in variants()}
    lost = {}
    for key, fmt in corpus:
        doc = converted(key, fmt).doc or {}
        got = [_text(r.get("name")) for r in doc.get("recipients") or []]
        want = [_text(n) for n in printed_recipients(by_key[key])]
        if got != want:
            lost[key, fmt] = (want, got)
    assert lost == {}


@pytest.mark.parametrize("fmt", ["docx", "pdf-reportlab", "pdf-libreoffice"])
def test_law_prints_no_recipients_and_no_date_line_without_a_warning(fmt: str, corpus, converted) -> None:
    """A law has no "Nơi nhận" and no place and date line: neither is warned as missing."""
    if fmt == "pdf-libreoffice" and build_lo.soffice_path() is None:
        pytest.skip("LibreOffice (soffice) not installed")
    outcome = converted("law-no-recipients", fmt)
    assert outcome.doc is not None, outcome.error
    codes = {w["code"] for w in outcome.doc["warnings"]}
    assert not codes & {"no_closing", "no_date", "bad_date", "no_number"}, codes
