"""Who says what in Arabic news: direct, mixed and indirect speech and speech acts, with speakers.

One row per reporting event (a speaker, a cue, a content) with exact offsets into ``article.text``.
The steps, one module each, run in order by :mod:`.extract`: :mod:`.lexicon`, :mod:`.document`,
:mod:`.cues`, :mod:`.content`, :mod:`.speakers` (after the verb, with :mod:`.name_parts` and
:mod:`.objects`), :mod:`.fronted` (before it), :mod:`.mentions` (the words that name the speaker and
nothing more), :mod:`.coreference`, :mod:`.recurring` (a name the article uses alone ends a mention
that ran past it), into the records of :mod:`.records`. :mod:`.evaluation` scores them against gold,
:mod:`.intervals` says how sure those scores are, :mod:`.summaries` makes the notebooks' tables:

1. quote marks are paired per block (:mod:`helpers.text.quotemarks`); short quotes and quotes after a
   naming noun (مبادرة «…», لـ «ناتو») are marked names/terms, never speech;
2. reporting cues come from the editable lexicon ``data/reporting.yaml`` (verbs in their perfect,
   imperfect and participle forms, source phrases بحسب/وفقا لـ/نقلا عن), matched on normalised
   tokens with the proclitics و/ف tolerated;
3. each cue's clause is read left to right: subject (VSO), then the content marker: a
   complementiser أن/إن (indirect, or mixed when it embeds quoted words), a quotation (direct), a
   colon (direct before a quotation, indirect before unmarked words), the verb's preposition (أشاد
   بـ، أعرب عن) or a noun phrase (speech act or indirect, by the verb's class); a quotation just
   before the cue («…»، قال الوزير) is direct too; an interview's answers are the interviewee's;
4. the speaker is the subject after the verb, else one before it (SVO: وكان الأمين العام … قد
   أشاد), else for a participle (مؤكدا أن) the speaker of the sentence, else the last speaker whose
   gender agrees with the verb (وأضافت); mentions corefer into one speaker id (titles and names:
   الأمين العام … شتولتنبرغ … الامين العام لـ «ناتو»);
5. anonymity comes from markers (رفض الكشف عن هويته، مصدر مطلع) and anonymous heads (مصادر).

The headline form ``«ناتو»: …`` (a speaker, a colon, unquoted words) is a headline attribution,
returned by :func:`headline_attribution` and counted in :func:`voice_spans`, not a statement.

Word lists and thresholds the steps use are editable in ``data/quote_rules.yaml``. How good the
result is on real news, and how it is measured: ``docs/evaluation.md`` and
``python -m helpers.annotate.quotes.evaluation test``.
"""
from __future__ import annotations

from .extract import (  # noqa: F401
    analyse,
    extract_quotes,
    headline_attribution,
    marked_terms,
    quote_table,
    voice_at,
    voice_spans,
)
from .lexicon import (  # noqa: F401
    ADDRESSING_CLASSES,
    AFFILIATION_MAX,
    AFFILIATION_PREPOSITIONS,
    CLAUSE_BREAKERS,
    CLAUSE_OPENERS,
    COMMA,
    DEFINITE_HEAD_QUOTE_WORDS,
    DESCRIPTIVE_PREPOSITIONS,
    FA_COMPLEMENTISERS,
    FRONTED_ADVERBIAL_MAX,
    LEXICON_PATH,
    NAME_MAX_ZIPF,
    NAME_PARTICLES,
    PREPOSITION_WORDS,
    PUNCT_STRIP,
    QUOTE_CHARS,
    RELATIVE_PRONOUNS,
    RELAY_WORDS,
    RESUMPTIVE_PREPOSITIONS,
    SENTENCE_CONNECTORS,
    SPEAKER_ENTITY_TYPES,
    TIME_NOUNS,
    CueForm,
    ReportingLexicon,
    reporting_lexicon,
)
from .records import (  # noqa: F401
    COLUMNS,
    JOURNALIST,
    KINDS,
    TERM_COLUMNS,
    VOICE_COLUMNS,
    Analysis,
    Speaker,
    Statement,
)
from .summaries import (  # noqa: F401
    ANONYMOUS_TAG,
    JOURNALIST_LABEL,
    KIND_LABELS,
    cue_class_counts,
    speaker_summary,
    voices_by_paragraph,
)

#: Scoring is loaded on first use, so that ``python -m helpers.annotate.quotes.evaluation`` runs the
#: module once, as the program.
_EVALUATION = ('GOLD_REQUIRED', 'MIN_OVERLAP', 'evaluate', 'read_gold', 'evaluate_real', 'real_news')


def __getattr__(name: str):
    if name in _EVALUATION:
        from . import evaluation

        return getattr(evaluation, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
