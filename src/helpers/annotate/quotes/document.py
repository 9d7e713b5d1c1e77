"""One article prepared for extraction (:class:`_Doc`: tokens, sentences, paired quote marks,
named actors). The records the extractor fills are :mod:`.records`'.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import compress

from ...text.morphology import (
    ARTICLE,
    CONJUNCTIONS,
    OBJECT_SUFFIXES,
    PREPOSITIONS,
    has_article,
    split_proclitics,
)
from ...text.normalize import DIACRITICS, normalize
from ...text.prepared import prepared
from ...text.quotemarks import QuoteSpan
from ...text.segment import token_fields
from ..identities import identity_names, person_name_spans
from ..matching import phrase_key
from .lexicon import (
    ACCUSATIVE_MIN_LETTERS,
    ACCUSATIVE_PARTICLES,
    BRACKET_CUE_WINDOW,
    COMMA,
    DEFINITE_HEAD_QUOTE_WORDS,
    MENTION_ENDERS,
    NAME_MAX_ZIPF,
    NAMING_HEADS,
    NUMBERED_NAME_WORDS,
    RELATIVE_PRONOUNS,
    RELAY_WORDS,
    SPEAKER_ENTITY_TYPES,
    TIME_NOUNS,
    TIME_PHRASES,
    CueForm,
    ReportingLexicon,
    _bare,
)

#: The longest quotation read as a name when the words before it name one (مجموعة «…»، في «…»).
NAMED_QUOTE_MAX_WORDS = 8
_OPEN_BRACKET = re.compile(r"\(")
_PREPOSITION_SET = frozenset(PREPOSITIONS)
#: Words a speaker's mention ends before (:func:`.mentions.mention_span`).
MENTION_STOPS = RELATIVE_PRONOUNS | MENTION_ENDERS
#: The first words of :data:`TIME_PHRASES` (الأسبوع الماضي …): where :func:`_is_adverb` tries them.
TIME_PHRASE_STARTS = frozenset(phrase[0] for phrase in TIME_PHRASES)


def _base(token) -> str:
    return _word_base(token.norm) if token.kind == "word" else token.norm


@lru_cache(maxsize=100_000)
def _word_base(norm: str) -> str:
    """A word without its proclitics and article (وبالكويت → كويت): asked of the same words again
    and again (titles, heads, names), so remembered."""
    return split_proclitics(norm)[2]


def _keys(token) -> set[str]:
    """Ways to compare a word across mentions: as written, without the article, without proclitics
    (the proclitic split is a heuristic: وزير must also match itself, not only زير)."""
    norm = token.norm
    keys = {norm, _base(token)}
    if has_article(norm):
        keys.add(norm[len(ARTICLE):])
    return keys


@lru_cache(maxsize=100_000)
def _cue_candidates(norm: str) -> tuple[str, ...]:
    """The normalised word, without و/ف, and without an object pronoun (ووصفتها → وصفت، وحث → حث):
    asked twice of every spelling of :func:`_cue_spellings`, so remembered."""
    out = [norm]
    if len(norm) >= 3 and norm[0] in CONJUNCTIONS:
        out.append(norm[1:])
    if not norm.endswith(OBJECT_SUFFIXES):  # most words carry no pronoun: all suffixes tested at once
        return tuple(out)
    return (*out, *(word[: -len(suffix)] for word in out for suffix in OBJECT_SUFFIXES
                    if word.endswith(suffix) and len(word) - len(suffix) >= 3))


@lru_cache(maxsize=100_000)
def _cue_form(lexicon: ReportingLexicon, norm: str) -> CueForm | None:
    """The form of a reporting verb or participle that a normalised word is, as written, with و/ف or
    with an object pronoun (وأكد، ووصفتها: the first of its :func:`_cue_candidates` in the lexicon),
    or None. A pronoun reading needs a verb that takes a direct object: إشادته، تعهدهم، وعده after a
    noun are verbal nouns with their possessive, not أشادت/تعهد/وعد (which take a preposition) + a
    pronoun, and زعمهم، بينهم are a noun and a preposition, not a verb that takes only a clause
    (زعم، بين) + a pronoun (أبلغهم، أخبره take their person as an object: ``object: true``); nor is a
    participle read so."""
    bare = {norm, norm[1:] if norm[:1] in CONJUNCTIONS else norm}
    for candidate in _cue_candidates(norm):
        form = lexicon.forms.get(candidate)
        if form is not None and (candidate in bare or not form.participle and not form.offers and (
            form.takes_object or not form.preps and not form.clause_only
        )):  # what قدم/وجه offer is a noun: وجهه is "his face"
            return form
    return purpose_form(lexicon, norm)


def purpose_form(lexicon: ReportingLexicon, norm: str) -> CueForm | None:
    """The present form after the ل of purpose (لتقول، ومضى ليقول، ليؤكد), or None: speech only when
    its content follows at once (see ``cues._verb_cue``)."""
    rest = norm[1:] if norm[:1] in CONJUNCTIONS else norm
    form = lexicon.forms.get(rest[1:]) if rest[:1] == "ل" and len(rest) > 3 else None
    return form if form is not None and form.imperfect else None


@lru_cache(maxsize=100_000)
def _reads_as_cue(lexicon: ReportingLexicon, norm: str) -> bool:
    """Is any of the word's :func:`_cue_candidates` a form of the lexicon (or a present after ل)?"""
    return any(c in lexicon.forms for c in _cue_candidates(norm)) or purpose_form(lexicon, norm) is not None


@lru_cache(maxsize=100_000)
def _opens_cue(lexicon: ReportingLexicon, norm: str) -> bool:
    """Can a cue start at this normalised word: a cue form, or the first word of a source phrase,
    bare or after و/ف (بحسب، ووفقا)?"""
    openers = lexicon.source_openers
    return _cue_form(lexicon, norm) is not None or norm in openers or norm[:1] in CONJUNCTIONS and norm[1:] in openers


@lru_cache(maxsize=4)
def _cue_spellings(lexicon: ReportingLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """The normalised words that read as a cue form (:func:`_reads_as_cue`) and those a cue can open
    at (:func:`_opens_cue`), so that an article's words are tested by a set look-up. Such a word is
    a form or a source phrase's first word, maybe with و/ف before it and an object pronoun after it
    (:func:`_cue_candidates`): those forms are all tried, once per lexicon and kept on disk
    (:mod:`helpers.text.prepared`, named by the lexicon file's contents)."""
    def build() -> tuple[frozenset[str], frozenset[str]]:
        words = {conjunction + word + suffix for word in (*lexicon.forms, *lexicon.source_openers)
                 for conjunction in ("", *CONJUNCTIONS) for suffix in ("", *OBJECT_SUFFIXES)}
        words |= {conjunction + "ل" + word for word, form in lexicon.forms.items() if form.imperfect for conjunction in ("", *CONJUNCTIONS)}
        return (frozenset(w for w in words if _reads_as_cue(lexicon, w)), frozenset(w for w in words if _opens_cue(lexicon, w)))

    contents = hashlib.sha256(lexicon.path.read_bytes()).hexdigest()
    return prepared("cue-spellings", (contents,), build)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names of the name finder's data file (``data/names.yaml``), normalised."""
    from ..names import load_names

    return load_names().given_names


@lru_cache(maxsize=1)
def _compound_starts() -> frozenset[str]:
    """First words of compound given names (عبد، عبدال) of ``data/names.yaml``, normalised."""
    from ..names import load_names

    return frozenset(load_names().lists["compound_starts"])


@lru_cache(maxsize=50_000)
def _rare_word(surface: str) -> bool:
    """A rare word form, most likely a name (شتولتنبرغ، بلينكن), by wordfreq's Arabic frequencies."""
    from wordfreq import zipf_frequency

    return zipf_frequency(surface, "ar") < NAME_MAX_ZIPF


class _TokenStarts(Mapping):
    """Token start offset -> token index, found by binary search in the tokens' sorted starts: an
    article asks about 30 offsets (quote marks, brackets), fewer than a dict of its ~700 tokens costs."""

    def __init__(self, starts: tuple[int, ...]):
        self.starts = starts

    def get(self, offset: int | None, default=None):
        if offset is None:
            return default  # an unclosed quotation's closing mark
        k = bisect_left(self.starts, offset)
        return k if k < len(self.starts) and self.starts[k] == offset else default

    def __contains__(self, offset) -> bool:
        return self.get(offset) is not None

    def __getitem__(self, offset: int) -> int:
        k = self.get(offset)
        if k is None:
            raise KeyError(offset)
        return k

    def __iter__(self):
        return iter(self.starts)

    def __len__(self) -> int:
        return len(self.starts)


def _runs(numbers: tuple[int, ...]) -> dict[int, tuple[int, int]]:
    """Each number of a sorted sequence -> the range [lo, hi) of its run (a sentence's tokens), each
    run's end found by one binary search instead of visiting every item."""
    runs, lo = {}, 0
    while lo < len(numbers):
        hi = bisect_right(numbers, numbers[lo], lo)
        runs[numbers[lo]] = lo, hi
        lo = hi
    return runs


def _positions(items: tuple, value) -> list[int]:
    """Where ``value`` occurs in ``items``, in order (each found by a scan in C)."""
    found, k = [], -1
    try:
        while True:
            k = items.index(value, k + 1)
            found.append(k)
    except ValueError:
        return found


class _Doc:
    """One article prepared for extraction: tokens, sentences and paired quotation marks."""

    def __init__(self, article, lexicon: ReportingLexicon):
        self.article = article
        self.text = article.text
        self.lex = lexicon
        self.actor_names = identity_names()  # the alias file's names: «عاصفة الحزم» quoted is an actor
        self.cue_readings, cue_openers = _cue_spellings(lexicon)  # words that read as a cue form, words a cue can open at
        self.tokens = article.tokens
        fields = token_fields(article)
        self.sentences = _runs(fields["sentence"])  # sentence -> its tokens [lo, hi)
        self.starts = fields["start"]
        self.by_start = _TokenStarts(self.starts)  # token start -> token index
        self.quotes: list[tuple[int, QuoteSpan]] = []  # (para, quote)
        para = 0
        for (role, block), paired in zip(article.blocks, article.quote_pairs):
            para += role == "body"
            marks = self._narration_resumes(paired.quotes)
            self.quotes += [(para, quote) for quote in marks + self._speech_brackets(block.start, block.end, marks)]
        self.top = sorted((q for _, q in self.quotes if q.depth == 0), key=lambda q: q.open)
        self.top_opens = [q.open for q in self.top]
        self.inside: dict[int, QuoteSpan] = {}  # token index -> enclosing top-level quote
        for quote in self.top:
            self.inside.update(dict.fromkeys(self._token_range(quote.open, quote.outer_end), quote))
        self.opening = {self.by_start[q.open]: q for q in self.top if q.open in self.by_start}
        #: Words outside quotations that may open a cue (a cue form or a source phrase's first word):
        #: the only tokens the cue finder has to try, in text order.
        norms = fields["norm"]
        kinds = self.kinds = fields["kind"]  # word, number or punct, per token
        maybe = compress(range(len(norms)), map(cue_openers.__contains__, norms))  # the set tried in C
        self.cue_words = [i for i in maybe if kinds[i] == "word" and i not in self.inside]
        self.accusative_heads = self._accusative_heads()  # token starts of heads after إن/أن/لكن: مسؤولا
        self.entity_type: dict[int, str] = {}  # token index -> GPE/ORG/PERSON of the named actor starting there
        self.entity_offset: dict[int, int] = {}  # token index -> where that actor's name starts (لحلف: after ل)
        self.governed_names: set[int] = set()  # named actors whose word opens with ب، ل or ك
        self.entity_end = self._entity_names()
        self.in_named = {k for start, end in self.entity_end.items() for k in range(start + 1, end)}  # بايدن of جو بايدن
        self.closing = {self.by_start[q.close]: q for q in self.top if q.close is not None and q.close in self.by_start}
        self.mention_spans: dict[tuple[int, int], tuple[int, int]] = {}  # tokens [i, j) -> :func:`.mentions.mention_span`
        self.mention_cuts: dict[int, int] = {}  # a mention's first word -> where it ends (recurring.py)
        #: Tokens after which a cue's clause may end: commas outside quotations and closing quote marks, in text order.
        self.clause_stops = sorted([k for k in _positions(norms, COMMA) if k not in self.inside] + list(self.closing))

    def _narration_resumes(self, marks: list[QuoteSpan]) -> list[QuoteSpan]:
        """A paragraph's quotations, an unclosed one ending where the narration resumes inside it: at a
        reporting word after a comma or full stop, followed by its complementiser or preposition
        (…، مبينًا أن …، . وأكد أن …). Outlets leave the closer out there; 209 of SaudiNewsNet's
        2,078 unclosed quotations hold such a word, which ran to the paragraph's end and hid every
        statement after it. Quotations nested after that point move out to the top."""
        cuts = {}  # an unclosed quotation's opener -> where its words now end
        for quote in marks:
            if quote.depth == 0 and quote.unclosed:
                tokens = self._token_range(quote.start, quote.end)
                end = next((self.tokens[k - 1].start for k in tokens[2:] if self._resumes_narration(k)), None)
                if end is not None:
                    while end > quote.start and self.text[end - 1].isspace():
                        end -= 1
                    cuts[quote.open] = (end, quote.end)
        if not cuts:
            return marks

        def moved(quote: QuoteSpan) -> QuoteSpan:
            if quote.open in cuts and quote.depth == 0:
                return replace(quote, end=cuts[quote.open][0])
            if quote.depth > 0 and any(cut <= quote.open < old_end for cut, old_end in cuts.values()):
                return replace(quote, depth=quote.depth - 1)
            return quote

        return [moved(quote) for quote in marks]

    def _resumes_narration(self, k: int) -> bool:
        """Token k is a reporting word after a comma or full stop and before its complementiser or
        preposition, or a verb after a full stop and before its titled subject (. وأضاف رئيس الحكومة
        «…»; see :meth:`_narration_resumes`)."""
        before, after = self.tokens[k - 1], self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        form = self.cue_form(self.tokens[k])
        return form is not None and before.norm in (COMMA, ".") and after is not None and (
            after.norm in self.lex.complementisers or after.norm in form.preps
            or before.norm == "." and not form.participle and _base(after) in self.lex.speaker_heads)  # . وأضاف رئيس الحكومة

    def _speech_brackets(self, lo: int, hi: int, marks: list[QuoteSpan]) -> list[QuoteSpan]:
        """Brackets that some outlets use as quote marks (وقال البيان (إن …)، تقول (لن أستسلم)): a
        bracket of several words, outside any quotation, opened a few words after a reporting cue
        of its sentence and closed at the end of a clause (or, never closed, ending with its sentence)."""
        found = []
        for open_at in (match.start() for match in _OPEN_BRACKET.finditer(self.text, lo, hi)):
            close_at = self.text.find(")", open_at, hi)
            i = self.by_start.get(open_at)
            if i is None or any(q.open < open_at < q.outer_end for q in marks):
                continue
            after = self.text[close_at + 1 : hi].lstrip()[:1] if close_at != -1 else ""  # unclosed: to its sentence's end
            last = self.sentences[self.tokens[i].sentence][1] - 1
            while last > i and self.tokens[last].kind == "punct":
                last -= 1
            inner_end = close_at if close_at != -1 else self.tokens[last].end
            words = sum(1 for t in self.tokens[i + 1 : i + 1 + len(self._token_range(open_at + 1, inner_end))] if t.kind == "word")
            sentence = self.tokens[i].sentence
            before = [t for t in self.tokens[max(0, i - BRACKET_CUE_WINDOW) : i] if t.sentence == sentence]
            if words >= self.lex.min_continuation_words and after in {"", ".", "،", ",", "؛", "!", "؟", "”", "»", '"'} and any(
                self.is_cue_word(t) for t in before
            ) and not any(t.norm in {"(", ")"} for t in before):
                found.append(QuoteSpan(open_at, None if close_at == -1 else close_at, open_at + 1, inner_end, "(", 0))
        return found

    def _entity_names(self) -> dict[int, int]:
        """Token index -> token end of each named actor (الولايات المتحدة، واشنطن) from the gazetteer,
        and of each person of the alias file."""
        from ..entities import find_entities

        ends = {}
        mentions = find_entities(self.article)
        self.name_spans = sorted((m.start, m.end) for m in mentions if m.kind == "name")  # every type, for names_actor
        for mention in mentions:
            if mention.kind not in ("name", "partial") or mention.type not in SPEAKER_ENTITY_TYPES:
                continue  # a person's later mention by surname (هادي، السيسي) names a speaker too
            tokens = self._covering_range(mention.start, mention.end)
            if len(tokens):
                self._mark_name(ends, tokens, mention.start, mention.type)
        named = {k for start, end in ends.items() for k in range(start, end)}
        for start, end, _ in person_name_spans(self.article):  # the alias file's people, titled or not (أردوغان أعلن)
            tokens = self._covering_range(start, end)
            if len(tokens) and named.isdisjoint(tokens) and not (tokens.start and self.given_name(tokens.start - 1)):
                self._mark_name(ends, tokens, start, "PERSON")  # not the family name of another (جواد هادي عباس)
        return ends

    def _mark_name(self, ends: dict[int, int], tokens: range, start: int, entity_type: str) -> None:
        """Record the named actor over ``tokens`` whose name starts at character ``start``; with a
        preposition on its first word (بباريس، لإيران) it is governed, not a subject."""
        ends[tokens.start] = tokens.stop
        self.entity_type[tokens.start] = entity_type
        self.entity_offset[tokens.start] = start
        if not _PREPOSITION_SET.isdisjoint(self.text[self.tokens[tokens.start].start:start]):
            self.governed_names.add(tokens.start)

    def starts_speaker(self, i: int) -> bool:
        """Can a speaker noun phrase start at token i: a title, an institution, a name or a named actor
        (not one after the preposition ب، ل or ك: بباريس، لإيران)."""
        return (i in self.entity_end and i not in self.governed_names or self.is_head(self.tokens[i])
                or self.is_name(self.tokens[i]) or self.given_name(i))

    def _accusative_heads(self) -> frozenset[int]:
        """Starts of indefinite heads in the accusative after إن/أن/لكن (إلا أن مسؤولا | آخر أشار، لكن
        مصدرا قال): heads there, though elsewhere مسؤولا، تقريرا are predicates or objects."""
        found = set()
        for i in range(1, len(self.tokens)):
            token = self.tokens[i]
            base = _base(token) if token.kind == "word" and not token.has_article else ""
            if base.endswith("ا") and base[:-1] in self.lex.speaker_heads and self.tokens[i - 1].norm in ACCUSATIVE_PARTICLES:
                found.add(token.start)
        return frozenset(found)

    def given_name(self, i: int) -> bool:
        """A given name of ``data/names.yaml`` (جون، خالد) followed by another word that is not a
        title or a cue: the family name (جون كيري، خالد العطية، عبد الله بن …)."""
        token = self.tokens[i]
        if token.kind != "word" or token.has_article or _base(token) not in _given_names() or i + 1 >= len(self.tokens):
            return False
        if not token.surface.rstrip(DIACRITICS).endswith(token.norm[-1:]):
            return False  # على written with alif maqsura is the preposition, not علي
        nxt = self.tokens[i + 1]
        return (nxt.kind == "word" and not nxt.is_stop and not self.is_cue_word(nxt) and not self.is_head(nxt)
                and _base(nxt) not in self.lex.title_words and nxt.norm not in self.lex.title_words)

    def top_between(self, start: int, end: int) -> list[QuoteSpan]:
        """Top-level quotations that open in [start, end), in text order."""
        return self.top[bisect_left(self.top_opens, start) : bisect_left(self.top_opens, end)]

    def _token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that start in [start, end) (binary search: tokens are in text order)."""
        first = bisect_left(self.starts, start)
        return range(first, bisect_left(self.starts, end, lo=first))

    def _covering_range(self, start: int, end: int) -> range:
        """Indices of the tokens that overlap [start, end): also the word whose proclitic comes before
        a name (والولايات المتحدة، لمجلس التعاون, whose mention starts after و or ل)."""
        first = bisect_right(self.starts, start) - 1
        if first < 0 or self.tokens[first].end <= start:
            first += 1
        return range(first, bisect_left(self.starts, end, lo=first))

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character span of tokens [i, j)."""
        return self.tokens[i].start, self.tokens[j - 1].end

    def words_in(self, quote: QuoteSpan) -> int:
        tokens = self._token_range(quote.start, quote.end)
        return len(tokens) - self.kinds[tokens.start : tokens.stop].count("punct")  # counted in C

    def is_head(self, token) -> bool:
        return token.kind == "word" and (_base(token) in self.lex.speaker_heads or token.norm in self.lex.speaker_heads
                                         or token.start in self.accusative_heads)

    def is_name(self, token) -> bool:
        if token.kind != "word" or token.is_stop or token.has_article or len(token.norm) < 3:
            return False
        clitic_letters = len(token.proclitics.replace("+", ""))
        return token.norm not in self.cue_readings and _rare_word(token.surface[clitic_letters:])

    def is_term(self, quote: QuoteSpan) -> bool:
        """A quoted name or term: short, a known name, or after a naming noun (مبادرة «…») or a bare لـ/بـ."""
        words = self.words_in(quote)
        if words <= self.lex.max_term_words or self.names_actor(quote) or self._numbered_name(quote, words):
            return True
        return bool(self._named_by_context(quote, words))

    def _numbered_name(self, quote: QuoteSpan, words: int) -> bool:
        """A short quotation with a number in it names something («5 + 1»، «جنيف - 3»، «اللواء 15»)."""
        return words <= NUMBERED_NAME_WORDS and any(
            any(c.isdigit() for c in self.tokens[k].norm) for k in self._token_range(quote.start, quote.end))

    def own_word(self, quote: QuoteSpan) -> bool:
        """A single quoted word inside what someone says that is their word, not a name: تركيا
        «مستعدة»، من "تسييس" (not «ناتو», not «أرامكو», not مبادرة «…», not وعلمت «الراي»)."""
        if self.words_in(quote) > self.lex.max_term_words or self.names_actor(quote) or self.rare_words(quote):
            return False
        if not any(self.tokens[k].kind == "word" for k in self._token_range(quote.start, quote.end)):
            return False  # a number in marks (النسخة المقبلة "23") is a name, not words
        before = self.by_start.get(quote.open, 0) - 1
        if before >= 0 and self.is_cue_word(self.tokens[before]):
            return False  # the verb's subject: وعلمت «الراي»
        return self._named_by_context(quote, 1) is None

    def _named_by_context(self, quote: QuoteSpan, words: int) -> bool | None:
        """What the words before a quotation say: a name (True), the speaker's words (False), or nothing (None)."""
        before = self.by_start.get(quote.open, 0) - 1
        if before > 0 and self.tokens[before].norm == ":" and _base(self.tokens[before - 1]) in NAMING_HEADS:
            before -= 1  # تحت عنوان: «إحصاء تكلفة دعم الطاقة»
        if before < 0:
            return None
        head = before  # past definite adjectives to a definite term head: التمرين المشترك «…»، المناورات البحرية "…"
        while head > 0 and before - head < 2 and self.tokens[head].has_article and _base(self.tokens[head]) not in self.lex.term_heads:
            head -= 1
        if head < before and self.tokens[head].has_article and _base(self.tokens[head]) in self.lex.term_heads:
            return words <= NAMED_QUOTE_MAX_WORDS  # a head and its adjective, then a name: not apposed words
        prev = self.tokens[before]
        after = self.by_start.get(quote.close, -1) + 1 if quote.close is not None else 0
        if prev.norm == "عن" and 0 < after < len(self.tokens) and self.tokens[after].norm in RELAY_WORDS:
            return words <= NAMED_QUOTE_MAX_WORDS  # نقلت الوكالة عن «مسؤول في الأجهزة الأمنية» قوله: the source
        if prev.norm == "و" and before > 0 and (before - 1) in self.closing and self.is_term(self.closing[before - 1]):
            return words <= NAMED_QUOTE_MAX_WORDS  # حزبي «العدالة والتنمية» و«الشعب الجمهوري»: a second name
        dual = _base(prev)[:-1] if _base(prev).endswith("ي") and not prev.has_article else ""  # حزبي، وفدي: two of them
        if prev.kind == "word" and (_base(prev) in self.lex.term_heads or prev.norm in self.lex.term_heads or dual in self.lex.term_heads):
            # a name follows its noun in construct (مجموعة «بريكس»); after المجموعة it is apposed words
            return words <= NAMED_QUOTE_MAX_WORDS and not (prev.has_article and words >= DEFINITE_HEAD_QUOTE_WORDS)
        if prev.norm in self.lex.term_prepositions and before > 0 and self._names_someone(before - 1):
            return words <= NAMED_QUOTE_MAX_WORDS  # مشاركون في «ملتقى …»، شكري في «حوار …»: a body or an event
        if prev.norm in {"ل", "ب"} and before > 0 and self.is_cue_word(self.tokens[before - 1]):
            return False  # ندد بـ«…», وصفته بـ"…": the quoted words are the speaker's
        if prev.norm in {"ل", "ب"}:
            return words <= 4
        return None

    def _names_someone(self, k: int) -> bool:
        """Token k is a speaker's head word or ends a name (عضو، مشاركون، سامح شكري)."""
        token = self.tokens[k]
        return self.is_head(token) or self.is_name(token) or k in self.in_named or k in self.entity_end

    def rare_words(self, quote: QuoteSpan) -> bool:
        """Are all the quotation's words rare (a name: «أرامكو»، "الفيتو") rather than everyday words?"""
        inner = [self.tokens[k] for k in self._token_range(quote.start, quote.end) if self.tokens[k].kind == "word"]
        return bool(inner) and all(_rare_word(t.surface[len(t.proclitics.replace("+", "")):]) for t in inner)

    def names_actor(self, quote: QuoteSpan) -> bool:
        """Are the quotation's words exactly a name of the gazetteer, the name finder or the alias
        file («ناتو»، «مبادرة إسطنبول للتعاون»، «عاصفة الحزم»)?"""
        start, end = _inner(self, quote)
        lo, hi = bisect_left(self.name_spans, (quote.start,)), bisect_right(self.name_spans, (start, float("inf")))
        return any(m_end >= end for _, m_end in self.name_spans[lo:hi]) or phrase_key(self.text[start:end]) in self.actor_names

    def is_cue_word(self, token) -> bool:
        """Is the word a reporting verb in any reading, its pronoun readings included (أعلنه، وعدتها):
        such a word ends a name or a speaker phrase even where it opens no statement."""
        return token.kind == "word" and token.norm in self.cue_readings

    def cue_form(self, token) -> CueForm | None:
        """The cue form a word is (see :func:`_cue_form`), or None."""
        return _cue_form(self.lex, token.norm) if token.kind == "word" else None

    def cue_words_in(self, lo: int, hi: int) -> list[int]:
        """:attr:`cue_words` among tokens [lo, hi)."""
        return self.cue_words[bisect_left(self.cue_words, lo) : bisect_left(self.cue_words, hi)]

    def is_addressee(self, i: int) -> bool:
        """للصحافيين، لوكالة …، لـ «الراي»: the person or outlet spoken to, which ends a subject."""
        token = self.tokens[i]
        if token.norm == "ل" and i + 1 in self.opening:
            inner = _bare(normalize(self.text[self.opening[i + 1].start : self.opening[i + 1].end]).split())
            return bool(inner & self.lex.addressees)
        if _base(token) in self.lex.addressees and "ل" in split_proclitics(token.norm)[0].split("+"):
            return True
        return token.norm.startswith("ل") and token.norm[1:] in self.lex.addressees  # لبي بي سي


def _inner(doc: _Doc, quote: QuoteSpan) -> tuple[int, int]:
    """The words inside a quotation's marks, without surrounding spaces."""
    start, end = quote.start, quote.end
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return start, end


def _is_adverb(doc: _Doc, i: int) -> bool:
    """An adverb between a verb and its subject: أمس، مجددا, or a time noun before one (الأسبوع الماضي)."""
    norm = doc.tokens[i].norm
    if i > 0 and doc.is_head(doc.tokens[i - 1]) and doc.given_name(i) and doc.tokens[i + 1].norm not in doc.lex.adverbs:
        return False  # الشيخ صباح الأحمد: a given name after a title, not صباح أمس
    if norm in doc.lex.adverbs or (norm in TIME_NOUNS and i + 1 < len(doc.tokens) and doc.tokens[i + 1].norm in doc.lex.adverbs):
        return True
    if norm in TIME_PHRASE_STARTS and time_phrase_length(doc, i):
        return True
    return _accusative_adverb(doc, i)


def time_phrase_length(doc: _Doc, i: int) -> int:
    """The words of the time phrase of several words at token i (أول من أمس، قبل أيام), or 0."""
    norm = doc.tokens[i].norm
    if norm not in TIME_PHRASE_STARTS:
        return 0
    return max((len(p) for p in TIME_PHRASES if p[0] == norm and tuple(t.norm for t in doc.tokens[i : i + len(p)]) == p), default=0)


def written_word(token) -> str:
    """The token as written, without its proclitics (وأعتقد → أعتقد، وإمام → إمام): where the hamza
    that normalising erased tells words apart."""
    return token.surface[len(token.proclitics.replace("+", "")):]


def _accusative_adverb(doc: _Doc, i: int) -> bool:
    """An indefinite accusative of manner or time after a verb or a name (وأضاف مازحا، أشادت
    المستشارة ميركل مرارا، تمامًا): a bare word of five letters or more ending in the alif of
    tanween, written with its tanween or in the participle's pattern مـ…ـا (not أوباما), not a
    pronoun or plural ending, not a cue, a title or a named actor."""
    token = doc.tokens[i]
    norm = token.norm
    marked = "\u064b" in token.surface or norm.startswith("م")
    return (token.kind == "word" and marked and not token.has_article and not token.proclitics and len(norm) >= ACCUSATIVE_MIN_LETTERS
            and norm.endswith("ا") and not norm.endswith(("ها", "نا", "وا", "هما")) and i not in doc.entity_end
            and i not in doc.in_named and not doc.is_head(token) and not doc.is_cue_word(token))
