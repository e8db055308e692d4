"""Tests for workbench.readers: every file and record ends up as a doc or a skipped row."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from workbench import readers
from workbench.readers import RawDoc, ReportRow, decode_bytes, iter_input_files, read_file

LEDE = "Two rockets landed near the US embassy in Baghdad's Green Zone on Friday, a security source said."
SECOND = "There were no casualties, and Iraqi forces found the launcher in a field east of the capital."
CURLY = "\u201cWe will not stand idle,\u201d the faction\u2019s spokesman said \u2013 adding that \u2018patience has limits\u2019."
ARABIC = "\u0642\u0627\u0644\u062a \u0643\u062a\u0627\u0626\u0628 \u062d\u0632\u0628 \u0627\u0644\u0644\u0647 \u0625\u0646 \u0645\u0642\u0627\u062a\u0644\u064a\u0647\u0627 \u0627\u0633\u062a\u0647\u062f\u0641\u0648\u0627 \u0642\u0627\u0639\u062f\u0629 \u0639\u064a\u0646 \u0627\u0644\u0623\u0633\u062f \u0628\u0637\u0627\u0626\u0631\u0629 \u0645\u0633\u064a\u0631\u0629."

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Rockets target Green Zone | Tigris Monitor</title>
<meta property="og:site_name" content="Tigris Monitor">
<meta property="og:title" content="Rockets target Green Zone">
<link rel="canonical" href="https://tigris-monitor.example/iraq/rockets-green-zone">
<meta property="article:published_time" content="2023-12-08T09:15:00+03:00">
<style>body {{ color: black; }} .STYLE_RULE {{ display: none; }}</style>
<script>var tracker = "SCRIPT_IN_HEAD";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/iraq">Iraq</a> | NAV_MENU_ITEM</nav>
<main><article>
<h1>Rockets target Green Zone</h1>
<p>{lede}</p>
<p>{second}</p>
<p>A spokesman for the Joint Operations Command said the attack was a desperate attempt to undermine security ahead of provincial elections.</p>
<script>document.write("SCRIPT_IN_BODY");</script>
<p>No group immediately claimed responsibility, although similar attacks in recent weeks were claimed by a front for Iran-aligned factions.</p>
</article></main>
<footer><p>FOOTER_NOTICE Copyright Tigris Monitor. All rights reserved.</p></footer>
</body></html>
"""


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def _only(rows: list[ReportRow]) -> ReportRow:
    assert len(rows) == 1, rows
    return rows[0]


# --------------------------------------------------------------------------- single-article files


@pytest.mark.parametrize("name", ["story.txt", "story.text", "story.md"])
def test_text_file_is_one_article(tmp_path, name):
    path = _write(tmp_path / name, f"{LEDE}\n{SECOND}\n")
    docs, rows = read_file(path)
    assert docs == [RawDoc("story", str(path), None, f"{LEDE}\n{SECOND}\n", None, None, None, None, "txt", "utf-8")]
    assert rows == [ReportRow(str(path), None, "story", "loaded", "", "txt", "utf-8")]


def test_html_main_text_and_metadata(tmp_path):
    path = _write(tmp_path / "green-zone.html", PAGE.format(lede=LEDE, second=SECOND))
    docs, rows = read_file(path)
    (doc,) = docs
    assert doc.article_id == "green-zone" and doc.fmt == "html" and doc.record is None
    assert f"{LEDE}\n{SECOND}\n" in doc.text  # paragraphs stay separate lines
    for junk in ("SCRIPT_IN_HEAD", "SCRIPT_IN_BODY", "STYLE_RULE", "NAV_MENU_ITEM", "FOOTER_NOTICE", "color: black"):
        assert junk not in doc.text
    assert doc.title == "Rockets target Green Zone"
    assert doc.outlet == "Tigris Monitor"
    assert doc.url == "https://tigris-monitor.example/iraq/rockets-green-zone"
    assert doc.published == "2023-12-08"
    assert _only(rows).status == "loaded"


def test_html_fallback_renders_body_without_scripts(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "_trafilatura", lambda html: {})
    path = _write(tmp_path / "fallback.htm", PAGE.format(lede=LEDE, second=SECOND))
    (doc,), rows = read_file(path)
    assert f"{LEDE}\n{SECOND}\n" in doc.text
    assert "SCRIPT_IN_BODY" not in doc.text and "STYLE_RULE" not in doc.text
    assert doc.title == "Rockets target Green Zone | Tigris Monitor"
    assert "whole page body" in _only(rows).reason


def test_html_without_text_is_skipped(tmp_path):
    path = _write(tmp_path / "blank.html", "<html><head><script>var a = 1;</script></head><body><div></div></body></html>")
    docs, rows = read_file(path)
    assert docs == []
    row = _only(rows)
    assert (row.status, row.reason) == ("skipped", "no article text found in the HTML")


def test_html_in_cp1252_declared_in_meta(tmp_path):
    html = f'<html><head><meta charset="windows-1252"></head><body><p>{CURLY} {LEDE}</p></body></html>'
    path = _write(tmp_path / "legacy.html", html.encode("cp1252"))
    (doc,), rows = read_file(path)
    assert CURLY in doc.text and doc.encoding == "cp1252"


# --------------------------------------------------------------------------- record files


def test_jsonl_broken_line_does_not_stop_the_others(tmp_path):
    lines = [
        json.dumps({"id": "tm-101", "text": LEDE, "title": "Rockets", "url": "https://x.example/1", "outlet": "Tigris Monitor", "published": "2023-12-08"}),
        '{"id": "tm-102", "text": "Unfinished record" "title": 3}',
        "",
        json.dumps({"body": SECOND, "date": "8 December 2023"}),
        json.dumps({"content": CURLY, "id": 7}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "Headline only"}),
        json.dumps({"text": "   "}),
        "   ",
    ]
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    docs, rows = read_file(path)
    assert [(d.article_id, d.record, d.text) for d in docs] == [("tm-101", 1, LEDE), ("feed-00004", 4, SECOND), ("7", 5, CURLY)]
    assert (docs[0].title, docs[0].url, docs[0].outlet, docs[0].published) == ("Rockets", "https://x.example/1", "Tigris Monitor", "2023-12-08")
    assert docs[1].published == "8 December 2023"
    assert [(r.record, r.status) for r in rows] == [(1, "loaded"), (2, "skipped"), (4, "loaded"), (5, "loaded"), (6, "skipped"), (7, "skipped"), (8, "skipped")]
    reasons = {r.record: r.reason for r in rows}
    assert reasons[2] == "line 2: not valid JSON (Expecting ',' delimiter)"
    assert reasons[6] == "line 6: not a JSON object (found a list)"
    assert reasons[7] == "line 7: no text"
    assert reasons[8] == "line 8: empty text"


def test_jsonl_repeated_id_is_skipped(tmp_path):
    path = _write(tmp_path / "dup.jsonl", json.dumps({"id": "a", "text": LEDE}) + "\n" + json.dumps({"id": "a", "text": SECOND}) + "\n")
    docs, rows = read_file(path)
    assert [d.text for d in docs] == [LEDE]
    assert rows[1].reason == "line 2: id 'a' already used by line 1"


def test_csv_with_embedded_newlines_and_quotes(tmp_path):
    content = (
        "id,title,text,outlet,date\r\n"
        f'ir-1,"Rockets, again","{LEDE}\r\n{SECOND}",Tigris Monitor,2023-12-08\r\n'
        'ir-2,Quote,"The commander said: ""We are ready"", then left.",,\r\n'
        "ir-3,No body,,Tigris Monitor,\r\n"
        "\r\n"
        'ir-4,"Short row"\r\n'
    )
    path = _write(tmp_path / "batch.csv", content)
    docs, rows = read_file(path)
    assert [(d.article_id, d.record) for d in docs] == [("ir-1", 1), ("ir-2", 2)]
    assert docs[0].text == f"{LEDE}\n{SECOND}"
    assert (docs[0].title, docs[0].outlet, docs[0].published) == ("Rockets, again", "Tigris Monitor", "2023-12-08")
    assert docs[1].text == 'The commander said: "We are ready", then left.'
    assert docs[1].outlet is None
    assert [(r.record, r.status, r.reason) for r in rows[2:]] == [(3, "skipped", "row 3: empty text"), (4, "skipped", "row 4: no text")]


def test_csv_without_text_column(tmp_path):
    path = _write(tmp_path / "catalogue.csv", "file,outlet,url\nstory.txt,Tigris Monitor,https://x.example/1\n")
    docs, rows = read_file(path)
    assert docs == []
    row = _only(rows)
    assert (row.status, row.reason) == ("skipped", "no text column (columns: file, outlet, url)")


def test_csv_semicolon_and_header_case(tmp_path):
    path = _write(tmp_path / "semi.csv", f"ID;Body\nx-1;{LEDE}\n")
    (doc,), _ = read_file(path)
    assert (doc.article_id, doc.text) == ("x-1", LEDE)


# --------------------------------------------------------------------------- bad files and encodings


@pytest.mark.parametrize("name", ["empty.txt", "empty.jsonl", "empty.csv", "empty.html"])
@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "])
def test_empty_and_whitespace_only_files(tmp_path, name, content):
    docs, rows = read_file(_write(tmp_path / name, content))
    assert docs == []
    assert (_only(rows).status, _only(rows).reason) == ("skipped", "empty file")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "binary file (looks like a PDF), not text"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "binary file (looks like a ZIP archive, e.g. a .docx or .xlsx), not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (looks like a PNG image), not text"),
        (b"Rockets\x00\x00\x01\x02 hit\x00\xff\x10 base", "binary file (contains NUL bytes), not text"),
    ],
)
def test_binary_content_with_text_extension(tmp_path, content, reason):
    docs, rows = read_file(_write(tmp_path / "report.txt", content))
    assert docs == []
    assert (_only(rows).status, _only(rows).reason) == ("skipped", reason)


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        (f"{LEDE}\n{CURLY}\n", "cp1252", "cp1252"),
        (f"{CURLY}\n", "cp1252", "cp1252"),
        (f"{ARABIC}\n{ARABIC}\n", "cp1256", "cp1256"),
        (f"Baghdad \u2013 {ARABIC}\n", "cp1256", "cp1256"),
        (f"{LEDE}\n{CURLY}\n{ARABIC}\n", "utf-16", "utf-16"),
        (f"{LEDE}\n{CURLY}\n", "utf-16-be", "utf-16-be"),
        (f"{CURLY}\n{ARABIC}\n", "utf-8-sig", "utf-8-sig"),
        (f"{CURLY}\n{ARABIC}\n", "utf-8", "utf-8"),
    ],
)
def test_encodings_are_detected_and_reported(tmp_path, text, codec, encoding):
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
        encoding = "utf-16"
    (doc,), rows = read_file(_write(tmp_path / "enc.txt", data))
    assert doc.text == text
    assert doc.encoding == encoding == _only(rows).encoding


def test_cp1252_curly_quotes_become_unicode(tmp_path):
    raw = b"The group\x92s leader said: \x93We will respond\x94 \x96 and left."
    (doc,), _ = read_file(_write(tmp_path / "quotes.txt", raw))
    assert doc.text == "The group\u2019s leader said: \u201cWe will respond\u201d \u2013 and left."
    assert doc.encoding == "cp1252"


def test_truncated_utf8_drops_trailing_bytes_and_says_so(tmp_path):
    data = f"{CURLY}\n{LEDE}\u2019".encode("utf-8")[:-1]
    (doc,), rows = read_file(_write(tmp_path / "cut.txt", data))
    assert doc.text == f"{CURLY}\n{LEDE}"
    row = _only(rows)
    assert (row.status, row.encoding, row.reason) == ("loaded", "utf-8", "decoded as utf-8; 2 invalid trailing bytes dropped")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(tmp_path, newline):
    (doc,), _ = read_file(_write(tmp_path / "win.txt", f"{LEDE}{newline}{SECOND}{newline}"))
    assert doc.text == f"{LEDE}\n{SECOND}\n"


def test_crlf_inside_jsonl_values(tmp_path):
    path = _write(tmp_path / "win.jsonl", json.dumps({"text": f"{LEDE}\r\n{SECOND}"}) + "\r\n")
    (doc,), _ = read_file(path)
    assert doc.text == f"{LEDE}\n{SECOND}"


@pytest.mark.parametrize(("name", "reason"), [("memo.docx", "unsupported file type .docx"), ("README", "unsupported file type (no extension)")])
def test_unsupported_file_types(tmp_path, name, reason):
    docs, rows = read_file(_write(tmp_path / name, LEDE))
    assert docs == [] and _only(rows).reason == reason


def test_read_file_never_raises(tmp_path):
    folder = tmp_path / "looks-like.txt"
    folder.mkdir()
    docs, rows = read_file(folder)
    assert docs == [] and _only(rows).status == "skipped"
    docs, rows = read_file(tmp_path / "missing.txt")
    assert docs == [] and _only(rows).status == "skipped"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"%PDF-1.4", "looks like a PDF"), (b"GIF89a\x01\x00", "looks like a GIF image"), (bytes(range(256)) * 4, "not text")],
)
def test_decode_bytes_rejects_binary(data, message):
    with pytest.raises(ValueError, match=message):
        decode_bytes(data)


def test_decode_bytes_returns_text_and_encoding():
    assert decode_bytes(f"{LEDE}\r\n".encode("utf-8")) == (f"{LEDE}\n", "utf-8")
    assert decode_bytes(codecs.BOM_UTF8 + b"Erbil") == ("Erbil", "utf-8-sig")


# --------------------------------------------------------------------------- finding files


def test_folder_walk_is_recursive_sorted_and_skips_hidden_and_catalog(tmp_path):
    root = tmp_path / "news"
    for rel in ["b.txt", "a/z.jsonl", "a/b.html", "a-c/x.txt", ".git/config.txt", "a/.ipynb_checkpoints/b.html",
                ".hidden.txt", "catalog.csv", "a/catalog.csv"]:
        _write(root / rel, LEDE)
    files, rows = iter_input_files([root])
    assert [p.relative_to(root).as_posix() for p in files] == ["a/b.html", "a/z.jsonl", "a-c/x.txt", "b.txt"]
    assert rows == []


def test_missing_and_duplicate_paths(tmp_path):
    story = _write(tmp_path / "in" / "story.txt", LEDE)
    files, rows = iter_input_files([story, tmp_path / "in", str(story), tmp_path / "nowhere"])
    assert files == [story]
    assert rows == [ReportRow(str(tmp_path / "nowhere"), None, None, "skipped", "no such file or folder", None, None)]


def test_same_file_under_another_path_is_read_once(tmp_path):
    story = _write(tmp_path / "in" / "story.txt", LEDE)
    other = tmp_path / "in" / "sub" / ".." / "story.txt"
    (tmp_path / "in" / "sub").mkdir()
    files, rows = iter_input_files([story, other])
    assert len(files) == 1
    assert _only(rows).status == "skipped" and _only(rows).reason.startswith("same file as ")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinks_outside_the_folder_are_skipped(tmp_path):
    outside = _write(tmp_path / "elsewhere" / "secret.txt", LEDE)
    _write(tmp_path / "elsewhere" / "more.txt", SECOND)
    root = tmp_path / "news"
    story = _write(root / "story.txt", LEDE)
    (root / "link-out.txt").symlink_to(outside)
    (root / "dir-out").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (root / "link-in.txt").symlink_to(story)
    files, rows = iter_input_files([root])
    assert files == [story]
    reasons = {Path(r.source_path).name: r.reason for r in rows}
    assert set(reasons) == {"link-out.txt", "dir-out", "link-in.txt"}
    assert "outside" in reasons["link-out.txt"] and "outside" in reasons["dir-out"]
    assert reasons["link-in.txt"] == f"same file as {story}, read once"
