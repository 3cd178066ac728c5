"""Document types by what a document prints: its type line, or the abbreviation in its symbol.

Nghị định 30/2020/NĐ-CP (Phụ lục III) and the Party's Hướng dẫn 36-HD/VPTW give every type a
name, printed as the type line ("KẾ HOẠCH"), and an abbreviation, printed in the symbol: at
its head in a state symbol ("196/KH-UBND"), before the slash in a Party one ("69-KL/TW"). A
công văn prints neither: its symbol names only the issuer ("2926/SNV-TCBC") and its subject
("V/v ...") stands under the number. The names and abbreviations are data
(data/document_types.csv); the rules that read them are here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.data import load_csv
from pipeline.text import folded

# The contract's codes for a document's own type (schema DocumentMeta.type, contract 1.2);
# a type of the vocabulary outside them is "other", its name kept (test_document_types checks
# this set against the schema).
CONTRACT_TYPES = frozenset({
    "ke_hoach", "quyet_dinh", "nghi_quyet", "chi_thi", "cong_van", "thong_bao", "bao_cao", "to_trinh",
    "ket_luan", "nghi_dinh", "thong_tu", "luat", "quy_che", "quy_dinh", "thong_cao", "huong_dan",
    "chuong_trinh", "phuong_an", "de_an", "du_an", "bien_ban", "hop_dong", "cong_dien", "ban_ghi_nho",
    "ban_thoa_thuan", "giay_uy_quyen", "giay_moi", "giay_gioi_thieu", "giay_nghi_phep", "phieu_gui",
    "phieu_chuyen", "phieu_bao", "phieu_trinh", "thu_cong", "phap_lenh", "nghi_dinh_thu", "thong_tu_lien_tich",
})
# The type of a letter that prints no type line and no abbreviation but a "V/v" subject.
OFFICIAL_LETTER = "cong_van"

# A Party symbol: the type's abbreviation, a slash, the issuer ("KL/TW", "HD/VPTW").
_PARTY_SYMBOL = re.compile(r"^(?P<abbr>[^/\s-]+)/")
# A state symbol: the abbreviation before the first hyphen ("KH-UBND", "TTr-CAT(PC04)", "TTLT-BTC-BNV").
_STATE_SYMBOL = re.compile(r"^(?P<abbr>[^/\s-]+)-")


@dataclass(frozen=True)
class DocumentType:
    """A type as the document names it: the contract's code ("other" outside it) and its name."""

    code: str
    name: str


@dataclass(frozen=True)
class TypeVocabulary:
    """data/document_types.csv read for a document's own type."""

    # (folded type line, type), longest first: "THÔNG BÁO KẾT LUẬN" before "THÔNG BÁO".
    lines: tuple[tuple[str, DocumentType], ...]
    state: dict[str, DocumentType]  # symbol abbreviation -> type ("QĐ", "TTr", "QyĐ")
    party: dict[str, DocumentType]  # Party symbol abbreviation -> type ("KL", "TT" Thông tri)


def _own_code(code: str) -> str:
    return code if code in CONTRACT_TYPES else "other"


def _abbreviations(rows: list[dict[str, str]], column: str) -> dict[str, DocumentType]:
    """Abbreviation -> type; the first row listing an abbreviation names its type."""
    found: dict[str, DocumentType] = {}
    for row in rows:
        for abbr in (row.get(column) or "").split():
            found.setdefault(abbr, DocumentType(_own_code(row["code"]), row["word"]))
    return found


@cache
def type_vocabulary() -> TypeVocabulary:
    rows = list(load_csv("document_types.csv"))
    lines = [(folded(r["word"]), DocumentType(_own_code(r["code"]), r["word"]))
             for r in rows if (r.get("type_line") or "") != "no"]
    return TypeVocabulary(tuple(sorted(lines, key=lambda n: -len(n[0]))),
                          _abbreviations(rows, "symbol_codes"), _abbreviations(rows, "party_symbol_codes"))


def type_named(line: str) -> DocumentType | None:
    """The type a whole type line names ("KẾ HOẠCH", "NGHỊ ĐỊNH THƯ"), else None."""
    key = folded(line)
    return next((t for name, t in type_vocabulary().lines if key == name), None)


def type_name_prefix(line: str) -> tuple[DocumentType, int] | None:
    """The type a line opens with and how many words it takes ("ĐIỀU LỆ QUỸ X" -> Điều lệ, 2)."""
    keys = folded(line).split()
    for name, doc_type in type_vocabulary().lines:
        n = len(name.split())
        if len(keys) > n and " ".join(keys[:n]) == name:
            return doc_type, n
    return None


def type_from_symbol(symbol: str | None, party: bool) -> DocumentType | None:
    """The type a symbol's abbreviation names: "KH-UBND" (state) -> Kế hoạch, "KL/TW" (Party) ->
    Kết luận; None for a symbol that names only its issuer ("SNV-TCBC", "QH15")."""
    if not symbol:
        return None
    vocab = type_vocabulary()
    m = (_PARTY_SYMBOL if party else _STATE_SYMBOL).match(symbol)
    if m is None:
        return None
    table = vocab.party if party else vocab.state
    return table.get(m.group("abbr"))
