"""The configuration object, the error tree and the input checks."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from partyqa.config import Config, ConfigError
from partyqa.errors import (
    FilterError,
    IndexCorruptError,
    IndexLoadError,
    InputError,
    NotReadyError,
    PartyQAError,
    QueryError,
    ReadError,
    TooLargeError,
    UnsupportedTypeError,
)
from retrieval.inputs import check_file_content, check_file_name, check_history, check_question, check_top_k


def test_config_is_frozen_and_derives_index_dir(tmp_path):
    cfg = Config(data_dir=tmp_path)
    assert cfg.index_dir == tmp_path / "index" and cfg.uploads_dir == tmp_path / "uploads"
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.port = 1
    moved = cfg.replace(data_dir=tmp_path / "other")
    assert moved.index_dir == tmp_path / "other" / "index"


def test_config_from_env_converts_types_and_checks_choices(tmp_path):
    env = {"PARTYQA_DATA_DIR": str(tmp_path), "PARTYQA_PORT": "9000", "PARTYQA_FUSION_ALPHA": "0.3",
           "PARTYQA_INDEX_DIR": str(tmp_path / "idx"), "PARTYQA_BACKEND": "torch"}
    cfg = Config.from_env(env)
    assert cfg.port == 9000 and cfg.fusion_alpha == 0.3 and cfg.index_dir == Path(tmp_path / "idx")
    assert cfg.backend == "torch"
    with pytest.raises(ConfigError, match="backend"):
        Config.from_env({"PARTYQA_BACKEND": "cuda"})
    with pytest.raises(ConfigError, match="fusion_method"):
        Config(fusion_method="magic")
    with pytest.raises(ConfigError, match="PARTYQA_PORT"):
        Config.from_env({"PARTYQA_PORT": "eighty"})


def test_error_tree_statuses():
    assert issubclass(QueryError, InputError) and issubclass(FilterError, InputError)
    assert issubclass(IndexCorruptError, IndexLoadError) and issubclass(IndexLoadError, NotReadyError)
    assert (InputError.http_status, TooLargeError.http_status, NotReadyError.http_status) == (400, 413, 503)
    assert UnsupportedTypeError("x").code == "unsupported_type"
    err = ReadError(Path("/secret/dir/a.txt"), "cannot decode")
    assert "/secret" not in str(err) and "a.txt" in str(err) and isinstance(err, PartyQAError)


def test_check_question():
    assert check_question("  天桥区？ ", 100) == "天桥区？"
    for bad in ("", "   ", None, 5, "问" * 101):
        with pytest.raises(QueryError):
            check_question(bad, 100)
    with pytest.raises(TooLargeError):
        check_question("问" * 4000, 10_000)
    with pytest.raises(QueryError, match="invalid characters"):
        check_question("天桥\ud800区", 100)


def test_check_top_k_and_history():
    assert check_top_k(5) == 5
    for bad in (0, 51, True, "5", 2.0):
        with pytest.raises(QueryError):
            check_top_k(bad)
    turns = check_history([{"question": f"q{i}", "answer": "a"} for i in range(8)] + [("q", "a")])
    assert len(turns) == 5 and turns[-1] == {"question": "q", "answer": "a"}
    for bad in ("text", [{"question": 5}], [[1, 2, 3]], [{"question": "\udc80"}]):
        with pytest.raises(QueryError):
            check_history(bad)


def test_check_file_name_and_content():
    suffixes = (".txt", ".html")
    assert check_file_name("报道.txt", suffixes) == "报道.txt"
    for bad in ("../a.txt", "a/b.txt", "C:x.txt", ".hidden.txt", "a\x00.txt", "", "..", "新" * 80 + ".txt"):
        with pytest.raises(InputError):
            check_file_name(bad, suffixes)
    with pytest.raises(UnsupportedTypeError):
        check_file_name("a.exe", suffixes)
    with pytest.raises(TooLargeError):
        check_file_content("a.txt", b"x" * 11, 10)
    with pytest.raises(InputError, match="empty"):
        check_file_content("a.txt", b" \n ", 10)
