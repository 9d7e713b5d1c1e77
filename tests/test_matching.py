"""The matchable form's separator runs: every run of quote marks, brackets, dashes and white space
but a lone space, as the plain pattern ``class{2,}|(?! )class`` finds them."""
from __future__ import annotations

import random
import re

from helpers.annotate.matching import _SEPARATOR_CLASS, SEPARATOR_RUN


def test_separator_runs_are_those_of_the_plain_pattern():
    plain = re.compile(f"{_SEPARATOR_CLASS}{{2,}}|(?! ){_SEPARATOR_CLASS}")
    rng = random.Random(13)
    alphabet = "  \n\t\u00a0«»\"()-/قال"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in SEPARATOR_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)], text
