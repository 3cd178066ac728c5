"""Output file names that are always legal, never shared, and say what they came from.

An archive holds names a filesystem accepts but that leave no room for a suffix
(a 250-byte name plus ".json" is over the 255-byte limit), and names that map to
the same output (x.pdf and x.docx, x.pdf and x.pdf.pdf, a/plan.docx and
b/plan.docx given to one `convert`). Every input gets its own output name here,
before anything is converted, so no output ever overwrites another:

- the preferred name is <stem>.json; inputs that share a stem in one folder keep
  their extension (<name>.json);
- a name longer than MAX_NAME_BYTES is cut at a character boundary and ends in
  "~" plus 8 hex digits of the sha256 of the full name, so two long names that
  share their start still differ;
- an output name already taken (compared without case, as on macOS and Windows)
  goes to the input that sorts first; a later one keeps its extension
  (x.pdf.pdf.json) or, when that is taken too, ends in "~" plus 8 hex digits of
  the hash of its own path; its `renamed` says why.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath

from pipeline.i18n import message

OUTPUT_SUFFIX = ".json"
# The shortest common file-name limit: eCryptfs (encrypted home folders) allows
# 143 bytes; ext4, XFS, APFS and NTFS 255. An output name stays under it whatever
# the input's name, so an output folder on any of them can hold every output.
MAX_NAME_BYTES = 143
# Hex digits of a sha256 in a shortened or de-duplicated name: 32 bits keep
# accidental clashes beyond the size of any archive folder.
HASH_DIGITS = 8


@dataclass(frozen=True)
class OutputName:
    """Where one input's JSON goes, relative to the output folder."""

    path: PurePosixPath
    # Why the output is not at its preferred name (None when it is).
    renamed: str | None = None


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:HASH_DIGITS]


def _utf8_prefix(text: str, max_bytes: int) -> str:
    """The longest prefix of `text` that fits in `max_bytes` of UTF-8, cut between characters."""
    data = text.encode("utf-8", "surrogateescape")[:max_bytes]
    return data.decode("utf-8", "ignore")


def fit_name(base: str, suffix: str = OUTPUT_SUFFIX, tag: str | None = None, limit: int = MAX_NAME_BYTES) -> str:
    """`base` + `suffix`, with "~tag" before the suffix, shortened to `limit` bytes.

    A name that does not fit is cut and tagged with the hash of the full `base`
    (or with `tag` when one is given: it already tells names apart).
    """
    marker = f"~{tag}" if tag else ""
    name = f"{base}{marker}{suffix}"
    if len(name.encode("utf-8", "surrogateescape")) <= limit:
        return name
    marker = f"~{tag or short_hash(base)}"
    room = limit - len(f"{marker}{suffix}".encode())
    return f"{_utf8_prefix(base, room).rstrip(' .')}{marker}{suffix}"


def preferred_names(inputs: dict[str, PurePosixPath]) -> dict[str, PurePosixPath]:
    """<stem>.json per input; <name>.json when another input in its folder has the same stem
    and another extension (x.pdf and x.docx), since the extension then tells them apart."""
    names = {(p.parent, p.stem.casefold(), p.name.casefold()) for p in inputs.values()}
    stems = Counter((parent, stem) for parent, stem, _ in names)
    return {
        key: p.parent / fit_name(p.name if stems[(p.parent, p.stem.casefold())] > 1 else p.stem)
        for key, p in inputs.items()
    }


def assign_outputs(inputs: dict[str, PurePosixPath], reserved: tuple[str, ...] = ()) -> dict[str, OutputName]:
    """A distinct output path for every input.

    `inputs` maps an input's identity (the path as the user gave it, or as the
    report shows it) to where it sits relative to the output folder: its path
    under the batch root, or its bare name for `convert`. `reserved` names (the
    batch report) are never given to an input. The result does not depend on the
    order of `inputs`.
    """
    preferred = preferred_names(inputs)
    taken: dict[str, str] = {name.casefold(): message("naming.batch_report") for name in reserved}
    assigned: dict[str, OutputName] = {}
    for key in sorted(inputs, key=lambda k: (inputs[k].as_posix(), k)):
        want = preferred[key]
        holder = taken.get(want.as_posix().casefold())
        if holder is None:
            chosen, renamed = want, None
        else:
            chosen = _free_name(inputs[key], key, want, taken)
            renamed = message("naming.renamed", chosen=chosen.name, wanted=want.name, holder=holder)
        taken[chosen.as_posix().casefold()] = key
        assigned[key] = OutputName(chosen, renamed)
    return assigned


def _free_name(place: PurePosixPath, key: str, want: PurePosixPath, taken: dict[str, str]) -> PurePosixPath:
    """The input's full name + .json when free, else its preferred name tagged with its hash."""
    with_extension = place.parent / fit_name(place.name)
    if with_extension.as_posix().casefold() not in taken:
        return with_extension
    return want.parent / fit_name(want.name[: -len(OUTPUT_SUFFIX)], tag=short_hash(key))
