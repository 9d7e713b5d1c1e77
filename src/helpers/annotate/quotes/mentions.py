"""Step 4, the words that name a speaker: the mention of tokens [i, j) cut to the speaker and
nothing more (a relative or descriptive clause, an apposed title or description, a second person
joined by و, trailing prepositions and asides), or the quoted name it gives (صحيفة «سبق»).
"""
from __future__ import annotations

from ...text.quotemarks import QuoteSpan
from .document import (
    MENTION_STOPS,
    _base,
    _compound_starts,
    _Doc,
    _inner,
)
from .lexicon import (
    COMMA,
    NAME_PARTICLES,
    PREPOSITION_WORDS,
    PUNCT_STRIP,
    QUOTED_NAME_MAX,
)

#: Head words a quoted name may follow in a mention and still be the speaker's name (رئيس الفرع «محمد آقار»).
QUOTED_NAME_AFTER = 2
#: Words after a comma in a mention within which a person's name keeps the comma in (، النرويجي ينس …).
APPOSED_NAME_WINDOW = 3
#: Words a mention does not end on.
MENTION_TRAILERS = PUNCT_STRIP | PREPOSITION_WORDS | {"("}


def _strip_span(doc: _Doc, i: int, j: int) -> tuple[int, int] | None:
    """Tokens [i, j) without leading/trailing punctuation (closing quote marks are kept)."""
    while i < j and doc.tokens[i].norm in PUNCT_STRIP:
        i += 1
    while j > i and doc.tokens[j - 1].norm in PUNCT_STRIP:
        j -= 1
    return (i, j) if j > i else None


def mention_span(doc: _Doc, i: int, j: int) -> tuple[int, int]:
    """Character span of the mention in tokens [i, j) that names the speaker and nothing more: cut
    before a relative clause (المسؤول الذي رفض …) or a descriptive one (وهو جمهوري), without
    trailing punctuation, prepositions, an unclosed bracket or a bracketed aside ((الناتو)، (اليميني)).
    Remembered per document: a statement's speaker asks for the mention its speaker was found by."""
    span = doc.mention_spans.get((i, j))
    if span is None:
        span = doc.mention_spans[i, j] = _mention_span(doc, i, j)
    return span


def _mention_span(doc: _Doc, i: int, j: int) -> tuple[int, int]:
    quoted = _quoted_name_of(doc, i, j)
    if quoted is not None:
        return _inner(doc, quoted)  # صحيفة «سبق»، وكالة أنباء «الأناضول» التركية، السيد «جو كلين»: the quoted name
    k = i
    while k < j and doc.tokens[k].norm not in MENTION_STOPS:
        k += 1
    named = next((g for g in range(i, min(i + 4, k)) if doc.given_name(g)), i)  # الأدميرال | جون كيربي، …
    k = _apposed_title(doc, named if all(doc.tokens[t].kind == "word" for t in range(i, named)) else i, k)
    k = _before_apposition(doc, i, k)
    k = _first_conjunct(doc, i, k)
    while k > i + 1 and doc.tokens[k - 1].norm in MENTION_TRAILERS:
        k -= 1
    if k > i + 1 and doc.tokens[k - 1].norm == ")":  # a bracketed aside at the end: حلف شمال الأطلسي (الناتو)
        opened = next((m for m in range(k - 2, i, -1) if doc.tokens[m].norm == "("), None)
        if opened is not None:
            k = opened
    return doc.span(i, max(k, i + 1))


def _before_apposition(doc: _Doc, i: int, k: int) -> int:
    """A mention ends at a comma that sets off a description with no person's name in its first
    words (مصدر من مجلس شورى كويتا، | القيادة المركزية لحركة طالبان، عز الدين الأصبحي، | وزير حقوق
    الإنسان); the name after a title stays (وزير الخارجية الأمريكي، جون كيري)."""
    depth = 0
    for m in range(i + 1, k - 1):
        depth += (doc.tokens[m].norm == "(") - (doc.tokens[m].norm == ")")
        if doc.tokens[m].norm == COMMA and m not in doc.inside and depth <= 0:  # not (جمهوري، ولاية فلوريدا)
            after = range(m + 1, min(m + 1 + APPOSED_NAME_WINDOW, k))
            if not any(doc.entity_type.get(t) == "PERSON" or doc.given_name(t) or doc.is_name(doc.tokens[t])
                       or t in doc.in_named or _base(doc.tokens[t]) in _compound_starts() for t in after):
                return m  # (a name: غريغ أبوت، عبد العزيز جباري)
            return k
    return k


def _first_conjunct(doc: _Doc, i: int, k: int) -> int:
    """Two people joined by و are two speakers, each named by its own mention (وزير الدفاع أشتون
    كارتر ووزير البحرية راي مابوس → the first): the mention ends before a و-word that opens a
    speaker, once a person's name has been given (not مسؤولون ومنظمات, one group)."""
    named = False
    for m in range(i, k):
        token = doc.tokens[m]
        if named and token.kind == "word" and token.proclitics == "و" and doc.starts_speaker(m):
            return m
        named = named or doc.entity_type.get(m) == "PERSON" or doc.given_name(m) or doc.is_name(token)
    return k


def _quoted_name_of(doc: _Doc, i: int, j: int) -> QuoteSpan | None:
    """The quoted name a mention in tokens [i, j) gives its speaker by (GUIDE convention 6): a short
    quotation right after its head (صحيفة «سبق»، السيد «جو كلين») or set after a definite one (رئيس
    الفرع «محمد آقار»), with no preposition before it and no person named after it (not رئيس لجنة
    «ميثاق»، الأمين العام لـ«حزب الله» حسن نصر الله)."""
    if not doc.is_head(doc.tokens[i]):
        return None
    for q in range(i + 1, min(i + QUOTED_NAME_AFTER + 1, j)):
        quote = doc.opening.get(q)
        if quote is not None:
            before = doc.tokens[i:q]
            close = doc.by_start.get(quote.close, j) if quote.close is not None else j
            plain = all(t.kind == "word" and t.norm not in PREPOSITION_WORDS and t.norm not in {"ل", "ب"} for t in before)
            if q > i + 1 and not before[-1].has_article:
                return None  # رئيس لجنة «ميثاق»: the name of the committee the head leads, not of the speaker
            named_after = any(doc.entity_type.get(t) == "PERSON" or doc.given_name(t) or doc.is_name(doc.tokens[t])
                              for t in range(close + 1, j))
            short = doc.words_in(quote) <= QUOTED_NAME_MAX
            return quote if plain and short and not named_after and doc.is_term(quote) else None
        if doc.tokens[q].kind != "word":
            return None
    return None


def _apposed_title(doc: _Doc, i: int, k: int) -> int:
    """A mention that opens with a person's name ends with the name: the title set after it is an
    apposition (كارلي فيورينا الرئيسة السابقة لـ …، بن كاردين أكبر عضو …، ديفيد اكسيلرود، كبير مستشاري …).
    The name is words that are not titles, the last one a name, with ال only as a family name after
    a given name (محمد العلي); a title follows within two words, or a comma or dash and no name."""
    for m in range(i + 1, k):
        token, prev = doc.tokens[m], doc.tokens[m - 1]
        family = m - 2 >= i and doc.given_name(m - 2) and prev.norm not in NAME_PARTICLES  # جون كيري | وزير: however common
        if (prev.kind != "word" and prev.norm != "-") or prev.has_article and not family or doc.is_head(prev):
            return k  # (a family name with ال after a given name is still the name: محمد العلي | مدير الإدارة)
        if not (doc.is_name(prev) or doc.given_name(m - 1) or family) or token.norm in NAME_PARTICLES:
            continue
        if token.norm in (COMMA, "-", "–") and m + 1 < k and doc.tokens[m + 1].kind == "word" and not (
            doc.entity_type.get(m + 1) == "PERSON" or doc.given_name(m + 1)
        ):  # ديفيد اكسيلرود، | كبير مستشاري البيت الأبيض، محمد القثامي | -رجل أعمال (not والي أرزينجان، سليمان قهرمان)
            return m
        if doc.is_name(token) or doc.given_name(m) or doc.given_name(m - 1) or (
            token.kind == "word" and token.has_article and not doc.is_head(token)
        ):
            continue
        if any(doc.is_head(t) for t in doc.tokens[m : min(m + 3, k)]):
            return m
    return k
