"""The reporting lexicon (``data/reporting.yaml``): cue forms of reporting verbs and participles,
their classes, source phrases and the word lists the extractor reads around them.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ...paths import PACKAGE_DATA
from ...text.lexicons import cached_by_file, read_yaml
from ...text.morphology import ARTICLE, has_article
from ...text.normalize import normalize
from ...text.quotemarks import ALL_MARKS
from ..names import load_names

LEXICON_PATH = PACKAGE_DATA / "reporting.yaml"


RULES_PATH = PACKAGE_DATA / "quote_rules.yaml"


def _read_rules(path: Path) -> dict:
    """The word lists (normalised, as frozensets) and thresholds of ``data/quote_rules.yaml``."""
    data = read_yaml(path, ValueError)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of word lists and thresholds")
    rules = {}
    for key, value in data.items():
        if isinstance(value, list):
            rules[key] = frozenset(normalize(str(word)) for word in value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            rules[key] = value
        else:
            raise ValueError(f"{path}: '{key}' must be a list of words or a number")
    return rules


_RULES = _read_rules(RULES_PATH)


def _rule(key: str):
    if key not in _RULES:
        raise ValueError(f"{RULES_PATH}: missing '{key}'")
    return _RULES[key]


RELATIVE_PRONOUNS = _rule("relative_pronouns")
#: A descriptive clause after a speaker's name (السناتور … وهو جمهوري) is not part of the mention.
MENTION_ENDERS = _rule("mention_enders")
CLAUSE_OPENERS = _rule("clause_openers")
SENTENCE_CONNECTORS = _rule("sentence_connectors")
CONNECTING_ADVERBS = _rule("connecting_adverbs")
PREPOSITION_WORDS = _rule("preposition_words")
#: A cue right after a negation is not a report: لم يعلن، لن يكشف.
NEGATIONS = _rule("negations")
#: After a comma these open a new clause, which ends the content before them (…، لكنها رفضت …).
CLAUSE_BREAKERS = _rule("clause_breakers")
CONTRAST_BREAKERS = _rule("contrast_breakers")  # إلا أن كرزاي أكد: a new subject put first
#: After an indefinite head these describe the speaker (مسؤول في وزارة الدفاع، مصادر من الحركة).
DESCRIPTIVE_PREPOSITIONS = _rule("descriptive_prepositions")
RELAY_WORDS = _rule("relay_words")
#: «على لسان X»: X voices the verb's subject and is the speaker, as tuples of normalised words.
VOICE_PHRASES = tuple(tuple(phrase.split()) for phrase in sorted(_rule("voice_phrases")))
#: Titles باسمه، باسمها completes (المتحدث الرسمي باسمها).
SPOKESMAN_HEADS = _rule("spokesman_heads")
#: إن، أن، لكن: the subject after them is accusative (إلا أن مسؤولا آخر أشار).
ACCUSATIVE_PARTICLES = _rule("accusative_particles")
#: Nouns that name a quotation also across a colon (تحت عنوان: «…»).
NAMING_HEADS = _rule("naming_heads")
#: Outlets that only relay a named speaker's statement (وذكرت وكالة الأنباء أن الوزير أكد أن …).
RELAYING_HEADS = _rule("relaying_heads")
#: Nouns of time that are adverbs before an adverb of time (الأسبوع الماضي، العام المقبل).
TIME_NOUNS = _rule("time_nouns")
#: Adverbs of time of several words (أول من أمس), as tuples of normalised words.
TIME_PHRASES = tuple(tuple(phrase.split()) for phrase in sorted(_rule("time_phrases")))
RESUMPTIVE_PREPOSITIONS = _rule("resumptive_prepositions")  # وفقا لما أفادت به
FA_COMPLEMENTISERS = _rule("fa_complementisers")
AFFILIATION_PREPOSITIONS = _rule("affiliation_prepositions")
ACCREDITATION_PREPOSITIONS = _rule("accreditation_prepositions")
OVERSEEING_PARTICIPLES = _rule("overseeing_participles")
ALLEGIANCE_PARTICIPLES = _rule("allegiance_participles")
NAMED_BODY_HEADS = _rule("named_body_heads")
OBJECT_QUANTIFIERS = _rule("object_quantifiers")
TITLE_ABBREVIATIONS = _rule("title_abbreviations")
DEMONSTRATIVES = _rule("demonstratives")
AFFILIATION_HEADS = frozenset(w[len(ARTICLE):] if has_article(w) else w for w in _rule("affiliation_heads"))
#: Words inside a person's name (بن، آل، ولد): the name finder's list (``data/names.yaml``), one list for both.
NAME_PARTICLES = load_names().lists["name_particles"]
#: Verbal nouns that open a speech act's object (أهمية، ضرورة): never the first word of a speaker.
OBJECT_NOUNS = frozenset(w[len(ARTICLE):] if has_article(w) else w for w in _rule("object_nouns"))
SPEECH_NOUNS = _rule("speech_nouns")
ISSUED_WORDS = _rule("issued_words")
SPEECH_NOUN_MODIFIERS = _rule("speech_noun_modifiers")
WHILE_OPENERS = _rule("while_openers")
OFFER_NOUNS = frozenset(normalize(w) for w in _rule("offer_nouns"))
HEADLINE_EVENT_NOUNS = frozenset(normalize(w) for w in _rule("headline_event_nouns"))
CHANNEL_PRONOUNS = frozenset(normalize(w) for w in _rule("channel_pronouns"))
#: The one told, as a pronoun between the verb and its subject (وقال له رئيس اللجنة).
ADDRESSEE_PRONOUNS = _rule("addressee_pronouns")
#: Detached object pronouns that open a participle's content (واصفا إياه بـ …، معتبرة إياها …).
OBJECT_PRONOUNS = _rule("object_pronouns")
NAME_PREPOSITIONS = _rule("name_prepositions")
#: Areas a title's holder serves, joined by بـ (مدير الشرطة بمنطقة الرياض).
AREA_HEADS = _rule("area_heads")
#: Titles that normalise to a preposition; told apart by the hamza below written on them (إمام).
HAMZA_TITLES = _rule("hamza_titles")
ADDRESSING_CLASSES = _rule("addressing_classes")
AFFILIATION_MAX = int(_rule("affiliation_max"))
DEFINITE_HEAD_QUOTE_WORDS = int(_rule("definite_head_quote_words"))
NUMBERED_NAME_WORDS = int(_rule("numbered_name_words"))
QUOTED_NAME_MAX = int(_rule("quoted_name_max"))
FRONTED_ADVERBIAL_MAX = int(_rule("fronted_adverbial_max"))
FRONTED_NAME_REST_MAX = int(_rule("fronted_name_rest_max"))
KANA_SUBJECT_MAX = int(_rule("kana_subject_max"))
ANTECEDENT_MAX = int(_rule("antecedent_max"))
BRACKET_CUE_WINDOW = int(_rule("bracket_cue_window"))
NAME_MAX_ZIPF = float(_rule("name_max_zipf"))
ACCUSATIVE_MIN_LETTERS = int(_rule("accusative_min_letters"))
HEADLINE_SUBJECT_MAX = int(_rule("headline_subject_max"))
ANSWER_MARKS = _rule("answer_marks")
INTERVIEW_MIN_ANSWERS = int(_rule("interview_min_answers"))
INTERVIEW_QUESTION_MAX_WORDS = int(_rule("interview_question_max_words"))
#: Marks that divide a headline into parts (ظريف في الكويت.. إيران: …).
HEADLINE_SEPARATORS = frozenset({".", "…", "|", "-", "–", "—", "،", "/"})  # / after SPA's section: سياسي / …
#: Punctuation, not words: the comma as normalised, what a span is stripped of, the quote marks.
COMMA = ","
PUNCT_STRIP = frozenset({",", ".", ";", ":", "!", "?", "…", "-", "–", "—"})
QUOTE_CHARS = ALL_MARKS  # the quote marks, as text.quotemarks pairs them
#: Gazetteer types (helpers.annotate.entities) that can speak: states, organisations, people.
SPEAKER_ENTITY_TYPES = ("GPE", "ORG", "PERSON")


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
    names_words: bool = False  # اختتم: speech only when a noun for the words follows (كلمته، حديثه، بالقول)
    ya_final: bool = False  # an imperfect the lexicon spells with a final ي (يدعي، ينفي): written ى it is passive
    also_preposition: bool = False  # بين "between": before two nouns joined by و it is the preposition
    passive_present: bool = False  # يعتبر without أن is يُعتبر "is considered"
    offers: bool = False  # قدم، رفع: speech only when it offers a courtesy or a message (قدم التعازي)
    possessed: bool = False  # بقوله: a verbal noun with the speaker's pronoun, after the verb it says how


@dataclass(frozen=True, eq=False)  # a lexicon is itself: hashed by identity, so that lookups in it can be cached
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
    term_prepositions: frozenset[str]
    partitive_heads: frozenset[str]
    anonymity_markers: tuple[tuple[str, ...], ...]
    impersonal: frozenset[str]
    question_verbs: frozenset[str]
    honorific_pronouns: frozenset[str]
    honorific_titles: dict[str, frozenset[str]]
    max_term_words: int
    min_continuation_words: int

    @cached_property
    def source_openers(self) -> frozenset[str]:
        """The first words of the source phrases (بحسب، وفقا، نقلا): where a source cue can start."""
        return frozenset(phrase[0] for phrase, _ in self.source_phrases)

    @cached_property
    def anonymity_word_forms(self) -> tuple[tuple[frozenset[str], ...], ...]:
        """Each anonymity marker as the words each of its places accepts: a word ending in the
        pronoun ه also with ها، هم، هما (رفض الكشف عن هويتها، طلبوا عدم ذكر أسمائهم … اسمهم)."""
        return tuple(tuple(frozenset({word} | ({word[:-1] + x for x in ("ها", "هم", "هما")} if word.endswith("ه") else set()))
                           for word in marker) for marker in self.anonymity_markers)

    @cached_property
    def anonymity_words(self) -> frozenset[str]:
        """Every word some anonymity marker accepts: a mention with none of them has no marker."""
        return frozenset().union(*(forms for marker in self.anonymity_word_forms for forms in marker))

    def nominal_kind(self, cls: str) -> str | None:
        """What a noun-phrase object of a verb of class ``cls`` counts as (None: not speech)."""
        return self.classes[cls].get("nominal")


def _past_forms(stem: str) -> list[tuple[str, str, str]]:
    return [(stem, "m", "sg"), (stem + "ت", "f", "sg"), (stem + "وا", "m", "pl"), (stem + "ا", "m", "du"), (stem + "تا", "f", "du")]


def _present_forms(stem: str) -> list[tuple[str, str, str]]:
    """A weak final letter drops before the plural ending (يشتكي → يشتكون، يدعو → يدعون، ينفي → ينفون)."""
    plural = stem[:-1] + "ون" if len(stem) > 3 and stem.endswith(("ي", "و")) else stem + "ون"
    forms = [(stem, "m", "sg"), (plural, "m", "pl"), (stem + "ان", "m", "du")]
    if stem.startswith("ي"):
        forms += [("ت" + stem[1:], "f", "sg"), ("ت" + stem[1:] + "ان", "f", "du")]
    return forms


def _participle_forms(stem: str) -> list[tuple[str, str, str]]:
    """Only the accusative forms that introduce speech (مؤكدا، مؤكدة): the bare stem is often a noun."""
    return [(stem + "ا", "m", "sg"), (stem + "ة", "f", "sg"), (stem + "ين", "m", "pl"), (stem + "تين", "f", "du")]


def _possessed_forms(stem: str) -> list[tuple[str, str, str]]:
    """A verbal noun after بـ with the pronoun of its speaker (بقوله، بقولها، بقولهم): "by saying", it
    opens the words as a participle does (ليؤكد بقوله: «…»، ويختتم بقوله إن …), the pronoun giving
    gender and number. Not bare: نقلت الوكالة عن الوزير قوله إن … is the relaying verb's."""
    return [("ب" + stem + "ه", "m", "sg"), ("ب" + stem + "ها", "f", "sg"), ("ب" + stem + "هم", "m", "pl"), ("ب" + stem + "هما", "m", "du")]


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
        out.add(norm[len(ARTICLE):] if has_article(norm) else norm)
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
        names_words=bool(entry.get("names_words")), also_preposition=bool(entry.get("also_preposition")),
        passive_present=bool(entry.get("passive_present")), offers=bool(entry.get("offers")),
    )
    generated: list[tuple[str, str, str, bool, bool, bool]] = []  # form, gender, number, participle, imperfect, ya_final
    possessed = set()
    for stem in entry.get("past") or ():
        generated += [(f, g, n, False, False, False) for f, g, n in _past_forms(normalize(stem))]
    for stem in entry.get("present") or ():
        generated += [(f, g, n, False, True, str(stem).endswith("ي")) for f, g, n in _present_forms(normalize(stem))]
    for stem in entry.get("participle") or ():
        generated += [(f, g, n, True, False, False) for f, g, n in _participle_forms(normalize(stem))]
    for form in entry.get("participle_forms") or ():
        generated.append((normalize(form), "m", "sg", True, False, False))
    for stem in entry.get("possessed_nouns") or ():
        forms = _possessed_forms(normalize(stem))
        generated += [(f, g, n, True, False, False) for f, g, n in forms]
        possessed |= {f for f, _, _ in forms}
    for form in entry.get("forms") or ():
        norm = normalize(form)
        imperfect = norm[:1] in "يت"
        generated.append((norm, *_listed_form_features(norm), imperfect, imperfect and str(form).endswith("ي")))
    if not generated:
        raise ValueError(f"{where}: verb '{lemma}' lists no forms (past, present, participle, participle_forms or forms)")
    return {form: CueForm(gender=g, number=n, participle=p, imperfect=imp, ya_final=ya, possessed=form in possessed, **common)
            for form, g, n, p, imp, ya in generated}


def reporting_lexicon(path: str | Path | None = None) -> ReportingLexicon:
    """Load and normalise the reporting lexicon (default ``src/helpers/data/reporting.yaml``), read
    again when the file is edited."""
    return _load_lexicon(Path(path) if path else LEXICON_PATH)


@cached_by_file
def _load_lexicon(path: Path) -> ReportingLexicon:
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
        term_prepositions=_words(data.get("term_prepositions")),
        partitive_heads=_bare(data.get("partitive_heads")),
        anonymity_markers=tuple(tuple(normalize(m).split()) for m in data.get("anonymity_markers") or ()),
        max_term_words=int(data.get("max_term_words", 1)),
        min_continuation_words=int(data.get("min_continuation_words", 5)),
        impersonal=_words(data.get("impersonal")),
        question_verbs=_words(data.get("question_verbs")),
        honorific_pronouns=_words(data.get("honorific_pronouns")),
        honorific_titles={normalize(str(pronoun)): _bare(titles) for pronoun, titles in (data.get("honorific_titles") or {}).items()},
    )
