"""One language per run: every message a person reads comes from data/messages.csv, in Vietnamese
by default and in English with --lang en.

(a) every message key the code names is in the table with both languages; (b) every command
(its --help, a conversion, a refusal, validate, diff, render, load, export, inspect, batch) says
nothing in English under --lang vi and nothing in Vietnamese under --lang en but the document's
own text; (c) every warning code's message reads in both languages.
"""
from __future__ import annotations

import json
import re
import string
import sys
from pathlib import Path

import pytest

from pipeline.cli.main import LAZY_COMMANDS, main
from pipeline.i18n import LANGS, current_lang, field_label, message, message_keys, set_lang, using_lang, warning_label
from pipeline.warnings import warning_codes
from real_fixtures import real

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

# English words a person would read in a message; none may appear in a Vietnamese run. (Not
# "an", "to", "no": Vietnamese words too; not the command names "load", "export".)
ENGLISH = frozenset("""
the of file files not error errors tasks task converted failed warnings warning sections references
cannot invalid usage options show help and is with for from into default written wrote
read found missing valid document documents output folder directory stored revision duplicate
must or was were has have this that report skipped ignored pending unknown use format database
driver line page pages
""".split())
# Letters only Vietnamese writes (with its tone and vowel marks); none may appear in an English run
# outside the document's own text.
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
# What a person reads that is not a message: options, placeholders kept from argparse, paths,
# JSON pointers and paths, the schema's enum values, URLs.
_NOT_WORDS = re.compile(r"--?[a-zA-Z][\w-]*|\S*[/\\]\S*|\$\S*|\{[^}]*\}|'[^']*'|\S+\.(?:json|pdf|docx|csv|xlsx|parquet|html|md|sqlite)\b")


def english_words(text: str) -> list[str]:
    """The English stop-words left in `text` once options, paths and quoted values are taken out."""
    return [w for w in re.findall(r"\w+", _NOT_WORDS.sub(" ", text).lower()) if w in ENGLISH]


def vietnamese_left(text: str, own: list[str]) -> list[str]:
    """Lines of `text` with Vietnamese letters once the document's own strings `own` are taken out."""
    for piece in sorted(own + [s.upper() for s in own], key=len, reverse=True):
        text = text.replace(piece, " ")
    return [line for line in text.splitlines() if VIETNAMESE.search(line)]


def strings_of(value: object) -> list[str]:
    """Every string a JSON value holds (the document's own text, to be taken out of a report)."""
    if isinstance(value, str):
        return [value] + value.split()
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_of(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_of(v)]
    return []


# --- (a) every key the code names is in the table, in both languages ---------------------

_KEY = re.compile(r"""(?<![\w.])["']([a-z][a-z_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)["']""")
_FKEY = re.compile(r"""message\(\s*f["']([a-z][a-z_]*(?:\.[a-z_]+)*\.)\{""")
_FILES = re.compile(r"\.(?:html|json|csv|py|pdf|docx|xlsx|yaml|txt|md|sqlite|cli|pipeline)$")


def _table_rows() -> dict[str, dict[str, str]]:
    from pipeline.data import load_csv

    return {row["key"]: row for row in load_csv("messages.csv")}


def _code_keys() -> tuple[set[str], set[str]]:
    """(literal keys, key prefixes of f-string keys) named in pipeline/: a literal counts when its
    first part is a prefix the table uses ("cli.", "warning." ...)."""
    prefixes = {k.split(".")[0] for k in _table_rows()}
    literal, dynamic = set(), set()
    for path in (ROOT / "pipeline").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        literal |= {k for k in _KEY.findall(source) if k.split(".")[0] in prefixes and not _FILES.search(k)
                    and not k.startswith("pipeline.")}
        dynamic |= set(_FKEY.findall(source))
    return literal, dynamic


def test_the_code_names_message_keys() -> None:
    """The scan itself: it finds the keys the CLI, the warnings and the refusals use."""
    literal, dynamic = _code_keys()
    assert {"cli.convert_summary", "warning.no_date", "error.empty", "cli.cmd.diff", "argparse.usage"} <= literal
    assert {"os.", "batch.status.", "cli.load_status.", "cli.load_count."} <= dynamic


@pytest.mark.parametrize("key", sorted(_code_keys()[0]))
def test_every_key_in_code_is_in_the_table(key: str) -> None:
    assert key in message_keys(), f"{key!r} is used in pipeline/ but not in messages.csv"


@pytest.mark.parametrize("prefix", sorted(_code_keys()[1]))
def test_every_dynamic_key_has_entries(prefix: str) -> None:
    assert any(k.startswith(prefix) for k in message_keys()), f"no key of messages.csv starts with {prefix!r}"


@pytest.mark.parametrize("key", sorted(_table_rows()))
def test_every_message_has_both_languages_and_the_same_fields(key: str) -> None:
    row = _table_rows()[key]
    assert row["vi"].strip() and row["en"].strip(), f"{key}: a language is empty"
    fields = [{f for _, f, _, _ in string.Formatter().parse(row[lang]) if f} for lang in LANGS]
    if not key.startswith("argparse.") and key not in _FIELDS_APART:  # argparse's: its own %-formats
        assert fields[0] == fields[1], f"{key}: vi fills {fields[0]}, en {fields[1]}"


# Messages whose languages fill different fields, and why.
_FIELDS_APART = {"cli.not_json": "the json module's own words (English) are left out of the Vietnamese line"}


# The keys whose text varies by a value: every value the code gives has its entry.
@pytest.mark.parametrize("key", [f"batch.status.{s}" for s in ("ok", "failed", "skipped", "ignored", "pending")]
                         + [f"cli.load_status.{s}" for s in ("stored", "revision", "same_content", "duplicate")]
                         + [f"cli.load_count.{s}" for s in ("stored", "revision", "same_content", "duplicate", "failed")]
                         + [f"cli.cmd.{name}" for name in ["convert", "validate", *LAZY_COMMANDS]])
def test_keys_built_from_values_exist(key: str) -> None:
    assert key in message_keys()


def test_vietnamese_is_the_default_and_a_run_can_ask_for_english(monkeypatch) -> None:
    monkeypatch.delenv("VNPLAN_LANG", raising=False)
    set_lang(None)
    assert current_lang() == "vi" and message("cli.valid") == "hợp lệ"
    with using_lang("en"):
        assert message("cli.valid") == "valid" and warning_label("no_date").startswith("no place")
    monkeypatch.setenv("VNPLAN_LANG", "en")
    assert message("cli.valid") == "valid"
    assert field_label("issued_date", "vi") == "ngày ban hành" and field_label("lead", "vi") == "Chủ trì"


# --- (c) every warning code's message, in both languages ------------------------------------

# code -> the message keys its message is made of (a row fails when a code has none or one is
# missing a language); a new code fails `test_every_warning_code_has_its_messages` until it is here.
WARNING_MESSAGES = {
    "agency_unknown": ["warning.agency_not_listed", "warning.mentions"],
    "agency_unrecognized": ["warning.agency_not_listed", "warning.mentions"],
    "agency_sentence": ["warning.agency_sentence"],
    "bad_date": ["warning.bad_date"],
    "bad_number": ["warning.bad_number"],
    "blank_date": ["warning.blank_date"],
    "blank_number": ["warning.blank_number"],
    "content_dropped": ["dropped.message", "dropped.page", "dropped.paragraph", "dropped.cell", "dropped.somewhere"],
    "date_from_caption": ["warning.date_from_caption"],
    "docx_part_duplicate": ["warning.docx_part_duplicate"],
    "docx_part_missing": ["warning.docx_part_missing"],
    "font_map_capped": ["warning.font_map_capped"],
    "docx_text_box_read": ["warning.docx_text_box_read"],
    "docx_tracked_changes": ["warning.docx_tracked_changes"],
    "impossible_date": ["warning.impossible_date_header"],
    "no_closing": ["warning.no_closing"],
    "no_date": ["warning.no_date"],
    "no_number": ["warning.no_number"],
    "no_type_line": ["warning.no_type_line"],
    "appendix_alone": ["warning.appendix_alone", "warning.appendix_alone_unnamed"],
    "not_an_agency": ["warning.not_an_agency"],
    "handwritten_field": ["warning.handwritten_field"],
    "ocr_field_repaired": ["warning.symbol_repaired"],
    "ocr_field_unsure": ["warning.ocr_field_unsure", "warning.symbol_unknown_type", "warning.ocr_field_missing",
                         "warning.ocr_name_short"],
    "ocr_low_confidence": ["warning.ocr_low_confidence"],
    "ocr_words_corrected": ["warning.ocr_words_corrected"],
    "ocr_unavailable": ["warning.ocr_unavailable", "ocr.reason.no_text"],
    "ocr_used": ["warning.ocr_used", "ocr.reason.no_text", "ocr.reason.requested"],
    "page_attribute_unreadable": ["warning.page_attribute_unreadable"],
    "pages_without_text": ["warning.pages_without_text"],
    "recipient_unplaced": ["warning.recipient_unplaced", "warning.on_page"],
    "reference_bad_date": ["warning.reference_bad_date"],
    "reference_date_conflict": ["warning.reference_date_conflict"],
    "task_number_repaired": ["warning.task_number_repaired", "label.row", "label.table", "label.page"],
    "task_number_unread": ["warning.task_number_unread", "label.row", "label.table", "label.page"],
    "task_table_not_taken": ["warning.task_table_not_taken", "label.table", "label.page"],
    "task_without_content": ["warning.task_without_content", "label.row", "label.table"],
    "text_other_language": ["warning.text_other_language", "warning.language_pages"],
    "text_partly_unreadable": ["warning.text_partly_unreadable"],
    "timeframe_invalid_date": ["warning.timeframe_invalid_date", "warning.impossible_date", "warning.impossible_month"],
    "timeframe_unrecognized": ["warning.timeframe_unrecognized"],
}
# Document words an English message quotes as the document prints them ("Nơi nhận", "chủ trì").
_QUOTED = re.compile(r"'[^']*'|\([^)]*\)")


def _filled(key: str, lang: str) -> str:
    """The message with each field filled by a neutral placeholder (a number: no language)."""
    fields = {f for _, f, _, _ in string.Formatter().parse(message(key, lang)) if f}
    return message(key, lang, **{f.split("!")[0]: 7 for f in fields})


def test_every_warning_code_has_its_messages() -> None:
    assert sorted(set(warning_codes()) - set(WARNING_MESSAGES)) == []


@pytest.mark.parametrize("code", sorted(WARNING_MESSAGES))
def test_warning_message_in_both_languages(code: str) -> None:
    for key in WARNING_MESSAGES[code]:
        vi, en = _filled(key, "vi"), _filled(key, "en")
        assert not english_words(vi), f"{code} ({key}) in Vietnamese: {vi!r}"
        assert not VIETNAMESE.search(_QUOTED.sub("", en)), f"{code} ({key}) in English: {en!r}"
    assert warning_label(code, "vi") != warning_label(code, "en")


@pytest.mark.parametrize("lang", LANGS)
def test_a_real_plan_s_warnings_are_in_the_run_s_language(lang: str) -> None:
    from pipeline import convert

    doc = convert(real("03_KH-UBND_LamDong_trien-khai-CTMTQG-PCMT-2030_draft-2025-10.docx"), lang=lang)
    codes = {w["code"] for w in doc["warnings"]}
    assert codes >= {"blank_number", "blank_date"} and codes & {"agency_unknown", "agency_sentence"}, codes
    for w in doc["warnings"]:
        said = _QUOTED.sub("", w["message"]) + " " + (w["label"] or "")
        if lang == "vi":
            assert not english_words(said), w
        else:  # the label's "Mục 3": a section number; what is quoted is the document's
            assert not VIETNAMESE.search(_QUOTED.sub("", w["message"])), w
            assert "nhiệm vụ" not in (w["label"] or "") and "trang" not in (w["label"] or ""), w


# --- (b) every command, in both languages ---------------------------------------------------


def run(capsys, *args: object) -> str:
    """`vnplan ARGS` in this process: what it wrote to stdout and stderr."""
    try:
        main([str(a) for a in args])
    except SystemExit:  # --help and usage errors
        pass
    out = capsys.readouterr()
    return out.out + out.err


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    """The samples converted once (English: the JSON's messages are not what (b) reads)."""
    folder = tmp_path_factory.mktemp("converted")
    assert main(["--lang", "en", "-q", "convert", "-o", str(folder / "pdf"), str(SAMPLES / "plan-196-KH-UBND.pdf")]) == 0
    assert main(["--lang", "en", "-q", "convert", "-o", str(folder / "docx"), str(SAMPLES / "plan-196-KH-UBND.docx")]) == 0
    return folder


def _commands(folder: Path, tmp: Path) -> list[list[object]]:
    """Every command a person runs: --help of each, and each at work (successes and refusals)."""
    pdf, docx = folder / "pdf" / "plan-196-KH-UBND.json", folder / "docx" / "plan-196-KH-UBND.json"
    (tmp / "empty.pdf").write_bytes(b"")
    (tmp / "broken.json").write_text("{", encoding="utf-8")
    (tmp / "odd.json").write_text('{"a": 1}', encoding="utf-8")
    bad = json.loads(pdf.read_text(encoding="utf-8"))
    bad["document"]["issued_date"], bad["document"]["type"], bad["tasks"][0]["number"] = "2024-13-45", 5, 3.5
    (tmp / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    changed = json.loads(pdf.read_text(encoding="utf-8"))
    changed["document"]["issued_date"], changed["tasks"][5]["lead"] = "2024-10-05", changed["tasks"][6]["lead"]
    del changed["tasks"][8]
    (tmp / "changed.json").write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    db = f"sqlite:///{tmp / 'plans.sqlite'}"
    helps = [["--help"]] + [[name, "--help"] for name in ["convert", "validate", *LAZY_COMMANDS]]
    return helps + [
        ["convert", "-o", tmp / "out", SAMPLES / "plan-196-KH-UBND.pdf"],
        ["convert", "-o", tmp / "out", tmp / "empty.pdf", tmp / "missing.pdf", SAMPLES / "README.md", tmp],
        ["convert"], ["convert", "--ocr", "sometimes", "x.pdf"], ["--data", tmp / "nowhere", "convert", "x.pdf"],
        ["validate", pdf, tmp / "broken.json", tmp / "odd.json", tmp / "bad.json", tmp / "missing.json"],
        ["diff", pdf, docx], ["diff", pdf, tmp / "changed.json"], ["diff", pdf, tmp / "broken.json"],
        ["diff", pdf, tmp / "changed.json", "--format", "html", "-o", tmp / "diff.html"],
        ["render", pdf, "--to", "md"], ["render", tmp / "missing.json"],
        ["load", pdf, tmp / "broken.json", "--db", db], ["load", pdf, tmp / "broken.json", "--db", db, "--create"],
        ["load", pdf, "--db", db],
        ["export", "--tasks", tmp / "tasks.csv", "--from-db", db], ["export", "--tasks", tmp / "tasks.txt", pdf],
        ["export", "--tasks", tmp / "tasks.csv"],
        ["batch", tmp / "missing", "-o", tmp / "batch"], ["batch", "--jobs", "0", tmp, "-o", tmp / "batch"],
    ]


@pytest.mark.parametrize("position", ["before", "after"])
def test_every_command_says_nothing_in_english_in_a_vietnamese_run(capsys, converted, tmp_path, position) -> None:
    said = []
    for args in _commands(converted, tmp_path):
        args = ["--lang", "vi", *args] if position == "before" else [*args, "--lang", "vi"]
        text = run(capsys, *args)
        said.append(text)
        assert not english_words(text), f"vnplan {' '.join(map(str, args))}:\n{text}"
    header = (tmp_path / "tasks.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "Ngày ban hành" in header and not english_words(header.replace("_", " "))
    assert any("ngày ban hành 2024-10-02 → 2024-10-05" in text for text in said)  # the diff names the field


def test_every_command_says_nothing_in_vietnamese_in_an_english_run(capsys, converted, tmp_path) -> None:
    own = [s for path in converted.rglob("*.json") for s in strings_of(json.loads(path.read_text(encoding="utf-8")))]
    for args in _commands(converted, tmp_path):
        text = run(capsys, "--lang", "en", *args)
        left = vietnamese_left(text, own)
        assert not left, f"vnplan --lang en {' '.join(map(str, args))}:\n" + "\n".join(left)
    header = (tmp_path / "tasks.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "Issued" in header or "issued" in header.lower()
    assert not VIETNAMESE.search(header)


def test_the_language_comes_from_the_environment(capsys, monkeypatch) -> None:
    monkeypatch.setenv("VNPLAN_LANG", "vi")
    assert "cách dùng" in run(capsys, "convert", "--help")
    monkeypatch.setenv("VNPLAN_LANG", "en")
    assert "usage" in run(capsys, "convert", "--help")
    assert "cách dùng" in run(capsys, "convert", "--help", "--lang", "vi")  # the option wins


def test_inspect_reports_in_the_run_s_language(capsys, tmp_path) -> None:
    pytest.importorskip("pypdfium2")
    vi = run(capsys, "--lang", "vi", "inspect", SAMPLES / "plan-196-KH-UBND.pdf", "-o", tmp_path)
    en = run(capsys, "inspect", SAMPLES / "plan-196-KH-UBND.pdf", "-o", tmp_path, "--lang", "en")
    assert vi.startswith("Đã ghi") and en.startswith("Wrote"), (vi, en)


def test_batch_reports_in_the_run_s_language(capsys, tmp_path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "plan.docx").write_bytes((SAMPLES / "plan-196-KH-UBND.docx").read_bytes())
    (folder / "empty.pdf").write_bytes(b"")
    vi = run(capsys, "--lang", "vi", "batch", folder, "-o", tmp_path / "vi", "--jobs", "1")
    assert "đã chuyển" in vi and "tệp rỗng" in vi and not english_words(vi), vi
    en = run(capsys, "--lang", "en", "batch", folder, "-o", tmp_path / "en", "--jobs", "1")
    assert "converted" in en and "file is empty" in en and not VIETNAMESE.search(en), en


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
