"""Quotations, speakers and reporting verbs (helpers.annotate.quotes), on the seed and on Arabic news patterns.

The short texts imitate the styles of several outlets (Al Jazeera's straight quotes, Al-Rai and
KUNA guillemets, BBC Arabic and Asharq Al-Awsat curly quotes, SVO and imperfect cues).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.annotate import LAYERS, write_article
from helpers.text.loading import article_from_text, iter_articles, load_article
from helpers.text.normalize import normalize
from helpers.paths import SEED_ARTICLE
from helpers.text.quotemarks import pair_quote_marks
from helpers.annotate.quotes import (
    COLUMNS,
    evaluate,
    extract_quotes,
    headline_attribution,
    marked_terms,
    quote_table,
    read_gold,
    reporting_lexicon,
    voice_at,
    voice_spans,
)

FIXTURES = Path(__file__).parent / "fixtures"


def article(text: str, doc_id: str = "t"):
    return article_from_text(text, source="test", doc_id=doc_id)


def has(haystack: str, needle: str) -> bool:
    """Normalised containment, so tests do not depend on hamza or quote-mark spelling."""
    return normalize(needle) in normalize(haystack)


# --- the seed -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED_ARTICLE)


def test_seed_has_fifteen_statements_by_two_speakers(seed):
    table = quote_table(seed)
    assert len(table) == 15
    by_speaker = table.groupby("speaker_id").size().sort_values()
    assert list(by_speaker) == [4, 11]
    official = table[table.speaker_id == by_speaker.idxmax()]
    stoltenberg = table[table.speaker_id == by_speaker.idxmin()]
    assert official.anonymous.all() and not stoltenberg.anonymous.any()
    assert has(stoltenberg.speaker_label.iloc[0], "شتولتنبرغ")
    assert has(official.speaker_label.iloc[0], "مسؤول")


def test_seed_kinds(seed):
    table = quote_table(seed)
    # أكد + a noun phrase (وأكد تحقيق الكثير …) is a speech act, as the real-news gold's guide has it
    assert table.kind.value_counts().to_dict() == {"direct": 4, "mixed": 4, "indirect": 3, "speech_act": 4}
    official = table.speaker_id.value_counts().idxmax()
    assert set(table[table.kind.isin(["direct", "mixed"])].speaker_id) == {official}
    assert set(table[table.kind == "speech_act"].speaker_id) != {official}


def test_seed_nato_is_never_a_quote(seed):
    table = quote_table(seed)
    assert not any(normalize(t).strip("«»") == "ناتو" for t in table.text)
    for spans in table.quoted_spans:
        for part in filter(None, spans.split(";")):
            start, end = map(int, part.split("-"))
            assert len(seed.text[start:end].split()) > 3
    terms = marked_terms(seed)
    assert set(terms.text) == {"ناتو"} and (terms.role == "term").all()
    outside = terms[terms.inside_quote_id == ""]
    assert sorted(outside.para) == [0, 13]  # headline and the rahhaba subject; others sit inside reported clauses


def test_seed_headline_is_attributed_to_nato(seed):
    headline = headline_attribution(seed)
    assert headline is not None and headline.speaker_label == "ناتو"
    assert headline.speaker_id not in set(quote_table(seed).speaker_id)


def test_seed_matches_gold(seed):
    result = evaluate(quote_table(seed), FIXTURES / "quotes_gold_seed.jsonl", [seed]).set_index(["measure", "kind"])
    assert result.loc[("statements", "all"), "f1"] == 1.0
    assert result.loc[("quoted_words", "direct+mixed"), "f1"] == 1.0
    assert result.loc[("speaker_lenient", "accuracy"), "accuracy"] == 1.0
    assert result.loc[("kind", "accuracy"), "accuracy"] == 1.0


# --- patterns from Arabic news --------------------------------------------------------------------

# (text, [(kind, words in the content, words in the speaker label)])
CASES = {
    "straight-direct": ('وقال الرئيس الفرنسي إيمانويل ماكرون "لن نقبل بأي تصعيد في المنطقة".',
                        [("direct", "لن نقبل بأي تصعيد في المنطقة", "ماكرون")]),
    "colon-guillemets": ("وقال وزير الخارجية: «نحن مستعدون للحوار مع الجميع».",
                         [("direct", "نحن مستعدون للحوار مع الجميع", "وزير الخارجية")]),
    "curly-direct": ("وأضاف المتحدث باسم الحكومة “لا توجد أي خطط لسحب القوات”.",
                     [("direct", "لا توجد أي خطط لسحب القوات", "المتحدث باسم الحكومة")]),
    "stop-inside-mark": ("وقال السفير «نرفض هذه الاتهامات جملة وتفصيلا.»",
                         [("direct", "نرفض هذه الاتهامات جملة وتفصيلا", "السفير")]),
    "space-after-mark": ("وقالت الوزيرة « نعمل على خطة شاملة للإصلاح ».",
                         [("direct", "نعمل على خطة شاملة للإصلاح", "الوزيرة")]),
    "spaced-straight-quotes": ('وقال الوزير " نعمل على خطة شاملة للإصلاح ".',
                               [("direct", "نعمل على خطة شاملة للإصلاح", "الوزير")]),
    "unclosed-quote": ("وقال المدير العام «سنواصل العمل حتى تحقيق أهدافنا كاملة",
                       [("direct", "سنواصل العمل حتى تحقيق أهدافنا كاملة", "المدير العام")]),
    "stray-closing-mark": ("وأكد الوزير أن الحكومة ماضية في الإصلاحات» الاقتصادية.",
                           [("indirect", "الحكومة ماضية في الإصلاحات", "الوزير")]),
    "mixed": ("وقال المتحدث باسم الخارجية إن الهجوم كان «عملا إرهابيا جبانا».",
              [("mixed", "الهجوم كان", "المتحدث باسم الخارجية")]),
    "indirect-kuna": ("وقال رئيس مجلس الوزراء الكويتي إن الحكومة ستقدم برنامج عملها إلى مجلس الأمة قريبا.",
                      [("indirect", "الحكومة ستقدم برنامج عملها", "رئيس مجلس الوزراء")]),
    "cue-after-quote": ("«الوضع تحت السيطرة تماما»، قال المتحدث باسم الشرطة.",
                        [("direct", "الوضع تحت السيطرة تماما", "المتحدث باسم الشرطة")]),
    "anonymous-official": ("وقال مسؤول أمني، طلب عدم الكشف عن اسمه، إن الهجوم أسفر عن مقتل ثلاثة أشخاص.",
                           [("indirect", "الهجوم أسفر عن مقتل", "مسؤول أمني")]),
    "informed-source": ("وأفاد مصدر مطلع بأن الاجتماع تأجل إلى الأسبوع المقبل.",
                        [("indirect", "الاجتماع تأجل", "مصدر مطلع")]),
    "named-minister": ("وقال وزير الخارجية السعودي الأمير فيصل بن فرحان إن المملكة تدعم الحل السياسي.",
                       [("indirect", "المملكة تدعم الحل السياسي", "فيصل بن فرحان")]),
    "according-trailing": ("وارتفع عدد الضحايا إلى 40 شخصا، بحسب وزارة الصحة.",
                           [("indirect", "وارتفع عدد الضحايا", "وزارة الصحة")]),
    "according-fronted": ("ووفقا لبيان صادر عن الجيش، فإن العملية انتهت صباح اليوم.",
                          [("indirect", "العملية انتهت صباح اليوم", "الجيش")]),
    "relayed-naqlan-an": ("وذكرت صحيفة نيويورك تايمز نقلا عن مسؤولين أميركيين أن واشنطن تدرس خيارات عدة.",
                          [("indirect", "واشنطن تدرس خيارات عدة", "مسؤولين أميركيين")]),
    "relayed-qawluhu": ("ونقلت وكالة الأنباء الكويتية عن وزير الصحة قوله إن الوضع الصحي مطمئن.",
                        [("indirect", "الوضع الصحي مطمئن", "وزير الصحة")]),
    "welcomed": ("ورحب الاتحاد الأوروبي بالاتفاق بين الطرفين.", [("speech_act", "بالاتفاق بين الطرفين", "الاتحاد الأوروبي")]),
    "expressed": ("وأعرب الأمين العام للأمم المتحدة عن قلقه البالغ إزاء التصعيد.",
                  [("speech_act", "عن قلقه البالغ", "الأمين العام للأمم المتحدة")]),
    "denied": ("ونفى المتحدث باسم الجيش هذه الأنباء جملة وتفصيلا.", [("speech_act", "هذه الأنباء", "المتحدث باسم الجيش")]),
    "called-for": ("ودعا الرئيس الأميركي إلى وقف فوري لإطلاق النار.", [("speech_act", "وقف فوري لإطلاق النار", "الرئيس الأميركي")]),
    "warned-female-org": ("وحذرت منظمة الصحة العالمية من انتشار الوباء في المخيمات.",
                          [("speech_act", "من انتشار الوباء", "منظمة الصحة العالمية")]),
    "svo": ("رئيس الوزراء قال إن الحكومة لن تستقيل.", [("indirect", "الحكومة لن تستقيل", "رئيس الوزراء")]),
    "kana-qad": ("وكانت وزيرة الخارجية قد أكدت أن الأمن مستتب في البلاد.", [("indirect", "الأمن مستتب", "وزيرة الخارجية")]),
    "participle-sentence-subject": ("واستقبل أمير البلاد الوفد الزائر، مؤكدا أن العلاقات بين البلدين تاريخية.",
                                    [("indirect", "العلاقات بين البلدين تاريخية", "أمير البلاد")]),
    "plural-sources": ("وقالت مصادر دبلوماسية غربية إن المحادثات تعثرت.", [("indirect", "المحادثات تعثرت", "مصادر دبلوماسية")]),
    "imperfect-bbc": ("ويقول الخبير العسكري إن الهجوم كان متوقعا.", [("indirect", "الهجوم كان متوقعا", "الخبير العسكري")]),
    "two-in-one-sentence": ("وأكد الوزير أهمية التعاون الإقليمي، مضيفا «سنعمل معا من أجل أمن المنطقة».",
                            [("speech_act", "أهمية التعاون الإقليمي", "الوزير"), ("direct", "سنعمل معا من أجل أمن المنطقة", "الوزير")]),
    "object-pronoun-cue": ("ونفت الحكومة السورية تقارير عن عمليات ترحيل، ووصفتها بأنها «ادعاءات لا أساس لها».",
                           [("speech_act", "تقارير عن عمليات ترحيل", "الحكومة السورية"), ("direct", "ادعاءات لا أساس لها", "الحكومة السورية")]),
    "addressee-al-rai": ("وقال مصدر نفطي لـ «الراي» إن الأسعار لن تتغير.", [("indirect", "الأسعار لن تتغير", "مصدر نفطي")]),
    "two-word-quoted-words": ("وقال مسؤول في وزارة الدفاع الأميركية لـ«الشرق الأوسط» إن لدى واشنطن «أدلة دامغة» على تورط طهران.",
                              [("mixed", "لدى واشنطن", "مسؤول في وزارة الدفاع")]),
    "state-speaker-vso": ("اتهمت الولايات المتحدة إيران بتزويد الحوثيين بالصواريخ.",
                          [("speech_act", "إيران بتزويد الحوثيين", "الولايات المتحدة")]),
    "quoted-term-not-speech": ("وأطلق الجيش صاروخا من طراز «فاتح» خلال مناورات «الرسول الأعظم».", []),
    "veto-straight": ('واستخدمت روسيا حق "الفيتو" ضد مشروع القرار.', []),
    "tabaa-not-speech": ("وتابع الوزير سير العمل في المشروع الجديد.", []),
    "campaign-name": ("وأطلقت الوزارة حملة «وفر طاقتك من أجل مستقبل أفضل» لترشيد الاستهلاك.", []),
    # rules found on the blind set (tests/fixtures/quotes_blind), written here in other words
    "svo-after-fronted-adverbial": ("من ناحية أخرى، المدير التنفيذي للشركة قال إن الأرباح ارتفعت.",
                                    [("indirect", "الأرباح ارتفعت", "المدير التنفيذي")]),
    "amma-fa-svo": ("أما وزير المالية فقال إن العجز سينخفض هذا العام.", [("indirect", "العجز سينخفض", "وزير المالية")]),
    "subject-after-verb-adverbial": ("وأوضح في مقابلة مع التلفزيون الرسمي، رئيس الوزراء العراقي، أن الانتخابات ستجرى في موعدها.",
                                     [("indirect", "الانتخابات ستجرى", "رئيس الوزراء العراقي")]),
    "relay-from-sources": ("وعلمت «القبس» من مصادر نيابية أن الجلسة ستعقد الأسبوع المقبل.",
                           [("indirect", "الجلسة ستعقد", "مصادر نيابية")]),
    "relay-naqalat-an": ("ونقلت وكالة الأناضول عن مسؤول تركي أن أنقرة سترسل وفدا إلى بغداد.",
                         [("indirect", "أنقرة سترسل وفدا", "مسؤول تركي")]),
    "wifqan-lima-afad": ("وارتفعت الصادرات بنسبة عشرة في المئة، وفقا لما أفاد به البنك المركزي في تقريره.",
                         [("indirect", "وارتفعت الصادرات", "البنك المركزي")]),
    "naqlan-an-trailing": ("وبلغ عدد النازحين نحو مليون شخص، نقلا عن تقديرات منظمة الهجرة الدولية.",
                           [("indirect", "عدد النازحين", "منظمة الهجرة")]),
    "yudhkar-background": ("ويذكر أن المجلس تأسس عام 1981.", []),
    "relative-imperfect": ("وقدمت فرنسا مشروع قرار يطالب بهدنة إنسانية فورية في السودان.", []),
    "feminine-directive-object": ("وقالت الوزارة إن الوضع خطير، وطالبت المجتمع الدولي بالتحرك، ودعت مجلس الأمن إلى الانعقاد.",
                                  [("indirect", "الوضع خطير", "الوزارة"), ("speech_act", "بالتحرك", "الوزارة"),
                                   ("speech_act", "الانعقاد", "الوزارة")]),
    "participle-has-no-own-subject": ("وحذر الوزير من التصعيد، داعيا الأطراف كافة إلى الحوار.",
                                      [("speech_act", "من التصعيد", "الوزير"), ("speech_act", "الى الحوار", "الوزير")]),
    "ila-anna-after-parenthesis": ("وأشار مسؤول أممي، تحدث إلى الصحافيين في جنيف، إلى أن المساعدات لم تصل بعد.",
                                   [("indirect", "المساعدات لم تصل", "مسؤول أممي")]),
    "definite-head-then-speech": ('وقال المحلل إن الحكومة "تسير في الاتجاه الصحيح" رغم الصعوبات.',
                                  [("mixed", "تسير في الاتجاه الصحيح", "المحلل")]),
    "quoted-words-after-bi": ('وندد الاتحاد الأوروبي بـ"الانتهاكات الجسيمة" في الإقليم.',
                              [("mixed", "الانتهاكات الجسيمة", "الاتحاد الأوروبي")]),
    "praised-a-name-in-quote-marks": ("وأشاد الوزير بـ«ناتو» وبـ«مبادرة إسطنبول للتعاون».",
                                      [("speech_act", "بـ«ناتو» وبـ«مبادرة إسطنبول للتعاون»", "الوزير")]),
    "one-quoted-word-after-bi": ("وندد الوزير بـ«الإرهاب».", [("mixed", "الإرهاب", "الوزير")]),
    # rules found on the second blind set (tests/fixtures/quotes_blind2), written here in other words
    "honorific-pronoun-continues": ("وأكد معالي وزير الدولة أحمد الحربي أن التعاون قائم.\nوقال معاليه إن «المرحلة المقبلة تتطلب العمل المشترك».",
                                    [("indirect", "التعاون قائم", "أحمد الحربي"), ("direct", "المرحلة المقبلة", "أحمد الحربي")]),
    "affiliation-then-apposed-name": ("وقال الباحث في الشؤون الخليجية، الدكتور سامي العنزي، إن الأزمة ستطول.",
                                      [("indirect", "الأزمة ستطول", "سامي العنزي")]),
    "idh-opens-a-new-clause": ("ونفت الحكومة مجددا تلك الاتهامات، إذ قال المتحدث باسمها إن التقارير كاذبة.",
                               [("speech_act", "تلك الاتهامات", "الحكومة"), ("indirect", "التقارير كاذبة", "المتحدث باسمها")]),
    "term-head-with-adjective": ('وأشاد القائد بالمشاركة في المناورات البحرية "حارس الخليج" التي انتهت أمس.',
                                 [("speech_act", "بالمشاركة في المناورات البحرية", "القائد")]),
    "time-adverb-not-subject": ("وكانت الوزارة قد أعلنت الشهر الماضي أن الأسعار ستبقى ثابتة.",
                                [("indirect", "الأسعار ستبقى ثابتة", "الوزارة")]),
    "kama-opens-a-new-clause": ("وأعرب الطرفان عن ارتياحهما للتنسيق، كما ندد الطرفان بالهجمات على السفن.",
                                [("speech_act", "عن ارتياحهما", "الطرفان"), ("speech_act", "بالهجمات", "الطرفان")]),
    "according-to-data": ('ووفقا لإحصاءات مركز "الخليج للأبحاث"، فإن الصادرات تراجعت.',
                          [("indirect", "الصادرات تراجعت", "مركز")]),
    "one-own-word-in-clause": ("وقال الوزير إن بلاده «مستعدة» للحوار.", [("mixed", "مستعدة", "الوزير")]),
    "one-name-after-verb-is-subject": ("وعلمت «الراي» من مصادر مطلعة أن الجلسة ستعقد غدا.",
                                       [("indirect", "الجلسة ستعقد", "مصادر مطلعة")]),
    "voweled-passive-is-not-speech": ("وأُعلن عن تشكيل اللجنة العام الماضي.", []),
    "voweled-passive-with-source": ("ونُقل عن مسؤولين أميركيين أن المحادثات متعثرة.", [("indirect", "المحادثات متعثرة", "مسؤولين أميركيين")]),
    "asked-then-answers": ("وسئل الوزير عن إمكانية التأجيل فقال: «لا».", [("direct", "لا", "الوزير")]),
    "asked-long-title": ("وعندما سئلت المتحدثة باسم البيت الأبيض عن الأمر، قالت إن الرئيس لم يقرر بعد.",
                         [("indirect", "الرئيس لم يقرر", "المتحدثة باسم البيت الأبيض")]),
    "answered-with-colon": ("وأجاب الوزير: «لن نتراجع».", [("direct", "لن نتراجع", "الوزير")]),
    "answered-questions-not-speech": ("وأجاب الوزير عن أسئلة النواب.", []),
    "nisba-head-describes": ("وقال مصدر أمني عراقي في بغداد إن الحدود مؤمنة.", [("indirect", "الحدود مؤمنة", "مصدر أمني عراقي في بغداد")]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_news_patterns(name):
    text, expected = CASES[name]
    statements = extract_quotes(article(text))
    assert [s.kind for s in statements] == [kind for kind, _, _ in expected], [(s.kind, s.text) for s in statements]
    for statement, (_, content, speaker) in zip(statements, expected):
        assert has(statement.text, content), statement.text
        assert has(statement.speaker_label, speaker), statement.speaker_label
        assert article(text).text[statement.start : statement.end] == statement.text


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("ودعا الرئيس الأطراف إلى ضبط النفس.", "الرئيس"),
        ("وطالب وزير الخارجية المجتمع الدولي بالتحرك العاجل.", "وزير الخارجية"),
        ("وحذر الأمين العام لحلف شمال الأطلسي ينس شتولتنبرغ الدول الأعضاء من التراخي.", "الأمين العام لحلف شمال الأطلسي ينس شتولتنبرغ"),
        ("وطالب الرئيس الأمريكي جو بايدن إسرائيل بوقف إطلاق النار.", "الرئيس الأمريكي جو بايدن"),
        ("ودعت وزارة الخارجية الكويتية المجتمع الدولي إلى التحرك.", "وزارة الخارجية الكويتية"),
        ("ودعا وزير الخارجية الكويتي الشيخ سالم عبدالله الجابر الصباح إلى ضبط النفس.", "وزير الخارجية الكويتي الشيخ سالم عبدالله الجابر الصباح"),
        ("ودعا أمير الكويت إلى الحوار.", "أمير الكويت"),
        ("وحث المتحدث الحكومة على الحوار.", "المتحدث"),  # وحث: a two-letter verb after و is still a cue
        ("ودعا المتحدث الرسمي باسم الحكومة المواطنين إلى الهدوء.", "المتحدث الرسمي باسم الحكومة"),
        ("وطالب النائب العام الشرطة بالتحقيق.", "النائب العام"),
        ("ووصف المتحدث الهجوم بالجبان.", "المتحدث"),
    ],
)
def test_speaker_ends_where_the_object_starts(text, speaker):
    """Verbs marked ``object: true`` in reporting.yaml (دعا، طالب، حذر …) take an object between the
    speaker and the preposition; the speaker is exactly the subject, not the subject and the object."""
    (statement,) = extract_quotes(article(text))
    assert statement.speaker == speaker


@pytest.mark.parametrize(
    "text, anonymous",
    [
        ("وقال مسؤول أمني، طلب عدم الكشف عن اسمه، إن الهجوم وقع فجرا.", True),
        ("وقالت مسؤولة رفضت الكشف عن هويتها إن الخطة جاهزة.", True),
        ("وأفاد مصدر مطلع بأن الاجتماع تأجل.", True),
        ("وقالت مصادر دبلوماسية إن المحادثات تعثرت.", True),
        ("وقال وزير الخارجية فيصل بن فرحان إن المملكة تدعم الحل.", False),
        ("وقالت المتحدثة باسم المفوضية رولا أمين إن الوضع صعب.", False),
    ],
)
def test_anonymity(text, anonymous):
    (statement,) = extract_quotes(article(text))
    assert statement.anonymous is anonymous


def test_dropped_subject_continues_across_paragraphs():
    text = "قال وزير الدفاع إن القوات في حالة تأهب.\nوأضاف أن التدريبات ستستمر أسبوعين.\n«لن نسمح لأحد بتهديد أمننا الوطني مهما كان الثمن».\n"
    statements = extract_quotes(article(text))
    assert [s.kind for s in statements] == ["indirect", "indirect", "direct"]
    assert len({s.speaker_id for s in statements}) == 1
    assert [s.speaker_source for s in statements] == ["explicit", "continuation", "continuation"]


def test_feminine_verb_skips_a_male_speaker():
    text = "قالت الوزيرة إن المفاوضات مستمرة.\nوقال السفير إن العلاقات متينة.\nوأضافت أن الاتفاق بات قريبا.\n"
    first, second, third = extract_quotes(article(text))
    assert third.speaker_id == first.speaker_id != second.speaker_id


def test_titles_and_names_corefer():
    text = (
        "قال وزير الخارجية الأميركي أنتوني بلينكن إن واشنطن ملتزمة بأمن المنطقة.\n"
        "وقال المتحدث باسم البنتاغون إن القوات جاهزة.\n"
        "وأكد بلينكن أن الحوار مستمر.\n"
        "وشدد الوزير الأميركي على أن العقوبات باقية.\n"
    )
    ids = [s.speaker_id for s in extract_quotes(article(text))]
    assert ids[0] == ids[2] == ids[3] != ids[1]
    labels = quote_table(article(text)).groupby("speaker_id").speaker_label.nunique()
    assert (labels == 1).all()


def test_a_state_is_not_the_person_its_title_names():
    text = (
        "ودعا أمير الكويت إلى الحوار.\n"
        "وقالت الكويت إن الوضع خطير.\n"
        "وأكد الأمير أن الحوار هو السبيل.\n"
        "وطالبت الكويت مجلس الأمن بالتحرك.\n"
    )
    ids = [s.speaker_id for s in extract_quotes(article(text))]
    assert ids[0] == ids[2] != ids[1] == ids[3]


def test_headline_quote_is_a_statement_and_headline_form_is_an_attribution():
    quoted = article("شتولتنبرغ: «الكويت شريك أساسي للحلف»\n\nوصل الأمين العام للحلف إلى الكويت أمس.\n")
    (statement,) = extract_quotes(quoted)
    assert statement.kind == "direct" and statement.para == 0 and has(statement.speaker_label, "شتولتنبرغ")
    attributed = article("«ناتو»: اجتماع في الكويت لتقييم الشراكة\n\nعقد الاجتماع أمس في مقر الحلف.\n")
    assert extract_quotes(attributed) == []
    assert headline_attribution(attributed).speaker_label == "ناتو"


def test_nested_reversed_quote_stays_inside():
    doc = article("وقال المسؤول «إن علاقة حلف»ناتو«مع دول الخليج متينة وتاريخية».")
    (statement,) = extract_quotes(doc)
    assert statement.kind == "direct" and "»ناتو«" in statement.quoted_text
    terms = marked_terms(doc)
    assert list(terms.text) == ["ناتو"] and list(terms.inside_quote_id) == [statement.quote_id]


def test_terms_are_exposed():
    terms = marked_terms(article('واستخدمت روسيا حق "الفيتو" ضد مشروع القرار، فيما أطلقت إيران صاروخ «فاتح 110» مجددا.'))
    assert list(terms.text) == ["الفيتو", "فاتح 110"] and set(terms.role) == {"term"}


# --- voices -----------------------------------------------------------------------------------


def test_voice_spans_and_voice_at():
    doc = article("قال الصحفي إن الطقس جميل.\nوقال المتحدث باسم الخارجية إن الهجوم كان «عملا إرهابيا جبانا» بكل المقاييس.\n")
    voices = voice_spans(doc)
    assert list(voices.columns) == ["doc_id", "quote_id", "speaker_id", "speaker_label", "kind", "voice", "start", "end"]
    quoted = voices[voices.voice == "quoted"].iloc[0]
    assert doc.text[quoted.start : quoted.end] == "عملا إرهابيا جبانا"
    reported = voices[(voices.voice == "reported") & (voices.quote_id == quoted.quote_id)]
    assert {doc.text[a:b] for a, b in zip(reported.start, reported.end)} == {"الهجوم كان", "بكل المقاييس"}
    word = doc.text.index("إرهابيا")
    assert voice_at(doc, word, word + len("إرهابيا"))[2] == "quoted"
    assert voice_at(doc, word, word + 3)[0] == quoted.speaker_id
    said = doc.text.index("الهجوم")
    assert voice_at(doc, said, said + 6)[2] == "reported"
    assert voice_at(doc, 0, 3) == ("journalist", "الصحفي", "journalist")


# --- lexicon, table, layer ------------------------------------------------------------------------


def test_lexicon_forms_are_normalised_and_inflected():
    lexicon = reporting_lexicon()
    for form in ("قال", "قالت", "قالوا", "يقول", "تقول", "قائلا", "اكد", "مؤكدة".replace("ؤ", "ؤ"), "نفت", "اعرب", "ترحب"):
        assert normalize(form) in lexicon.forms, form
    assert lexicon.forms["قالت"].gender == "f" and lexicon.forms["قالوا"].number == "pl"
    assert lexicon.forms[normalize("مضيفا")].participle
    assert all(form == normalize(form) for form in lexicon.forms)


def test_bad_lexicon_names_the_file(tmp_path):
    bad = tmp_path / "reporting.yaml"
    bad.write_text("classes: {neutral: {nominal: null}}\nverbs:\n  - {lemma: قال, class: loud, past: [قال]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"reporting\.yaml.*unknown class 'loud'"):
        reporting_lexicon(bad)


def test_quote_table_columns_and_offsets(seed):
    table = quote_table(seed)
    assert list(table.columns) == COLUMNS
    assert table.quote_id.is_unique
    for row in table.itertuples():
        assert seed.text[row.start : row.end] == row.text
        assert seed.text[row.cue_start : row.cue_end] == row.cue
        assert seed.text[row.speaker_start : row.speaker_end] == row.speaker
    assert (table.groupby("speaker_id").speaker_label.nunique() == 1).all()


def test_annotate_writes_quotes_csv(seed, tmp_path):
    assert "quotes" in LAYERS
    folder = write_article(seed, tmp_path, layers=["quotes"])
    written = pd.read_csv(folder / "quotes.csv")
    assert len(written) == 15 and list(written.columns) == COLUMNS


def test_empty_article_has_no_statements():
    assert quote_table(article("انعقد الاجتماع في الكويت أمس.")).empty


# --- evaluation ---------------------------------------------------------------------------------


def test_evaluate_counts_misses(seed):
    table = quote_table(seed)
    result = evaluate(table.iloc[:-3], FIXTURES / "quotes_gold_seed.jsonl", [seed]).set_index(["measure", "kind"])
    assert result.loc[("statements", "all"), "recall"] == pytest.approx(12 / 15)
    assert result.loc[("statements", "speech_act"), "recall"] == pytest.approx(2 / 4)
    assert result.loc[("statements", "all"), "precision"] == 1.0


def test_evaluate_detects_wrong_speakers(seed):
    table = quote_table(seed).copy()
    table["speaker_label"] = "مجهول"
    table["speaker"] = "مجهول"
    result = evaluate(table, FIXTURES / "quotes_gold_seed.jsonl", [seed]).set_index(["measure", "kind"])
    assert result.loc[("speaker", "accuracy"), "accuracy"] == 0.0


def test_second_gold_set():
    articles = list(iter_articles(FIXTURES / "quotes_articles"))
    predicted = pd.concat([quote_table(a) for a in articles])
    result = evaluate(predicted, FIXTURES / "quotes_gold_more.jsonl", articles).set_index(["measure", "kind"])
    assert result.loc[("quoted_words", "direct+mixed"), "f1"] >= 0.9
    assert result.loc[("statements", "all"), "f1"] >= 0.85
    assert result.loc[("speaker_lenient", "accuracy"), "accuracy"] >= 0.85


def test_held_out_gold_set():
    """Two articles written after the extractor, scored blind once (see the notebook), kept as a guard."""
    articles = list(iter_articles(FIXTURES / "quotes_heldout"))
    predicted = pd.concat([quote_table(a) for a in articles])
    result = evaluate(predicted, FIXTURES / "quotes_gold_heldout.jsonl", articles).set_index(["measure", "kind"])
    assert result.loc[("quoted_words", "direct+mixed"), "f1"] >= 0.9
    assert result.loc[("reported", "mixed+indirect+speech_act"), "recall"] >= 0.9
    assert result.loc[("speaker_lenient", "accuracy"), "accuracy"] >= 0.85


#: Scores reached after tuning on the blind set, minus 0.03 (README in the fixture folder). These older
#: gold sets list the core names of each speaker, so their speaker floors use the lenient measure.
BLIND_FLOORS = {
    ("statements", "all", "f1"): 0.95,
    ("quoted_words", "direct+mixed", "f1"): 0.96,
    ("reported", "mixed+indirect+speech_act", "recall"): 0.95,
    ("speaker_lenient", "accuracy", "accuracy"): 0.95,
    ("kind", "accuracy", "accuracy"): 0.91,
}


#: The same for the second blind set (tests/fixtures/quotes_blind2), after the changes its errors led to.
BLIND2_FLOORS = {
    ("statements", "all", "f1"): 0.96,
    ("quoted_words", "direct+mixed", "f1"): 0.96,
    ("reported", "mixed+indirect+speech_act", "recall"): 0.97,
    ("speaker_lenient", "accuracy", "accuracy"): 0.92,
    ("kind", "accuracy", "accuracy"): 0.97,
}


@pytest.mark.parametrize(
    "folder, gold, floors",
    [("quotes_blind", "quotes_gold_blind.jsonl", BLIND_FLOORS), ("quotes_blind2", "quotes_gold_blind2.jsonl", BLIND2_FLOORS)],
)
def test_blind_gold_sets_stay_above_their_floors(folder, gold, floors):
    """Articles in house styles the extractor had not seen, gold written before it ran (see their READMEs)."""
    articles = list(iter_articles(FIXTURES / folder))
    predicted = pd.concat([quote_table(a) for a in articles])
    result = evaluate(predicted, FIXTURES / gold, articles).set_index(["measure", "kind"])
    scores = {key: result.loc[key[:2], key[2]] for key in floors}
    assert all(scores[key] >= floor for key, floor in floors.items()), scores


def test_bad_gold_names_file_and_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article": "x", "kind": "direct", "text": "a", "speakers": []}\n{"article": "x", "kind": "shout", "text": "a", "speakers": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl: line 2 has kind 'shout'"):
        read_gold(gold)


# --- quote marks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, inner, unclosed, stray",
    [
        ('قال "نعم للحوار" ثم غادر.', ["نعم للحوار"], [False], []),
        ("قال «لن نتراجع", ["لن نتراجع"], [True], []),
        ("قال لن نتراجع» ثم غادر", [], [], [13]),
        ("قال “لا” ثم غادر", ["لا"], [False], []),
        ('قال " نعم " ثم غادر', [" نعم "], [False], []),
        # a reversed nested pair with spaces around it (وتنظيم »داعش« في) stays inside the quotation
        ("قال «لن يساوي أحد بين المقاومة وتنظيم »داعش« في أي خطاب».", ["لن يساوي أحد بين المقاومة وتنظيم »داعش« في أي خطاب", "داعش"],
         [False, False], []),
        ("قال «نعم» و«لا» ثم غادر", ["نعم", "لا"], [False, False], []),
    ],
)
def test_pair_quote_marks(text, inner, unclosed, stray):
    marks = pair_quote_marks(text)
    assert [text[q.start : q.end] for q in marks.quotes] == inner
    assert [q.unclosed for q in marks.quotes] == unclosed
    assert marks.stray == stray


def test_quote_document_finds_tokens_as_a_dict_of_every_token(seed):
    """The quote document finds a token by its start and a sentence's tokens by binary search: the
    same answers as dicts of every token."""
    from helpers.annotate.quotes.document import _Doc

    doc = _Doc(seed, reporting_lexicon())
    by_start = {token.start: k for k, token in enumerate(seed.tokens)}
    for offset in range(len(seed.text) + 1):
        assert doc.by_start.get(offset) == by_start.get(offset)
        assert (offset in doc.by_start) == (offset in by_start)
    assert None not in doc.by_start and doc.by_start.get(None, -1) == -1
    assert dict(doc.by_start.items()) == by_start
    sentences = {}
    for k, token in enumerate(seed.tokens):
        sentences[token.sentence] = (sentences.get(token.sentence, (k,))[0], k + 1)
    assert doc.sentences == sentences
