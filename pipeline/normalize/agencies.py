"""Agency cells -> Agency values: split a cell into bodies, then resolve each one.

Why this shape: a "chủ trì"/"phối hợp" cell is a list separated by ";", "," and
"và", yet official names contain both ("Sở Văn hóa, Thể thao và Du lịch") and
collective phrases contain commas ("Các sở, ban, ngành"). So we split at every
separator first and then glue adjacent pieces back whenever the glued run is a
name we know (gazetteer or collective phrase, longest run first), or when a
piece cannot start a body on its own ("Công nghệ", "thương mại").

Vocabulary lives in pipeline/data: agencies.csv (gazetteer), agency_groups.csv
(collective phrases), abbreviations.csv and provinces.csv. Gazetteer names may
hold placeholders filled from the province: {tinh} -> "tỉnh Quảng Ngãi" /
"thành phố Hà Nội", {uy} -> "Tỉnh ủy Quảng Ngãi" / "Thành ủy Hà Nội",
{ten} -> "Quảng Ngãi". A provincial row without a placeholder ("Sở Tài chính")
keeps its name and gets the province slug appended to its id.

underthesea is not used: its chunker splits inside official names and the
gazetteer plus the rules below decide the boundaries more reliably.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline import model
from pipeline.text import normalize_text, slugify
from pipeline.normalize.gazetteer import (
    Province,
    agency_key,
    build_agency,
    expand_abbreviations,
    find_province,
    fuzzy_lookup,
    lookup,
    match_group,
    province_suffixes,
    provinces_index,
)
from pipeline.warnings import PlanWarning

MAX_RUN = 8  # the most separator-split pieces one name may span

# Words a body's name starts with (folded). A piece starting otherwise continues the previous one.
_HEAD = re.compile(r"""^(?:
    cac|nhung|thu\ truong|lanh\ dao|toan\ the|mot\ so            # collectives
  | so|bo|ban|cuc|chi\ cuc|vien|vu|tong\ cuc|phong(?!\ chong)|quy(?!\ (?:hoach|trinh|dinh))|kho\ bac    # state bodies
  | uy\ ban|hoi\ dong|hoi|lien\ hiep|lien\ doan|lien\ minh|doan    # councils, mass organisations
  | truong|dai\ hoc|cao\ dang|hoc\ vien|benh\ vien|bao\ tang       # schools, hospitals, museums
  | trung\ tam|van\ phong|cong\ an|cong\ ty|tong\ cong\ ty|tap\ doan|hang\ (?:phim|hang)|ngan\ hang
  | thanh\ tra|dai\ (?:phat|truyen|tieng)|bao(?!\ (?:ve|dam|ton|quan|chi))|cong\ thong\ tin|co\ quan|co\ so|don\ vi|tinh\ uy|thanh\ uy|dang\ uy|tinh\ doan|thanh\ doan
  | thuong\ truc|chu\ tich|pho\ chu\ tich|chanh|pho\ chanh|giam\ doc|bi\ thu|quoc\ hoi
  | chinh\ phu|thu\ tuong|toa\ an|kiem\ toan|bao\ hiem|hai\ quan|hop\ tac\ xa|cau\ lac\ bo|lang\ nghe|nhom
)\b""", re.X)
# Heads that may follow a distributive prefix ("các Trường: Đại học X") without ending the list.
_SUBHEAD = re.compile(r"^(?:dai hoc|cao dang|hoc vien|trung hoc|tieu hoc|mam non)\b")
# A title written without its body ("CT" in "CT, PCT UBND tỉnh"): it takes the next piece's body.
_TITLE = re.compile(r"^(?P<title>(?:các\s+)?(?:Phó\s+)?(?:Chủ\s+tịch|Chánh|Giám\s+đốc|Trưởng\s+ban|Bí\s+thư))\.?(?:\s+(?P<body>.+))?$")
# A collective: starts with a plural or an office-holder of a plural ("Thủ trưởng các sở ...").
_GROUP_START = re.compile(r"^(?:(?:thu truong|chu tich|lanh dao) )?(?:cac|nhung|toan the|mot so) ")
# A local government below the province: "Ủy ban nhân dân xã Bát Tràng".
# A piece made only of collective nouns ("ban ngành, đơn vị") continues the collective before it.
_COLLECTIVE_TAIL = re.compile(r"""^(?:(?:ban|nganh|don\ vi|dia\ phuong|co\ quan|to\ chuc|doan\ the|so|hoi
    |thi\ xa|thi|thanh\ pho|xa|phuong|huyen|quan|thi\ tran|dac\ khu|doanh\ nghiep|ca\ nhan)\ ?)+
    (?:\ ?(?:co\ )?lien\ quan)?$""", re.X)
_COLLECTIVE_NOUN = re.compile(r"^(?:co quan|don vi|to chuc|dia phuong|doanh nghiep|co so)\b")
_BARE_PLURAL = re.compile(r"cac \w+(?: \w+)?")
_LOCAL_GOV = re.compile(r"^(?:uy ban nhan dan|hoi dong nhan dan) (?P<unit>huyen|quan|thi xa|thanh pho|xa|phuong|thi tran|dac khu) \S")
_DISTRICT_UNITS = {"huyen", "quan", "thi xa", "thanh pho"}
# A distributive prefix: "các Trường" (: A; B) or "UBND các phường" (: Ba Đình, Hoàn Kiếm).
_DISTRIBUTIVE = re.compile(r"(?i)(?:(?P<head>UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)\s+)?các\s+(?P<kind>\w+)")
# A generic noun phrase with no name in it ("Cơ quan thuế", "đơn vị sự nghiệp công lập ..."): a collective.
_GENERIC = re.compile(r"^(?:cơ quan|đơn vị|cơ sở|tổ chức|doanh nghiệp|nhóm)\s+[a-zđà-ỹ]", re.I)
_GENERIC_NEXT_LOWER = re.compile(r"^\S+\s+\S+\s+[a-zđà-ỹ]")
# Text that points elsewhere instead of naming a body: "Theo phân công tại Quyết định số ...",
# "Như Điều 3", "Căn cứ ...". A document code inside ("1441/QĐ-UBND") is a citation, not a name.
_NOT_A_BODY = re.compile(r"^(?:theo|như|căn cứ|tùy|khi)\b|\d+\s*/\s*[A-ZĐ]", re.I)
# A trailing "(báo cáo)", "(Đ/c Phúc)", "(Trung tâm Thông tin)": a note, not part of the name.
_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
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


# ---------------------------------------------------------------- names not in the gazetteer


def _recase(text: str) -> str:
    """Official capitalisation for text typed in capitals: first word, name after the head, places."""
    if any(ch.islower() for ch in text):
        return text[:1].upper() + text[1:]
    words = text.lower().split()
    out = [w for w in words]
    if out:
        out[0] = out[0].capitalize()
    key = agency_key(text)
    head_len = next((len(m.group(0).split()) for m in [_HEAD.match(key)] if m), 1)
    if len(out) > head_len and not _LOCAL_GOV.match(key):
        out[head_len] = out[head_len].capitalize()
    for i, w in enumerate(words[:-1]):
        if w in ("tỉnh", "huyện", "xã", "phường", "quận", "thị", "phố", "trấn") or w == "học" and i and words[i - 1] == "đại":
            out[i + 1:] = [x.capitalize() for x in out[i + 1:]]
            break
    return " ".join(out)


def _unlisted(text: str, key: str, prov: Province | None, span: str) -> tuple[model.Agency, list[PlanWarning]]:
    """A body absent from the gazetteer: local governments by rule, other heads with a warning."""
    name = _recase(text)
    if _GENERIC.match(span) and _GENERIC_NEXT_LOWER.match(span):
        return model.Agency(id=slugify(name), name=name, kind="group", text=span), []
    local = _LOCAL_GOV.match(key)
    suffix = f"-{prov.slug}" if prov and prov.slug not in slugify(name) else ""
    if local:
        level = "district" if local.group("unit") in _DISTRICT_UNITS else None
        return model.Agency(id=slugify(name) + suffix, name=name, kind="agency", text=span, level=level), []
    body = next((b for b, p in province_suffixes(key) if p is None), None)
    if body is not None:  # "... tỉnh": the name without the generic word, the province in the id
        name = " ".join(name.split()[: len(body.split())])
    code = "agency_unknown" if _HEAD.match(key) else "agency_unrecognized"
    agency = model.Agency(id=slugify(name) + suffix, name=name, kind="agency", text=span)
    return agency, [PlanWarning(code, f"agency not in the gazetteer: {span!r}")]


# ---------------------------------------------------------------- public API


def _clean(text: str) -> str:
    text = normalize_text(text).lstrip("-+•* ").strip()
    text = re.sub(r"[\s.;,:/]+$", "", text)
    while _NOTE.search(text):
        text = _NOTE.sub("", text)
    return re.sub(r"[\s.;,:]+$", "", text)


def resolve_agency(text: str, province: str | None) -> tuple[model.Agency, list[PlanWarning]]:
    """One body's text -> Agency; `province` is the issuer's province, used for "UBND tỉnh", "Sở ..."."""
    span = _clean(text)
    expanded = expand_abbreviations(re.sub(r"^Lãnh đạo\s+", "", span))
    key = agency_key(expanded)
    prov = find_province(province)
    group = match_group(key)
    if group:
        return model.Agency(id=group["id"], name=group["name"], kind="group", text=span), []
    hit = lookup(key)
    if hit is None and _GROUP_START.match(key + " "):
        name = _recase(expanded)
        return model.Agency(id=slugify(name), name=name, kind="group", text=span), []
    if hit is None and not _LOCAL_GOV.match(key):
        hit = fuzzy_lookup(key)
    if hit:
        row, explicit = hit
        return build_agency(row, explicit or (prov if row.is_template else None), span), []
    return _unlisted(expanded, key, prov, span)


def _pieces(text: str) -> list[_Piece]:
    """Cut at every separator outside parentheses; a bulleted line break counts as ";"."""
    text = normalize_text(_join_lines(re.sub(r"\n\s*[-+•]\s*", " ; ", text.strip().lstrip("-+• "))))
    masked = re.sub(r"\([^()]*\)", lambda m: "_" * len(m.group(0)), text)
    pieces, start, sep = [], 0, ""
    for m in _SEPARATOR.finditer(masked):
        pieces.append(_Piece(text[start:m.start()].strip(), sep))
        start, sep = m.end(), m.group("sep")
    pieces.append(_Piece(text[start:].strip(), sep))
    return [p for p in pieces if _clean(p.text)]


def _join_lines(text: str) -> str:
    """A line break is a wrap, unless the line ends a known name and the next starts another body."""
    lines = [line.strip() for line in text.split("\n")]
    out = lines[0]
    for line in lines[1:]:
        last = re.split(r"[;,]|\svà\s", out)[-1]
        apart = line and _HEAD.match(agency_key(line)) and _is_known(last) and not _is_known(f"{last} {line}")
        out += f" ; {line}" if apart else f" {line}"
    return out


def _joined(pieces: list[_Piece]) -> str:
    out = pieces[0].text
    for p in pieces[1:]:
        out += f" {p.sep} " if p.sep == "và" else f"{p.sep} "
        out += p.text
    return out


def _is_known(text: str) -> bool:
    key = agency_key(_clean(text))
    return bool(match_group(key) or lookup(key))


def _merge_known(pieces: list[_Piece]) -> list[_Piece]:
    """Glue the longest run of soft-separated pieces that is a known name or collective."""
    out, i = [], 0
    while i < len(pieces):
        j = i + 1
        for end in range(min(len(pieces), i + MAX_RUN), i + 1, -1):
            run = pieces[i:end]
            if all(p.sep in (",", "và") for p in run[1:]) and _is_known(_joined(run)):
                j = end
                break
        out.append(_Piece(_joined(pieces[i:j]), pieces[i].sep))
        i = j
    return out


def _distribute(pieces: list[_Piece]) -> list[_Piece]:
    """"các Trường: A; B" -> "Trường A", "Trường B"; "VPUB: CVP, NC" -> "VPUB"; "CT, PCT UBND" -> two."""
    out: list[_Piece] = []
    prefix = None
    for piece in pieces:
        key = agency_key(piece.text)
        distributive = _DISTRIBUTIVE.fullmatch(out[-1].text) if out else None
        if piece.sep == ":" and distributive:  # "các Trường: A; B", "UBND các phường: A, B"
            out.pop()
            kind = distributive.group("kind")
            prefix = f"{distributive.group('head')} {kind}" if distributive.group("head") else kind.capitalize()
        if piece.sep in (":", ",") and prefix == "" or piece.sep == ":" and prefix is None:
            if re.fullmatch(r"[A-ZĐ]{1,6}", piece.text):  # internal units of the body before: dropped
                prefix = ""
                continue
        if prefix is not None and piece.sep in (":", ";", ",", "và") and (not _HEAD.match(key) or _SUBHEAD.match(key)):
            if prefix:
                out.append(_Piece(piece.text, ";", f"{prefix} {piece.text}"))
            continue
        prefix = None
        out.append(piece)
    for before, after in zip(out, out[1:]):
        title = _TITLE.match(expand_abbreviations(before.text))
        body = _TITLE.match(expand_abbreviations(after.text))
        if title and not title.group("body") and body and body.group("body"):
            before.resolve_as = f"{title.group('title')} {body.group('body')}"
    return out


def _merge_continuations(pieces: list[_Piece]) -> list[_Piece]:
    """A piece that cannot start a body ("Công nghệ", "thương mại") belongs to the one before."""
    out: list[_Piece] = []
    for piece in pieces:
        key = agency_key(piece.text)
        tail = _COLLECTIVE_TAIL.match(key) and out and _GROUP_START.match(agency_key(out[-1].text) + " ")
        tail = tail and not (piece.sep == "và" and _is_known(piece.text))  # "... và các địa phương"
        # "Các cơ quan, đơn vị trực tiếp sử dụng ngân sách": a bare plural noun shares what follows.
        tail = tail or (piece.sep == "," and out and _BARE_PLURAL.fullmatch(agency_key(out[-1].text))
                        and _COLLECTIVE_NOUN.match(key))
        if out and piece.sep in (",", "và") and (tail or not _HEAD.match(key) and not _is_known(piece.text)):
            out[-1] = _Piece(_joined([out[-1], piece]), out[-1].sep, out[-1].resolve_as)
        else:
            out.append(piece)
    return out


def _split(text: str) -> list[_Piece]:
    return _merge_continuations(_distribute(_merge_known(_pieces(text))))


def split_agency_list(text: str) -> list[str]:
    """A cell or recipient line -> one string per body or collective, names and groups kept whole."""
    return [_clean(p.resolve_as or p.text) for p in _split(text)]


def parse_agency_cell(text: str, province: str | None) -> tuple[list[model.Agency], list[PlanWarning]]:
    """Split and resolve a cell; a body named twice in one cell is listed once."""
    agencies: list[model.Agency] = []
    warnings: list[PlanWarning] = []
    for piece in _split(text or ""):
        if _NOT_A_BODY.search(piece.text):
            warnings.append(PlanWarning("not_an_agency", f"no agency named, only a pointer: {_clean(piece.text)!r}"))
            continue
        agency, found = resolve_agency(piece.resolve_as or piece.text, province)
        agency.text = _clean(piece.text)
        if agency.id not in {a.id for a in agencies}:
            agencies.append(agency)
        warnings.extend(found)
    return agencies, warnings


def province_from_issuer(issuer_text: str) -> str | None:
    """The province named in an issuer block ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ" -> "Lâm Đồng")."""
    key = f" {agency_key(issuer_text)} "
    pairs = provinces_index()[1]
    for pkey, prov in pairs:
        if re.search(rf" (?:tinh|thanh pho|tp|uy ban nhan dan|hoi dong nhan dan) {pkey} ", key):
            return prov.name
    return next((prov.name for pkey, prov in pairs if f" {pkey} " in key), None)


def resolve_issuer(lines: list[str]) -> tuple[model.Agency, model.Agency | None]:
    """Header lines (in capitals) -> (issuer, parent): ["UBND TỈNH X", "SỞ NỘI VỤ"] -> (Sở Nội vụ, UBND X)."""
    parts = [p for line in lines for p in re.split(r"\s+/\s+", line)]
    parts = [normalize_text(p).strip("-–—_ ") for p in parts if normalize_text(p).strip("-–—_ ")]
    province = province_from_issuer(" ".join(parts))
    whole, warnings = resolve_agency(" ".join(parts), province)
    if not warnings or len(parts) < 2:
        return whole, None
    for cut in range(len(parts) - 1, 0, -1):
        parent, parent_warnings = resolve_agency(" ".join(parts[:cut]), province)
        if not parent_warnings:
            return _child_of(" ".join(parts[cut:]), parent, province), parent
    return whole, None


def _child_of(text: str, parent: model.Agency, province: str | None) -> model.Agency:
    """The lower line of a two-line issuer, read as a unit of the parent where the gazetteer has it."""
    within, warnings = resolve_agency(f"{text} {parent.name}", province)
    if not warnings:
        within.text = text
        return within
    child, _ = resolve_agency(text, province)
    if parent.level == "central" and child.level == "province":  # "BỘ TÀI CHÍNH / CỤC THUẾ"
        child, _ = _unlisted(expand_abbreviations(text), agency_key(text), None, text)
    return child
