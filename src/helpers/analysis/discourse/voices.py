"""Who speaks the words: evaluative language by voice (journalist, reported, quoted), each
voice's share of the words, and the role of each paragraph in the news story."""
from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ...text.lexicons import cached_by_file, phrases
from ...text.loading import Article
from ...paths import PACKAGE_DATA
from .terms import TermMatch, compile_term, find_term, find_terms
from .words import as_articles, block_index, word_tokens

# --- evaluative language by voice ----------------------------------------------------------------------

EVALUATIVE_LEXICON = PACKAGE_DATA / "evaluative.csv"
POLARITIES = ("positive", "negative", "neutral")
LEXICON_COLUMNS = ("term", "polarity", "category")


def evaluative_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """The evaluative lexicon (default ``data/evaluative.csv``: term, polarity, category, note), checked.

    ``term`` is a word or phrase matched like every term (``*`` ends a prefix); polarity is
    positive, negative or neutral (intensifiers). A bad row raises an error naming file and line.
    Read again when the file changes.
    """
    return _evaluative_lexicon(path or EVALUATIVE_LEXICON)


@cached_by_file
def _evaluative_lexicon(path: Path) -> pd.DataFrame:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in LEXICON_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            term, polarity = (row["term"] or "").strip(), (row["polarity"] or "").strip()
            if not term or polarity not in POLARITIES:
                raise ValueError(f"{path}, line {line}: need a term and a polarity in {POLARITIES}, got {term!r}, {polarity!r}")
            compile_term(term)
            rows.append({"term": term, "polarity": polarity, "category": (row["category"] or "").strip(), "note": (row.get("note") or "").strip()})
    return pd.DataFrame(rows, columns=["term", "polarity", "category", "note"])


def _longest_first(matches: list[TermMatch]) -> list[TermMatch]:
    """Drop matches that overlap a longer (or earlier) one, so that no word is counted twice."""
    kept: list[TermMatch] = []
    for match in sorted(matches, key=lambda m: (m.first - m.last, m.first)):
        if all(match.last < k.first or match.first > k.last for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.first)


def evaluative_language(articles: Article | Iterable[Article]) -> pd.DataFrame:
    """Every evaluative expression, with its lexicon entry and who says it (voice and speaker).

    The voice comes from :func:`helpers.annotate.quotes.voice_at`: the journalist's own words, or the
    words of a quoted or reported speaker.
    """
    from ...annotate.quotes import voice_at

    lexicon = evaluative_lexicon().set_index("term")
    rows = []
    for article in as_articles(articles):
        matches = _longest_first(find_terms(article, list(lexicon.index)))
        for match in matches:
            entry = lexicon.loc[match.term]
            speaker_id, speaker_label, voice = voice_at(article, match.start, match.end)
            rows.append(
                {
                    "doc_id": match.doc_id,
                    "para": match.para,
                    "sentence": match.sentence,
                    "start": match.start,
                    "end": match.end,
                    "text": article.text[match.start : match.end],
                    "term": match.term,
                    "polarity": entry.polarity,
                    "category": entry.category,
                    "voice": voice,
                    "speaker_id": speaker_id,
                    "speaker": speaker_label,
                }
            )
    columns = ["doc_id", "para", "sentence", "start", "end", "text", "term", "polarity", "category", "voice", "speaker_id", "speaker"]
    return pd.DataFrame(rows, columns=columns)


def token_voices(article: Article) -> pd.DataFrame:
    """Each word token of the article with its voice and speaker (from :func:`helpers.annotate.quotes.voice_at`)."""
    from ...annotate.quotes import voice_at

    rows = []
    for token in word_tokens(article):
        speaker_id, speaker_label, voice = voice_at(article, token.start, token.end)
        rows.append(
            {"doc_id": article.doc_id, "token": token.token, "para": token.para, "chars": token.end - token.start,
             "voice": voice, "speaker_id": speaker_id, "speaker": speaker_label}
        )
    return pd.DataFrame(rows, columns=["doc_id", "token", "para", "chars", "voice", "speaker_id", "speaker"])


def voice_share(articles: Article | Iterable[Article], by: str = "voice") -> pd.DataFrame:
    """How much of the text each voice (``by="voice"``) or speaker (``by="speaker"``) holds.

    Counted in words and in characters of words (spaces and punctuation left out), with shares.
    """
    if by not in ("voice", "speaker"):
        raise ValueError(f"by must be 'voice' or 'speaker', not {by!r}")
    voices = pd.concat([token_voices(a) for a in as_articles(articles)], ignore_index=True)
    keys = ["voice"] if by == "voice" else ["voice", "speaker_id", "speaker"]
    frame = voices.groupby(keys, dropna=False, sort=False).agg(words=("token", "size"), chars=("chars", "sum")).reset_index()
    frame["word_share"] = frame.words / frame.words.sum()
    frame["char_share"] = frame.chars / frame.chars.sum()
    return frame.sort_values("words", ascending=False, ignore_index=True)


def evaluation_by_voice(articles: Article | Iterable[Article]) -> pd.DataFrame:
    """Evaluative expressions per voice and polarity: counts and rate per 1,000 words of that voice.

    The rate matters: a voice that holds most of the text also holds most of its evaluations.
    """
    articles = as_articles(articles)
    found = evaluative_language(articles)
    words = voice_share(articles).set_index("voice").words
    counts = found.groupby(["voice", "polarity"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=words.index, columns=list(POLARITIES), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts["words"] = words
    counts["per_1000_words"] = 1000 * counts.total / counts.words
    return counts.reset_index()



# --- paragraph roles in the news story -------------------------------------------------------------------

GAP = "…"
MAX_GAP_WORDS = 8
YEAR = re.compile(r"^(1[89]|20)\d\d$")
#: Share of a paragraph's words in quoted speech from which the paragraph is a quotation.
QUOTATION_SHARE = 0.5
#: Voices of :func:`helpers.annotate.quotes.voice_at`, in display order: the journalist's own words, a
#: speaker's words reported by the journalist, a speaker's words in quote marks.
VOICES = ("journalist", "reported", "quoted")


def find_marker(article: Article, marker: str) -> list[TermMatch]:
    """Occurrences of a marker phrase; ``a … b`` finds ``b`` up to a few words after ``a`` in one sentence."""
    head, _, tail = (part.strip() for part in marker.partition(GAP))
    if not tail:
        return find_term(article, head)
    position = {t.token - 1: i for i, t in enumerate(word_tokens(article))}
    tails = find_marker(article, tail)
    found = []
    for first in find_term(article, head):
        following = (
            m for m in tails
            if m.sentence == first.sentence and 0 <= position[m.first] - position[first.last] - 1 <= MAX_GAP_WORDS
        )
        second = next(following, None)
        if second is not None:
            found.append(first._replace(term=marker, last=second.last, end=second.end))
    return found


def background_markers(article: Article) -> list[TermMatch]:
    """Occurrences of the phrases in ``data/background_markers.txt`` (وكان … قد، يذكر أن …)."""
    return [m for entry in phrases("background_markers") for m in find_marker(article, entry)]


def paragraph_signals(article: Article) -> pd.DataFrame:
    """Per block (kicker, headline, paragraphs): the evidence for its role in the story.

    Statements (helpers.annotate.quotes) starting in it by kind and speaker, the share of its words in each
    voice, the background markers it holds, and the years it mentions.
    """
    from ...annotate.quotes import quote_table

    statements = quote_table(article)
    statements["block"] = [block_index(article, start) for start in statements.start]
    markers = Counter()
    for match in background_markers(article):
        markers[block_index(article, match.start)] += 1
    voices = token_voices(article)
    voices["block"] = [block_index(article, t.start) for t in word_tokens(article)]
    rows = []
    para = 0
    for block, (role, span) in enumerate(article.blocks):
        para += role == "body"
        own = statements[statements.block == block]
        words = voices[voices.block == block]
        numbers = [t for t in article.tokens if t.kind == "number" and span.start <= t.start < span.end]
        shares = words.voice.value_counts(normalize=True) if len(words) else pd.Series(dtype=float)
        rows.append(
            {
                "doc_id": article.doc_id,
                "para": para,
                "block": role,
                "start": span.start,
                "end": span.end,
                "words": len(words),
                "statements": len(own),
                "kinds": ", ".join(sorted(set(own.kind))),
                "speakers": ", ".join(dict.fromkeys(own.speaker_id)),
                **{f"{voice}_share": float(shares.get(voice, 0.0)) for voice in VOICES},
                "background_markers": markers[block],
                "years": sum(bool(YEAR.match(t.norm)) for t in numbers),
            }
        )
    return pd.DataFrame(rows)


def content_role(signals: pd.Series) -> str:
    """A paragraph's role from what it contains: quotation, background, attribution or context.

    Mostly quoted words make a quotation; a background marker (وكان … قد) makes background, as
    does a year in a paragraph that reports nobody; any other reported statement makes
    attribution; the rest is the journalist's context.
    """
    if signals.quoted_share >= QUOTATION_SHARE:
        return "quotation"
    if signals.background_markers or (signals.years and not signals.statements):
        return "background"
    if signals.statements:
        return "attribution"
    return "context"


def paragraph_roles(articles: Article | Iterable[Article]) -> pd.DataFrame:
    """The role of each paragraph in the news story, with the evidence behind it.

    ``content_role`` comes from the paragraph's content (:func:`content_role`); ``role`` adds
    position: the title lines are kicker and headline, the first body paragraph is the lead and
    the last one the closing.
    """
    frames = []
    for article in as_articles(articles):
        signals = paragraph_signals(article)
        signals["content_role"] = [content_role(row) for _, row in signals.iterrows()]
        body = signals.index[signals.block == "body"]
        role = signals.block.where(signals.block != "body", signals.content_role)
        role[body[0]] = "lead"
        if len(body) > 1:
            role[body[-1]] = "closing"
        signals["role"] = role
        frames.append(signals)
    return pd.concat(frames, ignore_index=True)


# --- labels and drawings for the discourse charts ------------------------------------------------------------

ROLE_LABELS = {
    "kicker": "عنوان تمهيدي",
    "headline": "العنوان",
    "lead": "المقدمة",
    "quotation": "اقتباس",
    "attribution": "إسناد",
    "background": "خلفية",
    "context": "سياق",
    "closing": "خاتمة",
}
VOICE_LABELS = {"journalist": "صوت الصحفي", "reported": "كلام منقول بتصرف", "quoted": "اقتباس بنص الكلام"}
POLARITY_LABELS = {"positive": "تقييم إيجابي", "negative": "تقييم سلبي", "neutral": "تكثيف"}


