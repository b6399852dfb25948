"""Index storage: the in-memory index, its storage engines and the factory that picks one."""

from __future__ import annotations

from pathlib import Path

from index.store.base import IndexData, IndexStore

STORES = ("plainfiles",)


def open_store(index_dir: Path, kind: str = "plainfiles") -> IndexStore:
    """The storage engine ``kind`` over ``index_dir``.

    Raises:
        InputError: For an unknown engine.
    """
    if kind == "plainfiles":
        from index.store.plainfiles import PlainFileStore

        return PlainFileStore(index_dir)
    from partyqa.errors import InputError

    raise InputError(f"unknown index store {kind!r}; available: {', '.join(STORES)}")


__all__ = ["STORES", "IndexData", "IndexStore", "open_store"]
