"""Hostile input: every kind of broken or odd file ends as a loaded article or a skipped row
with a reason a person understands; the batch never crashes and no article is lost.

All article text here is written for these tests.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd
import pytest

from workbench import load_corpus
from workbench.catalog import CatalogError

STORY = (
    "BAGHDAD (Reuters) - Rockets struck the Victory base near Baghdad airport on Tuesday night, "
    "a security source said. “There were no injuries,” a coalition spokesman said."
)
ARABIC = "قال مصدر أمني إن صواريخ سقطت قرب قاعدة فكتوريا في بغداد مساء الثلاثاء."

# (file name, bytes, expected status, words the reason must contain)
CASES: list[tuple[str, bytes, str, tuple[str, ...]]] = [
    ("empty.txt", b"", "skipped", ("empty",)),
    ("blank.txt", b"   \n\t\n  ", "skipped", ("empty",)),
    ("binary.txt", bytes(range(256)) * 4, "skipped", ("binary",)),
    ("fake.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"\x00" * 64, "skipped", ("pdf",)),
    ("truncated.txt", STORY.encode("utf-8") + "é".encode("utf-8")[:1], "loaded", ()),
    ("utf16.txt", STORY.encode("utf-16"), "loaded", ()),
    ("cp1252.txt", STORY.replace("“", "\u201c").encode("cp1252"), "loaded", ()),
    ("cp1256.txt", (ARABIC + "\n" + ARABIC).encode("cp1256"), "loaded", ()),
    ("mixed.txt", (STORY + "\n" + ARABIC).encode("utf-8"), "loaded", ()),
    ("crlf.txt", STORY.replace(". ", ".\r\n").encode("utf-8"), "loaded", ()),
    ("cr.txt", STORY.replace(". ", ".\r").encode("utf-8"), "loaded", ()),
    ("notes.docx", b"PK\x03\x04 not really a document", "skipped", ("unsupported",)),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    for name, data, _, _ in CASES:
        (root / name).write_bytes(data)
    # HTML with scripts, styles and handlers: text kept, code not.
    (root / "page.html").write_text(
        "<html><head><title>Rockets hit Victory base</title><style>p{color:red}</style>"
        "<script>alert('x')</script></head><body onload=\"alert(1)\"><nav>Home | World</nav>"
        f"<article><h1>Rockets hit Victory base</h1><p onclick=\"steal()\">{STORY}</p>"
        "<p>Officials said the base was not seriously damaged and that an investigation had begun.</p>"
        "</article><script>document.write('injected')</script></body></html>",
        encoding="utf-8",
    )
    # Deeply nested HTML.
    (root / "nested.html").write_text("<div>" * 3000 + f"<p>{STORY}</p>" + "</div>" * 3000, encoding="utf-8")
    # JSONL with a broken line between two good ones, and a line that is not an object.
    (root / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": STORY, "outlet": "Reuters", "published": "2024-01-17"}) + "\n"
        + '{"id": "j2", "text": "broken\n'
        + json.dumps({"id": "j3", "text": STORY + " Later, officials confirmed it."}) + "\n"
        + "[1, 2, 3]\n",
        encoding="utf-8",
    )
    # CSV with embedded newlines and quotes, and a duplicate id.
    pd.DataFrame(
        {
            "id": ["c1", "c2", "c1"],
            "text": [STORY + '\nHe said "no comment".', "Rockets hit Erbil.\nNo one was hurt, officials said.", STORY],
            "published": ["2024-01-17", "not a date", "2024-01-18"],
        }
    ).to_csv(root / "table.csv", index=False)
    # A nested folder, a hidden file, and a symlink that points outside the corpus.
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "sub" / "deeper" / "inner.txt").write_text(STORY, encoding="utf-8")
    (root / ".hidden.txt").write_text(STORY, encoding="utf-8")
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("outside the corpus", encoding="utf-8")
    try:
        os.symlink(outside, root / "link.txt")
    except OSError:
        pass
    return root


@pytest.fixture(scope="module")
def corpus(hostile):
    return load_corpus(hostile)


def _row(corpus, name):
    rows = corpus.report[corpus.report["source_path"].str.endswith(name)]
    assert len(rows) >= 1, f"{name} not accounted for"
    return rows


@pytest.mark.parametrize("name, data, status, words", CASES, ids=[c[0] for c in CASES])
def test_each_file_is_accounted_for(corpus, name, data, status, words):
    rows = _row(corpus, name)
    assert set(rows["status"]) == {status}, rows[["status", "reason"]].to_dict("records")
    reason = " ".join(rows["reason"].fillna("")).lower()
    for w in words:
        assert w in reason


def test_legacy_encodings_are_decoded_not_mangled(corpus):
    arts = corpus.articles.set_index("article_id")
    assert "“There were no injuries,”" in arts.loc["cp1252", "text"]
    assert arts.loc["cp1252", "encoding"] == "cp1252"
    assert ARABIC in arts.loc["cp1256", "text"]
    assert arts.loc["cp1256", "encoding"] == "cp1256"
    assert ARABIC in arts.loc["mixed", "text"]
    assert "\r" not in arts.loc["crlf", "text"] and "\r" not in arts.loc["cr", "text"]
    assert "Rockets struck" in arts.loc["utf16", "text"]


def test_html_scripts_and_handlers_are_not_text(corpus):
    text = corpus.articles.set_index("article_id").loc["page", "text"]
    assert "Rockets struck the Victory base" in text
    for code in ("alert", "document.write", "steal()", "color:red"):
        assert code not in text


def test_jsonl_and_csv_rows(corpus):
    ids = set(corpus.articles["article_id"])
    assert {"j1", "j3", "c2"} <= ids
    feed = _row(corpus, "feed.jsonl")
    assert (feed["status"] == "skipped").sum() == 2  # the broken line and the list
    assert feed[feed["status"] == "skipped"]["reason"].str.contains("line").all()
    table = _row(corpus, "table.csv")
    assert len(table) == 3
    assert "c1" in ids


def test_links_outside_the_corpus_and_hidden_files(corpus, hostile):
    if (hostile / "link.txt").is_symlink():
        rows = _row(corpus, "link.txt")
        assert set(rows["status"]) == {"skipped"}
        assert "outside" in rows["reason"].iloc[0]
    assert not corpus.report["source_path"].str.contains(".hidden").any()
    assert "inner" in set(corpus.articles["article_id"])


def test_nothing_lost(corpus):
    """Every loaded report row is an article, and every article has a loaded report row."""
    loaded = corpus.report[corpus.report["status"] == "loaded"]
    assert sorted(loaded["article_id"]) == sorted(corpus.articles["article_id"])
    assert corpus.articles["article_id"].is_unique


def test_extraction_runs_on_hostile_corpus(corpus):
    for name in ("events", "claims", "quotes", "tallies", "incidents"):
        assert isinstance(getattr(corpus, name), pd.DataFrame)
    texts = corpus.articles.set_index("article_id")["text"]
    for table in ("events", "claims"):
        for r in getattr(corpus, table).itertuples():
            assert texts[r.article_id][r.start : r.end] == r.snippet


def test_unreadable_file_is_reported(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    f = tmp_path / "locked.txt"
    f.write_text(STORY)
    f.chmod(0)
    c = load_corpus(tmp_path)
    assert set(c.report["status"]) == {"skipped"}


def test_single_huge_line(tmp_path):
    line = ("Rockets struck the base on Tuesday, officials said, " * 1_000_000).encode()  # 52 MB, one line
    (tmp_path / "huge.txt").write_bytes(line)
    c = load_corpus(tmp_path, extract=False)
    assert len(c.articles) == 1
    assert c.articles["n_words"].iloc[0] == 8_000_000


def test_many_tiny_files(tmp_path):
    for i in range(10_000):
        (tmp_path / f"t{i:05d}.txt").write_text(f"Rockets struck the base on Tuesday, report {i} said.")
    c = load_corpus(tmp_path, extract=False, progress=False)
    assert len(c.articles) == 10_000
    assert (c.report["status"] == "loaded").sum() == 10_000


@pytest.mark.parametrize(
    "catalog, problem",
    [
        ("outlet,url\nReuters,http://x\n", "no column naming the files"),
        (None, "no such file"),
    ],
)
def test_unusable_catalog_is_a_clear_error(tmp_path, catalog, problem):
    (tmp_path / "a.txt").write_text(STORY)
    path = tmp_path / "catalog_x.csv"
    if catalog is not None:
        path.write_text(catalog)
    with pytest.raises(CatalogError, match=problem):
        load_corpus(tmp_path / "a.txt", catalog=path)


def test_catalog_with_bad_dates_and_unknown_files(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "cat.csv").write_text("file,outlet,published\na.txt,Reuters,31/31/2024\nghost.txt,AP,2024-01-01\n")
    c = load_corpus(tmp_path / "a.txt", catalog=tmp_path / "cat.csv")
    assert len(c.articles) == 1
    reasons = " ".join(c.report["reason"].fillna(""))
    assert "unreadable date" in reasons and "ghost.txt" in reasons
    assert c.articles["outlet"].iloc[0] == "Reuters"


def test_output_does_not_depend_on_input_order(tmp_path):
    names = []
    for i, text in enumerate([STORY, "A drone struck Erbil airport on Monday, the ministry said.", STORY + " More later."]):
        p = tmp_path / f"f{i}.txt"
        p.write_text(text)
        names.append(p)
    a = load_corpus(names)
    b = load_corpus(list(reversed(names)))
    for name in ("articles", "sentences", "events", "claims", "quotes", "incidents"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
