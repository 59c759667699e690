"""The `arkiv` command. A thin layer: parse options, call the library, print. stdout carries data
(text or --json); progress and messages go to stderr. `ArkivError`s become one line and their
exit code; nothing else prints tracebacks at users."""
from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path

import click

from arkiv import cli_search, sync
from arkiv.archive import Archive
from arkiv.config import Config, home_from
from arkiv.output import emit, errors_to_exit, json_option
from arkiv.render import document_text, entry_text
from corpus.errors import InputFileError, UsageError


class Context:
    def __init__(self, home: str | None):
        self.home = home_from(home)
        self._archive: Archive | None = None

    def config(self, **kw) -> Config:
        return Config(home=self.home, **kw)

    def archive(self, **kw) -> Archive:
        if self._archive is None:
            self._archive = Archive(self.config(**kw))
        return self._archive

    # the interface that arkiv.cli_search expects
    @property
    def store(self):
        return self.archive().store

    @property
    def index(self):
        arch = self.archive()
        arch.ensure_index()
        return arch.index


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", envvar="ARKIV_HOME", default=None,
              help="Archive folder (default $ARKIV_HOME, else ./arkiv-data).")
@click.version_option(package_name="protokollarkivet")
@click.pass_context
def cli(ctx: click.Context, home: str | None) -> None:
    """Protokollarkivet: import Swedish municipal minutes, repair OCR, extract the structure,
    search.

    \b
    Example:
      arkiv import protokoll/ && arkiv search "sociala insatsgrupper" --party V
    """
    ctx.obj = Context(home)


@cli.command("import")
@click.argument("paths", nargs=-1, required=True)
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Parallel workers (default: all cores).")
@click.option("--ocr-timeout", type=click.FloatRange(min=1), default=180.0, show_default=True,
              help="Seconds Tesseract may spend on one page.")
@click.option("--lang", "langs", default="swe+eng", show_default=True,
              help="Tesseract languages for scans.")
@click.option("--municipality", help="Municipality for documents that do not state it.")
@click.option("--body", help="Body (nämnd) for documents that do not state it.")
@click.option("--cluster", envvar="ARKIV_CLUSTER", help="Dask scheduler, tcp://HOST:8786.")
@click.option("--shared-paths", is_flag=True,
              help="Cluster workers read files by path (all machines mount the same files).")
@json_option
@click.pass_obj
@errors_to_exit
def import_cmd(obj: Context, paths, jobs, ocr_timeout, langs, municipality, body, cluster,
               shared_paths, as_json) -> None:
    """Import files and folders (recursively): text, PDF, scans and images.

    Each file is imported, unchanged (already in the archive) or failed with a reason.
    Exit 1 when a file failed; the others are still imported.

    \b
    Example:
      arkiv import ~/protokoll/2024 --municipality "Österåkers kommun"
    """
    from arkiv.executor import make_executor
    from arkiv.pipeline import import_paths
    arch = obj.archive(jobs=jobs, ocr_timeout=ocr_timeout, langs=langs, municipality=municipality,
                       body=body, cluster=cluster, shared_paths=shared_paths)
    # connect to the cluster first: an unreachable scheduler must leave the archive untouched
    with make_executor(arch.cfg.workers, arch.cfg.cluster) as ex, arch.writer_lock():
        sync.catch_up(arch.store, arch.index, thorough=True)
        report = import_paths(paths, arch.cfg, arch.store, arch.index, _progress_bar(), ex)
    if as_json:
        emit(report.to_json(), True)
    else:
        for p in report.imported:
            click.echo(f"imported   {p}")
        for p in report.unchanged:
            click.echo(f"unchanged  {p}")
        for f in report.failed:
            click.echo(f"failed     {f['error']}", err=True)
        click.echo(f"{len(report.imported)} imported, {len(report.unchanged)} unchanged, "
                   f"{len(report.failed)} failed", err=True)
    sys.exit(1 if report.failed else 0)


def _progress_bar():
    if not sys.stderr.isatty():
        return None
    bar = {"b": None}

    def update(done: int, total: int, pages: int = 0) -> None:
        if bar["b"] is None:
            bar["b"] = click.progressbar(length=total, label="importerar", file=sys.stderr)
            bar["b"].__enter__()
        bar["b"].label = f"importerar ({pages} sidor)"
        bar["b"].update(done - bar["b"].pos)
        if done >= total:
            bar["b"].__exit__(None, None, None)
    return update


def _read_one(path: str, langs: str, ocr_timeout: float):
    """Ingest of one file in this process, for repair and extract (nothing is stored)."""
    from arkiv.work import Unit, read_file, read_unit
    p = Path(path)
    if not p.is_file():
        raise InputFileError(path, "no such file")
    data = read_file(p, Config(home=Path(".")).max_file_bytes)
    sha = hashlib.sha256(data).hexdigest()
    return read_unit(Unit(name=path, sha256=sha, data=data), ocr_timeout, langs), sha, len(data)


@cli.command()
@click.argument("file")
@click.option("--diff", is_flag=True, help="Show what repair changed instead of the text.")
@click.option("--lang", "langs", default="swe+eng", show_default=True)
@click.option("--ocr-timeout", type=click.FloatRange(min=1), default=180.0)
@json_option
@errors_to_exit
def repair(file, diff, langs, ocr_timeout, as_json) -> None:
    """Print the repaired text of FILE (ingest + repair); nothing is stored.

    \b
    Example:
      arkiv repair skannat-protokoll.pdf --diff
    """
    import normalize
    pages, _, _ = _read_one(file, langs, ocr_timeout)
    repaired = normalize.repair_pages(pages)
    if as_json:
        emit({"pages": [{"number": r.number, "raw": p.text, "text": r.text,
                         "changes": [c.__dict__ for c in r.changes]}
                        for p, r in zip(pages, repaired)]}, True)
    elif diff:
        click.echo(normalize.format_changes(repaired) or "(inga ändringar)")
    else:
        click.echo("\f".join(r.text for r in repaired))


@cli.command("extract")
@click.argument("file")
@click.option("--lang", "langs", default="swe+eng", show_default=True)
@click.option("--ocr-timeout", type=click.FloatRange(min=1), default=180.0)
@json_option
@errors_to_exit
def extract_cmd(file, langs, ocr_timeout, as_json) -> None:
    """Print the structure of FILE: items, dnr, decisions, proposals, votes, statements.
    Nothing is stored.

    \b
    Example:
      arkiv extract protokoll-2024-03-12.pdf --json
    """
    from arkiv.work import process_document
    from corpus.jsonshape import extract_json
    pages, sha, size = _read_one(file, langs, ocr_timeout)
    doc = process_document(pages, sha, file, size)
    data = extract_json(doc)
    emit(data, as_json, document_text(doc, with_text=False))


@cli.command()
@click.argument("ident")
@click.option("--raw", is_flag=True, help="Show the raw text as read (before repair).")
@click.option("--text", "with_text", is_flag=True, help="Show the repaired text.")
@click.option("--changes", is_flag=True, help="List every repair made to the text.")
@json_option
@click.pass_obj
@errors_to_exit
def show(obj: Context, ident, raw, with_text, changes, as_json) -> None:
    """Show a document (by id or an 8+ character prefix) or a search hit (by hit id).

    \b
    Example:
      arkiv show 3f2a9c1b --text
    """
    from corpus.entries import entries_for
    from corpus.jsonshape import extract_json
    store = obj.store
    doc = store.get(store.resolve(ident))
    hit = next((e for e in entries_for(doc) if e.id == ident), None) if ":" in ident else None
    if ":" in ident and hit is None:
        raise UsageError(f"{ident}: no such hit in document {doc.doc_id[:12]}")
    if as_json:
        data = extract_json(doc)
        data.update(doc_id=doc.doc_id, imported_at=doc.imported_at,
                    pipeline_version=doc.pipeline_version, superseded_by=doc.superseded_by,
                    same_as=doc.same_as, copies=store.copies_of(doc.doc_id),
                    text=doc.text, raw_text=doc.raw_text,
                    changes=[c.__dict__ for p in doc.repaired for c in p.changes])
        if hit:
            data["hit"] = hit.__dict__
        emit(data, True)
    elif hit:
        click.echo(entry_text(hit))
    elif raw:
        click.echo(doc.raw_text)
    elif changes:
        import normalize
        click.echo(normalize.format_changes(doc.repaired) or "(inga ändringar)")
    else:
        click.echo(document_text(doc, with_text=with_text, copies=store.copies_of(doc.doc_id)))


@cli.command()
@json_option
@click.pass_obj
@errors_to_exit
def stats(obj: Context, as_json) -> None:
    """How many documents, pages, OCR'd pages, per type, body, municipality and year; how many
    documents an older pipeline processed (see reprocess).

    \b
    Example:
      arkiv stats --json
    """
    from arkiv.work import PIPELINE_VERSION
    data = obj.store.stats(PIPELINE_VERSION)
    lines = [f"{k}: {v}" for k, v in data.items() if not isinstance(v, dict)]
    for k, v in data.items():
        if isinstance(v, dict):
            lines.append(f"{k}: " + ", ".join(f"{a} {b}" for a, b in v.items()))
    emit(data, as_json, "\n".join(lines))


@cli.command()
@click.pass_obj
@errors_to_exit
def reindex(obj: Context) -> None:
    """Rebuild the search index from the store (memory stays flat however large the archive).

    \b
    Example:
      arkiv reindex
    """
    arch = obj.archive()
    with arch.writer_lock():
        n = sync.reindex(arch.store, arch.index)
    click.echo(f"{n} document{'' if n == 1 else 's'} indexed", err=True)


@cli.command()
@click.argument("ident")
@click.pass_obj
@errors_to_exit
def remove(obj: Context, ident) -> None:
    """Take a document out of the store and the index (a wrong import, sekretess, GDPR); logged.

    \b
    Example:
      arkiv remove 3f2a9c1b
    """
    from arkiv.pipeline import remove_document
    arch = obj.archive()
    with arch.writer_lock():
        doc_id = arch.store.resolve(ident)
        # its copies (the same text at another path, scans of it) become another version's
        # copies or are searched again
        remove_document(arch.store, arch.index, doc_id)
        sync.catch_up(arch.store, arch.index)
    click.echo(f"removed {doc_id}", err=True)


@cli.command()
@click.argument("idents", nargs=-1)
@click.option("--all", "all_", is_flag=True, help="Every document made by an older pipeline.")
@click.option("--force", is_flag=True, help="Also documents already at the current version.")
@click.pass_obj
@errors_to_exit
def reprocess(obj: Context, idents, all_, force) -> None:
    """Re-run repair and extraction from the stored raw pages (no OCR).

    \b
    Example:
      arkiv reprocess --all
    """
    from arkiv.work import PIPELINE_VERSION, fingerprint, process_document
    if not idents and not all_:
        raise UsageError("give document ids or --all")
    arch = obj.archive()
    store = arch.store
    with arch.writer_lock():
        if all_:
            ids = sorted(store.doc_ids(active_only=False)) if force else store.behind(PIPELINE_VERSION)
        else:
            ids = [store.resolve(i) for i in idents]
        vocabulary = store.vocabulary()
        for n in range(0, len(ids), sync.CHUNK):
            chunk = ids[n:n + sync.CHUNK]
            with store.transaction():
                for doc_id in chunk:
                    old = store.get(doc_id)
                    new = process_document(old.pages, doc_id, old.source, old.size, vocabulary)
                    new.imported_at, new.superseded_by, new.same_as = \
                        old.imported_at, old.superseded_by, old.same_as
                    store.put(new, fingerprint(new))   # repair may have changed the text
            sync.index_documents(store, arch.index, chunk)
    click.echo(f"{len(ids)} document{'' if len(ids) == 1 else 's'} reprocessed "
               f"(pipeline {PIPELINE_VERSION})", err=True)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.pass_obj
@errors_to_exit
def serve(obj: Context, host, port) -> None:
    """Serve the web UI and the JSON API (read-only).

    \b
    Example:
      arkiv serve --port 8080   # then open http://127.0.0.1:8080/
    """
    import uvicorn
    from search.web.app import create_app
    arch = obj.archive()
    arch.ensure_index()
    uvicorn.run(create_app(arch.cfg.home), host=host, port=port, log_level="warning")


cli_search.register(cli, lambda: click.get_current_context().find_object(Context))


def _query_of_words(cmd: click.Command) -> None:
    """`arkiv search sociala insatsgrupper`: the words of QUERY need no quotes. QUERY takes any
    number of words, joined with spaces into the one query the command had (a quoted query is
    one word, so it is unchanged; no words is the empty query)."""
    for i, p in enumerate(cmd.params):
        if isinstance(p, click.Argument) and p.name == "query":
            cmd.params[i] = click.Argument(["query"], nargs=-1, required=False)
    inner = cmd.callback

    @functools.wraps(inner)
    def callback(*args, query=(), **kw):
        return inner(*args, query=" ".join(query), **kw)
    cmd.callback = callback


_query_of_words(cli.commands["search"])


def main() -> None:
    cli(prog_name="arkiv")


if __name__ == "__main__":
    main()
