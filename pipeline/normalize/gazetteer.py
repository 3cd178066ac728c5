"""The agency gazetteer: vocabularies from pipeline/data and lookups by key.

agencies.csv (named bodies and provincial templates), agency_groups.csv
(collective phrases), abbreviations.csv, provinces.csv, agency_heads.yaml and
agency_grammar.yaml are loaded by a `Gazetteer`; `default_gazetteer()` is the
package's own, loaded once. A different province's or ministry's data is used by
building `Gazetteer(data_dir)` (files missing there come from the package) and
passing it to the normalise functions: nothing in the package needs editing.

A key is the folded form of a name with abbreviations expanded, so "Sở KH&CN",
"Sở khoa học và Công nghệ" and "SỞ KHOA HỌC VÀ CÔNG NGHỆ" meet at one row; the
head word of a name is compared WITH its diacritics ("Báo" is not "Bảo").
Names may hold placeholders filled from the province: {tinh} -> "tỉnh Quảng
Ngãi" / "thành phố Hà Nội", {uy} -> "Tỉnh ủy ..." / "Thành ủy ...", {ten} -> the name.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from pipeline import model
from pipeline.data import load_csv, load_yaml
from pipeline.normalize.gazetteer_index import SPECIAL_ZONES, load_index, split_bar
from pipeline.text import fold_diacritics, modernize_tones, normalize_text, slugify

FUZZY_CUTOFF = 92  # rapidfuzz ratio on folded keys; below this a near miss is "unknown"
PLACEHOLDERS = ("{tinh}", "{uy}", "{ten}")
# A match of this many words is a name whatever the head word's marks ("Công TTĐT tỉnh" for "Cổng"):
# only short keys ("Báo" + a province) can be an ordinary word ("Bảo đảm") folded onto a name.
SURE_WORDS = 3
KEY_CACHE_SIZE = 50_000  # agency keys remembered per gazetteer; a batch of many files stays bounded
# What keys and head words are cut at (agency_key, head_form).
_NOT_KEY = re.compile(r"[^a-z0-9]+")
_NOT_WORD = re.compile(r"[^\w/]+")
# A key ending in the bare word "tỉnh" / "thành phố" ("so tai chinh tinh"): the province is the issuer's.
_BARE_PROVINCE_WORD = re.compile(r"^(.+?) (?:cua |thuoc |cap )?(?:tinh|thanh pho)$")


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
    special_zones: tuple[str, ...] | None = None  # None: not known (a province not in the file)


def head_form(text: str) -> str:
    """Lower case, NFC, modern tones, punctuation as spaces, diacritics KEPT: for head words."""
    text = modernize_tones(unicodedata.normalize("NFC", text)).lower()
    return _NOT_WORD.sub(" ", text).strip()


def words_pattern(words: list[str]) -> str:
    """An alternation of word lists, longest first, spaces free: for regexes built from data."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


class Gazetteer:
    """The vocabularies the agency normalisers read, from one data folder.

    Args:
        data_dir: a folder holding any of the package's data files (agencies.csv,
            agency_groups.csv, abbreviations.csv, provinces.csv, agency_heads.yaml,
            agency_grammar.yaml); a file it lacks is read from the package.
    """

    def __init__(self, data_dir: Path | str | None = None) -> None:
        self.data_dir = Path(data_dir) if data_dir else None
        self._keys: dict[str, str] = {}
        self._heads: dict[str, str] = {}

    def read_csv(self, name: str) -> list[dict[str, str]]:
        return [{k: (v or "").strip() for k, v in row.items()} for row in load_csv(name, self.data_dir)]

    def read_yaml(self, name: str) -> dict:
        return load_yaml(name, self.data_dir)

    # ------------------------------------------------------------ vocabularies

    @cached_property
    def grammar(self) -> dict:
        """agency_grammar.yaml and agency_heads.yaml together."""
        return {**self.read_yaml("agency_grammar.yaml"), **self.read_yaml("agency_heads.yaml")}

    @cached_property
    def abbreviations(self) -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], dict[str, str]]:
        """(pattern, table) of plain abbreviations, then of those read only after a head ("Bộ CT")."""
        plain, after, heads = {}, {}, set()
        for r in self.read_csv("abbreviations.csv"):
            if r.get("after"):
                after[r["abbreviation"]] = r["expansion"]
                heads.update(split_bar(r["after"]))
            else:
                plain[r["abbreviation"]] = r["expansion"]
        # Not inside a document code: "QĐ-UBND", "KH/UBND" keep their letters.
        alternatives = "|".join(re.escape(a) for a in sorted(plain, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w&/-])(?:{alternatives})(?![\w&/-])")
        in_context = "|".join(re.escape(a) for a in sorted(after, key=len, reverse=True))
        head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
        context = re.compile(rf"(?<![\w&/-])(?P<head>(?i:{head}))\s+(?P<abbr>{in_context})(?![\w&/-])")
        return pattern, plain, context, after

    def expand_abbreviations(self, text: str) -> str:
        """Expand abbreviations on token boundaries ("UBND tỉnh" -> "Ủy ban nhân dân tỉnh");
        after a ministry or department word first ("Bộ CT" -> "Bộ Công Thương", not "Chủ tịch")."""
        pattern, table, context, after = self.abbreviations
        text = context.sub(lambda m: f"{m.group('head')} {after[m.group('abbr')]}", text)
        return pattern.sub(lambda m: table[m.group(0)], text)

    def agency_key(self, text: str) -> str:
        """The comparison key: abbreviations expanded, diacritics folded, lowercase, punctuation dropped."""
        return _remembered(self._keys, text, self._make_agency_key)

    def _make_agency_key(self, text: str) -> str:
        folded = fold_diacritics(self.expand_abbreviations(normalize_text(text))).lower()
        return _NOT_KEY.sub(" ", folded).strip()

    def head_key(self, text: str) -> str:
        """The head-word form of text: abbreviations expanded, diacritics kept."""
        return _remembered(self._heads, text, self._make_head_key)

    def _make_head_key(self, text: str) -> str:
        return head_form(self.expand_abbreviations(normalize_text(text)))

    @cached_property
    def _index(self) -> dict[str, list]:
        """Every name of the gazetteer's files with its keys (`gazetteer_index`), read from the disk
        cache when the files and the code that keys them are unchanged."""
        return load_index(self)

    @cached_property
    def provinces(self) -> tuple[dict[str, Province], list[tuple[str, Province]]]:
        """Provinces by folded name, and (key, province) pairs longest key first for suffix search."""
        by_key: dict[str, Province] = {}
        for fields, keys in self._index["provinces"]:
            zones = fields[6]
            prov = Province(*fields[:6], None if zones is None else tuple(zones))
            for key in keys:
                by_key[key] = prov
        return by_key, sorted(by_key.items(), key=lambda kv: -len(kv[0]))

    def find_province(self, name: str | None) -> Province | None:
        """Look a province up by name ("Quảng Ngãi", "tỉnh Quảng Ngãi", "TP HCM"); unknown names pass through."""
        if not name:
            return None
        key = re.sub(r"^(?:tinh|thanh pho) ", "", self.agency_key(name))
        known = self.provinces[0].get(key)
        return known or Province(normalize_text(name), slugify(name), "tỉnh", "", None, None)

    @cached_property
    def rows(self) -> tuple[dict[str, GazetteerRow], dict[str, GazetteerRow], dict[str, frozenset[str]]]:
        """(rows by id, rows by key, head words each key was written with). A key claimed by two
        rows keeps the first (file order)."""
        by_id: dict[str, GazetteerRow] = {}
        by_key: dict[str, GazetteerRow] = {}
        heads: dict[str, set[str]] = {}
        for fields, keys in self._index["rows"]:
            row = GazetteerRow(*fields[:8], tuple(fields[8]))
            by_id[row.id] = row
            for key, written in keys:
                if by_key.setdefault(key, row) is row:
                    heads.setdefault(key, set()).add(written)
        return by_id, by_key, {k: frozenset(v) for k, v in heads.items()}

    def row_keys(self, name: str, variants: list[str]) -> list[tuple[str, str]]:
        """(key, first word with diacritics) for every form a row answers to; a placeholder
        also matches "tỉnh", "thành phố" or nothing."""
        fillers = {"{tinh}": ["tỉnh", "thành phố", ""], "{uy}": ["Tỉnh ủy", "Thành ủy"], "{ten}": ["tỉnh", ""]}
        forms = [name]
        for placeholder, options in fillers.items():
            forms = [f.replace(placeholder, o) for f in forms for o in (options if placeholder in f else [""])]
        return [(self.agency_key(f), self.head_key(f).split(" ")[0]) for f in [*variants, *forms]
                if self.agency_key(f)]

    @cached_property
    def groups(self) -> tuple[dict[str, dict[str, str]], list[tuple[re.Pattern[str], dict[str, str]]]]:
        """Collective phrases: exact keys and fullmatch patterns (agency_groups.csv)."""
        exact: dict[str, dict[str, str]] = {}
        patterns = []
        for r, keys in self._index["groups"]:
            for key in keys:
                exact.setdefault(key, r)
            if r["pattern"]:
                patterns.append((re.compile(r["pattern"]), r))
        return exact, patterns

    def match_group(self, key: str) -> dict[str, str] | None:
        exact, patterns = self.groups
        if key in exact:
            return exact[key]
        return next((row for pattern, row in patterns if pattern.fullmatch(key)), None)

    # ------------------------------------------------------------ lookup

    def province_suffixes(self, key: str) -> list[tuple[str, Province | None]]:
        """Ways to read a trailing province: "so tai chinh tinh kon tum" -> [("so tai chinh", Kon Tum)].

        Each word boundary of the key is looked up once, from the left: the longest province
        name first, as a walk over every province (longest first) would find them.
        """
        found: list[tuple[str, Province | None]] = []
        by_key = self.provinces[0]
        space = key.find(" ")
        while space != -1:
            body, prov = key[:space], by_key.get(key[space + 1:])
            space = key.find(" ", space + 1)
            if prov is None:
                continue
            for word, kind in (("tinh", "tỉnh"), ("thanh pho", "thành phố"), ("tp", "thành phố")):
                if body.endswith(" " + word) or body == word:
                    if prov.kind == kind:
                        found.append((body[: -len(word)].strip(), prov))
                    break
            else:
                found.append((body, prov))
        bare = _BARE_PROVINCE_WORD.match(key)
        if bare:
            found.append((bare.group(1), None))
        return [(body, prov) for body, prov in found if body]

    def same_head(self, key: str, text: str | None) -> bool:
        """True when text's first word is written as the row's is, diacritics and all ("Báo" is
        not "Bảo"); text typed without any diacritics cannot tell and passes."""
        if text is None or len(key.split()) >= SURE_WORDS:
            return True
        first = self.head_key(text).split(" ")[0]
        if first == fold_diacritics(first):
            return True
        return first in self.rows[2].get(key, frozenset({first}))

    def lookup(self, key: str, text: str | None = None) -> tuple[GazetteerRow, Province | None] | None:
        """Exact key, then a template with the province read off the end of the key; when the text
        is given, its head word must match the row's with diacritics."""
        by_key = self.rows[1]
        if key in by_key and self.same_head(key, text):
            row = by_key[key]
            return row, (self.find_province(row.province) if row.province else None)
        for body, prov in self.province_suffixes(key):
            row = by_key.get(body)
            if row and row.is_template and self.same_head(body, text):
                return row, prov
        return None

    @cached_property
    def _fuzzy_keys(self) -> list[str]:
        return list(self.rows[1])

    def fuzzy_lookup(self, key: str) -> tuple[GazetteerRow, Province | None] | None:
        """A near miss ("Sở Giáo duc và Đào tao") with a high cutoff and the same first word."""
        from rapidfuzz import fuzz, process  # 13 ms of imports, for the few files with a near miss

        by_key = self.rows[1]
        for body, prov in [(key, None), *self.province_suffixes(key)]:
            hit = process.extractOne(body, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if hit and hit[0].split()[0] == body.split()[0]:
                row = by_key[hit[0]]
                if prov is None or row.is_template:
                    return row, prov
        return None

    # ------------------------------------------------------------ building agencies

    def fill_placeholders(self, name: str, prov: Province | None) -> str:
        """Fill {tinh}/{uy}/{ten} from the province, or with the generic word when it is unknown."""
        if prov is None:
            filled = name.replace("{tinh}", "tỉnh").replace("{uy}", "Tỉnh ủy").replace("{ten}", "tỉnh")
        else:
            party = "Tỉnh ủy" if prov.kind == "tỉnh" else "Thành ủy"
            filled = (name.replace("{tinh}", f"{prov.kind} {prov.name}")
                      .replace("{uy}", f"{party} {prov.name}").replace("{ten}", prov.name))
        return filled.strip()

    def build_agency(self, row: GazetteerRow, prov: Province | None, text: str) -> model.Agency:
        """An Agency from a gazetteer row, filled for the province, with its successor."""
        name, agency_id = self.name_and_id(row, prov)
        return model.Agency(id=agency_id, name=name, kind=row.kind, text=text, level=row.level,
                            successor=self.successor_of(row, prov))

    def name_and_id(self, row: GazetteerRow, prov: Province | None) -> tuple[str, str]:
        if any(p in row.name for p in PLACEHOLDERS):
            name = self.fill_placeholders(row.name, prov)
            return name, (slugify(name) if prov else row.id)
        if row.is_template and prov:
            return row.name, f"{row.id}-{prov.slug}"
        return row.name, row.id

    def successor_of(self, row: GazetteerRow, prov: Province | None) -> model.Successor | None:
        """The body's own successor first (a merged department), else the merged province's."""
        by_id = self.rows[0]
        if row.successor_id and not (prov and prov.slug in row.successor_except):
            name, agency_id = self.name_and_id(by_id[row.successor_id], prov)
            return model.Successor(id=agency_id, name=name, date=row.successor_date, basis=row.basis)
        if row.is_template and prov and prov.successor:
            name, agency_id = self.name_and_id(row, self.find_province(prov.successor))
            return model.Successor(id=agency_id, name=name, date=prov.successor_date, basis=prov.basis)
        return None

    def group_name(self, row: dict[str, str], prov: Province | None, text: str) -> tuple[str, str]:
        """(name, id) of a collective: "..., đặc khu" only where the province has special zones
        (or, for a province not known, where the text says so)."""
        name = row["name"]
        if SPECIAL_ZONES not in name:
            return name, row["id"]
        zones = prov.special_zones if prov else None
        has = bool(zones) if zones is not None else "dac khu" in self.agency_key(text)
        filled = name.replace(SPECIAL_ZONES, ", đặc khu" if has else "")
        return filled, row["id"].replace("{dac-khu}", "-dac-khu" if has else "")


def _remembered(cache: dict[str, str], text: str, make: Callable[[str], str]) -> str:
    """cache[text], made the first time it is asked. Keys and head words are asked for the same
    few thousand names many times over; the cache is emptied when it holds KEY_CACHE_SIZE, so a
    batch of many files stays bounded."""
    known = cache.get(text)
    if known is None:
        if len(cache) >= KEY_CACHE_SIZE:
            cache.clear()
        known = cache[text] = make(text)
    return known


@cache
def default_gazetteer() -> Gazetteer:
    """The package's own vocabularies, loaded once."""
    return Gazetteer()


# Conveniences over the default gazetteer, for callers that need no other data.
def expand_abbreviations(text: str) -> str:
    return default_gazetteer().expand_abbreviations(text)


def agency_key(text: str) -> str:
    return default_gazetteer().agency_key(text)


def find_province(name: str | None) -> Province | None:
    return default_gazetteer().find_province(name)
