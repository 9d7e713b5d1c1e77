"""Load Arabic news articles: decoding with clear errors, structure (kicker, headline, paragraphs).

Every offset in the package indexes into :attr:`Article.text`, the file's text exactly as decoded.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .normalize import BIDI_CONTROLS
from .quotemarks import QuoteMarks, pair_quote_marks

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]")
ANY_LETTER = re.compile(r"[^\W\d_]")
BIDI_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")
#: A title line ends without sentence punctuation (a closing quote or bracket may follow the words).
SENTENCE_FINAL = re.compile(r"[.!?؟…:؛;]\s*[»”\"')\]]*\s*$")
MAX_TITLE_CHARS = 250
#: Bylines and datelines (see :func:`_is_dateline`).
BYLINE_START = re.compile(r"^(?:كتب|كتبت|بقلم|إعداد|اعداد|متابعة|تحرير)\s*[-–—:]?\s")
DATELINE_SEPARATOR = re.compile(r"\s*(?:/|\s[-–—]{1,2}\s|[-–—]{2})\s*")
DATELINE_EXCLUDED = re.compile("[:«»“”\"]")
DATELINE_SEGMENT_WORDS = 4
#: Encodings tried, in order, when a file is not UTF-8: legacy Arabic news is mostly Windows-1256.
LEGACY_ENCODINGS = ("windows-1256", "iso-8859-6")
MIN_ARABIC_SHARE = 0.6
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


class ArticleError(ValueError):
    """An input that cannot be read as an Arabic news article; the message names the file."""

    def __init__(self, source: str | Path, problem: str):
        self.source, self.problem = str(source), problem
        super().__init__(f"{source}: {problem}")


class ArticleWarning(UserWarning):
    """Something unusual about an input that was still loaded (legacy encoding, no Arabic …)."""


@dataclass(frozen=True)
class Span:
    """A region of :attr:`Article.text`: ``text[start:end]``."""

    start: int
    end: int


@dataclass(eq=False)
class Article:
    """One article: its decoded text, provenance and structure.

    Annotation layers (sentences, tokens, …) are computed on first use and cached here.
    """

    doc_id: str
    text: str
    source: str
    sha256: str
    encoding: str
    kicker: Span | None
    headline: Span | None
    paragraphs: list[Span]
    metadata: dict = field(default_factory=dict)

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    @property
    def blocks(self) -> list[tuple[str, Span]]:
        """Kicker, headline and body paragraphs in reading order, as (role, span) pairs."""
        head = [(role, s) for role, s in (("kicker", self.kicker), ("headline", self.headline)) if s]
        return head + [("body", s) for s in self.paragraphs]

    @cached_property
    def quote_pairs(self) -> list[QuoteMarks]:
        """The paired quotation marks of each block, in :attr:`blocks` order, paired once per
        article and shared by the load-time check, sentence splitting and the quotes extractor."""
        return [pair_quote_marks(self.text, span.start, span.end) for _, span in self.blocks]

    @cached_property
    def sentences(self):
        from .segment import split_sentences

        return split_sentences(self)

    @cached_property
    def tokens(self):
        from .segment import tokenize_article

        return tokenize_article(self)


# --- decoding ----------------------------------------------------------------------------


def _arabic_share(text: str) -> float:
    letters = len(ANY_LETTER.findall(text))
    return len(ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def decode_bytes(data: bytes, source: str | Path) -> tuple[str, str]:
    """Decode an article's bytes, returning (text, encoding); raise :class:`ArticleError` if unusable."""
    text, encoding = _decode(data, source)
    if not text.strip():
        raise ArticleError(source, "the file holds only whitespace")
    return text, encoding


def _decode(data: bytes, source: str | Path) -> tuple[str, str]:
    if not data.strip():
        raise ArticleError(source, "the file is empty" if not data else "the file holds only whitespace")
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise ArticleError(source, f"this is a binary file ({kind}), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ArticleError(source, f"has a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(source, "this is a binary file (it contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_problem = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at position {exc.start})"
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _arabic_share(text) >= MIN_ARABIC_SHARE:
            warnings.warn(
                f"{source}: {utf8_problem}; decoded as {encoding}, which gives Arabic text. "
                "Offsets index the decoded text.",
                ArticleWarning,
                stacklevel=3,
            )
            return text, encoding
    tried = ", ".join(("utf-8",) + LEGACY_ENCODINGS)
    raise ArticleError(source, f"{utf8_problem}, and no legacy Arabic encoding gives Arabic text (tried {tried})")


def _check_text(text: str, source: str | Path) -> None:
    if not text.strip():
        raise ArticleError(source, "the text is empty")
    if not ARABIC_LETTER.search(text):
        warnings.warn(f"{source}: the text contains no Arabic letters", ArticleWarning, stacklevel=3)
    controls = [m.start() for m in BIDI_CONTROL.finditer(text)]
    if controls:
        shown = ", ".join(map(str, controls[:5])) + (" …" if len(controls) > 5 else "")
        warnings.warn(
            f"{source}: {len(controls)} invisible bidi control character(s) at offset(s) {shown}; "
            "kept in the text (offsets stay valid), removed from normalised forms",
            ArticleWarning,
            stacklevel=3,
        )


def _check_quote_marks(article: Article) -> None:
    """Warn once about quotation marks that open without closing, or close without opening.

    Arabic news often leaves a quote open to the end of its paragraph; the quotes extractor
    reads it so, but a researcher should know that the text is unbalanced.
    """
    text, problems = article.text, []
    for marks in article.quote_pairs:
        problems += [(q.open, f"{text[q.open]} at offset {q.open} is never closed") for q in marks.quotes if q.unclosed]
        problems += [(i, f"{text[i]} at offset {i} closes nothing") for i in marks.stray]
    if problems:
        shown = "; ".join(message for _, message in sorted(problems)[:5]) + (" …" if len(problems) > 5 else "")
        warnings.warn(f"{article.source}: unbalanced quotation marks: {shown}", ArticleWarning, stacklevel=3)


# --- structure ---------------------------------------------------------------------------


def _lines(text: str) -> list[Span]:
    """Non-empty lines as spans with surrounding whitespace trimmed."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        start, end = match.span()
        line = match.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append(Span(start + lead, start + lead + len(stripped)))
    return spans


def _is_title_line(text: str, span: Span) -> bool:
    line = text[span.start : span.end]
    return len(line) <= MAX_TITLE_CHARS and not SENTENCE_FINAL.search(line) and not _is_dateline(line)


def _is_dateline(line: str) -> bool:
    """A byline or dateline on a line of its own (كتب- هشام عبد العزيز، بروكسل / مراد أوزتورك /
    الأناضول، أبوظبي - سكاي نيوز عربية): body text, not a title. Short segments joined by / or a
    dash, with no colon or quote mark, or a short line that opens with كتب/بقلم."""
    if BYLINE_START.match(line) and len(line.split()) <= DATELINE_SEGMENT_WORDS + 2:
        return True
    segments = DATELINE_SEPARATOR.split(line)
    return (len(segments) >= 2 and not DATELINE_EXCLUDED.search(line)
            and all(0 < len(segment.split()) <= DATELINE_SEGMENT_WORDS for segment in segments))


def split_structure(text: str) -> tuple[Span | None, Span | None, list[Span]]:
    """Split text into (kicker, headline, body paragraphs).

    Leading lines that do not end like a sentence are titles: two give a kicker (supertitle)
    and a headline, one gives a headline. At least one body paragraph is always kept.
    """
    lines = _lines(text)
    titles = 0
    while titles < 2 and titles < len(lines) - 1 and _is_title_line(text, lines[titles]):
        titles += 1
    kicker = lines[0] if titles == 2 else None
    headline = lines[titles - 1] if titles else None
    return kicker, headline, lines[titles:]


# --- public loaders ----------------------------------------------------------------------


def _doc_id(stem: str, sha256: str) -> str:
    slug = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip("-.")
    slug = re.sub(r"\.ar$", "", slug)
    return slug or sha256[:16]


def article_from_text(
    text: str,
    *,
    source: str,
    doc_id: str | None = None,
    sha256: str | None = None,
    encoding: str = "utf-8",
    metadata: dict | None = None,
) -> Article:
    """Build an :class:`Article` from already decoded text (e.g. a CSV cell)."""
    _check_text(text, source)
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    kicker, headline, paragraphs = split_structure(text)
    article = Article(
        doc_id=doc_id or digest[:16],
        text=text,
        source=source,
        sha256=digest,
        encoding=encoding,
        kicker=kicker,
        headline=headline,
        paragraphs=paragraphs,
        metadata=metadata or {},
    )
    _check_quote_marks(article)
    return article


def load_article(path: str | Path) -> Article:
    """Load one article from a text file; raise :class:`ArticleError` naming the file if unusable."""
    path = Path(path)
    if not path.exists():
        raise ArticleError(path, "no such file")
    if path.is_dir():
        raise ArticleError(path, "is a folder; use iter_articles() for a folder of articles")
    data = path.read_bytes()
    text, encoding = decode_bytes(data, path)
    digest = hashlib.sha256(data).hexdigest()
    return article_from_text(text, source=str(path), doc_id=_doc_id(path.stem, digest), sha256=digest, encoding=encoding)


def _rows_from_table(path: Path) -> Iterator[dict]:
    if path.suffix.lower() == ".csv":
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from csv.DictReader(handle)
    else:
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise ArticleError(path, f"line {number} is not valid JSON ({exc.msg})") from None


def _articles_from_table(path: Path) -> Iterator[Article]:
    for number, row in enumerate(_rows_from_table(path), 1):
        column = next((c for c in TEXT_COLUMNS if c in row), None)
        if column is None:
            raise ArticleError(path, f"no text column (expected one of: {', '.join(TEXT_COLUMNS)})")
        row_id = str(row.get("id") or row.get("doc_id") or f"{path.stem}-{number}")
        metadata = {k: row[k] for k in ("title", "date", "source", "url") if row.get(k)}
        yield article_from_text(
            str(row[column] or ""), source=f"{path} (row {number})", doc_id=_doc_id(row_id, ""), metadata=metadata
        )


TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}


def iter_articles(path: str | Path, on_error: Callable[[ArticleError], None] | None = None) -> Iterator[Article]:
    """Yield articles lazily from a .txt file, a folder of .txt files, or a CSV/JSON Lines table.

    A file that cannot be read raises :class:`ArticleError`, unless ``on_error`` is given: then
    it is called with the error and the remaining files are still read.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleError(path, "no such file or folder")
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in {".txt"} | TABLE_SUFFIXES)
        if not files:
            raise ArticleError(path, "the folder holds no .txt, .csv or .jsonl files")
    else:
        files = [path]
    for file in files:
        try:
            if file.suffix.lower() in TABLE_SUFFIXES:
                yield from _articles_from_table(file)
            else:
                yield load_article(file)
        except ArticleError as error:
            if on_error is None:
                raise
            on_error(error)
