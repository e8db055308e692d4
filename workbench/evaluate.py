"""Score the workbench's tables against hand-made gold files (``workbench eval``).

The conventions are those of the gold guide (GUIDE.md beside the gold files):

* every gold item is located in the system's cleaned article text through its ``anchor``
  (and its ``also`` anchors): exact search first, then a whitespace- and
  quote-normalised search mapped back to original offsets;
* a system row matches a gold item of the same kind and article when its ``[start, end)``
  span overlaps one of the item's anchor spans; the assignment is one-to-one, maximises
  the number of matched non-optional items, prefers rows on the main anchor, then larger
  overlaps, and breaks ties deterministically;
* optional items neither count as missed nor make the rows on them wrong;
* fields of matched non-optional items are compared ("any of the listed values is right");
* incident linking is scored pairwise over all matched events and claims.

Precision, recall and F1 with an empty denominator are taken as 1.0 (nothing to get wrong).
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence, TextIO

import numpy as np
import pandas as pd
import yaml

__all__ = [
    "KINDS",
    "GoldItem",
    "Gold",
    "Miss",
    "KindScore",
    "FieldScore",
    "LinkScore",
    "EvalResult",
    "load_gold",
    "locate_anchor",
    "score",
    "format_report",
    "run_eval",
]

KINDS: tuple[str, ...] = ("events", "tallies", "claims", "quotes")
_LINKED_KINDS = ("events", "claims")
_ARTICLE_KEYS = frozenset({"id", *KINDS})
_ITEM_RESERVED = frozenset({"anchor", "also", "optional"})
_SNIPPET_COLUMNS = ("snippet", "text")
_CUT = 90

# --------------------------------------------------------------------------- YAML loading

_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_BOOL_TAG = "tag:yaml.org,2002:bool"


class _GoldLoader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1 surprises: ``000_1234`` stays a string, ``no`` stays a word."""


_GoldLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (_INT_TAG, _FLOAT_TAG, _BOOL_TAG)]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_GoldLoader.add_implicit_resolver(_INT_TAG, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_GoldLoader.add_implicit_resolver(
    _FLOAT_TAG,
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_GoldLoader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass(frozen=True)
class GoldItem:
    """One gold annotation: an event, tally, claim or quote."""

    kind: str
    article_id: str
    index: int
    anchor: str
    also: tuple[str, ...] = ()
    optional: bool = False
    fields: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def key(self) -> str:
        return f"{self.kind}[{self.article_id}#{self.index}]"


@dataclass
class Gold:
    """Merged gold files: article-level fields by id, items, incidents by key."""

    articles: dict[str, dict] = field(default_factory=dict)
    items: list[GoldItem] = field(default_factory=list)
    incidents: dict[str, dict] = field(default_factory=dict)


def load_gold(paths: Sequence[str | Path] | str | Path) -> Gold:
    """Load and merge gold YAML files; a malformed file raises ValueError naming it."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    gold = Gold()
    article_source: dict[str, str] = {}
    for raw_path in paths:
        path = Path(raw_path)
        try:
            doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_GoldLoader)
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: cannot read gold file: {exc}") from exc
        except yaml.YAMLError as exc:
            raise ValueError(f"{path}: invalid YAML: {exc}") from exc
        _merge_document(gold, doc, path, article_source)
    return gold


def _merge_document(gold: Gold, doc: Any, path: Path, article_source: dict[str, str]) -> None:
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: a gold file must be a mapping with an 'articles' list")
    incidents = doc.get("incidents") or {}
    if not isinstance(incidents, dict):
        raise ValueError(f"{path}: 'incidents' must be a mapping of key -> {{date, summary}}")
    for key, info in incidents.items():
        info = info if isinstance(info, dict) else {"summary": info}
        if str(key) in gold.incidents and gold.incidents[str(key)] != info:
            raise ValueError(f"{path}: incident {key!r} is defined differently in another gold file")
        gold.incidents[str(key)] = info
    articles = doc.get("articles")
    if not isinstance(articles, list):
        raise ValueError(f"{path}: 'articles' must be a list")
    for pos, article in enumerate(articles):
        if not isinstance(article, dict) or article.get("id") in (None, ""):
            raise ValueError(f"{path}: article #{pos} must be a mapping with an 'id'")
        article_id = str(article["id"])
        if article_id in article_source:
            raise ValueError(f"{path}: article {article_id} is already annotated in {article_source[article_id]}")
        article_source[article_id] = str(path)
        gold.articles[article_id] = {k: v for k, v in article.items() if k not in _ARTICLE_KEYS}
        for kind in KINDS:
            entries = article.get(kind) or []
            if not isinstance(entries, list):
                raise ValueError(f"{path}: {article_id}.{kind} must be a list")
            for index, entry in enumerate(entries):
                gold.items.append(_make_item(entry, kind, article_id, index, path))


def _make_item(entry: Any, kind: str, article_id: str, index: int, path: Path) -> GoldItem:
    where = f"{path}: {article_id}.{kind}[{index}]"
    if not isinstance(entry, dict):
        raise ValueError(f"{where} must be a mapping")
    anchor = entry.get("anchor")
    if not isinstance(anchor, str) or not anchor.strip():
        raise ValueError(f"{where} needs a non-empty string 'anchor'")
    also = entry.get("also") or ()
    if isinstance(also, str):
        also = (also,)
    if not isinstance(also, (list, tuple)) or not all(isinstance(a, str) and a.strip() for a in also):
        raise ValueError(f"{where}: 'also' must be a list of non-empty strings")
    optional = entry.get("optional", False)
    if not isinstance(optional, bool):
        raise ValueError(f"{where}: 'optional' must be true or false")
    fields = {k: v for k, v in entry.items() if k not in _ITEM_RESERVED}
    return GoldItem(kind, article_id, index, anchor, tuple(also), optional, fields)


# --------------------------------------------------------------------------- anchor finding

_WS_RE = re.compile(r"\s+")
_QUOTE_TABLE = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    }
)


def _normalise(text: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space and straighten quotes; keep each char's source offset."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _WS_RE.finditer(text):
        parts.append(text[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        parts.append(" ")
        offsets.append(m.start())
        pos = m.end()
    parts.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(parts).translate(_QUOTE_TABLE), offsets


def _find_all(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans = []
    start = haystack.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = haystack.find(needle, start + len(needle))
    return spans


class _ArticleText:
    """An article's system text with a lazily built normalised view."""

    __slots__ = ("text", "_norm")

    def __init__(self, text: str) -> None:
        self.text = text
        self._norm: tuple[str, list[int]] | None = None

    def locate(self, anchor: str) -> list[tuple[int, int]]:
        spans = _find_all(self.text, anchor)
        if spans or not anchor.strip():
            return spans
        if self._norm is None:
            self._norm = _normalise(self.text)
        norm_text, offsets = self._norm
        norm_anchor = _normalise(anchor.strip())[0]
        return [(offsets[s], offsets[e - 1] + 1) for s, e in _find_all(norm_text, norm_anchor)]


def locate_anchor(text: str, anchor: str) -> list[tuple[int, int]]:
    """All spans of ``anchor`` in ``text``: exact matches, else whitespace/quote-normalised ones."""
    return _ArticleText(text).locate(anchor)


# --------------------------------------------------------------------------- value helpers


def _is_null(value: Any) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, dict, set, str)) else False
    except (TypeError, ValueError):
        return False


def _as_date(value: Any) -> date | None:
    if _is_null(value):
        return None
    if isinstance(value, datetime):  # includes pd.Timestamp
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value).date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _as_number(value: Any) -> float | None:
    if _is_null(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _as_list(value: Any) -> list:
    """Gold values: a scalar or a list of accepted values."""
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]


def _as_token(value: Any) -> str | None:
    return None if _is_null(value) else str(value).strip().casefold()


def _system_list(value: Any) -> list[str]:
    if _is_null(value):
        return []
    if isinstance(value, str):
        return [p.strip().casefold() for p in re.split(r"[,;|]", value) if p.strip()]
    try:
        return [str(v).strip().casefold() for v in value if not _is_null(v) and str(v).strip()]
    except TypeError:
        return [str(value).strip().casefold()]


_APOSTROPHES_RE = re.compile(r"['\u2018\u2019\u02bc`\u00b4]")
_HYPHENS_RE = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014]")
_NAME_DROP = frozenset({"al", "el", "the"})


def _plain_name(value: Any) -> str:
    """Casefolded name without accents, apostrophes, hyphens or the article "al-"/"the"."""
    if _is_null(value):
        return ""
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _HYPHENS_RE.sub(" ", _APOSTROPHES_RE.sub("", text))
    return " ".join(w for w in text.split() if w not in _NAME_DROP)


def _fmt(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_fmt(v) for v in value) + "]"
    if _is_null(value):
        return "null"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --------------------------------------------------------------------------- field checks
# Each check takes (gold fields, system row, resolve_name) and returns None when the gold
# item does not annotate the field, else (ok, gold shown, system shown).

Check = Callable[[dict, Mapping[str, Any], Callable[[str], str] | None], tuple[bool, Any, Any] | None]


def _window(gold_value: Any) -> tuple[date | None, date | None] | None:
    """A gold date window: [a, b], a single date, or null (meaning "no date")."""
    if isinstance(gold_value, (list, tuple)):
        if len(gold_value) != 2:
            return None
        lo, hi = _as_date(gold_value[0]), _as_date(gold_value[1])
        return (lo, hi) if lo and hi else None
    one = _as_date(gold_value)
    return (one, one) if one else None


def _date_check(window_key: str, date_key: str, sys_key: str) -> Check:
    def check(gold: dict, row: Mapping[str, Any], _resolve) -> tuple[bool, Any, Any] | None:
        if window_key in gold and gold[window_key] is not None:
            shown = gold[window_key]
        elif date_key in gold:
            shown = gold[date_key]
        else:
            return None
        window = _window(shown)
        got = _as_date(row.get(sys_key))
        ok = got is None if window is None else (got is not None and window[0] <= got <= window[1])
        return ok, shown, got

    return check


def _side_check(key: str) -> Check:
    def check(gold: dict, row: Mapping[str, Any], _resolve) -> tuple[bool, Any, Any] | None:
        if key not in gold:
            return None
        accepted = {_as_token(v) or "unknown" for v in _as_list(gold[key])}
        got = _as_token(row.get(key)) or "unknown"
        return got in accepted, gold[key], got

    return check


def _token_check(key: str, sys_key: str | None = None) -> Check:
    sys_key = sys_key or key

    def check(gold: dict, row: Mapping[str, Any], _resolve) -> tuple[bool, Any, Any] | None:
        if key not in gold:
            return None
        accepted = {_as_token(v) for v in _as_list(gold[key])}
        got = _as_token(row.get(sys_key))
        return got in accepted, gold[key], row.get(sys_key)

    return check


def _number_check(keys: tuple[str, ...]) -> Check:
    def check(gold: dict, row: Mapping[str, Any], _resolve) -> tuple[bool, Any, Any] | None:
        if not any(k in gold for k in keys):
            return None
        ok = all(
            _as_number(row.get(k)) in {_as_number(v) for v in _as_list(gold.get(k))} for k in keys
        )
        shown_gold = tuple(gold.get(k) for k in keys) if len(keys) > 1 else gold.get(keys[0])
        got = tuple(_as_number(row.get(k)) for k in keys) if len(keys) > 1 else _as_number(row.get(keys[0]))
        return ok, shown_gold, got

    return check


def _weapon_check(gold: dict, row: Mapping[str, Any], _resolve) -> tuple[bool, Any, Any] | None:
    if "weapon" not in gold:
        return None
    accepted = {_as_token(v) for v in _as_list(gold["weapon"])}
    got = _system_list(row.get("weapons"))
    return bool(got) and set(got) <= accepted, gold["weapon"], got


def _name_check(key: str) -> Check:
    def check(gold: dict, row: Mapping[str, Any], resolve) -> tuple[bool, Any, Any] | None:
        if key not in gold:
            return None
        got = row.get(key)
        accepted = [v for v in _as_list(gold[key]) if not _is_null(v)]
        if _is_null(got):
            return not accepted, gold[key], None
        ok = any(_plain_name(got) == _plain_name(v) for v in accepted)
        if not ok and resolve is not None:
            canon = _plain_name(resolve(str(got)))
            ok = any(canon == _plain_name(resolve(str(v))) for v in accepted)
        return ok, gold[key], got

    return check


FIELD_CHECKS: dict[str, tuple[tuple[str, Check], ...]] = {
    "events": (
        ("date", _date_check("date_window", "date", "date")),
        ("attacker_side", _side_check("attacker_side")),
        ("target_side", _side_check("target_side")),
        ("weapon", _weapon_check),
    ),
    "tallies": (
        ("count", _number_check(("count",))),
        ("qualifier", _token_check("qualifier")),
        ("since", _date_check("since", "since", "since")),
        ("target_side", _side_check("target_side")),
        ("claimant_side", _side_check("claimant_side")),
    ),
    "claims": (
        ("claimant", _name_check("claimant")),
        ("claimant_side", _side_check("claimant_side")),
        ("victim_side", _side_check("victim_side")),
        ("outcome", _token_check("outcome")),
        ("number", _number_check(("low", "high"))),
        ("qualifier", _token_check("qualifier")),
    ),
    "quotes": (
        ("speaker", _name_check("speaker")),
        ("speaker_side", _side_check("speaker_side")),
        ("stance", _token_check("stance")),
    ),
}

# --------------------------------------------------------------------------- result types


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    """One thing the system got wrong (or a gold problem)."""

    kind: str  # events/tallies/claims/quotes/articles
    article_id: str
    category: str  # fn, fp, duplicate, field, anchor, article
    text: str  # gold anchor or system snippet
    detail: str


@dataclass(frozen=True)
class KindScore:
    tp: int
    fp: int
    fn: int
    optional_hits: int = 0  # system rows on optional items (neither TP nor FP)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True)
class FieldScore:
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.total)


@dataclass(frozen=True)
class LinkScore:
    tp: int
    fp: int
    fn: int
    items: int
    pairs: int

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True)
class EvalResult:
    kinds: dict[str, KindScore]
    fields: dict[str, dict[str, FieldScore]]
    linking: LinkScore
    articles: dict[str, FieldScore]
    misses: tuple[Miss, ...]
    gold_problems: tuple[Miss, ...]

    def to_frame(self) -> pd.DataFrame:
        """Tidy metrics: one row per (kind, metric, value)."""
        rows: list[tuple[str, str, float]] = []
        for kind, s in self.kinds.items():
            rows += [(kind, m, float(getattr(s, m))) for m in ("tp", "fp", "fn", "optional_hits", "precision", "recall", "f1")]
            for name, fs in self.fields.get(kind, {}).items():
                rows += [(kind, f"{name}_accuracy", fs.accuracy), (kind, f"{name}_correct", float(fs.correct)),
                         (kind, f"{name}_total", float(fs.total))]
        ln = self.linking
        rows += [("incidents", m, float(getattr(ln, m))) for m in ("tp", "fp", "fn", "items", "pairs", "precision", "recall", "f1")]
        for name, fs in self.articles.items():
            rows += [("articles", f"{name}_accuracy", fs.accuracy), ("articles", f"{name}_correct", float(fs.correct)),
                     ("articles", f"{name}_total", float(fs.total))]
        rows.append(("gold", "anchors_not_found", float(len(self.gold_problems))))
        return pd.DataFrame(rows, columns=["kind", "metric", "value"])

    def misses_frame(self) -> pd.DataFrame:
        cols = ["kind", "article_id", "category", "text", "detail"]
        return pd.DataFrame([[getattr(m, c) for c in cols] for m in self.misses], columns=cols)

    def value(self, kind: str, metric: str) -> float:
        frame = self.to_frame()
        hit = frame[(frame["kind"] == kind) & (frame["metric"] == metric)]
        if hit.empty:
            raise KeyError((kind, metric))
        return float(hit["value"].iloc[0])


# --------------------------------------------------------------------------- matching


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


Weight = tuple[int, int]  # (overlaps the main anchor, overlap length)


def _assign(edges: dict[int, list[tuple[Weight, int]]], taken: dict[int, int]) -> dict[int, int]:
    """Kuhn's augmenting paths: rows -> items, maximising the number of matched items.

    ``edges[row]`` lists (weight, item); rows with the heaviest edges try first, and each row
    tries its heaviest items first (main anchor before ``also`` anchors, then larger overlap,
    then lower item index), so the maximum matching leans to the preferred pairs.  ``taken``
    maps item -> row already fixed and is extended in place.
    """

    def pref(edge: tuple[Weight, int]) -> tuple[int, int, int]:
        (main, overlap), item = edge
        return (-main, -overlap, item)

    order = sorted(edges, key=lambda r: (min(pref(e)[:2] for e in edges[r]), r))
    prefs = {r: [i for _, i in sorted(edges[r], key=pref)] for r in edges}

    def augment(row: int, seen: set[int]) -> bool:
        for item in prefs[row]:
            if item in seen:
                continue
            seen.add(item)
            if item not in taken or augment(taken[item], seen):
                taken[item] = row
                return True
        return False

    for row in order:
        augment(row, set())
    return taken


def _cut(text: Any, width: int = _CUT) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


_ID_COLUMNS = {"events": "event_id", "tallies": "tally_id", "claims": "claim_id", "quotes": "quote_id"}


def _system_rows(table: pd.DataFrame | None, article_ids: set[str], id_column: str) -> dict[str, list[dict]]:
    """System rows per article (only gold articles), sorted by span then id."""
    by_article: dict[str, list[dict]] = {}
    if table is None or table.empty:
        return by_article
    sub = table[table["article_id"].astype(str).isin(article_ids)]
    for row in sub.to_dict("records"):
        by_article.setdefault(str(row["article_id"]), []).append(row)
    for rows in by_article.values():
        rows.sort(key=lambda r: (_span_key(r), str(r.get(id_column, ""))))
    return by_article


def _span_key(row: Mapping[str, Any]) -> tuple[float, float]:
    s, e = _as_number(row.get("start")), _as_number(row.get("end"))
    return (s if s is not None else -1.0, e if e is not None else -1.0)


def _row_span(row: Mapping[str, Any]) -> tuple[int, int] | None:
    s, e = _as_number(row.get("start")), _as_number(row.get("end"))
    if s is None or e is None:
        return None
    return int(s), int(e)


def _row_snippet(row: Mapping[str, Any], text: str | None) -> str:
    for col in _SNIPPET_COLUMNS:
        if col in row and not _is_null(row[col]) and str(row[col]).strip():
            return str(row[col])
    span = _row_span(row)
    return text[span[0] : span[1]] if text and span else ""


@dataclass
class _KindTally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_hits: int = 0


def score(
    gold: Gold,
    tables: Mapping[str, pd.DataFrame],
    *,
    resolve_name: Callable[[str], str] | None = None,
) -> EvalResult:
    """Score system tables against gold; see the module docstring for the rules."""
    articles_table = tables.get("articles")
    texts = _article_texts(articles_table, set(gold.articles))
    misses: list[Miss] = []
    problems: list[Miss] = []
    tallies = {kind: _KindTally() for kind in KINDS}
    field_counts = {kind: {name: [0, 0] for name, _ in FIELD_CHECKS[kind]} for kind in KINDS}
    linked: list[tuple[Any, Any]] = []  # (gold incident, system incident) of matched events/claims
    linked_items: list[tuple[Any, Any, str]] = []  # the same, with "kind[article]: anchor"

    items_by: dict[tuple[str, str], list[GoldItem]] = {}
    for item in gold.items:
        items_by.setdefault((item.kind, item.article_id), []).append(item)

    for kind in KINDS:
        rows_by = _system_rows(tables.get(kind), set(gold.articles), _ID_COLUMNS[kind])
        for article_id in sorted(gold.articles):
            items = items_by.get((kind, article_id), [])
            rows = rows_by.get(article_id, [])
            text = texts.get(article_id)
            pairs = _match_article(kind, article_id, items, rows, text, tallies[kind], misses, problems)
            for item, row in pairs:
                if kind in _LINKED_KINDS:
                    linked.append((item.fields.get("incident"), row.get("incident_id")))
                    linked_items.append((*linked[-1], f"{kind}[{article_id}] {_cut(item.anchor, 60)}"))
                if item.optional:
                    continue
                for name, check in FIELD_CHECKS[kind]:
                    outcome = check(item.fields, row, resolve_name)
                    if outcome is None:
                        continue
                    ok, gold_shown, sys_shown = outcome
                    field_counts[kind][name][1] += 1
                    if ok:
                        field_counts[kind][name][0] += 1
                    else:
                        misses.append(Miss(kind, article_id, "field", _cut(item.anchor),
                                           f"{name}: gold {_fmt(gold_shown)} vs system {_fmt(sys_shown)}"))

    article_scores = _score_articles(gold, articles_table, misses, resolve_name)
    misses += _link_misses(linked_items)
    misses.sort(key=lambda m: (KINDS.index(m.kind) if m.kind in KINDS else len(KINDS), m.article_id, m.category, m.text, m.detail))
    return EvalResult(
        kinds={k: KindScore(t.tp, t.fp, t.fn, t.optional_hits) for k, t in tallies.items()},
        fields={k: {n: FieldScore(c, t) for n, (c, t) in v.items()} for k, v in field_counts.items()},
        linking=_link_score(linked),
        articles=article_scores,
        misses=tuple(misses),
        gold_problems=tuple(sorted(problems, key=lambda m: (m.article_id, KINDS.index(m.kind), m.detail, m.text))),
    )


def _article_texts(table: pd.DataFrame | None, wanted: set[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    if table is None or table.empty:
        return texts
    for article_id, text in zip(table["article_id"].astype(str), table["text"]):
        if article_id in wanted and article_id not in texts:
            texts[article_id] = "" if _is_null(text) else str(text)
    return texts


def _match_article(
    kind: str,
    article_id: str,
    items: list[GoldItem],
    rows: list[dict],
    text: str | None,
    tally: _KindTally,
    misses: list[Miss],
    problems: list[Miss],
) -> list[tuple[GoldItem, dict]]:
    """Match one article's rows of one kind to its gold items; update counts and misses."""
    view = _ArticleText(text) if text is not None else None
    spans: list[list[tuple[int, int, int]]] = []  # (start, end, 1 for the main anchor else 0)
    for item in items:
        found: list[tuple[int, int, int]] = []
        for pos, anchor in enumerate((item.anchor, *item.also)):
            hits = view.locate(anchor) if view is not None else []
            if view is not None and not hits:
                problems.append(Miss(kind, article_id, "anchor", _cut(anchor), f"anchor of {item.key} not found in the article text"))
            found += [(s, e, int(pos == 0)) for s, e in hits]
        spans.append(sorted(set(found)))

    row_spans = [_row_span(r) for r in rows]
    edges_main: dict[int, list[tuple[Weight, int]]] = {}
    edges_opt: dict[int, list[tuple[Weight, int]]] = {}
    for r, rspan in enumerate(row_spans):
        if rspan is None:
            continue
        for i, item_spans in enumerate(spans):
            weights = [(main, _overlap(rspan, (s, e))) for s, e, main in item_spans]
            best = max((w for w in weights if w[1] > 0), default=None)
            if best is not None:
                (edges_opt if items[i].optional else edges_main).setdefault(r, []).append((best, i))

    taken = _assign(edges_main, {})
    rows_used = set(taken.values())
    taken = _assign({r: e for r, e in edges_opt.items() if r not in rows_used}, taken)
    row_of = dict(taken)
    item_of_row = {r: i for i, r in row_of.items()}

    for i, item in enumerate(items):
        if item.optional:
            continue
        if i in row_of:
            tally.tp += 1
        else:
            tally.fn += 1
            why = "article missing from system output" if view is None else (
                "anchor not found in the article text" if not spans[i] else "not extracted")
            misses.append(Miss(kind, article_id, "fn", _cut(item.anchor), why))

    for r, row in enumerate(rows):
        if r in item_of_row:
            if items[item_of_row[r]].optional:
                tally.optional_hits += 1
            continue
        touched = sorted({i for _, i in edges_main.get(r, []) + edges_opt.get(r, [])})
        snippet = _cut(_row_snippet(row, text))
        if any(items[i].optional for i in touched):
            tally.optional_hits += 1
        elif touched:
            tally.fp += 1
            first = items[touched[0]]
            misses.append(Miss(kind, article_id, "duplicate", snippet,
                               f"duplicate of gold item {first.key} \"{_cut(first.anchor, 50)}\""))
        else:
            tally.fp += 1
            misses.append(Miss(kind, article_id, "fp", snippet, "matches no gold item"))

    return [(items[i], rows[r]) for i, r in sorted(row_of.items())]


def _link_misses(linked_items: list[tuple[Any, Any, str]]) -> list[Miss]:
    """Linking misses: a gold incident whose items the system put in several incidents
    ("split", its items listed by system incident) and a system incident that joins items of
    several gold incidents ("merged")."""
    out: list[Miss] = []
    items = [(None if _is_null(g) else g, None if _is_null(s) else s, what) for g, s, what in linked_items]

    def groups(rows, key, other) -> dict:
        by: dict = {}
        for row in rows:
            by.setdefault(row[key], {}).setdefault(row[other] or "(none)", []).append(row[2])
        return by

    for gold_inc, parts in sorted(groups([r for r in items if r[0]], 0, 1).items()):
        if len(parts) > 1 or "(none)" in parts:
            detail = " | ".join(f"{sys_inc}: {'; '.join(whats)}" for sys_inc, whats in sorted(parts.items()))
            out.append(Miss("incidents", str(gold_inc), "split", f"{len(parts)} system incidents", detail))
    for sys_inc, parts in sorted(groups([r for r in items if r[1]], 1, 0).items()):
        if len([g for g in parts if g != "(none)"]) > 1:
            detail = " | ".join(f"{g}: {'; '.join(whats)}" for g, whats in sorted(parts.items()))
            out.append(Miss("incidents", str(sys_inc), "merged", f"{len(parts)} gold incidents", detail))
    return out


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _link_score(linked: Iterable[tuple[Any, Any]]) -> LinkScore:
    """Pairwise linking over matched items: counts via cluster sizes, no O(n^2) loop."""
    linked = [(None if _is_null(g) else g, None if _is_null(s) else s) for g, s in linked]
    gold_same = sum(_pairs(n) for g, n in Counter(g for g, _ in linked).items() if g is not None)
    sys_same = sum(_pairs(n) for s, n in Counter(s for _, s in linked).items() if s is not None)
    both = sum(_pairs(n) for (g, s), n in Counter(linked).items() if g is not None and s is not None)
    return LinkScore(tp=both, fp=sys_same - both, fn=gold_same - both, items=len(linked), pairs=_pairs(len(linked)))


def _score_articles(gold: Gold, table: pd.DataFrame | None, misses: list[Miss], resolve=None) -> dict[str, FieldScore]:
    records: dict[str, dict] = {}
    if table is not None and not table.empty:
        for rec in table.to_dict("records"):
            records.setdefault(str(rec["article_id"]), rec)
    counts = {"outlet": [0, 0], "outlet_side": [0, 0], "published": [0, 0]}
    for article_id in sorted(gold.articles):
        info = gold.articles[article_id]
        rec = records.get(article_id)
        if rec is None:
            misses.append(Miss("articles", article_id, "article", "", "article missing from system output"))
        for name in counts:
            outcome = _article_field(name, info, rec or {}, resolve)
            if outcome is None:
                continue
            ok, gold_shown, sys_shown = outcome
            counts[name][1] += 1
            if ok:
                counts[name][0] += 1
            elif rec is not None:
                misses.append(Miss("articles", article_id, "field", "",
                                   f"{name}: gold {_fmt(gold_shown)} vs system {_fmt(sys_shown)}"))
    return {n: FieldScore(c, t) for n, (c, t) in counts.items()}


def _article_field(name: str, info: dict, rec: Mapping[str, Any], resolve=None) -> tuple[bool, Any, Any] | None:
    if name == "published":
        return _date_check("published_window", "published", "published")(info, rec, None)
    if name not in info:
        return None
    if name == "outlet_side":
        return _side_check("outlet_side")(info, rec, None)
    return _name_check("outlet")(info, rec, resolve)


# --------------------------------------------------------------------------- report


def _fmt_field(name: str, fs: FieldScore) -> str:
    shown = f"{fs.accuracy:.2f}" if fs.total else "n/a"
    return f"{name}: {shown} ({fs.correct}/{fs.total})"


def format_report(result: EvalResult, *, misses: bool = False) -> str:
    """Fixed-width text: P/R/F1 per kind, field accuracies, linking, article fields, misses."""
    out = [f"{'kind':<9}{'tp':>5}{'fp':>5}{'fn':>5}{'opt':>5}{'P':>8}{'R':>7}{'F1':>7}"]
    for kind, s in result.kinds.items():
        out.append(f"{kind:<9}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.optional_hits:>5}"
                   f"{s.precision:>8.3f}{s.recall:>7.3f}{s.f1:>7.3f}")
    out.append("")
    out.append("field accuracy (matched non-optional items)")
    for kind, scores in result.fields.items():
        parts = [_fmt_field(n, fs) for n, fs in scores.items()]
        out.append(f"  {kind:<9}" + "  ".join(parts))
    ln = result.linking
    out.append("")
    out.append(f"incident linking: P {ln.precision:.3f}  R {ln.recall:.3f}  F1 {ln.f1:.3f}  "
               f"(tp {ln.tp}, fp {ln.fp}, fn {ln.fn}; {ln.pairs} pairs over {ln.items} matched items)")
    out.append("articles: " + "  ".join(_fmt_field(n, fs) for n, fs in result.articles.items()))
    if result.gold_problems:
        out.append("")
        out.append(f"gold problems: {len(result.gold_problems)} anchor(s) not found")
        out += [f"  {p.kind:<9}{p.article_id}  \"{p.text}\"" for p in result.gold_problems]
    if misses:
        out.append("")
        out.append(f"misses ({len(result.misses)})")
        for m in result.misses:
            shown = f"  \"{m.text}\"" if m.text else ""
            out.append(f"  {m.kind:<10}{m.article_id}  {m.category:<9}{shown}  -> {m.detail}")
    return "\n".join(out) + "\n"


def gazetteer_name(name: str) -> str:
    """The gazetteer's canonical name for ``name`` when it is one of an actor's spellings
    ("Adel Abdul Mahdi" -> "Adil Abdul-Mahdi"), else ``name`` itself. Exact alias lookup
    only: a phrase that merely contains a name ("an aide to Abdul-Mahdi") is not that name."""
    from workbench.actors import load_gazetteer

    actor = load_gazetteer().resolve(name, loose=False)
    return actor.name if actor is not None else name


def run_eval(
    gold_paths: Sequence[str | Path] | str | Path,
    *,
    articles: str | Path,
    catalog: str | Path | None = None,
    misses: bool = False,
    resolve_name: Callable[[str], str] | None = gazetteer_name,
    out: TextIO | None = None,
) -> int:
    """Load gold and the corpus, score, print the report; returns the exit code (0).

    Names (claimant, speaker) match when equal after folding case, accents, hyphens and "al-",
    or, with ``resolve_name`` (by default :func:`gazetteer_name`; None for strict), when both
    are spellings of one gazetteer actor.
    """
    from workbench import load_corpus

    gold = load_gold(gold_paths)
    corpus = load_corpus(articles, catalog=catalog)
    tables = {
        "articles": corpus.articles,
        "events": corpus.events,
        "tallies": corpus.tallies,
        "claims": corpus.claims,
        "quotes": corpus.quotes,
    }
    result = score(gold, tables, resolve_name=resolve_name)
    (out or sys.stdout).write(format_report(result, misses=misses))
    return 0
