"""Bodies the gazetteer does not list: read by rule (local governments, regional offices, units
of the issuer, central bodies, bare offices, provinces named as actors) or kept with one warning
per distinct name (`merge_unknown_warnings`)."""
from __future__ import annotations

import re
from dataclasses import replace

from pipeline.data.messages import message
from pipeline import model
from pipeline.normalize.agency_rules import Scope
from pipeline.normalize.gazetteer import Province
from pipeline.text import normalize_text, slugify
from pipeline.warnings import PlanWarning

UNKNOWN_CODES = ("agency_unknown", "agency_unrecognized")


def recase(text: str, scope: Scope) -> str:
    """Official capitalisation for text typed in capitals: first word, name after the head, places."""
    if any(ch.islower() for ch in text):
        return text[:1].upper() + text[1:]
    words = text.lower().split()
    out = list(words)
    if out:
        out[0] = out[0].capitalize()
    head_len = scope.rules.head_words(scope.gaz.head_key(text))
    if len(out) > head_len and not scope.rules.local_gov.match(scope.gaz.agency_key(text)):
        out[head_len] = out[head_len].capitalize()
    place = scope.rules.place_word.search(" ".join(words))  # "... tỉnh Quảng Ngãi"
    school = re.search(r"(?:^|\s)đại học\s", " ".join(words))  # "trường đại học Phạm Văn Đồng"
    starts = [m.end() for m in (place, school) if m]
    if starts:
        first = len(" ".join(words)[:min(starts)].split())
        out[first:] = [x.capitalize() for x in out[first:]]
    return " ".join(out)


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
    name = recase(text, scope)
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
