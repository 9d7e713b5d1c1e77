"""Who says what in Arabic news: direct, mixed and indirect speech and speech acts, with speakers.

One row per reporting event (a speaker, a cue, a content) with exact offsets into ``article.text``.
The steps, each a small function below:

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

import json
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..text.lexicons import read_yaml
from ..text.normalize import normalize
from ..paths import PACKAGE_DATA
from ..text.quotemarks import QuoteSpan, pair_quote_marks
from ..text.segment import split_proclitics

LEXICON_PATH = PACKAGE_DATA / "reporting.yaml"
KINDS = ("direct", "mixed", "indirect", "speech_act")
COLUMNS = [
    "doc_id", "quote_id", "kind", "para", "start", "end", "text", "quoted_text", "quoted_spans",
    "cue", "cue_lemma", "cue_class", "cue_start", "cue_end", "speaker", "speaker_id",
    "speaker_start", "speaker_end", "anonymous", "speaker_label", "speaker_source",
]
VOICE_COLUMNS = ["doc_id", "quote_id", "speaker_id", "speaker_label", "kind", "voice", "start", "end"]
TERM_COLUMNS = ["doc_id", "para", "start", "end", "text", "mark", "role", "inside_quote_id"]
JOURNALIST = ("journalist", "الصحفي", "journalist")


def _normalised(*words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


RELATIVE_PRONOUNS = _normalised("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "اللذان", "اللتان")
KANA = ("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا")
CLAUSE_OPENERS = _normalised(",", "قد", "كما", "ثم", "وقد", "فقد", "لقد", *KANA)
SENTENCE_CONNECTORS = _normalised("كما", "ثم", "قد", "وقد", "فقد", "لقد", "فيما", "بينما", "لكن", "ولكن", "بل", *KANA)
PREPOSITION_WORDS = _normalised("في", "من", "على", "إلى", "عن", "مع", "ب", "ل", "خلال", "أمام", "لدى", "عبر", "حول", "منذ", "نحو")
#: After a comma these open a new clause, which ends the content before them (…، لكنها رفضت …).
CLAUSE_BREAKERS = _normalised("لكن", "لكنه", "لكنها", "لكنهم", "ولكن", "ولكنه", "ولكنها", "بينما", "فيما", "في حين", "غير ان",
                              "وهو ما", "وهذا ما", "إذ", "اذ", "حيث", "كما")
#: Object pronouns a reporting verb may carry: وصفه، وصفتها، أبلغهم.
OBJECT_SUFFIXES = ("هما", "هم", "ها", "ه")
COMMA = ","
DESCRIPTIVE_PREPOSITIONS = _normalised("في", "من", "بـ")
PUNCT_STRIP = frozenset({",", ".", ";", ":", "!", "?", "…", "-", "–", "—"})
QUOTE_CHARS = frozenset('«»“”„‹›"')
RELAY_WORDS = frozenset({"قوله", "قولها", "قولهم", "قولهما"})
#: Nouns of time that are adverbs before an adverb of time (الأسبوع الماضي، العام المقبل).
TIME_NOUNS = _normalised("الأسبوع", "الشهر", "العام", "السنة", "اليوم")
AFFILIATION_MAX = 5  # words of في/من + affiliation + name after a bare title
DEFINITE_HEAD_QUOTE_WORDS = 3  # «…» of this many words after المجموعة، الحركة is not its name
ADDRESSING_CLASSES = frozenset({"directive", "critical"})
FRONTED_ADVERBIAL_MAX = 4  # words of a fronted adverbial before its comma: في المقابل، من جهة أخرى،
RESUMPTIVE_PREPOSITIONS = frozenset({"به", "بها", "عنه", "عنها", "فيه", "فيها"})  # وفقا لما أفادت به
FA_COMPLEMENTISERS = frozenset({"فان", "فانه", "فانها", "فانهم"})
NAME_MAX_ZIPF = 3.0
#: Gazetteer types (helpers.annotate.entities) that can speak: states, organisations, people.
SPEAKER_ENTITY_TYPES = ("GPE", "ORG", "PERSON")


# --- the reporting lexicon (data/reporting.yaml) -------------------------------------------------


@dataclass(frozen=True)
class CueForm:
    """One surface form of a reporting verb or participle, with what it tells about the speaker."""

    lemma: str
    cls: str
    gender: str  # "m", "f" or "" (unknown)
    number: str  # "sg", "du" or "pl"
    participle: bool
    preps: tuple[str, ...]
    clause_only: bool
    verb_initial: bool
    relay: tuple[str, ...] = ()  # prepositions whose object is the source: علمت «الراي» من مصادر
    imperfect: bool = False  # يقول، تؤكد: a verb that can also describe the noun before it
    takes_object: bool = False  # دعا الرئيس الأطراف إلى …: an object stands between subject and preposition


@dataclass(frozen=True)
class ReportingLexicon:
    """The normalised reporting lexicon: cue forms, classes and the word lists around them."""

    path: Path
    forms: dict[str, CueForm]
    classes: dict[str, dict]
    source_phrases: tuple[tuple[tuple[str, ...], str], ...]
    complementisers: frozenset[str]
    adverbs: frozenset[str]
    subject_terminators: frozenset[str]
    addressees: frozenset[str]
    speaker_heads: frozenset[str]
    anonymous_heads: frozenset[str]
    title_words: frozenset[str]
    term_heads: frozenset[str]
    anonymity_markers: tuple[tuple[str, ...], ...]
    impersonal: frozenset[str]
    question_verbs: frozenset[str]
    honorific_pronouns: frozenset[str]
    max_term_words: int
    min_continuation_words: int

    def nominal_kind(self, cls: str) -> str | None:
        """What a noun-phrase object of a verb of class ``cls`` counts as (None: not speech)."""
        return self.classes[cls].get("nominal")


def _past_forms(stem: str) -> list[tuple[str, str, str]]:
    return [(stem, "m", "sg"), (stem + "ت", "f", "sg"), (stem + "وا", "m", "pl"), (stem + "ا", "m", "du"), (stem + "تا", "f", "du")]


def _present_forms(stem: str) -> list[tuple[str, str, str]]:
    forms = [(stem, "m", "sg"), (stem + "ون", "m", "pl"), (stem + "ان", "m", "du")]
    if stem.startswith("ي"):
        forms += [("ت" + stem[1:], "f", "sg"), ("ت" + stem[1:] + "ان", "f", "du")]
    return forms


def _participle_forms(stem: str) -> list[tuple[str, str, str]]:
    """Only the accusative forms that introduce speech (مؤكدا، مؤكدة): the bare stem is often a noun."""
    return [(stem + "ا", "m", "sg"), (stem + "ة", "f", "sg"), (stem + "ين", "m", "pl"), (stem + "تين", "f", "du")]


def _listed_form_features(form: str) -> tuple[str, str, bool]:
    """Gender, number and participle-ness of an irregular form listed in full (نفت، نافيا)."""
    participle = form.endswith("ا") and len(form) > 3 and form[0] in "مد" or form.endswith(("يا", "ية")) and form[0] in "نمد"
    if form.endswith(("وا", "ون")):
        return "m", "pl", participle
    if form.endswith(("ت", "ة", "تا")):
        return "f", "sg", participle
    return "m", "sg", participle


def _words(entries: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize(str(e)) for e in entries or ())


def _bare(entries: Iterable[str]) -> frozenset[str]:
    """Normalised entries with the article removed, as the extractor compares bare bases."""
    out = set()
    for entry in entries or ():
        norm = normalize(str(entry))
        out.add(norm[2:] if norm.startswith("ال") and len(norm) > 4 else norm)
    return frozenset(out)


def _verb_forms(entry: dict, where: str, classes: dict) -> dict[str, CueForm]:
    for key in ("lemma", "class"):
        if key not in entry:
            raise ValueError(f"{where}: missing '{key}'")
    cls = entry["class"]
    if cls not in classes:
        raise ValueError(f"{where}: unknown class '{cls}' (known: {', '.join(classes)})")
    lemma = normalize(entry["lemma"])
    common = dict(
        lemma=entry["lemma"], cls=cls, preps=tuple(normalize(p) for p in entry.get("preps") or ()),
        clause_only=bool(entry.get("clause_only")), verb_initial=bool(entry.get("verb_initial")),
        relay=tuple(normalize(p) for p in entry.get("relay") or ()), takes_object=bool(entry.get("object")),
    )
    generated: list[tuple[str, str, str, bool, bool]] = []
    for stem in entry.get("past") or ():
        generated += [(f, g, n, False, False) for f, g, n in _past_forms(normalize(stem))]
    for stem in entry.get("present") or ():
        generated += [(f, g, n, False, True) for f, g, n in _present_forms(normalize(stem))]
    for stem in entry.get("participle") or ():
        generated += [(f, g, n, True, False) for f, g, n in _participle_forms(normalize(stem))]
    for form in entry.get("forms") or ():
        norm = normalize(form)
        generated.append((norm, *_listed_form_features(norm), norm[:1] in "يت"))
    if not generated:
        raise ValueError(f"{where}: verb '{lemma}' lists no forms (past, present, participle or forms)")
    return {form: CueForm(gender=g, number=n, participle=p, imperfect=imp, **common) for form, g, n, p, imp in generated}


@lru_cache(maxsize=4)
def reporting_lexicon(path: str | Path | None = None) -> ReportingLexicon:
    """Load and normalise the reporting lexicon (default ``src/helpers/data/reporting.yaml``)."""
    path = Path(path) if path else LEXICON_PATH
    data = read_yaml(path, ValueError)
    if not isinstance(data, dict) or "verbs" not in data or "classes" not in data:
        raise ValueError(f"{path}: expected a mapping with 'classes' and 'verbs'")
    classes = data["classes"]
    forms: dict[str, CueForm] = {}
    for number, entry in enumerate(data["verbs"], 1):
        forms.update(_verb_forms(entry, f"{path}: verbs entry {number}", classes))
    phrases = tuple(
        (tuple(normalize(w) for w in item["phrase"]), item.get("lemma") or " ".join(item["phrase"]))
        for item in data.get("source_phrases") or ()
    )
    return ReportingLexicon(
        path=path,
        forms=forms,
        classes=classes,
        source_phrases=phrases,
        complementisers=_words(data.get("complementisers")),
        adverbs=_words(data.get("adverbs")),
        subject_terminators=_words(data.get("subject_terminators")),
        addressees=_bare(data.get("addressees")),
        speaker_heads=_bare(data.get("speaker_heads")),
        anonymous_heads=_bare(data.get("anonymous_heads")),
        title_words=_bare(data.get("title_words")),
        term_heads=_bare(data.get("term_heads")),
        anonymity_markers=tuple(tuple(normalize(m).split()) for m in data.get("anonymity_markers") or ()),
        max_term_words=int(data.get("max_term_words", 1)),
        min_continuation_words=int(data.get("min_continuation_words", 5)),
        impersonal=_words(data.get("impersonal")),
        question_verbs=_words(data.get("question_verbs")),
        honorific_pronouns=_words(data.get("honorific_pronouns")),
    )


# --- results --------------------------------------------------------------------------------------


@dataclass
class Statement:
    """One attributed statement: the fields of ``quotes.csv``."""

    doc_id: str
    quote_id: str
    kind: str
    para: int
    start: int
    end: int
    text: str
    quoted_text: str
    quoted_spans: list[tuple[int, int]]
    cue: str
    cue_lemma: str
    cue_class: str
    cue_start: int
    cue_end: int
    speaker: str
    speaker_id: str
    speaker_start: int | None
    speaker_end: int | None
    anonymous: bool
    speaker_label: str = ""
    speaker_source: str = ""  # explicit, participle, continuation, headline or unknown


@dataclass
class Speaker:
    """A speaker of the article: its mentions and the words that identify it."""

    key: int
    mentions: list[tuple[int, int]] = field(default_factory=list)
    bases: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    gender: str = ""
    number: str = ""
    anonymous: bool = False
    labels: list[str] = field(default_factory=list)


@dataclass
class _Draft:
    """A statement being built, before ids are given."""

    kind: str
    para: int
    start: int
    end: int
    quoted: list[tuple[int, int]]
    cue_start: int
    cue_end: int
    lemma: str
    cls: str
    gender: str = ""
    number: str = ""
    subject: tuple[int, int] | None = None  # token range [i, j)
    speaker: Speaker | None = None
    source: str = "unknown"
    sentence: int = 0


@dataclass
class Analysis:
    """Everything extracted from one article (cached per article object)."""

    statements: list[Statement]
    speakers: list[Speaker]
    terms: pd.DataFrame
    headline: Statement | None


_ANALYSES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


# --- token helpers --------------------------------------------------------------------------------


def _base(token) -> str:
    return split_proclitics(token.norm)[2] if token.kind == "word" else token.norm


def _keys(token) -> set[str]:
    """Ways to compare a word across mentions: as written, without the article, without proclitics
    (the proclitic split is a heuristic: وزير must also match itself, not only زير)."""
    norm = token.norm
    keys = {norm, _base(token)}
    if norm.startswith("ال") and len(norm) > 4:
        keys.add(norm[2:])
    return keys


def _cue_candidates(norm: str) -> list[str]:
    """The normalised word, without و/ف, and without an object pronoun (ووصفتها → وصفت، وحث → حث)."""
    out = [norm]
    if len(norm) >= 3 and norm[0] in "وف":
        out.append(norm[1:])
    for word in list(out):
        out += [word[: -len(suffix)] for suffix in OBJECT_SUFFIXES if word.endswith(suffix) and len(word) - len(suffix) >= 3]
    return out


@lru_cache(maxsize=50_000)
def _rare_word(surface: str) -> bool:
    """A rare word form, most likely a name (شتولتنبرغ، بلينكن), by wordfreq's Arabic frequencies."""
    from wordfreq import zipf_frequency

    return zipf_frequency(surface, "ar") < NAME_MAX_ZIPF


class _Doc:
    """One article prepared for extraction: tokens, sentences and paired quotation marks."""

    def __init__(self, article, lexicon: ReportingLexicon):
        self.article = article
        self.text = article.text
        self.lex = lexicon
        self.tokens = article.tokens
        self.sentences: dict[int, tuple[int, int]] = {}
        for index, token in enumerate(self.tokens):
            lo, hi = self.sentences.get(token.sentence, (index, index))
            self.sentences[token.sentence] = (lo, index + 1)
        self.by_start = {t.start: i for i, t in enumerate(self.tokens)}
        self.starts = [t.start for t in self.tokens]
        self.quotes: list[tuple[int, QuoteSpan]] = []  # (para, quote)
        self.role: dict[int, str] = {}
        para = 0
        for role, block in article.blocks:
            para += role == "body"
            for quote in pair_quote_marks(self.text, block.start, block.end).quotes:
                self.quotes.append((para, quote))
        self.top = sorted((q for _, q in self.quotes if q.depth == 0), key=lambda q: q.open)
        self.top_opens = [q.open for q in self.top]
        self.inside: dict[int, QuoteSpan] = {}  # token index -> enclosing top-level quote
        for quote in self.top:
            for i in self._token_range(quote.open, quote.outer_end):
                self.inside[i] = quote
        self.opening = {self.by_start[q.open]: q for q in self.top if q.open in self.by_start}
        self.entity_type: dict[int, str] = {}  # token index -> GPE/ORG/PERSON of the named actor starting there
        self.entity_offset: dict[int, int] = {}  # token index -> where that actor's name starts (لحلف: after ل)
        self.entity_end = self._entity_names()
        self.in_named = {k for start, end in self.entity_end.items() for k in range(start + 1, end)}  # بايدن of جو بايدن
        self.closing = {self.by_start[q.close]: q for q in self.top if q.close is not None and q.close in self.by_start}

    def _entity_names(self) -> dict[int, int]:
        """Token index -> token end of each named actor (الولايات المتحدة، واشنطن) from the gazetteer."""
        from .entities import find_entities

        ends = {}
        mentions = find_entities(self.article)
        self.name_spans = [(m.start, m.end) for m in mentions if m.kind == "name"]  # every type, for names_actor
        for mention in mentions:
            if mention.kind != "name" or mention.type not in SPEAKER_ENTITY_TYPES:
                continue
            tokens = self._token_range(mention.start, mention.end)
            if len(tokens):
                ends[tokens.start] = tokens.stop
                self.entity_type[tokens.start] = mention.type
                self.entity_offset[tokens.start] = mention.start
        return ends

    def starts_speaker(self, i: int) -> bool:
        """Can a speaker noun phrase start at token i: a title, an institution, a name or a named actor."""
        return i in self.entity_end or self.is_head(self.tokens[i]) or self.is_name(self.tokens[i])

    def top_between(self, start: int, end: int) -> list[QuoteSpan]:
        """Top-level quotations that open in [start, end), in text order."""
        return self.top[bisect_left(self.top_opens, start) : bisect_left(self.top_opens, end)]

    def _token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that start in [start, end) (binary search: tokens are in text order)."""
        first = bisect_left(self.starts, start)
        return range(first, bisect_left(self.starts, end, lo=first))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens [i, j)."""
        return self.tokens[i].start, self.tokens[j - 1].end

    def words_in(self, quote: QuoteSpan) -> int:
        return sum(1 for i in self._token_range(quote.start, quote.end) if self.tokens[i].kind != "punct")

    def is_head(self, token) -> bool:
        return token.kind == "word" and (_base(token) in self.lex.speaker_heads or token.norm in self.lex.speaker_heads)

    def is_name(self, token) -> bool:
        if token.kind != "word" or token.is_stop or token.has_article or len(token.norm) < 3:
            return False
        clitic_letters = len(token.proclitics.replace("+", ""))
        return not any(c in self.lex.forms for c in _cue_candidates(token.norm)) and _rare_word(token.surface[clitic_letters:])

    def is_term(self, quote: QuoteSpan) -> bool:
        """A quoted name or term: short, a known name, or after a naming noun (مبادرة «…») or a bare لـ/بـ."""
        words = self.words_in(quote)
        if words <= self.lex.max_term_words or self.names_actor(quote):
            return True
        return bool(self._named_by_context(quote, words))

    def own_word(self, quote: QuoteSpan) -> bool:
        """A single quoted word inside what someone says that is their word, not a name: تركيا
        «مستعدة»، من "تسييس" (not «ناتو», not «أرامكو», not مبادرة «…», not وعلمت «الراي»)."""
        if self.words_in(quote) > self.lex.max_term_words or self.names_actor(quote) or self.rare_words(quote):
            return False
        before = self.by_start.get(quote.open, 0) - 1
        if before >= 0 and self.is_cue_word(self.tokens[before]):
            return False  # the verb's subject: وعلمت «الراي»
        return self._named_by_context(quote, 1) is None

    def _named_by_context(self, quote: QuoteSpan, words: int) -> bool | None:
        """What the words before a quotation say: a name (True), the speaker's words (False), or nothing (None)."""
        before = self.by_start.get(quote.open, 0) - 1
        if before < 0:
            return None
        head = before  # past definite adjectives to a definite term head: التمرين المشترك «…»، المناورات البحرية "…"
        while head > 0 and before - head < 2 and self.tokens[head].has_article and _base(self.tokens[head]) not in self.lex.term_heads:
            head -= 1
        if head < before and self.tokens[head].has_article and _base(self.tokens[head]) in self.lex.term_heads:
            return words <= 8  # a head and its adjective, then a name: not apposed words
        prev = self.tokens[before]
        if prev.kind == "word" and (_base(prev) in self.lex.term_heads or prev.norm in self.lex.term_heads):
            # a name follows its noun in construct (مجموعة «بريكس»); after المجموعة it is apposed words
            return words <= 8 and not (prev.has_article and words >= DEFINITE_HEAD_QUOTE_WORDS)
        if prev.norm in {"ل", "ب"} and before > 0 and self.is_cue_word(self.tokens[before - 1]):
            return False  # ندد بـ«…», وصفته بـ"…": the quoted words are the speaker's
        if prev.norm in {"ل", "ب"}:
            return words <= 4
        return None

    def rare_words(self, quote: QuoteSpan) -> bool:
        """Are all the quotation's words rare (a name: «أرامكو»، "الفيتو") rather than everyday words?"""
        inner = [self.tokens[k] for k in self._token_range(quote.start, quote.end) if self.tokens[k].kind == "word"]
        return bool(inner) and all(_rare_word(t.surface[len(t.proclitics.replace("+", "")):]) for t in inner)

    def names_actor(self, quote: QuoteSpan) -> bool:
        """Are the quotation's words exactly a name of the gazetteer or the name finder («ناتو»،
        «مبادرة إسطنبول للتعاون»)?"""
        start, end = _inner(self, quote)
        return any(quote.start <= m_start <= start and m_end >= end for m_start, m_end in self.name_spans)

    def is_cue_word(self, token) -> bool:
        return token.kind == "word" and any(c in self.lex.forms for c in _cue_candidates(token.norm))

    def is_addressee(self, i: int) -> bool:
        """للصحافيين، لوكالة …، لـ «الراي»: the person or outlet spoken to, which ends a subject."""
        token = self.tokens[i]
        if token.norm == "ل" and i + 1 in self.opening:
            inner = _bare(normalize(self.text[self.opening[i + 1].start : self.opening[i + 1].end]).split())
            return bool(inner & self.lex.addressees)
        clitics = split_proclitics(token.norm)[0].split("+")
        if "ل" in clitics and _base(token) in self.lex.addressees:
            return True
        return token.norm.startswith("ل") and token.norm[1:] in self.lex.addressees  # لبي بي سي


# --- cues ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cue:
    index: int  # first token of the cue
    end: int  # token after the cue
    form: CueForm | None  # None for a source phrase
    lemma: str
    cls: str


def _verb_cue(doc: _Doc, i: int, sent_lo: int) -> _Cue | None:
    token = doc.tokens[i]
    if token.kind != "word" or i in doc.inside:
        return None
    form = next((doc.lex.forms[c] for c in _cue_candidates(token.norm) if c in doc.lex.forms), None)
    if form is None or form.participle and token.norm not in _cue_candidates(token.norm)[:2] + [token.norm]:
        return None
    if not form.imperfect and not form.participle and not form.relay and _voweled_passive(token):
        return None  # أُعلن، ذُكر: "it was announced", nobody said to speak (but نُقل عن مسؤولين names its source)
    prev = doc.tokens[i - 1] if i > sent_lo else None
    if form.participle and prev is not None and prev.norm != COMMA and _verb_cue(doc, i - 1, sent_lo) is None:
        return None
    if form.verb_initial and prev is not None and prev.norm not in CLAUSE_OPENERS and token.norm[0] not in "وف":
        return None
    return _Cue(i, i + 1, form, form.lemma, form.cls)


def _voweled_passive(token) -> bool:
    """A past verb written with a damma on its first letter (أُعلن، نُقل، ذُكر): the passive voice."""
    letters = [c for c in token.surface if c != "\u0640"]  # tatweel
    skip = len(token.proclitics.replace("+", ""))
    return len(letters) > skip + 1 and letters[skip + 1] == "\u064f"


def _source_cue(doc: _Doc, i: int) -> _Cue | None:
    token = doc.tokens[i]
    if i in doc.inside or token.kind != "word":
        return None
    for phrase, lemma in doc.lex.source_phrases:
        words = list(phrase)
        wants_l = words[-1] == "ل"
        if wants_l:
            words = words[:-1]
        if token.norm not in words[0:1] and not (token.norm[:1] in "وف" and token.norm[1:] == words[0]):
            continue
        j = i + 1
        if any(j + k >= len(doc.tokens) or doc.tokens[j + k].norm != w for k, w in enumerate(words[1:])):
            continue
        j += len(words) - 1
        if wants_l:
            if j >= len(doc.tokens):
                continue
            nxt = doc.tokens[j]
            if nxt.norm == "ل":
                j += 1
            elif "ل" not in split_proclitics(nxt.norm)[0].split("+") and not nxt.norm.startswith("ل"):
                continue
        return _Cue(i, j, None, lemma, "source")
    return None


def _find_cues(doc: _Doc, lo: int, hi: int) -> list[_Cue]:
    cues = []
    for i in range(lo, hi):
        cue = _source_cue(doc, i) or _verb_cue(doc, i, lo)  # نقلا عن is a source phrase, not the dual نقلا
        if cue:
            cues.append(cue)
    return cues


def _clause_end(doc: _Doc, cues_at: dict[int, _Cue], start: int, hi: int) -> int:
    """The clause of a cue ends at the sentence end or before ``، مضيفا`` / ``، وأضاف`` / ``، بحسب``."""
    for j in range(start, hi):
        cue = cues_at.get(j)
        if j - 1 < start or doc.tokens[j - 1].norm != COMMA or (j - 1) in doc.inside:
            continue
        if doc.tokens[j].norm in CLAUSE_BREAKERS or " ".join(t.norm for t in doc.tokens[j : j + 2]) in CLAUSE_BREAKERS:
            return j - 1
        if cue is None:
            continue
        if cue.form is None or cue.form.participle or doc.tokens[j].norm[0] in "وف":
            return j - 1
    return hi


# --- subjects -------------------------------------------------------------------------------------


def _relay_subject(doc: _Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """نقلا عن X / عن X قوله: the words are X's, relayed by the subject."""
    for i in range(lo, hi):
        if doc.tokens[i].norm == "عن" and (i > lo and doc.tokens[i - 1].norm == "نقلا" or any(
            doc.tokens[k].norm in RELAY_WORDS for k in range(i + 1, hi)
        )):
            j = i + 1
            while j < hi and doc.tokens[j].norm not in RELAY_WORDS and doc.tokens[j].norm != COMMA:
                j += 1
            if j > i + 1:
                return i + 1, j
    return None


def _subject_from_region(doc: _Doc, lo: int, hi: int, relay_preps: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """The subject noun phrase at the start of tokens [lo, hi): up to a context word or addressee.

    ``relay_preps``: the verb's source prepositions (علمت «الراي» من مصادر: the sources)."""
    while lo < hi and _is_adverb(doc, lo):
        lo += 1
    relay = _relay_subject(doc, lo, hi) or _relayed_source(doc, lo, hi, relay_preps)
    if relay:
        return relay
    if lo >= hi:
        return None
    first = doc.tokens[lo]
    if first.kind != "word" and lo not in doc.opening:
        return None
    if first.norm in PREPOSITION_WORDS or first.norm in doc.lex.subject_terminators or doc.is_addressee(lo):
        return _late_subject(doc, lo, hi)
    j = lo
    while j < hi:
        token = doc.tokens[j]
        describes = token.norm in DESCRIPTIVE_PREPOSITIONS and j > lo and _described_head(doc, lo, j)
        if j not in doc.inside and not describes and (
            token.norm in doc.lex.subject_terminators or _is_adverb(doc, j) or doc.is_addressee(j)
            or token.norm in doc.lex.complementisers
        ):
            break
        j += 1
    j = _affiliated_name(doc, lo, j, hi)
    while j > lo and doc.tokens[j - 1].norm in PUNCT_STRIP | PREPOSITION_WORDS:
        j -= 1
    return (lo, j) if j > lo else None


def _object_start(doc: _Doc, lo: int, hi: int) -> int | None:
    """Where the object starts in a subject region of a verb that takes one (دعا الرئيس الأطراف إلى،
    طالب وزير الخارجية المجتمع الدولي بـ، حث الرئيس الأمريكي جو بايدن إسرائيل على), or None.

    The object is a named state or organisation, or a definite noun (الأطراف، الحكومة), that
    follows the subject without a genitive link: not after an indefinite head (وزير الخارجية، أمير
    الكويت) or باسم, not with the preposition ل (الأمين العام لحلف …), not a title word, nisba
    adjective, a head before a name (الشيخ سالم) or a word of a named person (الجابر الصباح).
    """
    for k in range(lo + 1, hi):
        token, prev = doc.tokens[k], doc.tokens[k - 1]
        if token.kind != "word" or prev.norm == "باسم" or _indefinite_head(doc, prev) or "ل" in token.proclitics.split("+"):
            continue
        if k in doc.entity_end:
            # a name that began inside the word before (لحلف شمال الأطلسي) is that word's genitive
            if doc.entity_type.get(k) in ("GPE", "ORG") and doc.entity_offset[k] >= token.start:
                return k
            continue
        base = _base(token)
        titles_a_name = doc.is_head(token) and k + 1 < hi and (doc.entity_type.get(k + 1) == "PERSON" or doc.is_name(doc.tokens[k + 1]))
        common = token.has_article and not base.endswith(("ي", "ية", "يه")) and not titles_a_name  # الحكومة، not الشيخ سالم
        if common and k not in doc.in_named and base not in doc.lex.title_words and token.norm not in doc.lex.title_words:
            return k
    return None


def _relayed_source(doc: _Doc, lo: int, hi: int, relay_preps: tuple[str, ...]) -> tuple[int, int] | None:
    """The object of the verb's source preposition, when it starts a speaker (من مصادر قضائية)."""
    for k in range(lo, hi - 1):
        if k not in doc.inside and doc.tokens[k].norm in relay_preps and doc.starts_speaker(k + 1):
            return _subject_from_region(doc, k + 1, hi)
    return None


def _late_subject(doc: _Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """A subject after the verb's own adverbial, set off by commas (ونفى في رده على سؤال …، وزير
    الخارجية …، أن): the last comma-separated part before the content, if it starts with a title or actor."""
    stop = hi
    while stop > lo and doc.tokens[stop - 1].norm == COMMA:
        stop -= 1
    comma = next((k for k in range(stop - 1, lo, -1) if doc.tokens[k].norm == COMMA and k not in doc.inside), None)
    if comma is None or comma + 1 >= stop:
        return None
    i = comma + 1
    if not (i in doc.entity_end or doc.is_head(doc.tokens[i])):
        return None
    return i, max(_noun_phrase(doc, i, stop), min(doc.entity_end.get(i, i + 1), stop))


def _affiliated_name(doc: _Doc, lo: int, j: int, hi: int) -> int:
    """Extend a bare title over its affiliation and the holder's name (القيادي في الحركة أسامة حمدان)."""
    if j >= hi or j - lo > 2 or doc.tokens[j].norm not in {"في", "من"} or not doc.is_head(doc.tokens[lo]):
        return j
    k = j + 1
    while k < hi and k - j <= AFFILIATION_MAX and doc.tokens[k].kind == "word" and not doc.tokens[k].is_stop and (
        doc.tokens[k].norm not in doc.lex.forms and doc.tokens[k].norm not in doc.lex.subject_terminators | doc.lex.adverbs
    ) and not doc.is_addressee(k):
        k += 1
    names = k  # the holder's name: rare words, or two or more words without the article (أسامة حمدان)
    while names > j + 2 and not doc.tokens[names - 1].has_article and not doc.is_head(doc.tokens[names - 1]):
        names -= 1
    named = k - names >= 2 or (k - names == 1 and doc.is_name(doc.tokens[names]))
    affiliation = doc.tokens[names - 1]
    if named and (affiliation.has_article or doc.is_head(affiliation)):
        return k
    apposed = _apposed_person(doc, k, hi)  # الخبير في أمن الملاحة البحرية، الربان خالد المهيري،
    return apposed if apposed is not None else j


def _apposed_person(doc: _Doc, k: int, hi: int) -> int | None:
    """End of a person's name set off by a comma at token k, after at most two title words
    (، الربان خالد المهيري), or None."""
    if k >= hi or doc.tokens[k].norm != COMMA:
        return None
    for start in range(k + 1, min(k + 4, hi)):
        if doc.entity_type.get(start) == "PERSON":
            return min(doc.entity_end[start], hi)
        if doc.tokens[start].kind != "word":
            return None
    return None


def _described_head(doc: _Doc, lo: int, j: int) -> bool:
    """Tokens [lo, j) end in an indefinite head and its nisba adjectives (مسؤول عسكري، مصادر أمنية)."""
    k = j - 1
    while k > lo and doc.tokens[k].kind == "word" and not doc.tokens[k].has_article and doc.tokens[k].norm.endswith(("ي", "يه", "ية")):
        k -= 1
    return _indefinite_head(doc, doc.tokens[k])


def _indefinite_head(doc: _Doc, token) -> bool:
    """مسؤول، مصدر، دبلوماسي (no article): a following في/من describes the speaker (مسؤول في وزارة الدفاع)."""
    return doc.is_head(token) and not token.has_article and not token.proclitics


def _noun_phrase(doc: _Doc, lo: int, hi: int) -> int:
    """End of a speaker noun phrase starting at a head or name: titles, nisba adjectives, names."""
    j = min(doc.entity_end.get(lo, lo + 1), hi)
    while j < hi:
        token, prev = doc.tokens[j], doc.tokens[j - 1]
        if j in doc.entity_end:
            if not (_indefinite_head(doc, prev) or prev.norm in {"باسم", "ل"}):
                break  # a second actor after a complete phrase is the object: اتهمت الولايات المتحدة إيران
            j = min(doc.entity_end[j], hi)
            continue
        if token.norm == "(":
            close = next((k for k in range(j, hi) if doc.tokens[k].norm == ")"), None)
            if close is None:
                break
            j = close + 1
            continue
        base = _base(token)
        construct = token.kind == "word" and (prev.norm == "باسم" or doc.is_head(prev) and not prev.has_article and (
            token.has_article or "ل" in token.proclitics.split("+")
        ))
        keeps = (
            doc.is_head(token) or doc.is_name(token) or base in doc.lex.title_words or token.norm in doc.lex.title_words
            or construct
            or (token.has_article and base.endswith(("ي", "ية")))
            or token.norm in {"بن", "ابن", "ابو", "ال"}
        )
        if not keeps or token.norm in doc.lex.forms:
            break
        j += 1
    return j


def _skip_connectors(doc: _Doc, i: int, stop: int) -> int:
    while i < stop and doc.tokens[i].norm in SENTENCE_CONNECTORS | CLAUSE_BREAKERS | {"و", "ف", "اما", "واما", COMMA}:
        i += 1
    return i


def _fronted_subject(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """SVO: a subject before the verb (المسؤول قال، وكان الأمين العام … قد أشاد، أما الوزير فقال),
    also after a short fronted adverbial closed by a comma (في المقابل، النائب العام قال)."""
    i = _skip_connectors(doc, lo, verb)
    if i < verb and not doc.starts_speaker(i):
        comma = next((k for k in range(i, min(i + FRONTED_ADVERBIAL_MAX + 1, verb)) if doc.tokens[k].norm == COMMA), None)
        if comma is not None:
            i = _skip_connectors(doc, comma + 1, verb)
    if i >= verb or i in doc.inside or not doc.starts_speaker(i):
        return None
    j = verb
    while j > i and doc.tokens[j - 1].norm in PUNCT_STRIP | {"قد", "لقد"}:
        j -= 1
    return (i, j) if j > i and j - i <= 15 else None


def _questioned_subject(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """The one asked, who answers with the verb: وسئل الوزير عن التأجيل فقال: «لا»; the phrase ends
    at the question's preposition or a comma (سئلت المتحدثة باسم البيت الأبيض عن …)."""
    for k in range(lo, verb - 1):
        if k not in doc.inside and set(_cue_candidates(doc.tokens[k].norm)) & doc.lex.question_verbs and doc.starts_speaker(k + 1):
            j = k + 2
            while j < verb and doc.tokens[j].norm not in PREPOSITION_WORDS | PUNCT_STRIP | doc.lex.subject_terminators:
                j += 1
            return k + 1, j
    return None


def _sentence_subject(doc: _Doc, lo: int, before: int) -> tuple[int, int] | None:
    """For a participle with no statement before it: the first speaker-like phrase in the sentence."""
    for i in range(lo, before):
        token = doc.tokens[i]
        if i not in doc.inside and doc.starts_speaker(i):
            return i, _noun_phrase(doc, i, before)
    return None


# --- one cue's statement ------------------------------------------------------------------------


def _strip_span(doc: _Doc, i: int, j: int) -> tuple[int, int] | None:
    """Tokens [i, j) without leading/trailing punctuation (closing quote marks are kept)."""
    while i < j and doc.tokens[i].norm in PUNCT_STRIP:
        i += 1
    while j > i and doc.tokens[j - 1].norm in PUNCT_STRIP:
        j -= 1
    return (i, j) if j > i else None


def _inner(doc: _Doc, quote: QuoteSpan) -> tuple[int, int]:
    """The words inside a quotation's marks, without surrounding spaces."""
    start, end = quote.start, quote.end
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return start, end


def _content_kind(doc: _Doc, i: int, j: int, default: str,
                  spoken: int | None = None) -> tuple[str, int, int, list[tuple[int, int]]]:
    """Kind, span and quoted spans of a content of tokens [i, j): direct if it is one quotation.
    ``spoken``: the offset of a quote mark that opens quoted words whatever their length (ندد بـ«…»)."""
    start, end = doc.span(i, j)
    quotes = [q for q in doc.top_between(start, end) if q.open == spoken or not doc.is_term(q) or doc.own_word(q)]
    if len(quotes) == 1 and quotes[0].open == start and quotes[0].outer_end >= end - 1:
        inner = _inner(doc, quotes[0])
        return "direct", inner[0], inner[1], [inner]
    if quotes:
        return "mixed", start, end, [_inner(doc, q) for q in quotes]
    return default, start, end, []


def _content_marker(doc: _Doc, cue: _Cue, i: int, end: int) -> tuple[str, int] | None:
    """The first token that opens the content: complementiser, colon, quotation or preposition."""
    preps = cue.form.preps if cue.form else ()
    j = i
    while j < end:
        token = doc.tokens[j]
        if j in doc.opening:
            quote = doc.opening[j]
            close = doc.by_start.get(quote.close, end) if quote.close is not None else end
            rest = _strip_span(doc, close + 1, end)
            if not doc.is_term(quote) or (rest is None and (j == i or doc.tokens[j - 1].norm == ":")):
                return "quote", j
            j = max(close + 1, j + 1)
            continue
        if j in doc.inside:
            j += 1
            continue
        if token.norm in doc.lex.complementisers:
            return "clause", j
        if token.norm == ":":
            return "colon", j
        if preps and j > i - 1 and j not in doc.in_named and (token.norm in preps or (
            token.kind == "word" and token.norm not in doc.lex.title_words
            and any(p in token.proclitics.split("+") for p in preps if len(p) == 1)
        )):
            if j + 1 < end and doc.tokens[j + 1].norm in doc.lex.complementisers:
                return "clause", j + 1
            later = next((k + 1 for k in range(j + 1, end - 1) if k not in doc.inside and doc.tokens[k].norm == token.norm
                          and doc.tokens[k + 1].norm in doc.lex.complementisers), None)
            return ("clause", later) if later else ("prep", j)
        j += 1
    return None


def _is_adverb(doc: _Doc, i: int) -> bool:
    """An adverb between a verb and its subject: أمس، مجددا, or a time noun before one (الأسبوع الماضي)."""
    norm = doc.tokens[i].norm
    return norm in doc.lex.adverbs or (norm in TIME_NOUNS and i + 1 < len(doc.tokens) and doc.tokens[i + 1].norm in doc.lex.adverbs)


def _after_adverbs(doc: _Doc, cue: _Cue, end: int) -> int:
    i = cue.end
    while i < end and (
        _is_adverb(doc, i)
        or (doc.tokens[i].norm in doc.lex.forms and doc.lex.forms[doc.tokens[i].norm].participle)
    ):
        i += 1
    return i


def _verb_statement(doc: _Doc, cue: _Cue, end: int, para: int) -> tuple[_Draft, int] | None:
    """The statement a verb or participle cue introduces, and the last token it claims."""
    form = cue.form
    i = _after_adverbs(doc, cue, end)
    marker = _content_marker(doc, cue, i, end)
    draft = dict(para=para, cue_start=doc.tokens[cue.index].start, cue_end=doc.tokens[cue.end - 1].end,
                 lemma=cue.lemma, cls=cue.cls, gender=form.gender, number=form.number)
    if marker is None:
        return _nominal_or_preceding(doc, cue, i, end, draft)
    how, at = marker
    subject = _subject_from_region(doc, i, at, form.relay) if at > i and not form.participle else None
    if subject is not None and _addressed_object(doc, cue, subject[0]):
        subject = None
    if subject is not None and form.takes_object:
        subject = (subject[0], _object_start(doc, *subject) or subject[1])
    if how == "clause":
        token = doc.tokens[at]
        first = at + 1 if token.norm in {"ان", "بان"} else at
        span = _strip_span(doc, first, end)
        if span is None:
            return None
        kind, start, stop, quoted = _content_kind(doc, *span, "indirect")
    elif how == "colon":
        span = _strip_span(doc, at + 1, end) or _quotation_after(doc, end)
        if span is None:
            return None
        kind, start, stop, quoted = _content_kind(doc, *span, "direct")
        if not quoted:
            quoted = [(start, stop)]
    elif how == "quote":
        start, stop = _inner(doc, doc.opening[at])
        kind, quoted = "direct", [(start, stop)]
        end = doc.by_start.get(doc.opening[at].close, end - 1) + 1 if doc.opening[at].close is not None else end
    else:  # prep
        span = _strip_span(doc, at, end)
        if span is None:
            return None
        opens = doc.opening.get(at + 1) if doc.tokens[at].norm in {"ب", "ل"} else None
        spoken = doc.tokens[at + 1].start if opens is not None and not doc.names_actor(opens) else None  # not أشاد بـ«ناتو»
        kind, start, stop, quoted = _content_kind(doc, *span, doc.lex.nominal_kind(cue.cls) or "speech_act", spoken)
    return _Draft(kind=kind, start=start, end=stop, quoted=quoted, subject=subject, **draft), end


def _quotation_after(doc: _Doc, i: int) -> tuple[int, int] | None:
    """Tokens of the quotation that opens at token i (the next paragraph after ``وتابع قائلا:``)."""
    quote = doc.opening.get(i)
    if quote is None or doc.is_term(quote):
        return None
    close = doc.by_start.get(quote.close, len(doc.tokens) - 1) if quote.close is not None else None
    if close is None:
        close = i + 1
        while close < len(doc.tokens) and doc.inside.get(close) is quote:
            close += 1
        return i, close
    return i, close + 1


def _nominal_or_preceding(doc: _Doc, cue: _Cue, i: int, end: int, draft: dict) -> tuple[_Draft, int] | None:
    """No content marker: a quotation just before the cue («…»، قال الوزير), or a noun-phrase object."""
    k = cue.index - 1
    while k >= 0 and doc.tokens[k].norm == COMMA:
        k -= 1
    quote = doc.closing.get(k)
    if quote is not None and not doc.is_term(quote):
        start, stop = _inner(doc, quote)
        subject = _subject_from_region(doc, i, end) if i < end else None
        return _Draft(kind="direct", start=start, end=stop, quoted=[(start, stop)], subject=subject, **draft), end
    nominal = doc.lex.nominal_kind(cue.cls)
    if nominal is None or cue.form.clause_only or i >= end:
        return None
    subject = None
    if doc.starts_speaker(i) and not cue.form.participle and not _addressed_object(doc, cue, i):
        stop = _noun_phrase(doc, i, end)
        subject, i = (i, stop), stop
        i = _after_adverbs(doc, _Cue(i - 1, i, None, "", ""), end)
    span = _strip_span(doc, i, end)
    if span is None:
        return None
    kind, start, stop, quoted = _content_kind(doc, *span, nominal)
    return _Draft(kind=kind, start=start, end=stop, quoted=quoted, subject=subject, **draft), end


def _addressed_object(doc: _Doc, cue: _Cue, i: int) -> bool:
    """وطالبت مجلس الأمن بـ…: after a feminine verb that addresses someone (directive, critical), a
    masculine singular title or institution is the object, and the subject is dropped."""
    head = doc.tokens[i]
    base = _base(head)
    common_noun = doc.is_head(head) or (head.has_article and doc.entity_type.get(i) != "GPE")  # not دعت الكويت
    return (cue.form.gender == "f" and cue.form.number == "sg" and cue.cls in ADDRESSING_CLASSES and common_noun
            and not base.endswith(("ة", "ات", "ون", "ين", "اء")) and base not in doc.lex.anonymous_heads)


def _source_statement(doc: _Doc, cue: _Cue, lo: int, hi: int, para: int) -> tuple[_Draft, int] | None:
    """بحسب / وفقا لـ / نقلا عن X: fronted (وبحسب الوزير، فإن …) or trailing (…، بحسب الوزير)."""
    i = cue.end
    relay: tuple[str, ...] = ()
    if i + 1 < hi and doc.tokens[i].norm in {"ما", "لما"} and doc.tokens[i + 1].norm in doc.lex.forms:
        relay = doc.lex.forms[doc.tokens[i + 1].norm].relay
        i += 2
        while i < hi and doc.tokens[i].norm in RESUMPTIVE_PREPOSITIONS:
            i += 1
    j = i
    while j < hi and doc.tokens[j].norm not in {COMMA, ".", ";"} | doc.lex.complementisers | FA_COMPLEMENTISERS:
        j += 1
    if j == i:
        return None
    if i >= hi:
        return None
    relayed = _relayed_source(doc, i, j, relay)
    if relayed:
        i = relayed[0]
    first = doc.tokens[i]
    if not (any(doc.starts_speaker(k) for k in range(i, min(i + 3, j))) or i in doc.opening
            or _base(first) in doc.lex.addressees):
        return None
    subject = (i, _noun_phrase(doc, i, j)) if doc.starts_speaker(i) else (i, j)
    subject = (subject[0], max(subject[1], min(j, subject[0] + 1)))
    subject = (subject[0], j) if j - subject[0] <= 8 else subject
    draft = dict(para=para, cue_start=doc.tokens[cue.index].start, cue_end=doc.tokens[cue.end - 1].end,
                 lemma=cue.lemma, cls=cue.cls, subject=subject)
    fronted = all(doc.tokens[k].norm in SENTENCE_CONNECTORS | {"و", "ف"} for k in range(lo, cue.index))
    if fronted:
        k = j
        while k < hi and doc.tokens[k].norm in {COMMA} | FA_COMPLEMENTISERS:
            k += 1
        span = _strip_span(doc, k, hi)
        claim_end = hi
    else:
        span = _strip_span(doc, lo, cue.index)
        claim_end = j
    if span is None:
        return None
    kind, start, stop, quoted = _content_kind(doc, *span, "indirect")
    return _Draft(kind=kind, start=start, end=stop, quoted=quoted, **draft), claim_end


# --- speakers -------------------------------------------------------------------------------------


class _Speakers:
    """Resolve mentions to speakers: same title or name → same speaker; dropped subjects continue."""

    def __init__(self, doc: _Doc):
        self.doc = doc
        self.all: list[Speaker] = []
        self.recent: list[Speaker] = []  # most recent last

    def _core(self, i: int, j: int) -> list[tuple[object, bool]]:
        """Mention words before a relative clause (الذي رفض …), each with whether it is in brackets."""
        out, depth = [], 0
        for k in range(i, j):
            token = self.doc.tokens[k]
            if token.norm in RELATIVE_PRONOUNS:
                break
            depth += token.norm == "("
            depth -= token.norm == ")" and depth > 0
            if token.kind == "word" and not token.is_stop:
                out.append((token, depth > 0))
        return out

    def _anonymous(self, i: int, j: int, core: list) -> bool:
        words = [t.norm for t in self.doc.tokens[i:j] if t.kind == "word"]
        for marker in self.doc.lex.anonymity_markers:
            for s in range(len(words) - len(marker) + 1):
                if all(w == m or (m.endswith("ه") and w in {m[:-1] + x for x in ("ها", "هم", "هما")})
                       for w, m in zip(words[s:], marker)):
                    return True
        return bool(core) and _base(core[0]) in self.doc.lex.anonymous_heads

    def label(self, i: int, j: int) -> str:
        """Readable mention text: no relative clause, no quote marks or trailing punctuation."""
        k = i
        while k < j and self.doc.tokens[k].norm not in RELATIVE_PRONOUNS:
            k += 1
        first = self.doc.tokens[i]
        # a source phrase's ل is not part of the name: وفقا لمسؤولين → مسؤولين
        skip = 1 if first.kind == "word" and first.proclitics == "ل" and not first.norm.startswith("لل") else 0
        text = self.doc.text[first.start + skip : self.doc.tokens[k - 1].end] if k > i else ""
        return "".join(c for c in text if c not in QUOTE_CHARS).strip(" ،,.:")

    def mention(self, i: int, j: int, gender: str, number: str) -> Speaker:
        """The speaker an explicit mention (tokens [i, j)) refers to, created if new."""
        # extend over a following relative clause for anonymity markers (المسؤول الذي رفض …)
        core = self._core(i, j)
        words = [t for t, _ in core]
        keys = [_keys(t) for t in words]
        bases = set().union(*keys) if keys else set()
        head = keys[0] if keys else set()
        definite = bool(words) and (words[0].has_article or (len(words) > 1 and words[1].has_article) or not self.doc.is_head(words[0]))
        # names outside brackets: (ناتو) after a title names the organisation, not the person
        name_keys = [_keys(t) for t, bracketed in core if not bracketed and self.doc.is_name(t)]
        names = set().union(*name_keys) if name_keys else set()
        label = self.label(i, j)
        # a state or organisation (الكويت) is not the person whose title names it (أمير الكويت)
        actor = bool(words) and any(self.doc.tokens[k] is words[0] and self.doc.entity_type.get(k) in ("GPE", "ORG") for k in range(i, j))
        found = None
        for speaker in reversed(self.recent):
            same_head = bool(head & (speaker.heads | speaker.names)) or (
                bool(words) and not self.doc.is_head(words[0]) and not actor and bool(head & speaker.bases)
            )
            covered = bool(keys) and all(k & speaker.bases for k in keys)
            if covered and same_head and (definite or label in speaker.labels):
                found = speaker
                break
            names_only = bool(name_keys) and len(name_keys) == len(keys)
            if names_only and all(k & speaker.names for k in name_keys) or (
                speaker.bases and speaker.bases == speaker.names and speaker.names <= names
            ):
                found = speaker
                break
        if found is None:
            found = Speaker(key=len(self.all))
            self.all.append(found)
        found.mentions.append(self.doc.span(i, j))
        found.bases |= bases
        found.heads |= head
        found.names |= names
        found.labels.append(label)
        found.anonymous = found.anonymous or self._anonymous(i, j, words)
        found.gender = found.gender or gender
        found.number = found.number or number
        return found

    def continuing(self, gender: str, number: str) -> Speaker | None:
        """The last speaker compatible with the verb's gender and number (وأضافت → a woman)."""
        for speaker in reversed(self.recent):
            if (not gender or not speaker.gender or speaker.gender == gender) and (
                number != "pl" or speaker.number in {"", "pl"}
            ):
                return speaker
        return self.recent[-1] if self.recent else None

    def spoke(self, speaker: Speaker) -> None:
        if speaker in self.recent:
            self.recent.remove(speaker)
        self.recent.append(speaker)


# --- the article ----------------------------------------------------------------------------------


def _sentence_statements(doc: _Doc, speakers: _Speakers, lo: int, hi: int, para: int, last_para: list[int]) -> list[_Draft]:
    """All statements of one sentence (tokens [lo, hi)), speakers resolved, in reading order."""
    cues = _find_cues(doc, lo, hi)
    cues_at = {c.index: c for c in cues}
    drafts: list[_Draft] = []
    claimed_until = lo
    for cue in cues:
        if cue.index < claimed_until:
            continue
        end = _clause_end(doc, cues_at, cue.end, hi)
        if cue.form is None:
            result = _source_statement(doc, cue, claimed_until, end, para)
        else:
            if cue.form.participle and cue.index > lo and (cue.index - 1) in cues_at:
                continue  # وتابع قائلا: absorbed by the verb
            result = _verb_statement(doc, cue, end, para)
        if result is None:
            continue
        draft, claim_end = result
        if drafts and drafts[-1].start <= draft.start < drafts[-1].end:
            continue
        if draft.subject is None and _not_a_report(doc, cue, lo, claimed_until):
            continue
        _resolve(doc, speakers, draft, cue, claimed_until, drafts)
        drafts.append(draft)
        claimed_until = max(claim_end, cue.end)
    drafts += _continuation_quotes(doc, speakers, lo, hi, para, drafts, last_para)
    return drafts


def _not_a_report(doc: _Doc, cue: _Cue, lo: int, claimed_until: int) -> bool:
    """A subjectless imperfect that is no one's report: an impersonal formula first in its sentence
    (ويذكر أن، يشار إلى أن) or a verb describing the noun before it (مشروع قرار … يطالب بوقف …)."""
    form = cue.form
    if form is None or not form.imperfect:
        return False
    token = doc.tokens[cue.index]
    bare = token.norm[1:] if token.norm[:1] in "وف" and token.norm[1:] in doc.lex.forms else token.norm
    opens = all(doc.tokens[k].norm in SENTENCE_CONNECTORS | {"و", "ف"} for k in range(lo, cue.index))
    if opens:
        return bare in doc.lex.impersonal
    prev = doc.tokens[cue.index - 1]
    describes = prev.kind == "word" and prev.norm not in CLAUSE_OPENERS and token.norm[:1] not in "وف"
    return describes and _fronted_subject(doc, claimed_until, cue.index) is None


def _resolve(doc: _Doc, speakers: _Speakers, draft: _Draft, cue: _Cue, lo: int, before: list[_Draft]) -> None:
    """Give the draft its speaker: explicit subject, fronted subject, the sentence's speaker, or the last one."""
    subject = draft.subject
    source = "explicit"
    if subject is None and cue.form is not None and not cue.form.participle:
        subject = _fronted_subject(doc, lo, cue.index) or _questioned_subject(doc, lo, cue.index)
    if subject is None and cue.form is not None and cue.form.participle:
        if before:
            draft.speaker, draft.source = before[-1].speaker, "participle"
            draft.subject = before[-1].subject
        else:
            subject = _sentence_subject(doc, lo, cue.index)
            source = "participle"
    if subject is not None and subject[1] - subject[0] == 1 and doc.tokens[subject[0]].norm in doc.lex.honorific_pronouns:
        subject, source = None, "explicit"  # وقال معاليه: the person last quoted (continuation below)
    if draft.speaker is None and subject is not None:
        draft.subject = subject
        draft.speaker = speakers.mention(*subject, draft.gender, draft.number)
        draft.source = source
    if draft.speaker is None:
        draft.speaker = speakers.continuing(draft.gender, draft.number)
        draft.source = "continuation" if draft.speaker else "unknown"
    if draft.speaker is not None:
        speakers.spoke(draft.speaker)


def _continuation_quotes(doc, speakers, lo, hi, para, drafts, last_para) -> list[_Draft]:
    """A sentence that opens with a long quotation and no verb continues the last speaker's words."""
    if lo not in doc.opening or any(d.start <= doc.tokens[lo].end <= d.end + 1 for d in drafts):
        return []
    quote = doc.opening[lo]
    if doc.is_term(quote) or doc.words_in(quote) < doc.lex.min_continuation_words or not speakers.recent:
        return []
    if not last_para or last_para[0] < para - 1:
        return []
    start, stop = _inner(doc, quote)
    speaker = speakers.recent[-1]
    draft = _Draft(kind="direct", para=para, start=start, end=stop, quoted=[(start, stop)], cue_start=quote.open,
                   cue_end=quote.open + 1, lemma="", cls="continuation", speaker=speaker, source="continuation")
    return [draft]


def _headline(doc: _Doc, speakers: _Speakers) -> tuple[list[_Draft], _Draft | None]:
    """The headline form «X»: … / X: «…». A quoted content is a direct statement; otherwise an attribution."""
    article = doc.article
    if article.headline is None:
        return [], None
    idx = [i for i, t in enumerate(doc.tokens) if article.headline.start <= t.start < article.headline.end]
    colon = next((i for i in idx[:9] if doc.tokens[i].norm == ":" and i not in doc.inside), None)
    if colon is None or colon == idx[0]:
        return [], None
    lo = idx[0]
    first = doc.tokens[lo]
    if first.kind == "word" and (first.norm in PREPOSITION_WORDS or first.norm in doc.lex.forms):
        return [], None
    span = _strip_span(doc, colon + 1, idx[-1] + 1)
    if span is None:
        return [], None
    kind, start, stop, quoted = _content_kind(doc, *span, "headline")
    draft = _Draft(kind=kind, para=0, start=start, end=stop, quoted=quoted, cue_start=doc.tokens[colon].start,
                   cue_end=doc.tokens[colon].end, lemma=":", cls="headline",
                   subject=_subject_from_region(doc, lo, colon) or (lo, colon))
    draft.speaker = speakers.mention(*draft.subject, "", "")
    draft.source = "headline"
    if kind == "headline":
        return [], draft
    speakers.spoke(draft.speaker)
    return [draft], None


def _claimed(doc: _Doc, lo: int, hi: int, drafts: list[_Draft]) -> bool:
    """Are all words of tokens [lo, hi) inside an earlier statement's content (a quotation announced
    at the end of the previous paragraph: وتابع قائلا: ⏎ «…»)."""
    words = [t for t in doc.tokens[lo:hi] if t.kind != "punct"]
    return bool(words) and any(d.start <= words[0].start and words[-1].end <= d.end for d in drafts)


def _analyse(article, lexicon: ReportingLexicon) -> Analysis:
    doc = _Doc(article, lexicon)
    speakers = _Speakers(doc)
    head_drafts, attribution = _headline(doc, speakers)
    drafts: list[_Draft] = list(head_drafts)
    last_para: list[int] = []
    for sentence in article.sentences:
        if sentence.sentence not in doc.sentences:
            continue
        lo, hi = doc.sentences[sentence.sentence]
        if any(d.para == 0 and doc.tokens[lo].start <= d.start < doc.tokens[hi - 1].end for d in head_drafts):
            continue
        if _claimed(doc, lo, hi, drafts[-2:]):
            continue
        found = _sentence_statements(doc, speakers, lo, hi, sentence.para, last_para)
        for draft in found:
            draft.sentence = sentence.sentence
        if found:
            last_para[:] = [sentence.para]
        drafts += found
    drafts.sort(key=lambda d: (d.start, d.cue_start))
    statements, ordered = _finish(doc, speakers, drafts)
    headline = _finish(doc, speakers, [attribution], ordered, prefix="h")[0][0] if attribution else None
    terms = _marked_terms(doc, statements)
    return Analysis(statements, ordered, terms, headline)


def _finish(doc: _Doc, speakers: _Speakers, drafts: list[_Draft], ordered: list[Speaker] | None = None,
            prefix: str = "q") -> tuple[list[Statement], list[Speaker]]:
    """Number statements and speakers in reading order and fill the table fields."""
    ordered = [] if ordered is None else ordered
    for draft in drafts:
        if draft.speaker is not None and draft.speaker not in ordered:
            ordered.append(draft.speaker)
    statements = []
    for n, d in enumerate(drafts, 1):
        speaker = d.speaker
        if speaker is not None:
            mention = _mention_for(speaker, d, doc)
            speaker_fields = dict(
                speaker=doc.text[mention[0] : mention[1]], speaker_id=f"S{ordered.index(speaker) + 1}",
                speaker_start=mention[0], speaker_end=mention[1], anonymous=speaker.anonymous,
                speaker_label=max(speaker.labels, key=len), speaker_source=d.source,
            )
        else:
            speaker_fields = dict(speaker="", speaker_id="unknown", speaker_start=None, speaker_end=None,
                                  anonymous=False, speaker_label="غير محدد", speaker_source="unknown")
        statements.append(Statement(
            doc_id=doc.article.doc_id, quote_id=f"{prefix}{n}", kind=d.kind, para=d.para, start=d.start, end=d.end,
            text=doc.text[d.start : d.end], quoted_text=" … ".join(doc.text[a:b] for a, b in d.quoted),
            quoted_spans=list(d.quoted), cue=doc.text[d.cue_start : d.cue_end], cue_lemma=d.lemma, cue_class=d.cls,
            cue_start=d.cue_start, cue_end=d.cue_end, **speaker_fields,
        ))
    return statements, ordered


def _mention_for(speaker: Speaker, draft: _Draft, doc: _Doc) -> tuple[int, int]:
    """The statement's own subject, or the speaker's latest mention before the statement
    (mentions are recorded in reading order, so a binary search finds it)."""
    if draft.subject is not None:
        return doc.span(*draft.subject)
    earlier = bisect_left(speaker.mentions, (draft.cue_start,))
    return speaker.mentions[earlier - 1] if earlier else speaker.mentions[0]


def _statement_at(statements: list[Statement], starts: list[int], longest: int, offset: int) -> str:
    """The id of the first statement (in reading order, sorted by ``starts``) whose content holds
    ``offset``; only statements starting within the ``longest`` content before it can."""
    first = bisect_left(starts, offset - longest)
    return next((s.quote_id for s in statements[first : bisect_right(starts, offset)] if s.start <= offset < s.end), "")


def _marked_terms(doc: _Doc, statements: list[Statement]) -> pd.DataFrame:
    """Every quotation that is not quoted speech: names and terms, and unattributed quotations."""
    used = {span for s in statements for span in s.quoted_spans}
    starts = [s.start for s in statements]
    longest = max((s.end - s.start for s in statements), default=0)
    rows = []
    for para, quote in doc.quotes:
        inner = _inner(doc, quote)
        if inner in used or inner[0] >= inner[1]:
            continue
        inside = _statement_at(statements, starts, longest, quote.open)
        role = "term" if quote.depth > 0 or doc.is_term(quote) else "unattributed"
        rows.append({"doc_id": doc.article.doc_id, "para": para, "start": inner[0], "end": inner[1],
                     "text": doc.text[inner[0] : inner[1]], "mark": quote.mark, "role": role, "inside_quote_id": inside})
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


# --- public API -------------------------------------------------------------------------------------


def analyse(article, lexicon: str | Path | None = None) -> Analysis:
    """Statements, speakers, marked terms and headline attribution of an article (cached)."""
    if lexicon is None and article in _ANALYSES:
        return _ANALYSES[article]
    result = _analyse(article, reporting_lexicon(lexicon))
    if lexicon is None:
        _ANALYSES[article] = result
    return result


def extract_quotes(article, lexicon: str | Path | None = None) -> list[Statement]:
    """The attributed statements of an article, in reading order."""
    return list(analyse(article, lexicon).statements)


def headline_attribution(article) -> Statement | None:
    """The headline's source in the form ``«ناتو»: …`` (kind ``headline``), or None."""
    return analyse(article).headline


def _spans_text(spans: list[tuple[int, int]]) -> str:
    return ";".join(f"{a}-{b}" for a, b in spans)


def quote_table(article) -> pd.DataFrame:
    """One row per statement: the columns of ``quotes.csv`` (quoted_spans as ``start-end;…``)."""
    rows = [{**vars(statement), "quoted_spans": _spans_text(statement.quoted_spans)} for statement in extract_quotes(article)]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("speaker_start", "speaker_end"):  # integers that may be missing (no named speaker)
        frame[column] = pd.array([row[column] for row in rows], dtype="Int64")  # not astype: that copies every column
    return frame


def marked_terms(article) -> pd.DataFrame:
    """Quoted names and terms («ناتو»، "الفيتو") and quotations nobody is said to speak."""
    return analyse(article).terms.copy()


def voice_spans(article) -> pd.DataFrame:
    """Who speaks where: quoted words ("quoted") and reported clauses ("reported") per statement."""
    return pd.DataFrame(_voice_rows(article), columns=VOICE_COLUMNS)


def _voice_rows(article) -> list[dict]:
    """The rows of :func:`voice_spans`, in text order."""
    analysis = analyse(article)
    rows = []
    items = list(analysis.statements) + ([analysis.headline] if analysis.headline else [])
    text = article.text
    for s in items:
        base = {"doc_id": s.doc_id, "quote_id": s.quote_id, "speaker_id": s.speaker_id,
                "speaker_label": s.speaker_label, "kind": s.kind}
        for a, b in s.quoted_spans:
            rows.append({**base, "voice": "quoted", "start": a, "end": b})
        cursor = s.start
        for a, b in sorted(s.quoted_spans) + [(s.end, s.end)]:
            piece_start, piece_end = cursor, min(a, s.end)
            while piece_start < piece_end and (text[piece_start].isspace() or text[piece_start] in QUOTE_CHARS):
                piece_start += 1
            while piece_end > piece_start and (text[piece_end - 1].isspace() or text[piece_end - 1] in QUOTE_CHARS | {"،", ","}):
                piece_end -= 1
            if piece_end > piece_start:
                rows.append({**base, "voice": "reported", "start": piece_start, "end": piece_end})
            cursor = max(cursor, b)
    return sorted(rows, key=lambda row: (row["start"], row["end"]))


def voice_at(article, start: int, end: int) -> tuple[str, str, str]:
    """(speaker_id, speaker_label, voice) of the text [start, end): the journalist where nobody is quoted.

    A span belongs to the voice span that covers at least half of it, quoted words before reported ones.
    """
    spans = _voice_index(article)
    length = max(end - start, 1)
    best = None
    for a, b, speaker_id, label, voice in spans:
        overlap = min(b, end) - max(a, start)
        if overlap * 2 >= length and overlap > 0:
            rank = (voice == "quoted", overlap)
            if best is None or rank > best[0]:
                best = (rank, (speaker_id, label, voice))
    return best[1] if best else JOURNALIST


_VOICE_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _voice_index(article) -> list[tuple[int, int, str, str, str]]:
    if article not in _VOICE_INDEX:
        _VOICE_INDEX[article] = [(r["start"], r["end"], r["speaker_id"], r["speaker_label"], r["voice"]) for r in _voice_rows(article)]
    return _VOICE_INDEX[article]


# --- evaluation against a gold standard -------------------------------------------------------------

GOLD_REQUIRED = ("article", "kind", "speakers")
MIN_OVERLAP = 0.5


def read_gold(path: str | Path) -> list[dict]:
    """Gold statements from JSON Lines: one object per line with ``article`` (doc_id), ``kind``,
    ``text`` (or ``start``/``end``), ``quoted`` (list of quoted words), ``cue`` and ``speakers``
    (acceptable speaker names). Raises ValueError naming the file and line on a bad record."""
    path = Path(path)
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: line {number} is not valid JSON ({exc.msg})") from None
        missing = [k for k in GOLD_REQUIRED if k not in record]
        if missing or not ("text" in record or {"start", "end"} <= set(record)):
            raise ValueError(f"{path}: line {number} lacks {', '.join(missing) or 'text (or start and end)'}")
        if record["kind"] not in KINDS:
            raise ValueError(f"{path}: line {number} has kind '{record['kind']}' (expected one of {', '.join(KINDS)})")
        records.append(record)
    return records


def _locate(article, needle: str, within: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The span of ``needle`` in the article, compared normalised and whitespace-insensitively."""
    import regex

    norm, index = _normalised_text(article)
    words = normalize(needle).split()
    if not words:
        return None
    pattern = regex.compile(r"\s+".join(regex.escape(w) for w in words))
    lo = 0
    if within is not None:
        lo = next((k for k, offset in enumerate(index) if offset >= within[0]), 0)
    match = pattern.search(norm, lo) or pattern.search(norm)
    if match is None:
        return None
    return index[match.start()], index[match.end() - 1] + 1


_NORMALISED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _normalised_text(article) -> tuple[str, list[int]]:
    from ..text.normalize import normalize_with_offsets

    if article not in _NORMALISED:
        _NORMALISED[article] = normalize_with_offsets(article.text)
    return _NORMALISED[article]


def _gold_spans(record: dict, article, where: str) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    if "start" in record and "end" in record:
        content = (int(record["start"]), int(record["end"]))
    else:
        content = _locate(article, record["text"])
        if content is None:
            raise ValueError(f"{where}: gold text not found in article '{article.doc_id}': {record['text'][:60]}")
    quoted = []
    for words in record.get("quoted") or ():
        span = _locate(article, words, content)
        if span is None:
            raise ValueError(f"{where}: quoted words not found in article '{article.doc_id}': {words[:60]}")
        quoted.append(span)
    return content, quoted


def _as_frame(predicted) -> pd.DataFrame:
    if isinstance(predicted, pd.DataFrame):
        return predicted
    rows = []
    for s in predicted:
        row = asdict(s)
        row["quoted_spans"] = _spans_text(s.quoted_spans)
        rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)


def _parse_spans(value) -> list[tuple[int, int]]:
    if not isinstance(value, str) or not value:
        return []
    return [tuple(int(x) for x in part.split("-")) for part in value.split(";")]


def _word_offsets(article, spans: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the article's word tokens inside any of ``spans``."""
    return {t.start for t in article.tokens if t.kind != "punct" and any(a <= t.start < b for a, b in spans)}


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else float("nan")
    recall = tp / n_gold if n_gold else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if n_pred and n_gold and precision + recall else (0.0 if n_pred and n_gold else float("nan"))
    return precision, recall, f1


def _speaker_ok(pred_row, names: list[str]) -> bool:
    """True when one of the acceptable names occurs in the predicted speaker label or mention."""

    def clean(text: str) -> str:
        return " ".join("".join(" " if c in QUOTE_CHARS else c for c in normalize(str(text))).split())

    said = clean(f"{pred_row['speaker_label']} {pred_row['speaker']}")
    return any(clean(name) and clean(name) in said for name in names)


def evaluate(predicted, gold, articles) -> pd.DataFrame:
    """Precision, recall and F1 of predicted statements against gold statements.

    ``predicted``: a :func:`quote_table` frame (several articles concatenated) or Statements;
    ``gold``: a JSON Lines path or records (see :func:`read_gold`); ``articles``: the annotated
    articles (Article objects, or a path for :func:`helpers.text.loading.iter_articles`).
    A prediction matches a gold statement of the same article when their contents overlap by at
    least half of the shorter one (one-to-one, largest overlaps first). Rows: ``statements`` per
    kind and overall; ``quoted_words`` (word tokens inside quote marks of direct and mixed
    statements); ``reported`` recall (gold mixed, indirect and speech-act statements found);
    ``speaker`` and ``kind`` accuracy on matched statements (a speaker is right when one of the
    gold's acceptable names occurs in the predicted label or mention).
    """
    from ..text.loading import iter_articles

    where = str(gold) if isinstance(gold, (str, Path)) else "gold"
    records = read_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    if isinstance(articles, (str, Path)):
        articles = list(iter_articles(articles))
    by_id = {a.doc_id: a for a in articles}
    frame = _as_frame(predicted)
    missing = sorted({r["article"] for r in records} - set(by_id))
    if missing:
        raise ValueError(f"{where}: no article given for doc_id(s) {', '.join(missing)}")
    frame = frame[frame["doc_id"].isin({r["article"] for r in records})]
    gold_items = []
    for n, record in enumerate(records, 1):
        content, quoted = _gold_spans(record, by_id[record["article"]], f"{where}: record {n}")
        gold_items.append((record, content, quoted))
    pairs = []
    for g_index, (record, (gs, ge), _) in enumerate(gold_items):
        for p_index, row in enumerate(frame.itertuples(index=False)):
            if row.doc_id != record["article"]:
                continue
            overlap = min(ge, row.end) - max(gs, row.start)
            shorter = min(ge - gs, row.end - row.start)
            if overlap > 0 and overlap >= MIN_OVERLAP * shorter:
                pairs.append((overlap, g_index, p_index))
    matched: dict[int, int] = {}
    used_pred: set[int] = set()
    for overlap, g_index, p_index in sorted(pairs, reverse=True):
        if g_index not in matched and p_index not in used_pred:
            matched[g_index] = p_index
            used_pred.add(p_index)
    rows = []
    pred_kinds = list(frame["kind"])

    def add(measure, kind, tp, n_pred, n_gold, accuracy=float("nan")):
        p, r, f = _prf(tp, n_pred, n_gold)
        rows.append({"measure": measure, "kind": kind, "precision": p, "recall": r, "f1": f, "accuracy": accuracy,
                     "n_predicted": n_pred, "n_gold": n_gold, "n_matched": tp})

    add("statements", "all", len(matched), len(frame), len(gold_items))
    for kind in KINDS:
        tp = sum(1 for g, p in matched.items() if gold_items[g][0]["kind"] == kind and pred_kinds[p] == kind)
        add("statements", kind, tp, pred_kinds.count(kind), sum(1 for r, _, _ in gold_items if r["kind"] == kind))
    pred_words: set[tuple[str, int]] = set()
    gold_words: set[tuple[str, int]] = set()
    for row in frame.itertuples(index=False):
        if row.kind in ("direct", "mixed"):
            pred_words |= {(row.doc_id, o) for o in _word_offsets(by_id[row.doc_id], _parse_spans(row.quoted_spans))}
    for record, _, quoted in gold_items:
        if record["kind"] in ("direct", "mixed"):
            gold_words |= {(record["article"], o) for o in _word_offsets(by_id[record["article"]], quoted)}
    add("quoted_words", "direct+mixed", len(pred_words & gold_words), len(pred_words), len(gold_words))
    reported = [g for g, (r, _, _) in enumerate(gold_items) if r["kind"] != "direct"]
    found = sum(1 for g in reported if g in matched)
    add("reported", "mixed+indirect+speech_act", found, sum(1 for k in pred_kinds if k != "direct"), len(reported))
    rows[-1]["precision"] = rows[-1]["f1"] = float("nan")  # recall only: matches may differ in kind
    records_rows = frame.to_dict("records")
    speaker_right = sum(1 for g, p in matched.items() if _speaker_ok(records_rows[p], gold_items[g][0]["speakers"]))
    kind_right = sum(1 for g, p in matched.items() if pred_kinds[p] == gold_items[g][0]["kind"])
    n = len(matched)
    for measure, right in (("speaker", speaker_right), ("kind", kind_right)):
        rows.append({"measure": measure, "kind": "accuracy", "precision": float("nan"), "recall": float("nan"),
                     "f1": float("nan"), "accuracy": right / n if n else float("nan"),
                     "n_predicted": len(frame), "n_gold": len(gold_items), "n_matched": right})
    return pd.DataFrame(rows)


# --- summaries for the notebook and reports ------------------------------------------------------

JOURNALIST_LABEL = "الصحفي"
ANONYMOUS_TAG = "مصدر مجهول"


def _word_starts(article, start: int, end: int) -> int:
    return sum(1 for t in article.tokens if t.kind != "punct" and start <= t.start < end)


def speaker_summary(article) -> pd.DataFrame:
    """One row per speaker: statements by kind, words in quote marks and in reported clauses.

    ``quoted_share``/``reported_share`` are percentages of the article's words (titles included).
    """
    table = quote_table(article)
    voices = voice_spans(article)
    voices = voices[voices.quote_id.isin(table.quote_id)]
    total = sum(1 for t in article.tokens if t.kind != "punct")
    rows = []
    for speaker_id, group in table.groupby("speaker_id", sort=False):
        spans = voices[voices.speaker_id == speaker_id]
        words = {v: sum(_word_starts(article, a, b) for a, b in zip(f.start, f.end)) for v, f in spans.groupby("voice")}
        row = {"speaker_id": speaker_id, "speaker_label": group.speaker_label.iloc[0], "anonymous": bool(group.anonymous.iloc[0]),
               "statements": len(group)}
        row |= {kind: int((group.kind == kind).sum()) for kind in KINDS}
        row |= {"quoted_words": words.get("quoted", 0), "reported_words": words.get("reported", 0)}
        row |= {"quoted_share": 100 * row["quoted_words"] / total, "reported_share": 100 * row["reported_words"] / total}
        rows.append(row)
    columns = ["speaker_id", "speaker_label", "anonymous", "statements", *KINDS, "quoted_words", "reported_words", "quoted_share", "reported_share"]
    return pd.DataFrame(rows, columns=columns)


def cue_class_counts(article) -> pd.DataFrame:
    """Statements per reporting-verb class, with the class's Arabic and English labels from the lexicon."""
    classes = reporting_lexicon().classes
    table = quote_table(article)
    counts = table.groupby("cue_class").size().sort_values(ascending=False)
    return pd.DataFrame({
        "cue_class": counts.index,
        "label_ar": [classes.get(c, {}).get("label_ar", c) for c in counts.index],
        "label_en": [classes.get(c, {}).get("label_en", c) for c in counts.index],
        "statements": counts.to_numpy(),
        "lemmas": [" ، ".join(sorted(set(table[table.cue_class == c].cue_lemma))) for c in counts.index],
    })


def voices_by_paragraph(article) -> pd.DataFrame:
    """Words per voice (each speaker, quoted or reported, and the journalist) in each paragraph.

    Rows are voices, columns paragraph numbers (0 = kicker and headline); every word of the
    article is counted once, under :func:`voice_at`.
    """
    headline = headline_attribution(article)
    records = []
    for token in article.tokens:
        if token.kind == "punct":
            continue
        speaker_id, label, voice = voice_at(article, token.start, token.end)
        if speaker_id == "journalist":
            name = JOURNALIST_LABEL
        elif headline is not None and speaker_id == headline.speaker_id and token.para == 0:
            name = f"{label} · {KIND_LABELS['headline']}"
        else:
            name = f"{label} · {'بين علامتي تنصيص' if voice == 'quoted' else 'كلام منقول'}"
        records.append((name, token.para))
    frame = pd.DataFrame(records, columns=["voice", "para"])
    table = frame.pivot_table(index="voice", columns="para", aggfunc="size", fill_value=0)
    order = [v for v in table.index if v != JOURNALIST_LABEL] + ([JOURNALIST_LABEL] if JOURNALIST_LABEL in table.index else [])
    return table.loc[order]


KIND_LABELS = {"direct": "مباشر", "mixed": "مختلط", "indirect": "غير مباشر", "speech_act": "فعل كلامي", "headline": "عنوان منسوب"}

