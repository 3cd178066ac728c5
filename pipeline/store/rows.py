"""Contract JSON → table rows: pure functions, no database.

Reads contract 1.0 and 1.1 alike: every 1.1 field (`attachments`, Task `key`,
Timeframe `inferred`, Warning `label`, `provenance`) is read with .get(), so a
1.0 file loads with those columns null or derived.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from functools import cache

from pipeline.normalize.gazetteer import default_gazetteer
from pipeline.normalize.timeframes import parse_timeframe
from pipeline.text import spacing_folded

ROLES = ("lead", "cooperating", "submit_to")
# Fields of a conversion that say where a value was found, not what the document says: the PDF
# and the DOCX of one text differ in them, so content_sha256 leaves them out.
WHERE_NOT_WHAT = ("source", "warnings", "provenance", "pages", "carrier_is_draft")
# Timeframe kinds that name one year: with no end printed, the window ends in its start year.
ONE_YEAR_KINDS = ("year", "quarter", "month", "date")
# Timeframe kinds a plan's title may carry that give the plan's period; a date in a title is a
# cited document's ("Kết luận số 69-KL/TW ngày 11/01/2024"), not the plan's.
PERIOD_KINDS = ("period", "year", "from_year")


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


# ---- identity ------------------------------------------------------------------------------

def _without_where(value: object) -> object:
    """The value with every WHERE_NOT_WHAT key dropped, at any depth (attachments carry them too),
    and its text folded for spacing (`spacing_folded`): a copy retyped with "(Công" for "( Công"
    is the same version."""
    if isinstance(value, dict):
        return {k: _without_where(v) for k, v in value.items() if k not in WHERE_NOT_WHAT}
    if isinstance(value, list):
        return [_without_where(v) for v in value]
    if isinstance(value, str):
        return spacing_folded(value)
    return value


def content_sha256(doc: dict) -> str:
    """A hash of what the document says, not of the file it came in.

    Leaves out `source`, `warnings`, `provenance` and PDF page numbers: the PDF
    and the DOCX of one plan convert to the same content and so the same hash.
    Release 0.1.0 kept the page numbers of data tables in the hash; a database it
    made keeps those hashes (the migration cannot recompute them without the JSON).
    """
    body = _without_where(doc)
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def plan_key(meta: dict) -> str | None:
    """What the revisions of one plan share: its issuer and code, else its issuer and title.

    The issuer is part of the key: 196/KH-UBND of Quảng Ngãi and of Lâm Đồng are two plans.
    A title (hundreds of characters) enters as its hash.
    """
    issuer = (meta.get("issuer") or {}).get("id") or ""
    if meta.get("code"):
        return f"{issuer}|code:{meta['code']}"
    if meta.get("title") and issuer:
        return f"{issuer}|title:{hashlib.sha256(meta['title'].encode('utf-8')).hexdigest()}"
    return None


def revision_order(issued_date: dt.date | None, number: str | None, row_id: int) -> tuple:
    """Sort key of a revision chain: by date (an undated draft before the issued text), then by
    number (numerically where it is one), then by load order only to break ties."""
    digits = "".join(ch for ch in number or "" if ch.isdigit())
    return (issued_date or dt.date.min, int(digits) if digits else -1, row_id)


# ---- places and periods ---------------------------------------------------------------------

@cache
def province_of(issuer_name: str | None) -> tuple[str | None, str | None]:
    """(province, its successor since the 2025 mergers) of an issuer ("Ủy ban nhân dân tỉnh Lâm Đồng").

    The successor is the province itself when it was not merged; both null for a central body.
    """
    if not issuer_name:
        return None, None
    gazetteer = default_gazetteer()
    for _, prov in gazetteer.province_suffixes(gazetteer.agency_key(issuer_name)):
        if prov is not None:
            successor = gazetteer.find_province(prov.successor) if prov.successor else prov
            return prov.name, successor.name if successor else prov.name
    return None, None


def province_of_place(place: str | None) -> tuple[str | None, str | None]:
    """(province, successor) of a place line's province ("Lào Cai"); both null where the place
    is not a province the gazetteer lists (a district, a typo)."""
    if not place:
        return None, None
    gazetteer = default_gazetteer()
    key = re.sub(r"^(?:tinh|thanh pho) ", "", gazetteer.agency_key(place))
    prov = gazetteer.provinces[0].get(key)
    if prov is None:
        return None, None
    successor = gazetteer.find_province(prov.successor) if prov.successor else prov
    return prov.name, successor.name if successor else prov.name


def document_province(meta: dict) -> tuple[str | None, str | None]:
    """The province of a document: its issuer's, else (a local body whose name carries none:
    "Sở Nội vụ") the place it was issued in. A central body's place (Hà Nội) is not its province."""
    issuer = meta.get("issuer") or {}
    found = province_of(issuer.get("name"))
    if found[0] or issuer.get("level") == "central":
        return found
    return province_of_place(meta.get("place"))


def plan_period(meta: dict) -> tuple[int | None, int | None]:
    """The years a plan covers, read from its title; the start defaults to the year it was issued."""
    timeframe, _ = parse_timeframe(meta.get("title") or "")
    start = end = None
    if timeframe and timeframe.kind in PERIOD_KINDS:
        start, end = timeframe.start, timeframe.end
    issued = _date(meta.get("issued_date"))
    return start or (issued.year if issued else None), end


def deadline_window(timeframe: dict | None, period: tuple[int | None, int | None]
                    ) -> tuple[dt.date | None, dt.date | None, bool]:
    """(first day, last day, inferred) of the window a task is due in.

    A date is its own window; a year, quarter or month its year (the contract keeps no month);
    a period its years; what names no year ("Thường xuyên", "Hàng năm", an empty cell) the plan's
    period, and then `inferred` is true, as it is when the converter took the year from the plan
    (Timeframe `inferred`, 1.1). A null end is open-ended.
    """
    timeframe = timeframe or {}
    day = _date(timeframe.get("date"))
    if day:
        return day, day, bool(timeframe.get("inferred"))
    start, end = timeframe.get("start"), timeframe.get("end")
    if end is None and start is not None and timeframe.get("kind") in ONE_YEAR_KINDS:
        end = start
    inferred = bool(timeframe.get("inferred"))
    if start is None and end is None:
        (start, end), inferred = period, True
    elif end is None and timeframe.get("kind") != "from_year":
        end = period[1]
    return (dt.date(start, 1, 1) if start else None, dt.date(end, 12, 31) if end else None, inferred)


# ---- agencies -------------------------------------------------------------------------------

@cache
def gazetteer_entry(name: str) -> tuple[str | None, bool]:
    """(gazetteer row id, recognised) of an agency's name; (None, False) for a guessed name."""
    gazetteer = default_gazetteer()
    key = gazetteer.agency_key(name)
    found = gazetteer.lookup(key)
    if found:
        return found[0].id, True
    group = gazetteer.match_group(key)
    if group:
        return group.get("id") or None, True
    return None, False


def agency_rows(doc: dict) -> list[dict]:
    """Every agency the document names (its list, issuer, task cells, recipients), once each."""
    found: dict[str, dict] = {}

    def add(agency: dict | None) -> None:
        if agency and agency.get("id") and agency["id"] not in found:
            successor = agency.get("successor") or {}
            found[agency["id"]] = {
                "id": agency["id"], "name": agency["name"], "kind": agency.get("kind") or "agency",
                "level": agency.get("level"), "successor_id": successor.get("id"),
                "successor_name": successor.get("name"),
            }

    for agency in doc.get("agencies", []):
        add(agency)
    add(doc["document"].get("issuer"))
    for task in doc.get("tasks", []):
        for agency in [*task.get("lead", []), *task.get("cooperating", []), task.get("submit_to")]:
            add(agency)
    for recipient in doc.get("recipients", []):
        add(recipient.get("agency"))
    return list(found.values())


def task_agency_rows(task: dict, task_id: int) -> list[dict]:
    cells = {"lead": task.get("lead") or [], "cooperating": task.get("cooperating") or [],
             "submit_to": [task["submit_to"]] if task.get("submit_to") else []}
    rows = []
    for role in ROLES:
        for i, agency in enumerate(cells[role]):
            gazetteer_id, recognised = gazetteer_entry(agency["name"])
            rows.append({"task_id": task_id, "agency_id": agency["id"], "role": role, "position": i,
                         "text": agency.get("text"), "gazetteer_id": gazetteer_id, "recognised": recognised,
                         "successor_id": (agency.get("successor") or {}).get("id")})
    return rows


# ---- rows -----------------------------------------------------------------------------------

def file_row(doc: dict, document_id: int) -> dict:
    source = doc["source"]
    return {"document_id": document_id, "sha256": source["sha256"], "filename": source["filename"],
            "format": source["format"], "pages": source.get("pages"), "loaded_at": now()}


def reference_row(ref: dict) -> dict:
    return {
        "key": ref["id"], "code": ref.get("code"), "type": ref.get("type") or "other", "type_name": ref.get("type_name"),
        "number": ref.get("number"), "symbol": ref.get("symbol"), "year": ref.get("year"),
        "issued_date": _date(ref.get("issued_date")), "issuer_name": (ref.get("issuer") or {}).get("name"),
    }


def type_source(meta: dict) -> str:
    """Contract 1.2's `type_source`; a document converted before 1.2 had its type from its type
    line when it had a type name, else from nothing."""
    return meta.get("type_source") or ("type_line" if meta.get("type_name") else "none")


def document_row(doc: dict) -> dict:
    meta, source = doc["document"], doc["source"]
    signer = meta.get("signer") or {}
    attached = meta.get("attached_to") or {}
    province, successor = document_province(meta)
    period = plan_period(meta)
    return {
        "sha256": source["sha256"], "code": meta.get("code"), "type": meta["type"], "type_name": meta.get("type_name"),
        "type_source": type_source(meta), "subject": meta.get("subject"),
        "number": meta.get("number"), "symbol": meta.get("symbol"),
        "issuer_id": (meta.get("issuer") or {}).get("id"), "place": meta.get("place"),
        "issued_date": _date(meta.get("issued_date")), "title": meta.get("title"),
        "signer_name": signer.get("name"), "signer_title": signer.get("title"),
        "signer_authority": signer.get("authority"), "signer_on_behalf_of": signer.get("on_behalf_of"),
        "archive": meta.get("archive"), "source_filename": source["filename"], "source_format": source["format"],
        "pages": source.get("pages"), "schema_version": doc.get("schema_version", "1.0"),
        "warnings": len(doc.get("warnings") or []), "is_current": True,
        "content_sha256": content_sha256(doc), "loaded_at": now(),
        "plan_key": None if attached else plan_key(meta),
        "is_draft": is_draft(doc),
        "province": province, "province_successor": successor,
        "period_start": period[0], "period_end": period[1],
        "attached_to_code": attached.get("code"), "attached_relation": attached.get("relation"),
    }


def is_draft(doc: dict) -> bool:
    """A document without a number or a date is a draft; an attachment is as its carrier is
    (`attachment_docs` records that: an attached plan prints no number of its own)."""
    if "carrier_is_draft" in doc:
        return doc["carrier_is_draft"]
    meta = doc["document"]
    return not meta.get("number") or not meta.get("issued_date")


def task_row(task: dict, document_id: int, position: int, period: tuple[int | None, int | None]) -> dict:
    timeframe = task.get("timeframe") or {}
    start, end, inferred = deadline_window(timeframe, period)
    return {
        "document_id": document_id, "position": position, "number": str(task["number"]),
        "key": task.get("key") or str(task["number"]),
        "group_title": task.get("group"), "content": task["content"],
        "timeframe_text": timeframe.get("text"), "timeframe_kind": timeframe.get("kind"),
        "timeframe_start": timeframe.get("start"), "timeframe_end": timeframe.get("end"),
        "timeframe_date": _date(timeframe.get("date")), "timeframe_event": timeframe.get("event"),
        "deadline_start": start, "deadline_end": end, "deadline_inferred": inferred,
        "output": task.get("output"), "note": task.get("note"),
        "pages": ",".join(map(str, task["pages"])) if task.get("pages") else None,
    }


def warning_rows(doc: dict, document_id: int) -> list[dict]:
    return [{"document_id": document_id, "position": i, "code": w.get("code") or "unknown",
             "message": w.get("message") or "", "where_path": w.get("where"), "label": w.get("label")}
            for i, w in enumerate(doc.get("warnings") or [])]


def attachment_docs(doc: dict) -> list[dict]:
    """The 1.1 attachments as documents of their own: the source is the parent's file, with a
    sha256 of its own (the parent's, qualified by the attachment's place) so each is one row.
    An attachment that prints no issuer was issued by its document's issuer (and so has its province),
    and is a draft exactly when that document is."""
    source = doc["source"]
    carrier_draft = is_draft(doc)
    out = []
    for i, attachment in enumerate(doc.get("attachments") or [], start=1):
        sha = hashlib.sha256(f"{source['sha256']}/attachments/{i}".encode()).hexdigest()
        pages = attachment.get("pages")
        meta = attachment.get("document") or {}
        if not meta.get("issuer"):
            meta = meta | {"issuer": doc["document"].get("issuer")}
        if not meta.get("place"):
            meta = meta | {"place": doc["document"].get("place")}
        out.append(attachment | {
            "document": meta, "carrier_is_draft": carrier_draft,
            "schema_version": doc.get("schema_version", "1.1"),
            "source": {"sha256": sha, "filename": f"{source['filename']}#attachment-{i}",
                       "format": source["format"], "pages": (pages[1] - pages[0] + 1) if pages else None},
        })
    return out


def flatten_sections(sections: list[dict], depth: int = 0, prefix: str = "") -> list[tuple[int, str, dict, int]]:
    """(depth, path, section, parent index or -1) in reading order; paths like "II.3.a"."""
    out: list[tuple[int, str, dict, int]] = []

    def walk(items: list[dict], level: int, base: str, parent: int) -> None:
        for section in items:
            path = f"{base}.{section['number']}" if base and section.get("number") else (section.get("number") or base)
            out.append((level, path, section, parent))
            walk(section.get("children", []), level + 1, path, len(out) - 1)

    walk(sections, depth, prefix, -1)
    return out
