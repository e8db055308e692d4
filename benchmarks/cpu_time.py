"""CPU time (not wall time) of loading and extraction, for a machine whose cores are shared.

    python benchmarks/cpu_time.py [--sample 500] [--workers 2]

On the generated 1,000-article corpus of ``bench.py``: serial CPU ms per article per stage
(on ``--sample`` articles, after the lexicons are built), serial CPU seconds of
``build_tables`` and ``extract_corpus`` on all 1,000, spaCy's blank English tokenizer on the
same raw texts (CPU time, words/s) and our ratio to it, and the CPU seconds of the parent and
every pool worker with ``--workers`` processes. Other processes on the machine change wall
times a lot and CPU times little; compare runs of this script, alternated, before and after a
change. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _cpu_tree() -> float:
    """CPU seconds of this process, its descendants alive now and those they have reaped."""
    import psutil

    me = psutil.Process()
    t = me.cpu_times()
    total = t.user + t.system + t.children_user + t.children_system
    for child in me.children(recursive=True):
        try:
            c = child.cpu_times()
        except psutil.Error:
            continue
        total += c.user + c.system + c.children_user + c.children_system
    return total


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sample", type=int, default=500)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()

    import bench

    from workbench import _warm
    from workbench.bench.generate import ARTICLES_DIR, CATALOG_NAME
    from workbench.catalog import read_catalog
    from workbench.clean import clean_text
    from workbench.extract import _rebase_quoted_dates, extract_corpus
    from workbench.extract.claims import extract_claims
    from workbench.extract.context import build_context
    from workbench.extract.events import extract_events
    from workbench.extract.quotes import extract_quotes
    from workbench.extract.tallies import extract_tallies
    from workbench.loader import build_tables
    from workbench.readers import iter_input_files, read_file
    from workbench.sentences import split_sentences

    pt = time.process_time
    src = bench._corpus(1000, args.seed)
    files, _ = iter_input_files([src / ARTICLES_DIR])
    files = [f for f in files if f.suffix == ".txt"]
    sample = files[: args.sample]
    _warm.warm()
    t = dict.fromkeys(("read", "clean", "sentences", "mentions", "quotes", "events", "claims_tallies"), 0.0)
    for f in sample:
        a = pt()
        docs, _ = read_file(f)
        b = pt()
        cleaned = clean_text(docs[0].text, title=docs[0].title)
        c = pt()
        split_sentences(cleaned.text)
        t["read"] += b - a
        t["clean"] += c - b
        t["sentences"] += pt() - c
    articles, _, _ = build_tables(sample, read_catalog(src / CATALOG_NAME), progress=False)
    for row in articles.itertuples(index=False):
        text, pub = row.text, row.published.date() if row.published == row.published else None
        sents = split_sentences(text)
        a = pt()
        ctx = build_context(row.article_id, text, published=pub, outlet=row.outlet,
                            outlet_side=row.outlet_side or "unknown", sentences=sents)
        b = pt()
        ctx.quotes = extract_quotes(text, sentences=ctx.sentences, mentions=ctx.mentions)
        _rebase_quoted_dates(ctx)
        c = pt()
        extract_events(ctx)
        d = pt()
        extract_claims(ctx, event_side_at=lambda pos: None)
        extract_tallies(ctx)
        t["mentions"] += b - a
        t["quotes"] += c - b
        t["events"] += d - c
        t["claims_tallies"] += pt() - d
    out: dict = {"stages_ms_per_article": {k: round(1000 * v / len(sample), 3) for k, v in t.items()}}

    a = pt()
    arts, sents, _ = build_tables(src / ARTICLES_DIR, src / CATALOG_NAME, progress=False)
    b = pt()
    extract_corpus(arts, sents)
    c = pt()
    words = int(arts["n_words"].sum())
    out["serial_1000"] = {"words": words, "load_cpu_s": round(b - a, 2), "extract_cpu_s": round(c - b, 2),
                          "words_per_cpu_s": round(words / (c - a))}

    try:
        import spacy
    except ImportError:
        spacy = None
    if spacy is not None:
        texts = [read_file(f)[0][0].text for f in sample]
        nlp = spacy.blank("en")
        a = pt()
        for _doc in nlp.tokenizer.pipe(texts, batch_size=64):
            pass
        s = pt() - a
        w = sum(len(x.split()) for x in texts)
        a = pt()
        ar, se, _ = build_tables(sample, read_catalog(src / CATALOG_NAME), progress=False)
        extract_corpus(ar, se)
        ours = pt() - a
        out["per_core_vs_spacy"] = {"spacy_words_per_cpu_s": round(w / s), "ours_words_per_cpu_s": round(w / ours),
                                    "ratio": round(s / ours, 2)}

    if args.workers > 1:
        c0 = _cpu_tree()
        arts, sents, _ = build_tables(src / ARTICLES_DIR, src / CATALOG_NAME, progress=False, workers=args.workers)
        c1 = _cpu_tree()
        extract_corpus(arts, sents, workers=args.workers)
        time.sleep(0.5)  # let the pool's workers be reaped
        c2 = _cpu_tree()
        out[f"cpu_s_parent_and_{args.workers}_workers"] = {"load": round(c1 - c0, 2), "extract": round(c2 - c1, 2),
                                                            "total": round(c2 - c0, 2)}
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
