"""The `storyline` command: a thin shell over the Python API."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

from storyline.api import Storyline
from storyline.errors import StorylineError
from storyline.pipeline import IngestReport
from storyline.render import print_story, stories_table
from storyline.runners import Runner, open_runner
from storyline.store import DEFAULT_DB, ENV_VAR
from storyline.watch import DEFAULT_INTERVAL, FeedPoll, FeedWatcher
from storyline.web.security import DEFAULT_MAX_BODY

err = Console(stderr=True, soft_wrap=True)  # one line per message, for logs and grep
DEMO_DB = "storyline-demo.db"
TOKEN_VAR = "STORYLINE_TOKEN"

db_option = click.option(
    "--db", envvar=ENV_VAR, default=DEFAULT_DB, show_default=True, show_envvar=True,
    help="SQLite file (or URL) of the store.")


def _open(db: str) -> Storyline:
    try:
        return Storyline(db)
    except StorylineError as exc:
        raise click.ClickException(str(exc)) from exc


@contextmanager
def _runner(workers: int | None, scheduler: str | None) -> Iterator[Runner]:
    try:
        runner = open_runner(workers, scheduler)
    except StorylineError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield runner
    finally:
        runner.close()


@contextmanager
def _progress(enabled: bool):
    """A progress bar on a terminal; nothing when output goes to a file or CI."""
    if not enabled or not err.is_terminal:
        yield lambda n: None
        return
    with Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("ingest", total=None)
        yield lambda n: bar.advance(task, n)


def _report(report: IngestReport, quiet: bool) -> None:
    for problem in report.failed:
        err.print(f"[red]error[/red]: {problem}", highlight=False)
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow]: {warning}", highlight=False)
    if report.skipped:
        err.print(f"skipped {len(report.skipped)} file(s) of unsupported type "
                  f"(e.g. {report.skipped[0]})", highlight=False)
    if not quiet:
        err.print(
            f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.duplicates} near-duplicates folded, {len(report.failed)} failed; "
            f"{len(report.stories)} stories touched", highlight=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
def main() -> None:
    """Turn news articles into source-attributed stories."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--manifest", type=click.Path(dir_okay=False),
              help="JSONL of metadata (published, url, outlet, title) for files by path.")
@click.option("--published", help="Publication date for every article that has none.")
@click.option("--fetch-links", is_flag=True,
              help="For feed items, fetch the linked page instead of the item's own text.")
@click.option("--workers", type=click.IntRange(1),
              help="Spread extraction, cleaning and analysis over this many worker processes "
                   "(a Dask LocalCluster; needs the scale extra).")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Spread the work over an existing Dask cluster instead.")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
@db_option
def ingest(paths: tuple[str, ...], manifest: str | None, published: str | None,
           fetch_links: bool, workers: int | None, scheduler: str | None, quiet: bool,
           db: str) -> None:
    """Ingest files, folders (recursively), http(s) URLs, or - for standard input.

    Reads .html, .txt, .jsonl (incl. news-please dumps), RSS/Atom feeds (.rss, .atom, .xml)
    and web archives (.warc, .warc.gz); any of them gzipped. Exits with status 1 when any
    input failed; the others are stored all the same.
    """
    if not paths and not manifest:
        raise click.UsageError("give at least one PATH (or --manifest listing the files)")
    if workers and scheduler:
        raise click.UsageError("give --workers or --scheduler, not both")
    with _open(db) as sl, _runner(workers, scheduler) as runner, \
            _progress(not quiet) as progress:
        sl.runner = runner
        try:
            report = sl.ingest(list(paths), manifest=manifest, published=published,
                               progress=progress, fetch_links=fetch_links)
        except StorylineError as exc:
            raise click.ClickException(str(exc)) from exc
    _report(report, quiet)
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--interval", type=click.FloatRange(min=1), default=DEFAULT_INTERVAL,
              show_default=True, help="Seconds between polls.")
@click.option("--polls", type=click.IntRange(1), help="Stop after this many rounds "
              "(default: run until Ctrl-C).")
@click.option("--fetch-links", is_flag=True,
              help="Fetch each new item's linked page instead of using the item's own text.")
@db_option
def watch(feeds: tuple[str, ...], interval: float, polls: int | None, fetch_links: bool,
          db: str) -> None:
    """Poll RSS/Atom FEEDS (URLs) and ingest new items, until Ctrl-C.

    Conditional GETs keep unchanged feeds cheap; a feed that is down is reported and tried
    again next round.
    """
    bad = [f for f in feeds if not f.startswith(("http://", "https://"))]
    if bad:
        raise click.UsageError(f"{bad[0]}: a feed to watch must be an http(s) URL")

    def show(results: list[FeedPoll]) -> None:
        for poll in results:
            if poll.status == "error":
                err.print(f"[red]error[/red]: {poll.feed}: {poll.problem}", highlight=False)
            else:
                r = poll.report
                err.print(f"{poll.feed}: {poll.status}, {poll.new_items} new item(s), "
                          f"{r.added} added, {len(r.failed)} failed", highlight=False)
                for problem in r.failed:
                    err.print(f"  [red]error[/red]: {problem}", highlight=False)

    with _open(db) as sl:
        watcher = FeedWatcher(sl, list(feeds), fetch_links=fetch_links)
        try:
            rounds = watcher.run(interval, max_polls=polls, on_poll=show)
        except KeyboardInterrupt:
            err.print("stopped (Ctrl-C); everything ingested so far is stored", highlight=False)
            return
    err.print(f"done: {rounds} round(s)", highlight=False)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@db_option
def stories(as_json: bool, db: str) -> None:
    """List stories, most recently active first."""
    with _open(db) as sl:
        found = sl.stories()
    if as_json:
        for story in found:
            click.echo(json.dumps({"id": story.id, "title": story.title,
                                   "articles": len(story.article_ids), "outlets": story.outlets,
                                   "first_published": story.first_published,
                                   "last_published": story.last_published}, ensure_ascii=False))
        return
    Console().print(stories_table(found))


@main.command()
@click.argument("story_id")
@click.option("--dates", type=click.IntRange(1), help="Days on the timeline (default 12).")
@click.option("--per-date", type=click.IntRange(1), default=1, show_default=True,
              help="Sentences per timeline day.")
@click.option("--summary", "summary_length", type=click.IntRange(1),
              help="Sentences in the summary (default 5).")
@click.option("--json", "as_json", is_flag=True, help="The story object of the export.")
@db_option
def show(story_id: str, dates: int | None, per_date: int, summary_length: int | None,
         as_json: bool, db: str) -> None:
    """Show one story: timeline, developments, summary, disagreements, tolls, quotes, novelty."""
    with _open(db) as sl:
        try:
            story = sl.story(story_id)
        except StorylineError as exc:
            raise click.ClickException(str(exc)) from exc
        if dates or per_date != 1 or summary_length:
            story = sl.story(story.id, timeline_dates=dates, per_date=per_date,
                             summary_length=summary_length)
        articles = sl.articles(story.id)
    if as_json:
        click.echo(json.dumps(story.to_dict(), ensure_ascii=False, indent=2))
        return
    print_story(Console(), story, articles)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="json",
              show_default=True)
@click.option("--story", "story_id", help="Only this story and its articles.")
@click.option("--table", type=click.Choice(["articles", "stories"]), default="articles",
              show_default=True, help="Which table to write as CSV.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write here instead of standard output.")
@db_option
def export(fmt: str, story_id: str | None, table: str, output: str | None, db: str) -> None:
    """Export articles and stories (export-v1: see the README)."""
    with _open(db) as sl:
        try:
            if output:
                with open(output, "w", encoding="utf-8", newline="") as out:
                    sl.write_export(out, fmt, story_id, table)
            else:
                sl.write_export(sys.stdout, fmt, story_id, table)
        except StorylineError as exc:
            raise click.ClickException(str(exc)) from exc


@main.command()
@click.argument("query")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@db_option
def search(query: str, limit: int, db: str) -> None:
    """Full-text search over titles and bodies (SQLite FTS5 syntax)."""
    with _open(db) as sl:
        try:
            hits = sl.search(query, limit)
        except StorylineError as exc:
            raise click.ClickException(str(exc)) from exc
    for hit in hits:
        click.echo(f"{hit['id']}  {hit['story_id'] or '-'}  {(hit['published'] or '')[:10]:10}  "
                   f"{hit['outlet'] or '-'}  {hit['title'] or ''}\n    {hit['snippet']}")
    if not hits:
        err.print("no matches")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar=TOKEN_VAR, show_envvar=True,
              help="Bearer token that writes need (POST /api/articles); without one the "
                   "server is read-only.")
@click.option("--private", is_flag=True, help="Reads need the token too.")
@click.option("--max-body", type=click.IntRange(1), default=DEFAULT_MAX_BODY, show_default=True,
              help="Largest request body, in bytes.")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info",
                                                 "debug"]), default="info", show_default=True)
@db_option
def serve(host: str, port: int, token: str | None, private: bool, max_body: int,
          log_level: str, db: str) -> None:
    """Serve the REST API (/api, spec at /docs) and the story pages over HTTP."""
    try:
        import uvicorn

        from storyline.web.app import WebConfig, create_app
    except ImportError as exc:
        raise click.ClickException(f"storyline serve needs the web extra ({exc.name} is "
                                   "missing): pip install 'storyline[web]'") from exc
    try:
        app = create_app(WebConfig(db, token=token or None, private=private, max_body=max_body))
    except StorylineError as exc:
        raise click.ClickException(str(exc)) from exc
    err.print(f"serving {db} on http://{host}:{port}/ "
              f"({'reads and writes need the token' if private else 'reads open'}"
              f"{'' if token else ', read-only: no --token'})", highlight=False)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


@main.command()
@click.option("--db", envvar=ENV_VAR, default=DEMO_DB, show_default=True,
              help="Store for the demo (kept apart from your own by default).")
def demo(db: str) -> None:
    """Ingest the bundled fictional sample corpus and print its stories with timelines."""
    corpus = resources.files("storyline.demo").joinpath("corpus")
    with resources.as_file(corpus) as folder:
        manifest = Path(folder) / "manifest.jsonl"
        err.print("[bold]storyline demo[/bold] — a FICTIONAL sample corpus written for this "
                  "project (invented places, people and outlets).", highlight=False)
        with _open(db) as sl, _progress(True) as progress:
            report = sl.ingest([str(Path(folder) / "articles")], manifest=str(manifest),
                               progress=progress)
            _report(report, quiet=False)
            console = Console()
            found = sl.stories()
            console.print(stories_table(found))
            for story in found:
                print_story(console, story, sl.articles(story.id),
                            timeline_only=len(story.article_ids) < 3)
    err.print(f"\nStored in {db}. Try: storyline show {found[0].id} --db {db}" if found else "")
    if report.failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
