"""Tests for pipeline.data: the one loader of the vocabularies."""
from __future__ import annotations

import os
import time
from pathlib import Path

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


# --- the disk cache ----------------------------------------------------------------------------

from pipeline.data import disk_cache  # noqa: E402
from pipeline.data.disk_cache import CACHE_DIR_ENV, remembered  # noqa: E402


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_DIR_ENV, str(folder))
    return folder


def counting(value):
    """A build that counts its calls."""
    calls = []

    def build():
        calls.append(1)
        return value
    return build, calls


def test_a_value_is_built_once_and_read_back(cache):
    build, calls = counting({"a": [1, "hai", None, True, 2.5]})
    assert remembered("test", ["source"], build) == {"a": [1, "hai", None, True, 2.5]}
    assert remembered("test", ["source"], build) == {"a": [1, "hai", None, True, 2.5]}
    assert len(calls) == 1 and len(list(cache.glob("test-*.json"))) == 1


# (sources of the first value, sources of the second): each is a different cache entry
DIFFERENT_SOURCES = [
    (["a"], ["b"]),  # another text
    (["ab", "c"], ["a", "bc"]),  # the same characters cut elsewhere
    (["a"], ["a", ""]),  # one source more
]


@pytest.mark.parametrize(("first", "second"), DIFFERENT_SOURCES)
def test_other_sources_are_another_entry(cache, first, second):
    assert remembered("test", first, lambda: "first") == "first"
    assert remembered("test", second, lambda: "second") == "second"
    assert remembered("test", first, lambda: "built again") == "first"


def test_a_damaged_file_is_built_again(cache):
    remembered("test", ["s"], lambda: [1, 2])
    (path,) = cache.glob("test-*.json")
    path.write_text('[1, 2', encoding="utf-8")  # cut short
    assert remembered("test", ["s"], lambda: [3]) == [3]
    assert remembered("test", ["s"], lambda: [4]) == [3]  # and kept whole again


def test_a_value_json_cannot_give_back_is_not_kept(cache):
    build, calls = counting({"when": (2025, 1)})  # a tuple comes back a list
    assert remembered("test", ["s"], build) == {"when": (2025, 1)}
    assert remembered("test", ["s"], build) == {"when": (2025, 1)}
    assert len(calls) == 2 and not list(cache.glob("test-*.json"))


def _age(path, days: float) -> None:
    then = time.time() - days * disk_cache.DAY
    os.utime(path, (then, then))


def test_files_unread_for_a_month_are_cleared_when_a_kind_writes(cache):
    remembered("test", ["old"], lambda: "old")
    remembered("test", ["in use"], lambda: "in use")
    remembered("other", ["old"], lambda: "other kind")
    for path in cache.glob("*.json"):
        _age(path, disk_cache.UNUSED_DAYS + 1)
    (cache / "notes.json").write_text("{}", encoding="utf-8")  # not a name the cache writes
    _age(cache / "notes.json", 400)
    assert remembered("test", ["in use"], lambda: "built again") == "in use"  # a read marks it used
    remembered("test", ["new"], lambda: "new")
    assert remembered("test", ["old"], lambda: "built again") == "built again"  # cleared
    assert remembered("test", ["in use"], lambda: "built again") == "in use"  # kept
    assert remembered("other", ["old"], lambda: "built again") == "other kind"  # another kind: kept
    assert (cache / "notes.json").exists()


def test_a_killed_writers_temporary_file_is_cleared(cache):
    remembered("test", ["a"], lambda: 1)
    (path,) = cache.glob("test-*.json")
    left = cache / f".4242-{path.name}"
    left.write_text("[1", encoding="utf-8")
    _age(left, 2)
    remembered("test", ["b"], lambda: 2)
    assert not left.exists() and path.exists()


def test_no_cache_folder_builds_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    build, calls = counting(1)
    assert remembered("test", ["s"], build) == remembered("test", ["s"], build) == 1
    assert len(calls) == 2


def test_a_folder_that_cannot_be_written_builds_the_value(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))
    assert remembered("test", ["s"], lambda: {"ok": 1}) == {"ok": 1}


def test_unreadable_code_keeps_nothing(cache):
    assert disk_cache.code_texts(object()) is None  # no source file to read
    build, calls = counting(1)
    remembered("test", None, build)
    remembered("test", None, build)
    assert len(calls) == 2 and not cache.exists()


def test_a_yaml_date_is_parsed_but_not_cached(cache):
    # a --data file may hold what JSON cannot (a date): it is read right every time
    from pipeline.data import _yaml

    folder = cache.parent / "data"
    folder.mkdir()
    (folder / "dated.yaml").write_text("since: 2025-07-01\nwords: [a, b]\n", encoding="utf-8")
    loaded = _yaml.__wrapped__("dated.yaml", str(folder), None)
    assert repr(loaded) == "{'since': datetime.date(2025, 7, 1), 'words': ['a', 'b']}"
    assert not list(cache.glob("yaml-*.json"))


# --- the gazetteer's index, kept on disk ------------------------------------------------------

from pipeline.normalize.gazetteer import Gazetteer  # noqa: E402

TINY = Path(__file__).parent / "fixtures" / "gazetteer_tiny"


def tables(gaz: Gazetteer) -> tuple:
    """Everything the gazetteer's lookups read, comparable."""
    return gaz.provinces, gaz.rows, gaz.groups[0], [(p.pattern, r) for p, r in gaz.groups[1]]


@pytest.mark.parametrize("data_dir", [None, TINY], ids=["package", "tiny"])
def test_the_index_from_disk_gives_the_tables_a_build_gives(cache, monkeypatch, data_dir):
    built = tables(Gazetteer(data_dir))  # the cache is empty: built and kept
    assert list(cache.glob("gazetteer-*.json"))
    assert tables(Gazetteer(data_dir)) == built  # read back
    monkeypatch.setenv(CACHE_DIR_ENV, "")
    assert tables(Gazetteer(data_dir)) == built  # and as without a cache


def test_each_data_folder_has_its_own_index(cache, tmp_path):
    # the package's index, then a folder whose agencies.csv names one more body: no index is
    # read for data it was not built from
    package = Gazetteer()
    assert package.lookup(package.agency_key("Sở Kinh tế số Lâm Đồng")) is None
    folder = tmp_path / "data"
    folder.mkdir()
    own = (DATA_DIR / "agencies.csv").read_text(encoding="utf-8")
    (folder / "agencies.csv").write_text(own + "so-kinh-te-so,Sở Kinh tế số,agency,province,,,,,,\n", encoding="utf-8")
    other = Gazetteer(folder)
    assert other.lookup(other.agency_key("Sở Kinh tế số Lâm Đồng")) is not None
    assert len(list(cache.glob("gazetteer-*.json"))) == 2
    assert Gazetteer().lookup(package.agency_key("Sở Kinh tế số Lâm Đồng")) is None
