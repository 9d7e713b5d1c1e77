"""Step 3: one cue's statement: its content marker (أن/إن, colon, quotation, preposition or a
noun phrase), its content span and kind, and its subject.
"""
from __future__ import annotations

from .cues import (
    _Cue,
    _listed_form,
    _verb_cue,
)
from .document import (
    _base,
    _cue_candidates,
    _Doc,
    _inner,
    _is_adverb,
    time_phrase_length,
)
from .lexicon import (
    CLAUSE_OPENERS,
    COMMA,
    FA_COMPLEMENTISERS,
    OBJECT_NOUNS,
    RELATIVE_PRONOUNS,
    RESUMPTIVE_PREPOSITIONS,
    PREPOSITION_WORDS,
    SENTENCE_CONNECTORS,
    SPEECH_NOUN_MODIFIERS,
    SPEECH_NOUNS,
    CueForm,
)
from .mentions import (
    _strip_span,
)
from .name_parts import _indefinite_head
from .objects import (
    _addressed_object,
    _object_start,
    _offered,
    _own_words,
    _possessed_object,
)
from .records import _Draft
from .speakers import (
    _issuer,
    _affiliated_name,
    _affiliation,
    _apposed_person,
    _ba_affiliation,
    _noun_phrase,
    _relayed_source,
    _subject_from_region,
    _told_outlet,
    voiced_speaker,
)


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


#: How many words before وبين an earlier بين makes it the second half of "between X and Y".
BETWEEN_PAIR_WINDOW = 12


def _content_marker(doc: _Doc, cue: _Cue, i: int, end: int) -> tuple[str, int] | None:
    """The first token that opens the content: complementiser, colon, quotation or preposition."""
    preps = cue.form.preps if cue.form else ()
    tokens, opening, inside, complementisers = doc.tokens, doc.opening, doc.inside, doc.lex.complementisers  # read per token
    issuer_at = _issuer(doc, i, end)
    j = i
    while j < end:
        token = tokens[j]
        if j in opening:
            quote = opening[j]
            close = doc.by_start.get(quote.close, end) if quote.close is not None else end
            rest = _strip_span(doc, close + 1, end)
            addressed = j > 0 and doc.tokens[j - 1].norm == "ل" and "ل" not in preps  # أوضح لـ«عين اليوم» أن: who was told
            if not addressed and (not doc.is_term(quote) or (rest is None and (j == i or doc.tokens[j - 1].norm == ":"))):
                return "quote", j
            j = max(close + 1, j + 1)
            continue
        if j in inside:
            j += 1
            continue
        if token.norm in complementisers:
            return "clause", j
        if token.norm == ":":
            return "colon", j
        if token.norm == "من" and j == i + 1 and _partitive(doc, i):
            j += 1  # تبرأ كثير | من المشايخ من البيان: the quantity's من, not the verb's
            continue
        if j > i and issuer_at == j + 1:
            j += 1  # أعلن بيان صدر عن | مكتب الحاكم أن: the issuer's عن, not the verb's
            continue
        if j in doc.governed_names and _prep_again(doc, j, end, preps):
            j = doc.entity_end[j]  # الجالية البحرينية بالمملكة العربية السعودية | بالتصريحات: a place, then the object
            continue
        if token.norm in preps and doc.entity_type.get(j + 1) in ("GPE", "ORG") and any(
                doc.tokens[k].norm == token.norm for k in range(doc.entity_end[j + 1], end) if k not in doc.inside):
            j = doc.entity_end[j + 1]  # أعرب نائب الرئيس عن آسيا | عن نيته: the same preposition again, the object
            continue
        if preps and j > i - 1 and j not in doc.in_named and (token.norm in preps or (
            token.kind == "word" and token.norm not in doc.lex.title_words
            and token.proclitics and any(p in token.proclitics.split("+") for p in preps if len(p) == 1)
            and not (j > i and _indefinite_head(doc, doc.tokens[j - 1]))  # رئيس بلدية: a noun in construct, not بـ
        )):
            if j + 1 < end and doc.tokens[j + 1].norm in doc.lex.complementisers:
                return "clause", j + 1
            later = next((k + 1 for k in range(j + 1, end - 1) if k not in doc.inside and doc.tokens[k].norm == token.norm
                          and doc.tokens[k + 1].norm in doc.lex.complementisers), None)
            return ("clause", later) if later else ("prep", j)
        j += 1
    return None


def _partitive(doc: _Doc, i: int) -> bool:
    """Token i is a quantity of people before من (عدد من النواب، كثير من المشايخ): a subject."""
    return (_base(doc.tokens[i]) in doc.lex.partitive_heads and i + 1 < len(doc.tokens)
            and doc.tokens[i + 1].norm == "من")


def _prep_again(doc: _Doc, j: int, end: int, preps: tuple[str, ...]) -> bool:
    """The named place at token j (بالمملكة …) carries one of the verb's prepositions, and a later
    word of the clause carries it again: the first is where, the second the verb's object."""
    if doc.entity_type.get(j) not in ("GPE", "LOC"):
        return False
    clitics = set(doc.tokens[j].proclitics.split("+"))
    return any(p in clitics and any(p in doc.tokens[k].proclitics.split("+") for k in range(doc.entity_end[j], end)
                                    if doc.tokens[k].kind == "word") for p in preps if len(p) == 1)


def _after_adverbs(doc: _Doc, cue: _Cue, end: int) -> int:
    """The token after the adverbs and participles that follow a cue (وقال أمس، وتابع قائلا، ودان
    الزياني أول من أمس: a time phrase of several words is passed whole)."""
    i = cue.end
    while i < end and (
        _is_adverb(doc, i)
        or (doc.tokens[i].norm in doc.lex.forms and doc.lex.forms[doc.tokens[i].norm].participle and not doc.is_head(doc.tokens[i]))
    ):  # not متحدثة (باسم الشرطة): a participle that is also a title opens the subject
        i += time_phrase_length(doc, i) or 1
    return i


#: How many words after an offering verb (قدم، رفع) its courtesy may come: past a long title.
OFFER_WINDOW = 12


def _names_the_words(doc: _Doc, k: int) -> bool:
    """Token k is a noun for the speaker's words (كلمته، حديثه), بالقول, or a participle or present of
    saying (ومضى قائلا، ومضى يقول; not a present in a relative clause: المهرجان الذي يقول منظموه)."""
    token = doc.tokens[k]
    form = doc.lex.forms.get(token.norm)
    saying = form is not None and form.cls == "neutral" and (
        form.participle or form.imperfect and doc.tokens[k - 1].norm not in RELATIVE_PRONOUNS)
    return _own_words(token) or token.norm == "بالقول" or saying


def _verb_statement(doc: _Doc, cue: _Cue, end: int, para: int) -> tuple[_Draft, int] | None:
    """The statement a verb or participle cue introduces, and the last token it claims."""
    form = cue.form
    i = _after_adverbs(doc, cue, end)
    marker = _content_marker(doc, cue, i, end)
    if form.names_words and not any(_names_the_words(doc, k) for k in range(cue.end, marker[1] if marker else end)):
        return None  # اختتمت فعاليات المهرجان: an event closed, not words
    if form.offers and not any(_offered(t) for t in doc.tokens[cue.end : min(end, cue.end + OFFER_WINDOW)]):
        return None  # قدم الفريق أداء جيدا، رفع الأسعار: no courtesy offered, no speech
    draft = dict(para=para, cue_start=doc.tokens[cue.index].start, cue_end=doc.tokens[cue.end - 1].end,
                 lemma=cue.lemma, cls=cue.cls, gender=form.gender, number=form.number)
    voiced = voiced_speaker(doc, i, marker[1] + 1 if marker else end, end) if not form.participle else None
    if voiced is not None:  # أكدت الخارجية على لسان | المتحدث باسمها …: the subject is read from the voice
        draft["voiced_for"] = _subject_from_region(doc, i, voiced[0]) if voiced[0] > i else None
        i, voice_end = voiced[1]
        marker = _content_marker(doc, cue, voice_end, end)
        if marker is None:  # دانت الرابطة على لسان أمينها العام د. عبدالله التركي | العمل الإرهابي
            voice_end = min(voice_end, _nominal_subject_end(doc, i, end))
            found = _nominal_or_preceding(doc, cue, voice_end, end, draft)
            if found is not None:
                found[0].subject = i, voice_end
            return found
    if marker is None and form.verb_initial and form.preps:
        return None  # وعبر البريد الممتاز: عبر is a verb only with its عن
    if marker is None and form.imperfect and form.passive_present and _opens_passive(doc, cue):
        return None  # ويعتبر اللاعب أحد أبرز الصفقات: "is considered"
    if marker is None:
        return _nominal_or_preceding(doc, cue, i, end, draft)
    how, at = marker
    if form.also_preposition and _prepositional_reading(doc, cue, i, at):
        return None  # المفاوضات بين ريال مدريد | ومانشستر …: "between"
    subject = _subject_from_region(doc, i, at, form.relay) if at > i and _takes_subject_after(form) else None
    if subject is not None and _addressed_object(doc, cue, subject[0]):
        subject = None
    object_first = at > i and _told_outlet(doc, i, at) is not None  # وأبلغ «الشرق الأوسط» | العكبري: the object came first
    if subject is not None and form.takes_object and not object_first and not doc.starts_speaker(subject[0]):
        subject = None  # ووصف الاتفاق النووي بأنه …: no title, name or actor, so the object; the subject is dropped
    if subject is not None and form.takes_object and not object_first:
        subject = (subject[0], _object_start(doc, *subject) or subject[1])
    if how == "clause":
        first = at + 1 if doc.tokens[at].norm in {"ان", "بان"} else at
        span = _strip_span(doc, _quotation_after_complementiser(doc, at) or first, end)
        if span is None:
            return None
        kind, start, stop, quoted = _content_kind(doc, *span, "indirect")
    elif how == "colon":
        first = _quotation_after_complementiser(doc, at + 1) or at + 1  # قال: إنه «…»
        span = _strip_span(doc, first, end) or _quotation_after(doc, end)
        if span is None:
            return None
        kind, start, stop, quoted = _content_kind(doc, *span, "indirect")  # قال: إن … without marks is reported
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


def _quotation_after_complementiser(doc: _Doc, at: int) -> int | None:
    """The token of the quote mark right after the complementiser at token ``at``, a colon allowed
    between (أنه «…»، وإنه: "…"، إن: «…»): the quotation is the content, direct when it is all of it."""
    if at >= len(doc.tokens) or doc.tokens[at].norm not in doc.lex.complementisers:
        return None
    k = at + 1 + (at + 1 < len(doc.tokens) and doc.tokens[at + 1].norm == ":")
    return k if k in doc.opening else None


def _opens_passive(doc: _Doc, cue: _Cue) -> bool:
    """A bare singular present first in its clause (ويعتبر كاردين أحد الأصوات): the passive; not with
    a pronoun or a plural ending (ويعتبرونها اعتداء) nor after its subject (قبرص تعتبر مصر شريكا)."""
    token = doc.tokens[cue.index]
    if _listed_form(doc, token) is None or cue.form.number != "sg":
        return False
    prev = doc.tokens[cue.index - 1] if cue.index else None
    return (prev is None or prev.kind != "word" or "\n" in doc.text[prev.end:token.start]
            or prev.norm in CLAUSE_OPENERS or prev.norm in SENTENCE_CONNECTORS)


def _prepositional_reading(doc: _Doc, cue: _Cue, i: int, at: int) -> bool:
    """بين as "between": bare before two parties joined by و (المفاوضات بين ريال مدريد ومانشستر، بين
    وزير الخارجية ووزير خارجية روسيا), or وبين after a بين earlier in the clause (بينهم وبين الحكومة).
    Not a title with a genitive joined by و (بين وزير الثقافة والإعلام أن), nor after a clause opener
    (كما بين)."""
    token = doc.tokens[cue.index]
    if token.proclitics.split("+")[:1] == ["و"]:
        for k in range(cue.index - 1, max(cue.index - BETWEEN_PAIR_WINDOW, 0) - 1, -1):
            if doc.tokens[k].kind != "word" and doc.tokens[k].norm != COMMA:
                return False  # … بين هذه العناصر. | وبين أن: a new sentence
            if doc.tokens[k].norm.startswith(token.norm[1:]):
                return True
        return False
    prev = doc.tokens[cue.index - 1] if cue.index else None
    if prev is None or prev.kind != "word" or prev.norm in CLAUSE_OPENERS:
        return False
    titled = i < at and doc.is_head(doc.tokens[i])
    return any(t.kind == "word" and t.proclitics.split("+")[:1] == ["و"] and (not titled or doc.is_head(t) or k in doc.entity_end)
               for k, t in enumerate(doc.tokens[i + 1:at], i + 1))


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
    if quote is not None and not doc.is_term(quote) and not cue.form.participle:  # «…»، مطالبا بـ: the participle's own object
        start, stop = _inner(doc, quote)
        subject = _subject_from_region(doc, i, end) if i < end else None
        return _Draft(kind="direct", start=start, end=stop, quoted=[(start, stop)], subject=subject, **draft), end
    nominal = doc.lex.nominal_kind(cue.cls)
    if nominal is None or cue.form.clause_only or i >= end:
        return None
    subject = None
    if doc.starts_speaker(i) and _takes_subject_after(cue.form) and not _addressed_object(doc, cue, i) and (
        _base(doc.tokens[i]) not in OBJECT_NOUNS and not _possessed_object(doc, i)  # وتؤكد انصياع …، ويهدد أمنها: the object
    ):
        stop = _nominal_subject_end(doc, i, end)
        subject, i = (i, stop), stop
        i = _after_adverbs(doc, _Cue(i - 1, i, None, "", ""), end)
    span = _strip_span(doc, i, end)
    if span is None:
        return None
    kind, start, stop, quoted = _content_kind(doc, *span, nominal)
    return _Draft(kind=kind, start=start, end=stop, quoted=quoted, subject=subject, **draft), end


def _names_its_speaker(doc: _Doc, k: int) -> bool:
    """Token k, right after a speech noun (حديث، تصريحات، بيان), is the genitive that names who spoke:
    a named actor, a name or a definite title, not an adjective (بيان صحفي) or a phrase with ل."""
    token = doc.tokens[k]
    return not token.proclitics and (k in doc.entity_end or doc.given_name(k) or doc.is_name(token)
                                     or doc.is_head(token) and token.has_article)


def _takes_subject_after(form: CueForm) -> bool:
    """Can a subject follow the cue? Not after a participle, nor after a verb marked plural or dual:
    a verb before its subject is singular (قال المسؤولون), so the noun after حثوا، أكدا is the object
    (لكن كثيرين حثوا | أنقرة على …) and the subject came first or was dropped."""
    return not form.participle and form.number == "sg"


def _nominal_subject_end(doc: _Doc, i: int, end: int) -> int:
    """Where a subject starting at token i ends before a noun-phrase object (no content marker)."""
    stop = _affiliated_name(doc, i, _noun_phrase(doc, i, end), end)  # المسؤول في البلدية أحمد سالم | الحصيلة
    if doc.is_head(doc.tokens[i]):
        stop = _affiliation(doc, stop, end)  # المتحدث باسم المقاومة في عدن علي سعيد | استكمال …
    stop = _ba_affiliation(doc, stop, end)
    apposed = _apposed_person(doc, stop, end)  # قائد معركة تحرير عدن، العميد عبدالله الصبيحي، | أهمية …
    if apposed is not None and apposed < end and doc.tokens[apposed].norm == COMMA:
        stop = apposed
    if stop < end and doc.is_head(doc.tokens[stop]) and not doc.tokens[stop].has_article and not doc.tokens[stop].proclitics:
        # a second title of the same holder (مدير عام الهيئة … | أمين عام مجلس التنمية … المهندس محمد العمرة)
        second = _nominal_subject_end(doc, stop, end)
        if any(doc.entity_type.get(k) == "PERSON" or doc.given_name(k) for k in range(stop + 1, second)):
            stop = second
    return stop


def _verb_after_ma(doc: _Doc, i: int):
    """The reporting verb of «حسب ما / وفقا لما» at token i, also with the pronoun that resumes ما
    (وفق ما أعلنته الوزارة), or None."""
    return next((doc.lex.forms[c] for c in _cue_candidates(doc.tokens[i].norm) if c in doc.lex.forms), None)


def _source_statement(doc: _Doc, cue: _Cue, lo: int, hi: int, para: int) -> tuple[_Draft, int] | None:
    """بحسب / وفقا لـ / نقلا عن X: fronted (وبحسب الوزير، فإن …) or trailing (…، بحسب الوزير)."""
    i = cue.end
    relay: tuple[str, ...] = ()
    after_ma = doc.tokens[i - 1].norm.endswith("ما")  # حسبما، وفق ما: a reporting verb must follow
    if i + 1 < hi and doc.tokens[i].norm in {"ما", "لما"} and _verb_after_ma(doc, i + 1) is not None:
        after_ma, i = True, i + 1
    if after_ma:
        form = _verb_after_ma(doc, i) if i < hi else None
        if form is None:
            return None  # وفق ما تسمح به إيران: not a source
        relay = form.relay
        i += 1
        while i < hi and doc.tokens[i].norm in RESUMPTIVE_PREPOSITIONS:
            i += 1
    named_end = _noun_phrase(doc, i, hi) if i < hi and doc.starts_speaker(i) else None
    j = i
    while j < hi and doc.tokens[j].norm not in {COMMA, ".", ";", ":"} | doc.lex.complementisers | FA_COMPLEMENTISERS and not (
        j == named_end and j in doc.opening and not doc.is_term(doc.opening[j])  # وبحسب الوزير «…»: the words, right after the source
    ):
        j += 1
    if j == i:
        return None
    if i >= hi:
        return None
    relayed = _relayed_source(doc, i, j, relay)
    if relayed:
        i = relayed[0]
    if i + 2 < j and _base(doc.tokens[i]) in SPEECH_NOUN_MODIFIERS and _base(doc.tokens[i + 1]) in SPEECH_NOUNS:
        i += 1  # وفقا لآخر | إحصاءات منظمة الصحة العالمية
    if i + 1 < j and _base(doc.tokens[i]) in SPEECH_NOUNS and _names_its_speaker(doc, i + 1):
        i += 1  # وفقا لحديث | طلال الشمري، بحسب تصريحات | كيري: the one who spoke
    i = _issuer(doc, i, j) or i  # وفقا لبيان صحفي صادر عن | روساتوم
    first = doc.tokens[i]
    if not (any(doc.starts_speaker(k) for k in range(i, min(i + 3, j))) or i in doc.opening
            or _base(first) in doc.lex.addressees):
        return None
    subject = (i, _noun_phrase(doc, i, j)) if doc.starts_speaker(i) else (i, j)
    subject = (subject[0], max(subject[1], min(j, subject[0] + 1)))
    stop = j  # the speaker's end; حسبما أعلن مصدر تركي | الأربعاء، وفق ما كشف عنه رئيس الوحدة | لصحيفة …
    if after_ma:
        named = doc.entity_end.get(subject[0], j)  # حسبما أفادت وزارة الخارجية العمانية | في بيان
        stop = next((k for k in range(subject[0] + 1, j) if doc.is_addressee(k) or _is_adverb(doc, k)
                     or k >= named and doc.tokens[k].norm in PREPOSITION_WORDS), j)
    subject = (subject[0], stop) if stop - subject[0] <= 8 else subject
    draft = dict(para=para, cue_start=doc.tokens[cue.index].start, cue_end=doc.tokens[cue.end - 1].end,
                 lemma=cue.lemma, cls=cue.cls, subject=subject)
    fronted = all(doc.tokens[k].norm in SENTENCE_CONNECTORS | {"و", "ف"} for k in range(lo, cue.index)) or (
        j < hi and doc.tokens[j].norm in doc.lex.complementisers | {":"})  # …، وجاء في الخبر أن / البيان: …
    if fronted:
        k = j
        while k < hi and doc.tokens[k].norm in {COMMA, ":", "ان", "بان"} | FA_COMPLEMENTISERS:
            k += 1  # the clause starts after أن, as a verb's does
        if k < hi and _verb_cue(doc, k, k) is not None:
            return None  # ووفقا لوكالة الأنباء، قال الوزير: … : the agency relays, the verb's subject speaks
        span = _strip_span(doc, k, hi)
        claim_end = hi
    else:
        span = _strip_span(doc, lo, cue.index)
        claim_end = j
    if span is None:
        return None
    kind, start, stop, quoted = _content_kind(doc, *span, "indirect")
    return _Draft(kind=kind, start=start, end=stop, quoted=quoted, **draft), claim_end
