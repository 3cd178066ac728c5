"""Tests for pipeline.data: the one loader of the vocabularies."""
from __future__ import annotations

import pytest
import yaml

from pipeline.data import DATA_DIR, load_yaml

PACKAGED_YAML = sorted(p.name for p in DATA_DIR.glob("*.yaml"))


@pytest.mark.parametrize("name", PACKAGED_YAML)
def test_yaml_loads_as_the_pure_python_safe_loader_does(name: str) -> None:
    # load_yaml parses with libyaml where PyYAML has it: every packaged file must read the same,
    # types and order included
    expected = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    assert repr(load_yaml(name)) == repr(expected)
