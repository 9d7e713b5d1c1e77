"""Step 4a: the subject noun phrase of a cue after the verb (VSO), or relayed (نقلا عن X), and
where a speaker's mention ends: titles, names, affiliations, the verb's object. Subjects before the
verb are :mod:`.fronted`'s.
"""
from __future__ import annotations

from ...text.normalize import DIACRITICS, normalize
from ...text.quotemarks import ALL_MARKS
from ..names import load_names
from .cues import (
    _opens_content,
    _source_cue,
)
from .document import (
    _base,
    _Doc,
    _is_adverb,
    written_word,
)
from .name_parts import (
    DEFINITE_NISBA_ENDINGS, _coordinated_genitive, _definite_nisba, _field_of_body, _indefinite_head, _indefinite_nisba, _seat,
)
from .objects import (
    _demonstrative_object, _object_after_name, _offered, _own_words, _possessed_first, _possessed_object, _spokesman_for,
    _verb_object,
)
from .lexicon import (
    ADDRESSEE_PRONOUNS,
    AFFILIATION_HEADS,
    ALLEGIANCE_PARTICIPLES,
    OBJECT_QUANTIFIERS,
    AFFILIATION_MAX,
    AREA_HEADS,
    AFFILIATION_PREPOSITIONS,
    ACCREDITATION_PREPOSITIONS,
    _bare,
    CHANNEL_PRONOUNS,
    DEMONSTRATIVES,
    COMMA,
    DESCRIPTIVE_PREPOSITIONS,
    HAMZA_TITLES,
    ISSUED_WORDS,
    NAME_PARTICLES,
    NAME_PREPOSITIONS,
    OBJECT_NOUNS,
    OVERSEEING_PARTICIPLES,
    PREPOSITION_WORDS,
    PUNCT_STRIP,
    RELAY_WORDS,
    RESUMPTIVE_PREPOSITIONS,
    SPEECH_NOUNS,
    TITLE_ABBREVIATIONS,
    VOICE_PHRASES,
)

#: كان and its forms between a fronted subject and its verb (الجبير كان ندد، المسؤولون كانوا قد أكدوا).
KANA_FORMS = frozenset({"كان", "كانت", "كانوا", "كانا", "كانتا"})
#: Tokens a bracketed name may hold on either side of a mention's end (شركة (إل.في.إم.إتش)).
BRACKET_NAME_MAX = 8
#: Indefinite nouns in a row that a construct chain may hold before its definite genitive.
CONSTRUCT_CHAIN_MAX = 3


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


def _issuer(doc: _Doc, i: int, hi: int) -> int | None:
    """Where the one who issued a statement starts, when token i is a speech noun issued by them
    (بيان صدر عن | مكتب الحاكم، بيان صحفي صادر عن | روساتوم، البيانات الصادرة عن | المجموعة): they
    spoke, not the document."""
    if i >= hi or doc.tokens[i].kind != "word" or _base(doc.tokens[i]) not in SPEECH_NOUNS:
        return None
    for k in range(i + 1, min(i + 3, hi - 2)):
        if _base(doc.tokens[k]) in ISSUED_WORDS and doc.tokens[k + 1].norm == "عن" and doc.starts_speaker(k + 2):
            return k + 2
    return None


def _subject_from_region(doc: _Doc, lo: int, hi: int, relay_preps: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """The subject noun phrase at the start of tokens [lo, hi): up to a context word or addressee.

    ``relay_preps``: the verb's source prepositions (علمت «الراي» من مصادر: the sources)."""
    if (issuer := _issuer(doc, lo, hi)) is not None:
        return _subject_from_region(doc, issuer, hi, relay_preps)  # أعلن بيان صدر عن | مكتب الحاكم أن
    while lo < hi and (_is_adverb(doc, lo) or doc.tokens[lo].norm in CHANNEL_PRONOUNS | ADDRESSEE_PRONOUNS
                       or _resumed_object(doc, lo, relay_preps) or _fronted_demonstrative_object(doc, lo, hi)):
        lo += 1  # وحث فيها | الملا أختر، ما صرح به | وزير الخارجية: the channel's or the said thing's pronoun, then the subject
    if lo < hi and _source_cue(doc, lo) is not None:
        # وشددت، وفقاً لما نقلته الوكالة، على أن …: a source put between the verb and its content relays
        # the words; the subject is after its comma, or dropped
        comma = next((k for k in range(lo, hi) if doc.tokens[k].norm == COMMA), None)
        return _subject_from_region(doc, comma + 1, hi, relay_preps) if comma is not None else None
    relay = _relay_subject(doc, lo, hi) or _relayed_source(doc, lo, hi, relay_preps)
    if relay:
        return relay
    if lo >= hi:
        return None
    first = doc.tokens[lo]
    if first.kind != "word" and lo not in doc.opening or _base(first) in OBJECT_NOUNS or _offered(first) or _possessed_first(doc, lo):
        return None  # وأكد أهمية الحوار، وامتدح إدارته: the verb's object, its subject dropped
    if (form := doc.cue_form(first)) is not None and form.imperfect and not first.proclitics:
        return None  # وأضاف يقول: «…»، وتابع يقول: a second verb saying how, the subject dropped
    told = _told_outlet(doc, lo, hi)
    if told is not None:
        return _subject_from_region(doc, told, hi, relay_preps)  # وأبلغ «الشرق الأوسط» | عبد العزيز العكبري أن
    if doc.is_addressee(lo):
        after = _after_addressee(doc, lo, hi)
        if after < hi and doc.starts_speaker(after):
            return _subject_from_region(doc, after, hi, relay_preps)  # وأكد لـ"الاقتصادية" | مصدر خاص أن
        return _late_subject(doc, lo, hi)
    if (first.norm in PREPOSITION_WORDS or first.norm in doc.lex.subject_terminators) and not _hamza_title(first):
        return _late_subject(doc, lo, hi)
    j = lo
    while j < hi:
        token = doc.tokens[j]
        describes = token.norm in DESCRIPTIVE_PREPOSITIONS and j > lo and _described_head(doc, lo, j)
        named = j > lo and doc.tokens[j - 1].norm in NAME_PARTICLES  # وليد بن | على الجلال: a name goes on
        if j not in doc.inside and not describes and not named and not _first_name(doc, j) and not _hamza_title(token) and (
            token.norm in doc.lex.subject_terminators or _is_adverb(doc, j) or doc.is_addressee(j) and not _field_of_body(doc, lo, j)
            or token.norm in doc.lex.complementisers or (j > lo and (_own_words(token) or _possessed_object(doc, j) or _verb_object(token)
                                                                     or token.norm in KANA_FORMS  # ضابط ليبي | كان يعمل
                                                                     or _participle_cue(doc, j) or _demonstrative_object(doc, j)))
        ):
            break
        j += 1
    j = _overseen(doc, lo, j, hi)
    j = _affiliated_name(doc, lo, j, hi)
    if any(doc.is_head(doc.tokens[k]) for k in range(lo, j)):
        j = _affiliation(doc, j, hi)  # also a title after the name: فارع المسلمي خبير الشؤون اليمنية | في مركز كارنيجي
    if lo in doc.entity_end:
        j = min(j, _named_end(doc, lo, j))
    j = min(j, _after_full_name(doc, lo, j))
    j = _seat(doc, lo, j, hi)
    first_open = next((k for k in range(lo, j) if k in doc.opening), j)
    while j > lo and (doc.tokens[j - 1].norm.removeprefix("و") in PUNCT_STRIP | PREPOSITION_WORDS
                      or doc.tokens[j - 1].norm in ALL_MARKS and first_open >= j - 1):
        j -= 1  # … بلدان المنطقة، وفي | مقدمتها: no trailing comma or (و+) preposition; وقال سموه | ” إن: a
        # quote mark no mark before it in the mention opens is stray (not the end of صحيفة «سبق»)
    return (lo, j) if j > lo else None


def _past_quoted_name(doc: _Doc, lo: int, j: int) -> int:
    """The end j of a mention starting at token lo, moved past the closing mark when it fell inside a
    quoted or bracketed name (مشاركون في «ملتقى أمن وسلامة | الآثار»، شركة (إل | .في.إم.إتش)): a
    name in marks is never cut."""
    quote = doc.inside.get(j - 1) if j > 0 else None
    if quote is not None and quote.close in doc.by_start and doc.inside.get(j) is quote and doc.tokens[j - 1].start > quote.open:
        return doc.by_start[quote.close] + 1
    opened = next((k for k in range(j - 1, max(j - BRACKET_NAME_MAX, lo) - 1, -1) if doc.tokens[k].norm in ("(", ")")), None)
    if opened is not None and doc.tokens[opened].norm == "(" and doc.tokens[opened - 1].norm not in PREPOSITION_WORDS | {"ل"}:
        close = next((k for k in range(j, min(j + BRACKET_NAME_MAX, len(doc.tokens))) if doc.tokens[k].norm == ")"), None)
        if close is not None:
            return close + 1
    return j


def _fronted_demonstrative_object(doc: _Doc, k: int, hi: int) -> bool:
    """ذلك right after the verb and before a subject without the article (ذكر ذلك | رئيس النادي محمد
    النوبي): what was said, put first; before a definite noun it points at it (ذلك الرجل)."""
    return (doc.tokens[k].norm == "ذلك" and k + 1 < hi and not doc.tokens[k + 1].has_article
            and doc.starts_speaker(k + 1))


def _resumed_object(doc: _Doc, k: int, relay_preps: tuple[str, ...]) -> bool:
    """Token k is a preposition with the pronoun of what was said or who was spoken of (ما صرح به،
    الذي يقول عنه), not of the source a relay verb names (نقلت عنه الوكالة: the one quoted)."""
    norm = doc.tokens[k].norm
    return norm in RESUMPTIVE_PREPOSITIONS and not any(norm.startswith(prep) for prep in relay_preps)


def _after_addressee(doc: _Doc, lo: int, hi: int) -> int:
    """The token after the addressee at token lo (للصحافيين، لـ«الاقتصادية») and a comma after it."""
    quote = doc.opening.get(lo + 1) if doc.tokens[lo].norm == "ل" else None
    j = lo + 1
    if quote is not None:
        close = doc.by_start.get(quote.close) if quote.close is not None else None
        if close is None:
            return hi
        j = close + 1
    while j < hi and doc.tokens[j].norm == COMMA:
        j += 1
    return j


def _told_outlet(doc: _Doc, lo: int, hi: int) -> int | None:
    """The token after an outlet in quote marks that the verb's subject told (وأبلغ «الشرق الأوسط»
    عبد العزيز العكبري أن، أبلغ هذا "الرياض" الدكتور محمد مارم، وأبلغت «عكاظ» قيادات ميدانية): the
    outlet is the object when a noun follows it; before its content or a preposition it is the
    subject (ذكرت «عكاظ» أن، وقالت «الرياض» في عددها)."""
    k = lo + 1 if doc.tokens[lo].norm in DEMONSTRATIVES else lo  # what was told (أبلغ هذا "الرياض" …)
    quote = doc.opening.get(k)
    if quote is None or quote.close not in doc.by_start:
        return None
    inner = _bare(normalize(doc.text[quote.start:quote.end]).split())
    after = doc.by_start[quote.close] + 1
    if not inner & doc.lex.addressees or after >= hi:
        return None
    token = doc.tokens[after]
    speaker = doc.starts_speaker(after) or token.kind == "word" and not _is_adverb(doc, after) and not doc.is_cue_word(token) and (
        token.norm not in doc.lex.complementisers | doc.lex.subject_terminators | PREPOSITION_WORDS) and (
        "ل" not in token.proclitics.split("+"))  # «وكالة دوجان» للأنباء: more of the outlet's name
    return after if speaker else None


def _after_full_name(doc: _Doc, lo: int, j: int) -> int:
    """A subject ends with the first person's full name in it (وصف الوزير الدكتور محمد المومني |
    زيارة الأمير …، قال البريطاني لويس هاميلتون | بطل العالم): what follows is the verb's object or an
    apposition, which the mention leaves out. A name of one word is not trusted so far."""
    for k in range(lo, j):
        end = doc.entity_end.get(k)
        if end is not None and doc.entity_type.get(k) == "PERSON" and end - k >= 2 and end < j and (
            doc.tokens[end].norm not in NAME_PARTICLES and doc.tokens[end].kind == "word"
        ) and (k == lo or doc.given_name(k) or _titled(doc, doc.tokens[k - 1]) and not doc.tokens[k - 1].proclitics
               or (k - 1) in doc.in_named):  # المتحدث باسم البيت الأبيض | جوش إرنست: the holder after a body's name
            if _titled(doc, doc.tokens[end]) and end + 1 < j and (doc.entity_type.get(end + 1) == "PERSON" or doc.given_name(end + 1)):
                continue  # خادم الحرمين الشريفين | الملك سلمان: a title and the holder's name follow
            return end  # a name after the subject's title, not a place read as a name (لولاية ساكسونيا السفلى)
    return j


def _participle_cue(doc: _Doc, j: int) -> bool:
    """A reporting participle at token j: it follows the subject, never belongs to it (وأضاف السيسي |
    موجها حديثه للأمير …، تابع الوزير | مؤكدا على أن); after an indefinite noun only with its content
    or its words after it, else it is an adjective (مصادر متابعة للتحقيقات)."""
    form = doc.cue_form(doc.tokens[j])
    if form is None or not form.participle:
        return False
    prev = doc.tokens[j - 1]
    adjective = prev.kind == "word" and not prev.has_article and not doc.is_name(prev) and (j - 1) not in doc.in_named
    return not adjective or j + 1 < len(doc.tokens) and (_opens_content(doc, j + 1, form) or _own_words(doc.tokens[j + 1]))


def _hamza_title(token) -> bool:
    """A title written with hamza below that normalises to a preposition (إمام, not أمام)."""
    return token.norm in HAMZA_TITLES and written_word(token).startswith("إ")


def _first_name(doc: _Doc, i: int) -> bool:
    """A first name that reads as a preposition once normalised (علي is على without its alif
    maqsura): written with a final ي, after a word of the phrase and before another word
    (اللواء علي الأحمدي)."""
    token = doc.tokens[i]
    letters = token.surface.rstrip(DIACRITICS)
    return (token.norm in NAME_PREPOSITIONS and letters.endswith("ي") and i > 0 and doc.tokens[i - 1].kind == "word"
            and i + 1 < len(doc.tokens) and doc.tokens[i + 1].kind == "word" and not doc.tokens[i + 1].is_stop)


def _affiliation(doc: _Doc, j: int, hi: int) -> int:
    """Extend a title over في/من and the organisation it belongs to, and the holder's name after it
    (العميل الخاص في مكتب التحقيقات الفيدرالي، قائد بارز في طالبان، مدير الإعلام الأمني في الوزارة
    العميد عادل الحشاش): an organisation of the gazetteer or an institution of ``affiliation_heads``,
    not a place or an event (في الكويت، في مؤتمر صحفي: where and when the words were said). An
    envoy's لدى takes the state or body it is accredited to (سفير أمريكا لدى الأمم المتحدة)."""
    while j + 1 < hi and doc.tokens[j].norm in AFFILIATION_PREPOSITIONS | ACCREDITATION_PREPOSITIONS and (j + 1) not in doc.inside:
        k = j + 1
        accredited = doc.tokens[j].norm in ACCREDITATION_PREPOSITIONS and doc.entity_type.get(k) in ("GPE", "ORG")
        place = None if accredited else _place_end(doc, k, hi)
        if place is not None:
            while place + 1 < hi and doc.tokens[place].norm in AFFILIATION_PREPOSITIONS and _place_end(doc, place + 1, hi):
                place = _place_end(doc, place + 1, hi)  # المدعي العام في المنطقة الشرقية | في تينيسي
            if _holder_after(doc, place, hi):
                j = _noun_phrase(doc, place, hi)  # المتحدث باسم المقاومة في عدن علي سعيد
                break
            if (name_end := _name_before_content(doc, place, hi)) is not None:
                j = name_end  # مدير عام الصحة في عدن | الخضر لصور إن …
                break
        if not (accredited or doc.entity_type.get(k) == "ORG" or _base(doc.tokens[k]) in AFFILIATION_HEADS):
            break  # an envoy's لدى takes a place too (سفير المملكة لدى الأردن); في only an institution
        j = _construct_chain(doc, k, hi)
        while j < hi and doc.tokens[j].norm in load_names().lists["title_modifiers"]:
            j += 1  # … لدى الأمم المتحدة السابق: the title's own adjective, after its affiliation
        if _holder_after(doc, j, hi):
            j = _noun_phrase(doc, j, hi)
        elif (name_end := _name_before_content(doc, j, hi)) is not None:
            j = name_end  # رئيس لجنة الذهب في غرفة الشرقية | عبدالغني المهنا إن …
    return j


def _name_before_content(doc: _Doc, j: int, hi: int) -> int | None:
    """Two or three plain words after a title's affiliation, right before the content's أن/إن, colon
    or preposition (مدير عام الصحة في عدن | الخضر لصور إلى …، … في غرفة الشرقية عبدالغني المهنا | على
    أن): the holder's name, though the name lists do not know it; nothing else stands between an
    affiliation and the content (an adverb, an addressee or a phrase of time or place would). The
    name's end, or None."""
    if hi >= len(doc.tokens) or doc.tokens[hi].norm not in doc.lex.complementisers | PREPOSITION_WORDS | {":"}:
        return None
    if hi - 1 > j and doc.tokens[hi - 1].norm in PREPOSITION_WORDS and doc.tokens[hi].norm in doc.lex.complementisers:
        hi -= 1  # the verb's own preposition before أن: أكد … على أن
    stops = doc.lex.subject_terminators | doc.lex.adverbs | PREPOSITION_WORDS
    plain = all(
        doc.tokens[k].kind == "word" and not doc.tokens[k].is_stop and k not in doc.inside and doc.tokens[k].norm not in stops
        and not doc.is_head(doc.tokens[k]) and not doc.is_cue_word(doc.tokens[k]) and not doc.is_addressee(k)
        for k in range(j, hi)) and not set(doc.tokens[j].proclitics.split("+")) & {"ب", "ل", "ك"}  # not لمراسلنا، بالأمس
    return hi if 2 <= hi - j <= 3 and plain else None


def _overseen(doc: _Doc, lo: int, j: int, hi: int) -> int:
    """Extend a mention ending in an overseeing participle (and its title adjectives) over على and
    what it oversees, and the holder's name after it (المشرف العام | على فريق القادسية عبدالله
    بادغيش، اللجنة المشرفة | على فعاليات الألعاب النارية); not over the verb's own على (وشدد
    المشرف على ضرورة …، على أن …)."""
    if j + 1 >= hi or doc.tokens[j].norm != "علي" or (j + 1) in doc.inside:
        return j
    k = j - 1
    while k > lo and doc.tokens[k].norm in load_names().lists["title_modifiers"]:
        k -= 1
    after = doc.tokens[j + 1]
    if _base(doc.tokens[k]) not in OVERSEEING_PARTICIPLES or after.kind != "word" or _base(after) in OBJECT_NOUNS or (
        after.norm in doc.lex.complementisers
    ):
        return j
    end = _construct_chain(doc, j + 1, hi)
    return _noun_phrase(doc, end, hi) if _holder_after(doc, end, hi) else end


def _holder_after(doc: _Doc, j: int, hi: int) -> bool:
    """A person's name, or a title and the name, starts at token j: the holder of the office before."""
    if j >= hi:
        return False
    title = doc.is_head(doc.tokens[j]) or doc.tokens[j].norm in load_names().lists["person_titles"]  # اللواء، الجنرال
    return doc.entity_type.get(j) == "PERSON" or doc.given_name(j) or title and (
        j + 1 < hi and (doc.entity_type.get(j + 1) == "PERSON" or doc.given_name(j + 1)))


def _place_end(doc: _Doc, k: int, hi: int) -> int | None:
    """End of a place at token k, a state or city (أفغانستان) or an area and its name (محافظة جدة،
    المنطقة الشرقية), or None."""
    if doc.entity_type.get(k) == "GPE":
        return min(doc.entity_end[k], hi)
    return _construct_chain(doc, k, hi) if _base(doc.tokens[k]) in AREA_HEADS else None


def _ba_affiliation(doc: _Doc, j: int, hi: int) -> int:
    """Extend a speech act's title over the institution or area joined to it by بـ and the holder's
    name after it (مدير الشرطة بمنطقة الرياض اللواء سالم الفهد | أهمية …، المتحدث الرسمي بوزارة
    الصحة): only in a phrase whose verb took no بـ object (no content marker was found)."""
    if j >= hi or j + 1 >= hi or doc.tokens[j].kind != "word" or doc.tokens[j].proclitics.split("+")[-1:] != ["ب"]:
        return j
    if not (_base(doc.tokens[j]) in AFFILIATION_HEADS or _base(doc.tokens[j]) in AREA_HEADS):
        return j
    k = _construct_chain(doc, j, hi)
    if k < hi and (doc.is_head(doc.tokens[k]) or doc.entity_type.get(k) == "PERSON" or doc.given_name(k)):
        k = _noun_phrase(doc, k, hi)  # … بمنطقة الرياض | اللواء سالم الفهد
    return k


def _construct_chain(doc: _Doc, k: int, hi: int) -> int:
    """End of an organisation's name from token k: nouns in construct and nisba adjectives (جهاز أمن
    الدولة، مكتب التحقيقات الفيدرالي، طالبان الأفغانية), up to a preposition, a cue or a clause."""
    j = min(doc.entity_end.get(k, k + 1), hi)
    while j < hi:
        token, prev = doc.tokens[j], doc.tokens[j - 1]
        if token.kind != "word" or token.is_stop or token.norm in doc.lex.complementisers or doc.is_cue_word(token) or (
            token.norm in doc.lex.subject_terminators or _is_adverb(doc, j)
        ):
            break
        if "ل" in token.proclitics.split("+") and _base(prev) in ALLEGIANCE_PARTICIPLES:
            j = max(j + 1, min(doc.entity_end.get(j, j + 1), hi))  # القوات المناهضة | للحوثيين: the participle's complement
            continue
        nisba = _definite_nisba(token)
        elative = token.has_article and prev.has_article and len(_base(token)) == 4 and _base(token)[0] == "ا"  # للشرق | الأوسط
        if not (nisba or elative or (not prev.has_article and j - 1 not in doc.in_named and token.has_article)
                or (not prev.has_article and not token.has_article and not doc.is_head(token))):
            break
        j += 1
    return j


def _named_end(doc: _Doc, lo: int, hi: int) -> int:
    """A subject that opens with a named actor of the gazetteer ends with its noun phrase: what
    follows is the verb's object or the rest of the clause (وأكدت طالبان السيطرة على …، وأعلنت
    طالبان مسؤوليتها، وأعلن حلف شمال الأطلسي (الناتو) أن), and with the actors of the same kind
    joined to it by و (الكويت والبحرين والأردن ومصر، السعودية و قطر): they speak together."""
    j = _noun_phrase(doc, lo, hi)
    while j < hi and (joined := _coordinated_actor(doc, lo, j)) is not None:
        j = _noun_phrase(doc, joined, hi)
    return j


def _coordinated_actor(doc: _Doc, lo: int, j: int) -> int | None:
    """The start of a named actor of the same kind as token lo's joined by و at token j, if any."""
    token = doc.tokens[j]
    k = j + 1 if token.norm == "و" else j
    joined = token.norm == "و" or token.proclitics.split("+")[0] == "و"
    if joined and k < len(doc.tokens) and k in doc.entity_end and doc.entity_type.get(k) == doc.entity_type.get(lo):
        return k
    return None


def _relayed_source(doc: _Doc, lo: int, hi: int, relay_preps: tuple[str, ...]) -> tuple[int, int] | None:
    """The object of the verb's source preposition, when it starts a speaker (من مصادر قضائية)."""
    for k in range(lo, hi - 1):
        if k not in doc.inside and doc.tokens[k].norm in relay_preps and doc.starts_speaker(k + 1):
            return _subject_from_region(doc, k + 1, hi)
    return None


#: How many tokens after the verb «على لسان X» may start: past a subject with a long title.
VOICE_WINDOW = 16


def voiced_speaker(doc: _Doc, i: int, hi: int, end: int) -> tuple[int, tuple[int, int]] | None:
    """Where «(و)على لسان X» or «بلسان X» opens among tokens [i, hi), and X's tokens (ending before
    ``end``), when X opens a speaker: the one who voiced the subject's words (وأكدت الخارجية على
    لسان المتحدث باسمها …); not after a title, which it completes (الناطق بلسان الخارجية)."""
    for k in range(i, min(hi, i + VOICE_WINDOW)):
        if k in doc.inside or (x := voice_phrase_end(doc, k)) is None:
            continue
        if x < end and not (k > 0 and doc.is_head(doc.tokens[k - 1])) and doc.starts_speaker(x):
            voice = _subject_from_region(doc, x, end)
            return (k, voice) if voice is not None else None
    return None


def voice_phrase_end(doc: _Doc, k: int) -> int | None:
    """The token after «(و)على لسان» or «بلسان» opening at token k, or None."""
    first = doc.tokens[k].norm
    for phrase in VOICE_PHRASES:
        x = k + len(phrase)
        if x <= len(doc.tokens) and first in (phrase[0], "و" + phrase[0]) and all(
                doc.tokens[k + m].norm == word for m, word in enumerate(phrase[1:], 1)):
            return x
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
    if not (i in doc.entity_end and i not in doc.governed_names or doc.is_head(doc.tokens[i])):
        return None
    return i, max(_noun_phrase(doc, i, stop), min(doc.entity_end.get(i, i + 1), stop))


def _affiliated_name(doc: _Doc, lo: int, j: int, hi: int) -> int:
    """Extend a bare title over its affiliation and the holder's name (القيادي في الحركة أسامة حمدان)."""
    if j >= hi or j - lo > 2 or doc.tokens[j].norm not in AFFILIATION_PREPOSITIONS or not doc.is_head(doc.tokens[lo]):
        return j
    k = j + 1
    while k < hi and k - j <= AFFILIATION_MAX and doc.tokens[k].kind == "word" and not doc.tokens[k].is_stop and (
        doc.tokens[k].norm not in doc.lex.forms and doc.tokens[k].norm not in doc.lex.subject_terminators | doc.lex.adverbs
    ) and not doc.is_addressee(k) and not _object_after_name(doc, j, k):
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


def _noun_phrase(doc: _Doc, lo: int, hi: int) -> int:
    """End of a speaker noun phrase starting at a head or name: titles, nisba adjectives, names."""
    j = min(doc.entity_end.get(lo, lo + 1), hi)
    j = next((k for k in range(lo + 1, j) if _offered(doc.tokens[k])), j)  # مجلس الوزراء | الشكر: not in the name
    chained = -1  # the last indefinite noun taken as the genitive of the one before it (قائد حرس | الحدود)
    while j < hi:
        token, prev = doc.tokens[j], doc.tokens[j - 1]
        governs = doc.is_head(prev) and not prev.has_article or chained == j - 1  # prev is in construct: a genitive follows
        if _spokesman_for(doc, j):
            j += 1  # المتحدث (الرسمي) باسمها: the spokesman's title
            continue
        if j in doc.entity_end and _possessed_object(doc, j, after_title=True):
            break  # أبدى الفريق | قناعته التامة: the object, which the name finder took for a name after a title
        if j in doc.entity_end:
            # the genitive of a head in construct, also one carrying ل: الأمين العام لمجلس التعاون …
            construct = governs
            holder = _titled(doc, prev) and doc.entity_type.get(j) == "PERSON" and (  # … الدكتور عبداللطيف الزياني، العراقي محمد سالم الغبان
                doc.entity_end[j] - j >= 2 or doc.given_name(j) or doc.is_name(token) or _named_before(doc, j))
            genitive = "ل" in token.proclitics.split("+") and _titled(doc, prev)  # الأمين العام لمجلس التعاون, not مصر لإيران
            if not (construct or holder or genitive or prev.norm in {"باسم", "ل"}):
                break  # a second actor after a complete phrase is the object: اتهمت الولايات المتحدة إيران
            j = max(min(_person_end(doc, j), hi), _construct_chain(doc, j, hi) if genitive else 0)  # لقطاع السجون
            continue
        if _is_adverb(doc, j) or _possessed_object(doc, j) or _offered(token) or token.norm in OBJECT_QUANTIFIERS or (
            _base(token) in OBJECT_NOUNS and "ل" not in token.proclitics
        ):
            break  # شكري | أهمية …، ناصر | بضرورة …; not قيادة التحالف لدعم الشرعية
        if token.norm == "." and prev.norm in TITLE_ABBREVIATIONS and j + 1 < hi and doc.tokens[j + 1].kind == "word":
            j += 2  # … لدول الخليج العربية د. عبداللطيف | بن راشد الزياني: an abbreviated title and the first name
            continue
        if token.norm == "(":
            close = next((k for k in range(j, hi) if doc.tokens[k].norm == ")"), None)
            if close is None:
                break
            j = close + 1
            continue
        if _first_name_of(doc, j) and _titled(doc, prev):
            j = min(_person_end(doc, j + 1), hi)  # الرئيس الأميركي باراك | أوباما: the first name of a known person
            continue
        base = _base(token)
        if token.kind == "word" and token.proclitics == "ل" and prev.has_article and (
            _base(prev) in doc.lex.title_words or _titled(doc, prev)) and j - 1 > lo and not doc.is_addressee(j):
            j = _construct_chain(doc, j, hi)  # الأمانة العامة لعشائر جنوب العراق، المدير العام للتعليم، … لقطاع السجون
            continue
        if _coordinated_genitive(doc, lo, j):
            j += 1  # وزارة التجارة | والصناعة، هيئة الغذاء | والدواء: one body's name
            continue
        if _field_of_body(doc, lo, j):
            j = _construct_chain(doc, j, hi)  # وكالة دوجان | للأنباء، مركز الملك سلمان | للإغاثة
            continue
        construct = token.kind == "word" and (prev.norm == "باسم" or governs and (
            token.has_article or "ل" in token.proclitics.split("+")
        ))
        if governs and _chain_link(doc, j, hi):
            chained = j  # أمين منطقة المدينة المنورة، قائد حرس الحدود، رئيس مجلس إدارة الشركة
            j += 1
            continue
        keeps = (
            doc.is_head(token) or doc.is_name(token) or base in doc.lex.title_words or token.norm in doc.lex.title_words
            or construct or _indefinite_nisba(doc, j)
            or _definite_nisba(token)
            or token.norm in NAME_PARTICLES or _first_name(doc, j) or doc.given_name(j)
            or doc.given_name(j - 1) and doc.entity_end.get(j - 1) != j  # not after a whole name (هادي of عبد ربه منصور هادي)
        )
        if not keeps or token.norm in doc.lex.forms:
            break
        j += 1
    return j


def _first_name_of(doc: _Doc, j: int) -> bool:
    """Token j is a bare word right before a person the gazetteer knows by the surname alone (باراك |
    أوباما): the person's first name, not a word between a title and its holder."""
    token = doc.tokens[j]
    return (token.kind == "word" and not token.has_article and not token.proclitics.startswith("و") and not doc.is_head(token)
            and not token.is_stop and j not in doc.entity_end and doc.entity_type.get(j + 1) == "PERSON" and not doc.tokens[j + 1].proclitics)


def _person_end(doc: _Doc, j: int) -> int:
    """End of the named actor at token j, a person's name cut before a verbal noun the name finder
    took for more name (… عبد الله النسور | حرص حكومته، جون كيري | التزام …، نتنياهو | تحذيره)."""
    end = doc.entity_end[j]
    if doc.entity_type.get(j) != "PERSON":
        return end
    for k in range(j + 1, end):
        if _base(doc.tokens[k]) in OBJECT_NOUNS or _possessed_object(doc, k):
            return k
    return end


def _named_before(doc: _Doc, j: int) -> bool:
    """Token j is the last word of a longer person's name earlier in the article (المهندس الركبان after
    المهندس عبدالرحمن الركبان), not a word the name finder took after a title (الوزير أهمية)."""
    word = doc.tokens[j].norm
    return any(start < j and end - start >= 2 and doc.tokens[end - 1].norm == word
               for start, end in doc.entity_end.items() if doc.entity_type.get(start) == "PERSON")


def _chain_link(doc: _Doc, j: int, hi: int) -> bool:
    """An indefinite common noun in construct that is itself followed by its genitive: a definite
    noun or a named actor, after at most two more such nouns (منطقة in أمين منطقة المدينة، حرس in
    قائد حرس الحدود، معركة in قائد معركة تحرير عدن)."""
    for k in range(j, min(j + CONSTRUCT_CHAIN_MAX, hi - 1)):
        token = doc.tokens[k]
        if (token.kind != "word" or token.has_article or token.proclitics or token.is_stop or token.norm in doc.lex.forms
                or k in doc.entity_end or _possessed_object(doc, k)):
            return False
        after = doc.tokens[k + 1]
        named = k + 1 in doc.entity_end and k + 1 not in doc.governed_names  # not مصدر تركي | لوكالة فرانس برس
        if after.kind == "word" and (after.has_article and not after.proclitics or named):
            return True
        if token.norm.endswith(DEFINITE_NISBA_ENDINGS):
            return False  # a nisba adjective ends the chain: مسؤولون ومنظمات إسلامية | ريادة المملكة
    return False


def _titled(doc: _Doc, token) -> bool:
    """A title or institution, or a word that describes one (الأمين العام، المتحدث الإعلامي، وزير)."""
    return token.kind == "word" and (doc.is_head(token) or _base(token) in doc.lex.title_words or token.norm in doc.lex.title_words
                                     or _definite_nisba(token))


