"""The optional catalog: a CSV that tells, per file, the outlet, URL and publication date.

What the catalog gives wins over what the text suggests. Rows are matched to articles by
file name, by file stem (the article id) or by path relative to the corpus folder.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CatalogEntry", "CatalogError", "Catalog", "read_catalog"]

KEY_COLUMNS = ("file", "filename", "path", "article_id", "id")
VALUE_COLUMNS = ("outlet", "url", "published", "title")


class CatalogError(ValueError):
    """The catalog cannot be used at all (missing, unreadable, no key column)."""


@dataclass(frozen=True)
class CatalogEntry:
    row: int  # 1-based data row number (the header is row 0)
    key: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True)
class Catalog:
    path: str
    entries: dict[str, CatalogEntry]  # lookup key (file name, stem or relative path) -> entry
    problems: tuple[tuple[int, str], ...]  # (row, what is wrong), for the load report

    def lookup(self, *candidates: str | None) -> CatalogEntry | None:
        for c in candidates:
            if c and c in self.entries:
                return self.entries[c]
        return None

    def unused(self, used: set[int]) -> list[CatalogEntry]:
        seen: dict[int, CatalogEntry] = {}
        for e in self.entries.values():
            seen.setdefault(e.row, e)
        return [e for r, e in sorted(seen.items()) if r not in used]


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def read_catalog(path: str | Path) -> Catalog:
    """Read a catalog CSV; raise :class:`CatalogError` naming the file when it is unusable.

    Rows with problems (bad date, no key, repeated key) are kept as ``problems``; the rest load.
    """
    from workbench.dates import parse_date_string

    path = Path(path)
    if not path.is_file():
        raise CatalogError(f"catalog {path}: no such file")
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"catalog {path}: cannot be read as UTF-8 text ({exc})") from exc
    reader = csv.DictReader(raw.splitlines())
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    key_col = next((k for k in KEY_COLUMNS if k in header), None)
    if key_col is None:
        raise CatalogError(
            f"catalog {path}: no column naming the files (expected one of {', '.join(KEY_COLUMNS)}; "
            f"found {', '.join(header) or 'no header'})"
        )
    entries: dict[str, CatalogEntry] = {}
    problems: list[tuple[int, str]] = []
    for n, row in enumerate(reader, start=1):
        key = _clean(row.get(key_col))
        if key is None:
            problems.append((n, f"catalog row {n}: no value in column '{key_col}'"))
            continue
        published = None
        raw_date = _clean(row.get("published"))
        if raw_date:
            published = parse_date_string(raw_date)
            if published is None:
                problems.append((n, f"catalog row {n} ({key}): unreadable date {raw_date!r}, ignored"))
        entry = CatalogEntry(
            row=n,
            key=key,
            outlet=_clean(row.get("outlet")),
            url=_clean(row.get("url")),
            published=published,
            title=_clean(row.get("title")),
        )
        names = {key, Path(key).name, Path(key).stem}
        if any(k in entries for k in names):
            problems.append((n, f"catalog row {n}: {key} is listed again; the first row wins"))
            continue
        for k in names:
            entries[k] = entry
    return Catalog(path=str(path), entries=entries, problems=tuple(problems))
