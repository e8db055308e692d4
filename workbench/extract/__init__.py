"""Extraction: events, tallies, casualty claims, quotes and incidents from articles.

Per article (independent, so it can run in parallel): build the context (sentences,
actors, places, dates, numbers), read the quotes and their speakers, then events, claims
and tallies. Across articles: link events into incidents, and give claims the incident of
the attack they count.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd

from workbench.dates import infer_publication_date
from workbench.extract.claims import Claim, extract_claims
from workbench.extract.context import ArticleContext, build_context
from workbench.extract.events import Event, extract_events
from workbench.extract.incidents import EventRef, event_kind, link_incidents
from workbench.places import compatible as places_compatible
from workbench.extract.quotes import extract_quotes
from workbench.extract.refine import STATED_BASES, refine_publication_dates
from workbench.extract.stance import score_stance
from workbench.extract.tallies import extract_tallies
from workbench.schema import EXTRACTED_TABLES
from workbench.sentences import Sentence

__all__ = ["extract_corpus", "extract_tables", "extract_article", "ArticleExtraction", "ExtractionCache",
           "extractor_version", "pool_imap", "process_pool", "CHUNK"]

_LOOKBACK_SENTENCES = 2


@dataclass
class ArticleExtraction:
    """Everything read from one article, before cross-article linking."""

    article_id: str
    published: dt.date | None
    outlet: str | None
    events: list[dict]
    claims: list[dict]  # with "event" = index into events, or None
    tallies: list[dict]
    quotes: list[dict]


def _event_of_claim(ctx: ArticleContext, events: list[Event], claim: Claim, tally_ends: dict[int, int]) -> int | None:
    """The event a claim counts: told in its sentence, else in the few sentences before it.

    In a sentence with a running count, only an attack told between the count and the number
    ("16 attacks in all, including a drone attack on Harir air base that caused no injuries")."""
    counted_to = tally_ends.get(claim.sentence)
    # A side that tells its own losses ("the four martyrs", "none of its soldiers"): the attack
    # on that side, of those told near the number.
    own = None
    if claim.victim is None and claim.claimant_side in ("us", "factions", "iraq_gov") and _OWN_LOSSES.search(
            ctx.text, claim.start, claim.end):
        own = claim.claimant_side
    where: dict[int, list[tuple[int, int]]] = {}
    for i, ev in enumerate(events):
        if not _counts_victims_of(ev, claim, own):
            continue
        for m in ev.mentions:
            # The attack told nearest before the number, else the nearest after it.
            at = m.at if m.at >= 0 else m.start
            if counted_to is not None and not counted_to <= at < claim.start:
                continue
            where.setdefault(ctx.sentence_of(m.start), []).append((at > claim.start, abs(at - claim.start), i, m.reference))
    if counted_to is not None:
        return min(where[claim.sentence])[2] if claim.sentence in where else None
    for back in range(_LOOKBACK_SENTENCES + 1):
        si = claim.sentence - back
        if si < 0:
            break
        if si in where:
            # (a sentence before the number: the attack it tells, not one it refers to, "the
            # strike came a week after the assault on al-Qaim.")
            # (and of a sentence before, the attack it opens with: one named later in it, "a
            # strike on a commander who planned attacks, including the attack on X", is background)
            return min(where[si], key=lambda w: (own is not None and events[w[2]].first("target_side") != own,
                                                 back > 0 and w[3], -w[1] if back > 0 else 0, w[:3]))[2]
        if back > 1 and ctx.text.rfind("\n", ctx.sentences[si].end, claim.start) >= 0:
            break
    # A toll that names where it happened ("the deaths of three soldiers in Jordan") and has no
    # attack near it counts the one attack of the article told there.
    placed = _event_at_place_of(ctx, events, claim, own)
    if placed is not None:
        return placed
    # A toll told before any attack ("condemned raids that killed 25 fighters.") counts the
    # attack the next sentence tells.
    told_before = any(ctx.sentence_of(m.start) <= claim.sentence for ev in events for m in ev.mentions)
    if not told_before and claim.sentence + 1 in where:
        return min(where[claim.sentence + 1])[2]
    # A toll told with no attack near it counts the article's first attack, its news ("34
    # personnel were being evaluated for brain injuries" paragraphs after the attack).
    lead = min(range(len(events)), key=lambda i: min(m.start for m in events[i].mentions), default=None)
    if lead is not None and told_before and _counts_victims_of(events[lead], claim, own):
        return lead
    return None


def _event_at_place_of(ctx: ArticleContext, events: list[Event], claim: Claim, own: str | None) -> int | None:
    """The one event whose place lies within (or holds) a place named in the claim's words."""
    names = {p.place.name for p in ArticleContext.within(ctx.places, claim.start, claim.end)}
    if not names:
        return None
    found = [i for i, ev in enumerate(events)
             if ev.location and _counts_victims_of(ev, claim, own)
             and any(places_compatible(ev.location, n) for n in names)]
    return found[0] if len(found) == 1 else None


_OWN_LOSSES = re.compile(r"\b(?:its|their|our|martyrs?|martyrdom)\b", re.I)


def _counts_victims_of(ev: Event, claim: Claim, own: str | None = None) -> bool:
    """A claim counts the dead of an attack's target: fighters killed are not the toll of an
    attack on US forces, nor US troops wounded the toll of a US strike. (`own`: the side whose
    own losses the claimant tells, when the claim names no victims.)"""
    return {own or claim.victim_side, ev.first("target_side")} != {"us", "factions"}


def _rebase_quoted_dates(ctx: ArticleContext) -> None:
    """A relative date inside a quote counts from the day the words were said.

    "... caused by a rocket attack yesterday," the source told X on Thursday: "yesterday" is
    the day before that Thursday, not before publication.
    """
    from workbench.dates import find_dates

    if not ctx.quotes:
        return
    new = []
    for d in ctx.dates:
        q = ctx.quote_at(d.start) if d.kind == "relative" else None
        if q is None:
            new.append(d)
            continue
        sent = ctx.sentences[ctx.sentence_of(q.start)]
        said_on = [
            x for x in ctx.dates
            if x.precision == "day" and x.date and sent.start <= x.start < sent.end and ctx.quote_at(x.start) is None
        ]
        if not said_on:
            new.append(d)
            continue
        again = find_dates(ctx.text[d.start : d.end], published=said_on[0].date)
        if again and again[0].date:
            r = again[0]
            from dataclasses import replace

            new.append(replace(d, date=r.date, low=r.low, high=r.high, precision=r.precision))
        else:
            new.append(d)
    ctx.dates = new


def extract_article(
    article_id: str,
    text: str,
    *,
    published=None,
    outlet: str | None = None,
    outlet_side: str = "unknown",
    sentences: list[Sentence] | None = None,
) -> ArticleExtraction:
    ctx = build_context(article_id, text, published=published, outlet=outlet, outlet_side=outlet_side, sentences=sentences)
    ctx.quotes = extract_quotes(text, sentences=ctx.sentences, mentions=ctx.mentions)
    _rebase_quoted_dates(ctx)

    events = extract_events(ctx)
    events.sort(key=lambda e: e.best.start)

    def side_at(pos: int) -> str | None:
        """The target side of the attack told nearest ``pos`` (its sentence first, then either side)."""
        si = ctx.sentence_of(pos)
        near = [
            (abs(ctx.sentence_of(m.start) - si), abs((m.at if m.at >= 0 else m.start) - pos), i)
            for i, ev in enumerate(events) for m in ev.mentions if abs(ctx.sentence_of(m.start) - si) <= 1
        ]
        if not near:
            return None
        side = events[min(near)[2]].first("target_side")
        return None if side == "unknown" else side

    tallies = extract_tallies(ctx)
    tally_ends: dict[int, int] = {}
    for t in tallies:
        si = ctx.sentence_of(t.start)
        tally_ends[si] = max(tally_ends.get(si, t.end), t.end)
    claims = extract_claims(ctx, event_side_at=side_at)

    ev_rows = []
    for ev in events:
        b = ev.best
        date, prec = ev.date
        ev_rows.append(
            {
                "start": b.start, "end": b.end, "snippet": text[b.start : b.end],
                "date": date, "date_precision": prec,
                "attacker": ev.first("attacker"), "attacker_side": ev.first("attacker_side"),
                "target": ev.first("target"), "target_side": ev.first("target_side"),
                "weapons": list(ev.weapons), "location": ev.location, "sites": ev.sites,
                "munitions": ev.first("munitions", skip=(None,)), "n_attacks": ev.first("n_attacks", skip=(None,)),
                "claimed_by": ev.first("claimed_by", skip=(None,)),
                "n_mentions": len(ev.mentions),
                "after_days": ev.best.after_days,
                "date_derived": ev.derived_date is not None and not any(m.date for m in ev.mentions),
            }
        )
    claim_rows = []
    for c in claims:
        ei = _event_of_claim(ctx, events, c, tally_ends)
        victim_side = c.victim_side
        if c.victim is None and ei is not None and ev_rows[ei]["target_side"] != "unknown":
            victim_side = ev_rows[ei]["target_side"]  # "no injuries": the victims are the attack's target
        claim_rows.append(
            {
                "start": c.start, "end": c.end, "snippet": text[c.start : c.end],
                "claimant": c.claimant, "claimant_side": c.claimant_side,
                "victim": c.victim, "victim_side": victim_side, "outcome": c.outcome,
                "low": c.low, "high": c.high, "qualifier": c.qualifier,
                "date": ev_rows[ei]["date"] if ei is not None else None,
                "event": ei,
            }
        )
    tally_rows = [
        {
            "start": t.start, "end": t.end, "snippet": text[t.start : t.end], "count": t.count,
            "qualifier": t.qualifier, "since": t.since, "as_of": ctx.published,
            "target_side": t.target_side, "claimant": t.claimant, "claimant_side": t.claimant_side,
        }
        for t in tallies
    ]
    quote_rows = []
    for q in ctx.quotes:
        st = score_stance(q.text, context=q.context, speaker_side=q.speaker_side)
        quote_rows.append(
            {
                "start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
                "speaker_side": q.speaker_side, "stance": st.stance, "escalation": st.escalation,
                "cues": list(st.cues), "date": ctx.published, "basis": q.basis, "n_words": q.n_words,
            }
        )
    return ArticleExtraction(article_id, ctx.published, outlet, ev_rows, claim_rows, tally_rows, quote_rows)


def _frame(rows: list[dict], columns: list[str], extra: list[str] = ()) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=[*columns, *extra])
    return df


def _str_or_none(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _as_date(value) -> dt.date | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def assemble(results: list[ArticleExtraction]) -> dict[str, pd.DataFrame]:
    """Cross-article linking and the final tables, in a deterministic order."""
    results = sorted(results, key=lambda r: r.article_id)
    refs = []
    for r in results:
        for i, e in enumerate(r.events):
            refs.append(
                EventRef(
                    key=(r.article_id, i), article_id=r.article_id, outlet=r.outlet, published=r.published,
                    date=e["date"], precision=e["date_precision"], location=e["location"], sites=e["sites"],
                    kind=event_kind(e["attacker_side"], e["target_side"]),
                    attacker_side=e["attacker_side"], target_side=e["target_side"], weapons=tuple(e["weapons"]),
                )
            )
    assigned, incident_rows = link_incidents(refs)

    # An attack its article tells without a date has the day the other articles give its incident.
    incident_dates = {row["incident_id"]: (row["date"], row["date_precision"]) for row in incident_rows if row["date"]}
    events, claims, tallies, quotes = [], [], [], []
    for r in results:
        aid = r.article_id
        for i, e in enumerate(r.events):
            iid = assigned.get((aid, i))
            if e["date"] is None and iid in incident_dates:
                e = {**e, "date": incident_dates[iid][0], "date_precision": incident_dates[iid][1]}
            events.append({"event_id": f"{aid}:e{i + 1}", "article_id": aid, **e, "incident_id": iid})
        for i, c in enumerate(r.claims):
            ei = c.get("event")
            claims.append({"claim_id": f"{aid}:c{i + 1}", "article_id": aid, **{k: v for k, v in c.items() if k != "event"},
                           "incident_id": assigned.get((aid, ei)) if ei is not None else None,
                           "event_id": f"{aid}:e{ei + 1}" if ei is not None else None})
        for i, t in enumerate(r.tallies):
            tallies.append({"tally_id": f"{aid}:t{i + 1}", "article_id": aid, **t})
        for i, q in enumerate(r.quotes):
            quotes.append({"quote_id": f"{aid}:q{i + 1}", "article_id": aid, **q})

    tables = {
        "events": _frame(events, EXTRACTED_TABLES["events"], ["n_mentions"]),
        "tallies": _frame(tallies, EXTRACTED_TABLES["tallies"]),
        "claims": _frame(claims, EXTRACTED_TABLES["claims"], ["event_id"]),
        "quotes": _frame(quotes, EXTRACTED_TABLES["quotes"], ["basis", "n_words"]),
        "incidents": _frame(incident_rows, EXTRACTED_TABLES["incidents"]),
    }
    for name, col in (("events", "date"), ("claims", "date"), ("tallies", "since"), ("tallies", "as_of"),
                      ("quotes", "date"), ("incidents", "date"), ("incidents", "first_reported")):
        tables[name][col] = pd.to_datetime(tables[name][col], errors="coerce")
    # Text columns keep one dtype whether or not any value is present (stable Parquet schemas).
    for name, df in tables.items():
        for col in df.columns:
            if col not in ("weapons", "cues") and df[col].dtype == object:
                if df[col].map(lambda v: v is None or isinstance(v, str)).all():
                    df[col] = df[col].astype("str")
    for name, cols in (("events", ["munitions", "n_attacks", "start", "end"]), ("claims", ["low", "high", "start", "end"]),
                       ("tallies", ["count", "start", "end"]), ("quotes", ["start", "end"]),
                       ("incidents", ["n_articles", "n_outlets"])):
        for col in cols:
            tables[name][col] = tables[name][col].astype("Int64")
    return tables


#: Articles per task sent to a worker process.
CHUNK = 50


def extractor_version() -> str:
    """A digest of the extraction code and data: cached results are valid only for the same one."""
    return _extractor_version()


@lru_cache(maxsize=1)
def _extractor_version() -> str:
    root = Path(__file__).resolve().parent.parent
    files = sorted([*root.glob("extract/*.py"), *root.glob("data/*.yaml"),
                    *(root / f"{m}.py" for m in ("actors", "places", "dates", "numbers", "sentences"))])
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


# One task: (article_id, text, published, outlet, outlet_side, sentence starts, sentence ends);
# the starts and ends are integer arrays (compact to send), or None to split the text anew.
Task = tuple


def _extract_task(task: Task) -> ArticleExtraction:
    aid, text, published, outlet, side, starts, ends = task
    sentences = None
    if starts is not None:
        sentences = [Sentence(s, e, text[s:e]) for s, e in zip(np.asarray(starts).tolist(), np.asarray(ends).tolist())]
    return extract_article(aid, text, published=published, outlet=outlet, outlet_side=side, sentences=sentences)


def _extract_chunk(tasks: list[Task]) -> list[ArticleExtraction]:
    return [_extract_task(t) for t in tasks]


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _batched(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter), taken from ``items`` as needed."""
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


def process_pool(workers: int, *, initializer=None, initargs: tuple = ()):
    """A process pool that is safe with threads in the parent (forkserver, else spawn)."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        # workbench._warm builds the lexicons and regexes once, in the forkserver: every
        # worker forked from it starts with them (instead of ~0.9 s of CPU each).
        ctx.set_forkserver_preload(["workbench.extract", "workbench.loader", "workbench._warm"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=initializer, initargs=initargs)


#: Chunks handed to a pool and not yet collected, per worker: enough to keep every worker busy.
AHEAD_PER_WORKER = 2


def pool_imap(pool, fn, chunks: Iterable, *, workers: int) -> Iterator:
    """``fn`` over ``chunks`` in ``pool``, results in order, with at most a few chunks per
    worker handed over and not yet collected. (``pool.map`` takes every chunk at once: all
    the texts would be held, and queued, before the first result.)"""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(pool.submit(fn, chunk))
        if len(pending) >= workers * AHEAD_PER_WORKER:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


#: Articles handed to a ``mapper`` (a Dask job) at once.
MAPPER_TASKS = 40 * CHUNK


def _extracted(tasks: Iterable[Task], *, workers: int, pool, mapper) -> Iterator[ArticleExtraction]:
    """The extraction of each task, in order: here, in ``pool`` (chunks of :data:`CHUNK`, a
    few in flight) or by ``mapper`` (:data:`MAPPER_TASKS` at a time). Tasks are taken from
    ``tasks`` only as they are sent, so that only their texts are held."""
    if mapper is not None:
        for batch in _batched(tasks, MAPPER_TASKS):
            yield from mapper(batch)
    elif pool is not None:
        for part in pool_imap(pool, _extract_chunk, _batched(tasks, CHUNK), workers=workers):
            yield from part
    else:
        for task in tasks:
            yield _extract_task(task)


@dataclass
class ExtractionCache:
    """Per-article results keyed by content (text hash, date, outlet) and extractor version.

    ``hits`` and ``misses`` count the lookups of the last run: articles taken from the
    cache and articles actually extracted.
    """

    results: dict = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    used: set = field(default_factory=set, repr=False)  # keys the last run looked up

    @staticmethod
    def key(task: Task, content_hash: str | None) -> tuple:
        aid, text, published, outlet, side, _s, _e = task
        return (aid, content_hash or hashlib.sha256(text.encode("utf-8")).hexdigest()[:16], published, outlet, side,
                extractor_version())

    def load(self, path: str | Path) -> "ExtractionCache":
        import pickle

        path = Path(path)
        if path.is_file():
            with open(path, "rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, dict) and data.get("version") == extractor_version():
                self.results = data["results"]
        return self

    def save(self, path: str | Path, keep: set | None = None) -> None:
        import pickle

        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        results = self.results if keep is None else {k: v for k, v in self.results.items() if k in keep}
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump({"version": extractor_version(), "results": results}, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)


def _run_tasks(tasks: Iterable[tuple[Task, str | None]], *, workers: int, cache: ExtractionCache | None, pool,
               mapper=None) -> tuple[dict[str, ArticleExtraction], list[tuple]]:
    """Results of ``tasks`` ((task, content hash) pairs) by article id, from the cache where
    possible; and the cache keys used, in task order."""
    results: dict[str, ArticleExtraction] = {}
    keys: list[tuple] = []
    key_of: dict[str, tuple] = {}  # article id -> cache key, for the tasks being extracted

    def todo() -> Iterator[Task]:
        for task, content_hash in tasks:
            if cache is not None:
                key = ExtractionCache.key(task, content_hash)
                keys.append(key)
                if key in cache.results:
                    cache.hits += 1
                    results[task[0]] = cache.results[key]
                    continue
                cache.misses += 1
                key_of[task[0]] = key
            yield task

    for result in _extracted(todo(), workers=workers, pool=pool, mapper=mapper):
        results[result.article_id] = result
        if cache is not None:
            cache.results[key_of.pop(result.article_id)] = result
    return results, keys


class _SentenceSpans:
    """The sentence starts and ends of each article in a sentences table (in table order)."""

    def __init__(self, sentences: pd.DataFrame | None) -> None:
        empty = sentences is None or not len(sentences)
        self._starts = None if empty else sentences["start"].to_numpy()
        self._ends = None if empty else sentences["end"].to_numpy()
        self._rows = {} if empty else sentences.groupby("article_id", sort=False).indices

    def of(self, article_id: str) -> tuple[np.ndarray | None, np.ndarray | None]:
        rows = self._rows.get(article_id)
        return (None, None) if rows is None else (self._starts[rows], self._ends[rows])


#: Articles whose texts are taken from the table at once (as Python strings) to make tasks.
ROWS_AT_ONCE = 500


def _rows(articles: pd.DataFrame, positions: Iterable[int] | None = None) -> Iterator[tuple]:
    """The rows of ``articles`` (all, or those at ``positions``) as named tuples, taken from the
    table :data:`ROWS_AT_ONCE` at a time: only those rows' texts are Python strings at once."""
    positions = range(len(articles)) if positions is None else positions
    for block in _batched(positions, ROWS_AT_ONCE):
        yield from articles.iloc[block].itertuples(index=False)


def extract_corpus(
    articles: pd.DataFrame, sentences: pd.DataFrame | None = None, *, workers: int = 1,
    cache: ExtractionCache | None = None, mapper=None,
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Every extraction table, and the articles with publication dates refined across the corpus.

    Articles that state no date get one from the attacks that dated articles also report
    (:mod:`workbench.extract.refine`); they are then read again with that date.
    ``workers`` > 1 reads articles in that many processes (chunks of :data:`CHUNK`); the
    result is identical to the serial one. ``cache`` reuses results of unchanged articles.
    ``mapper`` (tasks -> results, in order) replaces the local map, e.g. with a Dask job; it
    is given :data:`MAPPER_TASKS` tasks at a time.
    """
    spans = _SentenceSpans(sentences)

    def task(row, published) -> tuple[Task, str | None]:
        st, en = spans.of(row.article_id)
        return (row.article_id, row.text, published, _str_or_none(row.outlet),
                _str_or_none(row.outlet_side) or "unknown", st, en), getattr(row, "content_hash", None)

    def told(row) -> dt.date | None:
        # An inferred date is worked out again from the text alone (as the loader did), so that
        # extracting a table whose dates an earlier run refined gives the same result.
        if getattr(row, "published_basis", None) == "inferred":
            return infer_publication_date(row.text)[0]
        return _as_date(row.published)

    told_dates: list[dt.date | None] = []  # per row, once: inferring a date reads the whole text

    def first_tasks() -> Iterator[tuple[Task, str | None]]:
        for row in _rows(articles):
            told_dates.append(told(row))
            yield task(row, told_dates[-1])

    pool = process_pool(workers) if workers > 1 and mapper is None and len(articles) > CHUNK else None
    try:
        results, used = _run_tasks(first_tasks(), workers=workers, cache=cache, pool=pool, mapper=mapper)
        articles = articles.copy()  # (shares the texts: Arrow arrays are not copied)
        if "published_basis" in articles.columns:
            refined = _refined_dates(articles, told_dates, results)
            again = [pos for pos, aid in enumerate(articles["article_id"]) if aid in refined]
            if again:
                tasks = (task(row, refined[row.article_id][0]) for row in _rows(articles, again))
                second, used2 = _run_tasks(tasks, workers=workers, cache=cache, pool=pool, mapper=mapper)
                used = [*used, *used2]
                results.update(second)
                published = articles["published"].copy()
                basis = articles["published_basis"].copy()
                published.iloc[again] = [pd.Timestamp(refined[aid][0]) for aid in articles["article_id"].iloc[again]]
                basis.iloc[again] = "inferred"
                articles["published"] = published
                articles["published_basis"] = basis
    finally:
        if pool is not None:
            pool.shutdown()
    if cache is not None:
        cache.used = set(used)
    return assemble(list(results.values())), articles


def _refined_dates(articles: pd.DataFrame, told_dates: list, results: dict[str, ArticleExtraction]) -> dict:
    """:func:`refine_publication_dates` over the articles: the texts only of those that state
    no date of their own (no other text is read)."""
    ids, bases = articles["article_id"].tolist(), articles["published_basis"].tolist()
    undated = [pos for pos, basis in enumerate(bases) if basis not in STATED_BASES]
    text_of = dict(zip(undated, articles["text"].iloc[undated].tolist()))
    return refine_publication_dates(
        [(aid, text_of.get(pos), basis, date) for pos, (aid, basis, date) in enumerate(zip(ids, bases, told_dates))],
        {aid: r.events for aid, r in results.items()},
    )


def extract_tables(articles: pd.DataFrame, sentences: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Every extraction table for the given articles (see :func:`extract_corpus`)."""
    return extract_corpus(articles, sentences)[0]
