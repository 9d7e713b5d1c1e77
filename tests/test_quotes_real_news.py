"""Floors on the real-news gold (tests/fixtures/real_news): the scores of the extractor on the dev,
test and held-out splits when these floors were set, minus about 0.03, the blind split's first
run minus 0.03, and the second dev split's scores after its first rules minus 0.03; the held-out
and second dev speaker floors were raised to their scores after the fourth round minus 0.03, the
third dev split's to its scores after the fifth round minus 0.03; after the ninth round the test
split's recall, F1 and quoted-words floors and the blind and third dev speaker floors were raised to
about their scores minus 0.03; the fresh test sets' (test2, test3, test4) and dev8's are their first runs minus 0.03
(docs/evaluation.md has the numbers).
A change that costs on either split fails here, whatever it gains elsewhere."""
from __future__ import annotations

import functools

import pandas as pd
import pytest

from helpers.annotate.quotes.evaluation import evaluate, predicted_statements, real_news
from helpers.annotate.quotes.intervals import intervals

#: (measure, kind, column) -> lowest acceptable score; terms_as_speech is a ceiling.
FLOORS = {
    "dev": {
        ("statements", "all", "recall"): 0.80,
        ("statements", "all", "f1"): 0.85,
        ("quoted_words", "direct+mixed", "f1"): 0.88,
        ("speaker", "accuracy", "accuracy"): 0.78,  # 0.826 after the tenth round
        ("kind", "accuracy", "accuracy"): 0.86,
    },
    "test": {
        ("statements", "all", "recall"): 0.84,  # 0.871 after the ninth round
        ("statements", "all", "f1"): 0.88,
        ("quoted_words", "direct+mixed", "f1"): 0.92,
        ("speaker", "accuracy", "accuracy"): 0.83,  # 0.869 after the tenth round
        ("kind", "accuracy", "accuracy"): 0.89,
    },
    "heldout": {
        ("statements", "all", "recall"): 0.80,
        ("statements", "all", "f1"): 0.85,
        ("quoted_words", "direct+mixed", "f1"): 0.95,
        ("speaker", "accuracy", "accuracy"): 0.78,  # 0.824 after the tenth round
        ("kind", "accuracy", "accuracy"): 0.87,
    },
    "blind": {  # its first run's scores minus 0.03 (never read to write a rule)
        ("statements", "all", "recall"): 0.77,
        ("statements", "all", "f1"): 0.84,
        ("quoted_words", "direct+mixed", "f1"): 0.86,
        ("speaker", "accuracy", "accuracy"): 0.73,  # 0.770 after the tenth round
        ("kind", "accuracy", "accuracy"): 0.90,
    },
    "dev2": {  # the second dev set, outside the sample: its scores when its first rules were in, minus 0.03
        ("statements", "all", "recall"): 0.89,
        ("statements", "all", "f1"): 0.91,
        ("quoted_words", "direct+mixed", "f1"): 0.82,
        ("speaker", "accuracy", "accuracy"): 0.84,  # 0.875 after the sixth round
        ("kind", "accuracy", "accuracy"): 0.91,
    },
    "test2": {  # the fresh test set: its first run's scores minus 0.03 (never read to write a rule)
        ("statements", "all", "recall"): 0.90,
        ("statements", "all", "f1"): 0.91,
        ("quoted_words", "direct+mixed", "f1"): 0.95,
        ("speaker", "accuracy", "accuracy"): 0.74,  # 0.772 at its first run, 0.800 after the tenth round
        ("kind", "accuracy", "accuracy"): 0.90,
    },
    "dev3": {  # the third dev set, from the sample: its scores after the fifth round minus 0.03
        ("statements", "all", "recall"): 0.88,
        ("statements", "all", "f1"): 0.91,
        ("quoted_words", "direct+mixed", "f1"): 0.90,
        ("speaker", "accuracy", "accuracy"): 0.90,  # 0.939 after the tenth round
        ("kind", "accuracy", "accuracy"): 0.92,
    },
    "dev6": {  # the sixth dev set, from the sample: its first run's scores minus 0.03
        ("statements", "all", "recall"): 0.84,
        ("statements", "all", "f1"): 0.88,
        ("quoted_words", "direct+mixed", "f1"): 0.89,
        ("speaker", "accuracy", "accuracy"): 0.89,  # 0.900 at its first run, 0.926 after the eleventh round
        ("kind", "accuracy", "accuracy"): 0.89,
    },
    "dev5": {  # the fifth dev set, from the sample: its scores after the tenth round minus 0.03
        ("statements", "all", "recall"): 0.88,
        ("statements", "all", "f1"): 0.89,
        ("quoted_words", "direct+mixed", "f1"): 0.94,
        ("speaker", "accuracy", "accuracy"): 0.86,  # 0.810 at its first run, 0.894 after the tenth round
        ("kind", "accuracy", "accuracy"): 0.87,
    },
    "test3": {  # the third test set, outside the sample: its first run's scores minus 0.03 (never read to write a rule)
        ("statements", "all", "recall"): 0.86,
        ("statements", "all", "f1"): 0.90,
        ("quoted_words", "direct+mixed", "f1"): 0.93,
        ("speaker", "accuracy", "accuracy"): 0.71,  # 0.746 at its first run
        ("kind", "accuracy", "accuracy"): 0.91,
    },
    "test4": {  # the fourth test set, 48 articles outside every earlier set: its first run's scores minus 0.03 (never read)
        ("statements", "all", "recall"): 0.85,
        ("statements", "all", "f1"): 0.88,
        ("quoted_words", "direct+mixed", "f1"): 0.93,
        ("speaker", "accuracy", "accuracy"): 0.75,  # 0.789 at its first run
        ("kind", "accuracy", "accuracy"): 0.91,
    },
    "dev8": {  # the eighth dev set, 48 articles outside every earlier set: its first run's scores minus 0.03
        ("statements", "all", "recall"): 0.85,
        ("statements", "all", "f1"): 0.88,
        ("quoted_words", "direct+mixed", "f1"): 0.89,
        ("speaker", "accuracy", "accuracy"): 0.73,  # 0.765 at its first run
        ("kind", "accuracy", "accuracy"): 0.89,
    },
    "dev7": {  # the seventh dev set, outside the sample: its first run's scores minus 0.03, speaker and kind raised
        ("statements", "all", "recall"): 0.87,
        ("statements", "all", "f1"): 0.89,
        ("quoted_words", "direct+mixed", "f1"): 0.89,
        ("speaker", "accuracy", "accuracy"): 0.86,  # 0.750 at its first run, 0.899 after the eleventh round
        ("kind", "accuracy", "accuracy"): 0.90,
    },
    "dev4": {  # the fourth dev set, from the sample: its first run's scores minus 0.03, speaker and kind raised
        ("statements", "all", "recall"): 0.81,
        ("statements", "all", "f1"): 0.86,
        ("quoted_words", "direct+mixed", "f1"): 0.90,
        ("speaker", "accuracy", "accuracy"): 0.89,  # 0.894 at its first run, 0.933 after the tenth round
        ("kind", "accuracy", "accuracy"): 0.90,
    },
}
TERMS_AS_SPEECH_CEILING = {"dev": 2.2, "test": 1.0, "heldout": 2.5, "blind": 2.0, "dev2": 2.0, "dev3": 2.5, "test2": 5.0, "dev4": 2.0, "dev5": 2.5, "dev6": 2.0, "test3": 2.0, "dev7": 2.5, "test4": 2.0, "dev8": 3.5}  # per 10 articles


@functools.cache
def _run(split: str) -> tuple[list, list[dict], pd.DataFrame]:
    """A split's articles, gold and the extractor's statements, computed once for all the tests here."""
    articles, gold = real_news(split)
    return articles, gold, pd.concat([predicted_statements(a) for a in articles], ignore_index=True)


@functools.cache
def _scores(split: str) -> pd.DataFrame:
    """What evaluate_real(split) gives, indexed by measure and kind."""
    articles, gold, predicted = _run(split)
    return evaluate(predicted, gold, articles).set_index(["measure", "kind"])


@pytest.fixture(scope="module", params=["dev", "test", "heldout", "blind", "dev2", "dev3", "test2", "dev4", "dev5", "dev6", "test3", "dev7", "test4", "dev8"])
def split(request):
    return request.param, _scores(request.param)


def test_real_news_scores_stay_above_their_floors(split):
    name, scores = split
    got = {key: float(scores.loc[key[:2], key[2]]) for key in FLOORS[name]}
    assert all(got[key] >= floor for key, floor in FLOORS[name].items()), (name, got)


def test_quoted_terms_are_rarely_taken_for_speech(split):
    name, scores = split
    assert scores.loc[("terms_as_speech", "per_10_articles"), "value"] <= TERMS_AS_SPEECH_CEILING[name]


#: The README's evaluation table: which column holds a split's current scores.
README_COLUMNS = {"test4": 2, "test3": 3, "test2": 4, "test": 5, "heldout": 6, "blind": 7}


def _readme_cells(scores) -> dict[str, str]:
    """A split's scores written as the README's table writes them, by the row's first cell."""
    def get(measure, kind, column):
        return float(scores.loc[(measure, kind), column])

    def f(value, digits=3):
        return f"{value:.{digits}f}"

    return {
        "statements precision / recall / F1": " / ".join(f(get("statements", "all", c)) for c in ("precision", "recall", "f1")),
        "direct / mixed / indirect / speech act F1": " / ".join(
            f(get("statements", k, "f1")) for k in ("direct", "mixed", "indirect", "speech_act")),
        "who speaks in the headline: precision / recall": " / ".join(f(get("statements", "headline", c)) for c in ("precision", "recall")),
        "quoted-words F1": f(get("quoted_words", "direct+mixed", "f1")),
        "speaker accuracy, strict (lenient)": f"{f(get('speaker', 'accuracy', 'accuracy'))} ({f(get('speaker_lenient', 'accuracy', 'accuracy'))})",
        "kind accuracy": f(get("kind", "accuracy", "accuracy")),
        "quoted terms taken for speech, per 10 articles": f(get("terms_as_speech", "per_10_articles", "value"), 2),
    }


def _readme_rows(n_cells: int) -> dict[str, list[str]]:
    """The README's table rows of ``n_cells`` cells, by their first cell."""
    from helpers.paths import ROOT

    rows = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == n_cells:
            rows[cells[0]] = cells
    return rows


def test_the_readmes_evaluation_table_is_a_rerun_of_evaluate():
    """The README's numbers for the test sets, held-out and blind are what evaluate_real gives now:
    a rule that moves them must update the table (its columns are in README_COLUMNS)."""
    rows = _readme_rows(8)
    for split, column in README_COLUMNS.items():
        expected = _readme_cells(_scores(split))
        written = {measure: rows[measure][column] for measure in expected}
        assert written == expected, (split, written, expected)


#: The README's table of intervals: its rows (the measure each gives) and each split's column.
README_INTERVAL_ROWS = {
    "statement recall": ("statements", "all", "recall"),
    "quoted-words F1": ("quoted_words", "direct+mixed", "f1"),
    "speaker accuracy, strict": ("speaker", "accuracy", "accuracy"),
}
README_INTERVAL_COLUMNS = {"test4": 1, "test3": 2, "test2": 3, "test": 4, "heldout": 5, "blind": 6}


def test_the_readmes_intervals_are_a_rerun_of_intervals():
    """The README's 95 % intervals are what helpers.annotate.quotes.intervals gives now."""
    rows = _readme_rows(7)
    for split, column in README_INTERVAL_COLUMNS.items():
        articles, gold, predicted = _run(split)
        found = intervals(predicted, gold, articles).set_index(["measure", "kind", "statistic"])
        for name, key in README_INTERVAL_ROWS.items():
            expected = f"{found.loc[key, 'low']:.3f}–{found.loc[key, 'high']:.3f}"
            assert rows[name][column] == expected, (split, name, rows[name][column], expected)
