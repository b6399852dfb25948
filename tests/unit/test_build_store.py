"""Plumbing tests of the index build: incremental updates, atomic writes, model checks.

These use a fake embedder (plumbing only); the real model is exercised in the
end-to-end tests.
"""

import json
import shutil

import pytest

from index.build import build_index
from index.store import plainfiles as store
from partyqa.errors import IndexMismatchError, IndexMissingError, InputError, NotFoundError, QueryError, TooLargeError
from retrieval.engine import Engine
from retrieval.knowledge import KnowledgeBase
from tests.fakes import FakeEmbedder


def test_build_writes_plain_files_and_manifest(corpus, config):
    emb = FakeEmbedder()
    report = build_index([corpus], config, emb)
    assert report.articles == 3 and report.chunks >= 3 and not report.errors
    build = store.PlainFileStore(config.index_dir).current_build()
    names = {p.name for p in build.iterdir()}
    assert {"manifest.json", "chunks.jsonl", "articles.jsonl", "vectors.npy", "faiss.index",
            "bm25_vocab.json", "bm25_tf.npz"} <= names
    assert not any(n.endswith((".pkl", ".pickle")) for n in names)
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"] == emb.name and manifest["dimension"] == emb.dim
    assert manifest["vector_index"]["kind"] == "flat"
    assert manifest["counts"] == {"articles": 3, "chunks": report.chunks, "vectors": report.chunks}
    data = store.PlainFileStore(config.index_dir).load(emb.name, emb.fingerprint)
    assert data.vectors.shape == (report.chunks, emb.dim)
    gbk = [a for a in data.articles.values() if a.source == "c.txt"][0]
    assert "22个" in gbk.text and gbk.encoding.lower().replace("-", "") in {"gb18030", "gbk", "gb2312"}


def test_incremental_build_embeds_only_new_text(corpus, config):
    emb = FakeEmbedder()
    first = build_index([corpus], config, emb)
    emb.embedded.clear()
    second = build_index([corpus], config, emb)
    assert second.embedded == 0 and emb.embedded == [] and len(second.unchanged) == 3
    (corpus / "d.txt").write_text("中原区莲湖街道拆除棚亭杂屋12间560平方米。", encoding="utf-8")
    (corpus / "b.md").unlink()
    third = build_index([corpus], config, emb)
    assert third.added == ["d.txt"] and third.removed == ["b.md"]
    assert third.embedded == len(emb.embedded) == 1
    assert third.articles == 3
    emb.embedded.clear()
    rebuilt = build_index([corpus], config, emb, rebuild=True)
    assert rebuilt.embedded == rebuilt.chunks and first.chunks >= 1


def test_unreadable_file_is_reported_and_the_rest_goes_on(corpus, config):
    (corpus / "bad.txt").write_bytes(bytes(range(256)) * 4)
    report = build_index([corpus], config, FakeEmbedder())
    assert report.articles == 3
    assert len(report.errors) == 1 and "bad.txt" in report.errors[0]


def test_identical_and_near_duplicate_articles(corpus, config):
    shutil.copy(corpus / "a.txt", corpus / "a_copy.txt")
    text = (corpus / "a.txt").read_text(encoding="utf-8")
    (corpus / "a_reprint.txt").write_text("转载：" + text + "（来源：某网站）", encoding="utf-8")
    report = build_index([corpus], config, FakeEmbedder())
    kinds = sorted(d["kind"] for d in report.duplicates)
    assert kinds == ["identical", "near"]
    assert report.articles == 4  # the exact copy is indexed once
    engine = Engine(config, FakeEmbedder())
    engine.reload()
    hits = engine.search("非公企业党组织416个", top_k=5)
    texts = [h.text for h in hits]
    assert sum("416个" in t for t in texts) == 1, "a reprinted passage must not appear twice"


def test_crash_mid_build_keeps_previous_index(corpus, config, monkeypatch):
    emb = FakeEmbedder()
    build_index([corpus], config, emb)
    before = store.PlainFileStore(config.index_dir).current_build()
    (corpus / "d.txt").write_text("新文章：中原区党建引领基层治理。", encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store.BM25Index, "save", boom)
    with pytest.raises(RuntimeError):
        build_index([corpus], config, emb)
    assert store.PlainFileStore(config.index_dir).current_build() == before
    data = store.PlainFileStore(config.index_dir).load(emb.name, emb.fingerprint)
    assert data.manifest["counts"]["articles"] == 3
    assert not [p for p in config.index_dir.iterdir() if p.name.endswith(".partial")]


def test_loading_with_another_model_fails_with_rebuild_hint(corpus, config):
    build_index([corpus], config, FakeEmbedder())
    with pytest.raises(IndexMismatchError, match="partyqa index --rebuild"):
        store.PlainFileStore(config.index_dir).load("BAAI/bge-small-zh-v1.5", None)
    with pytest.raises(IndexMismatchError, match="fingerprint"):
        store.PlainFileStore(config.index_dir).load("fake-bigram", "other")
    with pytest.raises(IndexMissingError, match="partyqa index"):
        store.PlainFileStore(config.index_dir.parent / "nothing").load()


def test_large_index_switches_to_hnsw(corpus, config):
    config = config.replace(exact_max_vectors=1)
    build_index([corpus], config, FakeEmbedder())
    data = store.PlainFileStore(config.index_dir).load()
    assert data.manifest["vector_index"]["kind"] == "hnsw"
    _scores, ids = data.ann.search(data.vectors[:1], 2)
    assert ids[0][0] == 0


def test_engine_search_filters_and_errors(corpus, config):
    build_index([corpus], config, FakeEmbedder())
    engine = Engine(config, FakeEmbedder())
    engine.reload()
    hits = engine.search("党组织", top_k=5, filters={"district": "荷塘区"})
    assert hits and all("荷塘区" in (h.district + h.text) for h in hits)
    assert engine.search("党组织", filters={"doc_ids": ["nope"]}) == []
    for bad in ("", "   ", "问" * 5000):
        with pytest.raises(InputError):
            engine.search(bad)
    with pytest.raises(QueryError):
        engine.search("党组织", top_k=0)
    with pytest.raises(ValueError, match="unknown filter"):
        engine.search("党组织", filters={"colour": "red"})
    with pytest.raises(ValueError, match="date"):
        engine.search("党组织", filters={"date_from": "yesterday"})


def test_engine_upload_and_delete(corpus, config):
    config = config.replace(articles_dir=corpus)
    build_index([corpus], config, FakeEmbedder())
    engine = Engine(config, FakeEmbedder())
    engine.reload()
    kb = KnowledgeBase(engine)
    report = kb.add_files([("new.txt", "云龙示范区打造300个党员示范户。".encode())])
    assert report.articles == 4
    doc = [d for d in kb.documents() if d["source"] == "uploads/new.txt"][0]
    assert doc["chunks"] == 1
    for name in ("../evil.txt", "a/b.txt", "/etc/passwd.txt", "x.exe", ".hidden.txt", "nul\x00.txt"):
        with pytest.raises(InputError):
            kb.add_files([(name, b"abc")])
    with pytest.raises(TooLargeError):
        kb.add_files([("big.txt", b"x" * (config.max_upload_bytes + 1))])
    kb.delete_document(doc["doc_id"])
    assert "uploads/new.txt" not in {d["source"] for d in kb.documents()}
    assert not (kb.uploads_dir / "new.txt").exists()
    bundled = [d for d in kb.documents() if d["source"] == "a.txt"][0]
    kb.delete_document(bundled["doc_id"])
    assert "a.txt" not in {d["source"] for d in kb.documents()}
    assert (corpus / "a.txt").exists(), "deleting from the knowledge base never deletes bundled files"
    kb.reindex()
    assert "a.txt" not in {d["source"] for d in kb.documents()}, "the exclusion survives a re-sync"
    with pytest.raises(NotFoundError):
        kb.delete_document("unknown")


def test_failed_upload_loses_nothing(corpus, config, monkeypatch):
    config = config.replace(articles_dir=corpus)
    build_index([corpus], config, FakeEmbedder())
    engine = Engine(config, FakeEmbedder())
    engine.reload()
    kb = KnowledgeBase(engine)
    before = kb.documents()

    def boom(*a, **k):
        raise RuntimeError("embedding failed")

    monkeypatch.setattr(engine.embedder, "encode_passages", boom)
    with pytest.raises(RuntimeError):
        kb.add_files([("new.txt", "新上传的文章内容，关于党建。".encode())])
    assert kb.documents() == before
    assert not (kb.uploads_dir / "new.txt").exists()
    engine.reload()
    assert kb.documents() == before


def test_changed_ingest_version_rereads_articles_but_reuses_vectors(corpus, config, monkeypatch):
    import index.build as build_mod

    emb = FakeEmbedder()
    build_index([corpus], config, emb)
    emb.embedded.clear()
    monkeypatch.setattr(build_mod, "INGEST_VERSION", build_mod.INGEST_VERSION + 1)
    report = build_index([corpus], config, emb)
    assert sorted(report.added) == ["a.txt", "b.md", "c.txt"] and not report.unchanged
    assert report.embedded == 0 and emb.embedded == []
    assert store.PlainFileStore(config.index_dir).read_manifest()["ingest_version"] == build_mod.INGEST_VERSION
