"""The records the extractor fills: :class:`Statement` (a row of ``quotes.csv``), :class:`Speaker`,
the :class:`_Draft` of a statement being built, and one article's :class:`Analysis`; the tables'
columns.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

KINDS = ("direct", "mixed", "indirect", "speech_act")


COLUMNS = [
    "doc_id", "quote_id", "kind", "para", "start", "end", "text", "quoted_text", "quoted_spans",
    "cue", "cue_lemma", "cue_class", "cue_start", "cue_end", "speaker", "speaker_id",
    "speaker_start", "speaker_end", "anonymous", "speaker_label", "speaker_source",
]


VOICE_COLUMNS = ["doc_id", "quote_id", "speaker_id", "speaker_label", "kind", "voice", "start", "end"]


TERM_COLUMNS = ["doc_id", "para", "start", "end", "text", "mark", "role", "inside_quote_id"]


JOURNALIST = ("journalist", "الصحفي", "journalist")


@dataclass
class Statement:
    """One attributed statement: the fields of ``quotes.csv``."""

    doc_id: str
    quote_id: str
    kind: str
    para: int
    start: int
    end: int
    text: str
    quoted_text: str
    quoted_spans: list[tuple[int, int]]
    cue: str
    cue_lemma: str
    cue_class: str
    cue_start: int
    cue_end: int
    speaker: str
    speaker_id: str
    speaker_start: int | None
    speaker_end: int | None
    anonymous: bool
    speaker_label: str = ""
    speaker_source: str = ""  # explicit, participle, coordinated, continuation, headline or unknown


@dataclass(eq=False)  # a speaker is itself: compared, counted and removed by identity
class Speaker:
    """A speaker of the article: its mentions and the words that identify it."""

    key: int
    mentions: list[tuple[int, int]] = field(default_factory=list)
    bases: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    gender: str = ""
    number: str = ""
    anonymous: bool = False
    labels: list[str] = field(default_factory=list)


@dataclass
class _Draft:
    """A statement being built, before ids are given."""

    kind: str
    para: int
    start: int
    end: int
    quoted: list[tuple[int, int]]
    cue_start: int
    cue_end: int
    lemma: str
    cls: str
    gender: str = ""
    number: str = ""
    subject: tuple[int, int] | None = None  # token range [i, j)
    voiced_for: tuple[int, int] | None = None  # the verb's subject when «على لسان» names who spoke for it
    speaker: Speaker | None = None
    source: str = "unknown"
    sentence: int = 0


@dataclass
class Analysis:
    """Everything extracted from one article (cached per article object)."""

    statements: list[Statement]
    speakers: list[Speaker]
    term_rows: list[dict]  # the rows of :attr:`terms`
    headline: Statement | None

    @property
    def terms(self) -> pd.DataFrame:
        """The marked terms (columns :data:`TERM_COLUMNS`), made when asked for: the corpus tables
        do not store them, and a DataFrame per article cost as much as finding them."""
        return pd.DataFrame(self.term_rows, columns=TERM_COLUMNS)
