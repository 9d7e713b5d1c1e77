"""Reading corpus files, before they become articles: decoding bytes, rows of CSV, JSON Lines,
JSON arrays and ZIP archives, each bad row named, and the package's own output left alone.

**Decoding rule.** A file (or a table's first megabyte) is UTF-8 when it decodes as UTF-8. When it
does not, its invalid bytes are counted against its non-ASCII bytes: if at most half of the
non-ASCII bytes are invalid, the file is UTF-8 with a few damaged bytes, decoded with U+FFFD in
their place and an ``invalid-utf8`` warning that names their byte offsets (the offsets of the
decoded text stay exact). Only when most non-ASCII bytes are invalid UTF-8 is a legacy Arabic code
page (Windows-1256, then ISO-8859-6) tried, and kept only if at least 60% of its letters are
Arabic; otherwise the file is refused, naming the first bad byte. A NUL byte anywhere (outside
UTF-16) makes the file binary; other control characters are reported by offset, or make the file
binary when they are more than 1% of it (and more than eight).

**Rows.** In a table a bad row (invalid JSON, not an object, no or empty text, undecodable bytes)
is an :class:`ArticleError` naming the file and row; with ``on_error`` it is reported and every
other row, before and after it, is still read. An empty table, or a CSV with a header only, is an
error.

**Not input.** A folder's hidden entries, a folder the package wrote (it holds an ``article.json``
with a ``package_version`` key, as :func:`helpers.annotate.layers.write_article` writes), a CSV
whose header is an annotation table's (``doc_id`` first, ``start`` and ``end`` columns), and files
in sub-folders that the folder's ``datapackage.json`` lists (corpora of their own, read by naming
them) are never read when a folder is read.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
import sys
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..paths import PACKAGE_DATA, relative
from .lexicons import cached_by_file, read_records

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]")
ANY_LETTER = re.compile(r"[^\W\d_]")
#: Encodings tried, in order, when a file is not UTF-8: legacy Arabic news is mostly Windows-1256.
LEGACY_ENCODINGS = ("windows-1256", "iso-8859-6")
MIN_ARABIC_SHARE = 0.6
#: A file is UTF-8 with damaged bytes when at most this share of its non-ASCII bytes is invalid.
MAX_INVALID_SHARE = 0.5
#: Text is binary when control characters are more than 1% of it (and more than a handful).
MAX_CONTROL_SHARE = 0.01
MIN_BINARY_CONTROLS = 8
#: Text with at least this many letters for each control character is text, however many controls.
LETTERS_PER_CONTROL = 20
#: C0 controls other than tab and the line and paragraph breaks (\n \v \f \r, \x1c-\x1e), and DEL.
CONTROL_CHARACTER = re.compile(r"[\x01-\x08\x0e-\x1b\x1f\x7f]")
BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
}
TEXT_COLUMNS = ("text", "body", "content", "article")
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".json"}
INPUT_SUFFIXES = {".txt", ".zip"} | TABLE_SUFFIXES
#: How much of a table is read to decide its encoding.
SNIFF_BYTES = 1 << 20
SHOWN = 5


class ArticleError(ValueError):
    """An input that cannot be read as an Arabic news article; the message names the file (and row)."""

    def __init__(self, source: str | Path, problem: str):
        self.source, self.problem = str(source), problem
        super().__init__(f"{source}: {problem}")

    def __reduce__(self):
        return type(self), (self.source, self.problem)


class ArticleWarning(UserWarning):
    """Something unusual about an input that was still read. ``kind`` groups warnings in a summary:
    ``legacy-encoding``, ``invalid-utf8``, ``control-characters``, ``no-arabic``, ``bidi-controls``,
    ``unbalanced-quotes``, ``unparsed-date``, ``package-output``."""

    def __init__(self, source: str | Path, kind: str, message: str):
        self.source, self.kind, self.message = str(source), kind, message
        super().__init__(f"{source}: {message}")

    def __reduce__(self):
        return type(self), (self.source, self.kind, self.message)


Warn = Callable[[ArticleWarning], None]


def python_warning(warning: ArticleWarning) -> None:
    """Report ``warning`` through Python's warnings (one article read on its own)."""
    warnings.warn(warning, stacklevel=4)


class LoadLog:
    """Warnings and skipped inputs of a corpus, kept rather than printed one by one: pass
    :meth:`warning` and :meth:`error` to :func:`helpers.text.loading.iter_articles`, then print
    :meth:`summary` and :meth:`write` the full log."""

    def __init__(self):
        self.warnings: list[ArticleWarning] = []
        self.errors: list[ArticleError] = []

    def warning(self, warning: ArticleWarning) -> None:
        self.warnings.append(warning)

    def error(self, error: ArticleError) -> None:
        self.errors.append(error)

    def counts(self) -> Counter:
        """Number of warnings by kind (and ``skipped`` for the inputs left out), largest first."""
        counts = Counter(w.kind for w in self.warnings)
        if self.errors:
            counts["skipped"] = len(self.errors)
        return counts

    def summary(self, first: int = 3) -> str:
        """One line per kind with its count and the first ``first`` inputs it concerns, rows of one
        file named together (``corpus.jsonl rows 11, 12, 14, …``); "" when there is nothing."""
        lines = []
        for kind, count in sorted(self.counts().items(), key=lambda item: (-item[1], item[0])):
            items = [e.source for e in self.errors] if kind == "skipped" else [w.source for w in self.warnings if w.kind == kind]
            lines.append(f"  {kind}: {count} ({_name_sources(list(dict.fromkeys(items)), first)})")
        return "\n".join([f"{len(self.warnings)} warning(s), {len(self.errors)} input(s) skipped:", *lines]) if lines else ""

    def lines(self) -> list[str]:
        """Every entry, one per line: kind, source and message separated by tabs."""
        return [f"skipped\t{e.source}\t{e.problem}" for e in self.errors] + [f"{w.kind}\t{w.source}\t{w.message}" for w in self.warnings]

    def write(self, path: str | Path) -> Path:
        """Write :meth:`lines` to ``path`` (UTF-8) and return it."""
        path = Path(path)
        path.write_text("".join(line.replace("\n", " ") + "\n" for line in self.lines()), encoding="utf-8")
        return path


ROW_SOURCE = re.compile(r"(?P<file>.*) \((?P<what>row|line) (?P<number>\d+)\)$")


def _name_sources(sources: list[str], first: int) -> str:
    """The first ``first`` sources, rows of one file grouped: ``a.jsonl rows 3, 9; b.txt, …``."""
    groups: dict[tuple[str, str], list[str]] = {}
    for source in sources[:first]:
        match = ROW_SOURCE.match(source)
        key = (relative(match["file"]), match["what"]) if match else (relative(source), "")
        groups.setdefault(key, []).append(match["number"] if match else "")
    named = [f"{name} {what}{'s' if len(numbers) > 1 else ''} {', '.join(numbers)}" if what else name
             for (name, what), numbers in groups.items()]
    return "; ".join(named) + (", …" if len(sources) > first else "")


# --- decoding ----------------------------------------------------------------------------


def arabic_share(text: str) -> float:
    letters = len(ANY_LETTER.findall(text))
    return len(ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _offsets(positions: list[int]) -> str:
    return ", ".join(map(str, positions[:SHOWN])) + (" …" if len(positions) > SHOWN else "")


def _invalid_utf8(data: bytes) -> tuple[int, list[int]]:
    """(number of bytes in invalid UTF-8 sequences, byte offsets of the first few sequences)."""
    valid = len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    starts, position = [], 0
    while len(starts) <= SHOWN:
        try:
            data[position:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            starts.append(position + exc.start)
            position += exc.end
    return len(data) - valid, starts


def _reject_binary(data: bytes, source: str | Path) -> None:
    """Refuse a file with a binary signature, or with a NUL byte anywhere (a C-speed search)."""
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ArticleError(source, f"this is a binary file ({kind}), not text")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleError(source, f"this is a binary file (it contains NUL bytes, the first at byte {nul}), not text")


def check_controls(text: str, source: str | Path, warn: Warn) -> None:
    """Refuse text that is more than 1% control characters and has few letters beside them; report
    the others by offset (kept, so that offsets stay exact): a SaudiNewsNet article carries 26 stray
    SUB characters among 2,000 Arabic letters and is text."""
    found = [m.start() for m in CONTROL_CHARACTER.finditer(text)]
    if not found:
        return
    letters = sum(1 for c in text if c.isalpha())
    if len(found) > max(MAX_CONTROL_SHARE * len(text), MIN_BINARY_CONTROLS) and letters < len(found) * LETTERS_PER_CONTROL:
        raise ArticleError(source, f"this is a binary file ({len(found)} control characters, the first at offset {found[0]}), not text")
    warn(ArticleWarning(source, "control-characters", f"{len(found)} control character(s) at offset(s) {_offsets(found)}; kept in the text"))


def decode_bytes(data: bytes, source: str | Path, warn: Warn = python_warning) -> tuple[str, str]:
    """Decode an article's bytes by the module's rule, returning (text, encoding); raise
    :class:`ArticleError` naming ``source`` if they are not usable text."""
    if not data.strip():
        raise ArticleError(source, "the file is empty" if not data else "the file holds only whitespace")
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        _reject_binary(data, source)
    text, encoding = _decode(data, source, warn)
    if not text.strip():
        raise ArticleError(source, "the file holds only whitespace")
    check_controls(text, source, warn)
    return text, encoding


def _decode(data: bytes, source: str | Path, warn: Warn) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(source, f"has a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})") from None
        if "\x00" in text:
            raise ArticleError(source, "this is a binary file (it contains NUL characters), not text")
        return text, "utf-16"
    encoding = "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        pass
    invalid, starts = _invalid_utf8(data)
    utf8_problem = f"not valid UTF-8 (byte 0x{data[starts[0]]:02x} at position {starts[0]})"
    non_ascii = len(data.translate(None, bytes(range(128))))
    if invalid <= MAX_INVALID_SHARE * non_ascii:
        warn(ArticleWarning(
            source, "invalid-utf8",
            f"{invalid} invalid UTF-8 byte(s) at byte offset(s) {_offsets(starts)}; "
            "decoded as UTF-8 with U+FFFD in their place",
        ))
        return data.decode(encoding, errors="replace"), encoding
    for legacy in LEGACY_ENCODINGS:
        try:
            text = data.decode(legacy)
        except UnicodeDecodeError:
            continue
        if arabic_share(text) >= MIN_ARABIC_SHARE:
            warn(ArticleWarning(
                source, "legacy-encoding",
                f"{utf8_problem}; decoded as {legacy}, which gives Arabic text. Offsets index the decoded text.",
            ))
            return text, legacy
    tried = ", ".join(("utf-8",) + LEGACY_ENCODINGS)
    raise ArticleError(source, f"{utf8_problem}, and no legacy Arabic encoding gives Arabic text (tried {tried})")


# --- rows ---------------------------------------------------------------------------------


@dataclass
class Row:
    """One article as read from a file: its fields, and for a text file its decoded text."""

    source: str  # the file, with "(row N)" for a table row
    fields: dict  # a table's row as read, or {"text": …} for a text file
    doc_id: str  # the row's id, or a name derived from the file (and row number)
    encoding: str
    sha256: str | None = None  # of a text file's bytes; None for rows (the text's hash is used)
    plain: bool = False  # a text file: kicker and headline are read from the text itself


def _text_row(data: bytes, source: str, stem: str, warn: Warn) -> Row:
    text, encoding = decode_bytes(data, source, warn)
    return Row(source, {"text": text}, stem, encoding, hashlib.sha256(data).hexdigest(), plain=True)


def text_file_row(path: Path, warn: Warn) -> Row:
    """The row of a file read as one article's text, whatever its suffix."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot be read ({exc.strerror})") from None
    return _text_row(data, str(path), path.stem, warn)


def _table_encoding(head: bytes, source: str, warn: Warn) -> str:
    """A table's encoding, decided by the module's rule on its first bytes (cut at the last
    complete line); a legacy code page is reported once for the whole file."""
    cut = head[: head.rfind(b"\n") + 1] or head
    if not cut.strip():
        raise ArticleError(source, "the file is empty" if not head else "the file holds only whitespace")
    encoding = _decode(cut, source, lambda warning: None)[1]
    if encoding in LEGACY_ENCODINGS:
        warn(ArticleWarning(source, "legacy-encoding", f"not valid UTF-8; the whole table is decoded as {encoding}, which gives Arabic text"))
    return encoding


class _Chain(io.RawIOBase):
    """A readable stream of ``head`` followed by the rest of ``handle``."""

    def __init__(self, head: bytes, handle):
        self.head, self.handle = head, handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.head[: len(buffer)] if self.head else self.handle.read(len(buffer))
        self.head = self.head[len(data):]
        buffer[: len(data)] = data
        return len(data)


def _decoded_lines(stream, encoding: str, source: str, warn: Warn, on_error) -> Iterator[str]:
    """The lines of a binary table, decoded; a line that is not valid text by the module's rule is
    reported by its line number and given as an empty line (a CSV's row count stays right)."""
    if encoding == "utf-16":
        yield from io.TextIOWrapper(stream, encoding="utf-16", newline="")
        return
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    for number, line in enumerate(stream, 1):
        if number == 1 and encoding == "utf-8-sig":
            line = line[len(codecs.BOM_UTF8):]
        try:
            yield line.decode(codec)
        except UnicodeDecodeError:
            try:
                yield _decode(line, f"{source} (line {number})", warn)[0]
            except ArticleError as error:
                if on_error is None:
                    raise
                on_error(error)
                yield "\n"


def _decoded_chunks(stream, encoding: str, source: str) -> Iterator[str]:
    """A binary stream decoded in chunks of a megabyte (a JSON array may be one long line)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    while True:
        data = stream.read(SNIFF_BYTES)
        try:
            text = decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise ArticleError(source, f"not valid {encoding} (byte 0x{data[exc.start]:02x} at position {offset + exc.start})") from None
        offset += len(data)
        if text:
            yield text
        if not data:
            return


def _row_error(source: str, number: int, problem: str, on_error) -> None:
    error = ArticleError(f"{source} (row {number})", problem)
    if on_error is None:
        raise error
    on_error(error)


def _text_column(fields: dict) -> str | None:
    return next((c for c in TEXT_COLUMNS if c in fields), None)


def _table_row(fields, source: str, stem: str, number: int, encoding: str, on_error) -> Row | None:
    """A :class:`Row` for a table's row, or ``None`` (reported) when it holds no article."""
    if not isinstance(fields, dict):
        _row_error(source, number, f"is a JSON {type(fields).__name__}, not an object", on_error)
        return None
    column = _text_column(fields)
    if column is None:
        _row_error(source, number, f"has no text field (expected one of: {', '.join(TEXT_COLUMNS)})", on_error)
        return None
    if not isinstance(fields[column], str) or not fields[column].strip():
        _row_error(source, number, f"its {column!r} is empty", on_error)
        return None
    row_id = fields.get("id") or fields.get("doc_id")
    return Row(f"{source} (row {number})", fields, str(row_id) if row_id not in (None, "") else f"{stem}-{number}", encoding)


def _csv_rows(lines: Iterator[str], source: str, stem: str, encoding: str, on_error) -> Iterator[Row]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(lines)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ArticleError(source, f"the header is not valid CSV ({exc})") from None
    if not header or not any(h.strip() for h in header):
        raise ArticleError(source, "the table is empty")
    if _text_column(dict.fromkeys(header)) is None:
        raise ArticleError(source, f"no text column (expected one of: {', '.join(TEXT_COLUMNS)})")
    number = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            _row_error(source, number, f"is not valid CSV ({exc}, line {reader.line_num})", on_error)
            continue
        if not any(v.strip() for v in values):
            continue
        number += 1
        if len(values) > len(header):
            _row_error(source, number, f"has {len(values)} fields, the header {len(header)}", on_error)
            continue
        row = _table_row(dict(zip(header, values)), source, stem, number, encoding, on_error)
        if row:
            yield row
    if number == 0:
        raise ArticleError(source, "the table has a header but no rows")


def _jsonl_rows(lines: Iterator[str], source: str, stem: str, encoding: str, on_error) -> Iterator[Row]:
    number = 0
    for line in lines:
        if not line.strip():
            continue
        number += 1
        try:
            fields = json.loads(line)
        except json.JSONDecodeError as exc:
            _row_error(source, number, f"is not valid JSON ({exc.msg} at column {exc.colno})", on_error)
            continue
        row = _table_row(fields, source, stem, number, encoding, on_error)
        if row:
            yield row
    if number == 0:
        raise ArticleError(source, "the file holds no rows")


def _json_values(chunks: Iterator[str], source: str) -> Iterator[object]:
    """The elements of a JSON array (or the one JSON value) read from text ``chunks`` as they stream in.

    An element is decoded once the text holding it has arrived; when it is incomplete, at least as
    much text again is read before retrying, so that a long element costs linear time."""
    decoder = json.JSONDecoder()
    chunks = iter(chunks)
    buffer, position, done = "", 0, False

    def more(at_least: int) -> bool:
        nonlocal buffer, position, done
        pieces, size = [], 0
        while size < at_least and not done:
            piece = next(chunks, None)
            if piece is None:
                done = True
            else:
                pieces.append(piece)
                size += len(piece)
        buffer, position = buffer[position:] + "".join(pieces), 0
        return size > 0

    def skip_space() -> str:
        nonlocal position
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n":
                position += 1
            if position < len(buffer) or not more(1 << 16):
                return buffer[position] if position < len(buffer) else ""

    def value():
        nonlocal position
        while True:
            try:
                result, end = decoder.raw_decode(buffer, position)
                if end < len(buffer) or done:  # a number cut at the end of the text read may go on
                    position = end
                    return result
                problem = "cut short"
            except json.JSONDecodeError as exc:
                problem = f"{exc.msg}, {exc.pos - position} characters into element"
            if done:
                raise ArticleError(source, f"is not valid JSON ({problem})")
            more(max(1 << 16, len(buffer)))

    if skip_space() != "[":
        yield value()
        if skip_space():
            raise ArticleError(source, "holds more than one JSON value")
        return
    position += 1
    if skip_space() == "]":
        return
    while True:
        skip_space()
        yield value()
        mark = skip_space()
        position += 1
        if mark == "]":
            return
        if mark != ",":
            raise ArticleError(source, "is not valid JSON (expected , or ] between array elements)")


def _json_rows(chunks: Iterator[str], source: str, stem: str, encoding: str, on_error) -> Iterator[Row]:
    number = 0
    for fields in _json_values(chunks, source):
        number += 1
        row = _table_row(fields, source, stem, number, encoding, on_error)
        if row:
            yield row
    if number == 0:
        raise ArticleError(source, "the JSON array is empty")


def _stream_rows(handle, source: str, name: str, warn: Warn, on_error) -> Iterator[Row]:
    """Rows of one table (or one text file) read from a binary ``handle`` named ``name``."""
    suffix = Path(name).suffix.lower()
    stem = Path(name).stem
    if suffix not in TABLE_SUFFIXES:
        yield _text_row(handle.read(), source, stem, warn)
        return
    head = handle.read(SNIFF_BYTES)
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        for signature, kind in BINARY_SIGNATURES.items():
            if head.startswith(signature):
                raise ArticleError(source, f"this is a binary file ({kind}), not a table")
        if head.count(b"\x00") > max(MAX_CONTROL_SHARE * len(head), MIN_BINARY_CONTROLS):
            raise ArticleError(source, "this is a binary file (it is full of NUL bytes), not a table")
    encoding = _table_encoding(head, source, warn)
    stream = io.BufferedReader(_Chain(head, handle))
    if suffix == ".json":
        text = _decoded_chunks(stream, "utf-8-sig" if encoding.startswith("utf-8") else encoding, source)
        yield from _json_rows(text, source, stem, encoding, on_error)
    else:
        lines = _decoded_lines(stream, encoding, source, warn, on_error)
        yield from (_csv_rows if suffix == ".csv" else _jsonl_rows)(lines, source, stem, encoding, on_error)


def _zip_rows(path: Path, warn: Warn, on_error) -> Iterator[Row]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArticleError(path, f"is not a readable ZIP archive ({exc})") from None
    with archive:
        members = sorted(m for m in archive.namelist() if Path(m).suffix.lower() in INPUT_SUFFIXES - {".zip"}
                         and not any(part.startswith((".", "__MACOSX")) for part in Path(m).parts))
        if not members:
            raise ArticleError(path, "the archive holds no .txt, .csv, .jsonl or .json files")
        for member in members:
            try:
                with archive.open(member) as handle:
                    yield from _stream_rows(handle, f"{path}/{member}", member, warn, on_error)
            except ArticleError as error:
                if on_error is None:
                    raise
                on_error(error)


def file_rows(path: Path, warn: Warn, on_error=None) -> Iterator[Row]:
    """The rows of one input file: a text file, a table or a ZIP archive of them."""
    if path.suffix.lower() == ".zip":
        yield from _zip_rows(path, warn, on_error)
        return
    if path.suffix.lower() == ".csv" and annotation_table(path):
        raise ArticleError(path, "is an annotation table written by helpers (doc_id, start, end columns), not articles")
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ArticleError(path, f"cannot be read ({exc.strerror})") from None
    with handle:
        yield from _stream_rows(handle, str(path), path.name, warn, on_error)


# --- what is input ------------------------------------------------------------------------


def package_output(folder: Path) -> bool:
    """True for a folder that :func:`helpers.annotate.layers.write_article` wrote: it holds an
    ``article.json`` whose object has a ``package_version`` key."""
    marker = folder / "article.json"
    if not marker.is_file():
        return False
    try:
        record = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(record, dict) and "package_version" in record


def annotation_table(path: Path) -> bool:
    """True for a CSV whose header is an annotation layer's: ``doc_id`` first, ``start`` and ``end``."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            header = next(csv.reader(io.StringIO(handle.readline())), [])
    except OSError:
        return False
    return bool(header) and header[0] == "doc_id" and {"start", "end"} <= set(header)


def _listed_in_subfolders(folder: Path) -> set[Path]:
    """Files that ``folder/datapackage.json`` lists in sub-folders: corpora of their own."""
    package = folder / "datapackage.json"
    try:
        resources = json.loads(package.read_text(encoding="utf-8")).get("resources", [])
    except (OSError, ValueError, AttributeError):
        return set()
    paths = [r.get("path") for r in resources if isinstance(r, dict) and isinstance(r.get("path"), str)]
    return {(folder / p).resolve() for p in paths if "/" in p.strip("/")}


def _json_array_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4096).lstrip(codecs.BOM_UTF8 + b" \t\r\n")[:1] == b"["


def input_files(folder: Path, warn: Warn) -> list[Path]:
    """The article files under ``folder``, sorted, leaving out what is not input (see the module)."""
    files: list[Path] = []
    separate = _listed_in_subfolders(folder)
    for root, dirs, names in os.walk(folder):
        here = Path(root)
        kept = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            if package_output(here / name):
                warn(ArticleWarning(here / name, "package-output", "a folder of annotations written by helpers; not read as input"))
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            path = here / name
            suffix = path.suffix.lower()
            if name.startswith(".") or suffix not in INPUT_SUFFIXES or path.resolve() in separate:
                continue
            if suffix == ".json" and not _json_array_file(path):
                continue  # a JSON object file (datapackage.json, settings) is not a list of articles
            if suffix == ".csv" and annotation_table(path):
                warn(ArticleWarning(path, "package-output", "an annotation table written by helpers; not read as input"))
                continue
            files.append(path)
    return sorted(files)


# --- metadata -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    id: str
    name_ar: str
    name_en: str
    url: str | None
    dateline_names: tuple[str, ...]


OUTLETS_FILE = PACKAGE_DATA / "outlets.yaml"


def _parse_outlet(path: Path, number: int, entry) -> Outlet:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry[k].strip() for k in ("id", "name_ar", "name_en")):
        raise ValueError(f"{path}: outlet #{number} needs id, name_ar and name_en")
    return Outlet(entry["id"].strip(), entry["name_ar"].strip(), entry["name_en"].strip(), entry.get("url"),
                  tuple(entry.get("dateline_names") or ()))


def outlets() -> dict[str, Outlet]:
    """``data/outlets.yaml`` by lower-cased id; read again when it is edited."""
    return _outlets(OUTLETS_FILE)


@cached_by_file
def _outlets(path) -> dict[str, Outlet]:
    return {key.casefold(): outlet for key, outlet in read_records(path, "outlets", "outlet", _parse_outlet, ValueError).items()}


def iter_rows(paths: Iterable[Path], warn: Warn, on_error=None) -> Iterator[Row]:
    """The rows of each file in turn; a file that cannot be read raises, or is reported to ``on_error``."""
    for path in paths:
        try:
            yield from file_rows(path, warn, on_error)
        except ArticleError as error:
            if on_error is None:
                raise
            on_error(error)
