"""The extractor's editable word lists and thresholds (src/helpers/data/quote_rules.yaml)."""
from __future__ import annotations

import pytest

from helpers.annotate.quotes import lexicon
from helpers.text.normalize import normalize


def test_rules_are_read_normalised_from_the_data_file():
    assert normalize("الذي") in lexicon.RELATIVE_PRONOUNS
    assert normalize("إذ") in lexicon.CLAUSE_BREAKERS  # written with hamza, compared without
    assert "،" not in lexicon.CLAUSE_OPENERS and "," in lexicon.CLAUSE_OPENERS
    assert lexicon.AFFILIATION_MAX == 5 and isinstance(lexicon.NAME_MAX_ZIPF, float)


def test_a_bad_rules_file_names_itself(tmp_path):
    bad = tmp_path / "rules.yaml"
    bad.write_text("relative_pronouns: {a: 1}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rules.yaml: 'relative_pronouns' must be a list"):
        lexicon._read_rules(bad)
    bad.write_text("[unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rules.yaml: not valid YAML"):
        lexicon._read_rules(bad)


@pytest.mark.parametrize("plural", ["يشتكون", "يدعون", "ينفون", "يرون", "يبدون"])
def test_a_weak_final_letter_drops_before_the_present_plural(plural):
    """يشتكي → يشتكون، يدعو → يدعون: the lexicon lists the singular; its plural was derived as يشتكيون
    and never matched (dev7: سكان حي الفيصلية يشتكون من …)."""
    from helpers.annotate.quotes.extract import reporting_lexicon

    assert normalize(plural) in reporting_lexicon(None).forms
