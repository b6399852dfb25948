"""A damaged index is refused with the command that rebuilds it, and the rebuild loses nothing
(issue 11, items 7 and 10; progress lines of ``partyqa index``)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from index.build import build_index
from index.store import plainfiles as store
from partyqa.errors import IndexCorruptError
from retrieval.engine import Engine
from retrieval.knowledge import KnowledgeBase
from tests.fakes import FakeEmbedder

INDEX_FILES = ["faiss.index", "chunks.jsonl", "articles.jsonl", "vectors.npy", "bm25_tf.npz", "bm25_vocab.json",
               "manifest.json", "examples.json"]


def live_build(config):
    return store.PlainFileStore(config.index_dir).current_build()


def damage(path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "truncate":
        path.write_bytes(bytes(data[: len(data) // 2]))
    else:  # flip 4 KB (or all of a small file) in the middle, keeping the length
        start = max(0, len(data) // 2 - 2048)
        for i in range(start, min(len(data), start + 4096)):
            data[i] ^= 0x20 if path.suffix in (".json", ".jsonl") and 0x41 <= data[i] <= 0x7A else 0x01
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncate", "flip"])
@pytest.mark.parametrize("name", INDEX_FILES)
def test_every_damaged_file_is_refused_with_the_rebuild_command(corpus, config, name, how):
    """Item 10: truncated or flipped, every file of a build fails clearly, never silently."""
    emb = FakeEmbedder()
    build_index([corpus], config, emb)
    damage(live_build(config) / name, how)
    with pytest.raises(IndexCorruptError, match="partyqa index --rebuild") as caught:
        store.PlainFileStore(config.index_dir).load(emb.name, emb.fingerprint)
    assert str(config.index_dir.parent) not in caught.value.message


def test_a_manifest_edited_into_other_valid_json_is_refused(corpus, config):
    """Item 10: the manifest has a checksum of its own (a flip can leave valid JSON)."""
    emb = FakeEmbedder()
    build_index([corpus], config, emb)
    path = live_build(config) / "manifest.json"
    text = path.read_text(encoding="utf-8")
    digit = next(i for i, ch in enumerate(text) if ch.isdigit() and text[i - 1] == "-" and i > text.index("built_at"))
    path.write_text(text[:digit] + str((int(text[digit]) + 1) % 10) + text[digit + 1:], encoding="utf-8")
    json.loads(path.read_text(encoding="utf-8"))  # still valid JSON
    with pytest.raises(IndexCorruptError, match=r"manifest\.json does not match its checksum"):
        store.PlainFileStore(config.index_dir).load(emb.name, emb.fingerprint)


def _with_upload_and_deletion(corpus, config):
    """An index holding an upload and a deletion of a bundled article."""
    build_index([corpus], config, FakeEmbedder())
    engine = Engine(config, FakeEmbedder())
    engine.reload()
    kb = KnowledgeBase(engine)
    kb.add_files([("mine.txt", "鼓楼区党员志愿服务队开展活动20次。".encode())])
    kb.delete_document(next(d["doc_id"] for d in kb.documents() if d["source"] == "b.md"))
    return {d["source"] for d in kb.documents()}


@pytest.mark.parametrize("damaged", ["CURRENT-missing", "vectors.npy", "manifest.json"])
def test_a_damaged_index_is_never_rebuilt_over_user_documents(corpus, config, damaged):
    """Item 7: start-up refuses a damaged index; builds and uploads stay as they were."""
    _with_upload_and_deletion(corpus, config)
    if damaged == "CURRENT-missing":
        (config.index_dir / "CURRENT").unlink()
    else:
        damage(live_build(config) / damaged, "flip")
    builds = sorted(p.name for p in config.index_dir.iterdir())
    with pytest.raises(IndexCorruptError, match="partyqa index --rebuild"):
        Engine.open(config, FakeEmbedder(), build_if_missing=True)
    with pytest.raises(IndexCorruptError):
        build_index([corpus], config, FakeEmbedder())
    assert sorted(p.name for p in config.index_dir.iterdir()) == builds
    assert (config.uploads_dir / "mine.txt").exists()


def test_the_server_start_fails_with_a_message_not_a_traceback(corpus, config, capsys, monkeypatch):
    """Item 7: ``partyqa serve`` on a damaged index exits 2 with the recovery command."""
    import app.server as server
    import index.embed

    _with_upload_and_deletion(corpus, config)
    damage(live_build(config) / "chunks.jsonl", "truncate")
    monkeypatch.setattr(index.embed, "get_embedder", lambda *a, **k: FakeEmbedder())
    with pytest.raises(SystemExit) as exited:
        server.serve(config)
    err = capsys.readouterr().err
    assert exited.value.code == 2 and "partyqa index --rebuild" in err and "Traceback" not in err


def _cli(config, monkeypatch, *args):
    import index.embed
    from app.cli import cli

    monkeypatch.setattr(index.embed, "get_embedder", lambda *a, **k: FakeEmbedder())
    monkeypatch.setenv("PARTYQA_ARTICLES_DIR", str(config.articles_dir))
    return CliRunner().invoke(cli, ["--data-dir", str(config.data_dir), "index", *args])


def test_partyqa_index_rebuild_recovers_uploads_and_deletions(corpus, config, monkeypatch):
    """Item 7: the recovery command keeps the recorded folders, uploads and deletions."""
    expected = _with_upload_and_deletion(corpus, config)
    damage(live_build(config) / "faiss.index", "flip")
    refused = _cli(config, monkeypatch)
    assert refused.exit_code == 2 and "partyqa index --rebuild" in refused.output
    done = _cli(config, monkeypatch, "--rebuild")
    assert done.exit_code == 0, done.output
    engine = Engine(config, FakeEmbedder())
    engine.reload()
    assert {a.source for a in engine.snapshot.data.articles.values()} == expected


def test_a_rebuild_finds_the_folders_when_the_live_manifest_is_damaged(corpus, config, monkeypatch):
    """Item 7: the recorded folders and deletions come from an older intact build."""
    expected = _with_upload_and_deletion(corpus, config)
    damage(live_build(config) / "manifest.json", "truncate")
    assert _cli(config, monkeypatch, "--rebuild").exit_code == 0
    engine = Engine(config, FakeEmbedder())
    engine.reload()
    assert {a.source for a in engine.snapshot.data.articles.values()} == expected


def test_a_model_change_rebuilds_from_the_recorded_folders(corpus, config):
    """Item 7: an index of another model is rebuilt with its uploads and deletions."""
    expected = _with_upload_and_deletion(corpus, config)
    report = build_index(None, config, FakeEmbedder(name="other-model"))
    assert report.embedded == report.chunks
    assert {a.source for a in report.data.articles.values()} == expected


def test_partyqa_index_prints_progress_lines_when_not_on_a_terminal(corpus, config, monkeypatch):
    """Also: without a terminal, long runs print periodic progress lines."""
    result = _cli(config, monkeypatch, str(corpus))
    assert result.exit_code == 0, result.output
    assert "[partyqa] 生成向量 embed: 0/" in result.output and "[partyqa] 写入索引 index: 1/1" in result.output
    manifest = json.loads((live_build(config) / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["roots"]["articles"] and manifest["roots"]["extra"] == []
