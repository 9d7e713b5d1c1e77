"""Load Arabic news articles: structure (kicker, headline, dateline, paragraphs) and metadata, from
text files, tables (CSV, JSON Lines, JSON arrays), ZIP archives and folders of them.

Every offset in the package indexes into :attr:`Article.text`. A text file's text is the file as
decoded (see :mod:`helpers.text.corpus_input` for the decoding rule); its leading lines that do not
end like a sentence are the kicker and headline. A table row's text is ``title + "\\n\\n" + body``
when the row has a title: the title is the headline and every line of the body a paragraph;
without a title the body is read like a text file. A dateline or byline that opens the body
(:mod:`helpers.text.datelines`) is kept out of the paragraphs, so that it is neither discourse nor
a speaker, and recorded in :attr:`Article.dateline` and the metadata.
"""
from __future__ import annotations

import hashlib
import html
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from . import datelines
from .corpus_input import (
    ARABIC_LETTER,
    TEXT_COLUMNS,
    ArticleError,
    ArticleWarning,
    LoadLog,
    Row,
    Warn,
    check_controls,
    decode_bytes,
    input_files,
    iter_rows,
    outlets,
    package_output,
    python_warning,
    text_file_row,
)
from .normalize import BIDI_CONTROLS
from .quotemarks import QuoteMarks, pair_quote_marks

__all__ = ["Article", "ArticleError", "ArticleWarning", "LoadLog", "Span", "article_from_text", "decode_bytes",
           "iter_articles", "load_article", "split_structure"]

BIDI_CONTROL = re.compile(f"[{BIDI_CONTROLS}]")
#: Line and paragraph breaks: newline, carriage return, vertical tab, form feed, the information
#: separators, NEL, and Unicode's line and paragraph separators (U+2028, U+2029).
LINE = re.compile(r"[^\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
#: A title line ends without sentence punctuation (a closing quote or bracket may follow the words).
SENTENCE_FINAL = re.compile(r"[.!?؟…:؛;]\s*[»”\"')\]]*\s*$")
MAX_TITLE_CHARS = 250
#: Bylines and datelines on a line of their own are body text, never titles (see :func:`_is_dateline`).
BYLINE_START = re.compile(r"^(?:كتب|كتبت|بقلم|إعداد|اعداد|متابعة|تحرير)\s*[-–—:]?\s")
DATELINE_SEPARATOR = re.compile(r"\s*(?:/|\s[-–—]{1,2}\s|[-–—]{2})\s*")
DATELINE_EXCLUDED = re.compile("[:«»“”\"]")
DATELINE_SEGMENT_WORDS = 4
#: Metadata every article has (``None`` when unknown), in this order; a table row's other fields
#: follow under their own names. ``title``: the headline as written; ``outlet``: the row's outlet
#: (SaudiNewsNet's ``source``) with its names from ``data/outlets.yaml``; ``date``: YYYY-MM-DD, and
#: ``date_kind`` how far it is the day of publication (see :data:`DATE_FIELDS`); ``dateline*``: the
#: dateline as written, its places, agencies or outlets, reporters (each joined with «، »), an
#: agency's date, and ``dateline_in``: ``body`` (kept out of the paragraphs) or ``author`` (the
#: author field held it).
METADATA_KEYS = ("doc_id", "title", "outlet", "outlet_name_ar", "outlet_name_en", "date", "date_kind", "author", "url",
                 "dateline", "dateline_place", "dateline_agency", "dateline_reporter", "dateline_date", "dateline_in")
TITLE_FIELDS = ("title", "headline")
OUTLET_FIELDS = ("outlet", "source", "newspaper")
#: Fields holding a date, most reliable first. SaudiNewsNet has only ``date_extracted``, the day its
#: crawler fetched the page; its README says that from 1 August 2015 on this is most probably the
#: day of publication.
DATE_FIELDS = ("date", "published", "date_published", "publication_date", "pubdate", "date_extracted")
EXTRACTED_IS_PUBLISHED_FROM = date(2015, 8, 1)
ISO_DATE = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]|$)")
#: doc_ids name output folders: long ones are shortened with a hash, Windows device names avoided.


@dataclass(frozen=True)
class Span:
    """A region of :attr:`Article.text`: ``text[start:end]``."""

    start: int
    end: int


@dataclass(eq=False)
class Article:
    """One article: its decoded text, provenance, structure and metadata (keys: :data:`METADATA_KEYS`).

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
    dateline: Span | None = None  # not in any paragraph

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


# --- checks --------------------------------------------------------------------------------


def _check_text(text: str, source: str, warn: Warn) -> None:
    if not text.strip():
        raise ArticleError(source, "the text is empty")
    if not ARABIC_LETTER.search(text):
        warn(ArticleWarning(source, "no-arabic", "the text contains no Arabic letters"))
    controls = [m.start() for m in BIDI_CONTROL.finditer(text)]
    if controls:
        shown = ", ".join(map(str, controls[:5])) + (" …" if len(controls) > 5 else "")
        warn(ArticleWarning(
            source, "bidi-controls",
            f"{len(controls)} invisible bidi control character(s) at offset(s) {shown}; "
            "kept in the text (offsets stay valid), removed from normalised forms",
        ))


def _check_quote_marks(article: Article, warn: Warn) -> None:
    """Report once quotation marks that open without closing, or close without opening.

    Arabic news often leaves a quote open to the end of its paragraph; the quotes extractor
    reads it so, but a researcher should know that the text is unbalanced.
    """
    text, problems = article.text, []
    for marks in article.quote_pairs:
        problems += [(q.open, f"{text[q.open]} at offset {q.open} is never closed") for q in marks.quotes if q.unclosed]
        problems += [(i, f"{text[i]} at offset {i} closes nothing") for i in marks.stray]
    if problems:
        shown = "; ".join(message for _, message in sorted(problems)[:5]) + (" …" if len(problems) > 5 else "")
        warn(ArticleWarning(article.source, "unbalanced-quotes", f"unbalanced quotation marks: {shown}"))


# --- structure ---------------------------------------------------------------------------


def _lines(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Non-empty lines of ``text[start:end]`` as spans with surrounding whitespace trimmed."""
    spans = []
    for match in LINE.finditer(text, start, len(text) if end is None else end):
        line = match.group()
        stripped = line.strip()
        if stripped:
            lead = match.start() + len(line) - len(line.lstrip())
            spans.append(Span(lead, lead + len(stripped)))
    return spans


def _is_title_line(text: str, span: Span) -> bool:
    line = text[span.start : span.end]
    return (len(line) <= MAX_TITLE_CHARS and not SENTENCE_FINAL.search(line) and not _is_dateline(line)
            and datelines.parse(line) is None)


def _is_dateline(line: str) -> bool:
    """A byline or dateline by its shape alone (كتب- هشام عبد العزيز، بروكسل / مراد أوزتورك /
    الأناضول، أبوظبي - سكاي نيوز عربية): short segments joined by / or a dash, with no colon or
    quote mark, or a short line that opens with كتب/بقلم. Such a line is never a title."""
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


def _split_dateline(text: str, paragraphs: list[Span], bylines: tuple[str, ...]) -> tuple[datelines.Dateline | None, list[Span]]:
    """The dateline that opens the first paragraph, and the paragraphs without it (one is kept)."""
    if not paragraphs:
        return None, paragraphs
    first = paragraphs[0]
    found = datelines.find(text, first.start, first.end, bylines)
    rest = _lines(text, found.body, first.end) if found else []
    if found is None or not (rest or paragraphs[1:]):
        return None, paragraphs
    return found, rest[:1] + paragraphs[1:]


# --- metadata ------------------------------------------------------------------------------


def _first(fields: dict, names: tuple[str, ...]) -> tuple[str | None, str | None]:
    """(name, value) of the first of ``names`` that ``fields`` has with a non-blank value."""
    for name in names:
        value = fields.get(name)
        if value is not None and str(value).strip():
            return name, str(value).strip()
    return None, None


def _date(fields: dict, source: str, warn: Warn) -> tuple[str | None, str | None]:
    """(ISO date, kind) from the row's date field; kind is ``published``, ``extracted`` or, for a
    SaudiNewsNet ``date_extracted`` from 1 August 2015 on, ``extracted, probably published``."""
    name, value = _first(fields, DATE_FIELDS)
    if value is None:
        return None, None
    match = ISO_DATE.match(value)
    try:
        day = date(*map(int, match.groups())) if match else None
    except ValueError:
        day = None
    if day is None:
        warn(ArticleWarning(source, "unparsed-date", f"{name} {value!r} is not a YYYY-MM-DD date; date left empty"))
        return None, None
    if name != "date_extracted":
        return day.isoformat(), "published"
    return day.isoformat(), "extracted, probably published" if day >= EXTRACTED_IS_PUBLISHED_FROM else "extracted"


def _dateline_fields(found: datelines.Dateline, text: str, where: str) -> dict:
    """The ``dateline*`` metadata of a dateline found in ``text`` (the body, or the author field)."""
    return {
        "dateline": text[found.start : found.end],
        "dateline_place": "، ".join(found.places) or None,
        "dateline_agency": "، ".join(found.agencies) or None,
        "dateline_reporter": "، ".join(found.reporters) or None,
        "dateline_date": found.date,
        "dateline_in": where,
    }


def row_metadata(fields: dict, doc_id: str, source: str, warn: Warn, text_column: str | None) -> dict:
    """Every field of a table row, the :data:`METADATA_KEYS` first (outlet names from
    ``data/outlets.yaml``, the date parsed, a dateline in the author field read)."""
    metadata = dict.fromkeys(METADATA_KEYS)
    outlet = _first(fields, OUTLET_FIELDS)[1]
    known = outlets().get(outlet.casefold()) if outlet else None
    author = _first(fields, ("author",))[1]
    metadata.update(
        doc_id=doc_id, title=_first(fields, TITLE_FIELDS)[1], outlet=outlet, author=author, url=_first(fields, ("url",))[1],
        outlet_name_ar=known.name_ar if known else None, outlet_name_en=known.name_en if known else None,
    )
    metadata["date"], metadata["date_kind"] = _date(fields, source, warn)
    by_author = datelines.from_author(author) if author else None
    if by_author:
        metadata.update(_dateline_fields(by_author, datelines.decode_author(author), "author"))
    metadata.update({k: v for k, v in fields.items() if k not in metadata and k != text_column})
    return metadata


# --- building articles -----------------------------------------------------------------------


def _doc_id(name: str, fallback: str) -> str:
    """A doc_id from a file stem or row id: word characters, dots and hyphens (the output side,
    :func:`helpers.annotate.layers.folder_name`, decides what is too long or reserved as a folder name)."""
    slug = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.")
    return re.sub(r"\.ar$", "", slug) or fallback


def _build(text: str, source: str, doc_id: str, digest: str, encoding: str, structure: tuple, metadata: dict,
           warn: Warn, bylines: tuple[str, ...] = ()) -> Article:
    _check_text(text, source, warn)
    kicker, headline, paragraphs = structure
    found, paragraphs = _split_dateline(text, paragraphs, bylines)
    if found:
        metadata.update(_dateline_fields(found, text, "body"))
    article = Article(doc_id=doc_id, text=text, source=source, sha256=digest, encoding=encoding, kicker=kicker,
                      headline=headline, paragraphs=paragraphs, metadata=metadata,
                      dateline=Span(found.start, found.end) if found else None)
    _check_quote_marks(article, warn)
    return article


def article_from_text(
    text: str,
    *,
    source: str,
    doc_id: str | None = None,
    sha256: str | None = None,
    encoding: str = "utf-8",
    metadata: dict | None = None,
    on_warning: Warn | None = None,
) -> Article:
    """Build an :class:`Article` from already decoded text, its titles read from its first lines."""
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc_id = doc_id or digest[:16]
    structure = split_structure(text)
    headline = structure[1]
    record = dict.fromkeys(METADATA_KEYS) | {"doc_id": doc_id, "title": text[headline.start : headline.end] if headline else None}
    return _build(text, source, doc_id, digest, encoding, structure, record | (metadata or {}), on_warning or python_warning)


#: An HTML character reference (&quot;، &#8220;): scraped news often keeps its quote marks so.
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def decode_character_references(text: str) -> tuple[str, int]:
    """A field's HTML character references decoded (&quot;موبايلي&quot; → "موبايلي", so that its quote
    marks are seen), and how many there were; offsets are then into the decoded text."""
    count = len(CHARACTER_REFERENCE.findall(text))
    return (html.unescape(text), count) if count else (text, 0)


def article_from_row(row: Row, warn: Warn = python_warning) -> Article:
    """The :class:`Article` of a row read by :mod:`helpers.text.corpus_input`."""
    if row.plain:
        return article_from_text(row.fields["text"], source=row.source, doc_id=_doc_id(row.doc_id, row.sha256[:16]),
                                 sha256=row.sha256, encoding=row.encoding, on_warning=warn)
    column = next(c for c in TEXT_COLUMNS if c in row.fields)
    body, in_body = decode_character_references(row.fields[column])
    title_field, _ = _first(row.fields, TITLE_FIELDS)
    raw_title, in_title = decode_character_references(str(row.fields[title_field])) if title_field else ("", 0)
    title = raw_title.strip() or None
    if in_body + in_title:
        warn(ArticleWarning(row.source, "html-entities", f"{in_body + in_title} HTML character reference(s) (&quot; …) decoded"))
    text = f"{raw_title}\n\n{body}" if title else body
    if "\x00" in text:
        raise ArticleError(row.source, f"its text contains a NUL character (offset {text.index(chr(0))})")
    check_controls(text, row.source, warn)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc_id = _doc_id(row.doc_id, digest[:16])
    if title:
        lead = len(raw_title) - len(raw_title.lstrip())
        headline = Span(lead, lead + len(raw_title.strip()))
        structure = (None, headline, _lines(text, len(raw_title) + 2))
    else:
        structure = split_structure(text)
    metadata = row_metadata(row.fields, doc_id, row.source, warn, column)
    if title or structure[1]:  # the title as the text has it (its character references decoded)
        metadata["title"] = title or text[structure[1].start : structure[1].end]
    bylines = tuple(name for name in (metadata["author"], title.split(":", 1)[0] if title and ":" in title[:40] else None) if name)
    return _build(text, row.source, doc_id, digest, row.encoding, structure, metadata, warn, bylines)


def load_article(path: str | Path, on_warning: Warn | None = None) -> Article:
    """Load one article from a text file; raise :class:`ArticleError` naming the file if unusable."""
    path = Path(path)
    if not path.exists():
        raise ArticleError(path, "no such file")
    if path.is_dir():
        raise ArticleError(path, "is a folder; use iter_articles() for a folder of articles")
    warn = on_warning or python_warning
    return article_from_row(text_file_row(path, warn), warn)


def _report(log: LoadLog, path: Path) -> None:
    """Give a corpus's collected warnings through Python's warnings: each one when there are at
    most three, else a single summary."""
    if len(log.warnings) <= 3:
        for warning in log.warnings:
            warnings.warn(warning, stacklevel=3)
    else:
        warnings.warn(ArticleWarning(path, "summary", log.summary()), stacklevel=3)


def iter_articles(
    path: str | Path,
    on_error: Callable[[ArticleError], None] | None = None,
    on_warning: Warn | None = None,
) -> Iterator[Article]:
    """Yield articles lazily from a .txt file, a CSV, JSON Lines or JSON-array table, a ZIP archive
    of these, or a folder of any of them (leaving out what is not input: the package's own output,
    hidden files, corpora that the folder's ``datapackage.json`` lists in sub-folders).

    A file or row that cannot be read raises :class:`ArticleError`, unless ``on_error`` is given:
    then it is called with the error and every other file and row is still read. Warnings go to
    ``on_warning`` (a :meth:`LoadLog.warning`, say); without it they are collected and given at the
    end through Python's warnings, one by one when there are at most three, else as one summary.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleError(path, "no such file or folder")
    log = LoadLog() if on_warning is None else None
    warn = on_warning or log.warning
    try:
        if path.is_dir():
            if package_output(path):
                raise ArticleError(path, "is a folder of annotations written by helpers, not input")
            files = input_files(path, warn)
            if not files:
                raise ArticleError(path, "the folder holds no .txt, .csv, .jsonl, .json or .zip files")
        else:
            files = [path]
        for row in iter_rows(files, warn, on_error):
            try:
                yield article_from_row(row, warn)
            except ArticleError as error:
                if on_error is None:
                    raise
                on_error(error)
    finally:
        if log is not None and log.warnings:
            _report(log, path)
