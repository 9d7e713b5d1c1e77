"""Rules learnt from the real-news dev set (tests/fixtures/real_news), each tested in a new wording.

Every sentence here is invented; the patterns are ones seen in several real dev articles."""
from __future__ import annotations

import pytest

from helpers.annotate.quotes import quote_table
from helpers.text.loading import article_from_text
from helpers.text.normalize import normalize


def table(text: str):
    return quote_table(article_from_text(text, source="test", doc_id="r"))


def same(a: str, b: str) -> bool:
    return " ".join(normalize(a).split()) == " ".join(normalize(b).split())


@pytest.mark.parametrize("text, speaker", [
    ("وقال السفير الذي وصل إلى الرياض صباح اليوم إن المحادثات ستستأنف قريبا.", "السفير"),
    ("وأكد النائب سالم العتيبي وهو مستقل أن اللجنة ستجتمع الأسبوع المقبل.", "النائب سالم العتيبي"),
])
def test_the_mention_stops_before_a_relative_or_descriptive_clause(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأشاد الوزير خالد الفهد مرارا بجهود رجال الأمن.", "الوزير خالد الفهد"),
    ("وقال المتحدث: «لن نتراجع». وأضاف مبتسما: «الأيام بيننا».", "المتحدث"),
])
def test_an_accusative_of_manner_is_not_the_speaker(text, speaker):
    rows = table(text)
    assert len(rows) >= 1 and all(same(s, speaker) for s in rows.speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, lemma, kind", [
    ("وادعى المتحدث باسم الجماعة أن الهجوم جاء ردا على الغارات.", "ادعى", "indirect"),
    ("وشجب رئيس البرلمان الاعتداء على السفارة.", "شجب", "speech_act"),
    ("وسخرت الكاتبة من تصريحات الوزير الأخيرة.", "سخر", "speech_act"),
    ("وجاء في البيان الختامي أن الدول الأعضاء ستنسق مواقفها.", "جاء في", "indirect"),
    ("وأردف السفير: «سنواصل العمل مع شركائنا».", "أردف", "direct"),
])
def test_cues_found_in_the_corpus(text, lemma, kind):
    rows = table(text)
    assert list(rows.cue_lemma) == [lemma] and list(rows.kind) == [kind], rows[["cue_lemma", "kind", "text"]]


def test_a_headline_subject_before_its_present_tense_cue_speaks():
    rows = table("ناشطون بيئيون يطالبون بحماية الشعاب المرجانية\n\nتجمع عشرات الناشطين أمس أمام مقر البلدية.")
    head = rows[rows.para == 0]
    assert len(head) == 1 and same(head.speaker.iloc[0], "ناشطون بيئيون") and head.kind.iloc[0] == "speech_act"
    body = table("عنوان\n\nوناقش المجلس مشروع قرار يطالب بوقف إطلاق النار.")
    assert body.empty  # in the body the imperfect still describes the noun before it


@pytest.mark.parametrize("text", [
    "ولم تعلن أي جماعة حتى الآن مسؤوليتها عن التفجير.",
    "وقال المصدر إن التحقيق مستمر، لكن الشرطة لم تكشف عن هوية المشتبه به.",
])
def test_a_negated_cue_is_not_a_statement(text):
    rows = table(text)
    assert not any(normalize(c).endswith(("علن", "كشف")) for c in rows.cue), rows[["cue", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأعلنت إسرائيل مسؤوليتها عن الغارة على المطار.", "إسرائيل"),
    ("وأكدت روسيا السيطرة على الأجواء السورية.", "روسيا"),
])
def test_a_named_actor_subject_ends_before_the_verbs_object(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("ووصف رئيس الوزراء ما جرى في الميناء بأنه كارثة وطنية.", "رئيس الوزراء"),
    ("وتنصلت الحركة مما نسب إليها من تصريحات.", "الحركة"),
])
def test_a_relative_ma_after_the_subject_is_the_object(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_noun_in_construct_after_a_title_is_not_the_verbs_preposition():
    rows = table("وصرح رئيس بلدية الخبر فهد العتيبي بأن أعمال الصيانة ستنتهي قريبا.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "رئيس بلدية الخبر فهد العتيبي"), rows[["speaker", "text"]]
    assert rows.kind.iloc[0] == "indirect"


def test_the_first_name_ali_is_not_the_preposition():
    rows = table("وقال العقيد علي المطيري إن الدوريات ستتواصل، وأضاف أن الوضع على الحدود هادئ.")
    assert len(rows) == 2 and all(same(s, "العقيد علي المطيري") for s in rows.speaker), rows[["speaker", "text"]]


def test_an_agency_that_relays_a_speakers_own_verb_is_not_the_speaker():
    rows = table("وبحسب وكالة الأنباء الكويتية، قال وزير النفط سالم الخالد إن الإنتاج سيرتفع. وأضاف أن الأسعار مستقرة.")
    assert list(rows.cue_lemma) == ["قال", "أضاف"], rows[["cue", "speaker"]]
    assert all(same(s, "وزير النفط سالم الخالد") for s in rows.speaker)


def test_a_given_name_opens_the_subject_of_a_noun_phrase_cue():
    rows = table("وجدد دونالد توسك رئيس المجلس الأوروبي دعم الاتحاد لجهود التهدئة. وأضاف أن الحوار ضروري.")
    assert len(rows) == 2 and all(has_words(s, "دونالد توسك") for s in rows.speaker), rows[["speaker", "text"]]
    assert not has_words(rows.text.iloc[0], "توسك")


def has_words(haystack: str, needle: str) -> bool:
    return normalize(needle) in normalize(haystack)


def test_a_title_runs_through_its_genitive_actor_and_holder_to_a_time_adverb():
    rows = table("ودان الأمين العام لمجلس التعاون لدول الخليج العربية الدكتور عبداللطيف الزياني أول من أمس الهجوم، "
                 "مؤكدا أنه عمل إرهابي.")
    assert list(rows.cue_lemma) == ["أدان", "مؤكدا"] or len(rows) == 2, rows[["cue", "speaker"]]
    expected = "الأمين العام لمجلس التعاون لدول الخليج العربية الدكتور عبداللطيف الزياني"
    assert all(same(s, expected) for s in rows.speaker), rows[["cue", "speaker"]]


def test_a_new_verb_after_a_closing_quote_or_a_connector_starts_a_new_statement():
    rows = table('وقال الوزير: "المرحلة صعبة" كما قال نائبه إن الحكومة مستعدة، أيضا قال السفير إن بلاده تدعم الحل.')
    assert list(rows.cue) == ["وقال", "قال", "قال"], rows[["cue", "speaker", "text"]]
    assert [normalize(s) for s in rows.speaker] == [normalize("الوزير"), normalize("نائبه"), normalize("السفير")]


def test_words_after_a_colon_without_quote_marks_are_reported_not_quoted():
    rows = table("وقال المتحدث باسم الوزارة: إن الحدود مؤمنة بالكامل. وأضاف: «لن نسمح بأي اختراق».")
    assert list(rows.kind) == ["indirect", "direct"], rows[["kind", "text"]]
    assert rows.quoted_spans.iloc[0] == "" and rows.quoted_text.iloc[1] == "لن نسمح بأي اختراق"


def test_yuadd_is_considered_not_promises():
    assert table("والأمير يعد واحدا من أبرز الدبلوماسيين، بطلب منه صدر أمر ملكي.").empty


INTERVIEW = """مدير الميناء لـ «الصحيفة»: التوسعة تنتهي العام المقبل

ما أبرز ما أنجز في مشروع التوسعة حتى الآن؟
ـ أنجزنا المرحلة الأولى بالكامل، ونعمل الآن على تجهيز الأرصفة الجديدة.
ومتى يبدأ التشغيل التجريبي؟
ـ نتوقع أن يبدأ مطلع الربع الثاني إذا سارت الأمور كما خطط لها."""

COLUMN = """هل تنجح الوساطة؟

هل يمكن أن تنجح الوساطة هذه المرة؟
الجواب ليس سهلا، فالأطراف ما زالت متباعدة.
وماذا بعد؟
لا أحد يملك تصورا واضحا لما سيأتي."""


def test_interview_answers_are_the_interviewees_words():
    rows = table(INTERVIEW)
    answers = rows[rows.cue_class == "interview"]
    assert list(answers.para) == [2, 4] and (answers.kind == "direct").all(), rows[["para", "cue", "speaker", "text"]]
    assert all(same(s, "مدير الميناء") for s in answers.speaker)
    assert answers.text.iloc[0].startswith("أنجزنا")
    assert table(COLUMN).empty  # rhetorical questions of a column, no interviewee, no answer marks


def test_a_verb_after_a_relative_pronoun_speaks_for_its_antecedent():
    rows = table("وقال الوزير إن المحادثات مستمرة. وبعد رفض طهران التي اعتبرت أن العرض غير كاف، توقفت الجولة.")
    assert same(rows.speaker.iloc[-1], "طهران") and rows.cue.iloc[-1] == "اعتبرت", rows[["cue", "speaker"]]
    assert table("وهذه التصريحات تتنافى مع الواقع الذي يؤكد الدور الكبير للمنظمة.").empty


def test_a_straight_quote_after_tanween_closes():
    from helpers.text.quotemarks import pair_quote_marks

    text = 'وقال إن "الخسائر كانت كبيرة جداً"، وأضاف أن "الدعم قادم".'
    quotes = pair_quote_marks(text).quotes
    assert [text[q.start : q.end] for q in quotes] == ["الخسائر كانت كبيرة جداً", "الدعم قادم"]
    assert all(q.depth == 0 and q.close is not None for q in quotes)


def test_a_cue_after_a_name_particle_is_part_of_a_name():
    rows = table("وقال الكاتب أبو يعرب المرزوقي إن المقال مضلل.")
    assert list(rows.cue) == ["وقال"] and same(rows.speaker.iloc[0], "الكاتب أبو يعرب المرزوقي"), rows[["cue", "speaker"]]
    rows = table("وهو الباحث أبو يعرب الذي قال عنه حرفيا: «إنه لا يحترم مهنته».")
    assert list(rows.cue) == ["قال"] and same(rows.speaker.iloc[0], "الباحث أبو يعرب"), rows[["cue", "speaker"]]


def test_a_participle_opening_its_content_needs_no_comma():
    rows = table("واستعرض الوزير سالم الخالد تطورات الوضع في المنطقة مشيرا إلى أن الهدنة صامدة.")
    assert list(rows.cue) == ["مشيرا"] and rows.kind.iloc[0] == "indirect", rows[["cue", "text"]]


def test_brackets_used_as_quote_marks_after_a_cue():
    rows = table("وقال البيان (إن الحكومة لن تتراجع عن قرارها مهما كانت الضغوط). وأكد البيان (إن الحوار هو الطريق الوحيد للحل.")
    assert list(rows.kind) == ["direct", "direct"], rows[["kind", "text"]]
    assert rows.quoted_text.iloc[0] == "إن الحكومة لن تتراجع عن قرارها مهما كانت الضغوط"
    assert rows.quoted_text.iloc[1] == "إن الحوار هو الطريق الوحيد للحل"  # never closed: to its sentence's end
    aside = table("وقال وزير الخارجية (ناتو) إن الاجتماع مثمر.")
    assert list(aside.kind) == ["indirect"]


@pytest.mark.parametrize("text, speaker", [
    ("وقال مدير العمليات في جهاز أمن الدولة إن التحقيقات مستمرة.", "مدير العمليات في جهاز أمن الدولة"),
    ("وأوضح المتحدث في الوزارة العقيد خالد العنزي أن الطرق مفتوحة.", "المتحدث في الوزارة العقيد خالد العنزي"),
    ("وقال الوزير في الكويت إن الاجتماع كان مثمرا.", "الوزير"),  # where he spoke, not who he is
    ("وقال المتحدث في مؤتمر صحفي إن الوضع مستقر.", "المتحدث"),
])
def test_a_title_keeps_the_institution_it_belongs_to(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_bracketed_aside_after_the_speakers_name_is_not_in_the_mention():
    rows = table("وأعلنت منظمة الصحة العالمية (WHO) أن الوباء انحسر.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "منظمة الصحة العالمية"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text", [
    "وأكد الوزير أهمية الحوار بين الأطراف.",
    "وشدد المندوب على ضرورة وقف إطلاق النار.",
    "وجدد السفير دعم بلاده للمبادرة.",
])
def test_an_assertive_verb_with_a_noun_phrase_is_a_speech_act(text):
    assert list(table(text).kind) == ["speech_act"]


def test_a_two_part_headline_attributes_to_the_part_before_the_colon():
    from helpers.annotate.quotes import headline_attribution

    doc = article_from_text("لافروف في الرياض.. موسكو: لا حل عسكريا في سوريا\n\nوصل الوزير أمس.", source="t", doc_id="h")
    head = headline_attribution(doc)
    assert head is not None and same(head.speaker, "موسكو"), head


def test_a_quoted_name_after_a_naming_noun_is_not_speech():
    rows = table("وأكد المتحدث أن شرطة «مكافحة الشغب الخاصة» ستتولى التأمين.")
    assert list(rows.kind) == ["indirect"] and rows.quoted_spans.iloc[0] == "", rows[["kind", "quoted_text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقالت ميشيل فلورنوي المسؤولة السابقة في البنتاغون إن الاتفاق يحتاج إلى ضمانات.", "ميشيل فلورنوي"),
    ("وأوضح يوهانس فيسترغارد، مدير المعهد الدنماركي، أن التقرير سينشر الشهر المقبل.", "يوهانس فيسترغارد"),
    ("وأضاف بوب منينديز أبرز عضو ديمقراطي في اللجنة أن التصويت سيتأجل.", "بوب منينديز"),
    ("وقال الوزير خالد الفهد إن الحدود آمنة.", "الوزير خالد الفهد"),
    # a family name with ال after the given name is still the name (محمد العلي | مدير الإدارة)
    ("وقال محمد العلي مدير الإدارة إن العمل مستمر.", "محمد العلي"),
    ("وأوضح جاسم السعدون، رئيس مؤسسة الشال، أن الأسعار ستنخفض.", "جاسم السعدون"),
    # any apposition after a comma or a dash, title or not; not a name after a comma
    ("وقال ديفيد اكسيلرود، كبير مستشاري البيت الأبيض سابقا، إن الاتفاق جيد.", "ديفيد اكسيلرود"),
    ("وقال سامي عاصم -بائع- إن الأسعار ارتفعت.", "سامي عاصم"),
    # after a title or two before the given name too (الأدميرال جون كيربي | ، المتحدث باسم …)
    ("وقال الأدميرال جون كيربي، المتحدث باسم البنتاغون، إن القوات جاهزة.", "الأدميرال جون كيربي"),
    ("وقال الدكتور صلاح جودة الخبير الاقتصادي إن الأسعار ستنخفض.", "الدكتور صلاح جودة"),
])
def test_a_title_set_after_a_persons_name_is_an_apposition_left_out_of_the_mention(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال مواطن يدعى فهد الراشد إن الطريق أغلق منذ الصباح.", "مواطن"),
    ("وأضافت ناشطة تدعى سلمى الحربي أن المسيرة انطلقت بهدوء.", "ناشطة"),
])
def test_a_naming_verb_ends_the_mention(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقالت صحيفة «واشنطن تايمز» إن الصفقة ستوقع قريبا.", "واشنطن تايمز"),
    ("وذكرت قناة «سكاي نيوز عربية» أن الاجتماع انتهى دون اتفاق.", "سكاي نيوز عربية"),
    ("وقالت صحيفة الحياة إن الاجتماع تأجل.", "صحيفة الحياة"),
])
def test_a_quoted_name_after_a_bare_speaker_noun_is_the_mention(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text", [
    "وقال الوزير سالم الدوسري إن المفاوضات مستمرة. وأكد أهمية «الحوار بين جميع الأطراف».",
    "وقال الوزير سالم الدوسري إن المفاوضات مستمرة. وأكد ضرورة «وقف التصعيد فورا».",
])
def test_a_verbal_noun_after_the_verb_is_its_object_not_its_speaker(text):
    rows = table(text)
    assert len(rows) == 2 and rows.speaker_id.nunique() == 1, rows[["speaker", "text"]]


def test_the_kings_title_opens_a_speaker():
    rows = table("أعلن خادم الحرمين الشريفين انطلاق المهرجان الوطني للتراث.")
    assert len(rows) == 1 and normalize(rows.speaker.iloc[0]).startswith(normalize("خادم الحرمين")), rows[["speaker", "text"]]
    assert "خادم" not in rows.text.iloc[0], rows[["speaker", "text"]]


@pytest.mark.parametrize("text", [
    "وقال الوزير سالم الدوسري إن المفاوضات مستمرة. ووصف الاتفاق الجديد بأنه «خطوة في الاتجاه الصحيح».",
    "وقال الوزير سالم الدوسري إن المفاوضات مستمرة. ودعا الله أن يحفظ البلاد من كل سوء.",
])
def test_after_a_verb_that_takes_an_object_a_phrase_that_names_nobody_is_the_object(text):
    rows = table(text)
    assert len(rows) == 2 and rows.speaker_id.nunique() == 1, rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأعرب وزير الخارجية جون كيري ووزير الدفاع آشتون كارتر عن قلقهما من التصعيد.", "وزير الخارجية جون كيري"),
    ("وأكد مسؤولون ومنظمات إسلامية رفضهم للهجوم.", "مسؤولون ومنظمات إسلامية"),
])
def test_two_people_joined_by_and_are_named_by_the_first_mention(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_the_holders_name_after_an_affiliation_ends_before_the_verbs_object():
    rows = table("وأكد المسؤول في البلدية أحمد خالد سالم الحصيلة مضيفا أن الطرق أغلقت.")
    assert len(rows) >= 1 and same(rows.speaker.iloc[0], "المسؤول في البلدية أحمد خالد سالم"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, lemma", [
    ("وتساءل النائب سالم الدوسري: «من يتحمل مسؤولية هذا التأخير؟».", "تساءل"),
    ("وأقر المتحدث باسم الوزارة بأن الخطة تأخرت عن موعدها.", "أقر"),
])
def test_questioning_and_admitting_verbs_report_speech(text, lemma):
    rows = table(text)
    assert list(rows.cue_lemma) == [lemma], rows[["cue", "speaker", "text"]]


@pytest.mark.parametrize("text", [
    "وأقر مجلس الوزراء الميزانية العامة للدولة.",
    "مجلس الأمن يقر عقوبات على الشركة بالقرار 700.",
])
def test_approving_a_budget_is_not_speech(text):
    assert table(text).empty, table(text)[["cue", "text"]]


def test_a_predicting_participle_before_a_clause_reports_speech():
    rows = table("وقال الوزير إن المحادثات ستستأنف، متوقعا أن يوقع الاتفاق قبل نهاية العام.")
    assert list(rows.cue_lemma) == ["قال", "توقع"] and rows.speaker_id.nunique() == 1, rows[["cue", "speaker", "text"]]
    assert table("وجاءت النتائج متوقعة للجميع.").empty


@pytest.mark.parametrize("text, speaker", [
    ("والمتحدث باسم المفوضية يوهانس فيسترغارد في تصريح له، قال إن المساعدات وصلت.", "والمتحدث باسم المفوضية يوهانس فيسترغارد"),
    ("ورئيس البعثة في القاهرة، السفير ماركوس شولتز، قال إن الاجتماع مثمر.", "ورئيس البعثة في القاهرة، السفير ماركوس شولتز"),
])
def test_a_fronted_subject_ends_with_the_persons_name_before_its_context(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    # a surname met before with the full name opens the subject of a later noun-phrase cue
    ("عنوان الخبر\n\nالتقى السناتور بوب كروكر وفدا برلمانيا.\nمن جانبه جدد كروكر رفضه للاتفاق مع إيران.", "كروكر"),
    # a family name that is also a given name, after a name of three words without بن
    ("عنوان الخبر\n\nوقال الرئيس اليمني عبد ربه منصور هادي إن الحوار مستمر.\nواستعرض هادي آخر التطورات مشيرا إلى تقدم القوات في عدن.", "هادي"),
])
def test_a_later_mention_by_surname_speaks(text, speaker):
    rows = table(text)
    assert same(rows.speaker.iloc[-1], speaker), rows[["speaker", "text"]]


def test_illa_anna_after_a_comma_opens_a_new_statement():
    """«، إلا أن X حذروا …» ends the statement before it, as لكن and غير أن do, and X speaks."""
    rows = table("وأعلن المتحدث باسم الشرطة أن التحقيق جار، إلا أن مسؤولين حذروا من التسرع في الحكم.")
    assert len(rows) == 2, rows[["speaker", "text"]]
    assert "حذروا" not in rows.text.iloc[0] and same(rows.speaker.iloc[1], "مسؤولين")


@pytest.mark.parametrize("text, speaker", [
    ("وفي هذا السياق، دان الأمين العام لمجلس التعاون لدول الخليج العربية الدكتور عبداللطيف الزياني تصريحات المالكي.",
     "الأمين العام لمجلس التعاون لدول الخليج العربية الدكتور عبداللطيف الزياني"),
    ("وأشاد المدير التنفيذي لمنظمة الصحة العالمية بجهود المملكة.", "المدير التنفيذي لمنظمة الصحة العالمية"),
])
def test_a_named_actor_whose_word_carries_lam_is_the_titles_genitive(text, speaker):
    """A name whose first word carries ل (لمجلس التعاون …) belongs to the title before it: the name is
    located from the word that holds it, not from the next word."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_name_after_a_preposition_clitic_is_not_a_speaker():
    """«…، بباريس، أن …»: a place after ب is where, not who (names are located from the word that
    holds them, so the clitic is seen)."""
    rows = table("وقال المعارض محمد صادق للصحفيين إن الوضع صعب. يجيب في مقابلة أثناء إقامته في فندق كبير، بباريس، أن التنظيم مخترق.")
    assert "باريس" not in " ".join(rows.speaker), rows[["speaker", "text"]]


def test_two_named_actors_joined_by_wa_give_the_first_as_mention():
    """«وترى واشنطن والاتحاد الأوروبي أن …»: the first actor's name (the conjunction's word is now
    seen as a name too)."""
    rows = table("ويرى المراقبون أن الأزمة طويلة. وتعتقد واشنطن والاتحاد الأوروبي أن طهران تسعى إلى التوسع.")
    assert same(rows.speaker.iloc[-1], "واشنطن"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, lemma, kind, speaker", [
    ("وتمنى المدرب أن يعود اللاعبون سريعا إلى الملاعب.", "تمنى", "indirect", "المدرب"),
    ("وأوردت الصحيفة أن المفاوضات ستستأنف الأسبوع المقبل.", "أورد", "indirect", "الصحيفة"),
    ("واشترط الوزير أن تلتزم الأطراف بوقف إطلاق النار.", "اشترط", "indirect", "الوزير"),
    ("وخلص التقرير إلى أن الأسعار سترتفع.", "خلص", "indirect", "التقرير"),
    ("وتطرق المتحدث إلى التحديات الاقتصادية في المنطقة.", "تطرق", "speech_act", "المتحدث"),
    ("وأهاب المتحدث الأمني بالمواطنين الإبلاغ عن أي مخالفة.", "أهاب", "speech_act", "المتحدث الأمني"),
    ("واستغرب النائب أن تتأخر الحكومة في الرد.", "استغرب", "indirect", "النائب"),
    ("وألمح السفير إلى أن الزيارة قد تتأجل.", "ألمح", "indirect", "السفير"),
    ("وطلب الوسيط أن يعود الطرفان إلى الحوار.", "طلب", "indirect", "الوسيط"),
    ("واختتم الأمير كلمته بأن الوطن يستحق الكثير.", "اختتم", "indirect", "الأمير"),
    ("وختم الوزير حديثه بالقول: «نحن مستعدون لكل الاحتمالات».", "اختتم", "direct", "الوزير"),
])
def test_cues_found_by_frequency_over_saudinewsnet(text, lemma, kind, speaker):
    rows = table(text)
    assert len(rows) == 1, rows[["speaker", "text"]]
    row = rows.iloc[0]
    assert (normalize(row.cue_lemma), row.kind) == (normalize(lemma), kind) and same(row.speaker, speaker), row.to_dict()


@pytest.mark.parametrize("text", [
    "واختتمت أمس فعاليات «مهرجان الجنادرية الوطني للتراث» بحضور الأمير.",  # an event closed, not words
    "وختم الطالب دراسته في الجامعة بأن حصل على المركز الأول.",
])
def test_closing_is_speech_only_when_a_noun_names_the_words(text):
    assert table(text).empty


def test_a_headline_subject_before_its_present_tense_cue_beats_the_noun_after_it():
    """«القاهرة تطالب طهران بوقف …»: in a headline the phrase before the present-tense verb is the
    subject and the one after it the object."""
    rows = table("الرياض تطالب طهران بوقف التدخل في شؤون المنطقة\n\nوقالت الخارجية إن التدخل مرفوض.")
    assert same(rows.speaker.iloc[0], "الرياض"), rows[["speaker", "text"]]


def test_a_place_with_the_verbs_preposition_is_not_its_object():
    """«ونددت الجالية البحرينية بالمملكة العربية السعودية بالتصريحات …»: بـ before a place says where
    the speaker is; the verb's object is the next phrase with بـ."""
    rows = table("ونددت الجالية البحرينية بالمملكة العربية السعودية بالتصريحات العدائية الأخيرة.")
    assert len(rows) == 1 and rows.text.iloc[0].startswith("بالتصريحات"), rows[["speaker", "text"]]
    assert same(rows.speaker.iloc[0], "الجالية البحرينية بالمملكة العربية السعودية")


@pytest.mark.parametrize("text, cues", [
    ("ونددت الجمعية بالتصريحات التي أطلقها المسؤول معتبرة إياها تدخلا سافرا في الشؤون الداخلية.", ["ونددت", "معتبرة"]),
    ("وطالب البيان المجتمع الدولي بتحمل مسؤولياته كما دعت الجمعية إلى التهدئة.", ["وطالب", "دعت"]),
])
def test_a_participle_or_kama_with_a_verb_opens_a_statement_without_a_comma(text, cues):
    rows = table(text)
    assert list(rows.cue) == cues, rows[["cue", "speaker", "text"]]


def test_a_hypothetical_cue_is_not_a_statement():
    """«فكيف لو علم القارئ أن …»: what someone would say or know if …, not a report."""
    assert table("فكيف لو علم القارئ أن هذه استنتاجات من ينصبه تلاميذه أشهر محلل؟").empty


@pytest.mark.parametrize("text", [
    "وكتب المهاجم على مدونته أنه «لا يجدر أن تفوت هذه الفرصة».",
    "وقال الوزير إنه «لن يسمح بأي تجاوز للقانون».",
])
def test_everything_after_anna_in_marks_is_direct(text):
    """The real-news guide's convention 4: قال إنه «…» is direct when the marks hold the whole content."""
    rows = table(text)
    assert list(rows.kind) == ["direct"] and not rows.text.iloc[0].startswith(("أنه", "إنه")), rows[["kind", "text"]]


@pytest.mark.parametrize("text", [
    "ليس خافيا أن إشادته بالدعم الخارجي يمكن أن تشكل مؤشرا على ضعفه.",  # إشادة + his, not أشادت + him
    "وكان المرشحون قد برهنوا على وحدتهم بإدانتهم «عهد الإدارة السابقة» وتعهدهم «بإلغاء الاتفاق».",
])
def test_a_verbal_noun_with_its_possessive_is_not_a_cue(text):
    rows = table(text)
    assert rows.empty, rows[["cue", "speaker", "text"]]



def test_attributing_a_cause_is_a_speech_act():
    """«وعزا الوزير التأخير إلى …» (found by frequency over SaudiNewsNet): the object before إلى."""
    rows = table("وعزا الوزير التأخير إلى الظروف الجوية.")
    assert list(rows.kind) == ["speech_act"] and same(rows.speaker.iloc[0], "الوزير"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker, content", [
    ("وكانت الصحيفة قد نشرت خبرا، وجاء في الخبر أن عددا من المواطنين اضطروا إلى العودة.", "الخبر",
     "عددا من المواطنين اضطروا إلى العودة"),
    ("وجاء أيضا في البيان أن القائد أشرف على عمليات ضد القوات.", "البيان", "القائد أشرف على عمليات ضد القوات"),
])
def test_jaa_fi_speaks_through_the_clause_after_it(text, speaker, content):
    """«جاء في X أن …», also mid-sentence or with أيضا: X's clause follows it, without أن."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker) and same(rows.text.iloc[0], content), rows[["speaker", "text"]]


def test_wa_qad_before_a_cue_opens_a_statement_and_jaa_fi_stops_at_its_colon():
    """«استنكرت الأمانة العامة لعشائر جنوب العراق التفجير … وقد جاء في نص البيان: "…"»: two
    statements; the title keeps its ل-genitive; جاء في X: speaks through what follows the colon."""
    rows = table('واستنكرت الأمانة العامة لعشائر جنوب العراق التفجير الإرهابي وقد جاء في نص البيان: "إن هذه الأعمال مرفوضة ولن تمر".')
    assert list(rows.cue) == ["واستنكرت", "جاء في"], rows[["cue", "speaker", "text"]]
    assert same(rows.speaker.iloc[0], "الأمانة العامة لعشائر جنوب العراق") and same(rows.speaker.iloc[1], "نص البيان")
    assert rows.kind.iloc[1] == "direct" and same(rows.text.iloc[1], "إن هذه الأعمال مرفوضة ولن تمر")


def test_an_honorific_opens_the_speaker_before_a_title():
    """«وأدان معالي الأمين العام لمجلس التعاون … التفجير»: معالي, سمو, فضيلة … open the mention
    (93 such subjects after a reporting verb over SaudiNewsNet)."""
    rows = table("وأدان معالي الأمين العام لمجلس التعاون لدول الخليج العربية الدكتور عبداللطيف الزياني بشدة التفجير.")
    assert len(rows) == 1 and normalize(rows.speaker.iloc[0]).startswith("معالي"), rows[["speaker", "text"]]


def test_the_verbs_preposition_before_a_named_place_is_not_its_object_when_it_comes_again():
    """«ودعا المبعوث الدولي إلى اليمن … إلى تمديد الهدنة»: the first إلى belongs to the title."""
    rows = table("ودعا المبعوث الدولي إلى اليمن في كلمته إلى تمديد الهدنة الإنسانية خمسة أيام.")
    assert len(rows) == 1 and rows.text.iloc[0].startswith("إلى تمديد"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وجددت الهيئة رفضها للقرار الصادر أمس.", "الهيئة"),
    ("وأكد الاتحاد حرصه على إقامة البطولة في موعدها.", "الاتحاد"),
    ("وقال وزير الدفاع من جهته إن القوات في حالة تأهب.", "وزير الدفاع"),
    ("وقالت دول الجوار، وفي مقدمتها الأردن، إن الخطة قابلة للتطبيق.", "دول الجوار"),
])
def test_a_noun_with_a_possessive_after_the_subject_is_the_object(text, speaker):
    """Seen across the corpus: وأكدت الشركة حرصها، من جانبه، وأعرب الحلف تضامنه (the 825 Gulf-security
    articles outside the gold: 189 statements' speakers change, the gold sets' scores do not drop)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال وزير خارجيتها إن الزيارة ناجحة.", "وزير خارجيتها"),
    ("وأكد اللواء عبده الشامي أن الطريق آمن.", "اللواء عبده الشامي"),
    ("وأوضح الشيخ حمد بن بنيه أن المجلس سيجتمع غدا.", "الشيخ حمد بن بنيه"),
])
def test_a_possessive_in_a_title_or_a_name_stays_in_the_mention(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text", [
    "وأعاد مراقبون الخطوة للمرونة التي أبدتها الجماعة والحكومة بعد المعارك الأخيرة.",
    "وهي المطالب التي طالما طالبت بها النقابة منذ سنوات.",
    "ويبدأ العمل بالنظام الذي أعلنت عنه الوزارة في وقت سابق من الشهر.",
])
def test_a_cue_whose_object_is_its_antecedent_says_nothing(text):
    """التي أبدتها، التي طالما طالب بها، التي أعلنت عنها: a relative clause naming what was said
    (dev and the corpus outside the gold)."""
    rows = table(text)
    assert not any(normalize(c).endswith(("بدتها", "طالبت", "علنت")) for c in rows.cue), rows[["cue", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وهذا هو الوزير الذي اتهمه النواب بأنه أضاع الفرصة.", "النواب"),
    ("وهذه هي القناة التي اعتبرها الرئيس إنجازا للأمة.", "الرئيس"),
])
def test_a_relative_clause_with_its_own_content_still_speaks(text, speaker):
    rows = table(text)
    assert any(same(s, speaker) for s in rows.speaker), rows[["speaker", "cue", "text"]]


@pytest.mark.parametrize("text, cues", [
    ("وأكدت الحركة السيطرة على المعبر وقالت إنها صادرت أسلحة.", ["وأكدت", "وقالت"]),
    ("وأعرب الوزير عن قلقه من التصعيد وقال: «لا بد من التهدئة».", ["وأعرب", "وقال"]),
])
def test_a_second_verb_with_its_own_content_is_a_second_statement(text, cues):
    """Two reporting verbs in one sentence, the second with و and its own content and no comma before
    it (dev, and the corpus outside the gold)."""
    rows = table(text)
    assert [normalize(c) for c in rows.cue] == [normalize(c) for c in cues], rows[["cue", "text"]]


@pytest.mark.parametrize("text", [
    "وقرر المرشد اتخاذ موقف أكثر حذرًا إذا خرقت الاتفاقية.",
    "ثم شكراً للصحيفة على حضورها المتميز.",
])
def test_a_cue_form_with_tanween_is_a_noun(text):
    """حذرًا، شكراً: a verb never carries tanween (the corpus outside the gold)."""
    assert table(text).empty


def test_a_participle_with_tanween_is_still_a_cue():
    rows = table("وأكد الوزير أن الاتفاق صامد، مشيرًا إلى أن الحوار مستمر.")
    assert [normalize(c) for c in rows.cue] == ["واكد", "مشيرا"], rows[["cue", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأكد قائد حرس الحدود أهمية الالتزام بالتعليمات.", "قائد حرس الحدود"),
    ("وأبدى أمين منطقة المدينة المنورة سعادته بصدور الترخيص.", "أمين منطقة المدينة المنورة"),
    ("وأعرب نائب رئيس مجلس إدارة الغرفة عن أمله في زيادة التبادل التجاري.", "نائب رئيس مجلس إدارة الغرفة"),
])
def test_a_title_runs_through_a_chain_of_nouns_in_construct(text, speaker):
    """قائد حرس الحدود، أمين سر مجلس الأمة، مفتي عام السعودية: a speech act's speaker was cut at the
    first indefinite noun of the chain (the corpus outside the gold: 12 speakers)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_title_keeps_a_surname_met_earlier():
    """المهندس الركبان، الدكتور الزياني: a later mention by title and surname (the corpus outside the gold)."""
    rows = table("وقال مدير الإدارة المهندس عبدالرحمن الركبان إن الجولات مستمرة. "
                 "وأكد المهندس الركبان على أهمية دور المستفيدين.")
    assert [normalize(s) for s in rows.speaker][-1] == normalize("المهندس الركبان"), rows[["speaker", "text"]]


def test_a_rare_verbal_noun_after_a_verb_is_its_object_not_its_speaker():
    """وتؤكد انصياع بعض المسؤولين (dev): a verbal noun of object_nouns opens the object even when it is
    rare enough to pass for a name."""
    rows = table("وقالت الوزارة إن القرار نهائي. وتؤكد تغاضي المسؤولين عن التجاوزات.")
    assert len(rows) == 2 and all(same(s, "الوزارة") for s in rows.speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("headline, speaker", [
    ("المرشد يصعد ضد واشنطن ويؤكد أن الاتفاق لن يغير شيئا", "المرشد"),
    ("فرنسا تسعى لتطبيع علاقاتها مع إيران وتدعو رئيسها لزيارتها", "فرنسا"),
])
def test_a_headlines_second_verb_shares_the_first_verbs_subject(headline, speaker):
    """«X يفعل … ويؤكد …»: 90 SaudiNewsNet headlines have this shape; the subject is the words
    before the first verb, not everything before the second."""
    rows = table(headline + "\n\nوصل الوفد إلى العاصمة أمس.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_time_phrase_of_several_words_after_the_speaker_is_not_the_object():
    """ودان الزياني أول من أمس تصريحات …: the whole of أول من أمس is passed (dev)."""
    rows = table("ودان الأمين العام الدكتور سالم الفهد أول من أمس تصريحات الوزير.")
    assert len(rows) == 1 and same(rows.text.iloc[0], "تصريحات الوزير"), rows[["speaker", "text"]]


def test_a_possessed_noun_right_after_a_speech_act_verb_is_its_object():
    """ويجدد تهديداته، وأكد معارضتهم، ودعا مبادرته (the corpus outside the gold): a rare possessed
    noun is not a name; the dropped subject continues."""
    rows = table("وقال الرئيس إن الحشود لن تتراجع. ويجدد تهديداته للجيران.")
    assert list(rows.speaker.map(normalize)) == [normalize("الرئيس")] * 2, rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("ووصف وزير الإعلام الدكتور محمد المومني زيارة الأمير بالتاريخية.", "وزير الإعلام الدكتور محمد المومني"),
    ("وقال الدكتور عادل الطريفي وزير الثقافة والإعلام إن القرار نهائي.", "الدكتور عادل الطريفي"),
    ("وقال خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز إن المملكة ماضية في الإصلاح.",
     "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز"),
])
def test_the_subject_ends_with_the_persons_full_name(text, speaker):
    """What follows a full name is the verb's object or an apposition (dev2, and 146 statements of
    the corpus outside the gold, most of them a title set after the name)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_construct_chain_of_several_nouns_and_an_apposed_holder():
    """قائد معركة تحرير عدن، العميد عبدالله الصبيحي، أكد …: the title runs through three nouns in
    construct, and the holder set off by commas belongs to the mention (dev2)."""
    rows = table("وأكد قائد عمليات تحرير المدينة، العميد سالم الحارثي، أهمية المرحلة المقبلة.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "قائد عمليات تحرير المدينة، العميد سالم الحارثي"), rows[["speaker", "text"]]
    assert same(rows.text.iloc[0], "أهمية المرحلة المقبلة")


def test_eye_witnesses_are_one_mention():
    """شهود عيان (dev2; 'شاهد عيان' and 'شهود عيان' are frequent in the corpus)."""
    rows = table("وأكد شهود عيان سماع دوي انفجارات قرب المطار.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "شهود عيان"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, lemma", [
    ("وأكملت المتحدثة: «سنعلن النتائج قريبا».", "أكمل"),
    ("وطمأن وزير الصحة إلى أن الوضع تحت السيطرة.", "طمأن"),
    ("وكرر رئيس الوزراء المطالبة بانتخاب رئيس للجمهورية.", "كرر"),
])
def test_cues_of_the_second_dev_set(text, lemma):
    rows = table(text)
    assert [normalize(c) for c in rows.cue_lemma] == [normalize(lemma)], rows[["cue_lemma", "text"]]


def test_completing_a_match_is_not_speech():
    assert table("وأكمل اللاعب المباراة رغم الإصابة.").empty


@pytest.mark.parametrize("text", [
    "وسعى المرشحون وبينهم سيدة واحدة إلى إثبات أنه الأقدر على الفوز.",
    "ومن الجدير ذكره أنه على الرغم من ذلك فإن الموقف لم يتغير.",
    "ورفض المتحدث زعمهم أن القوات انسحبت من المدينة.",
])
def test_a_clause_verb_with_a_pronoun_is_a_noun_or_a_preposition(text):
    """بينهم، ذكره، زعمهم: a verb that takes only a clause (بين، ذكر، زعم) has no object pronoun
    (dev2, dev, and 111 statements of the corpus outside the gold)."""
    rows = table(text)
    assert not any(normalize(c).endswith(("بينهم", "ذكره", "زعمهم")) for c in rows.cue), rows[["cue", "text"]]


@pytest.mark.parametrize("text", [
    "وأبلغهم الوزير أن الاجتماع تأجل إلى الأسبوع المقبل.",
    "ونشرت الصحيفة ما كتبه الكاتب: «الحرب لن تنتهي قريبا».",
])
def test_a_verb_that_takes_an_object_keeps_its_pronoun(text):
    assert len(table(text)) == 1


@pytest.mark.parametrize("text, speaker, content", [
    ("وخطف الثلاثة جنوب مدينة سرت، حسبما قال أحد السكان.", "أحد السكان", "وخطف الثلاثة جنوب مدينة سرت"),
    ("ويعقد الوزير اجتماعا ثلاثيا غدا، وفق ما أعلنته وزارة الخارجية.", "وزارة الخارجية", "ويعقد الوزير اجتماعا ثلاثيا غدا"),
    ("ووصل الوفد إلى المطار، حسبما أعلن مصدر رسمي الأربعاء.", "مصدر رسمي", "ووصل الوفد إلى المطار"),
])
def test_a_trailing_source_with_a_verb_after_ma(text, speaker, content):
    """حسبما قال …، وفق ما أعلنته … (dev2, and the corpus outside the gold)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker) and same(rows.text.iloc[0], content), rows[["speaker", "text"]]


def test_vfq_ma_with_a_verb_that_is_not_speech_is_no_source():
    assert table("ويدخل المفتشون المواقع وفق ما تسمح به الحكومة.").empty


def test_with_ends_the_subject():
    """وكرر سلام مع انطلاق الجلسة المطالبة …، قال «…» مع كيري (dev2, the corpus outside the gold)."""
    rows = table("وقال الرئيس مع انطلاق الجلسة إن الحكومة باقية.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "الرئيس"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ('ومضى القائد بالقول "العمليات لن تتوقف عند حدود المدينة".', "القائد"),
    ('ومضى المدرب قائلاً: "الفريق جاهز للمباراة".', "المدرب"),
])
def test_madha_with_the_words_goes_on_saying(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker) and rows.kind.iloc[0] == "direct", rows[["speaker", "text"]]


def test_madha_of_time_is_not_speech():
    assert table("ومضى عام على الحادث دون أن تتغير الأمور.").empty


@pytest.mark.parametrize("text, speaker", [
    ("وأدان المرصد السوري لحقوق الإنسان عمليات القصف.", "المرصد السوري لحقوق الإنسان"),
    ("ونفى مساعد وزير الداخلية لقطاع السجون اللواء حسن السوهاجي ما تردد عن إصابته.",
     "مساعد وزير الداخلية لقطاع السجون اللواء حسن السوهاجي"),
])
def test_a_lam_genitive_after_a_describing_word_runs_through_its_chain(text, speaker):
    """المرصد السوري لحقوق الإنسان، الجمعية الوطنية لحقوق الإنسان، الأمانة العامة لرابطة العالم
    الإسلامي (21 statements of the corpus outside the gold): the genitive is the whole chain, not
    its first noun, and the rest is not the object."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_lam_addressee_after_a_nisba_is_not_a_genitive():
    rows = table("وقال الوزير السعودي لصحيفة الحياة إن الاتفاق صامد.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "الوزير السعودي"), rows[["speaker", "text"]]


def test_an_imam_is_not_the_preposition_amam():
    """إمام normalises like أمام (in front of); the hamza below tells the title apart (unseen corpus
    articles: أكد إمام وخطيب المسجد النبوي … had no speaker; 32 such openings in SaudiNewsNet)."""
    rows = table("أكد إمام وخطيب المسجد الكبير الشيخ سالم الأحمد، أن الأمن نعمة.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "إمام وخطيب المسجد الكبير الشيخ سالم الأحمد"), rows[["speaker", "text"]]
    rows = table("وقال الوزير أمام البرلمان إن الميزانية جاهزة.")
    assert same(rows.speaker.iloc[0], "الوزير")


@pytest.mark.parametrize("text", [
    "وقالت امرأة تدعى أم فؤاد إن العيد جميل.",
    "ويوصى بتناول الدواء مرة في اليوم.",
])
def test_an_imperfect_written_with_alif_maqsura_is_passive(text):
    """يدعى (is called), يوصى (is recommended): the lexicon spells the active يدعي، يوصي (the corpus:
    يدعى 276 times, nearly always a name after it)."""
    assert not any(normalize(c).endswith(("دعي", "وصي")) for c in table(text).cue)


def test_an_imperfect_spelt_with_alif_maqsura_stays_active():
    rows = table("ويرى الخبير أن الأسعار سترتفع.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "الخبير")


@pytest.mark.parametrize("text, speaker", [
    ("وقال الأمين العام للمشروع العربي إن التصريحات تخريب للعلاقات.", "الأمين العام للمشروع العربي"),
    ("وتعلن وزارة الداخلية إذ تنفذ الحكم حرصها على الأمن.", "وزارة الداخلية"),
])
def test_lam_with_the_article_is_a_genitive_and_idh_ends_the_subject(text, speaker):
    """المدير العام للتعليم، الأمين العام للمشروع العربي; ووزارة الداخلية إذ … (the corpus outside the gold)."""
    rows = table(text)
    assert len(rows) >= 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker, content", [
    ("أكد المدير العام للتعليم بمنطقة الباحة سعيد بن محمد مخايش، أهمية المقاصف.",
     "المدير العام للتعليم بمنطقة الباحة سعيد بن محمد مخايش", "أهمية المقاصف"),
])
def test_a_speech_acts_title_keeps_its_ba_area_and_stops_at_the_object(text, speaker, content):
    """بمنطقة الباحة، بوزارة الصحة: the Saudi press joins a title to its area or institution with بـ;
    a verbal noun of object_nouns (أهمية، بضرورة) opens the object (blind strict speaker 0.686 -> 0.701)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker) and same(rows.text.iloc[0], content), rows[["speaker", "text"]]


def test_a_first_person_of_a_hamzat_wasl_verb_is_not_a_report():
    """وأعتقد أن …، أعترف: a past like اعتقد opens with hamzat wasl; written with أ it is the first
    person (dev2; interview answers in the corpus then go to the interviewee)."""
    rows = table("وقال الكاتب إن الأزمة طويلة، وأعتقد أن الحل قريب.")
    assert list(rows.cue.map(normalize)) == [normalize("وقال")], rows[["cue", "text"]]
    assert len(table("واعتبر الوزير أن القرار صائب.")) == 1


@pytest.mark.parametrize("text", [
    "وسيكون المقطع الخائب من بين المقاطع الأخرى التي اشتهرت أن العين تترصد الجميع.",
    "وعلى الرغم من كشف السلطات عن هوية الانتحاري فإن التحقيق مستمر.",
])
def test_a_cue_form_after_a_preposition_is_a_noun(text):
    """من بين، من كشف، إلى وصف: after a preposition the word is a noun or a preposition (dev2, and
    69 statements of the corpus outside the gold)."""
    assert not any(normalize(c).endswith(("بين", "كشف")) for c in table(text).cue)


@pytest.mark.parametrize("text, speaker", [
    ("وقال المتحدث إن الوضع هادئ. ولفت الانتباه إلى أن القصف توقف.", "المتحدث"),
    ("وكشفت الشرطة حينها عن عمليات واسعة.", "الشرطة"),
])
def test_attention_is_an_object_and_then_a_time_adverb(text, speaker):
    """لفت الانتباه/النظر إلى أن (the object, the subject dropped); حينها، آنذاك (dev2)."""
    rows = table(text)
    assert same(rows.speaker.iloc[-1], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال مدير الشرطة في جدة العقيد فهد الغامدي إن الحادث وقع ليلا.", "مدير الشرطة في جدة العقيد فهد الغامدي"),
    ("دان رئيس المجلس البلدي في دبي أحمد بن سالم المري الهجوم على المسجد.", "رئيس المجلس البلدي في دبي أحمد بن سالم المري"),
])
def test_a_title_runs_over_a_place_when_the_holders_name_follows(text, speaker):
    """X في <place> <name>: the place belongs to the office when its holder's name comes next (the
    corpus outside the gold: السفير العراقي في عمان جواد هادي عباس، 14 statements)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_place_without_a_name_after_it_stays_out_of_the_title():
    rows = table("وقال الوزير في الرياض إن الاجتماع مثمر.")
    assert same(rows.speaker.iloc[0], "الوزير"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("عشية وصوله إلى الدوحة حيث سيلتقي نظراءه، سعى وزير الخارجية البريطاني إلى طمأنة الحلفاء، مؤكدا أن الاتفاق متين.",
     "وزير الخارجية البريطاني"),
    ("من جانبه عبر وزير المالية الفرنسي عن ارتياح حكومته، مؤكدا أن النمو سيعود.", "وزير المالية الفرنسي"),
])
def test_a_participles_speaker_is_not_the_object_of_a_preposition(text, speaker):
    """With no statement before it, a participle's speaker is the sentence's first speaker-like phrase
    that is not after a preposition (the corpus: كيري, not قطر of إلى قطر; 20 statements)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_participle_after_a_prepositional_object_falls_back_to_the_speaker_before():
    rows = table("وقال المتحدث العسكري إن القوات تقدمت. وأرجع التأخير إلى تفخيخها بالألغام، مشيدا بصمود الأهالي.")
    assert same(rows.speaker.iloc[-1], "المتحدث العسكري"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ('وقال المتحدث باسم الهلال الأحمر خالد العنزي لـ"سبق": "الحالات مستقرة".', "المتحدث باسم الهلال الأحمر خالد العنزي"),
    ("وأوضح وزير النفط لـ«الاقتصادية» أن الإنتاج مستقر.", "وزير النفط"),
    ("وقال مصدر أمني للوئام إن التحقيق مستمر.", "مصدر أمني"),
    ("وقال اللاعب لبرنامج المجلس إنه سيغادر الكويت.", "اللاعب"),
])
def test_the_outlets_most_often_spoken_to_end_the_subject(text, speaker):
    """لـ"الاقتصادية" (270 times in SaudiNewsNet), لـ"سبق" (158), لـ"اليوم" (73), للوئام: addressees
    in reporting.yaml (the corpus outside the gold: 16 statements; held-out strict speaker 0.732 -> 0.738)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ('وأكد لـ "الاقتصادية" مصدر مطلع أن الإدارة غيرت مسار المفاوضات.', "مصدر مطلع"),
    ("وقال للصحافيين وزير الإعلام إن القرار نهائي.", "وزير الإعلام"),
    ('وقال لـ"سبق"، الدكتور فهد المالكي: "الحالات مستقرة".', "الدكتور فهد المالكي"),
])
def test_the_subject_after_an_addressee_that_comes_first(text, speaker):
    """وأكد لـ"الاقتصادية" مصدر …: the addressee before the subject (SaudiNewsNet: about 200 times
    with مصدر، مصادر، الدكتور، مدير، وكيل … after it). Held-out strict speaker 0.738 -> 0.772."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_relative_clause_with_wa_ends_the_mention():
    """السفير … والذي شدد على أن: والذي، والتي، والذين end a mention as وهو does."""
    rows = table('وقال لـ"الرياض" السفير عبدالله آل الشيخ والذي شدد على أن الأمن مسؤولية مشتركة.')
    assert same(rows.speaker.iloc[0], "السفير عبدالله آل الشيخ"), rows[["speaker", "text"]]


def test_an_honorific_pronoun_stands_for_the_person_named_with_its_title():
    """وأكد سموه with no one quoted before: the last person the article named with a title سموه
    stands for (الأمير), not the last person named (الفريق عثمان …). SaudiNewsNet has 558 such
    subjects (سموه 292, معاليه 152); the corpus outside the gold: 45 statements from no speaker to one."""
    rows = table("\n".join(["خبر", "استقبل صاحب السمو الملكي الأمير فيصل بن خالد أمير منطقة عسير، أمس، مدير الأمن العام الفريق عثمان بن ناصر المحرج.",
                 "وأكد سموه أن رجال الأمن هم صمام الأمان."]))
    assert len(rows) == 1 and same(rows.speaker_label.iloc[0], "الأمير فيصل بن خالد"), rows[["speaker_label", "text"]]
    assert rows.speaker_source.iloc[0] == "explicit", rows.speaker_source  # named by its title, not "unknown"


def test_an_honorific_pronoun_prefers_the_titled_person_named_last():
    """A roundup of calls: each سموه is the caller just named, not the prince quoted before."""
    rows = table("\n".join(["خبر", "تلقى الأمير محمد بن نايف اتصالا من سمو الشيخ سيف بن زايد آل نهيان.",
                 "وعبر سموه عن تعازيه لأسر الشهداء.",
                 "كما تلقى اتصالا من صاحب السمو الملكي الأمير سلمان بن حمد آل خليفة.",
                 "وأعرب سموه عن إدانته للتفجير."]))
    assert [normalize(s) for s in rows.speaker_label] == [normalize("سمو الشيخ سيف بن زايد آل نهيان"), normalize("الأمير سلمان بن حمد آل خليفة")], rows[["speaker_label", "text"]]


def test_an_honorific_pronoun_of_a_minister_is_not_a_president():
    """معاليه stands for a minister (معالي، وزير), not for the president named after him (فخامته)."""
    rows = table("\n".join(["خبر", "وقال معالي وزير الإعلام الدكتور عادل الطريفي إن المجلس اطلع على رسالة الرئيس اليمني عبدربه منصور هادي.",
                 "وبين معاليه أن المجلس رحب بالقرارات."]))
    assert len(rows) == 2 and same(rows.speaker_label.iloc[1], rows.speaker_label.iloc[0]), rows[["speaker_label", "text"]]


@pytest.mark.parametrize("text", [
    "وأعلنت الجامعة عن تمديد التسجيل، وعبر البريد الممتاز لطلبة الانتساب.",
    "ويفضل المرشد اتخاذ القرار من دون تحمل مسؤوليته مباشرة وعبر صلاحيات واسعة له في البرلمان.",
    "وتعبر الحدود يوميا قرابة اثنتي عشرة شاحنة محملة بالفحم.",
])
def test_ubbira_without_its_preposition_is_via(text):
    """عبر ("via", "crosses") is a reporting verb only with عن or a clause (the corpus outside the
    gold: 20 statements removed, all but one "via"; dev precision 0.958 -> 0.960)."""
    assert not any(normalize(c).endswith("عبر") for c in table(text).cue)


def test_ubbira_with_its_preposition_is_a_speech_act():
    rows = table("وعبر الوزير عن ارتياحه لنتائج الزيارة.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "الوزير")


@pytest.mark.parametrize("text", [
    "يبدو أن المفاوضات بين ريال مدريد الإسباني ومانشستر يونايتد وصلت إلى طريق مسدود بعد أن قرر النادي منح القميص لحارس آخر.",
    "وفي ظل التقارب القائم بين الولايات المتحدة وإيران يبدو أن الملف سيحسم قريبا.",
    "وهناك اتفاق بينهم وبين الحكومة والرئاسة على أن يكون هناك وفد واحد.",
])
def test_bayna_before_two_parties_is_between(text):
    """بين before two nouns joined by و, or وبين after a بين of the same sentence, is "between"
    (the corpus outside the gold: about 100 statements removed, nearly all from opinion pieces)."""
    assert not any(normalize(c).endswith("بين") for c in table(text).cue), table(text)[["cue", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وفي الشأن المحلي بين وزير الثقافة والإعلام أن المجلس أقر النظام.", "وزير الثقافة والإعلام"),
    ("وأكد الوزير ضرورة التكامل بين هذه العناصر. وبين أن السياحة مصدر للدخل.", "الوزير"),
])
def test_bayyana_stays_a_verb_with_a_coordinated_title_or_in_a_new_sentence(text, speaker):
    rows = table(text)
    rows = rows[rows.cue.map(lambda c: normalize(c).endswith("بين"))]
    assert len(rows) == 1 and same(rows.speaker_label.iloc[0], speaker), rows[["speaker_label", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقالت متحدثة باسم الشرطة الألمانية إن السلطات أغلقت مكان الحادث.", "متحدثة باسم الشرطة الألمانية"),
    ("وأكدت متحدثة باسم الخارجية الأمريكية أن الاجتماع سيعقد غدا.", "متحدثة باسم الخارجية الأمريكية"),
])
def test_a_participle_that_is_a_title_opens_the_subject(text, speaker):
    """متحدثة باسم (spokeswoman) is the participle of تحدث and a title; after the verb it is the
    subject, not an adverbial like قائلا (41 times after a reporting verb in SaudiNewsNet)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text", [
    "وقدم نائب خادم الحرمين الشريفين شكره وتقديره لملك المغرب على مشاعره الطيبة.",
    "وقدم المدرب شكره لوكالة الرئاسة للشؤون الرياضية لجهودها.",
])
def test_shukrahu_after_a_subject_is_the_noun_thanks(text):
    """قدم/رفع/وجه X شكره: "his thanks", the object of another verb; before, the one thanked came out
    as the speaker (the corpus outside the gold: 12 statements). شكر is verb_initial like ثمن."""
    assert not any(normalize(c).endswith(("شكره", "شكر")) for c in table(text).cue), table(text)[["cue", "speaker"]]


def test_shakara_first_in_its_clause_is_still_a_verb():
    rows = table("وشكر وزير الداخلية دول التحالف على دعمها.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "وزير الداخلية"), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وتلقى الأمير محمد بن نايف اتصالا هاتفيا من صاحب السمو الشيخ سيف بن زايد آل نهيان وزير الداخلية أعرب فيه عن استنكاره للاعتداء.",
     "صاحب السمو الشيخ سيف بن زايد آل نهيان"),
    ("وأصدر المتحدث الرسمي باسم الجيش بيانا جديدا أكد فيه أن القوات تقدمت.", "المتحدث الرسمي باسم الجيش"),
    ("وفي وقت لاحق كشفت فيه إحصائية للمرصد أن عدد المقاتلين تضاعف.", "إحصائية للمرصد"),
])
def test_a_cue_said_in_a_call_or_a_statement_goes_to_its_author(text, speaker):
    """أعرب فيه، أكد خلاله (SaudiNewsNet: about 320 times): the words were said in the call, letter or
    statement just named; the speaker is its author (the one after من, else the sentence's first
    speaker) or a subject after the pronoun, not the person quoted before. Dev2 strict speaker
    0.819 -> 0.826."""
    rows = table("\n".join(["خبر", "وقال وزير الإعلام إن الاجتماع مثمر.", text]))
    assert same(rows.speaker.iloc[-1], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("العاهل المغربي الملك محمد السادس أكد أن المغرب يقف مع السعودية.", "العاهل المغربي الملك محمد السادس"),
    ("وفي سياق متصل، إحصائية رسمية كشفت أن عدد الحجاج ارتفع.", "إحصائية رسمية"),
])
def test_more_heads_mined_after_reporting_verbs(text, speaker):
    """عاهل، موقع، إحصائية، نقيب، نجم … (among the next most frequent words right after a
    reporting verb in SaudiNewsNet) start a speaker before the verb too. Dev2 strict speaker
    0.826 -> 0.839. Not تقارير، معلومات، نتائج: as often the object (ونفت الحكومة تقارير عن …)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text", [
    "ويعتبر اللاعب البرازيلي إحدى أبرز الصفقات الجديدة للنادي.",
    "وتعتبر المملكة العربية السعودية لاعبا مهما في المنطقة.",
])
def test_yutabar_first_in_its_clause_without_anna_is_is_considered(text):
    """يعتبر/تعتبر X أحد/من أهم …: the passive يُعتبر (SaudiNewsNet: 259 times before أحد، إحدى، من
    أهم …). Test precision 0.964 -> 0.969, blind 0.951 -> 0.958, dev2 0.961 -> 0.968."""
    assert table(text).empty, table(text)[["cue", "speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("ويعتبر الوزير أن الخطوة إيجابية.", "الوزير"),
    ("والمسؤولون الفلسطينيون يرفضون المشاريع ويعتبرونها اعتداء على السيادة.", None),
    ("قبرص تعتبر مصر من الجيران البارزين.", None),
])
def test_yutabar_stays_active_with_anna_a_pronoun_a_plural_or_a_subject_before(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and (speaker is None or same(rows.speaker.iloc[0], speaker)), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال الملا منصور إن الحركة موحدة. وكرر قوله بأن الجهاد مستمر.", "الملا منصور"),
    ("وأكدت الندوة العالمية للشباب الإسلامي أن الهجوم جبان. وجددت ثقتها بأن الأمن سيعود.", "الندوة العالمية للشباب الإسلامي"),
])
def test_a_possessed_noun_right_after_the_verb_is_its_object(text, speaker):
    """وكرر قوله بأن، وجددت ثقتها بأن: the possessed noun is the object and the subject is dropped
    (the corpus outside the gold: 21 statements lose a speaker like «قوله» or «مسؤوليتها»)."""
    rows = table(text)
    assert len(rows) == 2 and same(rows.speaker_label.iloc[1], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأضاف باسلمه أن الرحلات ستستأنف.", "باسلمه"),
    ("وقال جيه جونسون إن التهديد كبير.", "جيه جونسون"),
    ("وقال معالي وزير الإعلام إن المجلس اجتمع. وقال معاليه إن الاجتماع مثمر.", "معاليه"),
])
def test_a_name_or_an_honorific_ending_in_a_pronoun_letter_stays_the_subject(text, speaker):
    rows = table("\n".join(["خبر", text])).tail(1)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("headline, speaker", [
    ("سياسي / الزياني يؤكد تمسك دول مجلس التعاون بوحدة اليمن", "الزياني"),
    ("عام / الحكومة اليمنية تناشد الأطباء العودة إلى عدن", "الحكومة اليمنية"),
])
def test_a_headline_subject_starts_after_the_section_name(headline, speaker):
    """SPA (واس) opens its headlines with the section: «سياسي / الزياني يؤكد …» (blind recall 0.851
    -> 0.857, dev2 0.920 -> 0.926)."""
    rows = table("\n".join([headline, "وقال المتحدث إن الوضع مستقر."]))
    assert same(rows.speaker.iloc[0], speaker) and rows.para.iloc[0] == 0, rows[["speaker", "para", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("أعلن وزير الداخلية العراقي محمد سالم الغبان اليوم اعتقال المتورطين بالتفجير.", "وزير الداخلية العراقي محمد سالم الغبان"),
    ("وأكد وزير الخارجية الروسي سيرجي لافروف أن الحل سياسي.", "وزير الخارجية الروسي سيرجي لافروف"),
])
def test_a_title_with_a_nisba_keeps_the_holders_name(text, speaker):
    """وزير الداخلية العراقي | محمد سالم الغبان: the name after a title's nisba adjective is its holder,
    as after the title itself (the corpus outside the gold: about 20 mentions gain the name)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_verbal_noun_the_name_finder_took_for_a_name_ends_the_mention():
    """… الوزير شكري | تأكيد …: a verbal noun of object_nouns or a possessed noun inside a found
    person's name cuts the name (7 corpus mentions lose «تأكيد»)."""
    rows = table("وجدد الوزير سامح شكري تأكيد موقف مصر الداعم للحل السياسي.")
    assert not any("تاكيد" in normalize(s) for s in rows.speaker), rows[["speaker", "text"]]


def test_a_participle_after_a_quotation_has_its_own_object():
    """«…»، مطالبا مؤازرة …: a participle after a closing mark is not the «…»، قال الوزير pattern; it
    says its own object (dev2 R 0.926 -> 0.932; 6 corpus speech acts found, all right)."""
    rows = table("وقال الوزير: «نسعى لإيجاد المطامر في كل منطقة»، مطالبًا مؤازرة القوى الأمنية لمواجهة الأزمة.")
    assert list(rows.kind) == ["direct", "speech_act"] and same(rows.speaker.iloc[1], "الوزير"), rows[["kind", "cue", "text"]]
    assert len(table("«الوضع مستقر»، قال المتحدث.")) == 1


@pytest.mark.parametrize("text, label", [
    ("ووفقا للمصادر العسكرية الليبية، فإن المدينة استولت على الأسلحة.", "المصادر العسكرية الليبية"),
    ("وفقا للمرصد السوري لحقوق الإنسان، قتل عشرون مدنيا في الغارة.", "المرصد السوري لحقوق الإنسان"),
    ("ووفقا لوكالة الأنباء اليمنية فإن الهجوم فشل.", "وكالة الأنباء اليمنية"),
])
def test_a_source_phrases_lam_is_not_in_the_label(text, label):
    """وفقا للمصادر: ل before the article took the article's alif, so the readable label restores it
    (المصادر), as وفقا لوكالة gives وكالة (about 15 sources of the corpus outside the gold were
    labelled للمصادر، للمرصد، للتقرير)."""
    rows = table(text)
    assert len(rows) == 1 and rows.speaker_label.iloc[0] == label, rows[["speaker", "speaker_label"]]


@pytest.mark.parametrize("text, speaker", [
    ("ونبدأ بما صرح به وزير الخارجية الأمريكي جون كيري: «الاتفاق يخدم المنطقة».", "وزير الخارجية الأمريكي جون كيري"),
    ("وهو الطريق الذي قال عنه النائب سالم العتيبي إنه الوحيد للخروج من الأزمة.", "النائب سالم العتيبي"),
])
def test_the_pronoun_of_what_was_said_is_not_the_speaker(text, speaker):
    """ما صرح به | وزير الخارجية، الذي قال عنه | النائب: the preposition with the pronoun of the thing
    said comes before the subject (the corpus outside the gold: 8 speakers lose به/بها, 4 gain their
    name); after a relay verb (نقلت عنه الوكالة) the pronoun is the one quoted, as before."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker_label.iloc[0], speaker), rows[["speaker", "speaker_label", "text"]]
    relayed = table("وأكد الوزير خالد الفهد أن المعرض ناجح. ونقلت عنه وكالة الأنباء الكويتية قوله إن الإقبال كبير.")
    assert "وكالة" not in relayed.speaker_label.iloc[-1], relayed[["speaker", "speaker_label", "text"]]


def test_a_contrast_with_a_pronoun_opens_a_new_statement():
    """…، غير أنه أضاف أن …: like لكنه and إلا أنه, «غير أنه» ends the content before it and the cue
    after it is a statement of its own (dev3; about 270 times with a reporting verb in SaudiNewsNet
    counted together with لكنه and إلا أنه)."""
    rows = table("وأكد الوزير أن الاتفاق مهم، غير أنه أضاف أن التنفيذ صعب.")
    assert [r.cue for r in rows.itertuples()] == ["وأكد", "أضاف"] and same(rows.speaker_label.iloc[1], "الوزير"), rows[["cue", "text"]]


def test_an_unclosed_quotation_ends_where_the_narration_resumes():
    """«… never closed, then …، مبينًا أن … . وأكد أن …: the reporting word after a comma or full stop,
    before its complementiser, is the narration again (dev3 R 0.850 -> 0.868, quoted-words F1 0.865
    -> 0.922; 209 of SaudiNewsNet's 2,078 unclosed quotations hold such a word)."""
    rows = table("وتحدث الدكتور علي الشهري بورقة عن «تكامل الجهود الحكومية للمحافظة على القرى التراثية، "
                 "مبينًا أن القرية تعد تجربة فريدة. وأكد أن التراث رمز للهوية.")
    assert [r.cue for r in rows.itertuples()] == ["وتحدث", "مبينًا", "وأكد"], rows[["cue", "text"]]
    assert all(same(s, "الدكتور علي الشهري") for s in rows.speaker_label), rows[["speaker_label", "text"]]
    kept = table("وقال الوزير: «نحن مستعدون للحوار، ونؤكد أن أيدينا ممدودة للجميع")
    assert len(kept) == 1 and "ممدودة" in kept.text.iloc[0], kept[["cue", "text"]]


@pytest.mark.parametrize("text, cue, speaker", [
    ("دعا مشاركون في «ملتقى أمن وسلامة الآثار» الدول العربية إلى تبني فكرة الشرطة السياحية.", "دعا", "مشاركون في «ملتقى أمن وسلامة الآثار»"),
    ("وأوضح عضو في «شورى كويتا» أن القرار اتخذ على عجل.", "وأوضح", "عضو في «شورى كويتا»"),
])
def test_a_quotation_after_fi_and_a_speaker_is_a_name(text, cue, speaker):
    """مشاركون في «ملتقى …»، عضو في «شورى كويتا»، شكري في «حوار استراتيجي» بين: quoted words right after
    في and a speaker's head or name name a body or an event, not what was said (dev3; 9 of the 11
    such quotations of the Gulf-security sample were taken for speech); the speaker's mention takes
    the quoted name whole, never cut inside its marks."""
    rows = table(text)
    assert len(rows) == 1 and rows.cue.iloc[0] == cue and rows.kind.iloc[0] != "direct", rows[["kind", "cue", "text"]]
    assert same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]
    kept = table("فأعلنت الوزارة أنها شددت الإجراءات الأمنية في «بعض المنشآت الفيدرالية».")
    assert kept.kind.iloc[0] == "mixed", kept[["kind", "text"]]


@pytest.mark.parametrize("text, cues", [
    ("وقال الرئيس التنفيذي للبنك إنه لا يتوقع نزوحا للأموال لكنه أضاف «هناك ضغط كبير على السيولة».", ["وقال", "أضاف"]),
    ("ورحبت الوزارة بالاتفاق في العلن لكنها أبدت في الأحاديث الخاصة تخوفا من تنفيذه.", ["ورحبت", "أبدت"]),
    ("وأعلنت الشركة زيادة أرباحها حيث يأمل المساهمون أن ترتفع التوزيعات.", ["وأعلنت"]),
])
def test_a_clause_breaker_before_a_past_reporting_verb_opens_a_statement(text, cues):
    """… الحكومية لكنه أضاف «…»، … في العلن لكنها أبدت …: لكنه, حيث, في حين … before a past reporting
    verb open a statement also with no comma before them (dev3 R 0.872 -> 0.876, dev 0.854 -> 0.857;
    about 30 corpus statements split right); a present verb after حيث/بينما describes (حيث يأمل)."""
    rows = table(text)
    assert list(rows.cue) == cues, rows[["cue", "text"]]


def test_a_participle_after_a_bracket_opens_a_statement():
    """… مع دول (5+1) مبينا أن …: a circumstantial participle after a closing bracket opens its own
    statement, as after a word (dev3; the same SPA story in four outlets of the corpus)."""
    rows = table("وأكد الوزير تفهمه قلق دول الخليج من الاتفاق الذي أبرمته إيران مع دول (5+1) مبينا أن العقوبات ستعود.")
    assert list(rows.cue) == ["وأكد", "مبينا"] and list(rows.kind) == ["speech_act", "indirect"], rows[["cue", "kind", "text"]]


@pytest.mark.parametrize("text, cues, speaker", [
    ("وجدد اللواء الحذيفي شكره للمملكة، مقدما تهانيه لقوى التحالف على الانتصارات.", ["وجدد", "مقدما"], "اللواء الحذيفي"),
    ("ورفع مجلس الوزراء الشكر والتقدير لخادم الحرمين الشريفين على رعايته.", ["ورفع"], "مجلس الوزراء"),
    ("ووجه الرئيس هادي رسالة إلى اليمنيين في الخارج.", ["ووجه"], "الرئيس هادي"),
    ("وقدم الفريق أداء جيدا في المباراة ورفع رصيده إلى عشر نقاط.", [], None),
])
def test_offering_a_courtesy_is_a_speech_act(text, cues, speaker):
    """قدم التعازي، رفع شكره، مقدما تهانيه، وجه رسالة: an offering verb is speech only when it offers
    a courtesy or a message (offer_nouns; about 800 times in SaudiNewsNet; dev3 R 0.880 -> 0.891, test
    R 0.853 -> 0.857, dev R 0.857 -> 0.860); the courtesy never joins the speaker's mention (مجلس
    الوزراء | الشكر), and وجهه after a name is "his face" (كرم الله وجهه), not a verb with a pronoun."""
    rows = table(text)
    assert list(rows.cue) == cues, rows[["cue", "text"]]
    assert speaker is None or all(same(s, speaker) for s in rows.speaker_label), rows[["speaker_label", "text"]]


@pytest.mark.parametrize("text", [
    "ودعا خادم الحرمين الشريفين المواطنين إلى الحذر.",
    "ووجه خادم الحرمين الشريفين الشكر والتقدير للقوات المشاركة.",
])
def test_the_kings_title_is_whole_before_an_object(text):
    """خادم الحرمين الشريفين (4,220 times in SaudiNewsNet) was cut to «خادم الحرمين» before an object,
    leaving الشريفين to open the content."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "خادم الحرمين الشريفين"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("ولفت الجبير الانتباه إلى أن المملكة لا تتدخل في شؤون الدول الأخرى.", "الجبير"),
    ("وأكد السفير بدر عبدالعاطي أهمية الالتزام بميثاق الأمم المتحدة.", "السفير بدر عبدالعاطي"),
    ("وجدد وزير الخارجية جون كيري التأكيد على التزام بلاده بأمن الخليج.", "وزير الخارجية جون كيري"),
])
def test_a_verbal_noun_after_the_subject_opens_the_object(text, speaker):
    """ولفت الجبير | الانتباه إلى، وجدد كيري | التأكيد على: a verbal noun of object_nouns without a
    preposition ends the subject also before a preposition or a clause (dev3 strict speaker 0.840 ->
    0.878, blind 0.732 -> 0.746, dev2 0.841 -> 0.848; 47 corpus speakers lose the verbal noun)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_bare_verb_after_a_comma_with_its_own_content_opens_a_statement():
    """…، قال المؤيدون، وهم من الديمقراطيين، إن …: a second past reporting verb after a comma, with its
    own أن/إن, colon or quotation ahead, is a statement of its own (dev3 R 0.891 -> 0.895, strict
    speaker 0.878 -> 0.891; dev R 0.860 -> 0.865); «وندد بما قال إنها …»: بما opens the object, the
    subject is dropped; «علما بأن» is "note that", not the verb علم."""
    rows = table("وبينما قال منتقدو الصفقة إنها ستغني إيران، قال المؤيدون، وهم من الديمقراطيين، إن الاتفاق عالمي.")
    assert list(rows.cue) == ["قال", "قال"] and same(rows.speaker.iloc[1], "المؤيدون"), rows[["cue", "speaker", "text"]]
    rows = table("وقال كارتر إن الاتفاق جيد. وندد بما قال إنها «الأنشطة المؤذية» لإيران.")
    assert same(rows.speaker_label.iloc[-1], "كارتر"), rows[["cue", "speaker", "text"]]
    rows = table("وقال الوزير إن المعرض ناجح، علما بأن الإقبال كان ضعيفا العام الماضي.")
    assert list(rows.cue) == ["وقال"], rows[["cue", "text"]]


def test_a_mention_is_never_cut_inside_a_bracketed_name():
    """… في شركة (إل | .في.إم.إتش): a mention that ended inside brackets takes them whole (dev2 strict
    speaker 0.848 -> 0.854)."""
    rows = table("وتستعد الشركة لإطلاق منتج منافس وفق ما كشف عنه كلود بيفر رئيس وحدة الساعات في شركة "
                 "(إل.في.إم.إتش) لصحيفة هاندلسبلات الألمانية.")
    assert same(rows.speaker_label.iloc[0], "كلود بيفر رئيس وحدة الساعات في شركة (إل.في.إم.إتش)"), rows[["speaker", "speaker_label"]]


def test_a_names_own_lam_stays_in_the_label():
    """لاجارد, لايسي: the ل of a name is not the preposition a source phrase puts before it (the label
    read «اجارد دائني» in dev2)."""
    rows = table("وأكدت لاجارد أن الديون مرتفعة.")
    assert rows.speaker_label.iloc[0] == "لاجارد", rows[["speaker", "speaker_label"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأضاف السيسي موجها حديثه للأمير: «إنني ممتن لكم».", "السيسي"),
    ("وتابع الوزير مؤكدا على أن الأولوية للموقف الوطني.", "الوزير"),
    ("وكان المتحدث الرسمي عادل الفهد قد أشاد بالقرار. الا ان الفهد كان ندد الاسبوع الماضي بالتصريحات العدائية.", "الفهد"),
    ("وقالت مصادر متابعة للتحقيقات إن المتهمين اعترفوا.", "مصادر متابعة للتحقيقات"),
])
def test_a_participle_or_kana_after_the_subject_is_not_in_it(text, speaker):
    """وأضاف السيسي | موجها حديثه، الجبير | كان ندد: a reporting participle after the subject and كان
    between a fronted subject and its verb stay out of the mention (dev3 strict speaker 0.891 ->
    0.895); after an indefinite noun a participle without its content is an adjective (مصادر متابعة)."""
    rows = table(text)
    assert same(rows.speaker.iloc[-1], speaker), rows[["cue", "speaker", "text"]]


def test_a_descriptive_clause_stays_out_of_the_label():
    """قال المؤيدون، وهم من الديمقراطيين، إن …: the label, like the mention, ends before وهو/وهم (the
    label read «المؤيدون، وهم من الديمقراطيين» in dev3)."""
    rows = table("وقال المؤيدون، وهم من الديمقراطيين، إن الاتفاق عالمي.")
    assert rows.speaker_label.iloc[0] == "المؤيدون", rows[["speaker", "speaker_label"]]


def test_a_source_phrase_before_a_quotation_is_direct():
    """وبحسب الوزير «…»: a quotation right after a fronted source's name is its words, direct (dev3:
    «وبحسب العكبري «لا تخلو أرصفة الميناء …»» gave no statement)."""
    rows = table("وبحسب الوزير «لا تخلو أرصفة الميناء من الناقلات والبواخر المختلفة».")
    assert list(rows.kind) == ["direct"] and same(rows.speaker.iloc[0], "الوزير"), rows[["kind", "speaker", "text"]]


def test_adan_after_a_comma_is_considering():
    """…، عادًا ذلك من الأعمال الصالحة: the participle of عدّ "to consider" (40 times after a comma in
    SaudiNewsNet; dev3 R 0.895 -> 0.902, test R 0.857 -> 0.862), listed whole (participle_forms) as
    its stem is also عاد "returned" and عادة "usually"."""
    rows = table("وأشاد الأمير بالمعرض، عادا رعايته تتويجاً للمحطة الثانية للمعرض.")
    assert list(rows.cue) == ["وأشاد", "عادا"] and rows.kind.iloc[1] == "indirect", rows[["cue", "kind", "text"]]
    assert table("وعاد الوزير إلى الرياض أمس بعد زيارة عادة ما تستغرق يومين.").empty


@pytest.mark.parametrize("text, cue, speaker", [
    ("وقد توعد الرئيس باستخدام حق النقض إذا رفض المجلس الاتفاق.", "توعد", "الرئيس"),
    ("وتبرأ الأمين العام للحزب في تصريح إذاعي من الدعوة التي وجهت للرئيس السابق.", "وتبرأ", "الأمين العام للحزب"),
])
def test_threatening_and_disowning_are_speech_acts(text, cue, speaker):
    """توعد بـ (80 times in SaudiNewsNet) and تبرأ من (16): verbs of threatening and disowning the issue
    names among the missing cues (dev3 R 0.902 -> 0.914; 9 corpus statements found, all right)."""
    rows = table(text)
    assert list(rows.cue) == [cue] and rows.kind.iloc[0] == "speech_act" and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker", "text"]]


def test_a_partitive_subjects_min_is_not_the_verbs():
    """تبرأ كثير | من مشايخ المحافظة من البيان: the من after a quantity of people (partitive_heads)
    belongs to the subject, the verb's own من comes after (dev3 strict speaker 0.889 -> 0.893)."""
    rows = table("تبرأ كثير من مشايخ المحافظة من البيان الذي أصدرته الميليشيات.")
    assert same(rows.speaker.iloc[0], "كثير من مشايخ المحافظة") and rows.text.iloc[0].startswith("من البيان"), rows[["speaker", "text"]]


def test_a_present_after_the_lam_of_purpose_with_its_content_is_a_statement():
    """ومضى الوزير ليقول إن …، ينتقل ظريف ليؤكد أن …، لتقول: «…»: the present after the ل of purpose
    says the words of the sentence's speaker when its content follows at once (dev3 R 0.914 -> 0.917,
    quoted-words F1 0.931 -> 0.955; 11 corpus statements); without it, no statement (لتؤكد نجاح …)."""
    rows = table("ومضى الوزير ليقول إن رحيل الأسد أمر يخص الشعب السوري.")
    assert list(rows.cue) == ["ليقول"] and same(rows.speaker.iloc[0], "الوزير"), rows[["cue", "speaker", "text"]]
    assert table("وتأتي هذه الدورة لتؤكد نجاح البرنامج.").empty


@pytest.mark.parametrize("text, speaker", [
    ("وقال السفير الليبي لدى الأمم المتحدة إبراهيم الدباشي إن الحظر يجب أن يرفع.", "السفير الليبي لدى الأمم المتحدة إبراهيم الدباشي"),
    ("من جهته أكد السفير الإماراتي لدى اليمن دعم دولة الإمارات للشعب اليمني.", "السفير الإماراتي لدى اليمن"),
    ("وقال سفير أمريكا لدى الأمم المتحدة السابق جون بولتون إن الاتفاق سيئ.", "سفير أمريكا لدى الأمم المتحدة السابق جون بولتون"),
    ("وقال السفير لدى وصوله إلى الرياض إن العلاقات متينة.", "السفير"),
])
def test_an_envoys_accreditation_stays_in_the_mention(text, speaker):
    """سفير X لدى الأمم المتحدة: لدى + the state or body an envoy is accredited to belongs to the title
    (accreditation_prepositions; dev strict speaker 0.788 -> 0.794, 9 corpus speakers longer and none
    wrong); لدى + a verbal noun stays out (لدى وصوله: on arrival)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال المشرف العام على فريق القادسية عبدالله بادغيش إن الفريق جاهز.", "المشرف العام على فريق القادسية عبدالله بادغيش"),
    ("وكشفت اللجنة المشرفة على فعاليات الألعاب النارية عن إطلاق 300 قذيفة.", "اللجنة المشرفة على فعاليات الألعاب النارية"),
    ("وشدد المشرف على ضرورة الالتزام بالتعليمات.", "المشرف"),
    ("وشدد المشرف العام على أن العمل مستمر.", "المشرف العام"),
])
def test_what_an_overseeing_title_oversees_stays_in_the_mention(text, speaker):
    """المشرف العام على …، اللجنة المشرفة على …، القائمون على …: a title that is a participle of
    overseeing takes its على phrase (overseeing_participles; about 250 such speakers in SaudiNewsNet;
    dev2 strict speaker 0.854 -> 0.868, dev3 0.889 -> 0.893); the verb's own على stays out."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("ألمانيا وجهت أصابع الاتهام إلى تركيا منتصف مارس واتهمتها بالتهاون.", "ألمانيا"),
    ("وكانت ميليشيات الحوثي في محافظة ذمار وزعت بيانا يوم الخميس الماضي، نسبته إلى مشايخ المحافظة، "
     "زعمت فيه أنهم دعوا قبائلهم إلى الحشد.", "ميليشيات الحوثي"),
    ("الفريق ضاحي خلفان لم يترك المقال يمر بدون تعليق إذ قال إن الكاتب مخطئ.", "الفريق ضاحي خلفان"),
    ("الأمين العام لـ«حزب الله» حسن نصر الله، تساءل في أحد خطاباته بقوله: «ما الذي ستفعله؟»",
     "الأمين العام لـ«حزب الله» حسن نصر الله"),
    ("وكانت وزارة الكهرباء والطاقة المتجددة أعلنت أن الأحمال زادت.", "وزارة الكهرباء والطاقة المتجددة"),
    ("أما الباحث في الشؤون الإيرانية سامر الخطيب فقال إن طهران ليست بعيدة.", "الباحث في الشؤون الإيرانية سامر الخطيب"),
])
def test_a_fronted_subject_is_a_noun_phrase_not_the_clause_before_the_verb(text, speaker):
    """SVO: the subject before the verb is read as a noun phrase, as after it, not as every word up to
    the verb, which swallowed another verb's clause (ألمانيا وجهت أصابع الاتهام … واتهمتها); all the
    words when they are one or two more words of the name or an affiliation ending in its holder's
    name. Test strict speaker 0.850 -> 0.861, held-out 0.782 -> 0.796, dev3 0.893 -> 0.902, dev
    0.794 -> 0.798, other sets unchanged; 70 corpus speakers shorter, most of them right now."""
    rows = table(text)
    assert same(rows.speaker.iloc[-1], speaker), rows[["cue", "speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقالت الكويت والبحرين والأردن ومصر إن الحل سياسي.", "الكويت والبحرين والأردن ومصر"),
    ("الكويت و قطر تدينان التفجير الذي استهدف المسجد", "الكويت و قطر"),
    ("واتهمت السعودية إيران بالتدخل في شؤون المنطقة.", "السعودية"),
])
def test_named_actors_joined_by_wa_speak_together(text, speaker):
    """الكويت والبحرين والأردن ومصر يدينون: actors of the same kind joined by و are one subject; an
    actor after the subject without و is the verb's object (اتهمت السعودية | إيران)."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker", "text"]]


def test_a_title_after_the_name_takes_its_affiliation():
    """فارع المسلمي خبير الشؤون اليمنية في مركز …، عباس رحمت، عضو اللجنة الاجتماعية في البرلمان: the
    institution after a title stays with the subject also when the name comes first (dev3; 6 corpus
    speakers longer, all right). The label keeps it; the mention, set off by the comma, is the name."""
    rows = table("وقال عباس قائد رحمت، عضو اللجنة الاجتماعية في البرلمان، إن القانون سيعدل.")
    assert same(rows.speaker_label.iloc[0], "عباس قائد رحمت، عضو اللجنة الاجتماعية في البرلمان"), rows[["speaker_label", "text"]]
    assert same(rows.speaker.iloc[0], "عباس قائد رحمت"), rows[["speaker", "text"]]


def test_an_outlet_in_quote_marks_after_lam_is_who_was_told():
    """أوضح لـ”عين اليوم” أن …، نائب الرئيس التنفيذي لـ«مؤتمر …» إن «…»: a quotation after a bare لـ
    names who was told or the title's body, not the words, unless the verb's own preposition is ل
    (dev2 R 0.932 -> 0.938, quoted terms per 10 articles 1.67 -> 1.25)."""
    rows = table("وقال الوزير إن الوضع مستقر.\nوأوضح لـ”عين اليوم” أن أجهزة المكافحة تعمل بصورة مستمرة.")
    assert list(rows.kind) == ["indirect", "indirect"] and rows.text.iloc[1].startswith("أجهزة"), rows[["kind", "text"]]
    rows = table("ودعا الوزير لـ«وقف إطلاق النار» فورا.")
    assert "وقف إطلاق النار" in rows.text.iloc[0], rows[["kind", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأبلغ «الشرق الأوسط» عبد العزيز العكبري رئيس لجنة الخدمات، أن الحركة الملاحية مستمرة.", "عبد العزيز العكبري رئيس لجنة الخدمات"),
    ("وأبلغت «عكاظ» قيادات ميدانية أن الحركة الملاحية مستمرة.", "قيادات ميدانية"),
    ("وذكرت «عكاظ» أن الحركة الملاحية مستمرة.", "عكاظ"),
    ("وذكرت «وكالة دوجان» للأنباء أن المرأة اعتقلت.", "وكالة دوجان"),
])
def test_an_outlet_in_quote_marks_before_a_noun_is_the_one_told(text, speaker):
    """وأبلغ «الشرق الأوسط» العكبري أن …: an outlet in quote marks right after the verb, with a noun
    after it, is who was told and the noun the subject; before the content it is the subject (held-out
    strict speaker 0.796 -> 0.803, dev3 0.902 -> 0.906)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker_label.iloc[0], speaker), rows[["speaker", "speaker_label", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("ونقلت الصحيفة تصريحات أصدرها مكتب النائب العام بأنه يجري التحقيق في الهجوم.", "الصحيفة"),
    ("وقال مصدر مسؤول في تصريح صحافي إن التحقيق مستمر.", "مصدر مسؤول"),
])
def test_a_bare_speech_noun_after_the_subject_is_not_in_it(text, speaker):
    """ونقلت الصحيفة | تصريحات …، مصدر مسؤول | في تصريح صحافي: a speech noun without the article or a
    pronoun is the verb's object or the channel, never more of the speaker (7 corpus speakers shorter,
    all right)."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_an_adverb_of_force_is_neither_speaker_nor_content():
    """استنكر … الزياني بشدة تصريحات …، ترجح السلطات بقوة أن: بشدة and بقوة are how it was said (79
    times after a verb of condemning in SaudiNewsNet), out of the speaker and before the content."""
    rows = table("واستنكر الأمين العام لمجلس التعاون لدول الخليج العربية الدكتور عبداللطيف الزياني بشدة تصريحات المالكي.")
    assert same(rows.speaker.iloc[0], "الأمين العام لمجلس التعاون لدول الخليج العربية الدكتور عبداللطيف الزياني")
    assert rows.text.iloc[0].startswith("تصريحات"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأعلن الرئيس الأميركي باراك أوباما تحرير الكويت.", "الرئيس الأميركي باراك أوباما"),
    ("وخاطب الرئيس التونسي أوروبا بلهجة تحد قائلا: «نحن نستقبل مليون زائر».", "الرئيس التونسي"),
])
def test_a_first_name_before_a_known_surname_is_the_holders(text, speaker):
    """الرئيس الأميركي باراك | أوباما: a bare word between a title and a person the gazetteer knows by
    the surname is the first name, not the verb's object (10 corpus speakers now whole)."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("ووصف الدكتور الزياني هذه التصريحات الاستفزازية بأنها غير واقعية.", "الدكتور الزياني"),
    ("وقال المتحدث باسم هذه الجماعة إن التصريحات غير واقعية.", "المتحدث باسم هذه الجماعة"),
    ("وقال أحد هؤلاء العسكريين إن الوضع هادئ.", "أحد هؤلاء العسكريين"),
])
def test_a_demonstrative_after_the_subject_opens_the_object(text, speaker):
    """ووصف الزياني | هذه التصريحات بأنها …: a demonstrative after the subject is the object's, unless a
    noun in construct governs it (أحد هؤلاء، باسم هذه الجماعة) (dev2 strict speaker 0.868 -> 0.875;
    about 25 corpus speakers shorter and right)."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("واستنكر الأمين العام لمجلس التعاون د. عبداللطيف بن راشد الزياني بشدة تصريحات المالكي.",
     "الأمين العام لمجلس التعاون د. عبداللطيف بن راشد الزياني"),
    ("وقال م. خالد السالم إن العمل مستمر.", "م. خالد السالم"),
])
def test_an_abbreviated_title_does_not_end_the_mention(text, speaker):
    """مفتي مصر د. شوقي …، النائب د. منصور الظفيري: the full stop of د. (م. أ.) before a name is the
    title's (title_abbreviations); the mention was cut at «د» (17 corpus speakers now named)."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_hawla_ends_the_subject():
    """قال المستشارون الحكوميون | حول الجزيرة …: حول "about" is what was spoken of, never more of the
    speaker (subject_terminators; 8 corpus speakers shorter and right)."""
    rows = table("وقال المستشارون الحكوميون حول الجزيرة إن الوضع هادئ.")
    assert same(rows.speaker.iloc[0], "المستشارون الحكوميون"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال قائد كبير في القوات المناهضة للحوثيين: «الموقف انقلب تماما».", "قائد كبير في القوات المناهضة للحوثيين"),
    ("وقال مسؤول في الإدارة التابعة لوزارة الداخلية إن الهجوم فشل.", "مسؤول في الإدارة التابعة لوزارة الداخلية"),
])
def test_the_actor_an_allegiance_participle_serves_stays_in_the_mention(text, speaker):
    """القوات المناهضة للحوثيين، اللجنة التابعة لغرفة جدة: a named actor after a participle of
    allegiance with لـ is its complement, not the verb's object (allegiance_participles; dev3 strict
    speaker 0.906 -> 0.914, no other gold set or corpus speaker changed)."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وكانت حركة طالبان حذرت تنظيم داعش من التوسع في منطقتها.", "حركة طالبان"),
    ("وكان المتحدث ينفي تغريدة نشرت على حساب زعيم الحوثيين جاء فيها «الهدنة المرفوضة».", "المتحدث"),
    ("وكانت مصادر سياسية في إسرائيل قد رفضت ما قاله كيري من أنه لن يتراجع.", "كيري"),
])
def test_the_subject_of_kana_before_the_verb_is_the_speaker(text, speaker):
    """وكانت حركة طالبان | حذرت تنظيم داعش: the subject of كان comes before its verb, so what follows
    the verb is its object or an adverbial (15 corpus statements named right, none worse); a verb in a
    relative clause (ما قاله كيري) keeps its own subject."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


@pytest.mark.parametrize("text", [
    "وقال رداً على سؤال حول الرد الممكن: «هذا دون شك ممكن».",
    "وقال بهذا الخصوص إن «الجلسة القادمة فرصة».",
    "وكان قد لفت أخيرا إلى وجود تحفظات لدى بعض الفرقاء.",
    "وأكد بشكل غير مباشر أن الحكومة ستتدخل.",
    "وأشار بصورة واضحة إلى أن الحكومة ستتدخل.",
])
def test_a_reply_a_topic_or_recently_is_not_the_speaker(text):
    """رداً على …، بهذا الخصوص، أخيرا، بشكل/بصورة … after the verb: the verb's subject is dropped (the
    speaker comes from the sentences before), never these words (18 corpus statements had them as
    speaker, and 6 of 1,500 SaudiNewsNet articles outside the sample had «بشكل غير مباشر»)."""
    rows = table(text)
    assert len(rows) == 1 and rows.speaker.iloc[0] in ("", None), rows[["speaker", "text"]]


def test_a_stray_quote_mark_after_the_subject_is_not_in_the_mention():
    """وقال سموه ” إن …، وأفاد الدكتور القصبي بـ"أن …: a mark no mark in the mention opens is a stray
    one, left out (7 corpus statements; an honorific pronoun alone then names the titled person);
    صحيفة «سبق» keeps its own marks."""
    rows = table("وقال الأمير ” إن التفجير الإرهابي كشف حقد المجرمين. وقالت صحيفة «سبق» إن الهجوم فشل.")
    assert list(rows.speaker) == ["الأمير", "سبق"], rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("أدانت مملكة البحرين التفجير الإرهابي. وشددت وفقاً لما نقلته وكالة الانباء البحرينية، على أن هذه الجريمة لا تمت بصلة لأي دين.",
     "مملكة البحرين"),
    ("أدان رئيس مجلس النواب في مملكة البحرين أحمد بن إبراهيم الملا التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في منطقة عسير. "
     "وقال وفقاً لما نقلته وكالة الأنباء البحرينية: «إن البحرين تقف صفا واحدا مع السعودية».",
     "رئيس مجلس النواب في مملكة البحرين أحمد بن إبراهيم الملا"),
])
def test_a_source_between_the_verb_and_its_content_is_not_the_subject(text, speaker):
    """وشددت، وفقاً لما نقلته الوكالة، على أن …: the agency relays; the verb's subject is dropped and
    comes from the sentence before (9 corpus statements had «وفقاً لما» as their speaker)."""
    rows = table(text)
    assert same(rows.speaker.iloc[-1], speaker), rows[["speaker", "text"]]


def test_a_second_verb_of_saying_after_the_cue_is_not_the_speaker():
    """وأضاف يقول: «…»، وتابعت تقول إنه …، وأردف يقول: the present says how the words came; the
    subject is dropped and comes from before (5 corpus statements had «يقول» as their speaker)."""
    rows = table("قال الوزير إن الوضع هادئ. وأضاف يقول: «لا ينبغي علينا الانتظار». وتابع يقول: «نود لو أن إيران نظرت إلى سوريا».")
    assert list(rows.speaker) == ["الوزير"] * 3, rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال الامين العام لحلف الأطلسي ينس شتولتينبيرج لمحطة «سي إن إن» إن الحلف مستعد.", "الامين العام لحلف الأطلسي ينس شتولتينبيرج"),
    ("وقال الوزير لمجلة «دير شبيغل» إن الحلف مستعد.", "الوزير"),
])
def test_a_station_or_magazine_spoken_to_is_not_in_the_mention(text, speaker):
    """لمحطة …، لمجلة …: a broadcaster or magazine after لـ is who was told (addressees)."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["speaker", "text"]]


def test_a_possessed_noun_the_name_finder_took_after_a_title_is_the_object():
    """فيما أبدى الفريق | قناعته التامة بأهمية البرنامج: الفريق is also "the team", and the name
    finder read the possessed noun after it as a name; it is the verb's object (10 corpus statements
    had «الفريق قناعته التامة» as their speaker). A name such as عبده after a title stays."""
    rows = table("فيما أبدى الفريق قناعته التامة بأهمية البرنامج. وقال اللواء عبده الحذيفي إن الوضع هادئ.")
    assert list(rows.speaker) == ["الفريق", "اللواء عبده الحذيفي"], rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker, row", [
    ("«الزياني» يؤكد تمسك دول مجلس التعاون بتنفيذ قرار مجلس الأمن\nالرياض - واس\nأكد الأمين العام أن الدول متمسكة.", "«الزياني»", 0),
    ('"مجلس التعاون": يدين الجريمة الإرهابية بعسير\nأدانت الأمانة العامة الجريمة.', '"مجلس التعاون"', 0),
    ("عنوان\nقال مسؤول إن الحرب طويلة. أما «آيباك» فتقول إنها لا تقف وراء هذه الإعلانات.", "«آيباك»", -1),
    ('عنوان\nوكان "الأزهر" استنكر بشدة في بيان صادر عنه أمس الهجوم الإرهابي.', '"الأزهر"', -1),
])
def test_a_quoted_name_just_before_the_verb_is_its_subject(text, speaker, row):
    """«الزياني» يؤكد، "مجلس التعاون": يدين، أما «آيباك» فتقول: a name in quote marks before the verb
    is its subject, not speech, and the noun after the verb is the object (headlines of this form had
    no speaker; in the body a dropped subject went to an earlier voice)."""
    rows = table(text)
    assert rows.speaker.iloc[row] == speaker, rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وذكرت وكالة دوجان للأنباء أن المرأة التي اعتقلت تبلغ من العمر 51 عاما.", "وكالة دوجان للأنباء"),
    ("وقال مركز الملك سلمان للإغاثة إن المساعدات وصلت إلى عدن.", "مركز الملك سلمان للإغاثة"),
    ("وقالت شركة أرامكو للصحفيين إن الإنتاج مستقر.", "شركة أرامكو"),
])
def test_a_named_body_keeps_the_field_it_serves(text, speaker):
    """وكالة دوجان للأنباء، مركز الملك سلمان للإغاثة: لـ + the field after a body's proper name is part
    of its name (the mention was cut at للأنباء, read as the paper الأنباء spoken to); لـ + who was
    spoken to still ends it (شركة أرامكو | للصحفيين)."""
    rows = table(text)
    assert rows.speaker.iloc[0] == speaker, rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وتقول بعثة الأمم المتحدة في أفغانستان أن قرابة ألف أفغاني قتلوا.", "بعثة الأمم المتحدة في أفغانستان"),
    ("وتتوقع السلطات المختصة في ألمانيا أن نحو 700 إسلامي سافروا.", "السلطات المختصة في ألمانيا"),
    ("وقال الوزير في الكويت إن الوضع هادئ.", "الوزير"),
    ("وأكدت وزارة الخارجية في بيان أن الوضع هادئ.", "وزارة الخارجية"),
])
def test_a_bodys_state_or_city_is_in_its_mention(text, speaker):
    """بعثة الأمم المتحدة في أفغانستان، السلطات المختصة في ألمانيا: في + a state or city after a body
    says which body it is; after a person's title it says where the words were said (الوزير | في
    الكويت), and في + anything else is no part of the name (وزارة الخارجية | في بيان)."""
    rows = table(text)
    assert rows.speaker.iloc[0] == speaker, rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأكد مسؤولون ومنظمات إسلامية ريادة المملكة في مكافحة الإرهاب.", "مسؤولون ومنظمات إسلامية"),
    ("وأكد مشرعون أمريكيون ضرورة مراجعة الاتفاق.", "مشرعون أمريكيون"),
    ("وانتقدت مصادر أمريكية في تصريحات صحفية القرار.", "مصادر أمريكية"),
    ("وأكد وزير حماية البيئة أهمية الأمر.", "وزير حماية البيئة"),
])
def test_a_nisba_after_an_indefinite_head_is_in_the_mention(text, speaker):
    """وأكد مسؤولون ومنظمات إسلامية | ريادة المملكة: a speech act's noun object began at the nisba
    adjective of the indefinite subject, which named «مسؤولون ومنظمات»; a verbal noun (حماية) is no
    nisba."""
    rows = table(text)
    assert rows.speaker.iloc[0] == speaker, rows[["speaker", "text"]]


def test_a_run_of_nisba_words_is_read_in_bounded_steps():
    """Thousands of nisba-like words after a head: the mention keeps at most three of them, and the
    look-back is bounded (it once recursed word by word and raised RecursionError)."""
    rows = table("وأكد مسؤول " + "عربية " * 5000 + "ضرورة الحذر.")
    assert len(rows) == 1 and rows.speaker.iloc[0].split() == ["مسؤول"] + ["عربية"] * 3, rows[["speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال جون كيري وزير الخارجية الأمريكي إن الاتفاق جيد.", "جون كيري"),
    ("وقال إسماعيل هنية القيادي في حماس، الجمعة الماضي: «لا مفاوضات ولا معلومات».", "إسماعيل هنية"),
])
def test_a_common_family_name_after_a_given_name_stays_before_the_apposed_title(text, speaker):
    """جون كيري | وزير الخارجية: the mention ends before the title set after the name, and a family
    name that is a common word (كيري، هنية) is still part of the name (the mention was «جون»)."""
    rows = table(text)
    assert rows.speaker.iloc[0] == speaker, rows[["speaker", "text"]]


def test_a_name_with_bin_is_not_cut_after_bin():
    """سالم بن | محفوظ: the word after بن is no family name of the given name before بن."""
    rows = table("وقال أحمد بن مشرف رئيس اللجنة إن الاتفاق جيد.")
    assert rows.speaker.iloc[0].startswith("أحمد بن مشرف"), rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقالت وزارة التجارة والصناعة إن الأسعار مستقرة.", "وزارة التجارة والصناعة"),
    ("ودعت الهيئة العامة للغذاء والدواء إلى اتباع الإرشادات.", "الهيئة العامة للغذاء والدواء"),
    ("وأعلنت وزارة التنمية والتعاون الدولي في تقريرها أن النمو مستقر.", "وزارة التنمية والتعاون الدولي"),
    ("ودعا وزير الخارجية الحكومة والمعارضة إلى الحوار.", "وزير الخارجية"),
])
def test_a_genitive_joined_by_and_is_part_of_the_bodys_name(text, speaker):
    """وزارة التجارة | والصناعة، هيئة الغذاء | والدواء: و + a definite noun after the genitive of a
    body or a title is one name (the mention was cut at و; a speech act's object began there); the
    object of دعا after a complete subject is still left out (الحكومة والمعارضة)."""
    rows = table(text)
    assert rows.speaker.iloc[0] == speaker, rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وطالب مساعد المدير العام للخدمات العلاجية د. ناصر الدوسري جميع المستشفيات باتخاذ الاحتياطات.",
     "مساعد المدير العام للخدمات العلاجية د. ناصر الدوسري"),
    ("ودعا الوزير كافة المواطنين إلى الحذر.", "الوزير"),
    ("وأكد جميع المشاركين أن الوضع هادئ.", "جميع المشاركين"),
])
def test_a_quantifier_after_the_subject_opens_the_object(text, speaker):
    """طالب المدير | جميع المستشفيات بـ، دعا الوزير | كافة المواطنين إلى: a quantifier after the subject
    opens the verb's object (7 statements of 1,500 SaudiNewsNet articles ended their speaker with
    «جميع»); first after the verb it is the subject's (وأكد جميع المشاركين)."""
    rows = table(text)
    assert rows.speaker.iloc[0] == speaker, rows[["speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال مدير مكتب الحملة الوطنية وليد بن على الجلال، إن المشروع مستمر.", "مدير مكتب الحملة الوطنية وليد بن على الجلال"),
    ("وقال الوزير عادل بن أحمد الجبير إن الوضع خطير.", "الوزير عادل بن أحمد الجبير"),
])
def test_a_speakers_name_does_not_end_in_a_particle(text, speaker):
    """وليد بن | على الجلال: the word after بن (or آل، أبو، با) is the name's, even على written with ى,
    which otherwise ends a subject as the preposition (the mention ended «وليد بن»)."""
    rows = table(text)
    assert rows.speaker.iloc[0] == speaker, rows[["speaker", "text"]]


def test_a_manner_after_the_subject_is_not_in_the_mention():
    """وأكد الوزير | بشكل واضح أن: the manner ends the subject."""
    rows = table("وأكد الوزير بشكل واضح أن الحكومة ستتدخل.")
    assert rows.speaker.iloc[0] == "الوزير", rows[["speaker", "text"]]


@pytest.mark.parametrize("text, cues, speaker", [
    ("واستشهد الخطيب بخروج الخوارج على الإمام علي بن أبي طالب، حين كفروه، فصبر عليهم.", [], None),
    ("وقال المبعوث الأممي إسماعيل ولد الشيخ أحمد إن المحادثات ستستأنف.", ["وقال"], "المبعوث الأممي إسماعيل ولد الشيخ أحمد"),
])
def test_the_name_finders_particles_keep_a_name_whole(text, cues, speaker):
    rows = table(text)  # أبي طالب is a name, not the verb طالب; ولد joins a Mauritanian name
    assert list(rows.cue) == cues, rows[["cue", "speaker"]]
    if speaker:
        assert same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وأوضح المتحدث الرسمي بقيادة الدفاع المدني في المنطقة الشرقية النقيب سالم بن محمد الدوسري أن الحريق أخمد.",
     "المتحدث الرسمي بقيادة الدفاع المدني في المنطقة الشرقية النقيب سالم بن محمد الدوسري"),
    ("وقال مدير الشرطة في محافظة الطائف اللواء فهد الحربي إن الحادث قيد التحقيق.", "مدير الشرطة في محافظة الطائف اللواء فهد الحربي"),
    ("وقال مدير المكتب في سورية في لبنان خالد العلي إن الحملة مستمرة.", "مدير المكتب في سورية في لبنان خالد العلي"),
    ("وقال الوزير في محافظة الطائف الأسبوع الماضي إن الوضع مستقر.", "الوزير"),  # where he spoke, no holder after it
])
def test_a_titles_area_and_its_holder_after_it_are_in_the_mention(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


def test_the_two_sides_of_a_meeting_speak():
    rows = table("وقال الرئيس إن الزيارة ناجحة. وأكد الجانبان ضرورة الحل السياسي، وشددا على أهمية الحوار. كما أعرب الطرفان عن قلقهما.")
    assert list(rows.speaker) == ["الرئيس", "الجانبان", "الجانبان", "الطرفان"], rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال الباحث في مركز كارنيجي للشرق الأوسط خالد العلي إن التدريب مستمر.", "الباحث في مركز كارنيجي للشرق الأوسط خالد العلي"),
    ("وقالت جمعية الهلال الأحمر إن المساعدات وصلت.", "جمعية الهلال الأحمر"),
])
def test_an_elative_adjective_stays_in_a_bodys_name(text, speaker):
    rows = table(text)  # للشرق | الأوسط, الهلال | الأحمر: أفعل after a definite noun agrees with it
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وهو ما عبر عنه الوزير خالد الفهد بقوله: «إن المنطقة تمر بمرحلة دقيقة».", "الوزير خالد الفهد"),
    ("ورد الوزير خالد الفهد بقوله: «لا مخططات لدينا».", "الوزير خالد الفهد"),
    ("وتساءل الأمين العام للحزب حسن العلي في خطابه بقوله: «من يدفع الثمن؟».", "الأمين العام للحزب حسن العلي"),
])
def test_biqawlihi_opens_the_words_of_its_sentences_speaker(text, speaker):
    rows = table(text)  # بقوله "by saying": one statement, the quote, said by the subject before it
    assert len(rows) == 1 and rows.kind.iloc[0] == "direct" and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker", "text"]]


def test_a_relayed_qawlahu_stays_the_relaying_verbs():
    rows = table("ونقلت الوكالة عن الوزير قوله إن الوضع مستقر.")
    assert list(rows.cue) == ["ونقلت"] and same(rows.speaker.iloc[0], "الوزير"), rows[["cue", "speaker"]]


def test_bayna_after_a_preposition_is_among():
    rows = table("ومن بين الإجراءات الجديدة التي أقرت أن المحلات تغلق مبكرا. ومن بين المدافعين عن الاتفاق: وزراء ونواب.")
    assert rows.empty, rows[["cue", "speaker", "text"]]


@pytest.mark.parametrize("text, speaker", [
    ("وكان أبرزهم الرئيس الأمريكي باراك أوباما، الذي قال عن الكاتب: «كنت هدية عظيمة للبلاد».", "الرئيس الأمريكي باراك أوباما"),
    ("وجاءت الشحنة بعد زيارة وزير الخارجية الإيراني محمد جواد ظريف، الذي زعم أن بلاده لا تتدخل في شؤون جيرانها.",
     "وزير الخارجية الإيراني محمد جواد ظريف"),
])
def test_a_name_then_a_comma_is_the_antecedent_of_a_past_verbs_relative(text, speaker):
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


def test_an_imperfect_after_a_name_and_a_relative_is_passive():
    rows = table("وتحارب مع النظام جماعات منها حزب الله اللبناني، الذي يعتقد أنه ينشر نحو خمسة آلاف مقاتل.")
    assert rows.empty, rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("ورفض المصدر إعطاء المزيد من التفاصيل مكتفيا بالقول إنها أكبر قوة ينشرها التحالف.", "المصدر"),
    ("واكتفى المندوب في تعليق مقتضب بالقول إنه «لا يعلق على التقارير».", "المندوب"),
])
def test_iktafa_bil_qawl_is_speech(text, speaker):
    rows = table(text)  # "merely said"; اكتفى الفريق بالتعادل is not speech
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]
    assert table("واكتفى الفريق بالتعادل في المباراة، واكتفت الوزارة بإصدار بيان.").empty


def test_mada_yaqul_goes_on_with_the_last_speaker():
    rows = table("وقال الوزير إن الصفحة قد تطوى. ومضى يقول: \"لذا سنعمل مع أصدقائنا في المنطقة\". "
                 "واختتمت فعاليات المهرجان الذي يقول منظموه إنه ناجح.")
    assert list(rows.cue) == ["وقال", "ومضى", "يقول"], rows[["cue", "speaker"]]
    assert same(rows.speaker.iloc[1], "الوزير") and same(rows.speaker.iloc[2], "منظموه"), rows[["cue", "speaker"]]


def test_the_name_of_the_yemen_operation_is_a_term_not_speech():
    rows = table('وأشاد الوزير بمشاركة المملكة في "عاصفة الحزم". وقال الوزير إن «عاصفة الحزم» حققت أهدافها.')
    assert list(rows.kind) == ["speech_act", "indirect"] and not any(rows.quoted_text), rows[["kind", "quoted_text"]]


@pytest.mark.parametrize("text", [
    "وقال الوزير إن أنصار «الحراك الشعبي» تظاهروا.",
    "وأشار إلى أن وزراء «التيار الوطني الحر» رفضوا القرار.",
])
def test_a_quoted_name_after_a_groups_members_is_a_term(text):
    rows = table(text)  # أنصار «…»، وزراء «…»: the group's name, not the speaker's words
    assert len(rows) == 1 and rows.kind.iloc[0] == "indirect" and not rows.quoted_text.iloc[0], rows[["kind", "quoted_text"]]


def test_an_announced_verbal_noun_opens_the_object():
    rows = table("وأعلنت جبهة جيش تحرير الشعب الثوري اليسارية المتطرفة التركية تنفيذ أحد أعضائها الهجوم على القنصلية "
                 "قائلة في بيان على موقعها إن الولايات المتحدة «عدو لدود» للشعوب.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "جبهة جيش تحرير الشعب الثوري اليسارية المتطرفة التركية"), rows[["speaker"]]


def test_al_qaeda_in_quote_marks_is_a_name_and_the_base_unquoted_is_not():
    rows = table("وقال الوزير إن الميناء منذ تسلمه من «القاعدة» يعمل بصورة طبيعية.")
    assert list(rows.kind) == ["indirect"] and not rows.quoted_text.iloc[0], rows[["kind", "quoted_text"]]


@pytest.mark.parametrize("text, speaker, content", [
    ("وأكدت الخارجية المصرية على لسان المتحدث باسمها المستشار أحمد أبو زيد في تصريح له أمس، تضامن مصر "
     "مع حكومة وشعب المملكة.", "المتحدث باسمها المستشار أحمد أبو زيد", "تضامن مصر"),
    ("بدورها، جددت الحكومة العراقية، وعلى لسان المتحدث باسم المكتب الإعلامي لرئيس الوزراء، موقفها الثابت.",
     "المتحدث باسم المكتب الإعلامي لرئيس الوزراء", "موقفها الثابت"),
    ("وتؤكد الصحيفة، على لسان خبير الآثار، أن تحفا أثرية بيعت في لندن.", "خبير الآثار", "تحفا أثرية"),
    ("كما دانت الرابطة في بيان لها على لسان أمينها العام د. عبدالله التركي العمل الإرهابي.",
     "أمينها العام د. عبدالله التركي", "العمل الإرهابي"),
])
def test_ala_lisan_names_who_spoke_for_the_subject(text, speaker, content):
    """«على لسان X»: X voiced the subject's words, so X is the speaker (GUIDE convention 9), and the
    words start after X. 19 uses in the 801 non-gold articles; the 12 statements it changed all name
    the one who spoke."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker", "text"]]
    assert content in rows.text.iloc[0] and "لسان" not in rows.text.iloc[0], rows[["cue", "text"]]


def test_after_ala_lisan_the_body_goes_on_by_agreement():
    rows = table("وأكدت الخارجية المصرية على لسان المتحدث باسمها المستشار أحمد أبو زيد تضامن مصر مع المملكة، "
                 "مطالبة بضرورة تكاتف الجهود. وأضاف أن الإرهاب لا دين له.")
    assert list(rows.cue) == ["وأكدت", "مطالبة", "وأضاف"], rows[["cue", "speaker"]]
    assert same(rows.speaker.iloc[1], "الخارجية المصرية"), rows[["cue", "speaker"]]  # feminine: the ministry
    assert same(rows.speaker_label.iloc[2], "المتحدث باسمها المستشار أحمد أبو زيد"), rows[["cue", "speaker_label"]]


def test_a_spokesman_bilisan_keeps_his_title():
    rows = table("وقال الناطق بلسان الخارجية التركية تانجو بيلتش إن أنقرة اتفقت مع واشنطن.")
    assert same(rows.speaker.iloc[0], "الناطق بلسان الخارجية التركية تانجو بيلتش"), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("لكن إردوغان قال أمس الثلاثاء إن عملية السلام باتت مستحيلة.", "إردوغان"),
    ("وكان خامنئي قد صرح أمس الأول أن بلاده لن تتخلى عن حلفائها.", "خامنئي"),
    ('وقال كيري لمجلس العلاقات الخارجية وهو مؤسسة بحثية في نيويورك "يجب أن نغير آليات الوضع في سورية".', "كيري"),
    ("ووصف أوباما إغلاق المعتقل بأنه «ضرورة وطنية».", "أوباما"),
    ("وأوعز النسور إلى الجمارك الأردنية بتعزيز مركز جمرك العمري وبما يكفل حركة الصادرات إلى دول الخليج العربي عبر "
     "السعودية والكويت. من جانبه أكد السفير العراقي في عمان جواد هادي عباس أن حدود بلاده مع الأردن «ما تزال مغلقة».",
     "السفير العراقي في عمان جواد هادي عباس"),
])
def test_a_person_of_the_alias_file_is_named_without_a_title(text, speaker):
    """The alias file's people (data/aliases.yaml) are people wherever they are named: before the
    verb (إردوغان قال) and as the whole mention after it (كيري | لمجلس …); not a family name
    after another's given name (جواد هادي عباس). 45 corpus statements changed, almost all to the
    right person; dev strict speaker 0.816 -> 0.819."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("إلا أن مسؤولا آخر في المجلس الأعلى للسلام أشار إلى أن الأمر لم يتأكد بعد.", "مسؤولا آخر في المجلس الأعلى للسلام"),
    ("غير أن مسؤولا أميركيا، رفض نشر اسمه ووظيفته، قال أمس إن هناك خلافا بين البلدين.", "مسؤولا أميركيا"),
    ("لكن مسؤولا تركيا نفى أن تكون أنقرة وافقت.", "مسؤولا تركيا"),
])
def test_an_accusative_head_after_anna_opens_the_speaker(text, speaker):
    """After إن/أن/لكن the subject is accusative (مسؤولا), which read as an adverb of manner; it is the
    speaker, and an anonymous one. Not elsewhere: أصدرت الوزارة تقريرا قالت فيه keeps تقريرا out."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker) and rows.anonymous.iloc[0], rows[["cue", "speaker", "anonymous"]]
    rows = table("أصدرت وزارة الخزانة الأميركية تقريرا قالت فيه إن العقوبات أثرت على الاقتصاد.")
    assert same(rows.speaker.iloc[0], "وزارة الخزانة الأميركية"), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ('وقال مصدر من مجلس شورى كويتا، القيادة المركزية لحركة طالبان: "هذه المرة لن نحضر".', "مصدر من مجلس شورى كويتا"),
    ("وقال عز الدين الأصبحي، وزير حقوق الإنسان اليمني، إن الوضع خطير.", "عز الدين الأصبحي"),
    ("وقال مسؤول إسرائيلي رفيع المستوى، اشترط عدم الكشف عن هويته، إن الاتفاق سيئ.", "مسؤول إسرائيلي رفيع المستوى"),
    ("وقال وزير الخارجية الأمريكي، جون كيري، إن الاتفاق جيد.", "وزير الخارجية الأمريكي، جون كيري"),
    ("وقال السيناتور ماركو روبيو (جمهوري، ولاية فلوريدا) إن الاتفاق سيئ.", "السيناتور ماركو روبيو"),
])
def test_a_comma_sets_off_a_description_unless_a_name_follows(text, speaker):
    """The mention names the speaker and nothing more: a description set off by a comma is left out,
    unless a person's name comes in its first words (، جون كيري); a comma in brackets is the aside's.
    About 90 corpus mentions got shorter, most of them by a clause or a title after the name."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


def test_laysa_negates_a_cue():
    """ليس negates as لم and لن do: وليس مؤكدا أن … says it is not certain, nobody says it (dev4)."""
    assert table("وليس مؤكدًا أن تسقط درعا البلد بيد المعارضة في المدى القريب.").empty


@pytest.mark.parametrize("text, speaker", [
    ("وأفاد رئيس الفرع «محمد آقار» من أمام المقر أن الحادثة وقعت السبت.", "محمد آقار"),
    ("وقال السيد «جو كلين» إن الأمر خطير.", "جو كلين"),
    ("وقالت صحيفة «سبق» إن الأمر خطير.", "سبق"),
    ("وقال ممثل منظمة «أوكسفام» ديزيريه أسوغبافي إن الأمر خطير.", "ممثل منظمة «أوكسفام» ديزيريه أسوغبافي"),
    ("وقال عضو في «شورى كويتا» إن الأمر خطير.", "عضو في «شورى كويتا»"),
    ("وقال رئيس لجنة «ميثاق» العربية إن الأمر خطير.", "رئيس لجنة «ميثاق» العربية"),
])
def test_a_quoted_name_after_a_head_is_the_speakers_name(text, speaker):
    """GUIDE convention 6: a speaker named in quote marks is that name, without the marks, also after
    a definite head or two head words (رئيس الفرع «محمد آقار»); not when a person is named after it or
    a preposition stands before it (عضو في «شورى كويتا»). dev strict speaker 0.819 -> 0.822, dev4 0.911
    -> 0.916, held-out 0.818 -> 0.824."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, wrong", [
    ("وأيد حلفاء غربيون الإجراءات التركية لكن كثيرين حثوا أنقرة على عدم استخدام القوة المفرطة.", "أنقرة"),
    ("لكن بعض نواب المعارضة يتهمون الرئيس التركي باتباع استراتيجية التوتر.", "الرئيس التركي"),
    ("وسمعوا زعماء أوروبا يطالبون إيران بوقف تخصيب الوقود النووي.", "إيران"),
])
def test_the_noun_after_a_plural_verb_is_its_object(text, wrong):
    """A verb before its subject is singular (قال المسؤولون); after حثوا، يتهمون، أكدا the noun is the
    object, and the subject came before the verb or was dropped (dev; 24 corpus statements, the old
    speaker an object in almost all)."""
    rows = table(text)
    assert not any(same(s, wrong) or str(s).startswith(wrong) for s in rows.speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ('ووصف البيت الأبيض مقتل الوحيشي آنذاك، بأنه "ضربة قوية لتنظيم القاعدة".', "البيت الأبيض"),
    ("وقال الكرملين إن الرئيس لن يشارك في القمة.", "الكرملين"),
    ("ووصف المتحدث باسم البيت الأبيض جوش إرنست قرار شومر بالمخيب.", "المتحدث باسم البيت الأبيض جوش إرنست"),
])
def test_a_seat_of_government_speaks_for_it(text, speaker):
    """The gazetteer's seats of government (البيت الأبيض، البنتاغون، الكرملين، الإليزيه) are named actors,
    so they are subjects also of a verb that takes an object (ووصف البيت الأبيض …); a person named after
    a body's name ends the mention (… جوش إرنست | قرار شومر). dev4 strict speaker 0.916 -> 0.922."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


def test_al_azhar_speaks():
    """الأزهر is a named actor of the gazetteer: the subject of its verb, also before an adverb (dev4;
    6 of the 873 articles, 5 corpus statements now its own)."""
    rows = table("بدوره، استنكر الأزهر بشدة الهجوم الإرهابي، مؤكدًا أن الشريعة تنبذ العنف.")
    assert list(rows.speaker) == ["الأزهر", "الأزهر"], rows[["cue", "speaker"]]


@pytest.mark.parametrize("text", [
    "وأشارت الدراسة التي جاءت تحت عنوان: «إحصاء تكلفة دعم الطاقة» إلى أن قطر تدعم الوقود.",
    'وأكدت الوزارة أنه تقرر إعادة النظر في استضافة النسخة المقبلة "23" بسبب العجز.',
    "وأفادت الوكالة أن المفاوضات بين وفدي حزبي «العدالة والتنمية» و«الشعب الجمهوري» ستجري اليوم.",
])
def test_names_numbers_and_titles_in_marks_are_not_words(text):
    """Quoted names and numbers are not speech: a title across a colon after a naming noun (تحت عنوان:
    «…»), a number in marks, a name joined by و to a quoted name, and a name after a dual in construct
    (حزبي «…»). dev4 terms taken for speech 2.5 -> 0.83 per 10 articles, kind 0.922 -> 0.939."""
    rows = table(text)
    assert len(rows) == 1 and rows.kind.iloc[0] == "indirect" and not rows.quoted_text.iloc[0], rows[["kind", "quoted_text"]]


@pytest.mark.parametrize("text, cue, speaker", [
    ("وذكرت وكالة أنباء البحرين أن مملكة البحرين تشدد على أن هذه التصريحات مرفوضة.", "تشدد", "مملكة البحرين"),
    ("وذكرت صحيفة الوطن أن الوزير أكد أن الوضع مستقر.", "أكد", "الوزير"),
    ("وذكرت صحيفة الوطن أن الوضع مستقر.", "وذكرت", "صحيفة الوطن"),
    ("ونقلت وكالة «رويترز» عن تشانغ أن إردوغان أبلغ شي أن تركيا تعتبر الحركة إرهابية.", "ونقلت", None),
])
def test_an_outlet_relaying_a_named_speaker_is_not_the_speaker(text, cue, speaker):
    """GUIDE convention 1: وذكرت وكالة أنباء البحرين أن مملكة البحرين تشدد على أن … is Bahrain's statement;
    the agency is the speaker only when it is the source (dev4 and dev5, the same SPA story in five
    outlets). A source named with عن keeps the words (the relayed verb is part of them)."""
    rows = table(text)
    assert list(rows.cue) == [cue], rows[["cue", "speaker"]]
    if speaker is not None:
        assert same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال الشيخ صباح الأحمد إن الأمر مهم.", "الشيخ صباح الأحمد"),
    ("وقال الوزير صباح أمس إن الأمر مهم.", "الوزير"),
])
def test_sabah_after_a_title_is_a_given_name(text, speaker):
    """صباح "morning" is an adverb (صباح أمس), but after a title it is the given name (الشيخ صباح الأحمد)."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال له رئيس اللجنة بوب كوركر: «أعتقد أنك تعرضت للسلب».", "رئيس اللجنة بوب كوركر"),
    ("قال له القذافي: «لماذا لا نعطه اسما آخر؟».", "القذافي"),
])
def test_a_pronoun_told_before_the_subject_is_not_the_subject(text, speaker):
    """وقال له رئيس اللجنة …: the one told, as a pronoun after the verb (addressee_pronouns), comes
    before the subject; the statement fell to the last speaker (dev5)."""
    rows = table(text)
    assert same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


def test_a_rare_word_after_wa_is_no_sentence_subject():
    """A participle with no statement before it takes its sentence's subject; a rare word with و
    before it is a verb there (ويستذكر، وأسهب), not the subject (dev5; 11 corpus rows, the junk word
    gone)."""
    rows = table("وأسهب أوباما أيضا في انتقاد القبلية، معتبرا أن السياسة القبلية تمزق البلد.")
    assert same(rows.speaker.iloc[0], "أوباما"), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وما بين القاعدة وداعش فصول من الدم، وفقا لحديث طلال الشمري، الباحث في شؤون التنظيمات الإرهابية.", "طلال الشمري"),
    ("وصلت الرهينة إلى مسقط، حسبما أفادت وزارة الخارجية العمانية في بيان.", "وزارة الخارجية العمانية"),
    ("وتأكد الاتفاق، وفقا لبيان صحفي صادر عن الشركة.", "الشركة"),
])
def test_a_source_phrase_names_who_spoke(text, speaker):
    """وفقا لحديث X: the one who spoke is X, not his speech (a named genitive, not an adjective: بيان
    صحفي is not a speaker, but the one it was issued by is); حسبما أفادت الوزارة في بيان: the channel
    after a named source is not its name (dev5)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker_label.iloc[0], speaker), rows[["cue", "speaker_label"]]


def test_a_source_in_marks_before_qawlahu_is_named_not_quoted():
    """نقلت الوكالة عن «مسؤول في الأجهزة الأمنية» قوله إن «…»: the quotation after عن and before قوله
    names the source (GUIDE convention 6), it is not the words (dev5)."""
    rows = table("ونقلت وكالة الصحافة الفرنسية في تقرير لها أمس عن «مسؤول في الأجهزة الأمنية اليمنية» قوله "
                 "إن «العمانيين يحافظون على اتصالات مع كل الأطراف».")
    assert len(rows) == 1 and same(rows.speaker_label.iloc[0], "مسؤول في الأجهزة الأمنية اليمنية"), rows[["cue", "speaker_label"]]
    assert rows.text.iloc[0].startswith("العمانيين"), rows[["text"]]


def test_an_unclosed_straight_quote_ends_before_the_next_speakers_verb():
    """«وقال المسؤول "إن العناصر … للتنظيم. وأضاف رئيس الحكومة "لكننا …"»: the first quotation is never
    closed, and every later quote of the paragraph nested in it, hiding its statements (dev5). A verb
    after a full stop and before its titled subject resumes the narration, as a reporting word before
    its complementiser already did."""
    rows = table('وقال المسؤول التركي في مؤتمر صحافي "إن التفجير ناجم عن اعتداء انتحاري، في إشارة إلى التنظيم. '
                 'وأضاف رئيس الحكومة التركية "لكننا لم نصل بعد إلى حكم نهائي". وقال السفير البريطاني ريتشارد مور '
                 '"تقف المملكة المتحدة مع تركيا".')
    assert list(rows.cue) == ["وقال", "وأضاف", "وقال"], rows[["cue", "speaker", "text"]]


def test_wa_maahu_ends_the_mention():
    """صرح الخميني المرشد الأعلى للثورة ومعه القيادات الإيرانية …: «with him» adds others; the speaker is
    the one named before it (dev5)."""
    rows = table("عندما صرح الخميني المرشد الأعلى للثورة ومعه القيادات الإيرانية في رغبتهم ببدء علاقات جيدة.")
    assert same(rows.speaker.iloc[0], "الخميني المرشد الأعلى للثورة"), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وبحث الوزير الوضع مع المستشارة النمساوية كارين شتاين التي دعت الحكومة المجرية إلى فتح الحدود.",
     "المستشارة النمساوية كارين شتاين"),
    ("وعاد إلى البلاد أمس الرئيس السابق أحمد الحسني الذي اتهم الحكومة الحالية بتعطيل الانتخابات.",
     "الرئيس السابق أحمد الحسني"),
])
def test_a_person_before_a_relative_pronoun_speaks_and_the_phrase_after_the_verb_is_its_object(text, speaker):
    """ميركل التي دعت الحكومة التركية إلى …: a verb that takes an object, after a relative pronoun that
    refers to a named person; the noun phrase after the verb is what it is said to, not who (dev6)."""
    rows = table(text)
    assert same(rows.speaker.iloc[-1], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("headline, speaker", [
    ("وزير الخارجية الفرنسي للإيرانيين: الاتفاق لا يعني التساهل", "وزير الخارجية الفرنسي"),
    ("الرئيس الفرنسي لروسيا: لا حل في أوكرانيا بالقوة", "الرئيس الفرنسي"),
])
def test_a_state_or_people_after_lam_before_a_headline_colon_is_addressed(headline, speaker):
    """وزير الدفاع الأمريكي للسعوديين: …، دول الخليج لأميركا: …: whom the headline's speaker addresses
    is not part of the speaker's name (dev6)."""
    from helpers.annotate.quotes import headline_attribution

    attribution = headline_attribution(article_from_text(headline + "\n\nوقال المسؤول إن الحوار مستمر.", source="test", doc_id="h"))
    assert attribution is not None and same(attribution.speaker, speaker), attribution


@pytest.mark.parametrize("text, speaker", [
    ("ووزير الخارجية الألماني عندما قال إن «الحل في سوريا سياسي» لم يكن يبالغ.", "ووزير الخارجية الألماني"),
    ("والمبعوث الدولي حينما أكد أن المفاوضات متعثرة كان صادقا.", "والمبعوث الدولي"),
])
def test_when_ends_a_subject_put_before_its_verb(text, speaker):
    """ووزير الخارجية الأميركي عندما قال في شهادته إن: «when» opens the clause of the verb; the
    subject before it is the speaker (dev6)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال الوزير إن الاتفاق جيد. وقاسم سليمان قال \"لا لتفتيش المنشآت\".", "وقاسم سليمان"),
    ("وأوضح رمزي أنور - مهندس زراعي - أن المبيدات تحرق الأوراق.", "رمزي أنور"),
    ("وكشف راجح بادي المتحدث الرسمي باسم الحكومة، عن عودة الوزراء.", "راجح بادي"),
])
def test_given_names_found_before_bin_across_the_corpus_open_a_name(text, speaker):
    """قاسم، راجح، رمزي، بندر، عبداللطيف …: given names read off «title X بن» across SaudiNewsNet
    (names.yaml), so that an untitled full name is a person (dev6: وقاسم سليمان قال)."""
    rows = table(text)
    assert same(rows.speaker.iloc[-1], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("أعلن بيان صدر عن مكتب محافظ المدينة أمس أن الطريق سيفتح قريبا.", "مكتب محافظ المدينة"),
    ("وأوضح بيان صادر عن وزارة الخارجية الباكستانية أن الزيارة مهمة.", "وزارة الخارجية الباكستانية"),
    ("ووفقا لبيان صحفي صادر عن شركة روساتوم، فإن المحطة ستبنى قريبا.", "شركة روساتوم"),
])
def test_the_issuer_of_a_statement_speaks_not_the_document(text, speaker):
    """بيان صدر عن مكتب الحاكم، لبيان صحفي صادر عن روساتوم، البيانات الصادرة عن المجموعة: the one named
    after عن issued the words (dev6, dev3; issued_words in quote_rules.yaml)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker", "text"]]


INTRODUCED_INTERVIEW = """الكتابة عندي سؤال مفتوح

الحوار مع روائي بحجم سالم الحربي ممتع، فهنا نص الحوار معه:
• هل تكتب كل يوم؟
•• نعم، أكتب كل صباح قبل العمل.
• ما الذي تقرأه الآن؟
•• أقرأ روايات قديمة وكتب تاريخ.
• هل أنت راض عن جيلك؟
•• لا، فجيلي لم يقرأ ما يكفي.
• ومن أستاذك؟
•• يقول فلوبير إن الكتابة عمل شاق، وقال فلوبير أيضا إن الأسلوب هو كل شيء.
"""


def test_a_marked_answer_that_reports_someone_else_is_still_the_interviewees():
    """•• يقول فلوبير إن …: an answer marked as one is the interviewee's statement, and the report
    inside it is nested in it (GUIDE convention 2), not a statement of فلوبير's (dev7)."""
    rows = table(INTRODUCED_INTERVIEW)
    assert list(rows.cue) == ["", "", "", ""] and all(same(s, "سالم الحربي") for s in rows.speaker), rows[["para", "cue", "speaker"]]


def test_the_interviewee_is_the_person_the_introduction_names():
    """An interview with no speaker in its headline, whose answers quote someone else: the answers
    are the words of the person named in the introduction (الحوار مع … علي الشدوي), not of the
    writer the answers quote most (dev7)."""
    rows = table(INTRODUCED_INTERVIEW)
    answers = rows[rows.cue == ""]
    assert len(answers) == 4 and all(same(s, "سالم الحربي") for s in answers.speaker), rows[["para", "cue", "speaker"]]


def test_dhalika_before_an_untitled_subject_is_the_said_thing():
    """ذكر ذلك رئيس النادي محمد النوبي: ذلك right after the verb is what was said, put before the
    subject; before a definite noun it points at it (ذلك الرجل) and stays (dev7)."""
    rows = table("ذكر ذلك رئيس النادي محمد النوبي، الذي أكد أن الشعار يمثل طبيعة المحافظة.")
    assert same(rows.speaker.iloc[0], "رئيس النادي محمد النوبي"), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("ويصل معدل الوفيات إلى 13 في المائة، وفقا لآخر إحصاءات منظمة الصحة العالمية.", "منظمة الصحة العالمية"),
    ("وبلغ عدد اللاجئين مليونين، بحسب أرقام الأمم المتحدة.", "الأمم المتحدة"),
])
def test_a_bodys_figures_name_the_body(text, speaker):
    """وفقا لآخر إحصاءات منظمة الصحة العالمية، بحسب أرقام الأمم المتحدة: the body whose figures they
    are is the source, as the gold has it (dev5, dev7; speech_nouns and speech_noun_modifiers)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وذكرت صحيفة نيويورك تايمز أول من أمس، أن السجينين هربا عبر نفق.", "صحيفة نيويورك تايمز"),
    ("وقالت صحيفة فايننشال تايمز إن أسعار النفط ستبقى منخفضة.", "صحيفة فايننشال تايمز"),
])
def test_a_foreign_papers_name_is_whole(text, speaker):
    """صحيفة نيويورك تايمز: the mention stopped at the place in the paper's name (صحيفة نيويورك |
    تايمز); the foreign papers Saudi papers cite are gazetteer actors now (dev7, dev5)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


def test_a_second_title_of_the_same_holder_stays_in_the_speech_acts_subject():
    """أعلن مدير عام الهيئة … أمين عام مجلس التنمية … المهندس محمد العمرة تحديد …: a second title, then
    the holder's name, is not the announced thing (dev7)."""
    rows = table("أعلن مدير عام الهيئة العامة للسياحة أمين عام مجلس التنمية السياحية المهندس خالد العمري تحديد مواعيد المهرجان.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "مدير عام الهيئة العامة للسياحة أمين عام مجلس التنمية السياحية المهندس خالد العمري"), rows[["speaker", "text"]]
    assert rows.text.iloc[0].startswith("تحديد"), rows[["text"]]


@pytest.mark.parametrize("text", [
    "وكشفت الشركة عن سعيها للتوسع في أسواق الخليج.",
    "وكشف الوزير عن خطة جديدة لتطوير الموانئ.",
])
def test_disclosing_a_noun_phrase_is_a_speech_act(text):
    """كشف عن + a noun phrase: the gold marks it a speech act every time (6 of 6 in the dev sets), as
    أعلن عن; with أن it stays indirect (reporting.yaml: disclosing's nominal kind)."""
    rows = table(text)
    assert len(rows) == 1 and rows.kind.iloc[0] == "speech_act", rows[["cue", "kind"]]
    assert table("وكشف الوزير أن الخطة جاهزة.").kind.iloc[0] == "indirect"


@pytest.mark.parametrize("text", [
    "وأشارت المصادر إلى أن موسكو تسعى إلى عقد «جنيف - 3» والتقدم نحو الحل.",
    "وقالت المصادر إن القوات سيطرت على مواقع «اللواء 15» في المدينة.",
])
def test_a_short_quotation_with_a_number_names_something(text):
    """«5 + 1»، «جنيف - 3»، «اللواء 15»: a quotation of up to three words and numbers, one a number, is a
    name (numbered_name_words in quote_rules.yaml), not the speaker's quoted words (dev6, dev5)."""
    rows = table(text)
    assert len(rows) == 1 and rows.kind.iloc[0] == "indirect" and not rows.quoted_spans.iloc[0], rows[["kind", "quoted_spans"]]


def test_a_quoted_name_after_a_product_or_work_noun_is_a_term():
    """خدمة «فاين»، رواية «موبي ديك»: products and works name what follows them (term_heads), also
    inside what a company says (dev7)."""
    rows = table("وقالت الشركة إن المستخدم يمكنه مشاهدة الفيديو من خدمة “فاين” التابعة لها.")
    assert len(rows) == 1 and rows.kind.iloc[0] == "indirect", rows[["kind", "quoted_spans"]]


@pytest.mark.parametrize("text, speaker", [
    ("وبينما قرر سالم الحربي، محافظ المدينة، صرف التعويضات للأسر، أكد أنه سيتم التحقيق في الحادث.", "سالم الحربي"),
    ("وفيما استقبل وزير الخارجية نظيره الفرنسي أمس، أكد أن العلاقات متينة.", "وزير الخارجية"),
])
def test_the_subject_of_an_opening_while_clause_speaks_for_the_main_verb(text, speaker):
    """وبينما قرر خالد زكريا العادلي، محافظ الجيزة، صرف …، أكد أنه …: the main verb after the clause's
    comma has no subject of its own; the clause's named subject is it (dev7)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


def test_kana_after_the_subject_ends_the_mention():
    """يكشف ضابط ليبي كان يعمل في مخابرات القذافي أن …: كان opens a clause about the speaker, not more
    of the mention (15 corpus mentions ended in «كان …»)."""
    rows = table("ويكشف ضابط ليبي كان يعمل في جهاز المخابرات أن الشبكة كانت واسعة.")
    assert len(rows) == 1 and same(rows.speaker.iloc[0], "ضابط ليبي"), rows[["cue", "speaker"]]


def test_a_name_the_article_uses_alone_ends_a_mention_that_ran_past_it():
    """وطالبت لاجارد | دائني اليونان بـ …: the article names لاجارد alone in other statements, and no
    other mention has دائني, so the mention ends at the name (recurring.py; dev2, dev7, and 5 of 3,000
    SaudiNewsNet articles, all five right); a common noun keeps its adjective (مشرعون أمريكيون)."""
    rows = table("وقالت مديرة صندوق النقد الدولي كريستين لاجارد إن الاقتصاد العالمي يتعافى ببطء.\n"
                 "وأبدت لاجارد تفاؤلا بأداء منطقة اليورو، وقالت لاجارد إن الأزمة انتهت.\n"
                 "وطالبت لاجارد دائني اليونان مجددا بخفض عبء الديون، مشيرة إلى أن الصندوق قد يتعاون مع الحكومة.")
    assert [normalize(s) for s in rows.speaker.iloc[-2:]] == [normalize("لاجارد")] * 2, rows[["cue", "speaker"]]
    assert rows.speaker_id.iloc[-1] == rows.speaker_id.iloc[1], rows[["cue", "speaker", "speaker_id"]]


@pytest.mark.parametrize("text, cue, speaker", [
    ("وقال وزير الخارجية البحريني إن التصريحات مرفوضة.\n"
     "ورفضت مصر رسميا التدخل في الشؤون الداخلية للدول العربية، وشددت على أهمية احترام السيادة.", "وشددت", "مصر"),
    ("وقال المتحدث العسكري إن القوات تقدمت.\n"
     "وأطلقت حركة طالبان هجومها السنوي في الربيع وتعهدت بمواصلة القتال.", "وتعهدت", "حركة طالبان"),
])
def test_a_verb_joined_to_its_sentences_first_clause_shares_its_subject(text, cue, speaker):
    """ورفضت مصر رسميا التدخل …، وشددت على …: the joined verb's subject is the clause's, not the
    last speaker of an earlier sentence (dev, dev2, dev6, the first test split); only a speaker that
    would otherwise be guessed from earlier sentences is replaced."""
    rows = table(text)
    row = rows[rows.cue == cue]
    assert len(row) == 1 and same(row.speaker.iloc[0], speaker) and row.speaker_source.iloc[0] == "coordinated", rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("ولا يزال من غير الواضح مدى التزام الفصائل بالمحادثات، إلا أن كرزاي أكد أن الحركة ستشارك.", "كرزاي"),
    ("وتأخر الإعلان عن النتائج أسبوعا، لكن وزارة الخارجية أكدت أن الموعد لم يتغير.", "وزارة الخارجية"),
    ("ولم يكشف النادي قيمة الصفقة، غير أن مسؤول الاتحاد قال إن العقد يمتد ثلاث سنوات.", "مسؤول الاتحاد"),
])
def test_a_subject_put_first_after_a_contrasting_breaker_speaks(text, speaker):
    """…، إلا أن كرزاي أكد أن …: after إلا أن، لكن، غير أن (contrast_breakers) a new subject comes
    before its verb (dev, dev4; 12 of 12 changed statements of the sample right)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]



@pytest.mark.parametrize("text, speaker", [
    ("وقال وزير الداخلية إن التحقيقات مستمرة.\nوكانت تقارير صحفية قد ذكرت أن المتهم غادر البلاد.", "تقارير صحفية"),
    ("وقال المتحدث باسم الحكومة إن الوفد وصل.\nوكانت الدول الثلاث أعلنت أن الاتفاق بات قريبا.", "الدول الثلاث"),
    ("وقال المدرب إن الفريق جاهز.\nوكانت إحدى الصحف المحلية ذكرت أن اللاعب سيغادر.", "إحدى الصحف المحلية"),
    ("وقال محامي الأسرة إن الحكم ظالم.\nوكان الادعاء طالب بعقوبة الإعدام.", "الادعاء"),
])
def test_any_noun_phrase_between_kana_and_its_verb_is_the_subject(text, speaker):
    """وكانت تقارير صحفية قد ذكرت أن …: كان opening the clause and a verb that agrees with it leave
    no other reading; the words between are the subject, also when no title, name or institution
    heads them (dev: شخصيات، أنباء; 15 of 19 changed statements of 3,000 SaudiNewsNet articles went
    from another voice to the right one, none the other way)."""
    rows = table(text)
    assert len(rows) == 2 and same(rows.speaker.iloc[1], speaker) and rows.speaker_source.iloc[1] == "explicit", rows[["cue", "speaker"]]


@pytest.mark.parametrize("text", [
    "وقال الوزير إن الاتفاق جيد.\nوكان يجب ألا يتحدث كيري عن الاتفاق.",
    "وقال الوزير إن الاتفاق جيد.\nوكان من المقرر أن يعلن الوزير نتائج التحقيق.",
    "وقال الوزير إن الاتفاق جيد.\nوكانت الشؤون الصحية أوضحت على لسان ناطقها عبدالوهاب شلبي أن السيارات تابعة لها.",
])
def test_kana_before_a_verb_a_clause_or_a_voice_names_no_subject(text):
    """Not a subject between كان and the verb: a verb (وكان يجب ألا يتحدث كيري), a preposition's phrase
    (وكان من المقرر أن), or a body whose spokesman voices it after the verb (على لسان ناطقها)."""
    rows = table(text)
    assert not any(same(s, bad) for s in rows.speaker.dropna() for bad in ("يجب ألا", "يجب", "الشؤون الصحية")), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, quoted", [
    ('وقال وزير الخارجية: إن "الحل في اليمن سيكون سياسيا".', "الحل في اليمن سيكون سياسيا"),
    ('وقال وزير الخارجية إنه: "لا تراجع عن القرار".', "لا تراجع عن القرار"),
    ('وقال المتحدث العسكري: إنه «لن يتراجع أحد عن مواقعه».', "لن يتراجع أحد عن مواقعه"),
])
def test_a_quotation_right_after_a_complementiser_is_direct(text, quoted):
    """قال: إن "…"، قال إنه: "…": everything after the complementiser (and a colon) is in the marks,
    so the statement is direct (GUIDE.md convention 4), as قال إن «…» already was (dev, the first test
    split, dev4, dev7: 7 statements taken for mixed)."""
    rows = table(text)
    assert len(rows) == 1 and rows.kind.iloc[0] == "direct" and same(rows.text.iloc[0], quoted), rows[["kind", "text"]]


@pytest.mark.parametrize("headline, speaker", [
    ("تركيا: مقتل 30 في هجوم إرهابي استهدف مدينة سوروتش", None),
    ("البحرين: إحباط عملية تهريب لمواد متفجرة مصدرها إيران", None),
    ("الكويت: ضبط شبكة إرهابية تنتمي إلى داعش", None),
    ("مصر: لا تراجع عن دعم الشرعية في اليمن", "مصر"),
    ("الداخلية: القبض على 5 متهمين في جدة", "الداخلية"),
])
def test_a_place_before_a_headlines_colon_and_an_event_after_it_is_no_speaker(headline, speaker):
    """«تركيا: مقتل 30 في هجوم»: a state or city alone before the colon and a noun of an event after it
    (headline_event_nouns in quote_rules.yaml) say where, not who speaks (GUIDE.md; dev5, dev6, dev7
    and the held-out set had such headlines taken for statements); a state's claim stays (مصر: لا …),
    and so does a body's announcement (الداخلية: القبض على …)."""
    from helpers.annotate.quotes import headline_attribution

    doc = article_from_text(headline + "\n\nوقال الوزير إن الأمن مستتب.", source="test", doc_id="h")
    head = headline_attribution(doc)
    assert (head.speaker if head else None) == speaker, head


@pytest.mark.parametrize("text, cue", [
    ("وأكدت البحرين أن مثل هذه التصريحات لا تخدم مصالح العراق، وتؤكد انصياع بعض المسؤولين للأجندات الأجنبية.", "وأكدت"),
    ("وقال وزير الخارجية: صحيح أن مسؤولين يجلسون في مكاتب فاخرة ويتحدثون عن مكافحة الإرهاب.", "وقال"),
])
def test_a_present_tense_joined_to_a_reported_clause_goes_on_it(text, cue):
    """وأكدت البحرين أن التصريحات لا تخدم …، وتؤكد انصياع …: a present tense with و, a noun object and
    no subject of its own, right after a past-tense report's clause, shares the clause's subject (the
    statements confirm), so the statement goes on; the speaker would go on in the past or with a
    participle (dev, dev4, dev5: 6 statements split in two; 11 of 3,000 SaudiNewsNet articles)."""
    rows = table(text)
    assert list(rows.cue) == [cue] and rows.text.iloc[0].rstrip(".").endswith(text.rstrip(".").split()[-1]), rows[["cue", "text"]]


def test_a_present_tense_with_a_clause_of_its_own_is_a_statement_of_its_own():
    """وقال الوزير إن الحرب انتهت، ويضيف أن السلام قريب: a verb with its own أن clause reports again."""
    rows = table("وقال الوزير إن الحرب انتهت، ويضيف أن السلام قريب.")
    assert len(rows) == 2 and same(rows.speaker.iloc[1], "الوزير"), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("وقال مدير عام الصحة في عدن الخضر لصور إن الضحايا ارتفعوا.", "مدير عام الصحة في عدن الخضر لصور"),
    ("وأكد رئيس لجنة الذهب والمجوهرات في غرفة الشرقية عبدالغني المهنا على أن السوق تمر بمرحلة خطرة.",
     "رئيس لجنة الذهب والمجوهرات في غرفة الشرقية عبدالغني المهنا"),
    ("وقال المتحدث باسم الوزارة في الرياض أمس إن الوفد وصل.", "المتحدث باسم الوزارة"),
])
def test_plain_words_between_an_affiliation_and_the_content_are_the_holders_name(text, speaker):
    """مدير عام الصحة في عدن | الخضر لصور إن …: two or three plain words after a title's place or
    institution, right before the content, are the holder's name though the name lists do not know
    it (dev5, dev8; 13 statements of 3,000 SaudiNewsNet articles, all right); an adverb there is not
    (في الرياض أمس). غرفة (a chamber of commerce) is an institution of affiliation_heads."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("text, speaker", [
    ("ورفع الأمير عبدالله بن فهد بن عبدالله التهنئة للملك على الفوز.", "الأمير عبدالله بن فهد بن عبدالله"),
    ("وقدمت القيادة العامة للقوات المسلحة العزاء والمواساة لأسر الشهداء.", "القيادة العامة للقوات المسلحة"),
])
def test_what_a_speaker_offers_ends_the_name_before_it(text, speaker):
    """رفع الأمير عبدالله بن فهد | التهنئة: a courtesy offered (التهنئة، التعازي، العزاء: stop words
    of names.yaml) is never a family name, so the name and the mention end before it (dev8; 4
    statements of 3,000 SaudiNewsNet articles, all right)."""
    rows = table(text)
    assert len(rows) == 1 and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]


@pytest.mark.parametrize("headline, speaker", [
    ("إمام المسجد الحرام : متى كان البغي على المسلمين طريقا إلى رضوان الله", "إمام المسجد الحرام"),
    ("إمام الحرم: التغافل من باب القوة لا الضعف", "إمام الحرم"),
    ("أمام المحكمة: المتهم ينكر التهم", None),
])
def test_an_imam_before_a_headlines_colon_speaks(headline, speaker):
    """إمام الحرم: …: إمام normalises to أمام (before), which opens no speaker; written with hamza
    below it is the title (dev8; 15 such headlines in SaudiNewsNet, the Friday sermons of the two
    holy mosques)."""
    from helpers.annotate.quotes import headline_attribution

    head = headline_attribution(article_from_text(headline + "\n\nوقال الوزير إن الأمن مستتب.", source="test", doc_id="h"))
    assert (head.speaker if head else None) == speaker, head


@pytest.mark.parametrize("text, speaker", [
    ("وأرجعت الشركة تراجع الأرباح إلى انخفاض أسعار البيع.", "الشركة"),
    ("وأرجع السيناتور شومر أسباب قراره لمعارضة الاتفاق إلى نقاط ضعف خطيرة.", "السيناتور شومر"),
    ("وأرجعت الشركة انخفاض صافي الربح إلى ارتفاع التكاليف.", "الشركة"),
])
def test_putting_something_down_to_a_cause_is_a_speech_act(text, speaker):
    """أرجع X إلى Y, as عزا: a claim about a cause (dev8's gold; about 200 times in SaudiNewsNet,
    more than عزا; not يرجع, which also dates things back). Its object (أسباب، ارتفاع، انخفاض:
    object_nouns) is not part of the speaker's mention."""
    rows = table(text)
    assert len(rows) == 1 and rows.kind.iloc[0] == "speech_act" and same(rows.speaker.iloc[0], speaker), rows[["cue", "speaker"]]
