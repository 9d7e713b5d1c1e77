"""Who says what in Arabic news: direct, mixed and indirect speech and speech acts, with speakers.

One row per reporting event (a speaker, a cue, a content) with exact offsets into ``article.text``.
The steps, one module each (:mod:`.lexicon`, :mod:`.document`, :mod:`.cues`, :mod:`.content`,
:mod:`.speakers`, :mod:`.coreference`, run in order by :mod:`.extract`; :mod:`.evaluation` scores
them against gold, :mod:`.summaries` makes the notebooks' tables):

1. quote marks are paired per block (:mod:`helpers.text.quotemarks`); short quotes and quotes after a
   naming noun (مبادرة «…», لـ «ناتو») are marked names/terms, never speech;
2. reporting cues come from the editable lexicon ``data/reporting.yaml`` (verbs in their perfect,
   imperfect and participle forms, source phrases بحسب/وفقا لـ/نقلا عن), matched on normalised
   tokens with the proclitics و/ف tolerated;
3. each cue's clause is read left to right: subject (VSO), then the content marker: a
   complementiser أن/إن (indirect, or mixed when it embeds quoted words), a quotation or a colon
   (direct), the verb's preposition (أشاد بـ، أعرب عن) or a noun phrase (speech act or indirect,
   by the verb's class); a quotation just before the cue («…»، قال الوزير) is direct too;
4. the speaker is the subject after the verb, else one before it (SVO: وكان الأمين العام … قد
   أشاد), else for a participle (مؤكدا أن) the speaker of the sentence, else the last speaker whose
   gender agrees with the verb (وأضافت); mentions corefer into one speaker id (titles and names:
   الأمين العام … شتولتنبرغ … الامين العام لـ «ناتو»);
5. anonymity comes from markers (رفض الكشف عن هويته، مصدر مطلع) and anonymous heads (مصادر).

The headline form ``«ناتو»: …`` (a speaker, a colon, unquoted words) is a headline attribution,
returned by :func:`headline_attribution` and counted in :func:`voice_spans`, not a statement.
"""
from __future__ import annotations

from .lexicon import (  # noqa: F401
    LEXICON_PATH,
    RELATIVE_PRONOUNS,
    KANA,
    CLAUSE_OPENERS,
    SENTENCE_CONNECTORS,
    PREPOSITION_WORDS,
    CLAUSE_BREAKERS,
    OBJECT_SUFFIXES,
    COMMA,
    DESCRIPTIVE_PREPOSITIONS,
    PUNCT_STRIP,
    QUOTE_CHARS,
    RELAY_WORDS,
    TIME_NOUNS,
    AFFILIATION_MAX,
    DEFINITE_HEAD_QUOTE_WORDS,
    ADDRESSING_CLASSES,
    FRONTED_ADVERBIAL_MAX,
    RESUMPTIVE_PREPOSITIONS,
    FA_COMPLEMENTISERS,
    NAME_MAX_ZIPF,
    SPEAKER_ENTITY_TYPES,
    CueForm,
    ReportingLexicon,
    reporting_lexicon,
)
from .document import (  # noqa: F401
    KINDS,
    COLUMNS,
    VOICE_COLUMNS,
    TERM_COLUMNS,
    JOURNALIST,
    Statement,
    Speaker,
    Analysis,
)
from .extract import (  # noqa: F401
    analyse,
    extract_quotes,
    headline_attribution,
    quote_table,
    marked_terms,
    voice_spans,
    voice_at,
)
from .evaluation import (  # noqa: F401
    GOLD_REQUIRED,
    MIN_OVERLAP,
    read_gold,
    evaluate,
)
from .summaries import (  # noqa: F401
    JOURNALIST_LABEL,
    ANONYMOUS_TAG,
    speaker_summary,
    cue_class_counts,
    voices_by_paragraph,
    KIND_LABELS,
)
