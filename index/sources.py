"""Where indexed files come from: folders by role, and the source key of every file.

Three roles:

* ``articles``: the configured ``Config.articles_dir``. Keys are paths relative to it
  (``000_x.txt``, ``2020/a.html``), so moving the folder and pointing
  ``PARTYQA_ARTICLES_DIR`` at the new place keeps every key (and every exclusion).
* ``uploads``: ``Config.uploads_dir``, managed by the knowledge base. Keys are
  ``uploads/<name>``. It is always part of an index: no command drops uploaded documents.
* ``extra``: any other folder given to ``partyqa index``. Keys are ``<prefix>/<relative
  path>`` where the prefix is the folder's name, made unique among the extra folders
  (``docs``, ``docs~2``); the manifest records each prefix with its absolute path.

The manifest stores the roles (not absolute paths for ``articles`` and ``uploads``), and
two files never share one key: a later file whose key is taken is reported, not indexed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from partyqa.config import Config

UPLOADS_PREFIX = "uploads"


@dataclass(frozen=True)
class Roots:
    """The folders of one index, by role.

    Attributes:
        articles: Whether ``Config.articles_dir`` is indexed.
        extra: ``(prefix, absolute path)`` of other folders (or single files), in order.
    """

    articles: bool = True
    extra: tuple[tuple[str, Path], ...] = ()

    # ------------------------------------------------------------------ making
    @classmethod
    def from_paths(cls, paths: Iterable[Path], config: Config, previous: Roots | None = None) -> Roots:
        """Roles of the folders given on the command line (or by a caller).

        The articles folder and the uploads folder are recognised by their resolved path;
        every other path becomes an extra root, keeping the prefix ``previous`` gave it.
        """
        articles_dir = _resolve(config.articles_dir)
        uploads_dir = _resolve(config.uploads_dir)
        known = {path: prefix for prefix, path in (previous.extra if previous else ())}
        articles = False
        extra: list[tuple[str, Path]] = []
        for given in paths:
            path = _resolve(given)
            if path == articles_dir:
                articles = True
            elif path == uploads_dir or path in {p for _, p in extra}:
                continue
            else:
                extra.append((known.get(path, ""), path))
        return cls(articles, _unique_prefixes(extra))

    @classmethod
    def from_manifest(cls, manifest: dict | None, config: Config) -> Roots | None:
        """The roots a manifest recorded, or None when it recorded none.

        Manifests written before roles were recorded hold a list of absolute folders: the
        articles folder and the uploads folder are recognised by path, and a recorded folder
        that no longer exists is taken for a moved articles folder.
        """
        if not isinstance(manifest, dict):
            return None
        raw = manifest.get("roots")
        if isinstance(raw, dict):
            extra = [(str(e.get("prefix", "")), Path(str(e.get("path", ""))))
                     for e in raw.get("extra", []) if isinstance(e, dict) and e.get("path")]
            return cls(bool(raw.get("articles")), _unique_prefixes(extra))
        if isinstance(raw, list) and raw:
            paths = [Path(str(p)) for p in raw]
            roots = cls.from_paths(paths, config)
            if not roots.articles:
                gone = [p for p in paths if not p.exists()]
                if gone:
                    roots = cls(True, tuple(e for e in roots.extra if e[1] != gone[0]))
            return roots
        return None

    def to_manifest(self, config: Config) -> dict:
        """What the manifest records (absolute paths of articles and uploads are informational)."""
        return {
            "articles": str(_resolve(config.articles_dir)) if self.articles else None,
            "uploads": str(_resolve(config.uploads_dir)),
            "extra": [{"prefix": prefix, "path": str(path)} for prefix, path in self.extra],
        }

    # ------------------------------------------------------------------ files
    def files(self, config: Config) -> tuple[list[tuple[str, Path]], list[str]]:
        """Every supported file of these roots with its source key.

        Uploads come first, then the articles, then the extra folders. A file reached twice
        (a folder inside another) is listed once; a file whose key is already taken is
        reported instead of listed.

        Returns:
            ``(key, path)`` pairs sorted by key, and messages about skipped files.
        """
        from index.ingest.files import find_files, is_supported

        internal = [_resolve(config.index_dir), _resolve(config.models_dir), _resolve(config.uploads_dir)]
        groups: list[tuple[str, Path, list[Path]]] = []
        uploads = _resolve(config.uploads_dir)
        if uploads.is_dir():
            # Flat, and every supported name counts: an uploaded README.md is a document.
            listed = [p for p in uploads.iterdir() if p.is_file() and not p.name.startswith(".")
                      and p.suffix.lower() in _suffixes()]
            groups.append((UPLOADS_PREFIX, uploads, listed))
        if self.articles:
            root = _resolve(config.articles_dir)
            groups.append(("", root, find_files([root])))
        for prefix, path in self.extra:
            base = path if path.is_dir() else path.parent
            found = find_files([path]) if path.is_dir() else [path] if path.is_file() and is_supported(path) else []
            groups.append((prefix, base, found))
        out: dict[str, Path] = {}
        seen: set[Path] = set()
        skipped: list[str] = []
        for prefix, base, found in groups:
            for path in sorted(found):
                resolved = _resolve(path)
                if resolved in seen or (prefix != UPLOADS_PREFIX and _inside_any(resolved, internal)):
                    continue
                seen.add(resolved)
                rel = resolved.relative_to(base).as_posix() if resolved.is_relative_to(base) else resolved.name
                key = f"{prefix}/{rel}" if prefix else rel
                if key in out:
                    skipped.append(f"{key}: another file already has this name in the index; not indexed")
                    continue
                out[key] = path
        return sorted(out.items()), skipped


def upload_key(name: str) -> str:
    """The source key of the uploaded file ``name``."""
    return f"{UPLOADS_PREFIX}/{name}"


def upload_name(key: str) -> str | None:
    """The file name of an upload's source key, or None for other keys."""
    prefix = UPLOADS_PREFIX + "/"
    return key[len(prefix):] if key.startswith(prefix) and "/" not in key[len(prefix):] else None


def _suffixes() -> tuple[str, ...]:
    from index.ingest.files import SUPPORTED_SUFFIXES

    return SUPPORTED_SUFFIXES


def _resolve(path: Path | str) -> Path:
    return Path(os.path.abspath(Path(path).expanduser())).resolve()


def _inside_any(path: Path, folders: list[Path]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def _unique_prefixes(extra: list[tuple[str, Path]]) -> tuple[tuple[str, Path], ...]:
    """Give every extra root a prefix of its own (its folder name, then ``name~2``, …)."""
    taken = {UPLOADS_PREFIX}
    out = []
    for prefix, path in extra:
        if not prefix or prefix in taken or "/" in prefix:
            base = (path.parent if path.is_file() else path).name or "root"
            prefix, n = base, 2
            while prefix in taken:
                prefix, n = f"{base}~{n}", n + 1
        taken.add(prefix)
        out.append((prefix, path))
    return tuple(out)
