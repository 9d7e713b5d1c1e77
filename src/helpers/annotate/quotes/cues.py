"""Step 2: reporting cues in a sentence (verbs, participles, source phrases بحسب/وفقا لـ/نقلا عن)
and where each cue's clause ends.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from ...text.morphology import CONJUNCTIONS
from ...text.normalize import DIACRITICS
from ...text.segment import split_proclitics
from .document import (
    _Doc,
    purpose_form,
    written_word,
)
from .lexicon import (
    CLAUSE_BREAKERS,
    CLAUSE_OPENERS,
    COMMA,
    CONNECTING_ADVERBS,
    CueForm,
    NAME_PARTICLES,
    NEGATIONS,
    OBJECT_PRONOUNS,
    PREPOSITION_WORDS,
    RELATIVE_PRONOUNS,
    RESUMPTIVE_PREPOSITIONS,
    SENTENCE_CONNECTORS,
)

#: Fathatan, dammatan, kasratan: the marks of an indefinite noun.
_TANWEEN = frozenset("\u064b\u064c\u064d")
#: Words that may stand between a relative pronoun and its verb: التي طالما طالب بها، الذي قد أعلن عنه.
_RELATIVE_ADVERBS = frozenset({"قد", "طالما", "لطالما"})
#: After a comma, these and a verb cue open a new clause (…" كما قال الوزير، أيضا قال …).
_CONNECTORS = SENTENCE_CONNECTORS | CONNECTING_ADVERBS
#: The first words of the clause breakers of two words (في حين): where :func:`_clause_breaker` tries a second.
_BREAKER_FIRST_WORDS = frozenset(breaker.split()[0] for breaker in CLAUSE_BREAKERS if " " in breaker)
#: Words a name continues after (أبو يعرب المرزوقي، عبد …): the next word is no verb.
_NAME_OPENERS = NAME_PARTICLES | {"ابو", "عبد"}


class _Cue(NamedTuple):  # made for every cue: a named tuple is made in C, a frozen dataclass field by field
    index: int  # first token of the cue
    end: int  # token after the cue
    form: CueForm | None  # None for a source phrase
    lemma: str
    cls: str


def _verb_cue(doc: _Doc, i: int, sent_lo: int) -> _Cue | None:
    token = doc.tokens[i]
    form = None if i in doc.inside else doc.cue_form(token)
    if form is None:
        return None
    if not form.imperfect and not form.participle and not form.relay and _voweled_passive(token):
        return None  # أُعلن، ذُكر: "it was announced", nobody said to speak (but نُقل عن مسؤولين names its source)
    if not form.participle and not _TANWEEN.isdisjoint(token.surface):
        return None  # موقف أكثر حذرًا: a verb never carries tanween, a noun does (مؤكدًا is a participle)
    if not form.imperfect and not form.participle and form.lemma.startswith("ا") and written_word(token).startswith("أ"):
        return None  # وأعتقد أن، أعترف: the first person of a verb whose past opens with hamzat wasl (اعتقد)
    if form.ya_final and token.surface.rstrip(DIACRITICS).endswith("ى"):
        return None  # شاب يدعى خالد، ويوصى بتناوله: passive (تدعي "claims"; يرى is spelt with ى anyway)
    if _after_purpose_lam(doc, token, form) and not _opens_content(doc, i + 1, form):
        return None  # ليقول الشعب «لا»: after the ل of purpose, speech only with its content at once (ومضى ليقول إن، لتقول: «…»)
    prev = doc.tokens[i - 1] if i > sent_lo else None
    if prev is not None and prev.norm in NEGATIONS:
        return None  # لم تعلن أي جهة مسؤوليتها، لن يكشف: nobody said it
    if prev is not None and prev.norm.removeprefix("و") in PREPOSITION_WORDS:
        return None  # ومن بين المقاطع، إلى عبر: after a preposition the word is a noun or a preposition, not a verb
    if i > 0 and doc.tokens[i - 1].norm in _NAME_OPENERS:
        return None  # أبو يعرب المرزوقي: a name, not the verb يعرب
    if form.participle and doc.is_head(token) and i + 1 < len(doc.tokens) and doc.tokens[i + 1].norm == "باسم":
        return None  # وقالت متحدثة باسم الشرطة: the spokeswoman, a title
    if form.participle and prev is not None and prev.norm != COMMA and _verb_cue(doc, i - 1, sent_lo) is None and (
        not _opens_content(doc, i + 1, form)
    ):
        return None
    if form.verb_initial and prev is not None and prev.norm not in CLAUSE_OPENERS and token.norm[0] not in CONJUNCTIONS:
        return None
    if _said_of_the_antecedent(doc, i, sent_lo, form):
        return None
    return _Cue(i, i + 1, form, form.lemma, form.cls)


def _after_purpose_lam(doc: _Doc, token, form: CueForm) -> bool:
    """Is the word the present after the ل of purpose (لتقول، ليؤكد), not a form as listed?"""
    listed = token.norm[1:] if token.norm[:1] in CONJUNCTIONS else token.norm
    return listed not in doc.lex.forms and purpose_form(doc.lex, token.norm) is form


def _listed_form(doc: _Doc, token) -> str | None:
    """The lexicon form a cue word is written as, without a leading و/ف (وقال → قال), or None when
    it carries more than the lexicon lists (a pronoun: اتهمه، يعتبرونها)."""
    norm = token.norm
    if norm in doc.lex.forms:
        return norm
    return norm[1:] if norm[:1] in CONJUNCTIONS and norm[1:] in doc.lex.forms else None


def _said_of_the_antecedent(doc: _Doc, i: int, sent_lo: int, form: CueForm) -> bool:
    """A cue in a relative clause whose object is the antecedent, resumed by a pronoun on the verb
    or after the verb's own preposition (المرونة التي أبدتها الميليشيا، المنطقة التي طالما طالب بها، الاتفاق الذي
    أعلن عنه): it names what was said, and says nothing itself. Not when the content follows
    (الوزير الذي أبلغهم أن …), nor for a verb whose object is reported content (التي اعتبرها إنجازا)."""
    k = i - 1
    while k > sent_lo and doc.tokens[k].norm in _RELATIVE_ADVERBS:
        k -= 1
    if k < sent_lo or doc.tokens[k].norm not in RELATIVE_PRONOUNS:
        return False
    if doc.lex.nominal_kind(form.cls) == "indirect":
        return False  # التصريحات التي اعتبرها الوزير تدخلا: the object's predicate is what he said
    on_the_verb = _listed_form(doc, doc.tokens[i]) is None and (
        not form.takes_object)  # خامنئي الذي اتهمه رافسنجاني … بأنه «…»: the pronoun is who was accused
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    if nxt is not None and (nxt.norm in doc.lex.complementisers or nxt.norm == ":" or i + 1 in doc.opening):
        return False
    resumed = nxt is not None and nxt.norm in RESUMPTIVE_PREPOSITIONS and any(nxt.norm.startswith(p) for p in form.preps)
    return on_the_verb or resumed  # but قال عنه نصا: …: عن is not قال's own preposition, it says something


def _opens_content(doc: _Doc, i: int, form: CueForm) -> bool:
    """Does token i open a participle's content: a quotation, أن/إن, a colon or the verb's preposition
    (… في اليمن مشيرا “إلى …”، مشيدا بالموقف، ومضى قائلا: «…»، مكتفيا بالقول): then the participle
    needs no comma before it."""
    if i >= len(doc.tokens):
        return False
    token = doc.tokens[i]
    return (_marks_content(doc, i) or token.norm in form.preps or form.names_words and token.norm == "بالقول"
            or token.proclitics and any(p in token.proclitics.split("+") for p in form.preps if len(p) == 1)
            or token.norm in OBJECT_PRONOUNS)  # معتبرة إياها اعتداء، واصفا إياه بـ


def _voweled_passive(token) -> bool:
    """A past verb written with a damma on its first letter (أُعلن، نُقل، ذُكر): the passive voice."""
    letters = [c for c in token.surface if c != "\u0640"]  # tatweel
    skip = len(token.proclitics.replace("+", ""))
    return len(letters) > skip + 1 and letters[skip + 1] == "\u064f"


def _source_cue(doc: _Doc, i: int) -> _Cue | None:
    token = doc.tokens[i]
    if i in doc.inside or token.kind != "word":
        return None
    openers = doc.lex.source_openers
    if token.norm not in openers and not (token.norm[:1] in CONJUNCTIONS and token.norm[1:] in openers):
        return None  # most cue words are verbs: no phrase to try
    for phrase, lemma in doc.lex.source_phrases:
        words = list(phrase)
        wants_l = words[-1] == "ل"
        if wants_l:
            words = words[:-1]
        if token.norm not in words[0:1] and not (token.norm[:1] in CONJUNCTIONS and token.norm[1:] == words[0]):
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
    for i in doc.cue_words_in(lo, hi):  # every other word is neither cue
        cue = _source_cue(doc, i) or _verb_cue(doc, i, lo)  # نقلا عن is a source phrase, not the dual نقلا
        if cue:
            cues.append(cue)
    return cues


def _opens_clause_unmarked(doc: _Doc, cues_at: dict[int, _Cue], j: int) -> bool:
    """A new statement without a comma before it: a circumstantial participle (… في ترديدها معتبرة
    إياها …), a verb with و/ف whose content follows it (… وقالت إنها …), a clause breaker before a verb
    cue (… المنطقة كما دعت الجالية …، … الحكومية لكنه أضاف …) or وقد before a cue (… وقد جاء في نص
    البيان: …)."""
    cue = cues_at.get(j)
    if cue is not None and cue.form is not None and cue.form.participle and (doc.tokens[j - 1].kind == "word" or doc.tokens[j - 1].norm == ")"):
        return True  # … مع دول (5+1) مبينا أن …: also after a bracket
    if cue is not None and cue.form is not None and doc.tokens[j].norm[0] in CONJUNCTIONS and (
        _opens_content(doc, j + 1, cue.form) or j + 1 < len(doc.tokens) and doc.tokens[j + 1].norm == ":"
    ):
        return True  # وأكدت الحركة السيطرة على الإقليم وقالت إنها …: a second verb with its own content
    after = cues_at.get(j + 1)
    if doc.tokens[j].norm == "وقد" and after is not None and (after.form is None or not after.form.participle):
        return True  # … البحرينية وقد جاء في نص البيان: «…»: وقد before a past verb opens a main clause
    if doc.tokens[j].norm == "كما":
        return after is not None and after.form is not None and not after.form.participle
    breaker = _clause_breaker(doc, j)
    after = cues_at.get(j + breaker) if breaker else None
    # … الحكومية لكنه أضاف «…»: a past verb; a present one after حيث/بينما describes (حيث يأمل …)
    return after is not None and after.form is not None and not after.form.participle and not after.form.imperfect


def _clause_breaker(doc: _Doc, j: int) -> int:
    """How many words of a clause breaker (لكن، كما، في حين) start at token j: 1, 2, or 0 for none."""
    norm = doc.tokens[j].norm
    if norm in CLAUSE_BREAKERS:
        return 1
    if norm in _BREAKER_FIRST_WORDS and j + 1 < len(doc.tokens) and f"{norm} {doc.tokens[j + 1].norm}" in CLAUSE_BREAKERS:
        return 2
    return 0


def _clause_end(doc: _Doc, cues_at: dict[int, _Cue], start: int, hi: int) -> int:
    """The clause of a cue ends at the sentence end, or after a comma or a closing quote mark before
    ``مضيفا`` / ``وأضاف`` / ``بحسب``, a clause breaker (لكن، كما …) or a connector and a new
    verb (…" كما قال الوزير، أيضا قال …)."""
    first_content = None  # where the cue's own content begins, found once when first asked
    for j in _clause_break_candidates(doc, cues_at, start, hi):
        cue = cues_at.get(j)
        if (j in cues_at or j + 1 in cues_at or j + 2 in cues_at) and j not in doc.inside and _opens_clause_unmarked(doc, cues_at, j):
            return j  # (every unmarked opening has a cue at j or one or two words after it)
        if doc.tokens[j - 1].norm == COMMA and (j - 1) not in doc.inside:
            end = j - 1
        elif (j - 1) in doc.closing and doc.closing[j - 1].close is not None:
            end = j  # the quotation closes the clause: keep its mark
        else:
            continue
        if _clause_breaker(doc, j):
            return end
        if (doc.tokens[j].norm in _CONNECTORS and (j + 1) in cues_at
                and cues_at[j + 1].form is not None):
            return end
        if cue is None or end == j and doc.tokens[j].norm[0] not in CONJUNCTIONS:
            continue
        if cue.form is None or cue.form.participle or doc.tokens[j].norm[0] in CONJUNCTIONS:
            return end
        if first_content is None:
            first_content = next((k for k in range(start, hi) if _marks_content(doc, k)), hi)
        if not cue.form.imperfect and first_content < j and _own_content_ahead(doc, cues_at, j, hi):
            # … إنها ستغني إيران، قال المؤيدون، وهم من الديمقراطيين، إن …; before the first verb's
            # content, a verb between commas is an aside (وقال مسؤول، طلب عدم الكشف عن اسمه، إن …)
            return end
    return hi


def _clause_break_candidates(doc: _Doc, cues_at: dict[int, _Cue], start: int, hi: int) -> list[int]:
    """The tokens j in (start, hi) where :func:`_clause_end` may end a clause, in text order: after a
    comma or a closing quote mark (:attr:`_Doc.clause_stops`), or up to two words before a cue (an
    unmarked opening). Every other token only carries the clause on, so it is not visited."""
    stops = doc.clause_stops[bisect_left(doc.clause_stops, start) : bisect_left(doc.clause_stops, hi - 1)]
    near_cues = [j for c in cues_at for j in (c - 2, c - 1, c) if start < j < hi]
    return sorted({*(k + 1 for k in stops), *near_cues})


def _marks_content(doc: _Doc, k: int) -> bool:
    """Token k opens a content: أن/إن, a colon or a quotation."""
    return k in doc.opening or doc.tokens[k].norm in doc.lex.complementisers or doc.tokens[k].norm == ":"


def _own_content_ahead(doc: _Doc, cues_at: dict[int, _Cue], j: int, hi: int) -> bool:
    """The cue at token j has a content marker of its own before the next cue of its sentence: it
    opens a statement, not the attribution of the words before it."""
    for k in range(j + 1, hi):
        if k in cues_at:
            return False
        if _marks_content(doc, k):
            return True
    return False
