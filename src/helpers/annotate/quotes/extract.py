"""The engine: every sentence's statements with speakers, the headline, ids, marked terms and
voices, and the public functions that return them.
"""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from collections import Counter
from pathlib import Path

import pandas as pd

from ...text.morphology import CONJUNCTIONS
from .content import (
    _content_kind,
    _source_statement,
    _verb_statement,
)
from .coreference import (
    _Speakers,
)
from .cues import (
    _after_purpose_lam,
    _clause_end,
    _Cue,
    _find_cues,
    _listed_form,
)
from .document import (
    _base,
    _Doc,
    _inner,
)
from .fronted import (
    _antecedent,
    _channel_author,
    _clause_subject,
    _definite_title,
    _fronted_subject,
    _kana_subject,
    _person_antecedent,
    _questioned_subject,
    _sentence_subject,
    _skip_connectors,
    _while_clause_subject,
    quoted_name_subject,
)
from .lexicon import (
    ANSWER_MARKS,
    CLAUSE_OPENERS,
    HEADLINE_EVENT_NOUNS,
    HEADLINE_SEPARATORS,
    HEADLINE_SUBJECT_MAX,
    INTERVIEW_MIN_ANSWERS,
    INTERVIEW_QUESTION_MAX_WORDS,
    PREPOSITION_WORDS,
    QUOTE_CHARS,
    RELATIVE_PRONOUNS,
    SENTENCE_CONNECTORS,
    RELAYING_HEADS,
    ReportingLexicon,
    reporting_lexicon,
)
from .mentions import (
    _strip_span,
    mention_span,
)
from .objects import (
    _without_possessive,
)
from .records import (
    COLUMNS,
    JOURNALIST,
    VOICE_COLUMNS,
    Analysis,
    Speaker,
    Statement,
    _Draft,
)
from .recurring import (
    mention_cuts,
)
from .speakers import (
    _hamza_title,
    _past_quoted_name,
    _subject_from_region,
)

_ANALYSES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: Words a relayed statement's subject may take before its verb (أن | مملكة البحرين تشدد).
RELAYED_SUBJECT_MAX = 6
#: Characters between a reported clause's end and a verb that goes on it (a comma and a space).
REPORTED_CLAUSE_GAP = 3


def _sentence_statements(doc: _Doc, speakers: _Speakers, lo: int, hi: int, para: int, last_para: list[int]) -> list[_Draft]:
    """All statements of one sentence (tokens [lo, hi)), speakers resolved, in reading order."""
    cues = _find_cues(doc, lo, hi)
    # بقوله after a verb found in its sentence is how the verb's subject said it (تساءل نصر الله … بقوله: «…»)
    first_verb = next((c.index for c in cues if c.form is not None and not c.form.participle), hi)
    cues = [c for c in cues if not (c.form is not None and c.form.possessed and c.index > first_verb)]
    cues_at = {c.index: c for c in cues}
    drafts: list[_Draft] = []
    claimed_until = lo
    last_form = None  # the verb form of the last statement's cue
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
        if _goes_on_reported_clause(doc, cue, draft, drafts, last_form):
            _extend(drafts[-1], draft)
            claimed_until = max(claim_end, cue.end)
            continue
        relayed = _relayed_statement(doc, draft, cue, cues_at)
        if relayed is not None:
            claimed_until = relayed  # وذكرت وكالة الأنباء أن | مملكة البحرين تشدد على أن …: the inner speaker's words
            continue
        if draft.subject is None and cue.form is not None and not cue.form.participle and cue.index > lo and (
            doc.tokens[cue.index - 1].norm in RELATIVE_PRONOUNS
        ):
            draft.subject = _antecedent(doc, claimed_until, cue.index - 1)
            if draft.subject is None:
                continue  # الواقع الذي يؤكد …: the verb describes a thing, nobody speaks
        if draft.subject is not None and cue.form is not None and cue.form.takes_object and not cue.form.participle:
            draft.subject = _person_antecedent(doc, claimed_until, cue.index) or draft.subject
        if draft.subject is None and _not_a_report(doc, cue, lo, claimed_until):
            continue
        _resolve(doc, speakers, draft, cue, claimed_until, drafts)
        drafts.append(draft)
        last_form = cue.form
        claimed_until = max(claim_end, cue.end)
    drafts += _continuation_quotes(doc, speakers, lo, hi, para, drafts, last_para)
    return drafts


def _goes_on_reported_clause(doc: _Doc, cue: _Cue, draft: _Draft, drafts: list[_Draft], last_form) -> bool:
    """A present tense joined by و with a noun object and no subject of its own, right after the
    reported clause of a past-tense report (وأكدت البحرين أن التصريحات لا تخدم مصالح العراق، وتؤكد
    انصياع …): the verb goes on the clause, whose subject it shares; the speaker would go on in the
    past (وأكدت، وأضافت) or with a participle (مؤكدة). Not a verb with a clause of its own (ويضيف أن).
    """
    form = cue.form
    if form is None or not form.imperfect or draft.kind != "speech_act" or draft.subject is not None or not drafts or last_form is None:
        return False
    if last_form.imperfect or last_form.participle or drafts[-1].kind not in ("indirect", "mixed"):
        return False
    token = doc.tokens[cue.index]
    return token.norm[:1] in CONJUNCTIONS and drafts[-1].end >= token.start - REPORTED_CLAUSE_GAP


def _extend(draft: _Draft, more: _Draft) -> None:
    """Run a statement's content over the words of a verb that goes on it (its quoted words too)."""
    draft.end = max(draft.end, more.end)
    draft.quoted = draft.quoted + more.quoted
    if more.quoted and draft.kind == "indirect":
        draft.kind = "mixed"


def _relayed_statement(doc: _Doc, draft: _Draft, cue: _Cue, cues_at: dict[int, _Cue]) -> int | None:
    """GUIDE convention 1: an agency or paper that reports a named speaker's statement (وذكرت وكالة
    أنباء البحرين أن مملكة البحرين تشدد على أن …) only relays it. The token where the relayed
    statement starts (its subject, before its own verb), or None when the outlet is the source."""
    if cue.form is None or cue.form.participle or draft.kind != "indirect" or draft.subject is None:
        return None
    if _base(doc.tokens[draft.subject[0]]) not in RELAYING_HEADS:
        return None
    first = doc.by_start.get(draft.start)
    if first is None or not doc.starts_speaker(first) or any(t.norm == "عن" for t in doc.tokens[draft.subject[1]:first]):
        return None  # ونقلت رويترز عن تشانغ أن …: the words are تشانغ's, who is named as the source
    inner = next((k for k in range(first + 1, min(first + RELAYED_SUBJECT_MAX + 1, len(doc.tokens))) if k in cues_at), None)
    if inner is None or cues_at[inner].form is None or cues_at[inner].form.participle:
        return None
    subject = _fronted_subject(doc, first, inner)
    return first if subject is not None and subject[0] == first else None


def _not_a_report(doc: _Doc, cue: _Cue, lo: int, claimed_until: int) -> bool:
    """A subjectless imperfect that is no one's report: an impersonal formula first in its sentence
    (ويذكر أن، يشار إلى أن) or a verb describing the noun before it (مشروع قرار … يطالب بوقف …)."""
    form = cue.form
    if form is None or not form.imperfect:
        return False
    token = doc.tokens[cue.index]
    if _after_purpose_lam(doc, token, form):
        return False  # ليقول إن …: the ل of purpose, never a verb describing the noun before it
    bare = _listed_form(doc, token) or token.norm
    opens = all(doc.tokens[k].norm in SENTENCE_CONNECTORS | {"و", "ف"} for k in range(lo, cue.index))
    if opens:
        return bare in doc.lex.impersonal
    prev = doc.tokens[cue.index - 1]
    describes = prev.kind == "word" and prev.norm not in CLAUSE_OPENERS and token.norm[:1] not in CONJUNCTIONS
    return describes and _fronted_subject(doc, claimed_until, cue.index) is None and _headline_subject(doc, claimed_until, cue.index) is None


def _headline_subject(doc: _Doc, lo: int, verb: int) -> tuple[int, int] | None:
    """A headline's opening noun phrase before its present-tense verb, the headline style of
    reporting (النجيفي يستنكر …، فنان يطالب بـ …، الجالية البحرينية تندد …): a few words, no
    punctuation, not opening with a preposition or a cue."""
    headline = doc.article.headline
    if headline is None or not headline.start <= doc.tokens[verb].start < headline.end or not lo < verb:
        return None
    if doc.tokens[verb].norm[:1] in CONJUNCTIONS:  # خامنئي يصعد ضد واشنطن ويؤكد …: the first verb's subject
        verb = next((k for k in range(lo + 1, verb) if _present_verb(doc, k)), verb)
    lo = max([k + 1 for k in range(lo, verb) if doc.tokens[k].norm in HEADLINE_SEPARATORS and k not in doc.inside] + [lo])
    if lo in doc.opening:
        return quoted_name_subject(doc, lo, verb)
    words = doc.tokens[lo:verb]  # سياسي / معالي وزير الخارجية يؤكد: after a section's name
    if len(words) > HEADLINE_SUBJECT_MAX or any(t.kind != "word" for t in words) or lo in doc.inside:
        return None
    if words[0].norm in PREPOSITION_WORDS or any(doc.is_cue_word(t) for t in words):
        return None
    return lo, verb


def _present_verb(doc: _Doc, k: int) -> bool:
    """A bare word that reads as a present-tense verb (يصعد، تنتقد): ي or ت and three letters or more,
    no article or clitic, not a name, a title or a named actor."""
    token = doc.tokens[k]
    return (token.kind == "word" and token.norm[:1] in "يت" and len(token.norm) >= 4 and not token.has_article
            and not token.proclitics and k not in doc.entity_end and k not in doc.in_named and not doc.is_head(token)
            and not doc.given_name(k))


def _resolve(doc: _Doc, speakers: _Speakers, draft: _Draft, cue: _Cue, lo: int, before: list[_Draft]) -> None:
    """Give the draft its speaker: explicit subject, fronted subject, the sentence's speaker, or the last one."""
    subject = draft.subject
    source = "explicit"
    if subject is not None and cue.form is not None and cue.form.imperfect:
        subject = _headline_subject(doc, lo, cue.index) or subject  # القاهرة تطالب طهران بـ: the headline's subject comes first
    if subject is not None and cue.form is not None and not cue.form.participle:
        subject = _kana_subject(doc, lo, cue.index) or subject  # وكانت حركة طالبان حذرت | تنظيم داعش: كان's subject
        subject = quoted_name_subject(doc, _skip_connectors(doc, lo, cue.index), cue.index) or subject  # «داعش» يتهم | الحكومة
    # a participle or a present after the ل of purpose (ومضى الوزير ليقول إن …) says the words of the
    # sentence's speaker
    follows = cue.form is not None and (cue.form.participle or _after_purpose_lam(doc, doc.tokens[cue.index], cue.form))
    if subject is None and cue.form is not None and not follows:
        conjoined = cue.form.imperfect and doc.tokens[cue.index].norm[:1] in CONJUNCTIONS
        subject = (conjoined and _headline_subject(doc, lo, cue.index)) or _while_clause_subject(doc, lo, cue.index) or (
            _fronted_subject(doc, lo, cue.index) or _kana_subject(doc, lo, cue.index) or _clause_subject(doc, lo, cue.index)
            or _questioned_subject(doc, lo, cue.index) or (_headline_subject(doc, lo, cue.index) if cue.form.imperfect else None) or _channel_author(doc, lo, cue.index))
        if subject is None and not before and speakers.recent:
            subject = _coordinated_subject(doc, lo, cue.index, draft.gender)
            source = "coordinated" if subject else source
    if subject is None and follows and cue.form.possessed and (verb := _verb_since(doc, lo, cue.index)) is not None:
        subject = _subject_from_region(doc, verb + 1, cue.index)  # عبر عنه الملك سلمان | بقوله: that verb's subject
        source = "participle"
    if subject is None and follows:
        if before:
            draft.speaker, draft.source = before[-1].speaker, "participle"
            draft.subject = before[-1].subject
            if before[-1].voiced_for is not None:  # مطالبة after أكدت الخارجية على لسان المتحدث: the one it agrees with
                draft.speaker = speakers.continuing(draft.gender, draft.number)
                if draft.speaker is not before[-1].speaker:
                    draft.subject = before[-1].voiced_for
        else:
            subject = _sentence_subject(doc, lo, cue.index)
            source = "participle"
    if subject is not None and subject[1] - subject[0] == 1 and doc.tokens[subject[0]].norm in doc.lex.honorific_pronouns:
        # وقال معاليه: the titled person it stands for, or else the person last quoted (continuation below)
        draft.speaker = speakers.honoured(doc.tokens[subject[0]].norm, subject[0], draft.gender, draft.number)
        draft.source = "explicit" if draft.speaker is not None else draft.source  # named by its title
        subject = None
    if draft.speaker is None and subject is not None:
        subject = subject[0], _past_quoted_name(doc, *subject)
        subject = subject[0], next((cut for k, cut in doc.mention_cuts.items() if subject[0] <= k < cut < subject[1]), subject[1])
        draft.subject = subject
        voiced = draft.voiced_for is not None  # the verb agrees with the body, not with its voice
        draft.speaker = speakers.mention(*subject, _head_gender(doc, subject[0]) if voiced else draft.gender,
                                         "" if voiced else draft.number)
        draft.source = source
    if draft.speaker is None:
        draft.speaker = speakers.continuing(draft.gender, draft.number)
        draft.source = "continuation" if draft.speaker else "unknown"
    if draft.speaker is not None:
        speakers.spoke(draft.speaker)
    if draft.voiced_for is not None:  # وطالبت after وأكدت الخارجية على لسان المتحدث: the body goes on
        speakers.spoke(speakers.mention(*draft.voiced_for, draft.gender, draft.number))


def _coordinated_subject(doc: _Doc, lo: int, verb: int, gender: str) -> tuple[int, int] | None:
    """The subject a verb joined by و/ف to a clause before it in its sentence shares with that clause
    (رفضت مصر رسميا التدخل …، وشددت على …؛ صدام حسين يزور الكويت …، ويدعو …): the sentence's first
    speaker phrase, when it opens the clause or follows its first verb and is a named actor, a given
    name or a definite title whose gender does not clash with the verb's."""
    if verb <= lo or doc.tokens[verb].proclitics[:1] not in CONJUNCTIONS:
        return None
    subject = _sentence_subject(doc, lo, verb)
    if subject is None or subject[0] > _skip_connectors(doc, lo, verb) + 1:
        return None  # the clause opens with its subject or with a verb and its subject
    i = subject[0]
    title = _definite_title(doc, i)
    named = i in doc.entity_end and i not in doc.governed_names or doc.given_name(i) or title
    clash = title and gender and _head_gender(doc, i) != gender  # a title's gender is its own; a state's is not
    return subject if named and not clash else None


def _head_gender(doc: _Doc, i: int) -> str:
    """The gender of the noun at token i that heads a mention (الناطقة، متحدثتها: f; المتحدث، أمينها،
    مصادره: m), for a voice (على لسان X), whose verb agrees with the body it speaks for."""
    base = _base(doc.tokens[i])
    stems = _without_possessive(base)
    return "f" if (stems[1] if stems else base).endswith("ة") else "m"


def _verb_since(doc: _Doc, lo: int, cue: int) -> int | None:
    """The last word among tokens [lo, cue) that reads as a reporting verb, though it opened no
    statement (وهو ما عبر عنه الملك سلمان بقوله: «…»): بقوله after it says that verb's subject's words."""
    for k in range(cue - 1, lo - 1, -1):
        form = doc.cue_form(doc.tokens[k])
        if form is not None and not form.participle and k not in doc.inside:
            return k
    return None


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
    idx = doc._token_range(article.headline.start, article.headline.end)
    colon = next((i for i in idx[:9] if doc.tokens[i].norm == ":" and i not in doc.inside), None)
    if colon is None or colon == idx[0]:
        return [], None
    lo = idx[0]
    # a headline of two parts (ظريف في الكويت.. إيران: …): the speaker is the part before the colon
    lo = max([k + 1 for k in range(lo, colon) if doc.tokens[k].norm in HEADLINE_SEPARATORS and k not in doc.inside] + [lo])
    first = doc.tokens[lo]
    if lo >= colon or first.kind == "word" and (first.norm in PREPOSITION_WORDS and not _hamza_title(first) or first.norm in doc.lex.forms):
        return [], None  # not أمام: …, but إمام الحرم: … (أمام and إمام normalise alike)
    span = _strip_span(doc, colon + 1, idx[-1] + 1)
    if span is None or _place_and_event(doc, lo, colon, span[0]):
        return [], None
    kind, start, stop, quoted = _content_kind(doc, *span, "headline")
    hi = next((k for k in range(lo + 1, colon) if _headline_addressee(doc, k)), colon)
    draft = _Draft(kind=kind, para=0, start=start, end=stop, quoted=quoted, cue_start=doc.tokens[colon].start,
                   cue_end=doc.tokens[colon].end, lemma=":", cls="headline",
                   subject=_subject_from_region(doc, lo, hi) or (lo, hi))
    draft.speaker = speakers.mention(*draft.subject, "", "")
    draft.source = "headline"
    if kind == "headline":
        return [], draft
    speakers.spoke(draft.speaker)
    return [draft], None


def _place_and_event(doc: _Doc, lo: int, colon: int, first: int) -> bool:
    """A headline «place: event» (تركيا: مقتل 30 في هجوم، البحرين: إحباط عملية تهريب): a state or
    city alone before the colon and a noun of ``headline_event_nouns`` after it say where something
    happened, not who speaks (GUIDE.md: a place name before a colon is not a speaker)."""
    place = doc.entity_type.get(lo) == "GPE" and doc.entity_end.get(lo) == colon
    return place and _base(doc.tokens[first]) in HEADLINE_EVENT_NOUNS


def _headline_addressee(doc: _Doc, k: int) -> bool:
    """A state or a people after ل before a headline's colon (وزير الداخلية البحريني لإيران: …، وزير
    الدفاع الأمريكي للسعوديين: …): whom the speaker addresses, not part of the speaker's name."""
    token = doc.tokens[k]
    if not token.proclitics.startswith("ل") or k in doc.inside:
        return False
    return doc.entity_type.get(k) == "GPE" or token.has_article and _base(token).endswith("يين")


def _claimed(doc: _Doc, lo: int, hi: int, drafts: list[_Draft]) -> bool:
    """Are all words of tokens [lo, hi) inside an earlier statement's content (a quotation announced
    at the end of the previous paragraph: وتابع قائلا: ⏎ «…»)."""
    if all(d.end <= doc.tokens[lo].start for d in drafts):
        return False  # most sentences come after every statement so far
    first = next((k for k in range(lo, hi) if doc.tokens[k].kind != "punct"), None)
    if first is None:
        return False
    last = next(k for k in range(hi - 1, first - 1, -1) if doc.tokens[k].kind != "punct")
    return any(d.start <= doc.tokens[first].start and doc.tokens[last].end <= d.end for d in drafts)


def _analyse(article, lexicon: ReportingLexicon) -> Analysis:
    """The article's statements; read twice when a mention ran past a name the article uses alone
    (:func:`.recurring.mention_cuts`)."""
    analysis, doc = _analyse_once(_Doc(article, lexicon))
    cuts = mention_cuts(doc, analysis.statements)
    if not cuts:
        return analysis
    doc = _Doc(article, lexicon)
    doc.mention_cuts = cuts
    return _analyse_once(doc)[0]


def _analyse_once(doc: _Doc) -> tuple[Analysis, _Doc]:
    article = doc.article
    speakers = _Speakers(doc)
    head_drafts, attribution = _headline(doc, speakers)
    drafts: list[_Draft] = list(head_drafts)
    last_para: list[int] = []
    for sentence in article.sentences:
        if sentence.sentence not in doc.sentences:
            continue
        lo, hi = doc.sentences[sentence.sentence]
        if head_drafts and any(d.para == 0 and doc.tokens[lo].start <= d.start < doc.tokens[hi - 1].end for d in head_drafts):
            continue
        if _claimed(doc, lo, hi, drafts[-2:]):
            continue
        found = _sentence_statements(doc, speakers, lo, hi, sentence.para, last_para)
        for draft in found:
            draft.sentence = sentence.sentence
        if found:
            last_para[:] = [sentence.para]
        drafts += found
    answers = _interview_answers(doc, speakers, drafts, attribution)
    drafts = [d for d in drafts if not any(a.start <= d.start < a.end for a in answers)] + answers  # nested in an answer
    drafts.sort(key=lambda d: (d.start, d.cue_start))
    statements, ordered = _finish(doc, speakers, drafts)
    headline = _finish(doc, speakers, [attribution], ordered, prefix="h")[0][0] if attribution else None
    return Analysis(statements, ordered, _marked_terms(doc, statements), headline), doc


def _interview_answers(doc: _Doc, speakers: _Speakers, drafts: list[_Draft], attribution: _Draft | None) -> list[_Draft]:
    """An interview's answers: a paragraph after a short question paragraph (… ؟), with no statement
    of its own or marked as an answer (••، ـ), is the interviewee's own words, direct though without
    quote marks (GUIDE convention 8); statements inside it are nested in it (convention 2). The
    interviewee is the headline's speaker («نائب لبناني لـ اليوم: …»), else the speaker most quoted
    before the first question, else the first person the introduction names (الحوار مع ناقد روائي …
    علي الشدوي), else the article's most quoted speaker. The layout needs a few answers, and either
    that headline or answers opened by a dash (ـ، ••، =), so that an opinion column's rhetorical
    questions are not taken for one."""
    paragraphs = doc.article.paragraphs
    answers = []
    for n in range(1, len(paragraphs)):
        question = doc.text[paragraphs[n - 1].start : paragraphs[n - 1].end].strip()
        answer = paragraphs[n]
        if not question.endswith(("؟", "?")) or len(question.split()) > INTERVIEW_QUESTION_MAX_WORDS:
            continue
        tokens = doc._token_range(answer.start, answer.end)
        span = _strip_span(doc, tokens.start, tokens.stop) if len(tokens) else None
        marked = answer.start < doc.tokens[tokens.start].start or span is not None and span[0] > tokens.start
        while span is not None and doc.tokens[span[0]].norm in ANSWER_MARKS:
            span, marked = _strip_span(doc, span[0] + 1, span[1]), True
        marked = marked or doc.text[answer.start : answer.end].lstrip()[:1] in "ـ-–—•="
        # an answer that reports someone else (يقول باسكال …) is still the interviewee's, when marked as one
        if span is not None and (marked or not any(answer.start <= d.start < answer.end for d in drafts)):
            answers.append((n + 1, span, marked))
    marked_answers = sum(marked for _, _, marked in answers)
    layout = attribution is not None or marked_answers * 2 >= len(answers)  # an interviewee named, or answers marked
    if len(answers) < INTERVIEW_MIN_ANSWERS or not layout:
        return []
    first_question = paragraphs[answers[0][0] - 2].start
    counts = Counter(d.speaker for d in drafts if d.speaker is not None)
    introduced = Counter(d.speaker for d in drafts if d.speaker is not None and d.start < first_question)
    interviewee = attribution.speaker if attribution is not None else (
        max(introduced, key=introduced.get, default=None) or _introduced_person(doc, speakers, first_question)
        or max(counts, key=counts.get, default=None))
    if interviewee is None:
        return []
    out = []
    for para, (i, j), _ in answers:
        start, end = doc.span(i, j)
        out.append(_Draft(kind="direct", para=para, start=start, end=end, quoted=[], cue_start=start, cue_end=start,
                          lemma="", cls="interview", speaker=interviewee, source="interview"))
    return out


def _introduced_person(doc: _Doc, speakers: _Speakers, before: int) -> Speaker | None:
    """The first person named in the body before character ``before`` (an interview's introduction,
    before its first question): a named person, or a given name and the word after it."""
    for k in doc._token_range(doc.article.paragraphs[0].start, before):
        if doc.entity_type.get(k) == "PERSON":
            return speakers.mention(k, doc.entity_end[k], "", "")
        if doc.given_name(k):
            return speakers.mention(k, k + 2, "", "")
    return None


def _finish(doc: _Doc, speakers: _Speakers, drafts: list[_Draft], ordered: list[Speaker] | None = None,
            prefix: str = "q") -> tuple[list[Statement], list[Speaker]]:
    """Number statements and speakers in reading order and fill the table fields."""
    ordered = [] if ordered is None else ordered
    number = {id(s): n for n, s in enumerate(ordered, 1)}  # speakers are told apart by identity
    for draft in drafts:
        if draft.speaker is not None and id(draft.speaker) not in number:
            ordered.append(draft.speaker)
            number[id(draft.speaker)] = len(ordered)
    statements = []
    for n, d in enumerate(drafts, 1):
        speaker = d.speaker
        if speaker is not None:
            mention = _mention_for(speaker, d, doc)
            speaker_fields = dict(
                speaker=doc.text[mention[0] : mention[1]], speaker_id=f"S{number[id(speaker)]}",
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
        return mention_span(doc, *draft.subject)
    earlier = bisect_left(speaker.mentions, (draft.cue_start,))
    return speaker.mentions[earlier - 1] if earlier else speaker.mentions[0]


def _statement_at(statements: list[Statement], starts: list[int], longest: int, offset: int) -> str:
    """The id of the first statement (in reading order, sorted by ``starts``) whose content holds
    ``offset``; only statements starting within the ``longest`` content before it can."""
    first = bisect_left(starts, offset - longest)
    return next((s.quote_id for s in statements[first : bisect_right(starts, offset)] if s.start <= offset < s.end), "")


def _marked_terms(doc: _Doc, statements: list[Statement]) -> list[dict]:
    """Every quotation that is not quoted speech: names and terms, and unattributed quotations
    (the rows of :attr:`Analysis.terms`)."""
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
    return rows


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


def quote_columns(article) -> dict[str, list]:
    """The statements as column lists (what the corpus tables store): the columns of ``quotes.csv``,
    quoted_spans as ``start-end;…``, speaker_start/speaker_end None where no speaker is named."""
    statements = extract_quotes(article)
    columns = {name: [getattr(s, name) for s in statements] for name in COLUMNS if name != "quoted_spans"}
    columns["quoted_spans"] = [_spans_text(s.quoted_spans) for s in statements]
    return {name: columns[name] for name in COLUMNS}


def quote_table(article) -> pd.DataFrame:
    """One row per statement: the columns of ``quotes.csv``."""
    frame = pd.DataFrame(quote_columns(article), columns=COLUMNS)
    for column in ("speaker_start", "speaker_end"):  # integers that may be missing (no named speaker)
        frame[column] = pd.array(frame[column].tolist(), dtype="Int64")
    return frame


def marked_terms(article) -> pd.DataFrame:
    """Quoted names and terms («ناتو»، "الفيتو") and quotations nobody is said to speak."""
    return analyse(article).terms


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
    Only the spans that can overlap [start, end) are read (binary search on their starts, then back
    while an earlier span can still reach ``start``), so looking up every sentence stays near-linear.
    """
    spans, starts, reach = _voice_index(article)
    length = max(end - start, 1)
    best = None
    i = bisect_left(starts, end) - 1
    while i >= 0 and reach[i] > start:
        a, b, speaker_id, label, voice = spans[i]
        overlap = min(b, end) - max(a, start)
        if overlap * 2 >= length and overlap > 0:
            rank = (voice == "quoted", overlap)
            if best is None or rank >= best[0]:  # going backwards: on a tie the earlier span wins
                best = (rank, (speaker_id, label, voice))
        i -= 1
    return best[1] if best else JOURNALIST


_VOICE_INDEX: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _voice_index(article) -> tuple[list[tuple[int, int, str, str, str]], list[int], list[int]]:
    """The article's voice spans in start order, their starts, and the furthest end reached so far."""
    if article not in _VOICE_INDEX:
        spans = [(r["start"], r["end"], r["speaker_id"], r["speaker_label"], r["voice"]) for r in _voice_rows(article)]
        reach, furthest = [], -1
        for span in spans:
            furthest = max(furthest, span[1])
            reach.append(furthest)
        _VOICE_INDEX[article] = (spans, [s[0] for s in spans], reach)
    return _VOICE_INDEX[article]
