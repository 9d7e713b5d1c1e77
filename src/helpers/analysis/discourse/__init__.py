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

The modules, bottom to top: :mod:`.words` (tokens and the units they are counted in),
:mod:`.counts` (frequencies, n-grams, keyness), :mod:`.terms` (term search, KWIC,
collocations, dispersion) and :mod:`.voices` (evaluation by voice, paragraph roles). Every
public name is importable from here: ``from helpers.analysis import discourse; discourse.kwic(...)``.
"""
from .counts import (
    REFERENCE_LIST, REFERENCE_TOKENS, chi2_p_value, frequencies, keyness, log_likelihood, log_ratio, ngrams, reference_counts,
)
from .terms import (
    TA_MARBUTA, WILDCARD, TermMatch, collocations, compile_term, contingency_g2, dispersion, dispersion_summary, find_term, find_terms, kwic,
    readings, term_counts, word_matches,
)
from .voices import (
    EVALUATIVE_LEXICON, GAP, LEXICON_COLUMNS, MAX_GAP_WORDS, POLARITIES, POLARITY_LABELS, QUOTATION_SHARE, ROLE_LABELS,
    VOICE_LABELS, VOICES, YEAR, background_markers, content_role, evaluation_by_voice, evaluative_language,
    evaluative_lexicon, find_marker, paragraph_roles, paragraph_signals, token_voices, voice_share,
)
from .words import (
    TRANSPARENT_PUNCT, UNITS, as_articles, base_form, block_index, normalisation_examples, ranked, token_form, word_runs,
    word_tokens,
)

__all__ = [
    "REFERENCE_LIST", "REFERENCE_TOKENS", "chi2_p_value", "frequencies", "keyness", "log_likelihood", "log_ratio", "ngrams",
    "reference_counts",
    "TA_MARBUTA", "WILDCARD", "TermMatch", "collocations", "compile_term", "contingency_g2", "dispersion", "dispersion_summary", "find_term",
    "find_terms", "kwic", "readings", "term_counts", "word_matches",
    "EVALUATIVE_LEXICON", "GAP", "LEXICON_COLUMNS", "MAX_GAP_WORDS", "POLARITIES", "POLARITY_LABELS", "QUOTATION_SHARE",
    "ROLE_LABELS", "VOICE_LABELS", "VOICES", "YEAR", "background_markers", "content_role", "evaluation_by_voice",
    "evaluative_language", "evaluative_lexicon", "find_marker", "paragraph_roles", "paragraph_signals", "token_voices",
    "voice_share",
    "TRANSPARENT_PUNCT", "UNITS", "as_articles", "base_form", "block_index", "normalisation_examples", "ranked", "token_form",
    "word_runs", "word_tokens",
]
