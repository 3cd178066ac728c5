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

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from pipeline import model
from pipeline.normalize.text import fold_diacritics, normalize_text, slugify

DATA = Path(__file__).resolve().parent.parent / "data"
FUZZY_CUTOFF = 92  # rapidfuzz ratio on folded keys; below this a near miss is "unknown"
MAX_RUN = 8  # the most separator-split pieces one name may span
_PLACEHOLDERS = ("{tinh}", "{uy}", "{ten}")

# Words a body's name starts with (folded). A piece starting otherwise continues the previous one.
_HEAD = re.compile(r"""^(?:
    cac|nhung|thu\ truong|lanh\ dao|toan\ the|mot\ so            # collectives
  | so|bo|ban|cuc|chi\ cuc|vien|vu|tong\ cuc|phong(?!\ chong)|quy(?!\ (?:hoach|trinh|dinh))|kho\ bac    # state bodies
  | uy\ ban|hoi\ dong|hoi|lien\ hiep|lien\ doan|lien\ minh|doan    # councils, mass organisations
  | truong|dai\ hoc|cao\ dang|hoc\ vien|benh\ vien|bao\ tang       # schools, hospitals, museums
  | trung\ tam|van\ phong|cong\ an|cong\ ty|tong\ cong\ ty|tap\ doan|hang\ (?:phim|hang)|ngan\ hang
  | thanh\ tra|dai\ (?:phat|truyen|tieng)|bao(?!\ (?:ve|dam|ton|quan))|cong\ thong\ tin|co\ quan|co\ so|tinh\ uy|thanh\ uy|dang\ uy|tinh\ doan|thanh\ doan
  | thuong\ truc|chu\ tich|pho\ chu\ tich|chanh|pho\ chanh|giam\ doc|bi\ thu|quoc\ hoi
  | chinh\ phu|thu\ tuong|toa\ an|kiem\ toan|bao\ hiem|hai\ quan|hop\ tac\ xa|cau\ lac\ bo
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
_LOCAL_GOV = re.compile(r"^(?:uy ban nhan dan|hoi dong nhan dan) (?P<unit>huyen|quan|thi xa|thanh pho|xa|phuong|thi tran|dac khu) \S")
_DISTRICT_UNITS = {"huyen", "quan", "thi xa", "thanh pho"}
# A trailing "(báo cáo)", "(Đ/c Phúc)", "(Trung tâm Thông tin)": a note, not part of the name.
_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
_SEPARATOR = re.compile(r"""
    \s*(?P<sep>
        ;                       # hard: between list items
      | :                       # a colon: distributive prefix or label
      | ,                       # soft: inside names and collectives too
      | (?<=\s)và(?=\s)         # soft: "A và B", also inside names
    )\s*""", re.X)


@dataclass(frozen=True)
class _Row:
    """One gazetteer row (see agencies.csv)."""

    id: str
    name: str
    kind: str
    level: str | None
    province: str
    successor_id: str
    successor_date: str | None
    basis: str | None
    successor_except: tuple[str, ...]

    @property
    def is_template(self) -> bool:
        return self.level in ("province", "district") and not self.province


@dataclass(frozen=True)
class _Province:
    name: str
    slug: str
    kind: str  # "tỉnh" | "thành phố"
    successor: str
    successor_date: str | None
    basis: str | None


@dataclass
class _Piece:
    text: str  # as written
    sep: str  # separator before it: "" | ";" | ":" | "," | "và"
    resolve_as: str | None = None  # text to resolve when it differs from `text`


def _read(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _split_bar(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


# ---------------------------------------------------------------- vocabularies


@cache
def _abbreviation_table() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {r["abbreviation"]: r["expansion"] for r in _read("abbreviations.csv")}
    alternatives = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])"), table


def expand_abbreviations(text: str) -> str:
    """Expand listed abbreviations on token boundaries ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh")."""
    pattern, table = _abbreviation_table()
    return pattern.sub(lambda m: table[m.group(0)], text)


def _key(text: str) -> str:
    """The comparison key: abbreviations expanded, diacritics folded, lowercase, punctuation dropped."""
    folded = fold_diacritics(expand_abbreviations(normalize_text(text))).lower()
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


@cache
def _provinces() -> tuple[dict[str, _Province], list[tuple[str, _Province]]]:
    """Provinces by folded name, and (key, province) pairs longest key first for suffix search."""
    by_key: dict[str, _Province] = {}
    for r in _read("provinces.csv"):
        prov = _Province(r["name"], r["slug"], r["kind"], r["successor"], r["successor_date"] or None, r["basis"] or None)
        for label in [r["name"], *_split_bar(r["variants"])]:
            by_key[_key(label)] = prov
    return by_key, sorted(by_key.items(), key=lambda kv: -len(kv[0]))


def _province(name: str | None) -> _Province | None:
    """Look a province up by name ("Quảng Ngãi", "tỉnh Quảng Ngãi", "TP HCM"); unknown names pass through."""
    if not name:
        return None
    key = re.sub(r"^(?:tinh|thanh pho) ", "", _key(name))
    known = _provinces()[0].get(key)
    return known or _Province(normalize_text(name), slugify(name), "tỉnh", "", None, None)


def _fill(name: str, prov: _Province | None) -> str:
    """Fill {tinh}/{uy}/{ten} from the province, or with the generic word when it is unknown."""
    if prov is None:
        filled = name.replace("{tinh}", "tỉnh").replace("{uy}", "Tỉnh ủy").replace("{ten}", "tỉnh")
    else:
        party = "Tỉnh ủy" if prov.kind == "tỉnh" else "Thành ủy"
        filled = (name.replace("{tinh}", f"{prov.kind} {prov.name}")
                  .replace("{uy}", f"{party} {prov.name}").replace("{ten}", prov.name))
    return filled.strip()


def _row_keys(name: str, variants: list[str]) -> set[str]:
    """Every key a row answers to; a placeholder also matches "tỉnh", "thành phố" or nothing."""
    keys = {_key(v) for v in variants}
    fillers = {"{tinh}": ["tỉnh", "thành phố", ""], "{uy}": ["Tỉnh ủy", "Thành ủy"], "{ten}": ["tỉnh", ""]}
    forms = [name]
    for placeholder, options in fillers.items():
        forms = [f.replace(placeholder, o) for f in forms for o in (options if placeholder in f else [""])]
    return keys | {_key(f) for f in forms}


@cache
def _gazetteer() -> tuple[dict[str, _Row], dict[str, _Row]]:
    """(rows by id, rows by key). A key claimed by two rows keeps the first (file order)."""
    by_id: dict[str, _Row] = {}
    by_key: dict[str, _Row] = {}
    for r in _read("agencies.csv"):
        row = _Row(r["id"], r["name"], r["kind"] or "agency", r["level"] or None, r["province"],
                   r["successor_id"], r["successor_date"] or None, r["basis"] or None,
                   tuple(_split_bar(r.get("successor_except", ""))))
        by_id[row.id] = row
        for key in _row_keys(row.name, _split_bar(r["variants"])):
            by_key.setdefault(key, row)
    return by_id, by_key


@cache
def _groups() -> tuple[dict[str, dict[str, str]], list[tuple[re.Pattern[str], dict[str, str]]]]:
    """Collective phrases: exact keys and fullmatch patterns (agency_groups.csv)."""
    exact: dict[str, dict[str, str]] = {}
    patterns = []
    for r in _read("agency_groups.csv"):
        for label in [r["name"], *_split_bar(r["variants"])]:
            exact.setdefault(_key(label), r)
        if r["pattern"]:
            patterns.append((re.compile(r["pattern"]), r))
    return exact, patterns


def _match_group(key: str) -> dict[str, str] | None:
    exact, patterns = _groups()
    if key in exact:
        return exact[key]
    return next((row for pattern, row in patterns if pattern.fullmatch(key)), None)


# ---------------------------------------------------------------- lookup


def _province_suffixes(key: str) -> list[tuple[str, _Province | None]]:
    """Ways to read a trailing province: "so tai chinh tinh kon tum" -> [("so tai chinh", Kon Tum)]."""
    found: list[tuple[str, _Province | None]] = []
    for pkey, prov in _provinces()[1]:
        if not key.endswith(" " + pkey):
            continue
        body = key[: -len(pkey) - 1]
        for word, kind in (("tinh", "tỉnh"), ("thanh pho", "thành phố"), ("tp", "thành phố")):
            if body.endswith(" " + word) or body == word:
                if prov.kind == kind:
                    found.append((body[: -len(word)].strip(), prov))
                break
        else:
            found.append((body, prov))
    bare = re.match(r"^(.+?) (?:cua |thuoc |cap )?(?:tinh|thanh pho)$", key)
    if bare:
        found.append((bare.group(1), None))
    return [(body, prov) for body, prov in found if body]


def _lookup(key: str) -> tuple[_Row, _Province | None] | None:
    """Exact key, then a template with the province read off the end of the key."""
    by_key = _gazetteer()[1]
    if key in by_key:
        row = by_key[key]
        return row, (_province(row.province) if row.province else None)
    for body, prov in _province_suffixes(key):
        row = by_key.get(body)
        if row and row.is_template:
            return row, prov
    return None


def _fuzzy(key: str) -> tuple[_Row, _Province | None] | None:
    """A near miss ("Sở Giáo duc và Đào tao") with a high cutoff and the same first word."""
    by_key = _gazetteer()[1]
    for body, prov in [(key, None), *_province_suffixes(key)]:
        hit = process.extractOne(body, list(by_key), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if hit and hit[0].split()[0] == body.split()[0]:
            row = by_key[hit[0]]
            if prov is None or row.is_template:
                return row, prov
    return None


def _build(row: _Row, prov: _Province | None, text: str) -> model.Agency:
    """An Agency from a gazetteer row, filled for the province, with its successor."""
    name, agency_id = _name_and_id(row, prov)
    return model.Agency(id=agency_id, name=name, kind=row.kind, text=text, level=row.level,
                        successor=_successor(row, prov))


def _name_and_id(row: _Row, prov: _Province | None) -> tuple[str, str]:
    if any(p in row.name for p in _PLACEHOLDERS):
        name = _fill(row.name, prov)
        return name, (slugify(name) if prov else row.id)
    if row.is_template and prov:
        return row.name, f"{row.id}-{prov.slug}"
    return row.name, row.id


def _successor(row: _Row, prov: _Province | None) -> model.Successor | None:
    """The body's own successor first (a merged department), else the merged province's."""
    by_id = _gazetteer()[0]
    if row.successor_id and not (prov and prov.slug in row.successor_except):
        name, agency_id = _name_and_id(by_id[row.successor_id], prov)
        return model.Successor(id=agency_id, name=name, date=row.successor_date, basis=row.basis)
    if row.is_template and prov and prov.successor:
        name, agency_id = _name_and_id(row, _province(prov.successor))
        return model.Successor(id=agency_id, name=name, date=prov.successor_date, basis=prov.basis)
    return None


# ---------------------------------------------------------------- names not in the gazetteer


def _recase(text: str) -> str:
    """Official capitalisation for text typed in capitals: first word, name after the head, places."""
    if any(ch.islower() for ch in text):
        return text[:1].upper() + text[1:]
    words = text.lower().split()
    out = [w for w in words]
    if out:
        out[0] = out[0].capitalize()
    key = _key(text)
    head_len = next((len(m.group(0).split()) for m in [_HEAD.match(key)] if m), 1)
    if len(out) > head_len and not _LOCAL_GOV.match(key):
        out[head_len] = out[head_len].capitalize()
    for i, w in enumerate(words[:-1]):
        if w in ("tỉnh", "huyện", "xã", "phường", "quận", "thị", "phố", "trấn") or w == "học" and i and words[i - 1] == "đại":
            out[i + 1:] = [x.capitalize() for x in out[i + 1:]]
            break
    return " ".join(out)


def _unlisted(text: str, key: str, prov: _Province | None, span: str) -> tuple[model.Agency, list[model.Warning]]:
    """A body absent from the gazetteer: local governments by rule, other heads with a warning."""
    name = _recase(text)
    local = _LOCAL_GOV.match(key)
    suffix = f"-{prov.slug}" if prov and prov.slug not in slugify(name) else ""
    if local:
        level = "district" if local.group("unit") in _DISTRICT_UNITS else None
        return model.Agency(id=slugify(name) + suffix, name=name, kind="agency", text=span, level=level), []
    body = next((b for b, p in _province_suffixes(key) if p is None), None)
    if body is not None:  # "... tỉnh": the name without the generic word, the province in the id
        name = " ".join(name.split()[: len(body.split())])
    code = "agency_unknown" if _HEAD.match(key) else "agency_unrecognized"
    agency = model.Agency(id=slugify(name) + suffix, name=name, kind="agency", text=span)
    return agency, [model.Warning(code, f"agency not in the gazetteer: {span!r}")]


# ---------------------------------------------------------------- public API


def _clean(text: str) -> str:
    text = normalize_text(text).lstrip("-+•* ").strip()
    text = re.sub(r"[\s.;,:/]+$", "", text)
    while _NOTE.search(text):
        text = _NOTE.sub("", text)
    return re.sub(r"[\s.;,:]+$", "", text)


def resolve_agency(text: str, province: str | None) -> tuple[model.Agency, list[model.Warning]]:
    """One body's text -> Agency; `province` is the issuer's province, used for "UBND tỉnh", "Sở ..."."""
    span = _clean(text)
    expanded = expand_abbreviations(re.sub(r"^Lãnh đạo\s+", "", span))
    key = _key(expanded)
    prov = _province(province)
    group = _match_group(key)
    if group:
        return model.Agency(id=group["id"], name=group["name"], kind="group", text=span), []
    hit = _lookup(key)
    if hit is None and _GROUP_START.match(key + " "):
        name = _recase(expanded)
        return model.Agency(id=slugify(name), name=name, kind="group", text=span), []
    if hit is None and not _LOCAL_GOV.match(key):
        hit = _fuzzy(key)
    if hit:
        row, explicit = hit
        return _build(row, explicit or (prov if row.is_template else None), span), []
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
        apart = line and _HEAD.match(_key(line)) and _is_known(last) and not _is_known(f"{last} {line}")
        out += f" ; {line}" if apart else f" {line}"
    return out


def _joined(pieces: list[_Piece]) -> str:
    out = pieces[0].text
    for p in pieces[1:]:
        out += f" {p.sep} " if p.sep == "và" else f"{p.sep} "
        out += p.text
    return out


def _is_known(text: str) -> bool:
    key = _key(_clean(text))
    return bool(_match_group(key) or _lookup(key))


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
        key = _key(piece.text)
        if piece.sep == ":" and out and re.fullmatch(r"(?i)các\s+\w+", out[-1].text):
            prefix = out.pop().text.split(None, 1)[1].capitalize()
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
        key = _key(piece.text)
        tail = _COLLECTIVE_TAIL.match(key) and out and _GROUP_START.match(_key(out[-1].text) + " ")
        tail = tail and not (piece.sep == "và" and _is_known(piece.text))  # "... và các địa phương"
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


def parse_agency_cell(text: str, province: str | None) -> tuple[list[model.Agency], list[model.Warning]]:
    """Split and resolve a cell; a body named twice in one cell is listed once."""
    agencies: list[model.Agency] = []
    warnings: list[model.Warning] = []
    for piece in _split(text or ""):
        agency, found = resolve_agency(piece.resolve_as or piece.text, province)
        agency.text = _clean(piece.text)
        if agency.id not in {a.id for a in agencies}:
            agencies.append(agency)
        warnings.extend(found)
    return agencies, warnings


def province_from_issuer(issuer_text: str) -> str | None:
    """The province named in an issuer block ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ" -> "Lâm Đồng")."""
    key = f" {_key(issuer_text)} "
    pairs = _provinces()[1]
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
        child, _ = _unlisted(expand_abbreviations(text), _key(text), None, text)
    return child
