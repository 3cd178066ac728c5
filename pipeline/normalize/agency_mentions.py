"""Agencies named in running text ("... phối hợp với Sở Khoa học và Công nghệ thực hiện ...").

Cells are lists and are split (see `agencies`); running text is not, so here
the gazetteer is matched against word windows instead: at each capitalised
word, the longest run of up to MAX_WORDS words whose key is a gazetteer name
wins. Only named bodies are reported (collective phrases are cell business).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline import model
from pipeline.normalize.gazetteer import GazetteerRow, Province, agency_key, build_agency, find_province, gazetteer, lookup

# The longest official name, in words ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi").
MAX_WORDS = 16
_TOKEN = re.compile(r"[\w&]+(?:-[\w&]+)*")
# A match followed by one of these words names a lower level or a collective
# ("UBND các huyện", "UBND xã Bát Tràng"), not the body the shorter key would give.
_LOWER_LEVEL = frozenset({"cac", "huyen", "xa", "phuong", "quan", "thi", "dac"})


@lru_cache(maxsize=8192)
def _token_key(token: str) -> str:
    return agency_key(token)


@cache
def _first_words() -> frozenset[str]:
    """First words of every gazetteer key: where a name can start."""
    return frozenset(key.split()[0] for key in gazetteer()[1] if key)


def _match_at(tokens: list[tuple[int, int, str]], i: int) -> tuple[int, GazetteerRow, Province | None] | None:
    """(index after the match, row, province) of the longest name starting at token i."""
    keys = [_token_key(t[2]) for t in tokens[i:i + MAX_WORDS]]
    for length in range(len(keys), 0, -1):
        hit = lookup(" ".join(keys[:length]).strip())
        if hit is None or hit[0].kind != "agency":
            continue
        following = tokens[i + length][2] if i + length < len(tokens) else ""
        if following and _token_key(following) in _LOWER_LEVEL:
            continue
        return i + length, hit[0], hit[1]
    return None


def find_agencies(text: str, province: str | None) -> list[model.Agency]:
    """Named agencies in a paragraph, in order of first mention, each once."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    found: dict[str, model.Agency] = {}
    prov = find_province(province)
    i = 0
    while i < len(tokens):
        token = tokens[i][2]
        first = _token_key(token).split()[:1]
        match = _match_at(tokens, i) if token[:1].isupper() and first and first[0] in _first_words() else None
        if match is None:
            i += 1
            continue
        end, row, explicit = match
        span = text[tokens[i][0]:tokens[end - 1][1]]
        agency = build_agency(row, explicit or (prov if row.is_template else None), span)
        found.setdefault(agency.id, agency)
        i = end
    return list(found.values())
