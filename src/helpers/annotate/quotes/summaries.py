"""Tables for the notebooks and reports: statements per speaker, per cue class and voices per
paragraph, with their Arabic labels.
"""
from __future__ import annotations

import pandas as pd

from .extract import (
    headline_attribution,
    quote_table,
    voice_at,
    voice_spans,
)
from .lexicon import (
    reporting_lexicon,
)
from .records import (
    KINDS,
)

JOURNALIST_LABEL = "الصحفي"


ANONYMOUS_TAG = "مصدر مجهول"


def _word_starts(article, start: int, end: int) -> int:
    return sum(1 for t in article.tokens if t.kind != "punct" and start <= t.start < end)


def speaker_summary(article) -> pd.DataFrame:
    """One row per speaker: statements by kind, words in quote marks and in reported clauses.

    ``quoted_share``/``reported_share`` are percentages of the article's words (titles included).
    """
    table = quote_table(article)
    voices = voice_spans(article)
    voices = voices[voices.quote_id.isin(table.quote_id)]
    total = sum(1 for t in article.tokens if t.kind != "punct")
    rows = []
    for speaker_id, group in table.groupby("speaker_id", sort=False):
        spans = voices[voices.speaker_id == speaker_id]
        words = {v: sum(_word_starts(article, a, b) for a, b in zip(f.start, f.end)) for v, f in spans.groupby("voice")}
        row = {"speaker_id": speaker_id, "speaker_label": group.speaker_label.iloc[0], "anonymous": bool(group.anonymous.iloc[0]),
               "statements": len(group)}
        row |= {kind: int((group.kind == kind).sum()) for kind in KINDS}
        row |= {"quoted_words": words.get("quoted", 0), "reported_words": words.get("reported", 0)}
        row |= {"quoted_share": 100 * row["quoted_words"] / total, "reported_share": 100 * row["reported_words"] / total}
        rows.append(row)
    columns = ["speaker_id", "speaker_label", "anonymous", "statements", *KINDS, "quoted_words", "reported_words", "quoted_share", "reported_share"]
    return pd.DataFrame(rows, columns=columns)


def cue_class_counts(article) -> pd.DataFrame:
    """Statements per reporting-verb class, with the class's Arabic and English labels from the lexicon."""
    classes = reporting_lexicon().classes
    table = quote_table(article)
    counts = table.groupby("cue_class").size().sort_values(ascending=False)
    return pd.DataFrame({
        "cue_class": counts.index,
        "label_ar": [classes.get(c, {}).get("label_ar", c) for c in counts.index],
        "label_en": [classes.get(c, {}).get("label_en", c) for c in counts.index],
        "statements": counts.to_numpy(),
        "lemmas": [" ، ".join(sorted(set(table[table.cue_class == c].cue_lemma))) for c in counts.index],
    })


def voices_by_paragraph(article) -> pd.DataFrame:
    """Words per voice (each speaker, quoted or reported, and the journalist) in each paragraph.

    Rows are voices, columns paragraph numbers (0 = kicker and headline); every word of the
    article is counted once, under :func:`voice_at`.
    """
    headline = headline_attribution(article)
    records = []
    for token in article.tokens:
        if token.kind == "punct":
            continue
        speaker_id, label, voice = voice_at(article, token.start, token.end)
        if speaker_id == "journalist":
            name = JOURNALIST_LABEL
        elif headline is not None and speaker_id == headline.speaker_id and token.para == 0:
            name = f"{label} · {KIND_LABELS['headline']}"
        else:
            name = f"{label} · {'بين علامتي تنصيص' if voice == 'quoted' else 'كلام منقول'}"
        records.append((name, token.para))
    frame = pd.DataFrame(records, columns=["voice", "para"])
    table = frame.pivot_table(index="voice", columns="para", aggfunc="size", fill_value=0)
    order = [v for v in table.index if v != JOURNALIST_LABEL] + ([JOURNALIST_LABEL] if JOURNALIST_LABEL in table.index else [])
    return table.loc[order]


KIND_LABELS = {"direct": "مباشر", "mixed": "مختلط", "indirect": "غير مباشر", "speech_act": "فعل كلامي", "headline": "عنوان منسوب"}
