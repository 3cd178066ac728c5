"""A sentence in an agency's place ("Sở Xây dựng là cơ quan chủ trì, đầu mối ..."): the body is
the words before the predicate; the rest is no agency, and a warning says so (the cell keeps the
whole text, so nothing is lost)."""
from __future__ import annotations

import re
from functools import cache

from pipeline.data.messages import message
from pipeline.data import load_yaml
from pipeline.text import whole_words
from pipeline.warnings import PlanWarning

# Fewer words than this before a predicate cannot be a body's name ("Cơ quan chủ trì" is a label).
MIN_NAME_WORDS = 2


@cache
def _predicate() -> re.Pattern[str]:
    """A lower-case predicate as a whole word (case-sensitive: "Ban Chỉ đạo" is a name)."""
    return whole_words(load_yaml("agency_grammar.yaml")["predicates"])


@cache
def _name_nouns() -> re.Pattern[str]:
    """A noun right before the predicate that makes it part of a name ("Đơn vị phối hợp")."""
    nouns = sorted(load_yaml("agency_grammar.yaml")["predicate_nouns"], key=len, reverse=True)
    return re.compile(rf"(?:^|\s)(?:{'|'.join(map(re.escape, nouns))})\s*$", re.I)


def cut_sentence(text: str) -> tuple[str, PlanWarning | None]:
    """(the body's name, a warning) for a sentence; (text, None) for a name."""
    match = _predicate().search(text)
    if match is None:
        return text, None
    name = text[:match.start()].rstrip(" ,;:-")
    if len(name.split()) < MIN_NAME_WORDS or _name_nouns().search(name):
        return text, None  # the first predicate is part of a name: so is what follows it
    rest = text[match.start():].strip()
    return name, PlanWarning("agency_sentence",
                             message("warning.agency_sentence", name=repr(name), rest=repr(rest[:80])))
