"""The ``workbench`` command.

    workbench extract SRC... [--catalog FILE] --out DIR [--format parquet|csv] [--workers N]
                     [--engine local|dask] [--scheduler ADDRESS] [--no-cache]
    workbench eval GOLD.yaml [GOLD.yaml ...] --articles DIR [--catalog FILE] [--misses]
    workbench report [--corpus DIR] --out DIR [--timeout S] [--jobs N] [--notebook NAME ...] [--no-code]

Errors print one line naming the problem and exit non-zero; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

__all__ = ["main"]


class UsageError(Exception):
    """A problem with what the user asked for, told in one line."""


def _check_sources(sources: list[str]) -> None:
    missing = [s for s in sources if not Path(s).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")


def _cmd_extract(args: argparse.Namespace) -> int:
    from workbench import load_corpus

    _check_sources(args.sources)
    if args.engine == "dask" and args.format != "parquet":
        raise UsageError("--engine dask writes Parquet only")
    corpus = load_corpus(
        args.sources, catalog=args.catalog, progress=None if sys.stderr.isatty() else False,
        workers=args.workers, engine=args.engine, scheduler=args.scheduler,
        out=args.out if args.engine == "dask" else None, cache=False if args.no_cache else args.out,
    )
    if args.engine == "dask":
        from workbench.corpus import _table_path

        paths = [p for n in corpus.tables() if (p := _table_path(Path(args.out), n))]
    else:
        paths = corpus.save(args.out, format=args.format)
    counts = corpus.report["status"].value_counts()
    print(
        f"{len(corpus.articles)} articles, {len(corpus.sentences)} sentences, "
        f"{len(corpus.events)} events, {len(corpus.tallies)} tallies, {len(corpus.claims)} claims, "
        f"{len(corpus.quotes)} quotes, {len(corpus.incidents)} incidents"
    )
    print("report: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if corpus.cache is not None:
        print(f"extracted {corpus.cache.misses} articles, {corpus.cache.hits} reused from the cache")
    print(f"wrote {len(paths)} tables to {args.out}")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from workbench.evaluate import run_eval

    _check_sources([args.articles, *args.gold])
    from workbench.evaluate import gazetteer_name

    return run_eval(args.gold, articles=args.articles, catalog=args.catalog, misses=args.misses,
                    resolve_name=None if args.strict_names else gazetteer_name)


def _cmd_report(args: argparse.Namespace) -> int:
    from workbench.report import build_reports

    if args.corpus is not None:
        _check_sources([args.corpus])
    if args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    reports = build_reports(out=args.out, corpus=args.corpus, timeout=args.timeout, notebooks=args.notebook,
                            exclude_input=args.no_code, jobs=args.jobs)
    for r in reports:
        print(f"{r.html}  ({r.n_bytes / 1e6:.1f} MB)")
    print(f"wrote {len(reports)} offline HTML reports to {args.out}")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="workbench", description="Conflict News Workbench")
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = p.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="load articles and write every table")
    ex.add_argument("sources", nargs="+", help="article files or folders")
    ex.add_argument("--catalog", help="CSV mapping files to outlet, url, published")
    ex.add_argument("--out", required=True, help="output folder")
    ex.add_argument("--format", choices=("parquet", "csv"), default="parquet")
    ex.add_argument("--workers", type=int, default=1, help="processes for reading and extraction (default 1)")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="dask: run the extraction as a Dask job and write partitioned Parquet")
    ex.add_argument("--scheduler", help="address of a Dask scheduler (default: a LocalCluster)")
    ex.add_argument("--no-cache", action="store_true",
                    help="extract every article again instead of reusing unchanged results in --out")
    ex.set_defaults(func=_cmd_extract)

    ev = sub.add_parser("eval", help="score the extraction against gold annotations")
    ev.add_argument("gold", nargs="+", help="gold YAML files")
    ev.add_argument("--articles", required=True, help="folder of the annotated articles")
    ev.add_argument("--catalog", help="CSV mapping files to outlet, url, published")
    ev.add_argument("--misses", action="store_true", help="list every miss")
    ev.add_argument("--strict-names", action="store_true",
                    help="match claimant and speaker names as written (folded), not as spellings of one gazetteer actor")
    ev.set_defaults(func=_cmd_eval)

    rp = sub.add_parser("report", help="run the notebooks on a corpus and write offline HTML reports")
    rp.add_argument("--corpus", help="folder of articles or saved store (default: the seed articles)")
    rp.add_argument("--out", required=True, help="output folder for the .html files")
    rp.add_argument("--timeout", type=int, default=600, help="seconds allowed per notebook cell (default 600)")
    rp.add_argument("--jobs", type=int, default=2, help="notebooks executed at once (default 2)")
    rp.add_argument("--notebook", action="append", help="only this notebook, e.g. 02-attack-counts (repeatable)")
    rp.add_argument("--no-code", action="store_true", help="leave the code cells out of the reports")
    rp.set_defaults(func=_cmd_report)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except Exception as exc:  # one line for people; the traceback with --debug
        if args.debug:
            raise
        from workbench.catalog import CatalogError

        kind = "" if isinstance(exc, (UsageError, CatalogError)) else f"{type(exc).__name__}: "
        print(f"workbench: error: {kind}{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
