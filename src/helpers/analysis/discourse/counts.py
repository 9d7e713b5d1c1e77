"""Word frequencies, n-grams and keyness against a general Arabic reference (``wordfreq``)."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from ...text.lexicons import wordlist
from ...text.loading import Article
from ...text.normalize import normalize
from .words import as_articles, base_form, ranked, token_form, word_runs, word_tokens

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
    return ranked(frame.sort_values(["count", "form"], ascending=[False, True]))



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
    return ranked(frame.sort_values(["count", "ngram"], ascending=[False, True]))


# --- keyness against wordfreq ------------------------------------------------------------------

#: Size the wordfreq frequencies are scaled to. wordfreq's "large" Arabic list stops at a
#: frequency of about 1e-8, so in a reference of 100 million words every listed word has a count
#: of at least one.
REFERENCE_TOKENS = 100_000_000
REFERENCE_LIST = "large"


def reference_counts(unit: str = "norm") -> dict[str, float]:
    """wordfreq's Arabic frequencies as counts in a reference of :data:`REFERENCE_TOKENS` words.

    Entries are normalised with the package's :func:`normalize` (and reduced to ``unit``), and
    entries that become the same form are added together. Built on first use, and again for
    ``base`` when the stop list changes (stop words keep their article and proclitics).
    """
    return _reference_counts(unit, wordlist("stopwords") if unit == "base" else frozenset())


@lru_cache(maxsize=4)
def _reference_counts(unit: str, stops: frozenset[str]) -> dict[str, float]:
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
        counts[norm if unit == "norm" else base_form(norm, stops)] += frequency * REFERENCE_TOKENS
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
    return ranked(frame.sort_values([sort_by, "form"], ascending=[False, True]))


