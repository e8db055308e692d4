"""Speed, memory and accuracy of the workbench on generated corpora (not a test).

    python benchmarks/bench.py                 # 1k and 10k articles
    python benchmarks/bench.py --sizes 1000 10000 100000 --workers 2

Per size, in a fresh process: articles/s and words/s of load (read, clean, split) and
extraction with ``--workers`` processes, peak RSS (parent and workers), and F1 per kind
against the generated ground truth. Then: time per stage on a serial sample, spaCy's blank
English tokenizer on the same text (words/s per core, and our ratio), the time from a filter
change to a new chart on 100,000 events, and the notebooks executed on the seeds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
BUILD = ROOT / "build" / "bench"


def _generator_version() -> str:
    """A digest of the generator's code and data: a changed generator writes a new corpus."""
    import hashlib

    h = hashlib.sha256()
    for f in (ROOT / "workbench" / "bench" / "generate.py", *sorted((ROOT / "workbench" / "data" / "bench").glob("*"))):
        h.update(f.read_bytes())
    return h.hexdigest()[:8]


def _corpus(n: int, seed: int) -> Path:
    from workbench.bench.generate import generate

    out = BUILD / f"n{n}-s{seed}-g{_generator_version()}"
    stamp = out / ".done"
    if not stamp.is_file():
        t = time.perf_counter()
        generate(n, out, seed=seed)
        stamp.write_text("ok")
        print(f"  generated {n} articles in {time.perf_counter() - t:.1f} s -> {out}", flush=True)
    return out


def _rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


class _PeakRSS:
    """Peak total RSS of this process and all its descendants (the forkserver and pool
    workers are grandchildren, which RUSAGE_CHILDREN misses until they are reaped), sampled
    every ``interval`` seconds in a thread; also the largest single worker seen."""

    def __init__(self, interval: float = 0.2) -> None:
        import threading

        self.interval, self.total_mb, self.worker_mb = interval, 0.0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                rss = child.memory_info().rss
            except psutil.Error:
                continue
            total += rss
            self.worker_mb = max(self.worker_mb, rss / 2**20)
        self.total_mb = max(self.total_mb, total / 2**20)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> "_PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def run_one(n: int, seed: int, workers: int, score_gold: bool) -> dict:
    """Load + extract one corpus (in this process); print one JSON line."""
    from workbench.bench.generate import ARTICLES_DIR, CATALOG_NAME, GOLD_NAME
    from workbench.extract import extract_corpus
    from workbench.loader import build_tables

    src = _corpus(n, seed)
    with _PeakRSS() as peak:
        t0 = time.perf_counter()
        articles, sentences, report = build_tables(src / ARTICLES_DIR, src / CATALOG_NAME, progress=False,
                                                   workers=workers)
        t1 = time.perf_counter()
        load_parent_mb, load_total_mb = _rss_mb()[0], peak.total_mb  # the peaks so far: while loading
        tables, articles = extract_corpus(articles, sentences, workers=workers)
        t2 = time.perf_counter()
    words = int(articles["n_words"].sum())
    out = {"n": len(articles), "words": words, "workers": workers, "load_s": t1 - t0, "extract_s": t2 - t1,
           "total_s": t2 - t0, "events": len(tables["events"]), "incidents": len(tables["incidents"])}
    out["rss_parent_mb"], out["rss_worker_mb"] = _rss_mb()
    out["rss_parent_load_mb"], out["rss_total_load_mb"] = load_parent_mb, load_total_mb
    out["rss_worker_mb"] = max(out["rss_worker_mb"], peak.worker_mb)
    out["rss_total_mb"] = max(peak.total_mb, out["rss_parent_mb"])  # parent + every worker at once
    if score_gold:
        from workbench.evaluate import load_gold, score

        g0 = time.perf_counter()
        gold = load_gold(src / GOLD_NAME)
        result = score(gold, {"articles": articles, **tables})
        out["score_s"] = time.perf_counter() - g0
        out["f1"] = {k: round(v.f1, 3) for k, v in result.kinds.items()}
        out["p"] = {k: round(v.precision, 3) for k, v in result.kinds.items()}
        out["r"] = {k: round(v.recall, 3) for k, v in result.kinds.items()}
        out["linking_f1"] = round(result.linking.f1, 3)
    return out


def stage_times(n: int, seed: int, sample: int) -> dict:
    """Serial seconds per stage on the first ``sample`` articles of a corpus (one core)."""
    from workbench.actors import load_gazetteer
    from workbench.bench.generate import ARTICLES_DIR, CATALOG_NAME
    from workbench.catalog import read_catalog
    from workbench.clean import clean_text
    from workbench.dates import find_dates
    from workbench.extract import _rebase_quoted_dates, assemble, extract_article, extract_corpus
    from workbench.extract.claims import extract_claims
    from workbench.extract.context import ArticleContext
    from workbench.extract.events import extract_events
    from workbench.extract.quotes import extract_quotes
    from workbench.extract.tallies import extract_tallies
    from workbench.loader import build_tables
    from workbench.numbers import find_quantities
    from workbench.places import find_places
    from workbench.readers import iter_input_files, read_file
    from workbench.sentences import split_sentences

    src = _corpus(n, seed)
    files, _ = iter_input_files([src / ARTICLES_DIR])
    files = [f for f in files if f.suffix == ".txt"][:sample]
    from workbench import _warm

    _warm.warm()  # lexicons and regexes built before the clock starts, as pool workers start with them
    t = {k: 0.0 for k in ("read", "clean", "sentences", "mentions", "quotes", "events", "claims", "linking")}
    texts = []
    for f in files:
        a = time.perf_counter()
        docs, _ = read_file(f)
        b = time.perf_counter()
        cleaned = clean_text(docs[0].text, title=docs[0].title)
        c = time.perf_counter()
        split_sentences(cleaned.text)
        d = time.perf_counter()
        t["read"] += b - a
        t["clean"] += c - b
        t["sentences"] += d - c
        texts.append(cleaned.text)
    articles, sentences, _ = build_tables(files, read_catalog(src / CATALOG_NAME), progress=False)
    gaz = load_gazetteer()
    results = []
    for row in articles.itertuples(index=False):
        text, pub = row.text, row.published.date() if row.published == row.published else None
        sents = split_sentences(text)
        a = time.perf_counter()
        mentions, places = gaz.find(text), find_places(text)
        dates = find_dates(text, published=pub)
        qs = find_quantities(text)
        ctx = ArticleContext(row.article_id, text, pub, row.outlet, row.outlet_side or "unknown", sents, mentions,
                             places, dates, qs)
        b = time.perf_counter()
        ctx.quotes = extract_quotes(text, sentences=ctx.sentences, mentions=ctx.mentions)
        _rebase_quoted_dates(ctx)
        c = time.perf_counter()
        extract_events(ctx)
        d = time.perf_counter()
        extract_claims(ctx, event_side_at=lambda pos: None)
        extract_tallies(ctx)
        e = time.perf_counter()
        t["mentions"] += b - a
        t["quotes"] += c - b
        t["events"] += d - c
        t["claims"] += e - d
        results.append(extract_article(row.article_id, text, published=pub, outlet=row.outlet,
                                       outlet_side=row.outlet_side or "unknown", sentences=sents))
    a = time.perf_counter()
    assemble(results)
    t["linking"] = time.perf_counter() - a
    words = sum(len(x.split()) for x in texts)
    whole0 = time.perf_counter()
    extract_corpus(articles, sentences)
    whole = time.perf_counter() - whole0
    return {"articles": len(files), "words": words, "stages": t, "extract_serial_s": whole,
            "load_serial_s": t["read"] + t["clean"] + t["sentences"]}


def spacy_reference(n: int, seed: int, sample: int) -> dict | None:
    try:
        import spacy
    except ImportError:
        return None
    from workbench.bench.generate import ARTICLES_DIR
    from workbench.readers import iter_input_files, read_file

    files, _ = iter_input_files([_corpus(n, seed) / ARTICLES_DIR])
    texts = [read_file(f)[0][0].text for f in files if f.suffix == ".txt"][:sample]
    nlp = spacy.blank("en")
    t = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.tokenizer.pipe(texts, batch_size=64))
    dt_ = time.perf_counter() - t
    words = sum(len(x.split()) for x in texts)
    return {"articles": len(texts), "words": words, "tokens": tokens, "seconds": dt_, "words_per_s": words / dt_}


def _synthetic_corpus(n_events: int):
    """A corpus-shaped namespace with ``n_events`` events over 2019-2025 (Arrow-backed strings,
    as the loader makes them), a third as many incidents, and an article per two events."""
    import types

    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    n_inc, n_art = n_events // 3, n_events // 2
    day = lambda n: pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 2555, n), unit="D")  # noqa: E731
    pick = lambda pool, n: np.array(pool, dtype=object)[rng.integers(0, len(pool), n)]  # noqa: E731
    inc_ids = np.array([f"i{k}" for k in range(n_inc)], dtype=object)
    art_ids = np.array([f"a{k}" for k in range(n_art)], dtype=object)
    weapons_pool = [["rocket"], ["drone"], ["airstrike"], ["rocket", "drone"], ["mortar"], ["missile"]]
    events = pd.DataFrame({
        "event_id": [f"a{k}:e1" for k in range(n_events)], "article_id": art_ids[rng.integers(0, n_art, n_events)],
        "incident_id": inc_ids[rng.integers(0, n_inc, n_events)], "date": day(n_events),
        "attacker": pick(["Kata'ib Hezbollah", "US forces", None, "Islamic Resistance in Iraq"], n_events),
        "attacker_side": pick(["factions", "us", "unknown", "iran"], n_events),
        "target": pick(["US forces", "Kata'ib Hezbollah", None], n_events),
        "target_side": pick(["us", "factions", "unknown"], n_events),
        "weapons": [weapons_pool[k] for k in rng.integers(0, len(weapons_pool), n_events)],
        "snippet": pick(["Rockets struck the base near Erbil on Monday, officials said.",
                         "US jets struck two depots of the group overnight."], n_events),
        "claimed_by": None,
    })
    strings = ["event_id", "article_id", "incident_id", "attacker", "attacker_side", "target", "target_side", "snippet"]
    events = events.astype({c: "string[pyarrow]" for c in strings})
    incidents = pd.DataFrame({"incident_id": inc_ids, "date": day(n_inc),
                              "kind": pick(["attack_on_us", "us_strike", "other"], n_inc)})
    articles = pd.DataFrame({"article_id": art_ids, "outlet": pick(["Rudaw", "Press TV", "AP", "Kayhan"], n_art),
                             "outlet_side": pick(["media", "iran", "us"], n_art), "published": day(n_art),
                             "title": "A title"})

    def empty(cols):
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})

    claims = empty(["claim_id", "article_id", "incident_id", "date", "claimant", "claimant_side", "victim", "victim_side", "snippet"])
    quotes = empty(["quote_id", "article_id", "date", "speaker", "speaker_side", "text"])
    return types.SimpleNamespace(events=events, incidents=incidents, articles=articles, claims=claims, quotes=quotes)


def filter_to_chart(n_events: int = 100_000, repeats: int = 15) -> dict:
    """Median ms from a filter change in notebook 02's dashboard to its new chart spec.

    The same path as the notebook: a ``FilterPanel`` control changes, its callback filters the
    events, counts incidents per week and builds the altair chart's spec. The events table the
    dashboard shows under the chart (built after the chart is shown) is timed apart.
    """
    import numpy as np

    from workbench import analysis as A, charts as C, render
    from workbench.widgets import FilterPanel

    corpus = _synthetic_corpus(n_events)
    panel = FilterPanel(corpus)
    specs = []
    panel.observe(lambda p: specs.append(
        C.attacks_chart(A.attacks_per_period(p.filtered("events"), corpus.incidents, freq="W"), freq="W").to_dict()))
    panel.filtered("events")  # the first call joins outlets once (cached), as on opening the notebook
    times, table_ms = [], []
    for k in range(repeats):
        t = time.perf_counter()
        panel.controls["sides"].value = (["us", "factions", "unknown"][k % 3],)
        times.append((time.perf_counter() - t) * 1000)
        if k < 3:
            t = time.perf_counter()
            render.table_html(A.events_table(panel.filtered("events"), corpus.articles))
            table_ms.append((time.perf_counter() - t) * 1000)
    assert len(specs) == repeats
    return {"events": n_events, "median_ms": float(np.median(times)), "max_ms": max(times),
            "table_ms": float(np.median(table_ms)),
            "how": "FilterPanel control change -> filtered events -> attacks_per_period -> attacks_chart(...).to_dict()"}


def notebooks_time(timeout: int = 180) -> dict | None:
    nbs = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not nbs:
        return None
    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError:
        return None
    out = {}
    for nb_path in nbs:
        nb = nbformat.read(nb_path, as_version=4)
        t = time.perf_counter()
        try:
            NotebookClient(nb, timeout=timeout, kernel_name="python3",
                           resources={"metadata": {"path": str(nb_path.parent)}}).execute()
            out[nb_path.name] = round(time.perf_counter() - t, 1)
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop
            out[nb_path.name] = f"failed after {time.perf_counter() - t:.1f} s: {type(exc).__name__}"
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--big", action="store_true", help="also 100,000 articles")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--sample", type=int, default=500, help="articles for the per-stage and spaCy timings")
    p.add_argument("--score-max", type=int, default=10000, help="score accuracy up to this size")
    p.add_argument("--no-notebooks", action="store_true")
    p.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed, args.workers, args.one <= args.score_max)), flush=True)
        return 0
    sizes = sorted(set(args.sizes + ([100_000] if args.big else [])))
    cores = args.workers
    print(f"# workbench benchmark: {cores} worker(s), seed {args.seed}, sizes {sizes}", flush=True)
    runs = {}
    for n in sizes:
        _corpus(n, args.seed)
        cmd = [sys.executable, __file__, "--one", str(n), "--workers", str(cores), "--seed", str(args.seed),
               "--score-max", str(args.score_max)]
        res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        runs[n] = res
        print(f"\n## {res['n']:,} articles, {res['words']:,} words, {cores} workers", flush=True)
        print(f"load     {res['load_s']:8.1f} s  {res['n'] / res['load_s']:9.0f} articles/s  {res['words'] / res['load_s']:11,.0f} words/s")
        print(f"extract  {res['extract_s']:8.1f} s  {res['n'] / res['extract_s']:9.0f} articles/s  {res['words'] / res['extract_s']:11,.0f} words/s")
        print(f"total    {res['total_s']:8.1f} s  {res['n'] / res['total_s']:9.0f} articles/s  {res['words'] / res['total_s']:11,.0f} words/s"
              f"  ({res['words'] / res['total_s'] / cores:,.0f} words/s per core)")
        print(f"peak RSS: parent and workers together {res['rss_total_mb']:,.0f} MB (parent {res['rss_parent_mb']:,.0f} MB,"
              f" largest worker {res['rss_worker_mb']:,.0f} MB; while loading {res['rss_total_load_mb']:,.0f} MB, parent"
              f" {res['rss_parent_load_mb']:,.0f} MB);"
              f" {res['events']:,} events, {res['incidents']:,} incidents")
        if "f1" in res:
            print("accuracy vs generated gold: " + "  ".join(
                f"{k} F1 {v:.3f} (P {res['p'][k]:.3f} R {res['r'][k]:.3f})" for k, v in res["f1"].items())
                + f"  linking F1 {res['linking_f1']:.3f}  (scored in {res['score_s']:.1f} s)")
    if len(runs) > 1:
        ns = sorted(runs)
        for a, b in zip(ns, ns[1:]):
            print(f"\ngrowth {a:,} -> {b:,} articles: time x{runs[b]['total_s'] / runs[a]['total_s']:.1f} "
                  f"for x{b / a:.0f} articles")

    base = sizes[0]
    st = stage_times(base, args.seed, args.sample)
    print(f"\n## stages, serial on {st['articles']} articles ({st['words']:,} words), one core")
    for k, v in st["stages"].items():
        print(f"  {k:10s} {v:7.2f} s  {st['words'] / v if v else float('inf'):12,.0f} words/s  {1000 * v / st['articles']:7.2f} ms/article")
    serial = st["load_serial_s"] + st["extract_serial_s"]
    ours = st["words"] / serial
    print(f"  load+extract serial: {serial:.2f} s = {ours:,.0f} words/s on one core")
    sp = spacy_reference(base, args.seed, args.sample)
    if sp:
        print(f"\n## spaCy blank('en') tokenizer, same {sp['articles']} articles: {sp['seconds']:.2f} s = "
              f"{sp['words_per_s']:,.0f} words/s on one core")
        print(f"   per core, workbench load+extract / spaCy tokenizer alone: {ours / sp['words_per_s']:.2f}x")
    else:
        print("\n## spaCy not installed: pip install -e '.[bench]'")
    fc = filter_to_chart()
    print(f"\n## filter change -> new chart on {fc['events']:,} events: median {fc['median_ms']:.0f} ms,"
          f" max {fc['max_ms']:.0f} ms (bar 150 ms)\n   ({fc['how']});\n"
          f"   the events table under it follows in a further {fc['table_ms']:.0f} ms (median, unfiltered sides)")
    if not args.no_notebooks:
        nb = notebooks_time()
        if nb:
            print("\n## notebooks executed on the seeds (nbclient): " + ", ".join(f"{k} {v} s" for k, v in nb.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
