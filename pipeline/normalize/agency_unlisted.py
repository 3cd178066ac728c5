"""Bodies the gazetteer does not list: read by rule (local governments, regional offices, units
of the issuer, central bodies, bare offices, provinces named as actors) or kept with one warning
per distinct name (`merge_unknown_warnings`)."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.data.messages import message
from pipeline import model
from pipeline.normalize.agency_rules import Scope
from pipeline.normalize.gazetteer import Province, head_form
from pipeline.text import fold_diacritics, is_vietnamese_syllable, normalize_text, slugify
from pipeline.warnings import PlanWarning

UNKNOWN_CODES = ("agency_unknown", "agency_unrecognized")


def recase(text: str, scope: Scope, printed: str | None = None) -> str:
    """Official capitalisation for a name typed in capitals ("HỘI ĐỒNG THẨM ĐỊNH, ĐÁNH GIÁ CHỈ SỐ
    CCHC" -> "Hội đồng thẩm định, đánh giá Chỉ số cải cách hành chính"): the first word, the word
    after the head (unless the head names a body by its task), places, proper names and
    numbered ones ("Đề án 06"). `printed` is the text before abbreviations were expanded: it says
    whether the name was typed in capitals; the expansions keep the abbreviation table's case and
    an acronym left unexpanded ("PCI") keeps its capitals."""
    if any(ch.islower() for ch in (text if printed is None else printed)):
        return _upper_first(text)
    rules = scope.rules
    out = [w if _keeps_case(w) else w.lower() for w in text.split()]
    if out:
        out[0] = _upper_first(out[0])
    key = scope.gaz.head_key(text)
    head = rules.head.match(key)
    opening = head.group(0) if head else key.split(" ", 1)[0]
    head_len = len(opening.split()) or 1
    task_named = rules.task_head.fullmatch(opening)
    if len(out) > head_len and not task_named and not rules.local_gov.match(scope.gaz.agency_key(text)):
        out[head_len] = _upper_first(out[head_len])
    lowered = " ".join(out).lower()
    place = rules.place_word.search(lowered)  # "... tỉnh Quảng Ngãi"
    school = re.search(r"(?:^|\s)đại học\s", lowered)  # "trường đại học Phạm Văn Đồng"
    starts = [m.end() for m in (place, school) if m]
    if starts:
        first = len(lowered[:min(starts)].split())
        out[first:] = [_upper_first(x) for x in out[first:]]
    return _proper_names(" ".join(out), scope)


def _upper_first(word: str) -> str:
    return word[:1].upper() + word[1:]


def _keeps_case(word: str) -> bool:
    """A word of a name typed in capitals that keeps its case: an expansion's ("Ủy", "cải") or an
    acronym's, a word with no vowel ("CNTT") or a short one that is no Vietnamese syllable and
    bears no diacritic ("PCI", "PAR"; "ĐẮK" is a place's syllable)."""
    if any(ch.islower() for ch in word):
        return True
    letters = "".join(ch for ch in word if ch.isalpha())
    if not letters:
        return False
    plain = fold_diacritics(letters)
    if not re.search(r"[AEIOUY]", plain):
        return True
    return len(letters) <= 3 and plain == letters.replace("Đ", "D") and not is_vietnamese_syllable(letters)


def _proper_names(name: str, scope: Scope) -> str:
    """Proper names spelled as the data writes them, and a noun before a number capitalised."""
    rules = scope.rules
    name = rules.numbered_name.sub(lambda m: _upper_first(m.group(0)), name)
    return rules.proper_name.sub(lambda m: rules.proper_names.get(head_form(m.group(0)), m.group(0)), name)


def _own_unit(name: str, span: str, scope: Scope) -> model.Agency | None:
    """A unit inside the issuing department or ministry ("Phòng Tổ chức cán bộ", "Văn phòng Sở"):
    its id carries the issuer's, so two departments' units never share one."""
    issuer, rules, gaz = scope.issuer, scope.rules, scope.gaz
    if issuer is None or issuer.id.startswith("uy-ban-nhan-dan") or not rules.unit_head.match(gaz.head_key(name)):
        return None
    issuer_head = gaz.head_key(issuer.name).split(" ")[0]
    own = rules.own_body.search(name)
    if own and gaz.head_key(own.group(0)) == issuer_head:  # "Văn phòng Sở" of Sở Nội vụ: the name as written
        unit_id = slugify(f"{name[:own.start()]} {issuer.name}") + (f"-{slug}" if (slug := _province_slug(issuer, scope)) else "")
        return model.Agency(id=unit_id, name=name, kind="agency", text=span, level=issuer.level)
    if rules.place_word.search(gaz.head_key(name) + " "):
        return None  # names a place: not a unit of the issuer
    return model.Agency(id=f"{slugify(name)}-{issuer.id}", name=name, kind="agency", text=span, level=issuer.level)


def _province_slug(agency: model.Agency, scope: Scope) -> str:
    """The province slug a provincial body's id ends with ("so-noi-vu-lam-dong" -> "lam-dong"), or ""."""
    if agency.level != "province":
        return ""
    return next((p.slug for _, p in scope.gaz.provinces[1] if agency.id.endswith("-" + p.slug)), "")


def unlisted_agency(text: str, key: str, prov: Province | None, span: str, scope: Scope
              ) -> tuple[model.Agency, list[PlanWarning]]:
    """A body absent from the gazetteer: local governments, regional offices and units of the
    issuer by rule; central bodies without a province; other heads with a warning."""
    rules, gaz = scope.rules, scope.gaz
    name = recase(text, scope, span)
    head_text = gaz.head_key(name)
    if rules.generic.match(span) and re.match(r"^\S+\s+\S+\s+[a-zđà-ỹ]", span):
        return model.Agency(id=slugify(name), name=name, kind="group", text=span), []
    if rules.regional.match(head_text):  # "Chi cục Hải quan khu vực XIII"
        return model.Agency(id=slugify(name), name=name, kind="agency", text=span, level="central"), []
    local = rules.local_gov.match(key)
    suffix = f"-{prov.slug}" if prov and prov.slug not in slugify(name) else ""
    if local:
        level = "district" if local.group("unit") in rules.district_units else None
        return model.Agency(id=slugify(name) + suffix, name=name, kind="agency", text=span, level=level), []
    unit = _own_unit(name, span, scope)
    if unit is not None:
        return unit, [PlanWarning("agency_unknown", message("warning.agency_not_listed", name=repr(span)))]
    named_province = [p for _, p in gaz.province_suffixes(key) if p is not None]
    if rules.central_tail.search(head_text) or rules.central_head.match(head_text) and not named_province and " tỉnh" not in f" {head_text}":
        code = "agency_unknown" if rules.is_head(head_text) else "agency_unrecognized"
        agency = model.Agency(id=slugify(name), name=name, kind="agency", text=span, level="central")
        return agency, [PlanWarning(code, message("warning.agency_not_listed", name=repr(span)))]
    body = next((b for b, p in gaz.province_suffixes(key) if p is None), None)
    if body is not None and len(body.split()) > 1:  # "... tỉnh": the name without the generic word
        name = " ".join(name.split()[: len(body.split())])
    code = "agency_unknown" if rules.is_head(head_text) else "agency_unrecognized"
    agency = model.Agency(id=slugify(name) + suffix, name=name, kind="agency", text=span,
                          level="province" if code == "agency_unknown" and prov and (suffix or body) else None)
    return agency, [PlanWarning(code, message("warning.agency_not_listed", name=repr(span)))]


def with_province(agency: model.Agency, scope: Scope) -> model.Agency:
    """An unlisted association named with the scope's province, as the gazetteer names its own
    ("Liên đoàn Karate" under "UBND TỈNH ĐẮK NÔNG" -> "Liên đoàn Karate tỉnh Đắk Nông"); any other
    body, or one whose name already holds a place, as it is."""
    gaz, rules = scope.gaz, scope.rules
    prov = gaz.find_province(scope.province)
    head_text = gaz.head_key(agency.name)
    if prov is None or not rules.is_association(head_text) or rules.place_word.search(head_text + " "):
        return agency
    name = f"{agency.name} {prov.kind} {prov.name}"
    return replace(agency, id=slugify(name), name=name, level="province")


def office_of_issuer(span: str, scope: Scope) -> model.Agency | None:
    """A bare office in a recipient line ("Bộ trưởng", "Chủ tịch", "Các Phó Giám đốc Sở") is the
    holder of that office in the issuer, or in its parent when the issuer has no such office."""
    gaz, rules = scope.gaz, scope.rules
    text = rules.own_body.sub("", f" {span}").strip()
    heads = rules.title_bodies.get(gaz.head_key(text))
    if not heads:
        return None
    for body in (scope.issuer, scope.parent):
        if body is not None and any(gaz.head_key(body.name).startswith(h) for h in heads):
            name = f"{text[:1].upper()}{text[1:]} {body.name}"
            if name.lower().startswith("các "):
                name = name[4:5].upper() + name[5:]
            return model.Agency(id=slugify(name), name=name, kind="agency", text=span, level=body.level)
    return None


def province_named(key: str, span: str, scope: Scope) -> model.Agency | None:
    """A province named as an actor ("Thành phố Hồ Chí Minh", "tỉnh Đăk Lăk"): the province itself."""
    bare = re.sub(r"^(?:tinh|thanh pho|tp) ", "", key)
    prov = scope.gaz.provinces[0].get(bare)
    if prov is None:
        return None
    name = f"{prov.kind.capitalize()} {prov.name}"
    return model.Agency(id=slugify(name), name=name, kind="agency", text=span, level="province")


def _named(warning: PlanWarning) -> tuple[str, str]:
    """(code, the name a warning is about, normalised): what makes two warnings one."""
    name = warning.message.split(": ", 1)[-1].split(" (", 1)[0]
    return warning.code, normalize_text(name).lower()


def merge_unknown_warnings(warnings: list[PlanWarning]) -> list[PlanWarning]:
    """One agency_unknown / agency_unrecognized warning per distinct name, counting its mentions
    and saying where they are; the first mention's warning is kept (with any other field it
    carries), other warnings pass unchanged, in order."""
    mentions: dict[tuple[str, str], list[PlanWarning]] = {}
    out: list[PlanWarning | tuple[str, str]] = []
    for w in warnings:
        if w.code not in UNKNOWN_CODES:
            out.append(w)
            continue
        group = _named(w)
        if group not in mentions:
            mentions[group] = []
            out.append(group)
        mentions[group].append(w)
    result = []
    for item in out:
        if isinstance(item, PlanWarning):
            result.append(item)
            continue
        first, count = mentions[item][0], len(mentions[item])
        wheres = [w for w in dict.fromkeys(m.where for m in mentions[item]) if w]
        note = " " + message("warning.mentions", count=count, places=", ".join(wheres)) if count > 1 else ""
        result.append(replace(first, message=first.message + note))
    return result
