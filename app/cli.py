"""The ``partyqa`` command line: index, search, ask, eval and serve.

Every option falls back to a ``PARTYQA_*`` environment variable (see
:class:`partyqa.config.Config`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from app.serialize import answer_json, hit_json
from partyqa.config import Config
from partyqa.errors import InputError, PartyQAError
from partyqa.progress import terminal_progress


def _config(ctx: click.Context) -> Config:
    """The config object shared by subcommands."""
    return ctx.obj


def _fail(message: str) -> None:
    """Print an error and exit with status 2."""
    click.echo(f"错误 / error: {message}", err=True)
    sys.exit(2)


def _engine(cfg: Config, build_if_missing: bool = False):
    """Open the engine, turning known errors into clear messages."""
    from retrieval.engine import Engine

    try:
        return Engine.open(cfg, build_if_missing=build_if_missing, progress=terminal_progress())
    except PartyQAError as exc:
        _fail(exc.message)


@click.group()
@click.option("--data-dir", type=click.Path(path_type=Path), envvar="PARTYQA_DATA_DIR",
              help="Working directory (index, model cache, uploads).")
@click.option("--model", envvar="PARTYQA_MODEL", help="Embedding model name or path.")
@click.version_option(package_name="partyqa")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, model: str | None) -> None:
    """partyqa: ask questions about party-building news articles and get cited answers."""
    try:
        ctx.obj = Config.from_env(data_dir=data_dir, model=model)
    except PartyQAError as exc:
        _fail(exc.message)


@cli.command("index")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--rebuild", is_flag=True,
              help="Ignore the existing index (also a damaged one) and embed everything again; the recorded "
                   "folders, uploaded files and deletions are kept.")
@click.pass_context
def index_cmd(ctx: click.Context, paths: tuple[Path, ...], rebuild: bool) -> None:
    """Index the articles under PATHS (default: the folders the index records, else data/articles).

    Uploaded documents are always kept. Progress is drawn as bars on a terminal and printed
    as periodic lines otherwise (logs, CI); vectors of an interrupted run are reused.
    """
    from index.build import build_index
    from index.embed import get_embedder

    cfg = _config(ctx)
    try:
        embedder = get_embedder(cfg.model, cfg.models_dir, device=cfg.device, batch_size=cfg.batch_size,
                                threads=cfg.threads, backend=cfg.backend)
        report = build_index(list(paths) or None, cfg, embedder, rebuild=rebuild, progress=terminal_progress())
    except PartyQAError as exc:
        _fail(exc.message)
    for err in report.errors:
        click.echo(f"跳过 / skipped: {err}", err=True)
    for dup in report.duplicates:
        click.echo(f"重复 / duplicate ({dup['kind']}): {dup['duplicate']} ≈ {dup['kept']}", err=True)
    click.echo(
        f"索引完成 / indexed {report.articles} articles, {report.chunks} chunks "
        f"(new/changed files {len(report.added)}, unchanged {len(report.unchanged)}, removed {len(report.removed)}; "
        f"embedded {report.embedded}, reused {report.reused}) → {report.index_path}"
    )


def _read_jsonl():
    """Yield ``(line number, object, error)`` for the JSON lines on stdin."""
    for no, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("expected a JSON object")
            yield no, obj, None
        except ValueError as exc:
            yield no, None, f"line {no}: {exc}"


@cli.command("search")
@click.argument("query", required=False)
@click.option("--top-k", "-k", default=5, show_default=True, type=int)
@click.option("--jsonl", is_flag=True, help="Read {\"query\": ...} lines on stdin, write one JSON line each.")
@click.option("--district", help="Only passages about this district/place.")
@click.option("--publisher", help="Only articles from this publisher.")
@click.pass_context
def search_cmd(ctx, query, top_k, jsonl, district, publisher) -> None:
    """Search passages for QUERY."""
    engine = _engine(_config(ctx))
    filters = {k: v for k, v in (("district", district), ("publisher", publisher)) if v}
    if jsonl:
        for _, obj, err in _read_jsonl():
            try:
                if err:
                    raise InputError(err)
                hits = engine.search(obj.get("query", ""), top_k=int(obj.get("top_k", top_k)),
                                     filters=obj.get("filters") or filters)
                out = {"hits": [hit_json(h) for h in hits]}
            except PartyQAError as exc:
                out = {"error": exc.message, "code": exc.code}
            except (ValueError, TypeError) as exc:
                out = {"error": str(exc), "code": "bad_input"}
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    if query is None:
        _fail("give a query, or use --jsonl")
    try:
        hits = engine.search(query, top_k=top_k, filters=filters)
    except PartyQAError as exc:
        _fail(exc.message)
    for i, h in enumerate(hits, 1):
        meta = "，".join(p for p in (h.publisher, h.date, h.section or h.district, h.source) if p)
        click.echo(f"[{i}] {h.score:.3f} 《{h.title}》（{meta}）\n    {h.text}\n")


@cli.command("ask")
@click.argument("question", required=False)
@click.option("--jsonl", is_flag=True, help="Read {\"question\": ..., \"history\": [...]} lines on stdin.")
@click.option("--district", help="Only passages about this district/place.")
@click.pass_context
def ask_cmd(ctx, question, jsonl, district) -> None:
    """Answer QUESTION with numbered sources."""
    engine = _engine(_config(ctx))
    filters = {"district": district} if district else None
    if jsonl:
        for _, obj, err in _read_jsonl():
            try:
                if err:
                    raise InputError(err)
                ans = engine.ask(obj.get("question", ""), history=obj.get("history") or (),
                                 filters=obj.get("filters") or filters)
                out = answer_json(ans)
            except PartyQAError as exc:
                out = {"error": exc.message, "code": exc.code}
            except (ValueError, TypeError) as exc:
                out = {"error": str(exc), "code": "bad_input"}
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    if question is None:
        _fail("give a question, or use --jsonl")
    try:
        ans = engine.ask(question, filters=filters)
    except PartyQAError as exc:
        _fail(exc.message)
    if ans.resolved_question != question:
        click.echo(f"（理解为：{ans.resolved_question}）")
    click.echo(ans.text)
    if ans.citations:
        click.echo("\n来源：")
        for c in ans.citations:
            meta = "，".join(p for p in (c.publisher, c.date, c.section or c.district, c.source) if p)
            click.echo(f"[{c.n}] 《{c.title}》（{meta}）\n    …{c.text[c.start:c.end]}…")


@cli.command("eval")
@click.option("--set", "set_names", multiple=True,
              help="Labelled set name from tests/eval/sets.json (or a JSON-lines file); default: every set.")
@click.option("--articles", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Articles folder for a set given as a file (default: data/articles).")
@click.option("--retriever", type=click.Choice(["bm25", "dense", "hybrid", "all"]), default="hybrid",
              show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the JSON report here.")
@click.pass_context
def eval_cmd(ctx, set_names, articles, retriever, output) -> None:
    """Score retrieval and answers on the labelled sets, each on its own index, by kind."""
    from retrieval.eval.report import format_report
    from retrieval.eval.run import open_set_engine, run_set
    from retrieval.eval.sets import resolve_sets

    cfg = _config(ctx)
    names = ("bm25", "dense", "hybrid") if retriever == "all" else (retriever,)
    reports = []
    try:
        for evalset in resolve_sets(list(set_names), articles):
            engine = open_set_engine(cfg, evalset, progress=terminal_progress())
            reports.append(run_set(engine, evalset, names))
            click.echo(format_report(reports[-1]) + "\n")
    except PartyQAError as exc:
        _fail(exc.message)
    target = output or (cfg.data_dir / "eval-report.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(reports, ensure_ascii=False, indent=2), encoding="utf-8")
    click.echo(f"JSON report: {target}")


@cli.command("serve")
@click.option("--host", envvar="PARTYQA_HOST", default=None, help="Address to listen on (default 127.0.0.1).")
@click.option("--port", envvar="PARTYQA_PORT", default=None, type=int, help="Port (default 7860).")
@click.option("--allow-no-key", is_flag=True, default=False,
              help="Serve on a non-loopback address without PARTYQA_API_KEY (refused otherwise).")
@click.pass_context
def serve_cmd(ctx, host, port, allow_no_key) -> None:
    """Start the chat UI and the HTTP API; builds the index from data/articles on first start."""
    from app.server import serve

    changes = {k: v for k, v in (("host", host), ("port", port)) if v}
    if allow_no_key:
        changes["allow_no_key"] = True
    serve(_config(ctx).replace(**changes))


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="partyqa")


if __name__ == "__main__":
    main()
