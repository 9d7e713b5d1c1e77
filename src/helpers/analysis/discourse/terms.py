"""Finding terms in the text (proclitics, the article and ة + pronoun tolerated), and what is
built on it: term counts, the KWIC concordance, collocations and lexical dispersion."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ...text.loading import Article
from ...text.normalize import normalize
from ...text.morphology import ARTICLE, PRONOUN_SUFFIXES, has_article, proclitic_readings
from .words import as_articles, block_index, ranked, token_form, word_runs, word_tokens

WILDCARD = "*"
TA_MARBUTA = "ة"

# --- finding terms -------------------------------------------------------------------------------


class TermMatch(NamedTuple):
    """One occurrence of a term: tokens ``first..last`` (indexes into ``article.tokens``)."""

    doc_id: str
    term: str
    first: int
    last: int
    start: int
    end: int
    para: int
    sentence: int


@lru_cache(maxsize=100_000)
def readings(norm: str, allow_proclitics: bool = True) -> tuple[frozenset[str], frozenset[str]]:
    """What a normalised word may stand for: (forms with proclitics peeled off, the same without ال).

    وبالامن → ({وبالامن, بالامن, الامن}, {امن}); للحلف → (…, الحلف), and {حلف}.
    """
    forms = {rest for prefix, rest in proclitic_readings(norm) if allow_proclitics or not prefix}
    bare = {f[len(ARTICLE) :] for f in forms if has_article(f)}
    return frozenset(forms), frozenset(bare)


def compile_term(term: str) -> tuple[str, ...]:
    """A term as its normalised words (a trailing ``*`` makes a word a prefix); error if empty."""
    words = tuple(normalize(term).split())
    if not words or any(w == WILDCARD for w in words):
        raise ValueError(f"not a usable term: {term!r}")
    return words


def word_matches(norm: str, pattern: str, allow_proclitics: bool) -> bool:
    """True when the normalised word ``norm`` is an occurrence of the pattern word.

    A pattern with ال needs the article; a pattern without it also matches the word with it
    (ناتو matches الناتو). A pattern ending in ة also matches it with a pronoun suffix, written
    with ت (سعادة → سعادته). ``pattern*`` matches any reading that starts with ``pattern``.
    """
    forms, bare = readings(norm, allow_proclitics)
    candidates = forms if pattern.startswith(ARTICLE) else forms | bare
    if pattern.endswith(WILDCARD):
        stem = pattern[:-1]
        return any(c.startswith(stem) for c in candidates)
    if pattern.endswith(TA_MARBUTA):
        suffixed = pattern[:-1] + "ت"
        return pattern in candidates or any(c[len(suffixed) :] in PRONOUN_SUFFIXES for c in candidates if c.startswith(suffixed))
    return pattern in candidates


def find_term(article: Article, term: str) -> list[TermMatch]:
    """Every occurrence of ``term`` (one or more words) in the article, in reading order.

    Proclitics are tolerated on the first word; the words of a multi-word term must follow one
    another in one sentence with nothing between them but quote marks or brackets.
    """
    pattern = compile_term(term)
    tokens = article.tokens
    matches = []
    for run in word_runs(article):
        for i in range(len(run) - len(pattern) + 1):
            window = run[i : i + len(pattern)]
            if all(word_matches(t.norm, p, allow_proclitics=(k == 0)) for k, (t, p) in enumerate(zip(window, pattern))):
                first, last = window[0].token - 1, window[-1].token - 1
                matches.append(
                    TermMatch(article.doc_id, term, first, last, tokens[first].start, tokens[last].end, tokens[first].para, tokens[first].sentence)
                )
    return matches


def find_terms(articles: Article | Iterable[Article], terms: str | Sequence[str]) -> list[TermMatch]:
    """Occurrences of every term in every article."""
    terms = [terms] if isinstance(terms, str) else list(terms)
    return [m for article in as_articles(articles) for term in terms for m in find_term(article, term)]


def term_counts(articles: Article | Iterable[Article], terms: str | Sequence[str]) -> pd.DataFrame:
    """How often each term occurs in each article (zero included)."""
    articles = as_articles(articles)
    terms = [terms] if isinstance(terms, str) else list(terms)
    rows = [{"doc_id": a.doc_id, "term": t, "count": len(find_term(a, t))} for a in articles for t in terms]
    return pd.DataFrame(rows, columns=["doc_id", "term", "count"])


# --- KWIC concordance -------------------------------------------------------------------------------


def kwic(articles: Article | Iterable[Article], terms: str | Sequence[str], context: int = 7) -> pd.DataFrame:
    """Keyword in context: each occurrence with up to ``context`` words (or numbers) before and after it.

    ``before`` and ``after`` are in reading order (in Arabic, ``before`` is shown to the right
    of the keyword); they stay inside the keyword's paragraph. ``article.text[start:end]`` is
    exactly ``keyword``.
    """
    articles = {a.doc_id: a for a in as_articles(articles)}
    rows = []
    for match in find_terms(list(articles.values()), terms):
        article = articles[match.doc_id]
        _, block = article.blocks[block_index(article, match.start)]
        block_start, block_end = block.start, block.end
        words = [t for t in article.tokens if t.kind != "punct" and block_start <= t.start and t.end <= block_end]
        before_words = [t for t in words if t.end <= match.start][-context:]
        after_words = [t for t in words if t.start >= match.end][:context]
        left = _extend_over_glued_marks(article.text, before_words[0].start if before_words else match.start, block_start, -1)
        right = _extend_over_glued_marks(article.text, after_words[-1].end if after_words else match.end, block_end, +1)
        rows.append(
            {
                "doc_id": match.doc_id,
                "term": match.term,
                "para": match.para,
                "sentence": match.sentence,
                "start": match.start,
                "end": match.end,
                "before": article.text[left : match.start].strip(),
                "keyword": article.text[match.start : match.end],
                "after": article.text[match.end : right].strip(),
            }
        )
    return pd.DataFrame(rows, columns=["doc_id", "term", "para", "sentence", "start", "end", "before", "keyword", "after"])


def _extend_over_glued_marks(text: str, offset: int, limit: int, step: int) -> int:
    """Move a context edge over punctuation glued to the outermost word (كفاءة». keeps its »., «ناتو its «)."""
    if step > 0:
        while offset < limit and not text[offset].isspace() and not text[offset].isalnum():
            offset += 1
    else:
        while offset > limit and not text[offset - 1].isspace() and not text[offset - 1].isalnum():
            offset -= 1
    return offset


# --- collocations -------------------------------------------------------------------------------------


def collocations(
    articles: Article | Iterable[Article],
    node: str,
    window: int = 4,
    unit: str = "norm",
    min_count: int = 2,
    include_stopwords: bool = False,
    measure: str = "g2",
) -> pd.DataFrame:
    """Words that co-occur with ``node`` within ``window`` words on either side, in one paragraph.

    For each collocate: O11 (co-occurrences), its corpus frequency, the expected co-occurrence
    E11 = R1·C1/N (R1: word positions inside the windows, N: all words), signed G² over the
    2×2 table (Dunning 1993) and PMI = log2(O11/E11). Collocates seen fewer than ``min_count``
    times in the window are dropped; rows are sorted by ``measure`` ("g2" or "pmi").
    """
    if measure not in ("g2", "pmi"):
        raise ValueError(f"measure must be 'g2' or 'pmi', not {measure!r}")
    co: Counter[str] = Counter()
    before: Counter[str] = Counter()
    corpus: Counter[str] = Counter()
    stop_forms: set[str] = set()
    window_positions = 0
    total = 0
    for article in as_articles(articles):
        words = word_tokens(article)
        index = {t.token: i for i, t in enumerate(words)}
        forms = [token_form(t, unit) for t in words]
        total += len(words)
        corpus.update(forms)
        stop_forms.update(f for f, t in zip(forms, words) if t.is_stop)
        for match in find_term(article, node):
            first, last = index[match.first + 1], index[match.last + 1]
            para = words[first].para
            span = [i for i in range(first - window, first) if i >= 0 and words[i].para == para]
            after = [i for i in range(last + 1, last + 1 + window) if i < len(words) and words[i].para == para]
            window_positions += len(span) + len(after)
            for i in span:
                co[forms[i]] += 1
                before[forms[i]] += 1
            for i in after:
                co[forms[i]] += 1
    rows = []
    for form, o11 in co.items():
        if o11 < min_count or (form in stop_forms and not include_stopwords):
            continue
        expected = window_positions * corpus[form] / total
        rows.append(
            {
                "collocate": form,
                "count": o11,
                "before": before[form],
                "after": o11 - before[form],
                "freq": corpus[form],
                "expected": expected,
                "g2": contingency_g2(o11, window_positions, corpus[form], total),
                "pmi": math.log2(o11 / expected),
            }
        )
    frame = pd.DataFrame(rows, columns=["collocate", "count", "before", "after", "freq", "expected", "g2", "pmi"])
    frame.insert(0, "node", node)
    return ranked(frame.sort_values([measure, "collocate"], ascending=[False, True]))


def contingency_g2(o11: float, row_total: float, column_total: float, n: float) -> float:
    """Signed G² = 2 Σ O ln(O/E) over the 2×2 table of a collocate inside/outside the node's windows."""
    observed = (o11, row_total - o11, column_total - o11, n - row_total - column_total + o11)
    expected = (
        row_total * column_total / n,
        row_total * (n - column_total) / n,
        (n - row_total) * column_total / n,
        (n - row_total) * (n - column_total) / n,
    )
    g2 = 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected) if o > 0 and e > 0)
    return g2 if o11 >= expected[0] else -g2


# --- lexical dispersion ---------------------------------------------------------------------------------


def dispersion(articles: Article | Iterable[Article], terms: str | Sequence[str]) -> pd.DataFrame:
    """Where each term occurs in the running text: word position, its share 0–1, and paragraph.

    ``position`` is the index of the term's first word among the article's words divided by
    the number of words, so 0 is the first word of the kicker and 1 the end of the text.
    """
    articles = {a.doc_id: a for a in as_articles(articles)}
    word_index = {doc: {t.token: i for i, t in enumerate(word_tokens(a))} for doc, a in articles.items()}
    rows = []
    for match in find_terms(list(articles.values()), terms):
        index = word_index[match.doc_id]
        position = index[match.first + 1]
        rows.append(
            {
                "doc_id": match.doc_id,
                "term": match.term,
                "para": match.para,
                "word_index": position,
                "position": position / len(index),
                "start": match.start,
                "end": match.end,
            }
        )
    return pd.DataFrame(rows, columns=["doc_id", "term", "para", "word_index", "position", "start", "end"])


def dispersion_summary(articles: Article | Iterable[Article], terms: str | Sequence[str]) -> pd.DataFrame:
    """Per term and article: count, paragraphs it occurs in, and Gries' DP over paragraphs.

    DP (Gries 2008) is 0.5·Σ|observed share − expected share| over the paragraphs (the title
    lines count as paragraph 0), the expected share being the paragraph's share of the words:
    0 = spread evenly, near 1 = concentrated; ``dp_norm`` divides by its maximum (Lijffijt & Gries 2012).
    """
    articles = as_articles(articles)
    terms = [terms] if isinstance(terms, str) else list(terms)
    positions = dispersion(articles, terms)
    rows = []
    for article in articles:
        words_per_para = Counter(t.para for t in word_tokens(article))
        total = sum(words_per_para.values())
        expected = {p: n / total for p, n in words_per_para.items()}
        for term in terms:
            hits = positions[(positions.doc_id == article.doc_id) & (positions.term == term)]
            count = len(hits)
            observed = Counter(hits.para)
            dp = 0.5 * sum(abs((observed[p] / count if count else 0) - e) for p, e in expected.items()) if count else float("nan")
            rows.append(
                {
                    "doc_id": article.doc_id,
                    "term": term,
                    "count": count,
                    "paragraphs": len(observed),
                    "paragraphs_total": len(expected),
                    "dp": dp,
                    "dp_norm": dp / (1 - min(expected.values())) if count else float("nan"),
                }
            )
    return pd.DataFrame(rows, columns=["doc_id", "term", "count", "paragraphs", "paragraphs_total", "dp", "dp_norm"])


