"""Honest scores (helpers.annotate.quotes.evaluation): strict speakers, quoted terms taken for
speech, term and dateline records, one-to-one matching and the real-news splits."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.annotate.quotes import evaluate, quote_table, read_gold
from helpers.annotate.quotes.evaluation import main, real_news
from helpers.text.loading import article_from_text

TEXT = ("عنوان الخبر\n\n"
        "وقال وزير الخارجية الذي وصل أمس إن «الحوار هو الطريق الوحيد» لحل الأزمة.\n"
        "وأطلق التحالف عملية «عاصفة الحزم» في مارس.")


@pytest.fixture()
def doc():
    return article_from_text(TEXT, source="test", doc_id="e1")


def gold(**changes):
    record = {"article": "e1", "kind": "mixed", "text": "«الحوار هو الطريق الوحيد» لحل الأزمة",
              "quoted": ["الحوار هو الطريق الوحيد"], "cue": "وقال", "speakers": ["وزير الخارجية"], "headline": False}
    return [record | changes]


def scores(table, records, doc):
    return evaluate(table, records, [doc]).set_index(["measure", "kind"])


def test_strict_speaker_wants_the_name_and_nothing_more(doc):
    table = quote_table(doc).iloc[:1].copy()
    table["speaker"], table["speaker_label"] = "وزير الخارجية الذي وصل أمس", "وزير الخارجية الذي وصل أمس"
    result = scores(table, gold(), doc)
    assert result.loc[("speaker", "accuracy"), "accuracy"] == 0.0
    assert result.loc[("speaker_lenient", "accuracy"), "accuracy"] == 1.0
    table["speaker"] = "ووزير  الخارجية"  # a proclitic and doubled space are forgiven, not extra words
    assert scores(table, gold(), doc).loc[("speaker", "accuracy"), "accuracy"] == 1.0
    table["speaker"], table["speaker_label"] = "الوزير", "«وزير الخارجية»"  # else the label, quote marks aside
    assert scores(table, gold(), doc).loc[("speaker", "accuracy"), "accuracy"] == 1.0


def test_quoted_terms_inside_predicted_quotes_count_as_speech(doc):
    records = gold() + [{"article": "e1", "kind": "term", "text": "عاصفة الحزم"},
                        {"article": "e1", "kind": "dateline", "text": "الرياض - واس"}]
    table = quote_table(doc).iloc[:1].copy()
    clean = scores(table, records, doc)
    assert clean.loc[("terms_as_speech", "count"), "value"] == 0
    start = TEXT.index("عاصفة")
    wrong = table.copy()
    wrong["kind"], wrong["quoted_spans"] = "mixed", f"{start - 1}-{start + len('عاصفة الحزم') + 1}"
    result = scores(wrong, records, doc)
    assert result.loc[("terms_as_speech", "count"), "value"] == 1
    assert result.loc[("terms_as_speech", "per_10_articles"), "value"] == 10.0
    assert result.loc[("statements", "all"), "n_gold"] == 1  # the term and the dateline are not statements


def test_one_row_stands_for_one_gold_statement(doc):
    table = quote_table(doc).iloc[:1]
    twice = gold() + gold(text="«الحوار هو الطريق الوحيد»", kind="direct")
    result = scores(table, twice, doc)
    assert result.loc[("statements", "all"), "n_matched"] == 1
    assert result.loc[("statements", "all"), "recall"] == 0.5


def test_term_and_dateline_records_need_no_speakers(tmp_path):
    path = tmp_path / "gold.jsonl"
    lines = [{"article": "a", "kind": "term", "text": "ناتو"}, {"article": "a", "kind": "dateline", "text": "الكويت - كونا"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n", encoding="utf-8")
    assert [r["kind"] for r in read_gold(path)] == ["term", "dateline"]
    path.write_text('{"article": "a", "kind": "term"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="gold.jsonl: line 1 lacks text"):
        read_gold(path)


def test_real_news_splits_are_disjoint_and_scored():
    dev, dev_gold = real_news("dev")
    test, test_gold = real_news("test")
    assert len(dev) == 32 and len(test) == 16
    assert not {a.doc_id for a in dev} & {a.doc_id for a in test}
    assert {r["article"] for r in dev_gold} <= {a.doc_id for a in dev}
    assert dev[0].headline is not None  # title, blank line, content
    with pytest.raises(ValueError, match="unknown split 'train'"):
        real_news("train")


def test_the_command_prints_a_split(capsys):
    assert main(["nope"]) == 2
    assert main(["test"]) == 0
    out = capsys.readouterr().out
    assert "real news, test split" in out and "terms_as_speech" in out


def test_a_headline_attribution_is_scored_as_a_headline_statement():
    from helpers.annotate.quotes.evaluation import predicted_statements

    doc = article_from_text("وزير الداخلية: الحدود آمنة تماما\n\nوقال الوزير إن الدوريات زادت.", source="t", doc_id="h1")
    rows = predicted_statements(doc)
    assert len(rows) == len(quote_table(doc)) + 1
    head = rows[rows.para == 0].iloc[0]
    assert head.kind == "indirect" and head.speaker == "وزير الداخلية" and head.text == "الحدود آمنة تماما"
    records = [{"article": "h1", "kind": "indirect", "text": "الحدود آمنة تماما", "quoted": [], "cue": ":",
                "speakers": ["وزير الداخلية"], "headline": True}]
    result = evaluate(rows, records, [doc]).set_index(["measure", "kind"])
    assert result.loc[("statements", "indirect"), "n_matched"] == 1
    assert result.loc[("speaker", "accuracy"), "accuracy"] == 1.0
    assert result.loc[("statements", "headline"), "recall"] == 1.0  # who speaks in the headline
    assert result.loc[("statements", "headline"), "precision"] == 1.0


def test_a_term_quoted_inside_a_speakers_own_words_is_part_of_them():
    text = 'عنوان\n\nوقال الوزير: "إن ما يسمى "الهلال الشيعي" مشروع قديم". وتحدث التقرير عن "الهلال الشيعي" أيضا.'
    doc = article_from_text(text, source="t", doc_id="n1")
    quote = 'إن ما يسمى "الهلال الشيعي" مشروع قديم'
    records = [{"article": "n1", "kind": "direct", "text": quote, "quoted": [quote], "cue": "وقال", "speakers": ["الوزير"]},
               {"article": "n1", "kind": "term", "text": "الهلال الشيعي"},
               {"article": "n1", "kind": "term", "text": "الهلال الشيعي"}]
    start = text.index("إن ما")
    second = text.rindex("الهلال")
    table = pd.DataFrame([{**quote_table(doc).iloc[0].to_dict(), "kind": "direct", "start": start, "end": start + len(quote),
                           "quoted_spans": f"{start}-{start + len(quote)};{second}-{second + len('الهلال الشيعي')}"}])
    result = scores(table, records, doc)
    assert result.loc[("terms_as_speech", "count"), "value"] == 1  # the second, outside the quotation


def test_a_body_statement_repeating_the_headlines_words_is_found_in_the_body():
    """The headline often repeats the lead's words; the two are two gold records (GUIDE.md), and the
    body record's words are looked for after the headline, else both would point at the headline."""
    from helpers.annotate.quotes.evaluation import predicted_statements

    doc = article_from_text("الزياني يعرب عن استغرابه من التصريحات\n\nأعرب الزياني عن استغرابه من التصريحات.",
                            source="t", doc_id="h2")
    rows = predicted_statements(doc)
    record = {"article": "h2", "kind": "speech_act", "text": "عن استغرابه من التصريحات", "quoted": [],
              "speakers": ["الزياني"]}
    records = [record | {"cue": "يعرب", "headline": True}, record | {"cue": "أعرب", "headline": False}]
    result = evaluate(rows, records, [doc]).set_index(["measure", "kind"])
    assert result.loc[("statements", "all"), "recall"] == 1.0, rows[["para", "cue", "text"]]
