"""Cooperation themes: the codebook (validation, editing), morphology, coordination, the seed's
themes in the right paragraphs, and the voice that speaks each theme."""
from __future__ import annotations

import pytest

from helpers.text.loading import article_from_text
from helpers.paths import PACKAGE_DATA
from helpers.annotate.themes import CodebookError, _expanded, find_themes, load_codebook, pattern_forms, theme_table


def article(body: str, title: str = "عنوان الخبر"):
    return article_from_text(f"{title}\n\n{body}", source="test", doc_id="test")


def themes_of(text: str, codebook=None) -> list[tuple[str, str]]:
    return [(m.theme_id, m.text) for m in find_themes(article(text), codebook)]


# --- the seed: every theme the official lists, in its paragraph --------------------------------

SEED_THEMES = [
    ("military-training", 4, "التدريبات العسكرية"),
    ("education", 4, "التعليمية"),
    ("crisis-management", 4, "ادارة الأزمات"),
    ("disasters", 4, "الكوارث الطبيعية والكوارث التي من صنع الانسان"),
    ("capacity-building", 6, "التدريب المشترك"),
    ("capacity-building", 6, "بناء القدرات"),
    ("crisis-management", 7, "ادارة الأزمات"),
    ("cybersecurity", 7, "الأمن السيبراني"),
    ("energy-security", 7, "أمن الطاقة"),
    ("maritime-security", 7, "الأمن البحري"),
    ("cbrn-defence", 7, "التهديدات الكيميائية والبيولوجية والاشعاعية والنووية"),
    ("strategic-importance", 9, "أهمية استراتيجية"),
    ("partnership-dialogue", 9, "منصة"),
    ("regional-stability", 10, "عدم الاستقرار"),
    ("regional-stability", 11, "السلام والأمن الإقليميين"),
    ("strategic-importance", 11, "أهمية كبرى"),
    ("regional-stability", 13, "الاستقرار الإقليمي"),
]


@pytest.fixture(scope="module")
def seed_themes(seed):
    return theme_table(seed)


@pytest.mark.parametrize("theme_id, para, surface", SEED_THEMES)
def test_seed_theme_in_its_paragraph(seed_themes, theme_id, para, surface):
    rows = seed_themes[(seed_themes["theme_id"] == theme_id) & (seed_themes["para"] == para)]
    assert surface in list(rows["text"])


def test_seed_table_offsets_and_columns(seed, seed_themes):
    assert list(seed_themes.columns[:12]) == [
        "doc_id", "theme_id", "label_ar", "label_en", "start", "end", "text", "para", "sentence",
        "speaker_id", "speaker_label", "voice",
    ]
    assert all(seed.text[r.start : r.end] == r.text for r in seed_themes.itertuples())
    # the names of the ICI and the GCC contain تعاون but are not the theme "partnership"
    assert not seed_themes["text"].str.contains("للتعاون").any()
    assert set(seed_themes["theme_id"]) == set(load_codebook().themes) - {"counter-terrorism"}


def test_seed_voices(seed_themes):
    official = seed_themes[seed_themes["para"].isin([4, 6, 7])]
    assert set(official["voice"]) == {"quoted"}
    assert official["speaker_id"].nunique() == 1
    secretary_general = seed_themes[seed_themes["para"].isin([11, 13])]
    assert secretary_general["speaker_label"].str.contains("شتولتنبرغ").all()
    assert set(secretary_general["voice"]) == {"reported"}
    assert official["speaker_id"].iloc[0] != secretary_general["speaker_id"].iloc[0]


def test_journalist_voice_outside_statements():
    table = theme_table(article("تتواصل التدريبات العسكرية في المنطقة منذ أسبوع."))
    assert list(zip(table["theme_id"], table["voice"], table["speaker_id"])) == [("military-training", "journalist", "journalist")]


# --- morphology and coordination -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, theme_id, surface",
    [
        ("بدأت التدريبات أمس", "military-training", "التدريبات"),
        ("وتدريبات مكثفة", "military-training", "تدريبات"),
        ("بعد انتهاء والتدريبات", "military-training", "التدريبات"),
        ("مخصص للتدريب", "military-training", "لتدريب"),
        ("في إطار شراكتنا الاستراتيجية", "strategic-importance", "شراكتنا الاستراتيجية"),
        ("اجتمع مع شركائه", "partnership-dialogue", "شركائه"),
        ("وشركاؤنا في المنطقة", "partnership-dialogue", "شركاؤنا"),
        ("تمارين مشتركة", "capacity-building", "تمارين مشتركة"),
        ("التمرين المشترك", "capacity-building", "التمرين المشترك"),
        ("لتعزيز الأمن البحري", "maritime-security", "الأمن البحري"),
        ("حماية أمن الملاحة في مضيق هرمز", "maritime-security", "أمن الملاحة"),
        ("مواجهة الهجمات الإلكترونية", "cybersecurity", "الهجمات الإلكترونية"),
        ("وأكد أهمية الأمن السّيبراني", "cybersecurity", "الأمن السّيبراني"),
        ("مكافحة الإرهاب والتطرف", "counter-terrorism", "مكافحة الإرهاب والتطرف"),
        ("الأسلحة الكيميائية أو البيولوجية", "cbrn-defence", "الأسلحة الكيميائية أو البيولوجية"),
        ("ضرب الزلزال المدينة", "disasters", "الزلزال"),
    ],
)
def test_morphology_and_proclitics(text, theme_id, surface):
    assert (theme_id, surface) in themes_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "ناقش الوزراء البرنامج النووي",  # a CBRN modifier alone is not the theme
        "مبادرة اسطنبول للتعاون",  # inside an entity name
        "قمة مجلس التعاون الخليجي",
        "قال نواف سلام",  # سلام is a name; only السلام counts
        "التدريسي",  # no partial words
    ],
)
def test_no_theme(text):
    assert themes_of(text) == []


def test_coordinated_adjectives_are_one_match():
    text = "الدفاع ضد التهديدات الكيميائية والبيولوجية والإشعاعية والنووية، والأمن البحري"
    assert themes_of(text) == [
        ("cbrn-defence", "التهديدات الكيميائية والبيولوجية والإشعاعية والنووية"),
        ("maritime-security", "الأمن البحري"),
    ]


def test_different_themes_are_not_merged():
    assert themes_of("اجراء التدريبات العسكرية والتعليمية") == [
        ("military-training", "التدريبات العسكرية"),
        ("education", "التعليمية"),
    ]


def test_pattern_forms():
    forms = pattern_forms("تدريب مشترك")
    assert {"تدريب مشترك", "التدريب المشترك", "التدريبات المشتركة", "تدريبات مشتركة"} <= forms
    assert pattern_forms("=السلام") == {"السلام"}
    assert "ازم" not in pattern_forms("أزمة")
    # إلكتروني begins with alef-lam but has no article: it takes one
    assert "الهجمات الالكترونية" in pattern_forms("هجمات إلكترونية")


# --- the codebook is data: editing it changes the output, breaking it is explained -----------


def test_adding_a_theme_changes_the_output(tmp_path, seed):
    default = (PACKAGE_DATA / "themes.yaml").read_text(encoding="utf-8")
    extra = (
        "\n  - id: resilience\n    label_ar: الصمود والمرونة\n    label_en: Resilience\n"
        "    definition: National resilience and preparedness.\n    patterns: [مرونة, صمود]\n"
    )
    path = tmp_path / "themes.yaml"
    path.write_text(default + extra, encoding="utf-8")
    table = theme_table(seed, load_codebook(path))
    rows = table[table["theme_id"] == "resilience"]
    assert list(zip(rows["text"], rows["para"])) == [("المرونة", 7)]
    assert "resilience" not in set(theme_table(seed)["theme_id"])


THEME = "  - id: t\n    label_ar: ت\n    label_en: T\n    definition: d\n    patterns: [تدريب]\n"


@pytest.mark.parametrize(
    "content, message",
    [
        ("themes:\n" + THEME + "    colour: red\n", "theme 't': unknown key(s) colour"),
        ("themes:\n" + THEME + THEME, "theme 't': duplicate id"),
        ("themes:\n" + THEME.replace("[تدريب]", "[]"), "theme 't': 'patterns' must be a non-empty list"),
        ("themes:\n" + THEME.replace("    patterns: [تدريب]\n", ""), "theme 't': 'patterns' must be a non-empty list"),
        ("themes:\n" + THEME.replace("[تدريب]", "['  ']"), "theme 't': 'patterns' holds an empty"),
        ("themes:\n" + THEME.replace("    label_en: T\n", ""), "theme 't': 'label_en' is missing"),
        ("themes:\n" + THEME + THEME.replace("id: t", "id: u").replace("[تدريب]", "[التدريبات]"), "theme 'u': pattern 'التدريبات' matches"),
        ("themes:\n" + THEME.replace("id: t", "id: T 1"), "'id' must be lower-case"),
        ("topics:\n" + THEME, "expected a top-level 'themes:' list"),
        ("themes: [\n", "not valid YAML"),
    ],
)
def test_broken_codebook_is_refused_clearly(tmp_path, content, message):
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError) as error:
        load_codebook(path)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_a_codebook_s_forms_kept_on_disk_are_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n" + THEME, encoding="utf-8")
    first = load_codebook(path).forms  # a fresh cache folder: expanded, then kept
    path.write_text("themes:\n" + THEME.replace("[تدريب]", "[تمرين عسكري]"), encoding="utf-8")
    edited = load_codebook(path).forms
    assert "التمرين العسكري" in edited and "التدريب" not in edited
    path.write_text("themes:\n" + THEME, encoding="utf-8")
    again = load_codebook(path)
    assert again.forms == first == _expanded(again) and "التدريب" in first
    assert len(list(tmp_path.rglob("theme-forms-*.marshal"))) == 2


def test_missing_codebook(tmp_path):
    with pytest.raises(CodebookError, match="no such file"):
        load_codebook(tmp_path / "nowhere.yaml")
