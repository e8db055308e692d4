"""Outlets after the seventh held-out corpus: a member of Congress's office publishing on
senate.gov / house.gov speaks for the US side; an Iranian state-aligned site by its domain.
Names written for these tests."""

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
    ("outlet", "url", "name"),
    [
        ("Office of Senator Jo Marsh (press release)", "https://www.marsh.senate.gov/news/statement-on-iraq", "Office of Senator Jo Marsh"),
        ("Congressman Ray Dunn", "https://dunn.house.gov/media/press-releases/dunn-on-syria", "Congressman Ray Dunn"),
        ("Senator Lee Park (statement)", "https://www.park.senate.gov/newsroom/1", "Senator Lee Park"),
    ],
)
def test_a_member_of_congress_on_a_congress_site_is_us(tmp_path: Path, outlet: str, url: str, name: str) -> None:
    # the name given, without its note; the side from the site it is published on
    assert _outlet(tmp_path, outlet, url) == (name, "us")


def test_the_same_name_off_a_congress_site_is_a_news_outlet(tmp_path: Path) -> None:
    assert _outlet(tmp_path, "Office of Senator Jo Marsh (press release)", "https://marsh-for-senate.example.com/news/1") == (
        "Office of Senator Jo Marsh",
        "media",
    )


@pytest.mark.parametrize("url", ["https://nournews.ir/en/news/5531/", "https://www.nournews.ir/fa/news/77/"])
def test_nour_news_is_iranian_state_aligned(tmp_path: Path, url: str) -> None:
    assert _outlet(tmp_path, "Nour News", url) == ("Nour News", "iran")
