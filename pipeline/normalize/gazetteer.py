"""The agency gazetteer: vocabularies from pipeline/data and lookups by key.

agencies.csv (named bodies and provincial templates), agency_groups.csv
(collective phrases), abbreviations.csv and provinces.csv are loaded once.
A key is the folded form of a name with abbreviations expanded, so "Sở KH&CN",
"Sở khoa học và Công nghệ" and "SỞ KHOA HỌC VÀ CÔNG NGHỆ" meet at one row.
Names may hold placeholders filled from the province: {tinh} -> "tỉnh Quảng
Ngãi" / "thành phố Hà Nội", {uy} -> "Tỉnh ủy ..." / "Thành ủy ...", {ten} -> the name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from pipeline import model
from pipeline.data import load_csv
from pipeline.text import fold_diacritics, normalize_text, slugify

FUZZY_CUTOFF = 92  # rapidfuzz ratio on folded keys; below this a near miss is "unknown"
PLACEHOLDERS = ("{tinh}", "{uy}", "{ten}")

@dataclass(frozen=True)
class GazetteerRow:
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
class Province:
    name: str
    slug: str
    kind: str  # "tỉnh" | "thành phố"
    successor: str
    successor_date: str | None
    basis: str | None

def read_data(name: str) -> list[dict[str, str]]:
    return [{k: (v or "").strip() for k, v in row.items()} for row in load_csv(name)]


def split_bar(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


# ---------------------------------------------------------------- vocabularies


@cache
def abbreviation_table() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {r["abbreviation"]: r["expansion"] for r in read_data("abbreviations.csv")}
    alternatives = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    # Not inside a document code: "QĐ-UBND", "KH/UBND" keep their letters.
    return re.compile(rf"(?<![\w&/-])(?:{alternatives})(?![\w&/-])"), table


def expand_abbreviations(text: str) -> str:
    """Expand listed abbreviations on token boundaries ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh")."""
    pattern, table = abbreviation_table()
    return pattern.sub(lambda m: table[m.group(0)], text)


def agency_key(text: str) -> str:
    """The comparison key: abbreviations expanded, diacritics folded, lowercase, punctuation dropped."""
    folded = fold_diacritics(expand_abbreviations(normalize_text(text))).lower()
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


@cache
def provinces_index() -> tuple[dict[str, Province], list[tuple[str, Province]]]:
    """Provinces by folded name, and (key, province) pairs longest key first for suffix search."""
    by_key: dict[str, Province] = {}
    for r in read_data("provinces.csv"):
        prov = Province(r["name"], r["slug"], r["kind"], r["successor"], r["successor_date"] or None, r["basis"] or None)
        for label in [r["name"], *split_bar(r["variants"])]:
            by_key[agency_key(label)] = prov
    return by_key, sorted(by_key.items(), key=lambda kv: -len(kv[0]))


def find_province(name: str | None) -> Province | None:
    """Look a province up by name ("Quảng Ngãi", "tỉnh Quảng Ngãi", "TP HCM"); unknown names pass through."""
    if not name:
        return None
    key = re.sub(r"^(?:tinh|thanh pho) ", "", agency_key(name))
    known = provinces_index()[0].get(key)
    return known or Province(normalize_text(name), slugify(name), "tỉnh", "", None, None)


def fill_placeholders(name: str, prov: Province | None) -> str:
    """Fill {tinh}/{uy}/{ten} from the province, or with the generic word when it is unknown."""
    if prov is None:
        filled = name.replace("{tinh}", "tỉnh").replace("{uy}", "Tỉnh ủy").replace("{ten}", "tỉnh")
    else:
        party = "Tỉnh ủy" if prov.kind == "tỉnh" else "Thành ủy"
        filled = (name.replace("{tinh}", f"{prov.kind} {prov.name}")
                  .replace("{uy}", f"{party} {prov.name}").replace("{ten}", prov.name))
    return filled.strip()


def row_keys(name: str, variants: list[str]) -> set[str]:
    """Every key a row answers to; a placeholder also matches "tỉnh", "thành phố" or nothing."""
    keys = {agency_key(v) for v in variants}
    fillers = {"{tinh}": ["tỉnh", "thành phố", ""], "{uy}": ["Tỉnh ủy", "Thành ủy"], "{ten}": ["tỉnh", ""]}
    forms = [name]
    for placeholder, options in fillers.items():
        forms = [f.replace(placeholder, o) for f in forms for o in (options if placeholder in f else [""])]
    return keys | {agency_key(f) for f in forms}


@cache
def gazetteer() -> tuple[dict[str, GazetteerRow], dict[str, GazetteerRow]]:
    """(rows by id, rows by key). A key claimed by two rows keeps the first (file order)."""
    by_id: dict[str, GazetteerRow] = {}
    by_key: dict[str, GazetteerRow] = {}
    for r in read_data("agencies.csv"):
        row = GazetteerRow(r["id"], r["name"], r["kind"] or "agency", r["level"] or None, r["province"],
                   r["successor_id"], r["successor_date"] or None, r["basis"] or None,
                   tuple(split_bar(r.get("successor_except", ""))))
        by_id[row.id] = row
        for key in row_keys(row.name, split_bar(r["variants"])):
            by_key.setdefault(key, row)
    return by_id, by_key


@cache
def groups_index() -> tuple[dict[str, dict[str, str]], list[tuple[re.Pattern[str], dict[str, str]]]]:
    """Collective phrases: exact keys and fullmatch patterns (agency_groups.csv)."""
    exact: dict[str, dict[str, str]] = {}
    patterns = []
    for r in read_data("agency_groups.csv"):
        for label in [r["name"], *split_bar(r["variants"])]:
            exact.setdefault(agency_key(label), r)
        if r["pattern"]:
            patterns.append((re.compile(r["pattern"]), r))
    return exact, patterns


def match_group(key: str) -> dict[str, str] | None:
    exact, patterns = groups_index()
    if key in exact:
        return exact[key]
    return next((row for pattern, row in patterns if pattern.fullmatch(key)), None)


# ---------------------------------------------------------------- lookup


def province_suffixes(key: str) -> list[tuple[str, Province | None]]:
    """Ways to read a trailing province: "so tai chinh tinh kon tum" -> [("so tai chinh", Kon Tum)]."""
    found: list[tuple[str, Province | None]] = []
    for pkey, prov in provinces_index()[1]:
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


def lookup(key: str) -> tuple[GazetteerRow, Province | None] | None:
    """Exact key, then a template with the province read off the end of the key."""
    by_key = gazetteer()[1]
    if key in by_key:
        row = by_key[key]
        return row, (find_province(row.province) if row.province else None)
    for body, prov in province_suffixes(key):
        row = by_key.get(body)
        if row and row.is_template:
            return row, prov
    return None


def fuzzy_lookup(key: str) -> tuple[GazetteerRow, Province | None] | None:
    """A near miss ("Sở Giáo duc và Đào tao") with a high cutoff and the same first word."""
    by_key = gazetteer()[1]
    for body, prov in [(key, None), *province_suffixes(key)]:
        hit = process.extractOne(body, list(by_key), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if hit and hit[0].split()[0] == body.split()[0]:
            row = by_key[hit[0]]
            if prov is None or row.is_template:
                return row, prov
    return None


def build_agency(row: GazetteerRow, prov: Province | None, text: str) -> model.Agency:
    """An Agency from a gazetteer row, filled for the province, with its successor."""
    name, agency_id = name_and_id(row, prov)
    return model.Agency(id=agency_id, name=name, kind=row.kind, text=text, level=row.level,
                        successor=successor_of(row, prov))


def name_and_id(row: GazetteerRow, prov: Province | None) -> tuple[str, str]:
    if any(p in row.name for p in PLACEHOLDERS):
        name = fill_placeholders(row.name, prov)
        return name, (slugify(name) if prov else row.id)
    if row.is_template and prov:
        return row.name, f"{row.id}-{prov.slug}"
    return row.name, row.id


def successor_of(row: GazetteerRow, prov: Province | None) -> model.Successor | None:
    """The body's own successor first (a merged department), else the merged province's."""
    by_id = gazetteer()[0]
    if row.successor_id and not (prov and prov.slug in row.successor_except):
        name, agency_id = name_and_id(by_id[row.successor_id], prov)
        return model.Successor(id=agency_id, name=name, date=row.successor_date, basis=row.basis)
    if row.is_template and prov and prov.successor:
        name, agency_id = name_and_id(row, find_province(prov.successor))
        return model.Successor(id=agency_id, name=name, date=prov.successor_date, basis=prov.basis)
    return None
