"""Tasks written in the body instead of a table.

Two shapes are common when a plan has no task table:
- an activity with labelled lines ("- Đơn vị chủ trì: Sở Văn hóa và Thể thao.",
  "- Đơn vị phối hợp: ...", "- Thời gian dự kiến: ...") gives one task whose
  content is the activity's heading;
- a section headed by an agency ("1.1. Công an tỉnh", "2. Sở Y tế:") under an
  assignment section gives one task per paragraph, led by that agency.
Task numbers are the section path (Roman numerals as integers) and the
paragraph's position: "3.1.1.2".
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pipeline.data import load_yaml
from pipeline.text import normalize_text, whole_words
from pipeline.structure.stitch import column_role
from pipeline.structure.types import RawSection, RawTask

_LABELLED = re.compile(r"^[-+•]?\s*(?P<label>[^:]{3,40}?)\s*:\s*(?P<value>.+)$")
_BULLET = re.compile(r"^\s*[-+•]\s*")
_AFTER_HEAD = " ,;:("
# A run-in label longer than this before its colon is a sentence, not an agency.
MAX_RUN_IN_AGENCY = 100
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Partners named before the action run to at most this many words ("các sở, ban, ngành và địa
# phương có liên quan"); a longer run holds the action itself.
MAX_PARTNER_WORDS = 12
# Roles a labelled line can fill; other labels (Địa điểm, Kinh phí) are left in the section.
_TASK_ROLES = ("lead", "cooperating", "timeframe", "output", "submit_to")


def _roman_to_int(label: str) -> int | None:
    if not re.fullmatch(r"[IVXLC]+", label):
        return None
    total = 0
    for ch, nxt in zip(label, label[1:] + " "):
        value = _ROMAN[ch]
        total += -value if nxt != " " and _ROMAN[nxt] > value else value
    return total


def path_number(labels: list[str]) -> str:
    """"III", "1", "1.2" -> "3.1.2"; letters kept ("a").

    A dotted label already holds its parent's number ("1.2" under "1"), which
    is then not repeated.
    """
    kept: list[str] = []
    for label in labels:
        if kept and label.startswith(kept[-1] + "."):
            kept.pop()
        kept.append(label)
    parts = []
    for label in kept:
        roman = _roman_to_int(label)
        part = re.sub(r"[^0-9a-zđ.]", "", label.lower()).strip(".")
        if not re.fullmatch(r"[0-9.]*|[a-zđ]", part):  # a damaged label ("Điu1"): its digits are the number
            part = re.sub(r"[^0-9.]", "", part).strip(".")
        parts.append(str(roman) if roman is not None else part)
    return ".".join(p for p in parts if p)


@cache
def _heads() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    data = load_yaml("agency_heads.yaml")
    return tuple(tuple(normalize_text(w).lower() for w in data[k]) for k in ("lead_ins", "heads", "not_heads"))


def agency_heading(title: str | None) -> str | None:
    """The agency text of a heading like "Đề nghị Công an tỉnh:", else None."""
    if not title or len(title) > 160:
        return None
    text = normalize_text(title).rstrip(":.").strip()
    lead_ins, heads, not_heads = _heads()
    key = text.lower()  # diacritics kept: "Số lượng" is no "Sở", "Bảo đảm" no "Báo"
    for lead_in in lead_ins:
        if key.startswith(lead_in + " "):
            text = text[len(lead_in) + 1:].strip()
            key = text.lower()
            break
    if any(key.startswith(n) for n in not_heads):
        return None
    # The head is a whole word: "các sở, ban, ngành" opens with "các sở", "sở" does not open "sổ tay".
    if any(key == h or (key.startswith(h) and key[len(h)] in _AFTER_HEAD) for h in heads):
        return text
    return None


def _labelled_parts(text: str) -> list[str]:
    """A line cut before each further "; Label:" that names a role: "Đơn vị chủ trì: X; Đơn vị
    phối hợp: Y" is two labelled parts; "Phối hợp: A; các Trường: B" stays one."""
    parts = [p.strip() for p in re.split(r";(?=\s*[^;:]{3,40}:)", text.strip())]
    out: list[str] = []
    for part in parts:
        m = _LABELLED.match(part)
        if out and not (m and column_role(m.group("label")) in _TASK_ROLES):
            out[-1] = f"{out[-1]}; {part}"
        else:
            out.append(part)
    return out


def labelled_fields(paragraphs: list[str]) -> dict[str, str]:
    """Role -> value of the "Label: value" lines of an activity (first label of each role wins)."""
    fields: dict[str, str] = {}
    for text in [part for paragraph in paragraphs for part in _labelled_parts(paragraph)]:
        m = _LABELLED.match(text.strip())
        if not m:
            continue
        role = column_role(m.group("label"))
        if role in _TASK_ROLES and role not in fields:
            fields[role] = m.group("value").strip().rstrip(".")
    return fields


def _words(key: str) -> str:
    """A regex alternative of the assignment words of one kind, longest first, spaces as \\s+."""
    phrases = sorted(load_yaml("agency_heads.yaml")["assignment"][key], key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)


@cache
def _assignment() -> re.Pattern[str]:
    """"Giao Thanh tra Sở chủ trì, phối hợp với Phòng Nghiệp vụ Y thực hiện."."""
    return re.compile(
        rf"""^(?:{_words("assign")})\s+(?P<lead>.+?)\s+(?:{_words("lead")})
            (?:\s*,?\s*(?:{_words("partners")})\s+(?P<cooperating>.+?))?      # partners, if named
            (?:\s+(?:{_words("closing")}))?\s*\.?$""",
        re.X | re.I,
    )


@cache
def _lead_and_partners() -> re.Pattern[str]:
    """"Sở Tài chính chủ trì, phối hợp các sở, ban, ngành": a heading naming the lead and its partners."""
    return re.compile(
        rf"^(?P<lead>.+?)\s+(?:{_words('lead')})\s*,?\s*(?:(?:{_words('partners')})\s+(?P<partners>.+))?$", re.I)


_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-ZĐÀ-Ỹ])")


def split_assignment(text: str) -> tuple[str, dict[str, str]]:
    """An item's own sentences, and the roles its assignment sentences give.

    "Kiểm tra ... cơ sở. Giao Thanh tra Sở chủ trì, phối hợp với Phòng Nghiệp vụ Y
    thực hiện. Thời gian: Quý IV/2025." -> ("Kiểm tra ... cơ sở", lead, cooperating, timeframe).
    """
    content: list[str] = []
    fields: dict[str, str] = {}
    for sentence in _SENTENCE_END.split(text.strip()):
        if m := _assignment().match(sentence):
            fields.update({k: v.strip() for k, v in m.groupdict().items() if v})
        elif (labelled := labelled_fields([sentence])) and content:
            fields.update({k: v for k, v in labelled.items() if k not in fields})
        else:
            content.append(sentence)
    return " ".join(content).strip().rstrip("."), fields


def _activity_task(section: RawSection, number: str, group: str | None) -> RawTask | None:
    """One task from a section whose heading (or numbered item) says what, and whose lines say who."""
    fields = labelled_fields(section.paragraphs)
    text = section.title or next((p for p in section.paragraphs[:1] if not _LABELLED.match(_BULLET.sub("", p))), "")
    content, inline = split_assignment(text) if text else ("", {})
    fields = {**inline, **fields}
    if "lead" not in fields or not content:
        return None
    return RawTask(number=number, group=group, cells={"content": content, **fields}, pages=section.all_pages(),
                   from_body=True)


def _run_in_agency(section: RawSection) -> RawSection:
    """"5. Sở Văn hóa, Thể thao và Du lịch: Chỉ đạo ..." as a heading and its item: a run-in
    agency label with commas is not split off by the section tree (a comma may end a clause).
    "2. Giao Sở Nội vụ (cơ quan thường trực):" over lettered items is their heading."""
    if section.title is not None or len(section.paragraphs) != 1 or ":" not in section.paragraphs[0]:
        return section
    label, rest = section.paragraphs[0].split(":", 1)
    if len(label) > MAX_RUN_IN_AGENCY or agency_heading(label) is None or not (rest.strip() or section.children):
        return section
    return replace(section, title=label.strip(), paragraphs=[rest.strip()] if rest.strip() else [],
                   pages=section.all_pages())


@cache
def _predicate() -> re.Pattern[str]:
    """What a body does, as a whole lower-case word ("chủ trì", "tăng cường"): where its name ends."""
    return whole_words(load_yaml("agency_heads.yaml")["item_predicates"])


def is_assignment_section(title: str | None) -> bool:
    """"VII. TỔ CHỨC THỰC HIỆN": a section whose items say who does what."""
    key = normalize_text(title or "").lower()
    return any(words in key for words in load_yaml("agency_heads.yaml")["assignment_sections"])


def _lone_item(section: RawSection) -> str | None:
    """The text of a numbered item that is one paragraph, with no heading of its own and nothing under it."""
    if section.title or section.children or len(section.paragraphs) != 1:
        return None
    return section.paragraphs[0].strip()


@cache
def _delegation() -> re.Pattern[str]:
    """"Chủ tịch UBND tỉnh giao Sở Nội vụ chủ trì phối hợp với các ngành có liên quan tổ chức kiểm
    tra ...": an assignment inside the item's sentence, the assigner before it. One reported as
    done ("đã giao", in a report) is no task."""
    return re.compile(rf"""(?:^|(?<!\bđã)\s)(?:{_words("assign")})\s+(?P<lead>[^.;:]+?)\s+(?:{_words("lead")})\s*,?\s*
                          (?P<partnered>(?:{_words("partners")})\s+)?(?P<rest>\S.*)$""", re.X | re.I | re.S)


def _delegated_task(section: RawSection, number: str, group: str | None) -> RawTask | None:
    """An item whose sentence assigns it ("... giao Sở X chủ trì[, phối hợp với Y] <action>"): led by
    X, with Y cooperating (up to the action's first predicate); the content is the action on (who
    assigned it stays in the section's text)."""
    text = _lone_item(section)
    m = _delegation().search(text) if text else None
    if m is None or agency_heading(m.group("lead")) is None:
        return None
    rest, cells = m.group("rest").strip(), {"lead": m.group("lead").strip()}
    action = _predicate().search(rest) if m.group("partnered") else None
    if action is not None and 0 < action.start() and len(rest[:action.start()].split()) <= MAX_PARTNER_WORDS:
        cells["cooperating"], rest = rest[:action.start()].rstrip(" ,;"), rest[action.start():]
    elif m.group("partnered"):  # the partners' end is not found: they stay in the content, as printed
        rest = m.group("partnered") + rest
    return RawTask(number=number, group=group, cells={"content": rest, **cells}, pages=section.all_pages(),
                   from_body=True)


def _subject_task(section: RawSection, number: str, group: str | None) -> RawTask | None:
    """"3. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp ... tuyên truyền ...": an item of an
    assignment section whose sentence opens with a body (after "Giao", "Đề nghị") is its task;
    the lead is the words before the first predicate, the content the whole item."""
    text = _lone_item(section)
    predicate = _predicate().search(text) if text else None
    lead = agency_heading(text[:predicate.start()].rstrip(" ,;:-")) if predicate else None
    if lead is None or len(lead.split()) < 2:
        return None
    return RawTask(number=number, group=group, cells={"content": text, "lead": lead}, pages=section.all_pages(),
                   from_body=True)


def _assigned_tasks(section: RawSection, number: str, group: str | None) -> list[RawTask]:
    section = _run_in_agency(section)
    heading = agency_heading(section.title)
    if heading is None:
        return []
    assignment = {"lead": heading}
    if m := _lead_and_partners().match(heading):  # "Sở Tài chính chủ trì, phối hợp các sở, ban, ngành"
        assignment = {"lead": m.group("lead"), **({"cooperating": m.group("partners")} if m.group("partners") else {})}
    pages = section.paragraph_pages + [()] * (len(section.paragraphs) - len(section.paragraph_pages))
    paragraphs = _with_own_leads([(p, pg) for p, pg in zip(section.paragraphs, pages) if p.strip()], assignment)
    # Where the items are bullets, an unbulleted paragraph after them closes the
    # section ("Trên đây là Kế hoạch ..."), it is no task; where they are lettered
    # sub-items ("a) ..."), so is every plain paragraph.
    if any(_BULLET.match(p) for p, _, _ in paragraphs):
        paragraphs = [(p, pg, lead) for p, pg, lead in paragraphs if _BULLET.match(p)]
    elif any(not c.children for c in section.children):
        paragraphs = []
    items = [(*_own_lead(_BULLET.sub("", p).strip(), lead), pg) for p, pg, lead in paragraphs]
    items += [(" ".join(filter(None, [c.title, *c.paragraphs])), assignment, c.all_pages())
              for c in section.children if not c.children]
    return [
        RawTask(number=f"{number}.{i}", group=group, cells={"content": item, **roles}, pages=tuple(item_pages),
                from_body=True)
        for i, (item, roles, item_pages) in enumerate(items, start=1)
        if item
    ]


def _with_own_leads(paragraphs: list[tuple[str, tuple]], assignment: dict[str, str]
                    ) -> list[tuple[str, tuple, dict[str, str]]]:
    """Each paragraph with the roles it is assigned: the heading's, or those of the last
    unbulleted label above it ("Các sở, ban, ngành" / "Sở Tài chính:" / "- Chủ trì ..."): a body
    named in the text wins over the collective of its heading. The label lines are no items."""
    out, current = [], assignment
    for text, pages in paragraphs:
        label = text.strip()
        if not _BULLET.match(text) and label.endswith(":") and agency_heading(label) is not None:
            current = {"lead": agency_heading(label)}
            continue
        out.append((text, pages, current))
    return out


def _own_lead(item: str, roles: dict[str, str]) -> tuple[str, dict[str, str]]:
    """An item's content and roles: a run-in body ("Sở Tài chính: chủ trì ...") or an
    assignment sentence ("Giao Sở X chủ trì ...") in the item names its own lead."""
    label, colon, rest = item.partition(":")
    if colon and rest.strip() and len(label) <= MAX_RUN_IN_AGENCY and agency_heading(label) is not None:
        return rest.strip(), {"lead": agency_heading(label)}
    content, fields = split_assignment(item)
    if "lead" in fields and content:
        return content, {k: v for k, v in fields.items() if k in ("lead", "cooperating", "timeframe")}
    return item, roles


def _heading_text(section: RawSection) -> str | None:
    if section.title is None:
        return None
    return f"{section.number}. {section.title}" if section.number else section.title


def tasks_from_sections(sections: list[RawSection]) -> list[RawTask]:
    """Tasks of a plan without a task table, in reading order."""
    tasks: list[RawTask] = []

    def walk(section: RawSection, labels: list[str], parent: RawSection | None) -> None:
        labels = labels + [section.number or ""]
        number = path_number(labels)
        group = _heading_text(parent) if parent else None
        activity = _activity_task(section, number, group)
        if activity:
            tasks.append(activity)
            return
        assigned = _assigned_tasks(section, number, group)
        if assigned:
            tasks.extend(assigned)
            return
        task = _delegated_task(section, number, group)
        if task is None and parent is not None and is_assignment_section(parent.title):
            task = _subject_task(section, number, group)
        if task is not None:
            tasks.append(task)
            return
        for child in section.children:
            walk(child, labels, section)

    for section in sections:
        walk(section, [], None)
    return _short_numbers(tasks)


def _short_numbers(tasks: list[RawTask]) -> list[RawTask]:
    """Number tasks within their top section ("1", "2.1") when that leaves no two alike.

    Items of "II. NHIỆM VỤ" are tasks 1, 2, 3 as printed; only when two top
    sections both hold tasks with the same inner number is the full path kept.
    """
    short = [t.number.split(".", 1)[1] if t.number and "." in t.number else t.number for t in tasks]
    if len(set(short)) != len(short):
        return tasks
    return [replace(t, number=n) for t, n in zip(tasks, short)]
