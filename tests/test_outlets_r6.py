"""Outlets named in the catalog with a note in brackets, and a body's media office as the outlet
(after the sixth held-out corpus). Outlet names written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.corpus import load_corpus


def _outlet(tmp_path: Path, outlet: str, url: str = "") -> tuple[str, str]:
    (tmp_path / "a.txt").write_text("Statement on rockets\nRockets hit the Harir base on Sunday.\n", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text(f'file,outlet,url,published\na.txt,"{outlet}",{url},2024-02-05\n', encoding="utf-8")
    arts = load_corpus(tmp_path, catalog=tmp_path / "catalog.csv", extract=False, progress=False).articles
    return arts.loc[0, "outlet"], arts.loc[0, "outlet_side"]


@pytest.mark.parametrize(
    ("outlet", "name"),
    [
        # a note in brackets is not part of a news outlet's name
        ("Mosul Morning Herald (English translation)", "Mosul Morning Herald"),
        ("The Tigris Ledger (translated from Arabic)", "The Tigris Ledger"),
        ("Basra Wire (Telegram)", "Basra Wire"),
        # an acronym in brackets is
        ("Euphrates News Network (ENN)", "Euphrates News Network (ENN)"),
    ],
)
def test_an_unknown_news_outlet_drops_a_note_in_brackets(tmp_path: Path, outlet: str, name: str) -> None:
    assert _outlet(tmp_path, outlet) == (name, "media")


@pytest.mark.parametrize(
    ("outlet", "side"),
    [
        ("Harakat al-Nujaba media office (translated)", "factions"),
        ("Asa'ib Ahl al-Haq press office", "factions"),
        ("Media office of Kata'ib Sayyid al-Shuhada", "factions"),
        ("Syrian Democratic Forces media center", "unknown"),
    ],
)
def test_a_bodys_media_office_speaks_for_the_body(tmp_path: Path, outlet: str, side: str) -> None:
    # the name it is given stays (the office, not the body), with the body's side
    assert _outlet(tmp_path, outlet) == (outlet, side)


def test_an_unknown_bodys_media_office_is_a_news_outlet(tmp_path: Path) -> None:
    assert _outlet(tmp_path, "Valley Farmers Union media office") == ("Valley Farmers Union media office", "media")
