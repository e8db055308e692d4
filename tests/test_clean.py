"""Tests for workbench.clean: whole lines of furniture out, every kept line verbatim."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.clean import Cleaned, clean_text

P1 = "Two drones struck the perimeter of Erbil airport late on Thursday, a Kurdish security official said."
P2 = "The official said air defences intercepted one of the drones, while the other fell in an empty field."
P3 = "No group immediately claimed the attack, which came hours after a faction threatened to widen its operations."
P4 = "“We will not allow our land to become a base for aggression,” a spokesman for the faction told reporters."
BODY = [P1, P2, P3, P4]
HEADLINE = "Drones target Erbil airport"


# Horizontal white space, as the cleaner folds it (line breaks split lines instead).
_HSPACE = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def _fold(s: str) -> str:
    return _HSPACE.sub(" ", s).strip()


def _lines(c: Cleaned) -> list[str]:
    return c.text.split("\n") if c.text else []


# --------------------------------------------------------------------------- boilerplate

BOILERPLATE = [
    pytest.param([*BODY, "Post a comment"], "boilerplate", id="post a comment"),
    pytest.param([*BODY, "Back to top button"], "boilerplate", id="back to top button"),
    pytest.param([P1, P2, "Share", P3, P4], "boilerplate", id="share"),
    pytest.param([P1, P2, "Share this:", P3, P4], "boilerplate", id="share this:"),
    pytest.param([P1, P2, "Share on Facebook", P3, P4], "boilerplate", id="share on facebook"),
    pytest.param([P1, P2, "Share this article", P3, P4], "boilerplate", id="share this article"),
    pytest.param([P1, P2, "Facebook Twitter WhatsApp Telegram", P3, P4], "boilerplate", id="share buttons"),
    pytest.param(["Home > World > Middle East", *BODY], "boilerplate", id="breadcrumb"),
    pytest.param(["Iraq", *BODY], "boilerplate", id="lone section name"),
    pytest.param(["North AmericaIraqWest Asia", *BODY], "navigation", id="glued section names"),
    pytest.param(["IraqSyriaMiddle East", *BODY], "navigation", id="glued section names 2"),
    pytest.param(["Middle East Iraq Syria World Video", *BODY], "navigation", id="spaced section names"),
    pytest.param([P1, "Iraqi troops patrol near the airport on Friday. Photo: AP", P2, P3], "boilerplate",
                 id="caption with Photo: AP"),
    pytest.param([P1, "File photo: AFP", P2, P3], "boilerplate", id="file photo credit"),
    pytest.param([P1, "(Photo by Karim Saleh/Reuters)", P2, P3], "boilerplate", id="photo by"),
    pytest.param([*BODY, "Tags: Iraq, Erbil, drones"], "boilerplate", id="tags"),
    pytest.param([*BODY, "Related News"], "related links", id="related"),
    pytest.param([*BODY, "Copyright © 2023 Tigris Monitor"], "boilerplate", id="copyright"),
    pytest.param(["News ID: 48213", *BODY], "boilerplate", id="news id"),
    pytest.param(
        [*BODY, "Comments", "The Monitor moderates all comments submitted on this site. Be civil.",
         "Comments that break the rules are removed.", "Post a comment"],
        "comment section", id="comment policy tail",
    ),
    pytest.param([*BODY, "* Comment:"], "comment section", id="comment prompt"),
    pytest.param([P1, P2, P3, P1, P2, P3, P4], "repeated paragraph", id="repeated body"),
]


@pytest.mark.parametrize(("lines", "reason"), BOILERPLATE)
def test_boilerplate_dropped(lines: list[str], reason: str) -> None:
    c = clean_text("\n".join(lines))
    body = list(dict.fromkeys(ln for ln in lines if ln in BODY))
    assert _lines(c) == body
    assert c.dropped[reason] >= 1
    assert sum(c.dropped.values()) == len(lines) - len(body)
    assert c.dropped_summary().startswith(f"dropped {len(lines) - len(body)} lines")


def test_repeated_body_keeps_each_paragraph_once_in_order() -> None:
    c = clean_text("\n\n".join([P1, P2, P3, P4, P1, P2, P3, P4]))
    assert _lines(c) == BODY
    assert c.dropped == {"repeated paragraph": 4}


def test_short_repeated_lines_are_kept() -> None:
    # Short lines ("He said no.") may repeat legitimately; only paragraphs are de-duplicated.
    c = clean_text("\n".join([P1, "He declined.", P2, "He declined.", P3]))
    assert _lines(c).count("He declined.") == 2


@pytest.mark.parametrize(
    "line",
    [
        "Security forces patrol the area near the airport.",
        "Iraqi security forces",
        "Share prices in Baghdad fell sharply after the attack on the airport.",
        "Date palms were burned in the 2019 fires near the base, farmers said.",
        "Comments by the prime minister angered the factions.",
        "Photo evidence of the strike was published by the faction on Telegram.",
        "Posted on social media in 2021, the video showed a drone launch.",
    ],
)
def test_prose_is_kept(line: str) -> None:
    c = clean_text("\n".join([P1, line, P2, P3]))
    assert line in _lines(c)
    assert c.published_text is None


def test_comment_words_early_in_article_do_not_cut_it() -> None:
    # A "Comments" line in the first third is not the page's comment section.
    lines = ["Comments", P1, P2, P3, P4, "He added that the talks would resume.", "Nobody was hurt in the attack."]
    c = clean_text("\n".join(lines))
    assert P4 in _lines(c)
    assert "Nobody was hurt in the attack." in _lines(c)


# --------------------------------------------------------------------------- headline and title


@pytest.mark.parametrize(
    ("first", "title", "site"),
    [
        (f"{HEADLINE} - Tigris Monitor", HEADLINE, "Tigris Monitor"),
        (f"{HEADLINE} | Tigris Monitor", HEADLINE, "Tigris Monitor"),
        (f"{HEADLINE} – Shafaq News", HEADLINE, "Shafaq News"),
        (f"{HEADLINE} | Rudaw.net", HEADLINE, "Rudaw"),
        ("US-led coalition says base was hit - Press TV", "US-led coalition says base was hit", "Press TV"),
        ("Khazali: Operations Against U.S. Have Moved to New Stage",
         "Khazali: Operations Against U.S. Have Moved to New Stage", None),
        (HEADLINE, HEADLINE, None),
        # The tail is too long to be a site name: the dash belongs to the headline.
        ("Drones hit airport - and nobody knows who sent them or why they came",
         "Drones hit airport - and nobody knows who sent them or why they came", None),
    ],
)
def test_title_and_site_suffix(first: str, title: str, site: str | None) -> None:
    c = clean_text("\n".join([first, *BODY]))
    assert c.title == title
    assert c.outlet_hint == site
    assert _lines(c) == BODY


@pytest.mark.parametrize(
    "lines",
    [
        [f"{HEADLINE} - Tigris Monitor", HEADLINE, *BODY],
        [f"{HEADLINE} - Tigris Monitor", "North AmericaIraqWest Asia", "", HEADLINE, "", *BODY],
        [HEADLINE, P1, P2, HEADLINE, P3, P4],
    ],
    ids=["repeat below", "repeat after nav", "repeat in body"],
)
def test_headline_repeat_dropped(lines: list[str]) -> None:
    c = clean_text("\n".join(lines))
    assert c.title == HEADLINE
    assert _lines(c) == BODY
    assert c.dropped["headline repeat"] == 1


def test_title_from_metadata_drops_its_repeat() -> None:
    c = clean_text("\n".join([HEADLINE, *BODY]), title=HEADLINE)
    assert c.title == HEADLINE
    assert _lines(c) == BODY


def test_no_headline_when_first_line_is_prose() -> None:
    c = clean_text("\n".join(BODY))
    assert c.title is None
    assert _lines(c) == BODY
    assert not c.dropped
    assert c.dropped_summary() == ""


# --------------------------------------------------------------------------- dateline


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("BAGHDAD (Dispatches) -- ", "BAGHDAD"),
        ("ERBIL, Kurdistan Region - ", "ERBIL, Kurdistan Region"),
        ("SULAIMANI, Kurdistan Region – ", "SULAIMANI, Kurdistan Region"),
        ("WASHINGTON (AP) — ", "WASHINGTON"),
        ("DAMASCUS, Syria (SANA) -- ", "DAMASCUS, Syria"),
        ("BAGHDAD: ", "BAGHDAD"),
        ("", None),
        ("US forces - ", None),
        ("Kataib Hezbollah: ", None),
        ("In BAGHDAD - ", None),
    ],
)
def test_dateline(opening: str, dateline: str | None) -> None:
    c = clean_text("\n".join([HEADLINE, opening + P1, P2, P3]))
    assert c.dateline == dateline
    # The dateline stays in the text: the first sentence is not rewritten.
    assert _lines(c)[0] == opening + P1


# --------------------------------------------------------------------------- published line


@pytest.mark.parametrize(
    ("line", "stated"),
    [
        ("Publish Date : 30 June 2021 - 22:23", "30 June 2021 - 22:23"),
        ("Published: June 30, 2021", "June 30, 2021"),
        ("Posted on 30/06/2021", "30/06/2021"),
        ("Date: 2021-06-30", "2021-06-30"),
        ("Published on Wednesday, 30 June 2021", "Wednesday, 30 June 2021"),
        ("By Hana Karim | June 30, 2021 | The Baghdad Observer", "June 30, 2021"),
        ("By Hana Karim · 30 Jun 2021", "30 Jun 2021"),
    ],
)
def test_published_line(line: str, stated: str) -> None:
    c = clean_text("\n".join(["News ID: 48213", line, HEADLINE, "", *BODY]))
    assert c.published_text == stated
    assert c.title == HEADLINE
    assert _lines(c) == BODY


def test_updated_line_is_dropped_but_not_a_publication_date() -> None:
    c = clean_text("\n".join([HEADLINE, "Last updated: 1 July 2021", *BODY]))
    assert c.published_text is None
    assert _lines(c) == BODY


@pytest.mark.parametrize(
    ("header", "stated"),
    [
        (["Thursday, 8 February 2024"], "Thursday, 8 February 2024"),
        (["Our correspondent in Baghdad", "14 March 2022"], "14 March 2022"),
        (["Erbil, 25 October 2023"], "25 October 2023"),
        (["Press Office", "Sulaymaniyah, Sunday 3 December 2023"], "Sunday 3 December 2023"),
        (["January 9, 2020 - 18:40"], "January 9, 2020"),
    ],
)
def test_date_alone_on_a_header_line_is_the_publication_date(header: list[str], stated: str) -> None:
    c = clean_text("\n".join([HEADLINE, "", *header, "", *BODY]))
    assert c.published_text == stated
    assert all(h not in c.text for h in header if any(ch.isdigit() for ch in h))
    assert _lines(c)[-len(BODY):] == BODY


def test_date_line_further_down_heads_its_post_and_stays() -> None:
    # a compilation of posts: the dates below the header are the posts' own
    posts = [P1, P2, "Sunday, 9 June 2024", "The second statement claimed a drone attack on the base.",
             "Monday, 10 June 2024", "The third statement said the operation would continue."]
    c = clean_text("\n".join([HEADLINE, "", *posts]))
    assert c.published_text is None
    assert "Sunday, 9 June 2024" in c.text and "Monday, 10 June 2024" in c.text


def test_a_sentence_that_ends_with_a_date_is_not_a_date_line() -> None:
    c = clean_text("\n".join([HEADLINE, "The base was attacked again on 8 February 2024.", *BODY]))
    assert c.published_text is None
    assert "The base was attacked again on 8 February 2024." in c.text


# --------------------------------------------------------------------------- outlet signatures


@pytest.mark.parametrize(
    ("raw", "outlet"),
    [
        ("\n".join(["News ID: 48213", "Publish Date : 2 July 2021 - 10:05", HEADLINE, *BODY]), "Kayhan International"),
        ("\n".join([HEADLINE, "BAGHDAD (Dispatches) -- " + P1, P2]), "Kayhan International"),
        ("\n".join([*BODY, "Comments", "Rudaw moderates all comments submitted on our website."]), "Rudaw"),
        ("\n".join(BODY), None),
    ],
)
def test_outlet_hint(raw: str, outlet: str | None) -> None:
    assert clean_text(raw).outlet_hint == outlet


# --------------------------------------------------------------------------- whitespace and verbatim


def test_whitespace_folded_words_untouched() -> None:
    raw = "  Two\u00a0drones   struck\tthe base .  \r\n\r\n\r\nNobody  was hurt, officials said.\r"
    c = clean_text(raw)
    assert c.text == "Two drones struck the base .\nNobody was hurt, officials said."


def test_empty_input() -> None:
    c = clean_text("")
    assert c.text == "" and c.title is None and c.dateline is None


_POOL = [
    *BODY,
    HEADLINE,
    f"{HEADLINE} - Tigris Monitor",
    "BAGHDAD (Dispatches) -- " + P1,
    "Post a comment",
    "Back to top button",
    "Share on Facebook",
    "North AmericaIraqWest Asia",
    "Iraq",
    "Comments",
    "Iraqi troops patrol near the airport on Friday. Photo: AP",
    "Publish Date : 30 June 2021 - 22:23",
    "",
    "   ",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(_POOL) | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80),
        max_size=14,
    ),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_every_kept_line_is_an_input_line_in_order(lines: list[str], sep: str) -> None:
    raw = sep.join(lines)
    c = clean_text(raw)
    source = [_fold(ln) for ln in re.split(r"\r\n|\r|\n", raw)]
    pos = 0
    for kept in _lines(c):
        assert kept == _fold(kept), "kept line not whitespace-normalised"
        assert kept in source[pos:], f"kept line {kept!r} is not a line of the input (in order)"
        pos = source.index(kept, pos) + 1


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        (r"(?m)^.{10,200} - Press TV\s*$", " - Press TV"),
        (r"\bShafaq News/", "Shafaq News/"),
        (r"(?m)^News ID: \d+\s*\n\s*Publish Date\s*:", "Publish Date"),
        (r"(?:Rudaw|Kurdistan24) moderates", " moderates"),
        (r"(?i)press tv", ""),
        (r"[A-Z]+\d*", ""),
    ],
)
def test_required_text_of_a_signature(pattern: str, needed: str) -> None:
    from workbench.clean import _required_text

    assert _required_text(pattern) == needed
    for text in ["x" * 12 + " - Press TV", "Shafaq News/", "News ID: 5\nPublish Date:", "Rudaw moderates", "PRESS TV"]:
        if re.search(pattern, text):
            assert needed in text
