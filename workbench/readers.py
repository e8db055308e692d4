"""Read input files into raw documents, accounting for every file.

Public API:

* :func:`iter_input_files` -- expand the paths a user gave into a sorted list of files.
* :func:`read_file` -- read one file into :class:`RawDoc` objects plus :class:`ReportRow` rows.
  It never raises: every problem becomes a ``skipped`` row with a reason a person understands.
* :func:`decode_bytes` -- turn bytes into text, honouring BOMs, trying strict UTF-8 first and
  detecting legacy encodings (cp1252, cp1256, ...) otherwise.

Formats (chosen by file extension):

* ``.txt`` / ``.text`` / ``.md`` -- the whole file is one article.
* ``.html`` / ``.htm`` -- main text and metadata via trafilatura, with an lxml fallback.
* ``.jsonl`` -- one JSON object per line (``text``/``body``/``content`` required).
* ``.csv`` / ``.tsv`` -- one article per row, same column names as JSONL.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "RawDoc",
    "ReportRow",
    "decode_bytes",
    "iter_input_files",
    "read_file",
]


@dataclass(frozen=True)
class RawDoc:
    """One article as read from disk, before any parsing of dates or text."""

    article_id: str
    source_path: str
    record: int | None
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    fmt: str
    encoding: str


@dataclass(frozen=True)
class ReportRow:
    """What happened to one file or one record of a file."""

    source_path: str
    record: int | None
    article_id: str | None
    status: str
    reason: str
    fmt: str | None
    encoding: str | None


# --------------------------------------------------------------------------- constants

FORMAT_BY_EXTENSION: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
}

CATALOG_FILENAME = "catalog.csv"

# Field names accepted in JSONL objects and CSV headers (first non-empty wins).
TEXT_FIELDS = ("text", "body", "content")
ID_FIELDS = ("id",)
TITLE_FIELDS = ("title",)
URL_FIELDS = ("url",)
OUTLET_FIELDS = ("outlet",)
PUBLISHED_FIELDS = ("published", "date")

# Magic numbers of common binary formats -> what a person would call them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive, e.g. a .docx or .xlsx"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ", "a Windows program"),
    (b"PAR1", "a Parquet file"),
)

# BOMs, longest first (the UTF-32 LE BOM starts with the UTF-16 LE BOM).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Single-byte encodings charset-normalizer may propose for Latin-script text; for news in
# English/French such bytes are nearly always Windows-1252 (curly quotes, dashes, accents).
_LATIN_FAMILY = frozenset(
    {
        "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "iso8859_2", "iso8859_3",
        "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
        "iso8859_16", "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish", "cp437",
        "cp850", "cp852", "cp858", "hp_roman8",
    }
)
_ARABIC_FAMILY = frozenset({"cp1256", "iso8859_6", "cp720", "cp864", "mac_arabic"})

_MIN_ARABIC_SHARE = 0.5  # share of non-ASCII characters that must be Arabic letters for cp1256
_MAX_CONTROL_SHARE = 0.01  # more control characters than this in decoded text -> not text
_SNIFF_BYTES = 4096

_NEWLINES_RE = re.compile(r"\r\n?")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_WS_RE = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES_RE = re.compile(r"\n\s*\n+")

_HTML_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head")
_HTML_BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
        "th", "table", "section", "article", "blockquote", "pre", "header", "footer", "main",
        "aside", "nav", "figure", "figcaption", "dd", "dt", "dl", "hr", "address",
    }
)

# Trafilatura does not need to pick a date in the future; a fixed bound keeps it clock-free.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2100-12-31"}

_MIN_CSV_FIELD_LIMIT = 256 * 1024 * 1024
if csv.field_size_limit() < _MIN_CSV_FIELD_LIMIT:
    csv.field_size_limit(_MIN_CSV_FIELD_LIMIT)


# --------------------------------------------------------------------------- decoding


@dataclass(frozen=True)
class Decoded:
    """Result of :func:`decode_with_note`: text (newlines normalised), encoding name, note."""

    text: str
    encoding: str
    note: str


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _looks_binary(data: bytes) -> str | None:
    """Name of the binary format ``data`` starts with, or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess 'utf-16-le'/'utf-16-be' for BOM-less UTF-16 (NULs on one parity only)."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def _arabic_share(text: str) -> float:
    non_ascii = [ch for ch in text if ord(ch) > 127]
    if not non_ascii:
        return 0.0
    arabic = sum(1 for ch in non_ascii if "\u0600" <= ch <= "\u06ff")
    return arabic / len(non_ascii)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _truncated_utf8(data: bytes) -> tuple[str, int] | None:
    """Decode UTF-8 whose only fault is an incomplete character at the very end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.end != len(data) or len(data) - err.start > 3 or "unexpected end" not in err.reason:
            return None
        head = data[: err.start]
        # With a pure-ASCII body a lone high byte at the end is more likely a legacy encoding.
        if head.isascii() and len(data) - err.start < 2:
            return None
        text = _strict(head, "utf-8")
        return None if text is None else (text, len(data) - err.start)
    return None


def _detect_legacy(data: bytes, declared: str | None) -> tuple[str, str]:
    """Decode non-UTF-8 bytes with a declared or detected single/multi-byte encoding."""
    if declared:
        name = _codec_name(declared)
        if name not in {"utf-8", "utf-16", "utf-32"}:
            text = _strict(data, name)
            if text is not None:
                return text, name
    as_arabic = _strict(data, "cp1256")
    if as_arabic is not None and _arabic_share(as_arabic) >= _MIN_ARABIC_SHARE:
        return as_arabic, "cp1256"

    from charset_normalizer import from_bytes  # imported lazily: costs ~0.1 s

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("binary file (not text in any known encoding), not text")
    name = _codec_name(best.encoding)
    if name in _LATIN_FAMILY:
        as_latin = _strict(data, "cp1252")
        if as_latin is not None:
            return as_latin, "cp1252"
    if name in _ARABIC_FAMILY and as_arabic is not None:
        return as_arabic, "cp1256"
    return str(best), name


def decode_with_note(data: bytes, *, declared: str | None = None) -> Decoded:
    """Like :func:`decode_bytes`, but also returns a short note (e.g. about dropped bytes).

    ``declared`` is an encoding declared by the file itself (HTML ``<meta charset>``); it is
    tried when the bytes are not valid UTF-8.
    """
    what = _looks_binary(data)
    if what:
        raise ValueError(f"binary file (looks like {what}), not text")
    note = ""
    encoding = None
    text = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name)
            if text is None:
                raise ValueError(f"file starts with a {name.upper()} byte-order mark but is not valid {name.upper()}")
            encoding = name
            break
    if text is None:
        guess16 = _utf16_without_bom(data)
        if guess16:
            text = _strict(data, guess16)
            encoding = guess16 if text is not None else None
    if text is None:
        if b"\x00" in data:
            raise ValueError("binary file (contains NUL bytes), not text")
        text = _strict(data, "utf-8")
        encoding = "utf-8"
    if text is None:
        truncated = _truncated_utf8(data)
        if truncated:
            text, dropped = truncated
            plural = "s" if dropped > 1 else ""
            note = f"decoded as utf-8; {dropped} invalid trailing byte{plural} dropped"
        else:
            text, encoding = _detect_legacy(data, declared)
            encoding = encoding or "unknown"
    text = _NEWLINES_RE.sub("\n", text)
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = len(_CONTROL_RE.findall(text))
    if controls and controls > _MAX_CONTROL_SHARE * len(text):
        raise ValueError("binary file (many control characters), not text")
    return Decoded(text=text, encoding=encoding or "unknown", note=note)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode file bytes to text; return ``(text, encoding)``.

    Order: binary sniffing (PDF/ZIP/PNG... magic numbers, NUL bytes) -> BOM (UTF-8-sig,
    UTF-16/32 LE/BE) -> BOM-less UTF-16 -> strict UTF-8 -> UTF-8 with an incomplete character
    at the very end (dropped) -> cp1256 when the high bytes are Arabic letters ->
    charset-normalizer, with cp1252 preferred over other Latin code pages.
    CRLF and lone CR are normalised to LF. Raises ``ValueError`` with a readable message
    ("binary file (looks like a PDF), not text") when the bytes are not text.
    """
    decoded = decode_with_note(data)
    return decoded.text, decoded.encoding


# --------------------------------------------------------------------------- file discovery


def _sort_key(path: Path) -> tuple[str, ...]:
    return path.parts


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _skip(path: str | Path, reason: str, *, record: int | None = None, fmt: str | None = None,
          encoding: str | None = None, article_id: str | None = None) -> ReportRow:
    return ReportRow(str(path), record, article_id, "skipped", reason, fmt, encoding)


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _walk_folder(root: Path) -> tuple[list[Path], list[ReportRow]]:
    files: list[Path] = []
    rows: list[ReportRow] = []
    real_root = os.path.realpath(root)
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(dirpath)
        kept_dirs = []
        for name in sorted(dirnames):
            if _is_hidden(name):
                continue
            sub = base / name
            if sub.is_symlink():
                target = os.path.realpath(sub)
                if not _inside(target, real_root):
                    rows.append(_skip(sub, f"symbolic link to a folder outside {root} ({target}), not followed"))
                continue  # a link to a folder inside the tree is walked anyway
            kept_dirs.append(name)
        dirnames[:] = kept_dirs
        for name in sorted(filenames):
            if _is_hidden(name) or name == CATALOG_FILENAME:
                continue
            path = base / name
            if path.is_symlink():
                if not path.exists():
                    rows.append(_skip(path, "broken symbolic link"))
                    continue
                target = os.path.realpath(path)
                if not _inside(target, real_root):
                    rows.append(_skip(path, f"symbolic link to a file outside {root} ({target}), not read"))
                    continue
            if path.is_file():
                files.append(path)
            else:
                rows.append(_skip(path, "not a regular file"))
    return files, rows


def iter_input_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[ReportRow]]:
    """Expand ``paths`` into the files to read and report rows for paths that cannot be read.

    * Folders are walked recursively; files are taken as given (even hidden ones).
    * In folder walks, hidden files and folders (``.git``, ``.ipynb_checkpoints``, ``.DS_Store``)
      are ignored, and files named ``catalog.csv`` are excluded: a catalog describes articles,
      it is not one, and is passed to the loader separately.
    * A missing path gives a ``skipped`` row "no such file or folder".
    * Symbolic links that resolve outside the folder being walked are skipped with a reason.
    * A file reached twice is read once: the same path given twice silently, a different path
      to the same file (e.g. a link) with a ``skipped`` row naming the first path.
    * The result is sorted by path components, so it does not depend on argument order or on
      the file system's listing order.
    """
    found: list[Path] = []
    rows: list[ReportRow] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files, skipped = _walk_folder(path)
            found.extend(files)
            rows.extend(skipped)
        elif path.is_file():
            found.append(path)
        elif path.is_symlink():
            rows.append(_skip(path, "broken symbolic link"))
        elif path.exists():
            rows.append(_skip(path, "not a regular file or folder"))
        else:
            rows.append(_skip(path, "no such file or folder"))

    unique: list[Path] = []
    first_by_real: dict[str, Path] = {}
    # The real file wins over a link to it; otherwise the first path in sorted order.
    for path in sorted(set(found), key=lambda p: (p.is_symlink(), _sort_key(p))):
        real = os.path.realpath(path)
        first = first_by_real.get(real)
        if first is None:
            first_by_real[real] = path
            unique.append(path)
        else:
            rows.append(_skip(path, f"same file as {first}, read once"))
    unique.sort(key=_sort_key)
    rows.sort(key=lambda row: _sort_key(Path(row.source_path)))
    return unique, rows


# --------------------------------------------------------------------------- reading


def read_file(path: Path) -> tuple[list[RawDoc], list[ReportRow]]:
    """Read one file into raw documents and report rows. Never raises.

    Every record gets exactly one report row: ``loaded`` (reason empty or a short note) or
    ``skipped`` (reason says why). Records are numbered from 1: JSONL by line number, CSV by
    data row (the header is not counted).
    """
    path = Path(path)
    try:
        return _read_file(path)
    except Exception as err:  # noqa: BLE001 - the contract is: never raise
        fmt = FORMAT_BY_EXTENSION.get(path.suffix.lower())
        return [], [_skip(path, f"could not be read ({type(err).__name__}: {err})", fmt=fmt)]


def _read_file(path: Path) -> tuple[list[RawDoc], list[ReportRow]]:
    suffix = path.suffix.lower()
    fmt = FORMAT_BY_EXTENSION.get(suffix)
    if fmt is None:
        what = f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
        return [], [_skip(path, what)]
    try:
        data = path.read_bytes()
    except OSError as err:
        return [], [_skip(path, f"could not be read ({err.strerror or type(err).__name__})", fmt=fmt)]
    if not data.strip():
        return [], [_skip(path, "empty file", fmt=fmt)]
    declared = _declared_charset(data) if fmt == "html" else None
    try:
        decoded = decode_with_note(data, declared=declared)
    except ValueError as err:
        return [], [_skip(path, str(err), fmt=fmt)]
    if not decoded.text.strip():
        return [], [_skip(path, "empty file", fmt=fmt, encoding=decoded.encoding)]
    reader = _READERS[fmt]
    return reader(path, decoded)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET_RE.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def _loaded(path: Path, doc: RawDoc, note: str) -> ReportRow:
    return ReportRow(str(path), doc.record, doc.article_id, "loaded", note, doc.fmt, doc.encoding)


def _read_txt(path: Path, decoded: Decoded) -> tuple[list[RawDoc], list[ReportRow]]:
    doc = RawDoc(path.stem, str(path), None, decoded.text, None, None, None, None, "txt", decoded.encoding)
    return [doc], [_loaded(path, doc, decoded.note)]


# --- html


def _clean(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = _WS_RE.sub(" ", str(value)).strip()
    return text or None


def _render_body(html: str) -> tuple[str, str | None]:
    """Plain text of <body> (scripts/styles removed, blocks on separate lines) and <title>."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several types on junk
        return "", None
    title = _clean(root.findtext(".//title"))
    for el in list(root.iter(*_HTML_DROP_TAGS)):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _HTML_BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = (_WS_RE.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line), title


def _trafilatura(html: str) -> dict:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    if result is None:
        return {}
    return result.as_dict() if hasattr(result, "as_dict") else dict(result)


def _read_html(path: Path, decoded: Decoded) -> tuple[list[RawDoc], list[ReportRow]]:
    html = _XML_DECL_RE.sub("", decoded.text, count=1)
    try:
        meta = _trafilatura(html)
    except Exception:  # noqa: BLE001 - fall back to lxml on any extractor failure
        meta = {}
    text = (meta.get("text") or "").strip()
    note = decoded.note
    title = _clean(meta.get("title"))
    if not text:
        text, fallback_title = _render_body(html)
        title = title or fallback_title
        note = "; ".join(n for n in (note, "main text not found, used the whole page body") if n)
    if not text:
        return [], [_skip(path, "no article text found in the HTML", fmt="html", encoding=decoded.encoding)]
    text = _NEWLINES_RE.sub("\n", text)
    doc = RawDoc(
        article_id=path.stem,
        source_path=str(path),
        record=None,
        text=text,
        title=title,
        url=_clean(meta.get("url")),
        outlet=_clean(meta.get("sitename")),
        published=_clean(meta.get("date")),
        fmt="html",
        encoding=decoded.encoding,
    )
    return [doc], [_loaded(path, doc, note)]


# --- records (jsonl / csv)


def _pick(record: dict, names: tuple[str, ...]) -> object:
    for name in names:
        value = record.get(name)
        if value is not None and not (isinstance(value, str) and not value.strip()):
            return value
    return None


def _record_to_doc(
    record: dict, *, path: Path, number: int, unit: str, fmt: str, encoding: str, seen: dict[str, int]
) -> tuple[RawDoc | None, ReportRow]:
    """Turn one JSONL object / CSV row (keys lower-cased) into a doc or a skipped row."""
    where = f"{unit} {number}"
    raw_id = _clean(_pick(record, ID_FIELDS))
    article_id = raw_id or f"{path.stem}-{number:05d}"
    present = [name for name in TEXT_FIELDS if name in record and record[name] is not None]
    if not present:
        return None, _skip(path, f"{where}: no text", record=number, fmt=fmt, encoding=encoding, article_id=article_id)
    value = _pick(record, TEXT_FIELDS)
    if value is None:
        return None, _skip(path, f"{where}: empty text", record=number, fmt=fmt, encoding=encoding, article_id=article_id)
    if not isinstance(value, str):
        kind = type(value).__name__
        return None, _skip(path, f"{where}: text is not a string ({kind})", record=number, fmt=fmt,
                           encoding=encoding, article_id=article_id)
    if article_id in seen:
        return None, _skip(path, f"{where}: id {article_id!r} already used by {unit} {seen[article_id]}",
                           record=number, fmt=fmt, encoding=encoding, article_id=article_id)
    seen[article_id] = number
    doc = RawDoc(
        article_id=article_id,
        source_path=str(path),
        record=number,
        text=_NEWLINES_RE.sub("\n", value),
        title=_clean(_pick(record, TITLE_FIELDS)),
        url=_clean(_pick(record, URL_FIELDS)),
        outlet=_clean(_pick(record, OUTLET_FIELDS)),
        published=_clean(_pick(record, PUBLISHED_FIELDS)),
        fmt=fmt,
        encoding=encoding,
    )
    return doc, _loaded(path, doc, "")


def _finish(path: Path, docs: list[RawDoc], rows: list[ReportRow], decoded: Decoded, fmt: str):
    if not rows:
        rows.append(_skip(path, "empty file (no records)", fmt=fmt, encoding=decoded.encoding))
    if decoded.note:
        rows = [
            ReportRow(r.source_path, r.record, r.article_id, r.status,
                      "; ".join(n for n in (decoded.note, r.reason) if n), r.fmt, r.encoding)
            for r in rows
        ]
    return docs, rows


def _read_jsonl(path: Path, decoded: Decoded) -> tuple[list[RawDoc], list[ReportRow]]:
    docs: list[RawDoc] = []
    rows: list[ReportRow] = []
    seen: dict[str, int] = {}
    enc = decoded.encoding
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            rows.append(_skip(path, f"line {number}: not valid JSON ({err.msg})", record=number, fmt="jsonl", encoding=enc))
            continue
        except RecursionError:
            rows.append(_skip(path, f"line {number}: JSON nested too deeply", record=number, fmt="jsonl", encoding=enc))
            continue
        if not isinstance(obj, dict):
            kind = {list: "a list", str: "a string"}.get(type(obj), type(obj).__name__)
            rows.append(_skip(path, f"line {number}: not a JSON object (found {kind})", record=number,
                              fmt="jsonl", encoding=enc))
            continue
        record = {str(k).strip().lower(): v for k, v in obj.items()}
        doc, row = _record_to_doc(record, path=path, number=number, unit="line", fmt="jsonl", encoding=enc, seen=seen)
        rows.append(row)
        if doc is not None:
            docs.append(doc)
    return _finish(path, docs, rows, decoded, "jsonl")


def _csv_dialect(text: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t", "|")}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


def _iter_csv(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True, strict=False)


def _read_csv(path: Path, decoded: Decoded) -> tuple[list[RawDoc], list[ReportRow]]:
    enc = decoded.encoding
    delimiter = _csv_dialect(decoded.text, path.suffix.lower())
    reader = _iter_csv(decoded.text, delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as err:
        return [], [_skip(path, f"not a readable CSV ({err})", fmt="csv", encoding=enc)]
    columns = [unicodedata.normalize("NFC", name).strip().lower() for name in header]
    if not any(name in TEXT_FIELDS for name in columns):
        shown = ", ".join(name for name in columns if name) or "none"
        return [], [_skip(path, f"no text column (columns: {shown})", fmt="csv", encoding=enc)]
    docs: list[RawDoc] = []
    rows: list[ReportRow] = []
    seen: dict[str, int] = {}
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            rows.append(_skip(path, f"row {number + 1}: CSV error ({err}); rest of the file not read",
                              record=number + 1, fmt="csv", encoding=enc))
            break
        number += 1
        if not any(cell.strip() for cell in cells):
            number -= 1  # blank line between rows: not a record
            continue
        record: dict[str, str] = {}
        for name, cell in zip(columns, cells):
            if name and name not in record:
                record[name] = cell
        doc, row = _record_to_doc(record, path=path, number=number, unit="row", fmt="csv", encoding=enc, seen=seen)
        rows.append(row)
        if doc is not None:
            docs.append(doc)
    if not rows:
        return [], [_skip(path, "no articles (the CSV has only a header row)", fmt="csv", encoding=enc)]
    return _finish(path, docs, rows, decoded, "csv")


_READERS = {"txt": _read_txt, "html": _read_html, "jsonl": _read_jsonl, "csv": _read_csv}
