"""From files on disk to the ``articles``, ``sentences`` and ``report`` tables.

Stages: find the input files (readers) -> decode and parse each one (readers) -> clean
the text and read its furniture (clean) -> settle outlet, title and publication date,
recording the basis of each -> flag reprints (dedup) -> split sentences (sentences).
Every input file ends as at least one row of the report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd
import pyarrow as pa

from workbench.actors import bare_name, load_gazetteer, without_note
from workbench.catalog import Catalog, CatalogEntry, read_catalog
from workbench.clean import clean_text
from workbench.dates import infer_publication_date, parse_date_string, weekday_fixed_day
from workbench.dedup import minhash_signature, near_duplicates
from workbench.readers import RawDoc, ReportRow, iter_input_files, read_file
from workbench.resources import load_yaml
from workbench.sentences import split_sentences

__all__ = ["ARTICLE_COLUMNS", "SENTENCE_COLUMNS", "REPORT_COLUMNS", "build_tables", "article_from_doc", "date_from_url"]

ARTICLE_COLUMNS = [
    "article_id", "source_path", "outlet", "outlet_side", "title", "url", "published",
    "published_basis", "dateline", "text", "n_words", "duplicate_of",
    # Provenance beyond the required columns.
    "outlet_basis", "record", "format", "encoding", "content_hash", "cleaning",
]
SENTENCE_COLUMNS = ["article_id", "sent_idx", "start", "end", "text"]
REPORT_COLUMNS = ["source_path", "record", "article_id", "status", "reason", "format", "encoding"]
_COLUMN = {col: k for k, col in enumerate(ARTICLE_COLUMNS)}

PathsLike = str | Path | Iterable[str | Path]

_URLS = load_yaml("urls.yaml")
_URL_DATES = tuple(re.compile(p, re.I) for p in _URLS["date_patterns"])
_URL_YEARS = tuple(_URLS["year_range"])


@dataclass(frozen=True)
class ArticleRecord:
    article_id: str
    source_path: str
    outlet: str | None
    outlet_side: str
    title: str | None
    url: str | None
    published: dt.date | None
    published_basis: str
    dateline: str | None
    text: str
    n_words: int
    duplicate_of: str | None
    outlet_basis: str
    record: int | None
    format: str
    encoding: str
    content_hash: str
    cleaning: str  # what the cleaner dropped, e.g. "dropped 4 lines (boilerplate 2, headline 1, ...)"


def _outlet(doc: RawDoc, entry: CatalogEntry | None, hint: str | None) -> tuple[str | None, str, str]:
    """(outlet, side, basis): catalog, then file metadata, then the page's furniture, then the URL."""
    gaz = load_gazetteer()
    url = (entry.url if entry else None) or doc.url
    for name, basis in ((entry.outlet if entry else None, "catalog"), (doc.outlet, "metadata"), (hint, "text")):
        if name:
            # "Islamic Resistance in Iraq (Telegram)", "Al-Akhbar (translated)": the medium or
            # a note in brackets is not part of the name
            bare = bare_name(name)
            actor = gaz.outlet_for(name=bare)
            if actor:
                return actor.name, actor.side, basis
            # A body that publishes its own statements (a ministry, a command, a faction's
            # media office) keeps the name it is given and speaks for its side; else the side
            # of the site it is on; else it is a news outlet the gazetteer does not know,
            # speaking in its own voice (media), under its name without the note.
            actor = gaz.resolve(bare, loose=False) or _body_of_organ(bare, gaz)
            if actor is None and url:
                # the site it is on gives the side only ("Office of Senator X (press release)"
                # on senate.gov): the name is the one given, without its note
                site = gaz.outlet_for(url=url)
                if site is not None:
                    return without_note(name), site.side, basis
            return (name, actor.side, basis) if actor else (without_note(name), "media", basis)
    if url:
        actor = gaz.outlet_for(url=url)
        if actor:
            return actor.name, actor.side, "url"
    return None, "unknown", "unknown"


def _organ_pattern() -> re.Pattern[str]:
    words = sorted({str(w) for w in load_yaml("speech.yaml")["organs"]}, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"^(?:(?:the\s+)?(?:{alt})\s+of\s+(?P<after>.+)|(?P<before>.+?)(?:['’]s?)?\s+(?:{alt}))$", re.I)


_ORGAN = _organ_pattern()


def _body_of_organ(name: str, gaz):
    """The gazetteer body whose media office ``name`` is ("Harakat al-Nujaba media office",
    "Media Office of the Prime Minister"), or None."""
    m = _ORGAN.match(name.strip())
    if not m:
        return None
    body = (m.group("after") or m.group("before") or "").strip()
    return gaz.resolve(body, loose=False) if body else None


def date_from_url(url: str | None) -> dt.date | None:
    """The publication date a URL spells out (patterns in ``data/urls.yaml``), or None.

    >>> date_from_url("https://example.org/news/2021/06/30/rockets-hit-base")
    datetime.date(2021, 6, 30)
    """
    if not url:
        return None
    low, high = _URL_YEARS
    for pattern in _URL_DATES:
        for m in pattern.finditer(url):
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            if not low <= year <= high:
                continue
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
    return None


def _published(doc: RawDoc, entry: CatalogEntry | None, stated: str | None, text: str) -> tuple[dt.date | None, str]:
    if entry and entry.published:
        return entry.published, "catalog"
    if doc.published:
        date = parse_date_string(doc.published)
        if date:
            return date, "metadata"
    date = date_from_url((entry.url if entry else None) or doc.url)
    if date:
        return date, "metadata"
    if stated:
        # (a date line without a year, "Saturday 27 February": the year its weekday fits, not
        # before the latest year the text itself dates)
        date = parse_date_string(stated) or weekday_fixed_day(stated, not_before=infer_publication_date(text)[0])
        if date:
            return date, "text"
    date, _evidence = infer_publication_date(text)
    return (date, "inferred") if date else (None, "unknown")


def article_from_doc(doc: RawDoc, entry: CatalogEntry | None) -> ArticleRecord | str:
    """Build one article from a parsed document, or return why it cannot be one."""
    cleaned = clean_text(doc.text, title=doc.title)
    if not cleaned.text.strip():
        return "no article text left after removing boilerplate"
    outlet, side, outlet_basis = _outlet(doc, entry, cleaned.outlet_hint)
    published, basis = _published(doc, entry, cleaned.published_text, cleaned.text)
    return ArticleRecord(
        article_id=doc.article_id,
        source_path=doc.source_path,
        outlet=outlet,
        outlet_side=side,
        title=(entry.title if entry and entry.title else None) or cleaned.title,
        url=(entry.url if entry else None) or doc.url,
        published=published,
        published_basis=basis,
        dateline=cleaned.dateline,
        text=cleaned.text,
        n_words=len(cleaned.text.split()),
        duplicate_of=None,
        outlet_basis=outlet_basis,
        record=doc.record,
        format=doc.fmt,
        encoding=doc.encoding,
        content_hash=hashlib.sha256(cleaned.text.encode("utf-8")).hexdigest()[:16],
        cleaning=cleaned.dropped_summary(),
    )


def _report_row(row: ReportRow, **changes) -> dict:
    d = {
        "source_path": row.source_path, "record": row.record, "article_id": row.article_id,
        "status": row.status, "reason": row.reason, "format": row.fmt, "encoding": row.encoding,
    }
    d.update(changes)
    return d


def _progress(items: list, enabled: bool | None, desc: str):
    if enabled is False or (enabled is None and len(items) < 200):
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="file")


# Worker-process state: the catalog, set once per process by the pool's initializer.
_WORKER_CATALOG: Catalog | None = None


def _init_worker(cat: Catalog | None) -> None:
    global _WORKER_CATALOG
    _WORKER_CATALOG = cat


def _prepare_file(path: Path, cat: Catalog | None) -> tuple[list[ReportRow], list[tuple]]:
    """Read, clean and split one file (pure: no state shared between files).

    Returns the file's report notes and, per document, (base report row, catalog row used,
    the built article or why it is skipped, sentence spans, MinHash signature for dedup).
    The spans are an int32 array of (start, end) rows: compact to send and to hold.
    """
    docs, rows = read_file(path)
    notes = {(r.source_path, r.record): r for r in rows}
    out = []
    for doc in docs:
        note = notes.get((doc.source_path, doc.record))
        base = _report_row(note) if note else {
            "source_path": doc.source_path, "record": doc.record, "article_id": doc.article_id,
            "status": "loaded", "reason": "", "format": doc.fmt, "encoding": doc.encoding,
        }
        entry = cat.lookup(Path(doc.source_path).name, doc.article_id) if cat else None
        built = article_from_doc(doc, entry)
        spans = signature = None
        if not isinstance(built, str):
            spans = np.array([(x.start, x.end) for x in split_sentences(built.text)], dtype=np.int32).reshape(-1, 2)
            signature = minhash_signature(built.text)  # here, so that workers compute it
        out.append((base, entry.row if entry else None, built, spans, signature))
    return rows, out


def _prepare_chunk(paths: list[Path]) -> list[tuple]:
    return [_prepare_file(p, _WORKER_CATALOG) for p in paths]


def _prepared(files: list[Path], cat: Catalog | None, *, workers: int, progress: bool | None):
    """_prepare_file over every file, in order (in ``workers`` processes when > 1)."""
    if workers <= 1 or len(files) < 2:
        for path in _progress(files, progress, "loading"):
            yield _prepare_file(path, cat)
        return
    from workbench.extract import pool_imap, process_pool

    chunk = max(1, min(50, len(files) // (workers * 4) or 1))
    chunks = [files[i : i + chunk] for i in range(0, len(files), chunk)]
    with process_pool(workers, initializer=_init_worker, initargs=(cat,)) as pool:
        for part in _progress_iter(pool_imap(pool, _prepare_chunk, chunks, workers=workers), len(chunks), progress):
            yield from part


def _progress_iter(it, total: int, enabled: bool | None):
    if enabled is False or (enabled is None and total * 50 < 200):
        return it
    from tqdm.auto import tqdm

    return tqdm(it, total=total, desc="loading", unit="chunk")


class _Texts:
    """Texts in the order added, held as UTF-8 Arrow arrays of ``block`` texts each.

    Compact: a Python string of a text with a single curly quote takes two bytes a character,
    and a table's string column is an Arrow array anyway.
    """

    def __init__(self, block: int = 1000) -> None:
        self._block = block
        self._arrays: list[pa.Array] = []
        self._pending: list[str] = []

    def append(self, text: str) -> None:
        self._pending.append(text)
        if len(self._pending) >= self._block:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._arrays.append(pa.array(self._pending, type=pa.large_string()))
            self._pending = []

    def take(self, order: list[int]) -> pa.ChunkedArray:
        """The texts in the given order (positions in the order added)."""
        self._flush()
        return pa.chunked_array(self._arrays, type=pa.large_string()).take(pa.array(order, type=pa.int64()))


def _release_arrow_memory() -> None:
    """Give back what Arrow's allocator keeps of the memory freed (mimalloc holds on to it, for
    allocations of the same sizes that may not come: at 10k articles, RSS 50 MB higher)."""
    pa.default_memory_pool().release_unused()


def _strings(array: pa.Array | pa.ChunkedArray) -> pd.Series:
    """A column of strings, with the dtype pandas gives a list of them (``str``; ``object`` when empty)."""
    return pd.Series(array, dtype="str" if len(array) else object)


#: Articles whose sentences are cut from their text at once, while the sentences table is built.
_SENTENCE_BLOCK = 1000


def _sentence_table(ids: list[str], texts: pa.ChunkedArray, spans: list[np.ndarray]) -> pd.DataFrame:
    """The sentences of every article, in the order of ``ids`` (with their texts and spans).

    Built column by column: a row per sentence as Python objects would take several times
    the size of the table. The texts of the sentences are cut from a block of articles at a
    time (spans count characters, which Python strings index).
    """
    counts = np.array([len(s) for s in spans], dtype=np.int64)
    article = np.repeat(np.arange(len(ids)), counts)  # each sentence's article, as a position in ids
    first = np.cumsum(counts) - counts  # each article's first sentence, as a row
    bounds = np.concatenate(spans).astype(np.int64) if spans else np.empty((0, 2), dtype=np.int64)
    pieces = []
    for lo in range(0, len(ids), _SENTENCE_BLOCK):
        block = zip(texts.slice(lo, _SENTENCE_BLOCK).to_pylist(), spans[lo : lo + _SENTENCE_BLOCK])
        pieces.append(pa.array([text[a:b] for text, sp in block for a, b in sp.tolist()], type=pa.large_string()))
    return pd.DataFrame({
        "article_id": _strings(pa.array(ids, type=pa.large_string()).take(article)),
        "sent_idx": np.arange(len(article), dtype=np.int64) - first[article],
        "start": bounds[:, 0],
        "end": bounds[:, 1],
        "text": _strings(pa.chunked_array(pieces, type=pa.large_string())),
    }, columns=SENTENCE_COLUMNS)


def build_tables(
    paths: PathsLike, catalog: str | Path | Catalog | None = None, *, progress: bool | None = None,
    workers: int = 1,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read, clean and split every input; return (articles, sentences, report).

    ``workers`` > 1 reads, cleans and splits files in that many processes; the tables are
    identical to the serial ones.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    cat = catalog if isinstance(catalog, Catalog) or catalog is None else read_catalog(catalog)
    files, report_rows = iter_input_files(paths)
    report: list[dict] = [_report_row(r) for r in report_rows]
    # The articles kept, in the order read: a row of their values with the text left out (None),
    # the texts apart (compact), their sentence spans and signatures.
    kept: list[tuple] = []
    texts = _Texts()
    spans_of: list[np.ndarray] = []
    signatures: list[np.ndarray | None] = []
    seen: dict[str, tuple[str, str]] = {}  # article id -> (content hash, source path)
    used_rows: set[int] = set()

    for rows, prepared in _prepared(files, cat, workers=workers, progress=progress):
        report.extend(_report_row(r) for r in rows if r.status != "loaded")
        for base, entry_row, built, spans, signature in prepared:
            if isinstance(built, str):
                report.append({**base, "status": "skipped", "reason": built})
                continue
            if entry_row is not None:
                used_rows.add(entry_row)
            reasons = [base["reason"]] if base["reason"] else []
            if built.cleaning:
                reasons.append(built.cleaning)
            if built.article_id in seen:
                prior_hash, prior_path = seen[built.article_id]
                if prior_hash == built.content_hash:
                    report.append({**base, "status": "duplicate",
                                   "reason": f"same article as {prior_path} (id {built.article_id})"})
                    continue
                n = 2
                while f"{built.article_id}~{n}" in seen:
                    n += 1
                new_id = f"{built.article_id}~{n}"
                reasons.append(f"id {built.article_id} already used by {prior_path}; renamed {new_id}")
                built = replace(built, article_id=new_id)
            seen[built.article_id] = (built.content_hash, built.source_path)
            kept.append(tuple(None if col == "text" else getattr(built, col) for col in ARTICLE_COLUMNS))
            texts.append(built.text)
            spans_of.append(spans)
            signatures.append(signature)
            report.append({**base, "article_id": built.article_id, "status": "loaded", "reason": "; ".join(reasons)})

    if cat:
        report.extend(
            {"source_path": cat.path, "record": row, "article_id": None, "status": "skipped",
             "reason": why, "format": "catalog", "encoding": "utf-8"}
            for row, why in cat.problems
        )
        report.extend(
            {"source_path": cat.path, "record": e.row, "article_id": None, "status": "skipped",
             "reason": f"catalog row {e.row} names {e.key}, which is not among the inputs",
             "format": "catalog", "encoding": "utf-8"}
            for e in cat.unused(used_rows | {r for r, _ in cat.problems})
        )

    ids = [row[_COLUMN["article_id"]] for row in kept]
    order = sorted(range(len(kept)), key=ids.__getitem__)
    # Reprints: the earliest published (then smallest id) is the original.
    priority = sorted(order, key=lambda i: (kept[i][_COLUMN["published"]] or dt.date.max, ids[i]))
    dupes = near_duplicates([(ids[i], signatures[i]) for i in priority])
    del signatures

    articles = pd.DataFrame([kept[i] for i in order], columns=ARTICLE_COLUMNS)
    del kept
    text = texts.take(order)
    del texts
    _release_arrow_memory()  # the texts in the order read: before the sentences take as much again
    articles["text"] = _strings(text)
    articles["duplicate_of"] = articles["article_id"].map(dupes)
    # Text columns share the id's string dtype, also when all missing (url, duplicate_of),
    # so that dtypes are stable and survive a Parquet round trip.
    for col in ("outlet", "title", "url", "dateline", "duplicate_of"):
        articles[col] = articles[col].astype(articles["article_id"].dtype)
    # One fixed unit (ns), so that the column's dtype survives a Parquet round trip.
    articles["published"] = pd.to_datetime(articles["published"], errors="coerce").astype("datetime64[ns]")
    articles["n_words"] = articles["n_words"].astype("int64")
    articles["record"] = articles["record"].astype("Int64")

    sentences = _sentence_table([ids[i] for i in order], text, [spans_of[i] for i in order])
    _release_arrow_memory()

    rep = pd.DataFrame(report, columns=REPORT_COLUMNS)
    rep["record"] = rep["record"].astype("Int64")
    rep = rep.sort_values(["source_path", "record"], na_position="first", kind="stable").reset_index(drop=True)
    return articles, sentences, rep
