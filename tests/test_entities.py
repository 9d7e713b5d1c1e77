"""Entities (gazetteer mentions with canonical ids) and dates/years/numbers, on the seed and on
short news texts written for these tests in the style of other outlets."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.annotate.entities import (
    GazetteerError,
    entity_table,
    find_entities,
    find_numbers,
    load_gazetteer,
    matchable,
    number_value,
    load_time_words,
    timeline_table,
)
from helpers.text.loading import article_from_text


def article(body: str, title: str = "عنوان الخبر"):
    return article_from_text(f"{title}\n\n{body}", source="test", doc_id="test")


def mentions(text: str) -> list[tuple[str, str, str]]:
    """(surface, entity id, kind) for every mention in a one-paragraph article."""
    return [(m.text, m.entity_id, m.kind) for m in find_entities(article(text))]


# --- news texts written for these tests (not from the seed) ---------------------------------

GULF_WIRE = (
    "أعلن حلف الناتو أمس عن تمرين مشترك مع دولة قطر ومملكة البحرين.\n"
    "وقال الأمين العام للحلف مارك روته في بروكسل إن الحلف ملتزم بأمن الخليج، مشيراً إلى أن دول "
    "مجلس التعاون لدول الخليج العربية شركاء أساسيون.\n"
    "وأضاف أن السعودية وسلطنة عُمان مدعوتان للانضمام إلى مبادرة إسطنبول للتعاون التي أطلقت عام ٢٠٠٤."
)

AMMAN_REPORT = "استقبل وزير الخارجية الأردني في عمان اليوم نظيره المصري، وبحثا الأوضاع في سوريا ولبنان."

UN_REPORT = (
    "قال الحلف في بيان إن الوضع خطير.\n"
    "ثم أكد الأمين العام للأمم المتحدة أن المبادرة مهمة، فيما رحب حلف شمال الأطلنطي بالخطوة.\n"
    "وقال الأمين العام للأمم المتحدة إن الحلف لم يرد."
)


def test_gulf_wire_mentions():
    found = [(m.text, m.entity_id, m.kind) for m in find_entities(article(GULF_WIRE))]
    assert found == [
        ("حلف الناتو", "nato", "name"),
        ("دولة قطر", "qatar", "name"),
        ("مملكة البحرين", "bahrain", "name"),
        ("الأمين العام", "nato-secretary-general", "anaphor"),
        ("لحلف", "nato", "anaphor"),
        ("مارك روته", "mark-rutte", "name"),
        ("بروكسل", "brussels", "name"),
        ("الحلف", "nato", "anaphor"),
        ("الخليج", "gulf", "name"),
        ("مجلس التعاون لدول الخليج العربية", "gcc", "name"),
        ("السعودية", "saudi-arabia", "name"),
        ("سلطنة عُمان", "oman", "name"),
        ("مبادرة إسطنبول للتعاون", "ici", "name"),
    ]


def test_amman_is_not_oman_without_gulf_context():
    found = mentions(AMMAN_REPORT)
    assert ("عمان", "oman", "name") not in found
    assert [(t, e) for t, e, _ in found] == [("الأردني", "jordan"), ("المصري", "egypt"), ("سوريا", "syria"), ("لبنان", "lebanon")]


def test_oman_with_gulf_context():
    assert ("عمان", "oman", "name") in mentions("زار الوزير السعودية ثم عمان.")


def test_anaphors_need_an_earlier_mention_and_respect_a_following_name():
    found = mentions(UN_REPORT)
    # the first الحلف comes before NATO is named; المبادرة never has an antecedent
    assert found[0] == ("لأمم المتحدة", "un", "name")  # ل + الأمم: the span starts at the article's lam
    assert ("المبادرة", "ici", "anaphor") not in found
    assert ("حلف شمال الأطلنطي", "nato", "name") in found
    # the Secretary General of the UN is not NATO's, even after NATO was named
    assert not any(e == "nato-secretary-general" for _, e, _ in found)
    # the last الحلف follows the NATO mention
    assert found[-1] == ("الحلف", "nato", "anaphor")


@pytest.mark.parametrize(
    "text, surface, entity_id, proclitics",
    [
        ("رحب الامين العام لـ «ناتو» بالخطوة", "ناتو", "nato", ""),
        ("علاقة حلف»ناتو«مع الدول", "حلف»ناتو«", "nato", ""),
        ("قدم الدعم للكويت", "لكويت", "kuwait", "ل"),
        ("اجتمعوا بالكويت", "الكويت", "kuwait", "ب"),
        ("والإمارات العربية المتحدة", "الإمارات العربية المتحدة", "uae", "و"),
        ("فالسعودية", "السعودية", "saudi-arabia", "ف"),
        ("وقطر", "قطر", "qatar", "و"),
        ("حلف شمال الاطلسي", "حلف شمال الاطلسي", "nato", ""),
        ("حلف شمال الأطلسي (ناتو) اليوم", "حلف شمال الأطلسي (ناتو)", "nato", ""),
        ("في إستانبول", "إستانبول", "istanbul", ""),
        ("في أبوظبي", "أبوظبي", "abu-dhabi", ""),
        ("في أبو ظبي", "أبو ظبي", "abu-dhabi", ""),
        ("الخبراء الكويتيين", "الكويتيين", "kuwait", ""),
        ("مدينة اسطنبول التركية", "التركية", "turkey", ""),
    ],
)
def test_surface_forms(text, surface, entity_id, proclitics):
    found = find_entities(article(text))
    match = [m for m in found if m.entity_id == entity_id]
    assert match, found
    assert (match[0].text, match[0].proclitics) == (surface, proclitics)


@pytest.mark.parametrize("text", ["تساقطت قطرات المطر", "ركز على التركيز", "حلفاء الولاية", "مبادرات عديدة", "كويتيا"])
def test_no_match_inside_other_words(text):
    assert [m for m in find_entities(article(text)) if m.kind == "name"] == []


def test_latin_america_is_not_the_united_states():
    assert [e for _, e, _ in mentions("زار أمريكا اللاتينية ثم أمريكا")] == ["latin-america", "usa"]


def test_offsets_are_exact_everywhere():
    for text in (GULF_WIRE, AMMAN_REPORT, UN_REPORT):
        doc = article(text)
        for m in find_entities(doc):
            assert doc.text[m.start : m.end] == m.text


# --- the seed ---------------------------------------------------------------------------------

SEED_ACTORS = {
    "nato": "Q7184",
    "ici": None,
    "gcc": None,
    "nato-ici-regional-centre": None,
    "jens-stoltenberg": None,
    "nato-secretary-general": None,
    "north-atlantic-council": None,
    "bahrain": "Q398",
    "kuwait": "Q817",
    "qatar": "Q846",
    "uae": "Q878",
    "saudi-arabia": "Q851",
    "oman": "Q842",
    "turkey": "Q43",
    "istanbul": "Q406",
    "middle-east": "Q7204",
    "north-africa": "Q27381",
}


def test_seed_actors_with_ids(seed):
    table = entity_table(seed)
    found = {e: (None if pd.isna(q) else q) for e, q in zip(table["entity_id"], table["wikidata"])}
    for entity_id, qid in SEED_ACTORS.items():
        assert entity_id in found, entity_id
        assert found[entity_id] == qid, entity_id
    assert (table.apply(lambda r: seed.text[r.start : r.end] == r.text, axis=1)).all()


def test_seed_counts_and_anaphors(seed):
    table = entity_table(seed)
    counts = table["entity_id"].value_counts()
    assert counts["kuwait"] == 7
    assert counts["ici"] == 10  # 9 names and «المبادرة»
    anaphors = table[table["anaphoric"]]
    assert set(anaphors["text"]) >= {"الحلف", "المبادرة", "المركز", "المركز الإقليمي", "الأمين العام", "الامين العام"}
    centre = table[table["entity_id"] == "nato-ici-regional-centre"]
    assert list(centre["para"]) == [5, 6, 8, 12]
    # Stoltenberg's paragraph: the title, NATO and the name are three mentions
    assert list(table.loc[table["para"] == 11, "entity_id"])[:3] == ["nato-secretary-general", "nato", "jens-stoltenberg"]


def test_seed_groups(seed):
    gazetteer = load_gazetteer()
    ici = set(gazetteer.members("ici"))
    gcc = set(gazetteer.members("gcc"))
    assert ici == {"kuwait", "bahrain", "qatar", "uae"}
    assert gcc - ici == {"saudi-arabia", "oman"}


# --- gazetteer validation ---------------------------------------------------------------------

GOOD_ENTRY = "  - id: x\n    type: ORG\n    label_ar: س\n    label_en: X\n    aliases: [سين]\n"


@pytest.mark.parametrize(
    "content, message",
    [
        (GOOD_ENTRY + "    colour: red\n", "unknown key(s) colour"),
        (GOOD_ENTRY + GOOD_ENTRY, "duplicate id"),
        (GOOD_ENTRY.replace("aliases: [سين]", "aliases: []"), "'aliases' is missing or empty"),
        (GOOD_ENTRY.replace("aliases: [سين]", "aliases: ['«»']"), "empty or non-text entry"),
        (GOOD_ENTRY.replace("ORG", "COMPANY"), "'type' 'COMPANY'"),
        (GOOD_ENTRY + "    wikidata: 7184\n", "is not a QID"),
        (GOOD_ENTRY + "    member_of: [nowhere]\n", "unknown entity 'nowhere'"),
        (GOOD_ENTRY + GOOD_ENTRY.replace("id: x", "id: y"), "also listed for 'x'"),
        (GOOD_ENTRY.replace("id: x", "id: Bad Id"), "lower-case"),
        (GOOD_ENTRY + "    quoted_names: [ورق]\n" + GOOD_ENTRY.replace("id: x", "id: y").replace("[سين]", "[صاد]") + "    quoted_names: [ورق]\n",
         "quoted name 'ورق' is also listed for 'x'"),
        ("entities: [\n", "not valid YAML"),
    ],
)
def test_broken_gazetteer_is_refused_clearly(tmp_path, content, message):
    path = tmp_path / "gaz.yaml"
    path.write_text(content if content.startswith("entities") else "entities:\n" + content, encoding="utf-8")
    with pytest.raises(GazetteerError) as error:
        load_gazetteer(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_an_edited_gazetteer_changes_the_output(tmp_path):
    path = tmp_path / "gaz.yaml"
    path.write_text("entities:\n" + GOOD_ENTRY.replace("[سين]", "[مجلس الأمة]").replace("id: x", "id: kuwait-parliament"), encoding="utf-8")
    found = find_entities(article("ناقش مجلس الأمة الكويتي الاتفاقية."), load_gazetteer(path))
    assert [(m.text, m.entity_id) for m in found] == [("مجلس الأمة", "kuwait-parliament")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ونقلت وكالة رويترز عن مصدر دبلوماسي قوله إن الاتفاق قريب.", [("وكالة رويترز", "reuters")]),
        ("وذكرت وكالة الأنباء الكويتية (كونا) أن الوزير وصل.", [("وكالة الأنباء الكويتية", "kuna"), ("كونا", "kuna")]),
        ("بحسب ما أفادت به فرانس برس وأسوشيتد برس.", [("فرانس برس", "afp"), ("أسوشيتد برس", "associated-press")]),
        ("وقال مراسل قناة الجزيرة إن القصف استمر.", [("قناة الجزيرة", "al-jazeera")]),
        # a paper named like a place or a word is that paper between quote marks, and only there
        ("وقال مسؤول لـ«الشرق الأوسط» إن الأزمة تتفاقم في الشرق الأوسط.", [("الشرق الأوسط", "asharq-al-awsat"), ("الشرق الأوسط", "middle-east")]),
        ("وذكرت صحيفة «الشرق الأوسط» أن الوفد غادر.", [("صحيفة «الشرق الأوسط»", "asharq-al-awsat")]),
        ("ونقلت “القبس” عن مصدر أن شبه الجزيرة العربية هادئة.", [("القبس", "al-qabas")]),
    ],
)
def test_news_outlets(text, expected):
    """Agencies, channels and papers are organisations, under one id whatever the spelling."""
    assert [(m.text, m.entity_id) for m in find_entities(article(text))] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("وعبرت الناقلة مضيق هرمز متجهة إلى بحر العرب.", [("مضيق هرمز", "strait-of-hormuz"), ("بحر العرب", "arabian-sea")]),
        ("وهاجم الحوثيون سفينة في البحر الأحمر قرب باب المندب.", [("الحوثيون", "houthis"), ("البحر الأحمر", "red-sea"), ("باب المندب", "bab-el-mandeb")]),
        ("وزار الوفد المغرب ثم دول المغرب العربي.", [("المغرب", "morocco"), ("دول المغرب العربي", "maghreb")]),
        ("وقال مسؤول في حركة حماس إن قطاع غزة يحتاج إلى المساعدات.", [("حركة حماس", "hamas"), ("قطاع غزة", "gaza")]),
        ("ورصدت قوات اليونيفيل خروقات في الجنوب.", [("قوات اليونيفيل", "unifil")]),
    ],
)
def test_regional_geography_and_actors(text, expected):
    """The seas, straits, regions and armed groups of Gulf and Middle East security news."""
    assert [(m.text, m.entity_id) for m in find_entities(article(text))] == expected


def test_matchable_keeps_offsets_and_folds_marks():
    text = "لـ «ناتو»\nو(قطر)"
    string, index = matchable(text)
    assert string == "ل ناتو\nو قطر "
    assert len(index) == len(string) + 1


# --- dates, years and numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, surface, kind, fields",
    [
        ("أطلقت في عام 2004 المبادرة", "2004", "year", {"year": 2004}),
        ("افتتح عام ٢٠١٧ المركز", "٢٠١٧", "year", {"year": 2017}),
        ("استقبلنا أكثر من 1000 ضابط", "1000", "number", {"value": 1000}),
        ("نحو 1,500 جندي", "1,500", "number", {"value": 1500}),
        ("أشاد امس بالجهود", "امس", "relative", {"offset_days": -1}),
        ("وصل اليوم إلى الكويت", "اليوم", "relative", {"offset_days": 0}),
        ("يصل غداً", "غداً", "relative", {"offset_days": 1}),
        ("في عام ألفين وسبعة عشر", "ألفين وسبعة عشر", "year", {"year": 2017}),
        ("بلغ العدد ثلاثة آلاف وخمسمئة", "ثلاثة آلاف وخمسمئة", "number", {"value": 3500}),
        ("مع أربع دول خليجية", "أربع", "number", {"value": 4}),
        ("في 15 أيار/مايو 2017", "15 أيار/مايو 2017", "date", {"day": 15, "month": 5, "year": 2017}),
        ("في 3 كانون الثاني الماضي", "3 كانون الثاني", "date", {"day": 3, "month": 1}),
        ("في شهر رمضان 1445 هـ", "شهر رمضان 1445", "date", {"month": 9, "year": 1445, "calendar": "hijri"}),
        ("عام 1445 هـ", "1445 هـ", "year", {"year": 1445, "calendar": "hijri"}),
        ("بتاريخ 5/3/2020", "5/3/2020", "date", {"day": 5, "month": 3, "year": 2020}),
        ("ارتفع بنسبة 25%", "25%", "percent", {"value": 25}),
        ("يوم الخميس المقبل", "الخميس", "weekday", {}),
    ],
)
def test_numbers_and_dates(text, surface, kind, fields):
    found = find_numbers(article(text))
    match = [n for n in found if n.text == surface]
    assert match, found
    assert match[0].kind == kind
    for name, value in fields.items():
        assert getattr(match[0], name) == value


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("نشر الحلف 2000 جندي في المنطقة عام 2004.", [("2000", "number"), ("2004", "year")]),
        ("قتل 1950 شخصا في الهجوم", [("1950", "number")]),
        ("بلغت الميزانية 2024 مليون دينار", [("2024", "number"), ("مليون", "number")]),
        ("منذ 2011 والبلاد في أزمة", [("2011", "year")]),
        ("وفي 2015 أعلنت الحكومة الخطة", [("2015", "year")]),
        ("انتخابات 2020 الرئاسية", [("2020", "year")]),
        ("ضمن رؤية 2030.", [("2030", "year")]),
        ("الاتفاقية (2004) سارية", [("2004", "year")]),
    ],
)
def test_four_digit_numbers_are_years_unless_they_count_something(text, kinds):
    assert [(m.text, m.kind) for m in find_numbers(article(text))] == kinds


@pytest.mark.parametrize("text", ["قال رمضان إن الوضع جيد", "مارس الضغط على الحكومة", "عدد صفر من الأخطاء"])
def test_month_names_alone_are_not_dates(text):
    assert [n for n in find_numbers(article(text)) if n.kind in ("date", "month")] == []


def test_number_value():
    words = load_time_words()
    assert number_value("ألفين وأربعة", words) == 2004
    assert number_value("عشرين ألف", words) == 20000
    assert number_value("مليون", words) == 1_000_000


def test_seed_timeline(seed):
    timeline = timeline_table(seed)
    assert list(zip(timeline["text"], timeline["kind"], timeline["para"])) == [
        ("2004", "year", 3),
        ("2017", "year", 5),
        ("امس", "relative", 11),
        ("2017", "year", 12),
    ]
    launch = timeline.iloc[0]
    assert {"ici", "istanbul"} <= set(launch["entities"].split(";"))
    opening = timeline.iloc[1]
    assert "nato-ici-regional-centre" in opening["entities"].split(";")


def test_seed_numbers(seed):
    numbers = [(n.text, n.kind) for n in find_numbers(seed)]
    assert numbers == [("2004", "year"), ("أربع", "number"), ("2017", "year"), ("1000", "number"), ("امس", "relative"), ("2017", "year")]


# --- offices and their holders (refers_to, appositive) ----------------------------------------

from helpers.annotate.entities import reference_counts  # noqa: E402
from helpers.annotate.names import NamesError, load_names  # noqa: E402


def office_rows(text: str) -> list[tuple[str, str, bool]]:
    table = entity_table(article(text))
    rows = table[table["entity_id"] == "nato-secretary-general"]
    return list(zip(rows["text"], rows["refers_to"], rows["appositive"]))


def test_seed_secretary_general_is_stoltenberg_by_apposition(seed):
    table = entity_table(seed)
    office = table[table["entity_id"] == "nato-secretary-general"]
    assert list(zip(office["para"], office["refers_to"], office["appositive"])) == [
        (11, "jens-stoltenberg", True),  # «الأمين العام لحلف شمال الأطلسي (ناتو) ينس شتولتنبرغ»
        (13, "jens-stoltenberg", False),  # «ورحب الامين العام لـ «ناتو»»
    ]
    assert reference_counts(table)["jens-stoltenberg"] == 2
    assert "nato-secretary-general" not in reference_counts(table)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Rutte named after the office (with «للحلف» between): the later bare title is Rutte too
        ("قال الأمين العام لحلف الناتو مارك روته إن الحلف مستعد.\nوأضاف الأمين العام أن الشراكة مهمة.",
         [("الأمين العام", "mark-rutte", True), ("الأمين العام", "mark-rutte", False)]),
        # the name before the office, separated by a comma
        ("التقى مارك روته، الأمين العام لحلف الناتو، الوفد.\nوقال الأمين العام إن الزيارة مهمة.",
         [("الأمين العام", "mark-rutte", True), ("الأمين العام", "mark-rutte", False)]),
        # no holder named: the office stays an office
        ("قال الأمين العام لحلف الناتو إن الحلف مستعد.\nوأضاف الأمين العام أن الشراكة مهمة.",
         [("الأمين العام", "nato-secretary-general", False), ("الأمين العام", "nato-secretary-general", False)]),
        # an office before its holder is named refers to the office; after, to the holder
        ("قال أمين عام حلف الناتو إن الحلف مستعد.\nوكان أمين عام حلف الناتو ينس ستولتنبرغ قد زار الكويت.\nوأضاف الأمين العام أن الشراكة مهمة.",
         [("أمين عام حلف الناتو", "nato-secretary-general", False), ("أمين عام حلف الناتو", "jens-stoltenberg", True),
          ("الأمين العام", "jens-stoltenberg", False)]),
    ],
)
def test_office_refers_to_its_holder(text, expected):
    assert office_rows(text) == expected


def test_office_holder_is_not_taken_across_a_verb():
    rows = office_rows("قال الحلف إن الأمين العام لحلف الناتو وصل، ثم تحدث مارك روته.")
    assert rows == [("الأمين العام", "nato-secretary-general", False)]


def test_reference_counts_per_holder():
    table = entity_table(article(GULF_WIRE))
    counts = reference_counts(table)
    assert counts["mark-rutte"] == 1  # «الأمين العام للحلف مارك روته» is one reference
    assert table.loc[table["text"] == "الأمين العام", "refers_to"].tolist() == ["mark-rutte"]


# --- people and organisations that no gazetteer lists ------------------------------------------


def pattern_found(text: str) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.type, m.entity_id, m.kind) for m in find_entities(article(text)) if m.source == "pattern"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("قال الرئيس الأمريكي جو بايدن إن", [("جو بايدن", "PERSON", "person:جو-بايدن", "name")]),
        ("وأكد وزير الخارجية السعودي الأمير فيصل بن فرحان أن", [("فيصل بن فرحان", "PERSON", "person:فيصل-بن-فرحان", "name")]),
        ("قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن", [("أنطونيو غوتيريش", "PERSON", "person:انطونيو-غوتيريش", "name")]),
        ("وحذر المرشد الإيراني علي خامنئي من الحرب", [("علي خامنئي", "PERSON", "person:علي-خامنئي", "name")]),
        ("أكد الشيخ تميم بن حمد آل ثاني أمير دولة قطر أن", [("تميم بن حمد آل ثاني", "PERSON", "person:تميم-بن-حمد-ال-ثاني", "name")]),
        ("قال المتحدث باسم الكرملين ديمتري بيسكوف إن", [("ديمتري بيسكوف", "PERSON", "person:ديمتري-بيسكوف", "name")]),
        ("بحضور السفير الكويتي لدى الأردن عزيز الديحاني.", [("عزيز الديحاني", "PERSON", "person:عزيز-الديحاني", "name")]),
        ("أعلنت وزارة الخارجية الكويتية في بيان", [("وزارة الخارجية الكويتية", "ORG", "org:وزارة-الخارجية-الكويتية", "name")]),
        ("وقعت شركة نفط الكويت عقدا", [("شركة نفط الكويت", "ORG", "org:شركة-نفط-الكويت", "name")]),
        ("نقلت وكالة سبوتنيك للأنباء", [("وكالة سبوتنيك للأنباء", "ORG", "org:وكالة-سبوتنيك-للانباء", "name")]),
        # a name set off by commas after a title, even a foreign one the name finder cannot judge by itself
        ("وقالت المتحدثة باسم الخارجية البريطانية، كلير بنيت، إن لندن قلقة",
         [("كلير بنيت", "PERSON", "person:كلير-بنيت", "name")]),
        ("وأكد معالي سعيد بن راشد الكتبي أن العلاقات متينة", [("سعيد بن راشد الكتبي", "PERSON", "person:سعيد-بن-راشد-الكتبي", "name")]),
        # a definite plural after a name is the verb's object, not a family name
        ("ودعا نائب الوزير بوراك أقجان الحلفاء إلى الحوار", [("بوراك أقجان", "PERSON", "person:بوراك-اقجان", "name")]),
        ("قصف الجيش الإسرائيلي المنطقة", [("الجيش الإسرائيلي", "ORG", "org:الجيش-الاسرائيلي", "name")]),
        ("ووزارة الدفاع البريطانية", [("وزارة الدفاع البريطانية", "ORG", "org:وزارة-الدفاع-البريطانية", "name")]),
        # a name by lineage needs no title: a given name, بن and a name, then one family name at most
        ("وكتب حمد بن عبدالله الشنيبر المدير العام للتعليم", [("حمد بن عبدالله الشنيبر", "PERSON", "person:حمد-بن-عبدالله-الشنيبر", "name")]),
        ("تعيين سامي بن سليمان بن عبد الرحمن النحيط على وظيفة وكيل",
         [("سامي بن سليمان بن عبد الرحمن النحيط", "PERSON", "person:سامي-بن-سليمان-بن-عبد-الرحمن-النحيط", "name")]),
        ("تعيين عادل بن جميل بن إبراهيم عارف على وظيفة سفير", [("عادل بن جميل بن إبراهيم عارف", "PERSON", "person:عادل-بن-جميل-بن-ابراهيم-عارف", "name")]),
        ("ودان أحمد بن إبراهيم الملا التفجير الإرهابي", [("أحمد بن إبراهيم الملا", "PERSON", "person:احمد-بن-ابراهيم-الملا", "name")]),
        # a common word after a clitic is no name after a title (لتحالف القوى), a rare one may be (لافروف)
        ("وقال رئيس الكتلة النيابية لتحالف القوى العراقية الدكتور أحمد المساري إن الأمر",
         [("تحالف القوى العراقية", "ORG", "org:تحالف-القوي-العراقية", "name"), ("أحمد المساري", "PERSON", "person:احمد-المساري", "name")]),
        # الله ends a compound name after any name word, however common it is
        ("ويقول رئيس التحرير أحمد الجار الله في تصريحات إن الأمر", [("أحمد الجار الله", "PERSON", "person:احمد-الجار-الله", "name")]),
        # after the first definite noun of an organisation only adjectives go on, not the verb's object
        ("واستنكرت منظمة التعاون الإسلامي التصريحات", [("منظمة التعاون الإسلامي", "ORG", "org:منظمة-التعاون-الاسلامي", "name")]),
        ("وأدانت هيئة كبار العلماء الهجوم", [("هيئة كبار العلماء", "ORG", "org:هيئة-كبار-العلماء", "name")]),
        ("وأكد المجلس الأعلى للقوات المسلحة", [("المجلس الأعلى للقوات المسلحة", "ORG", "org:المجلس-الاعلي-للقوات-المسلحة", "name")]),
        # باسمه، باسمها ("for it") between a title and the name belongs to the title, like باسم
        ("وقال المتحدث الرسمي باسمها المهندس جابر الشهري إن الأسعار ستنخفض",
         [("جابر الشهري", "PERSON", "person:جابر-الشهري", "name")]),
    ],
)
def test_names_without_gazetteer(text, expected):
    assert pattern_found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "قال الرئيس في كلمة إن الوضع صعب",  # a title followed by a preposition
        "قال الرئيس يزور الكويت غدا",  # a verb after the title is not a name
        "ناقش الاجتماع ادارة الأزمات والتدريب",  # إدارة is not an organisation head
        "أكدت الوزارة أن القرار نهائي",  # a bare definite head is a back-reference
        "نشرت قوات غربية في المنطقة",  # an indefinite adjective is not a genitive
        "وقال الوزير على هامش الاجتماع",  # على (on) is not the name علي
        "وطالب وزير الخارجية المجتمع الدولي بالتحرك",  # بالتحرك is rare as written, but بـ + a definite noun
        "وقال المتحدث، مساء أمس، إن الوضع هادئ",  # words between commas that are not a name
        "وقال الوزير، الذي وصل أمس، إن الزيارة مهمة",
        "وقال ابن المدينة إن الطريق مغلق",  # ابن with no given name before it
    ],
)
def test_no_false_names(text):
    assert pattern_found(text) == []


def test_surname_and_partial_name_corefer():
    text = ("بن فرحان في باريس\n\nأكد وزير الخارجية السعودي الأمير فيصل بن فرحان أن العلاقات متينة.\n"
            "وقال الوزير فيصل إن الزيارة ناجحة، فيما التقى بن فرحان الرئيس الفرنسي إيمانويل ماكرون.\nوأشاد ماكرون بالعلاقات.")
    found = [(m.text, m.entity_id, m.kind) for m in find_entities(article_from_text(text, source="t", doc_id="t")) if m.type == "PERSON"]
    assert found == [
        ("بن فرحان", "person:فيصل-بن-فرحان", "partial"),  # in the headline, before the titled mention
        ("فيصل بن فرحان", "person:فيصل-بن-فرحان", "name"),
        ("فيصل", "person:فيصل-بن-فرحان", "partial"),  # a title with part of a known name
        ("بن فرحان", "person:فيصل-بن-فرحان", "partial"),
        ("إيمانويل ماكرون", "person:ايمانويل-ماكرون", "name"),
        ("ماكرون", "person:ايمانويل-ماكرون", "partial"),
    ]


def test_organisation_swallows_the_place_inside_it():
    found = [(m.text, m.entity_id) for m in find_entities(article("أعلنت وزارة الخارجية الكويتية أن الكويت ترحب"))]
    assert found == [("وزارة الخارجية الكويتية", "org:وزارة-الخارجية-الكويتية"), ("الكويت", "kuwait")]


def test_pattern_entities_have_no_wikidata_and_keep_offsets():
    doc = article(GULF_WIRE + "\nوقال وزير الدفاع الكويتي الشيخ فهد يوسف سعود الصباح إن")
    table = entity_table(doc)
    pattern = table[table["source"] == "pattern"]
    assert not pattern.empty and pattern["wikidata"].isna().all()
    assert all(doc.text[r.start : r.end] == r.text for r in table.itertuples())


def test_broken_names_file_is_refused_clearly(tmp_path):
    path = tmp_path / "names.yaml"
    path.write_text("person_titles: []\n", encoding="utf-8")
    with pytest.raises(NamesError, match=str(path)):
        load_names(path)


# --- measured on short news texts in other outlets' styles (gold written before the recogniser) ---

import json  # noqa: E402
from pathlib import Path  # noqa: E402

GOLD_NEWS = Path(__file__).parent / "fixtures" / "entities_gold_news.jsonl"


def gold_scores(path=None) -> dict[str, float]:
    """Strict (same span and type) and lenient (overlap and same type) precision and recall over the
    gold names; demonyms and anaphors (الحلف, الأمين العام) are not names and are left out."""
    predicted = gold = strict = lenient = 0
    for line in (path or GOLD_NEWS).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        table = entity_table(article_from_text(record["text"], source="gold", doc_id=record["doc_id"]))
        names = [(r.start, r.end, r.type) for r in table.itertuples() if r.kind in ("name", "partial")]
        truth = [(g["start"], g["end"], g["type"]) for g in record["entities"]]
        predicted, gold = predicted + len(names), gold + len(truth)
        strict += len(set(names) & set(truth))
        unused = list(truth)
        for start, end, kind in names:
            match = next((g for g in unused if g[2] == kind and start < g[1] and g[0] < end), None)
            if match:
                unused.remove(match)
                lenient += 1
    return {"strict_precision": strict / predicted, "strict_recall": strict / gold,
            "lenient_precision": lenient / predicted, "lenient_recall": lenient / gold, "gold": gold}


def test_gold_news_scores():
    scores = gold_scores()
    assert scores["gold"] == 78
    # measured: strict P 0.92 R 0.85, lenient P 0.99 R 0.91 (before news outlets and the regional
    # geography were in the gazetteer: strict P 0.90 R 0.77, lenient P 0.97 R 0.83; gazetteer alone at
    # first: strict P 0.77 R 0.22)
    assert scores["strict_precision"] >= 0.87 and scores["strict_recall"] >= 0.80
    assert scores["lenient_precision"] >= 0.94 and scores["lenient_recall"] >= 0.86


def test_second_blind_gold_scores():
    """tests/fixtures/entities_gold_blind2.jsonl: five articles written and annotated before the
    extractor ran on them (blind: strict P 0.78 R 0.53; after the gazetteer and name rules its
    misses led to: strict P 0.86 R 0.83, lenient P 0.93 R 0.90; see quotes_blind2/README.md)."""
    scores = gold_scores(GOLD_NEWS.parent / "entities_gold_blind2.jsonl")
    assert scores["gold"] == 193
    assert scores["strict_precision"] >= 0.82 and scores["strict_recall"] >= 0.79
    assert scores["lenient_precision"] >= 0.89 and scores["lenient_recall"] >= 0.86


@pytest.mark.parametrize(("text", "person"), [
    ("ووعدت المستشارة ميركل بمساندة تركيا بعد الهجوم.", "ميركل"),  # بـ + a common word opens a phrase
    ("وأشاد الوزير خالد الفالح بدعم القيادة.", "خالد الفالح"),
    ("وقال وزير الخارجية الأمريكي أنتوني بلينكن إن الحل سياسي.", "أنتوني بلينكن"),  # ب + لينكن: still a name
    ("وقال الرئيس الأمريكي جو بايدن إن الاتفاق قائم.", "جو بايدن"),
])
def test_a_preposition_with_a_common_word_ends_a_name(text, person):
    assert [surface for surface, entity_id, _ in mentions(text) if entity_id.startswith("person:")] == [person]


@pytest.mark.parametrize(("text", "person"), [
    ("واستقبل الرئيس عبد الفتاح السيسي الوفد.", "عبد الفتاح السيسي"),  # a common nisba after a given name
    ("وقال العاهل الأردني الملك عبدالله الثاني إن الحل سياسي.", "عبدالله الثاني"),
    ("ووصل الوفد إلى مطار الملك خالد الدولي مساء أمس.", "خالد"),  # an airport's adjective, not a family name
])
def test_a_nisba_after_a_given_name_is_the_family_name(text, person):
    assert [surface for surface, entity_id, _ in mentions(text) if entity_id.startswith("person:")] == [person]


@pytest.mark.parametrize(("text", "people"), [
    ("السيسي وهادي يؤكدان أهمية الحوار\n\nالتقى الرئيس عبد الفتاح السيسي الرئيس اليمني عبد ربه منصور هادي.",
     ["السيسي", "هادي"]),  # a conjunction and a dual verb end a later mention
    ("وقال وزير الدفاع الإسرائيلي موشيه يعالون إن الهجوم فشل.", ["موشيه يعالون"]),
])
def test_a_conjunction_or_a_dual_verb_ends_a_name(text, people):
    found = [m.text for m in find_entities(article_from_text(text, source="test", doc_id="t")) if m.type == "PERSON"]
    assert found[:len(people)] == people, found


def test_a_quoted_name_of_a_group_counts_only_in_quote_marks():
    found = [(m.text, m.entity_id) for m in find_entities(article("انسحب مقاتلو «القاعدة» من القاعدة الجوية."))]
    assert ("القاعدة", "al-qaeda") in found and len([f for f in found if f[1] == "al-qaeda"]) == 1, found
