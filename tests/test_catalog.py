"""Tests for workbench.catalog: a usable catalog loads, an unusable one says why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbench.catalog import Catalog, CatalogError, read_catalog


def _write(tmp_path: Path, text: str, *, name: str = "catalog.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


GOOD = (
    "file,outlet,url,published,title\n"
    "a1.txt,Tigris Monitor,https://tigris.example/a1,2023-12-08,Rockets hit Green Zone\n"
    "sub/a2.html,Press TV,https://presstv.example/a2,30 June 2021,\n"
)


def test_reads_entries_by_name_stem_and_path(tmp_path: Path) -> None:
    cat = read_catalog(_write(tmp_path, GOOD))
    assert isinstance(cat, Catalog)
    assert cat.problems == ()
    a1 = cat.lookup("a1.txt")
    assert a1 is not None
    assert (a1.row, a1.key, a1.outlet, a1.url, a1.published, a1.title) == (
        1, "a1.txt", "Tigris Monitor", "https://tigris.example/a1", dt.date(2023, 12, 8), "Rockets hit Green Zone",
    )
    assert cat.lookup("a1") is a1
    a2 = cat.lookup("nothing", "a2.html")
    assert a2 is not None and a2.published == dt.date(2021, 6, 30) and a2.title is None
    assert cat.lookup("sub/a2.html") is a2 and cat.lookup("a2") is a2
    assert cat.lookup("missing.txt", None) is None


def test_missing_file_names_it(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "my_catalog.csv"
    with pytest.raises(CatalogError, match="my_catalog.csv"):
        read_catalog(path)


def test_folder_is_not_a_catalog(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=str(tmp_path.name)):
        read_catalog(tmp_path)


def test_no_key_column_lists_columns(tmp_path: Path) -> None:
    path = _write(tmp_path, "source,outlet,date\nx.txt,Rudaw,2023-12-09\n")
    with pytest.raises(CatalogError) as err:
        read_catalog(path)
    message = str(err.value)
    assert "catalog.csv" in message
    for column in ("source", "outlet", "date"):
        assert column in message
    assert "file" in message  # what it expected


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="no header"):
        read_catalog(_write(tmp_path, ""))


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_bytes(b"file,outlet\n\xff\xfe\x00bad\n")
    with pytest.raises(CatalogError, match="UTF-8"):
        read_catalog(path)


def test_bad_date_is_a_problem_row_others_load(tmp_path: Path) -> None:
    text = "file,outlet,published\na.txt,Rudaw,2023-12-09\nb.txt,Rudaw,sometime in winter\nc.txt,Rudaw,2023-02-30\n"
    cat = read_catalog(_write(tmp_path, text))
    assert cat.lookup("a.txt").published == dt.date(2023, 12, 9)
    # The row still counts for its other values; only the date is dropped.
    b = cat.lookup("b.txt")
    assert b is not None and b.published is None and b.outlet == "Rudaw"
    assert cat.lookup("c.txt").published is None
    rows = dict(cat.problems)
    assert set(rows) == {2, 3}
    assert "sometime in winter" in rows[2] and "b.txt" in rows[2]
    assert "2023-02-30" in rows[3]


def test_repeated_key_first_row_wins(tmp_path: Path) -> None:
    text = "file,outlet\na.txt,Rudaw\nb.txt,Press TV\na.txt,Kayhan International\n"
    cat = read_catalog(_write(tmp_path, text))
    assert cat.lookup("a.txt").outlet == "Rudaw"
    assert [row for row, _ in cat.problems] == [3]
    assert "a.txt" in cat.problems[0][1] and "again" in cat.problems[0][1]


def test_row_without_key(tmp_path: Path) -> None:
    cat = read_catalog(_write(tmp_path, "file,outlet\n,Rudaw\nb.txt,Press TV\n"))
    assert [row for row, _ in cat.problems] == [1]
    assert cat.lookup("b.txt").outlet == "Press TV"


def test_bom_and_header_case(tmp_path: Path) -> None:
    text = "File , Outlet,URL,Published\r\na.txt, Rudaw ,https://rudaw.example/091220233,2023-12-09\r\n"
    cat = read_catalog(_write(tmp_path, text, bom=True))
    entry = cat.lookup("a.txt")
    assert entry is not None
    assert entry.outlet == "Rudaw"
    assert entry.url == "https://rudaw.example/091220233"
    assert entry.published == dt.date(2023, 12, 9)


@pytest.mark.parametrize("key", ["file", "filename", "path", "article_id", "id"])
def test_key_column_names(tmp_path: Path, key: str) -> None:
    cat = read_catalog(_write(tmp_path, f"{key},outlet\nart-7,Shafaq News\n"))
    assert cat.lookup("art-7").outlet == "Shafaq News"


def test_quoted_fields_with_commas_and_newlines(tmp_path: Path) -> None:
    text = 'file,outlet,note\na.txt,"Kayhan International","dated by the page, ""Publish Date""\nsecond line"\nb.txt,Rudaw,\n'
    cat = read_catalog(_write(tmp_path, text))
    assert cat.lookup("a.txt").outlet == "Kayhan International"
    assert cat.lookup("b.txt").row == 2


def test_unused(tmp_path: Path) -> None:
    cat = read_catalog(_write(tmp_path, GOOD))
    assert [e.key for e in cat.unused({1})] == ["sub/a2.html"]
    assert cat.unused({1, 2}) == []


def test_seed_catalog_reads() -> None:
    cat = read_catalog(Path(__file__).parents[1] / "seeds" / "catalog.csv")
    assert cat.problems == ()
    assert cat.lookup("004_07dcd8d47dd2376f").published == dt.date(2021, 6, 30)
    assert cat.lookup("002_74fd81c8c935c95f.txt").published is None
