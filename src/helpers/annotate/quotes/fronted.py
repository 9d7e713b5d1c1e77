"""Step 4a, before the verb: a subject put first (SVO: المسؤول قال، أما الوزير فقال), the one asked
(وسئل الوزير … فقال), a relative pronoun's antecedent (الإمارات التي كشفت), the author of a call or
speech (كلمة هنأ فيها), and for a participle with no statement before it the sentence's subject.
"""
from __future__ import annotations

from .cues import _clause_breaker, _verb_cue
from .document import (
    _cue_candidates,
    _Doc,
    _is_adverb,
)
from .lexicon import (
    AFFILIATION_PREPOSITIONS,
    ANTECEDENT_MAX,
    CHANNEL_PRONOUNS,
    CLAUSE_BREAKERS,
    COMMA,
    CONTRAST_BREAKERS,
    FRONTED_ADVERBIAL_MAX,
    FRONTED_NAME_REST_MAX,
    KANA_SUBJECT_MAX,
    PREPOSITION_WORDS,
    PUNCT_STRIP,
    RELATIVE_PRONOUNS,
    SENTENCE_CONNECTORS,
    WHILE_OPENERS,
)
from .speakers import (
    KANA_FORMS,
    _after_full_name,
    _noun_phrase,
    _subject_from_region,
    voice_phrase_end,
    voiced_speaker,
)


def _skip_connectors(doc: _Doc, i: int, stop: int) -> int:
    while i < stop:
        if doc.tokens[i].norm in SENTENCE_CONNECTORS | CLAUSE_BREAKERS | {"و", "ف", "اما", "واما", COMMA}:
            i += 1
        elif _clause_breaker(doc, i) == 2:
            i += 2  # إلا أن مسؤولين حذروا، غير أن الوزير قال
        else:
            break
    return i


def _fronted_subject(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """SVO: a subject before the verb (المسؤول قال، وكان الأمين العام … قد أشاد، أما الوزير فقال),
    also after a short fronted adverbial closed by a comma (في المقابل، النائب العام قال)."""
    i = _skip_connectors(doc, lo, verb)
    if (quoted := quoted_name_subject(doc, i, verb)) is not None:
        return quoted
    if i < verb and not doc.starts_speaker(i):
        comma = next((k for k in range(i, min(i + FRONTED_ADVERBIAL_MAX + 1, verb)) if doc.tokens[k].norm == COMMA), None)
        if comma is not None:
            i = _skip_connectors(doc, comma + 1, verb)
    if i >= verb or i in doc.inside or not doc.starts_speaker(i):
        return None
    if (voiced := voiced_speaker(doc, i + 1, verb, verb)) is not None:
        return voiced[1]  # وكانت الحكومة، وعلى لسان المتحدث باسمها، قد جددت: the voice speaks
    j = verb
    while j > i and doc.tokens[j - 1].norm in PUNCT_STRIP | {"قد", "لقد"} | KANA_FORMS:
        j -= 1  # الجبير كان (قد) ندد: the auxiliary is not the subject's
    if not (j > i and j - i <= 15):
        return None
    for k in range(i + 2, j):  # … فيديريكا موغيريني في بيان لها، قالت: a person's name ends before the context
        if k not in doc.inside and doc.tokens[k].norm in PREPOSITION_WORDS | doc.lex.subject_terminators and _person_word(doc, k - 1):
            return i, k
    return _fronted_noun_phrase(doc, i, j)


def _clause_subject(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """SVO in a clause of its own after a clause breaker inside the sentence (ولا يزال من غير الواضح
    …، إلا أن كرزاي أكد أن …؛ …، لكن البيت الأبيض أكد …): the subject put first in that clause,
    after a breaker of ``contrast_breakers`` (not كما أوضحناه، إلا أنهم يؤولونه: no name follows)."""
    for k in range(verb - 2, lo, -1):
        if k not in doc.inside and (size := _clause_breaker(doc, k)):
            breaker = " ".join(doc.tokens[m].norm for m in range(k, k + size))
            return _fronted_subject(doc, k, verb) if breaker in CONTRAST_BREAKERS else None
    return None


def quoted_name_subject(doc: _Doc, i: int, verb: int) -> tuple[int, int] | None:
    """A quoted name just before the verb is its subject, marks included («الزياني» يؤكد، "مجلس
    التعاون": يدين، ثم «الحرس الثوري» يؤكد أن): a name in quote marks is not speech."""
    quote = doc.opening.get(i)
    if quote is None or quote.close not in doc.by_start or not doc.is_term(quote):
        return None
    close = doc.by_start[quote.close]
    between = verb - close - 1  # nothing, or a colon
    return (i, close + 1) if between == 0 or between == 1 and doc.tokens[close + 1].norm == ":" else None


def _kana_subject(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """The subject of كان put before the verb (وكانت حركة طالبان | حذرت تنظيم داعش من …): the verb's
    subject is its pronoun, so a noun phrase after the verb is the object, not the speaker. Not a verb
    in a relative clause (وكانت مصادر … قد رفضت ما | قاله كيري: كيري said it)."""
    if verb > lo and doc.tokens[verb - 1].norm in RELATIVE_PRONOUNS | {"ما"}:
        return None
    subject = _fronted_subject(doc, lo, verb) or _kana_noun_subject(doc, lo, verb)
    if subject is None or not any(doc.tokens[k].norm.removeprefix("و") in KANA_FORMS for k in range(max(lo, subject[0] - 2), subject[0])):
        return None
    return subject


#: كان's form and the gender and number of the verb that agrees with it.
KANA_AGREEMENT = {"كان": ("m", "sg"), "كانت": ("f", "sg"), "كانوا": ("m", "pl")}


def _kana_noun_subject(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """Any noun phrase between كان opening the clause and a verb that agrees with it (وكانت تقارير
    صحفية قد ذكرت أن، وكانت الدول الثلاث أعلنت، وكان مسؤولون حكوميون قالوا): كان's subject, so the
    verb's, also when its head is no title, name or institution (تقارير، أنباء، توقعات are the
    verb's object after it). Not an adverb, a preposition's phrase, a verb or a clause (وكان من المقرر
    أن، كان صادقا حين قال، وكان يجب ألا يتحدث كيري), nor a body whose voice follows the verb (وكانت
    الشؤون الصحية أوضحت على لسان ناطقها: the voice speaks)."""
    i = _skip_connectors(doc, lo, verb)
    kana = next((k for k in range(lo, i) if doc.tokens[k].norm.removeprefix("و") in KANA_AGREEMENT), None)
    if kana is None or any(doc.tokens[k].norm in {"قد", "لقد"} for k in range(kana, i)):
        return None
    j = verb
    while j > i and doc.tokens[j - 1].norm in PUNCT_STRIP | {"قد", "لقد"}:
        j -= 1
    form = doc.cue_form(doc.tokens[verb])
    agrees = form is not None and KANA_AGREEMENT[doc.tokens[kana].norm.removeprefix("و")] == (form.gender, form.number)
    voiced = verb + 1 < len(doc.tokens) and voice_phrase_end(doc, verb + 1) is not None
    if not agrees or voiced or not 0 < j - i <= KANA_SUBJECT_MAX or _is_adverb(doc, i):
        return None
    words = [doc.tokens[k] for k in range(i, j)]
    stops = (PREPOSITION_WORDS | doc.lex.subject_terminators | SENTENCE_CONNECTORS | CLAUSE_BREAKERS | RELATIVE_PRONOUNS
             | doc.lex.complementisers | {"الا"})
    if any(t.kind != "word" or t.norm in stops or doc.is_cue_word(t) for t in words) or any(k in doc.inside for k in range(i, j)):
        return None
    first = words[0]
    verb_like = first.norm[:1] == "ي" and not first.has_article and not doc.starts_speaker(i)  # وكان يجب ألا يتحدث
    return None if verb_like else (i, j)


def _fronted_noun_phrase(doc: _Doc, i: int, j: int) -> tuple[int, int]:
    """The subject in tokens [i, j) before its verb, read as a noun phrase as after a verb, when the
    words it leaves are a clause of their own (ألمانيا | وجهت أصابع الاتهام إلى تركيا … واتهمتها،
    الفريق ضاحي خلفان | لم يترك المقال … إذ قال); all of them when they are a word or two more of
    the name (عشائر | جنوب العراق، وزارة الكهرباء | والطاقة المتجددة) or an affiliation ending in
    the holder's name (الباحث | في الشؤون الإيرانية سامر الخطيب، قوات الأمم المتحدة المؤقتة | في
    لبنان «يونيفيل»)."""
    phrase = _subject_from_region(doc, i, j)
    if phrase is None or phrase[1] >= j:
        return i, j
    rest = range(phrase[1], j)
    more_name = len(rest) <= FRONTED_NAME_REST_MAX and all(
        doc.tokens[k].kind == "word" and not _is_adverb(doc, k) and not doc.is_cue_word(doc.tokens[k]) and doc.tokens[k].norm not in (
            doc.lex.subject_terminators | SENTENCE_CONNECTORS | CLAUSE_BREAKERS) for k in rest)
    holder = doc.tokens[phrase[1]].norm in AFFILIATION_PREPOSITIONS and (
        (j - 1) in doc.inside or _person_word(doc, j - 1) or doc.given_name(j - 2))
    return (i, j) if more_name or holder else phrase


def _person_word(doc: _Doc, k: int) -> bool:
    """Is token k the last word of a person's name: inside a named person, or a rare word after a given
    name or another rare word (فيديريكا موغيريني)."""
    token = doc.tokens[k]
    if doc.entity_type.get(k) == "PERSON" or any(doc.entity_type.get(s) == "PERSON" and s < k < e for s, e in doc.entity_end.items()):
        return True
    return doc.is_name(token) and (doc.given_name(k - 1) or doc.is_name(doc.tokens[k - 1]))


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


def _antecedent(doc: _Doc, lo: int, relative: int) -> tuple[int, int] | None:
    """The speaker a relative pronoun before the verb refers back to (الإمارات التي كشفت أنها …،
    دمشق التي اعتبرت أن …): the phrase just before the pronoun, if a speaker can start it. After a
    comma only a name ends it, and only before a past verb (الرئيس الأمريكي باراك أوباما، الذي قال …;
    حزب الله، الذي يعتقد أنه … is "is believed")."""
    if relative > lo and doc.tokens[relative - 1].norm == COMMA:
        verb = doc.cue_form(doc.tokens[relative + 1]) if relative + 1 < len(doc.tokens) else None
        named = relative - 2 in doc.entity_end or relative - 2 in doc.in_named  # a name's last word before the comma
        return _antecedent(doc, lo, relative - 1) if named and verb is not None and not verb.imperfect else None
    k = relative
    while k > lo and relative - k < ANTECEDENT_MAX and (k - 1) not in doc.inside and doc.tokens[k - 1].kind == "word" and (
        doc.tokens[k - 1].norm not in PREPOSITION_WORDS and _verb_cue(doc, k - 1, lo) is None
    ):
        k -= 1
    start = next((i for i in range(k, relative) if doc.starts_speaker(i)), None)
    return (start, relative) if start is not None else None


def _person_antecedent(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """A person named just before a relative pronoun and a verb that takes an object (أنجيلا ميركل
    التي دعت الحكومة التركية إلى …، المالكي الذي اتهم المملكة بـ …): the person spoke, and the
    noun phrase after the verb is its object."""
    relative = verb - 1
    if relative <= lo or doc.tokens[relative].norm not in RELATIVE_PRONOUNS or not _person_word(doc, relative - 1):
        return None
    return _antecedent(doc, lo, relative)


def _while_clause_subject(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """The subject of a بينما/فيما clause that opens the sentence, for a main verb right after its
    comma with no subject of its own (وبينما قرر خالد العادلي، محافظ الجيزة، صرف …، أكد أنه …)."""
    i = _skip_connectors(doc, lo, verb) if doc.tokens[lo].norm not in WHILE_OPENERS else lo
    if i + 2 >= verb or doc.tokens[i].norm not in WHILE_OPENERS or doc.tokens[verb - 1].norm != COMMA:
        return None
    if doc.tokens[i + 1].is_stop or doc.starts_speaker(i + 1):
        return None  # فيما يتعلق، فيما الوزير …: not a verb and its subject
    k = i + 2
    if k in doc.inside or not (k in doc.entity_end and doc.entity_type.get(k) == "PERSON" or doc.given_name(k) or _definite_title(doc, k)):
        return None
    return k, _after_full_name(doc, k, _noun_phrase(doc, k, verb))


def _sentence_subject(doc: _Doc, lo: int, before: int) -> tuple[int, int] | None:
    """For a participle with no statement before it: the first speaker-like phrase in the sentence
    that is not the object of a preposition (عشية وصوله إلى قطر …، سعى وزير الخارجية جون كيري …،
    مؤكدا). After such an object only a named actor, a given name or a definite title will do, not
    a rare word (حيث سيلتقي)."""
    i, skipped = lo, False
    while i < before:
        if i in doc.inside or not doc.starts_speaker(i) or _conjoined_rare_word(doc, i):
            i += 1
        elif i > lo and doc.tokens[i - 1].norm in PREPOSITION_WORDS and not doc.is_cue_word(doc.tokens[i - 1]):
            i, skipped = max(i + 1, _noun_phrase(doc, i, before)), True  # not من جانبه عبر | وزير الخارجية
        elif skipped and not (i in doc.entity_end or doc.given_name(i) or _definite_title(doc, i)):
            i += 1  # … إلى السعودية، قيادة | وشعبا
        else:
            return i, _noun_phrase(doc, i, before)
    return None


def _conjoined_rare_word(doc: _Doc, i: int) -> bool:
    """A rare word with و before it that the name finder does not know (ويستذكر الشليمي …): a verb
    more likely than a name that opens a subject."""
    token = doc.tokens[i]
    return (token.proclitics.startswith("و") and doc.is_name(token) and i not in doc.entity_end
            and not doc.is_head(token) and not doc.given_name(i))


def _channel_author(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """The author of the call, letter or speech a cue says its words in (… اتصالا هاتفيا من الشيخ سيف
    بن زايد أعرب فيه عن …، وألقى رئيس اللجنة كلمة هنأ فيها …): the speaker after the nearest من
    before the cue, else the sentence's first speaker; None when the cue is not followed by the
    channel's pronoun (``channel_pronouns``) or follows a relative pronoun."""
    if verb + 1 >= len(doc.tokens) or doc.tokens[verb + 1].norm not in CHANNEL_PRONOUNS:
        return None
    if verb > lo and doc.tokens[verb - 1].norm.removeprefix("و") in RELATIVE_PRONOUNS:
        return None  # … في مقاله والذي أكد فيه: the channel is the antecedent; its author spoke before
    for k in range(verb - 2, lo - 1, -1):
        if doc.tokens[k].norm == "من" and k not in doc.inside and doc.starts_speaker(k + 1):
            end = _noun_phrase(doc, k + 1, verb)
            return k + 1, _after_full_name(doc, k + 1, end)  # … الشيخ سيف بن زايد آل نهيان | نائب رئيس …
    return _sentence_subject(doc, lo, verb)


def _definite_title(doc: _Doc, i: int) -> bool:
    """A title with the article or in construct with a definite noun (الوزير، وزير الخارجية)."""
    token = doc.tokens[i]
    return doc.is_head(token) and (token.has_article or i + 1 < len(doc.tokens) and doc.tokens[i + 1].has_article)
