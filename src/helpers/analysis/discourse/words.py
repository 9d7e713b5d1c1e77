"""Words as the discourse measures count them: the article's word tokens, their forms in each
unit (normalised, base, stem), and runs of words unbroken by punctuation."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ...text.lexicons import wordlist
from ...text.loading import Article
from ...text.morphology import function_word, split_proclitics
from ...text.quotemarks import ALL_MARKS
from ...text.segment import Token

#: Units a word can be counted in: its normalised form (وبالكويت), its base without proclitics
#: and article (كويت), or its light Snowball stem.
UNITS = ("norm", "base", "stem")
#: Punctuation that a multi-word term may span (حلف »ناتو«, مبادرة «اسطنبول»): quote marks, brackets.
TRANSPARENT_PUNCT = ALL_MARKS | frozenset("'()[]")


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


def block_index(article: Article, offset: int) -> int:
    """Index in ``article.blocks`` of the block holding ``offset``."""
    return next(i for i, (_, span) in enumerate(article.blocks) if span.start <= offset < span.end)


def base_form(norm: str, stops: frozenset[str] | None = None) -> str:
    """A normalised word without proclitics and article (وبالكويت → كويت); stop words stay whole,
    also after a conjunction (وكانت → كانت).

    ``stops`` is the stop list when the caller already holds it (loops over many words)."""
    return function_word(norm, wordlist("stopwords") if stops is None else stops) or split_proclitics(norm)[2]


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
    from ...text.normalize import DEFAULTS, STEPS, normalize as full_normalize

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


def ranked(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` renumbered, with a 1-based ``rank`` column first."""
    frame = frame.reset_index(drop=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame
