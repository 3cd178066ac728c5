"""Agencies named in running text ("... phối hợp với Sở Khoa học và Công nghệ thực hiện ...").

Cells are lists and are split (see `agencies`); running text is not, so here
the gazetteer is matched against word windows instead: at each capitalised
word, the longest run of up to MAX_WORDS words whose key is a gazetteer name
wins. Only named bodies are reported (collective phrases are cell business).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline import model
from pipeline.normalize.gazetteer import Gazetteer, GazetteerRow, Province, default_gazetteer

# The longest official name, in words ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi").
MAX_WORDS = 16
_TOKEN = re.compile(r"[\w&]+(?:-[\w&]+)*")


@lru_cache(maxsize=8)
def _vocab(gaz: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """(first words of every gazetteer key: where a name can start; words after a match that
    name a lower level or a collective: "UBND các huyện", "UBND xã Bát Tràng")."""
    first = frozenset(key.split()[0] for key in gaz.rows[1] if key)
    return first, frozenset(gaz.grammar["lower_level_words"])


def _match_at(tokens: list[tuple[int, int, str]], i: int, text: str, gaz: Gazetteer
              ) -> tuple[int, GazetteerRow, Province | None] | None:
    """(index after the match, row, province) of the longest name starting at token i; the
    first word must be written as the row's is, diacritics and all ("Bảo đảm" is no "Báo")."""
    keys = [gaz.agency_key(t[2]) for t in tokens[i:i + MAX_WORDS]]
    lower_level = _vocab(gaz)[1]
    for length in range(len(keys), 0, -1):
        span = text[tokens[i][0]:tokens[i + length - 1][1]]
        hit = gaz.lookup(" ".join(keys[:length]).strip(), span)
        if hit is None or hit[0].kind != "agency":
            continue
        following = tokens[i + length][2] if i + length < len(tokens) else ""
        if following and gaz.agency_key(following) in lower_level:
            continue
        return i + length, hit[0], hit[1]
    return None


def find_agencies(text: str, province: str | None, gazetteer: Gazetteer | None = None) -> list[model.Agency]:
    """Named agencies in a paragraph, in order of first mention, each once."""
    gaz = gazetteer or default_gazetteer()
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    found: dict[str, model.Agency] = {}
    prov = gaz.find_province(province)
    first_words = _vocab(gaz)[0]
    i = 0
    while i < len(tokens):
        token = tokens[i][2]
        first = gaz.agency_key(token).split()[:1]
        match = _match_at(tokens, i, text, gaz) if token[:1].isupper() and first and first[0] in first_words else None
        if match is None:
            i += 1
            continue
        end, row, explicit = match
        span = text[tokens[i][0]:tokens[end - 1][1]]
        agency = gaz.build_agency(row, explicit or (prov if row.is_template else None), span)
        found.setdefault(agency.id, agency)
        i = end
    return list(found.values())
