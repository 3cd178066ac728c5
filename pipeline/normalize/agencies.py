"""Agency cells -> Agency values: split a cell into bodies, then resolve each one.

Why this shape: a "chủ trì"/"phối hợp" cell is a list separated by ";", "," and
"và", yet official names contain both ("Sở Văn hóa, Thể thao và Du lịch") and
collective phrases contain commas ("Các sở, ban, ngành"). So we split at every
separator first and then glue adjacent pieces back whenever the glued run is a
name we know (gazetteer or collective phrase, longest run first), or when a
piece cannot start a body on its own ("Công nghệ", "thương mại").

Vocabulary lives in pipeline/data and reaches this module through a `Gazetteer`
(gazetteer.py): agencies.csv, agency_groups.csv (collective phrases), abbreviations.csv,
provinces.csv, agency_heads.yaml (head words, matched with their diacritics) and
agency_grammar.yaml (the grammar's word lists, compiled in agency_rules.py). A `Scope`
says who writes the cell (province, issuer, parent) and which gazetteer to read; names the
gazetteer lacks are read by rule or kept with a warning in agency_unlisted.py. Gazetteer
names may hold placeholders filled from the province: {tinh} -> "tỉnh Quảng Ngãi" /
"thành phố Hà Nội", {uy} -> "Tỉnh ủy Quảng Ngãi" / "Thành ủy Hà Nội", {ten} -> "Quảng
Ngãi". A provincial row without a placeholder ("Sở Tài chính") keeps its name and gets the
province slug appended to its id.

underthesea is not used: its chunker splits inside official names and the
gazetteer plus the rules below decide the boundaries more reliably.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.data.messages import message
from pipeline import model
from pipeline.normalize.agency_rules import Scope, scope_of
from pipeline.normalize.agency_sentence import cut_sentence
from pipeline.normalize.agency_unlisted import (  # noqa: F401  (merge_unknown_warnings: public here)
    merge_unknown_warnings, office_of_issuer, province_named, recase, unlisted_agency, with_province,
)
from pipeline.normalize.gazetteer import Gazetteer, default_gazetteer, expand_abbreviations  # noqa: F401
from pipeline.normalize.persons import persons_in_cell, read_persons
from pipeline.text import normalize_text, slugify
from pipeline.warnings import PlanWarning

MAX_RUN = 8  # the most separator-split pieces one name may span

# A trailing "(báo cáo)", "(Đ/c Phúc)", "(Trung tâm Thông tin)": a note, not part of the name.
_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
# Punctuation a cell's agency name ends with: the first strip also takes a "/" off.
_TRAILING = re.compile(r"[\s.;,:/]+$")
_TRAILING_AFTER_NOTES = re.compile(r"[\s.;,:]+$")
# Words before a province's name in an issuer block, folded ("UBND TỈNH LÂM ĐỒNG").
_PROVINCE_HEADS = ("tinh", "thanh pho", "tp", "uy ban nhan dan", "hoi dong nhan dan")
_SEPARATOR = re.compile(r"""
    \s*(?P<sep>
        ;                       # hard: between list items
      | :                       # a colon: distributive prefix or label
      | ,                       # soft: inside names and collectives too
      | (?<=\s)và(?=\s)         # soft: "A và B", also inside names
    )\s*""", re.X)


@dataclass
class _Piece:
    text: str  # as written
    sep: str  # separator before it: "" | ";" | ":" | "," | "và"
    resolve_as: str | None = None  # text to resolve when it differs from `text`


# ---------------------------------------------------------------- public API


def _clean(text: str) -> str:
    text = normalize_text(text).lstrip("-+•* ").strip()
    text = _TRAILING.sub("", text)
    while _NOTE.search(text):
        text = _NOTE.sub("", text)
    return _TRAILING_AFTER_NOTES.sub("", text)


def _as_written(text: str) -> str:
    """A piece of a cell as printed, notes kept ("Đại diện Sở Nội vụ (chiếu video clip)"): the
    agency's `text`, so no word of the cell is lost when the name leaves the note out."""
    return _TRAILING_AFTER_NOTES.sub("", normalize_text(text).lstrip("-+•* ").strip())


def resolve_agency(text: str, province: str | None | Scope, gazetteer: Gazetteer | None = None
                   ) -> tuple[model.Agency, list[PlanWarning]]:
    """One body's text -> Agency.

    Args:
        text: the body as written ("Sở KH&CN", "UBND tỉnh").
        province: the issuer's province (for "UBND tỉnh", "Sở ..."), or a whole `Scope`.
        gazetteer: the data to read; the package's when None.
    """
    scope = scope_of(province, gazetteer)
    gaz, rules = scope.gaz, scope.rules
    span = _clean(text)
    bare = rules.honorific.sub("", span)
    expanded = gaz.expand_abbreviations(bare)
    key = gaz.agency_key(expanded)
    prov = gaz.find_province(scope.province)
    group = gaz.match_group(key)
    if group:
        name, group_id = gaz.group_name(group, prov, expanded)
        return model.Agency(id=group_id, name=name, kind="group", text=span), []
    bare = rules.plural_office.sub("", bare)  # "các Phó Chủ tịch UBND tỉnh": the office
    expanded = gaz.expand_abbreviations(bare)
    key = gaz.agency_key(expanded)
    office = office_of_issuer(bare, scope)
    if office is not None:
        return office, []
    hit = gaz.lookup(key, expanded)
    if hit is None and rules.group_start.match(key + " "):
        name = recase(expanded, scope, bare)
        return model.Agency(id=slugify(name), name=name, kind="group", text=span), []
    if hit is None and not rules.local_gov.match(key) and rules.is_head(gaz.head_key(expanded)):
        hit = gaz.fuzzy_lookup(key)
    if hit:
        row, explicit = hit
        return gaz.build_agency(row, explicit or (prov if row.is_template else None), span), []
    place = province_named(key, span, scope)
    if place is not None:
        return place, []
    return unlisted_agency(expanded, key, prov, span, scope)


def _pieces(text: str, scope: Scope) -> list[_Piece]:
    """Cut at every separator outside parentheses; a bulleted line break counts as ";"."""
    text = normalize_text(_join_lines(re.sub(r"\n\s*[-+•]\s*", " ; ", text.strip().lstrip("-+• ")), scope))
    masked = re.sub(r"\([^()]*\)", lambda m: "_" * len(m.group(0)), text)
    pieces, start, sep = [], 0, ""
    for m in _SEPARATOR.finditer(masked):
        pieces.append(_Piece(text[start:m.start()].strip(), sep))
        start, sep = m.end(), m.group("sep")
    pieces.append(_Piece(text[start:].strip(), sep))
    return [p for p in pieces if _clean(p.text)]


def _join_lines(text: str, scope: Scope) -> str:
    """A line break is a wrap, unless the line ends a known name and the next starts another body."""
    lines = [line.strip() for line in text.split("\n")]
    out = lines[0]
    for line in lines[1:]:
        last = re.split(r"[;,]|\svà\s", out)[-1]
        apart = (line and _starts_body(line, scope) and _is_known(last, scope)
                 and not _is_known(f"{last} {line}", scope))
        out += f" ; {line}" if apart else f" {line}"
    return out


def _starts_body(text: str, scope: Scope) -> bool:
    return scope.rules.is_head(scope.gaz.head_key(text))


def _joined(pieces: list[_Piece]) -> str:
    out = pieces[0].text
    for p in pieces[1:]:
        out += f" {p.sep} " if p.sep == "và" else f"{p.sep} "
        out += p.text
    return out


def _is_known(text: str, scope: Scope) -> bool:
    gaz = scope.gaz
    cleaned = gaz.expand_abbreviations(_clean(text))
    key = gaz.agency_key(cleaned)
    return bool(gaz.match_group(key) or gaz.lookup(key, cleaned))


def _merge_known(pieces: list[_Piece], scope: Scope) -> list[_Piece]:
    """Glue the longest run of soft-separated pieces that is a known name or collective."""
    out, i = [], 0
    while i < len(pieces):
        j = i + 1
        for end in range(min(len(pieces), i + MAX_RUN), i + 1, -1):
            run = pieces[i:end]
            if all(p.sep in (",", "và") for p in run[1:]) and _is_known(_joined(run), scope):
                j = end
                break
        out.append(_Piece(_joined(pieces[i:j]), pieces[i].sep))
        i = j
    return out


def _distributed(piece: _Piece, prefix: str, scope: Scope) -> bool:
    """Whether a piece after "các Bộ:" / "các Trường:" names one more member of the list: it does not
    start a body of its own, or the prefix makes it a known name ("Bộ" + "CT" = Bộ Công Thương)."""
    head = scope.gaz.head_key(piece.text)
    if not _starts_body(piece.text, scope) or scope.rules.subhead.match(scope.gaz.agency_key(piece.text)):
        return True
    return bool(prefix) and not head.startswith("các ") and _is_known(f"{prefix} {piece.text}", scope)


def _distribute(pieces: list[_Piece], scope: Scope) -> list[_Piece]:
    """"các Trường: A; B" -> "Trường A", "Trường B"; "VPUB: CVP, NC" -> "VPUB"; "CT, PCT UBND" -> two."""
    out: list[_Piece] = []
    prefix = None
    for piece in pieces:
        distributive = scope.rules.distributive.fullmatch(out[-1].text) if out else None
        if piece.sep == ":" and distributive:  # "các Trường: A; B", "UBND các phường: A, B"
            out.pop()
            kind = distributive.group("kind")
            silent = kind.lower() in scope.gaz.grammar["distributive_silent_kinds"]
            head = distributive.group("head")
            prefix = (head if silent else f"{head} {kind}") if head else kind.capitalize()
        if piece.sep == "," and prefix == "":  # "VPCP: BTCN, các PCN, Trợ lý TTg": all internal units
            continue
        if piece.sep == ":" and prefix is None and re.fullmatch(r"[A-ZĐ][A-ZĐ0-9]{0,5}", piece.text):
            prefix = ""  # internal units of the body before ("VPUB: CVP, NC", "VP: V1, V4"): dropped
            continue
        if prefix is not None and piece.sep in (":", ";", ",", "và") and _distributed(piece, prefix, scope):
            if prefix:
                last = out[-1] if out and out[-1].resolve_as else None
                glued = f"{last.text} {piece.sep} {piece.text}" if last and piece.sep == "và" else (
                    f"{last.text}, {piece.text}" if last else "")
                if last and piece.sep in (",", "và") and _is_known(f"{prefix} {glued}", scope) \
                        and not _is_known(f"{prefix} {piece.text}", scope):
                    out[-1] = _Piece(glued, last.sep, f"{prefix} {glued}")  # "Tài nguyên và Môi trường"
                else:
                    out.append(_Piece(piece.text, ";", f"{prefix} {piece.text}"))
            continue
        prefix = None
        out.append(piece)
    gaz, rules = scope.gaz, scope.rules
    for before, after in zip(out, out[1:]):
        title = rules.title.match(gaz.expand_abbreviations(before.text))
        body = rules.title.match(gaz.expand_abbreviations(after.text))
        if title and not title.group("body") and body and body.group("body"):
            before.resolve_as = f"{title.group('title')} {body.group('body')}"
        council = rules.shared_head.match(gaz.expand_abbreviations(before.text))
        shares = rules.shared_head.match(gaz.expand_abbreviations(after.text))
        if council and not council.group("rest") and shares and shares.group("rest") and after.sep == ",":
            before.resolve_as = f"{council.group('head')} {shares.group('rest')}"  # "HĐND, UBND các tỉnh"
    return out


def _merge_continuations(pieces: list[_Piece], scope: Scope) -> list[_Piece]:
    """A piece that cannot start a body ("Công nghệ", "thương mại") belongs to the one before."""
    gaz, rules = scope.gaz, scope.rules
    out: list[_Piece] = []
    for piece in pieces:
        key = gaz.agency_key(piece.text)
        previous = gaz.agency_key(out[-1].text) if out else ""
        tail = rules.collective_tail.match(key) and out and rules.group_start.match(previous + " ")
        tail = tail and not (piece.sep == "và" and _is_known(piece.text, scope))  # "... và các địa phương"
        # "Các cơ quan, đơn vị trực tiếp sử dụng ngân sách": a bare plural noun shares what follows.
        tail = tail or (piece.sep == "," and out and rules.bare_plural.fullmatch(previous)
                        and rules.collective_noun.match(key))
        starts = _starts_body(piece.text, scope) or piece.resolve_as
        if out and piece.sep in (",", "và") and (tail or not starts and not _is_known(piece.text, scope)):
            out[-1] = _Piece(_joined([out[-1], piece]), out[-1].sep, out[-1].resolve_as)
        else:
            out.append(piece)
    return out


def _split(text: str, scope: Scope) -> list[_Piece]:
    return _merge_continuations(_distribute(_merge_known(_pieces(text, scope), scope), scope), scope)


def split_agency_list(text: str, province: str | None | Scope = None) -> list[str]:
    """A cell or recipient line -> one string per body or collective, names and groups kept whole."""
    return [_clean(p.resolve_as or p.text) for p in _split(text, scope_of(province))]


def parse_agency_cell(text: str, province: str | None | Scope, gazetteer: Gazetteer | None = None
                      ) -> tuple[list[model.Agency], list[PlanWarning]]:
    """Split and resolve a cell; a body named twice in one cell is listed once.

    Args:
        text: an agency cell or recipient line.
        province: the issuer's province, or a whole `Scope` (province, issuer, gazetteer).
        gazetteer: the data to read when `province` is a name; the package's when None.
    """
    scope = scope_of(province, gazetteer)
    people = persons_in_cell(text or "")
    if people is not None:  # a cell of names: one person each, never an agency
        return _once(people), []
    agencies: list[model.Agency] = []
    warnings: list[PlanWarning] = []
    for piece in _split(text or "", scope):
        if scope.rules.not_a_body.search(piece.text):
            warnings.append(PlanWarning("not_an_agency", message("warning.not_an_agency", text=repr(_clean(piece.text)))))
            continue
        persons = read_persons(piece.text)
        if persons is not None:
            agencies.extend(p for p in persons if p.id not in {a.id for a in agencies})
            continue
        name, sentence = cut_sentence(piece.resolve_as or piece.text)
        agency, found = resolve_agency(name, scope)
        agency.text = _as_written(piece.text) or _clean(piece.text)
        warnings.extend([sentence] if sentence else [])
        if agency.id not in {a.id for a in agencies}:
            agencies.append(agency)
        warnings.extend(found)
    return agencies, warnings


def _once(entries: list) -> list:
    """Entries with an id seen before left out (a person named twice in one cell)."""
    seen: set[str] = set()
    return [e for e in entries if not (e.id in seen or seen.add(e.id))]


def province_from_issuer(issuer_text: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The province named in an issuer block ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ" -> "Lâm Đồng")."""
    gaz = gazetteer or default_gazetteer()
    key = f" {gaz.agency_key(issuer_text)} "
    pairs = gaz.provinces[1]
    for pkey, prov in pairs:  # keys are plain words (a-z, 0-9, single spaces): looked for as they are
        if any(f" {word} {pkey} " in key for word in _PROVINCE_HEADS):
            return prov.name
    return next((prov.name for pkey, prov in pairs if f" {pkey} " in key), None)


def resolve_issuer(lines: list[str], gazetteer: Gazetteer | None = None) -> tuple[model.Agency, model.Agency | None]:
    """Header lines (in capitals) -> (issuer, parent): ["UBND TỈNH X", "SỞ NỘI VỤ"] -> (Sở Nội vụ, UBND X)."""
    gaz = gazetteer or default_gazetteer()
    parts = [p for line in lines for p in re.split(r"\s+/\s+", line)]
    parts = [normalize_text(p).strip("-–—_ ") for p in parts if normalize_text(p).strip("-–—_ ")]
    scope = Scope(province_from_issuer(" ".join(parts), gaz), gazetteer=gaz)
    levels = issuer_levels(parts, scope)
    if len(levels) >= 3:  # "UBND TỈNH X / SỞ NỘI VỤ / PHÒNG ...": the issuer's parent is the level above it
        parent, _ = resolve_issuer(levels[:-1], gaz)
        return _child_of(levels[-1], parent, scope), parent
    whole, warnings = resolve_agency(" ".join(parts), scope)
    if not warnings or len(parts) < 2:
        return whole, None
    for cut in range(len(parts) - 1, 0, -1):
        parent, parent_warnings = resolve_agency(" ".join(parts[:cut]), scope)
        if not parent_warnings:
            return _child_of(" ".join(parts[cut:]), parent, scope), parent
    return whole, None


def issuer_levels(parts: list[str], scope: Scope) -> list[str]:
    """The issuer's lines grouped into bodies: a line that opens with a head word ("SỞ", "PHÒNG",
    "VĂN PHÒNG") starts one; any other line wraps the name above ("HỘI ĐỒNG THẨM ĐỊNH," /
    "ĐÁNH GIÁ CHỈ SỐ CCHC")."""
    levels: list[str] = []
    for part in parts:
        if levels and not scope.rules.is_head(scope.gaz.head_key(part)):
            levels[-1] = f"{levels[-1]} {part}"
        else:
            levels.append(part)
    return levels


def _child_of(text: str, parent: model.Agency, scope: Scope) -> model.Agency:
    """The lower line of a two-line issuer, read as a unit of the parent where the gazetteer has it."""
    within, warnings = resolve_agency(f"{text} {parent.name}", scope)
    if not warnings:
        within.text = text
        return within
    child, unlisted = resolve_agency(text, scope)
    if unlisted and child.level != "central" and parent.level == "province" and not province_from_issuer(text, scope.gaz):
        child = with_province(child, scope)  # "UBND TỈNH ĐẮK NÔNG / LIÊN ĐOÀN KARATE"
    # "BỘ TÀI CHÍNH / CỤC THUẾ" is the ministry's department, not a province's; "BỘ CÔNG AN / CÔNG AN
    # TỈNH LÂM ĐỒNG" names its province and is the provincial body.
    if parent.level == "central" and child.level == "province" and not province_from_issuer(text, scope.gaz):
        gaz = scope.gaz
        child, _ = unlisted_agency(gaz.expand_abbreviations(text), gaz.agency_key(text), None, text, Scope(gazetteer=gaz))
    return child
