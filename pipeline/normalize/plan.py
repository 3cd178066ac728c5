"""Skeleton → Plan: every value normalised to the contract.

This is the one place where the normalisers meet: header fields, agencies
(resolved against the issuer's province), timeframes, references (collected
over the whole text so repeated mentions merge) and text (NFC, modern tones).
"""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.data.messages import message
from pipeline.model import (
    Agency,
    Attachment,
    DataTable,
    DocumentMeta,
    Plan,
    Recipient,
    Section,
    Source,
    Task,
    TextParagraph,
)
from pipeline.normalize.agency_mentions import find_agencies
from pipeline.normalize.agencies import (
    Scope, merge_unknown_warnings, parse_agency_cell, province_from_issuer, resolve_issuer,
)
from pipeline.normalize.attachments import appendix_of, attached_to, date_from_captions, part_label_name
from pipeline.normalize.header import (
    parse_number_line, parse_place_date, parse_subject, passage_date, read_document_type,
)
from pipeline.normalize.ocr_fields import ocr_header_warnings, read_by_ocr
from pipeline.normalize.symbol_grammar import checked_number
from pipeline.normalize.provenance import build_provenance
from pipeline.normalize.reference_merge import collect_references, ids_cited_in
from pipeline.text import normalize_text
from pipeline.normalize.task_places import task_keys, task_label
from pipeline.normalize.plan_frame import plan_year
from pipeline.normalize.timeframes import parse_timeframe
from pipeline.structure.closing import split_archive
from pipeline.structure.doc_types import DocumentType
from pipeline.structure.types import RawAttachment, RawDataTable, RawSection, RawTask, Skeleton
from pipeline.warnings import PlanWarning, pointer

_RECIPIENT_NOTE = re.compile(r"^(?P<name>.*?)\s*\((?P<note>[^()]*)\)\s*$")


def _text_or_none(text: str | None) -> str | None:
    return normalize_text(text) or None if text else None


def _task_number(text: str | None) -> int | str:
    return int(text) if text and text.isdigit() else (text or "0")


class _Context:
    """What normalisation of one document accumulates: province, warnings, agencies seen."""

    def __init__(self, province: str | None, issuer: Agency | None = None, parent: Agency | None = None) -> None:
        self.province = province
        self.scope = Scope(province, issuer, parent)  # bare offices and units resolve against the issuer
        self.warnings: list[PlanWarning] = []
        self.agencies: dict[str, Agency] = {}

    def agencies_in(self, text: str | None, where: str, label: str | None = None) -> list[Agency]:
        if not text or not normalize_text(text):
            return []
        found, warnings = parse_agency_cell(text, self.scope)
        self.warnings.extend(_located(warnings, where, label))
        return self.remember(*found)

    def mentioned_in(self, text: str) -> list[str]:
        """Ids of the named agencies a paragraph mentions, remembered for the document's list."""
        return [a.id for a in self.remember(*find_agencies(text, self.province))]

    def remember(self, *agencies: Agency | None) -> list[Agency]:
        """Add agencies to the document's list (first mention wins); returns the ones given."""
        known = [a for a in agencies if a is not None]
        for agency in known:
            self.agencies.setdefault(agency.id, agency)
        return known


def _located(warnings: list[PlanWarning], where: str, label: str | None = None) -> list[PlanWarning]:
    """The warnings placed at `where` (a JSON pointer) and `label`, unless they say better."""
    return [PlanWarning(w.code, w.message, w.where or where, w.label or label) for w in warnings]


def _build_task(raw: RawTask, index: int, place: tuple[str, str], ctx: _Context, refs: dict[str, list[str]],
                paged: bool, year: int | None) -> Task:
    where = pointer("tasks", index)
    key, label = place
    timeframe, tf_warnings = parse_timeframe(
        raw.cells.get("timeframe", ""), where=f"{where}/timeframe", plan_year=year, label=label)
    ctx.warnings.extend(tf_warnings)
    submit_to = ctx.agencies_in(raw.cells.get("submit_to"), f"{where}/submit_to", label)
    return Task(
        number=_task_number(raw.number),
        key=key,
        group=_text_or_none(raw.group),
        content=normalize_text(raw.cells.get("content", "")),
        lead=ctx.agencies_in(raw.cells.get("lead"), f"{where}/lead", label),
        cooperating=ctx.agencies_in(raw.cells.get("cooperating"), f"{where}/cooperating", label),
        timeframe=timeframe,
        submit_to=submit_to[0] if submit_to else None,
        output=_text_or_none(raw.cells.get("output")),
        note=_text_or_none(raw.cells.get("note")),
        references=refs.get(where, []),
        pages=list(raw.pages) if paged and raw.pages else None,
    )


def _paragraph(text: str, where: str, ctx: _Context, refs: dict[str, list[str]]) -> TextParagraph:
    text = normalize_text(text)
    return TextParagraph(text=text, references=refs.get(where, []), agencies=ctx.mentioned_in(text))


def _build_section(raw: RawSection, path: str, ctx: _Context, refs: dict[str, list[str]]) -> Section:
    paragraphs = [_paragraph(text, f"{path}/paragraphs/{i}", ctx, refs) for i, text in enumerate(raw.paragraphs)]
    children = [_build_section(child, f"{path}/children/{j}", ctx, refs) for j, child in enumerate(raw.children)]
    return Section(number=raw.number, title=_text_or_none(raw.title), paragraphs=paragraphs, children=children)


def _section_texts(raw: RawSection, path: str) -> list[tuple[str, str]]:
    """A section's title and paragraphs keyed by their JSON pointer in the output, children after."""
    texts = [(f"{path}/paragraphs/{i}", text) for i, text in enumerate(raw.paragraphs)]
    if raw.title:
        texts.insert(0, (f"{path}/title", raw.title))
    for j, child in enumerate(raw.children):
        texts.extend(_section_texts(child, f"{path}/children/{j}"))
    return texts


def _section_offset(skeleton: Skeleton) -> int:
    """Index of the first numbered section in the output: the preamble, when any, comes first."""
    return 1 if skeleton.preamble else 0


def _task_text(task: RawTask) -> str:
    return " ".join(v for k, v in task.cells.items() if k in ("content", "note", "output"))


def _citable_texts(skeleton: Skeleton) -> list[tuple[str, str]]:
    """Every text that may cite another document, keyed by where it stands, in reading order."""
    texts: list[tuple[str, str]] = []
    if skeleton.header.title:
        texts.append(("/document/title", skeleton.header.title))
    texts.extend((f"/sections/0/paragraphs/{i}", t) for i, t in enumerate(skeleton.preamble))
    offset = _section_offset(skeleton)
    for i, section in enumerate(skeleton.sections):
        texts.extend(_section_texts(section, pointer("sections", i + offset)))
    for i, task in enumerate(skeleton.tasks):
        if not task.from_body:  # a body task's text is counted as its section's paragraph
            texts.append((pointer("tasks", i), _task_text(task)))
    texts.extend((f"/footnotes/{i}", note) for i, note in enumerate(skeleton.notes))
    return [(where, normalize_text(text)) for where, text in texts]


def _data_table(raw: RawDataTable, paged: bool) -> DataTable:
    def cells(texts: tuple[str, ...]) -> list[str | None]:
        return [_text_or_none(t) for t in texts]

    return DataTable(
        caption=_text_or_none(raw.caption), header=cells(raw.header), rows=[cells(r) for r in raw.rows],
        pages=list(raw.pages) if paged and raw.pages else None,
    )


def _recipient(text: str, index: int, ctx: _Context) -> Recipient:
    text = normalize_text(text)
    name, note = text, None
    if (m := _RECIPIENT_NOTE.match(text)) and m.group("name"):  # "(...)" alone is a name, not a note
        name, note = m.group("name"), m.group("note").strip() or None
    agencies, warnings = parse_agency_cell(name, ctx.scope)
    ctx.warnings.extend(_located(warnings, pointer("recipients", index),
                                  f"{message('doc.recipients')}, {message('label.row', n=index + 1)}"))
    ctx.remember(*agencies)
    return Recipient(name=name, note=note, agency=agencies[0] if agencies else None, agencies=agencies)


# Header warnings an attached document does without: it prints no number, date or closing of its own.
_ATTACHMENT_SILENT = frozenset({"no_number", "no_date", "no_closing"})


def build_plan(skeleton: Skeleton, type_code: str | None, source: Source, province: str | None = None) -> Plan:
    """Normalise a skeleton into the contract's Plan, its attachments too.

    Args:
        province: the province of the document this one is attached to, for an
            attachment that prints no issuer of its own.
    """
    header = skeleton.header
    issuer_text = " ".join(header.issuer_lines)
    issuer, parent = resolve_issuer(list(header.issuer_lines)) if header.issuer_lines else (None, None)
    ctx = _Context(province_from_issuer(issuer_text) if issuer_text else province, issuer, parent)
    ctx.remember(parent)
    ctx.remember(issuer)
    number, number_warnings = parse_number_line(header.number_line)
    if read_by_ocr(skeleton.warnings):  # OCR misreads letters a typist does not: the symbol's grammar mends them
        number, grammar_warnings = checked_number(number, type_code, issuer_text)
        number_warnings += grammar_warnings
    place, issued, date_warnings = parse_place_date(header.place_date_line)
    citable = _citable_texts(skeleton)
    if header.place_date_line is None and (passed := passage_date([t for _, t in citable])):
        issued, date_warnings = passed, []
    if issued is None and header.place_date_line:
        issued, caption_warnings = date_from_captions(skeleton.captions, number.code, header.type_line)
        date_warnings += caption_warnings
    if read_by_ocr(skeleton.warnings):
        number_warnings, date_warnings = ocr_header_warnings(skeleton, number_warnings + date_warnings), []
    archive, drafter = split_archive(skeleton.closing.archive)
    own_code = number.code
    references, cited, ref_warnings = collect_references(citable, own_code=own_code)
    for i, task in enumerate(skeleton.tasks):
        if task.from_body:
            cited[pointer("tasks", i)] = ids_cited_in(normalize_text(_task_text(task)), references)
    paged = source.format == "pdf"
    places = _task_places(skeleton.tasks, paged)
    year = plan_year(issued, header.place_date_line, header.title)
    tasks = [_build_task(t, i, places[i], ctx, cited, paged, year) for i, t in enumerate(skeleton.tasks)]
    ref_warnings = _located_in_text(ref_warnings, skeleton, places)
    recipients = [_recipient(r, i, ctx) for i, r in enumerate(skeleton.closing.recipients)]
    preamble = Section(
        number=None, title=None,
        paragraphs=[_paragraph(t, f"/sections/0/paragraphs/{i}", ctx, cited) for i, t in enumerate(skeleton.preamble)],
    )
    offset = _section_offset(skeleton)
    sections = [_build_section(s, pointer("sections", i + offset), ctx, cited) for i, s in enumerate(skeleton.sections)]
    subject = parse_subject(header.subject_lines)
    doc_type = read_document_type(
        DocumentType(type_code, header.type_line) if type_code and header.type_line else None, number, subject)
    if header.part_label:  # an appendix alone: of type "other", named by its label, tied to its document
        doc_type = replace(doc_type, name=part_label_name(header.part_label))
        number_warnings, date_warnings = [], []
    document = DocumentMeta(
        type=doc_type.code,
        type_name=_text_or_none(doc_type.name),
        type_source=doc_type.source,
        subject=_text_or_none(subject),
        code=own_code, number=number.number, symbol=number.symbol,
        issuer=issuer, place=place, issued_date=issued,
        title=_text_or_none(header.title),
        signer=skeleton.closing.signer,
        archive=_text_or_none(archive), drafter_mark=drafter, parent_issuer=parent,
        attached_to=appendix_of(header.caption) if header.part_label and header.caption else None,
    )
    warnings = skeleton.warnings + number_warnings + date_warnings + ref_warnings + merge_unknown_warnings(ctx.warnings)
    plan = Plan(
        source=source, document=document,
        sections=([preamble] if preamble.paragraphs else []) + sections,
        tasks=tasks, tables=[_data_table(t, source.format == "pdf") for t in skeleton.data_tables],
        recipients=recipients, references=references,
        agencies=list(ctx.agencies.values()), warnings=_dedupe(warnings),
        footnotes=[_paragraph(note, f"/footnotes/{i}", ctx, cited) for i, note in enumerate(skeleton.notes)],
    )
    plan.provenance = build_provenance(skeleton, plan)
    plan.attachments = [_attachment(raw, plan, ctx.province) for raw in skeleton.attachments]
    return plan


def _attachment(raw: RawAttachment, main: Plan, province: str | None) -> Attachment:
    """An attached document normalised like any, tied to the main one by its caption."""
    plan = build_plan(raw.skeleton, raw.type_code, main.source, province)
    plan.document.attached_to = attached_to(raw.skeleton.header.caption, main.document)
    plan.warnings = [w for w in plan.warnings if w.code not in _ATTACHMENT_SILENT]
    paged = main.source.format == "pdf" and raw.pages
    return Attachment(plan=plan, pages=[raw.pages[0], raw.pages[-1]] if paged else None)


def _task_places(tasks: list[RawTask], paged: bool) -> list[tuple[str, str]]:
    """(key, label) of every task: "II.5", "Phụ lục, nhiệm vụ II.5, trang 9"."""
    keys = task_keys(tasks)
    return [(key, task_label(task, key, paged)) for task, key in zip(tasks, keys)]


def _located_in_text(warnings: list[PlanWarning], skeleton: Skeleton, places: list[tuple[str, str]]) -> list[PlanWarning]:
    """Labels for warnings about a cited text: the task's label, or the section's number path."""
    labels = {pointer("tasks", i): label for i, (_, label) in enumerate(places)}
    labels["/document/title"] = message("doc.title")
    if skeleton.preamble:
        labels.update({f"/sections/0/paragraphs/{i}": message("doc.preamble") for i in range(len(skeleton.preamble))})
    offset = _section_offset(skeleton)

    def walk(section: RawSection, path: str, numbers: list[str]) -> None:
        numbers = numbers + [section.number or "?"]
        name = message("label.section", n=".".join(numbers))
        labels[f"{path}/title"] = name
        labels.update({f"{path}/paragraphs/{i}": name for i in range(len(section.paragraphs))})
        for j, child in enumerate(section.children):
            walk(child, f"{path}/children/{j}", numbers)

    for i, section in enumerate(skeleton.sections):
        walk(section, pointer("sections", i + offset), [])
    return [PlanWarning(w.code, w.message, w.where, w.label or labels.get(w.where or "")) for w in warnings]


def _dedupe(warnings: list[PlanWarning]) -> list[PlanWarning]:
    """One warning per (code, message, where): a cell repeated by a merge warns once."""
    seen: set[PlanWarning] = set()
    out = []
    for w in warnings:
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out
