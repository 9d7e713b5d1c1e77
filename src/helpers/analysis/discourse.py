"""Corpus-linguistic discourse measures for Arabic news, as tidy DataFrames.

What AntConc, Voyant or quanteda give a media researcher, on this package's annotations:
word frequencies and n-grams, keyness against a general Arabic reference (``wordfreq``),
collocations, a keyword-in-context concordance, lexical dispersion, evaluative language by
voice (journalist or quoted speaker), and the role of each paragraph in the news story.

Every function takes one :class:`~helpers.text.loading.Article` or a list of them and returns a
``pandas.DataFrame``; every row that points into a text carries ``doc_id`` and exact
``start``/``end`` offsets into ``article.text``. All matching goes through
:func:`helpers.text.normalize.normalize`: a term is found whatever its hamza, diacritics or tatweel,
with proclitics (و ف ب ل ك, لل) and, when the term is written without one, the article ال.
"""
from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

import pandas as pd

from ..text.lexicons import phrases, wordlist
from ..text.loading import Article
from ..text.normalize import normalize
from ..paths import PACKAGE_DATA
from ..text.morphology import ARTICLE, PRONOUN_SUFFIXES, has_article, proclitic_readings, split_proclitics
from ..text.segment import Token

#: Units a word can be counted in: its normalised form (وبالكويت), its base without proclitics
#: and article (كويت), or its light Snowball stem.
UNITS = ("norm", "base", "stem")
#: Punctuation that a multi-word term may span (حلف »ناتو«, مبادرة «اسطنبول»): quote marks, brackets.
TRANSPARENT_PUNCT = frozenset("«»“”„‹›\"'()[]")
WILDCARD = "*"
TA_MARBUTA = "ة"


def as_articles(articles: Article | Iterable[Article]) -> list[Article]:
    """One article or several, as a list; a clear error for anything else."""
    if isinstance(articles, Article):
        return [articles]
    articles = list(articles)
    bad = [type(a).__name__ for a in articles if not isinstance(a, Article)]
    if bad or not articles:
        raise TypeError(f"expected an Article or a non-empty list of Articles, got {bad[0] if bad else 'an empty list'}")
    return articles


def word_tokens(article: Article) -> list[Token]:
    """The article's word tokens (no punctuation, no numbers), in reading order."""
    return [t for t in article.tokens if t.kind == "word"]


def _block_index(article: Article, offset: int) -> int:
    """Index in ``article.blocks`` of the block holding ``offset``."""
    return next(i for i, (_, span) in enumerate(article.blocks) if span.start <= offset < span.end)


def base_form(norm: str) -> str:
    """A normalised word without proclitics and article (وبالكويت → كويت); stop words stay whole."""
    if norm in wordlist("stopwords"):
        return norm
    return split_proclitics(norm)[2]


def token_form(token: Token, unit: str) -> str:
    """The form of ``token`` counted in ``unit`` (one of :data:`UNITS`)."""
    if unit == "norm":
        return token.norm
    if unit == "base":
        return base_form(token.norm)
    if unit == "stem":
        return token.stem
    raise ValueError(f"unknown unit {unit!r}; use one of: {', '.join(UNITS)}")


def normalisation_examples(article: Article, per_step: int = 3) -> pd.DataFrame:
    """Words of the article that each normalisation step changes, shown with the step alone applied.

    For teaching and checking: which real words merge, and why (إطار → اطار by ``alef``).
    Steps that change nothing in this article get one row with empty examples.
    """
    from ..text.normalize import DEFAULTS, STEPS, normalize as full_normalize

    rows = []
    for name, step in STEPS.items():
        changed: dict[str, str] = {}
        for token in article.tokens:
            after = step(token.surface)
            if after != token.surface and token.surface not in changed and len(changed) < per_step:
                changed[token.surface] = after
        for surface, after in changed.items() or [("", "")]:
            rows.append(
                {"step": name, "on_by_default": DEFAULTS[name], "surface": surface, "after_step": after,
                 "normalised": full_normalize(surface) if surface else ""}
            )
    return pd.DataFrame(rows, columns=["step", "on_by_default", "surface", "after_step", "normalised"])


# --- frequencies and n-grams -----------------------------------------------------------------


def frequencies(
    articles: Article | Iterable[Article],
    unit: str = "norm",
    include_stopwords: bool = False,
    min_count: int = 1,
) -> pd.DataFrame:
    """Word frequencies in ``unit``: count, rate per 1,000 words, documents, and the surface forms.

    The rate is over all words (stop words included), so it does not change with the stop list.
    """
    articles = as_articles(articles)
    counts: Counter[str] = Counter()
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    docs: dict[str, set[str]] = defaultdict(set)
    total = 0
    for article in articles:
        for token in word_tokens(article):
            total += 1
            if token.is_stop and not include_stopwords:
                continue
            form = token_form(token, unit)
            counts[form] += 1
            surfaces[form][token.surface] += 1
            docs[form].add(article.doc_id)
    rows = [
        {
            "form": form,
            "count": count,
            "per_1000": 1000 * count / total,
            "docs": len(docs[form]),
            "surface_forms": "، ".join(s for s, _ in surfaces[form].most_common()),
        }
        for form, count in counts.items()
        if count >= min_count
    ]
    frame = pd.DataFrame(rows, columns=["form", "count", "per_1000", "docs", "surface_forms"])
    return _ranked(frame.sort_values(["count", "form"], ascending=[False, True]))


def _ranked(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame


def word_runs(article: Article) -> list[list[Token]]:
    """Runs of consecutive words: a run ends at a sentence end or at punctuation other than quote marks and brackets."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    previous_sentence = None
    for token in article.tokens:
        breaks = token.sentence != previous_sentence or (token.kind != "word" and token.surface not in TRANSPARENT_PUNCT)
        if breaks and current:
            runs.append(current)
            current = []
        previous_sentence = token.sentence
        if token.kind == "word":
            current.append(token)
    if current:
        runs.append(current)
    return runs


def ngrams(
    articles: Article | Iterable[Article],
    n: int = 2,
    unit: str = "norm",
    min_count: int = 2,
    drop_stopword_edges: bool = True,
) -> pd.DataFrame:
    """Word n-grams inside sentences (quote marks and brackets do not break them, other punctuation does).

    With ``drop_stopword_edges`` an n-gram that starts or ends with a stop word (في الكويت) is
    left out, as corpus tools usually do; stop words inside (مبادرة اسطنبول للتعاون) are kept.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    counts: Counter[tuple[str, ...]] = Counter()
    docs: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for article in as_articles(articles):
        for run in word_runs(article):
            for i in range(len(run) - n + 1):
                gram = run[i : i + n]
                if drop_stopword_edges and (gram[0].is_stop or gram[-1].is_stop):
                    continue
                key = tuple(token_form(t, unit) for t in gram)
                counts[key] += 1
                docs[key].add(article.doc_id)
    rows = [{"ngram": " ".join(k), "n": n, "count": c, "docs": len(docs[k])} for k, c in counts.items() if c >= min_count]
    frame = pd.DataFrame(rows, columns=["ngram", "n", "count", "docs"])
    return _ranked(frame.sort_values(["count", "ngram"], ascending=[False, True]))


# --- keyness against wordfreq ------------------------------------------------------------------

#: Size the wordfreq frequencies are scaled to. wordfreq's "large" Arabic list stops at a
#: frequency of about 1e-8, so in a reference of 100 million words every listed word has a count
#: of at least one.
REFERENCE_TOKENS = 100_000_000
REFERENCE_LIST = "large"


@lru_cache(maxsize=None)
def reference_counts(unit: str = "norm") -> dict[str, float]:
    """wordfreq's Arabic frequencies as counts in a reference of :data:`REFERENCE_TOKENS` words.

    Entries are normalised with the package's :func:`normalize` (and reduced to ``unit``), and
    entries that become the same form are added together. Built once, on first use.
    """
    if unit not in ("norm", "base"):
        raise ValueError(f"keyness is computed for unit 'norm' or 'base', not {unit!r}")
    import wordfreq

    frequencies = wordfreq.get_frequency_dict("ar", wordlist=REFERENCE_LIST)
    words = list(frequencies)  # dicts keep their order: words[i] has the i-th value
    # normalize() maps characters one by one, so one call over the joined list equals one call
    # per word, at a tenth of the cost.
    normalised = normalize("\n".join(words)).split("\n")
    counts: dict[str, float] = defaultdict(float)
    for norm, frequency in zip(normalised, frequencies.values()):
        counts[norm if unit == "norm" else base_form(norm)] += frequency * REFERENCE_TOKENS
    return dict(counts)


def log_likelihood(a: float, b: float, c: float, d: float) -> float:
    """Log-likelihood G² (Dunning 1993, as in Rayson & Garside 2000) of a word seen ``a`` times in
    a corpus of ``c`` words and ``b`` times in a reference of ``d`` words: 2 Σ O ln(O/E)."""
    expected_a = c * (a + b) / (c + d)
    expected_b = d * (a + b) / (c + d)
    g2 = 0.0
    for observed, expected in ((a, expected_a), (b, expected_b)):
        if observed > 0:
            g2 += observed * math.log(observed / expected)
    return 2 * g2


def log_ratio(a: float, b: float, c: float, d: float) -> float:
    """Log ratio (Hardie 2014): log2 of the ratio of relative frequencies, a zero count read as 0.5."""
    return math.log2(((a or 0.5) / c) / ((b or 0.5) / d))


def chi2_p_value(g2: float) -> float:
    """p-value of G² against the chi-squared distribution with one degree of freedom."""
    return math.erfc(math.sqrt(max(g2, 0.0) / 2))


def keyness(
    articles: Article | Iterable[Article],
    unit: str = "norm",
    min_count: int = 2,
    include_stopwords: bool = True,
    sort_by: str = "g2",
) -> pd.DataFrame:
    """Keywords of the article(s) against wordfreq's general Arabic: G², p, log ratio.

    Rows are sorted by signed G² (``sort_by="g2"``: evidence, which grows with frequency) or by
    log ratio (``"log_ratio"``: effect size, Hardie's choice once G² has filtered out chance),
    words used more than in general Arabic first. Stop words are kept by default so that the
    statistic, not the list, shows that function words are not key.
    """
    if sort_by not in ("g2", "log_ratio"):
        raise ValueError(f"sort_by must be 'g2' or 'log_ratio', not {sort_by!r}")
    reference = reference_counts(unit)
    articles = as_articles(articles)
    counts: Counter[str] = Counter()
    stop_forms: set[str] = set()
    total = 0
    for article in articles:
        for token in word_tokens(article):
            total += 1
            form = token_form(token, unit)
            counts[form] += 1
            if token.is_stop:
                stop_forms.add(form)
    rows = []
    for form, a in counts.items():
        if a < min_count or (form in stop_forms and not include_stopwords):
            continue
        b = reference.get(form, 0.0)
        g2 = log_likelihood(a, b, total, REFERENCE_TOKENS)
        ratio = log_ratio(a, b, total, REFERENCE_TOKENS)
        rows.append(
            {
                "form": form,
                "count": a,
                "per_1000": 1000 * a / total,
                "ref_count": b,
                "ref_per_1000": 1000 * b / REFERENCE_TOKENS,
                "g2": g2 if ratio >= 0 else -g2,
                "p_value": chi2_p_value(g2),
                "log_ratio": ratio,
                "is_stop": form in stop_forms,
            }
        )
    columns = ["form", "count", "per_1000", "ref_count", "ref_per_1000", "g2", "p_value", "log_ratio", "is_stop"]
    frame = pd.DataFrame(rows, columns=columns)
    return _ranked(frame.sort_values([sort_by, "form"], ascending=[False, True]))


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
        _, block = article.blocks[_block_index(article, match.start)]
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
                "g2": _contingency_g2(o11, window_positions, corpus[form], total),
                "pmi": math.log2(o11 / expected),
            }
        )
    frame = pd.DataFrame(rows, columns=["collocate", "count", "before", "after", "freq", "expected", "g2", "pmi"])
    frame.insert(0, "node", node)
    return _ranked(frame.sort_values([measure, "collocate"], ascending=[False, True]))


def _contingency_g2(o11: float, row_total: float, column_total: float, n: float) -> float:
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


# --- evaluative language by voice ----------------------------------------------------------------------

EVALUATIVE_LEXICON = PACKAGE_DATA / "evaluative.csv"
POLARITIES = ("positive", "negative", "neutral")
LEXICON_COLUMNS = ("term", "polarity", "category")


@lru_cache(maxsize=None)
def evaluative_lexicon() -> pd.DataFrame:
    """The evaluative lexicon (``data/evaluative.csv``: term, polarity, category, note), checked.

    ``term`` is a word or phrase matched like every term (``*`` ends a prefix); polarity is
    positive, negative or neutral (intensifiers). A bad row raises an error naming file and line.
    """
    with EVALUATIVE_LEXICON.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in LEXICON_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{EVALUATIVE_LEXICON}: missing column(s) {', '.join(missing)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            term, polarity = (row["term"] or "").strip(), (row["polarity"] or "").strip()
            if not term or polarity not in POLARITIES:
                raise ValueError(f"{EVALUATIVE_LEXICON}, line {line}: need a term and a polarity in {POLARITIES}, got {term!r}, {polarity!r}")
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
    from ..annotate.quotes import voice_at

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
    from ..annotate.quotes import voice_at

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
    from ..annotate.quotes import quote_table

    statements = quote_table(article)
    statements["block"] = [_block_index(article, start) for start in statements.start]
    markers = Counter()
    for match in background_markers(article):
        markers[_block_index(article, match.start)] += 1
    voices = token_voices(article)
    voices["block"] = [_block_index(article, t.start) for t in word_tokens(article)]
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


