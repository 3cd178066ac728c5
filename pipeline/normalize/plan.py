"""Skeleton → Plan: every value normalised to the contract.

This is the one place where the normalisers meet: header fields, agencies
(resolved against the issuer's province), timeframes, references (collected
over the whole text so repeated mentions merge) and text (NFC, modern tones).
"""
from __future__ import annotations

import re

from pipeline.model import (
    Agency,
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
from pipeline.normalize.agencies import parse_agency_cell, province_from_issuer, resolve_issuer
from pipeline.normalize.header import parse_number_line, parse_place_date
from pipeline.normalize.reference_merge import collect_references, ids_cited_in
from pipeline.text import normalize_text
from pipeline.normalize.timeframes import parse_timeframe
from pipeline.structure.closing import parse_signature, split_archive
from pipeline.structure.types import RawDataTable, RawSection, RawTask, Skeleton
from pipeline.warnings import PlanWarning

_RECIPIENT_NOTE = re.compile(r"^(?P<name>.*?)\s*\((?P<note>[^()]*)\)\s*$")


def _text_or_none(text: str | None) -> str | None:
    return normalize_text(text) or None if text else None


def _task_number(text: str | None) -> int | str:
    return int(text) if text and text.isdigit() else (text or "0")


class _Context:
    """What normalisation of one document accumulates: province, warnings, agencies seen."""

    def __init__(self, province: str | None) -> None:
        self.province = province
        self.warnings: list[PlanWarning] = []
        self.agencies: dict[str, Agency] = {}

    def agencies_in(self, text: str | None, where: str) -> list[Agency]:
        if not text or not normalize_text(text):
            return []
        found, warnings = parse_agency_cell(text, self.province)
        self.warnings.extend(_located(warnings, where))
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


def _located(warnings: list[PlanWarning], where: str) -> list[PlanWarning]:
    return [PlanWarning(w.code, w.message, w.where or where) for w in warnings]


def _build_task(raw: RawTask, index: int, ctx: _Context, refs: dict[str, list[str]], paged: bool) -> Task:
    where = f"tasks[{index}]"
    timeframe, tf_warnings = parse_timeframe(raw.cells.get("timeframe", ""), where=f"{where}.timeframe")
    ctx.warnings.extend(tf_warnings)
    submit_to = ctx.agencies_in(raw.cells.get("submit_to"), f"{where}.submit_to")
    return Task(
        number=_task_number(raw.number),
        group=_text_or_none(raw.group),
        content=normalize_text(raw.cells.get("content", "")),
        lead=ctx.agencies_in(raw.cells.get("lead"), f"{where}.lead"),
        cooperating=ctx.agencies_in(raw.cells.get("cooperating"), f"{where}.cooperating"),
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
    paragraphs = [_paragraph(text, f"{path}.p{i}", ctx, refs) for i, text in enumerate(raw.paragraphs)]
    children = [_build_section(child, f"{path}.{child.number}", ctx, refs) for child in raw.children]
    return Section(number=raw.number, title=_text_or_none(raw.title), paragraphs=paragraphs, children=children)


def _section_texts(raw: RawSection, path: str) -> list[tuple[str, str]]:
    texts = [(f"{path}.p{i}", text) for i, text in enumerate(raw.paragraphs)]
    if raw.title:
        texts.insert(0, (f"{path}.title", raw.title))
    for child in raw.children:
        texts.extend(_section_texts(child, f"{path}.{child.number}"))
    return texts


def _task_text(task: RawTask) -> str:
    return " ".join(v for k, v in task.cells.items() if k in ("content", "note", "output"))


def _citable_texts(skeleton: Skeleton) -> list[tuple[str, str]]:
    """Every text that may cite another document, keyed by where it stands, in reading order."""
    texts: list[tuple[str, str]] = []
    if skeleton.header.title:
        texts.append(("document.title", skeleton.header.title))
    texts.extend((f"preamble.p{i}", t) for i, t in enumerate(skeleton.preamble))
    for i, section in enumerate(skeleton.sections):
        texts.extend(_section_texts(section, f"sections.{section.number or i}"))
    for i, task in enumerate(skeleton.tasks):
        if not task.from_body:  # a body task's text is counted as its section's paragraph
            texts.append((f"tasks[{i}]", _task_text(task)))
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
    agencies, warnings = parse_agency_cell(name, ctx.province)
    ctx.warnings.extend(_located(warnings, f"recipients[{index}]"))
    ctx.remember(*agencies)
    return Recipient(name=name, note=note, agency=agencies[0] if agencies else None, agencies=agencies)


def build_plan(skeleton: Skeleton, type_code: str | None, source: Source) -> Plan:
    """Normalise a skeleton into the contract's Plan."""
    header = skeleton.header
    issuer_text = " ".join(header.issuer_lines)
    ctx = _Context(province_from_issuer(issuer_text) if issuer_text else None)
    issuer, parent = resolve_issuer(list(header.issuer_lines)) if header.issuer_lines else (None, None)
    ctx.remember(parent)
    ctx.remember(issuer)
    number, number_warnings = parse_number_line(header.number_line)
    place, issued, date_warnings = parse_place_date(header.place_date_line)
    archive, drafter = split_archive(skeleton.closing.archive)
    own_code = number.code
    references, cited, ref_warnings = collect_references(_citable_texts(skeleton), own_code=own_code)
    for i, task in enumerate(skeleton.tasks):
        if task.from_body:
            cited[f"tasks[{i}]"] = ids_cited_in(normalize_text(_task_text(task)), references)
    tasks = [_build_task(t, i, ctx, cited, source.format == "pdf") for i, t in enumerate(skeleton.tasks)]
    recipients = [_recipient(r, i, ctx) for i, r in enumerate(skeleton.closing.recipients)]
    preamble = Section(
        number=None, title=None,
        paragraphs=[_paragraph(t, f"preamble.p{i}", ctx, cited) for i, t in enumerate(skeleton.preamble)],
    )
    sections = [_build_section(s, f"sections.{s.number or i}", ctx, cited) for i, s in enumerate(skeleton.sections)]
    document = DocumentMeta(
        type=type_code or "other",
        type_name=_text_or_none(header.type_line),
        code=own_code, number=number.number, symbol=number.symbol,
        issuer=issuer, place=place, issued_date=issued,
        title=_text_or_none(header.title),
        signer=parse_signature(skeleton.closing.signature_lines),
        archive=_text_or_none(archive), drafter_mark=drafter, parent_issuer=parent,
    )
    warnings = skeleton.warnings + number_warnings + date_warnings + ref_warnings + ctx.warnings
    return Plan(
        source=source, document=document,
        sections=([preamble] if preamble.paragraphs else []) + sections,
        tasks=tasks, tables=[_data_table(t, source.format == "pdf") for t in skeleton.data_tables],
        recipients=recipients, references=references,
        agencies=list(ctx.agencies.values()), warnings=_dedupe(warnings),
    )


def _dedupe(warnings: list[PlanWarning]) -> list[PlanWarning]:
    """One warning per (code, message, where): a cell repeated by a merge warns once."""
    seen: set[tuple[str, str, str | None]] = set()
    out = []
    for w in warnings:
        if (w.code, w.message, w.where) not in seen:
            seen.add((w.code, w.message, w.where))
            out.append(w)
    return out
