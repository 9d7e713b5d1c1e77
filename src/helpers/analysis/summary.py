"""An article at a glance: its key numbers and its story map (which paragraphs hold the words,
the voices, the actors and the themes), as tables for notebook 05."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..annotate.entities import entity_table
from ..annotate.quotes import JOURNALIST_LABEL, quote_table, speaker_summary, voices_by_paragraph
from ..annotate.themes import theme_table
from ..text.loading import Article


def top_label(frame: pd.DataFrame, column: str = "label_ar") -> str:
    """The most frequent label and its count, ties broken by first appearance; a dash if none."""
    if frame.empty:
        return "—"
    counts = frame[column].value_counts(sort=False)
    best = counts[counts == counts.max()].index[0]
    return f"{best} ({counts.max()})"


def article_numbers(article: Article) -> dict[str, object]:
    """The key numbers of one article: structure, voices, actors and themes, by bilingual label."""
    words = sum(token.kind != "punct" for token in article.tokens)
    statements = quote_table(article)
    speakers = speaker_summary(article)
    quoted = float(speakers["quoted_share"].sum()) if len(speakers) else 0.0
    reported = float(speakers["reported_share"].sum()) if len(speakers) else 0.0
    entities = entity_table(article)
    themes = theme_table(article)
    return {
        "فقرات المتن · body paragraphs": len(article.paragraphs),
        "الجمل · sentences": len(article.sentences),
        "الكلمات · words": words,
        "التصريحات · statements": len(statements),
        "المتحدثون · speakers": statements["speaker_id"].nunique(),
        "تصريحات مصادر مجهولة · statements by anonymous sources": int(statements["anonymous"].sum()),
        "٪ كلمات بين علامتي تنصيص · % words quoted": round(quoted, 1),
        "٪ كلام منقول · % words reported": round(reported, 1),
        "٪ صوت الصحفي · % words in the journalist's voice": round(100 - quoted - reported, 1),
        "إشارات إلى الفاعلين · actor mentions": len(entities),
        "الفاعلون · distinct actors": entities["entity_id"].nunique(),
        "أكثر الفاعلين ذكرًا · most mentioned actor": top_label(entities),
        "مواضع موضوعات التعاون · cooperation-theme matches": len(themes),
        "موضوعات التعاون · distinct themes": themes["theme_id"].nunique(),
        "أكثر الموضوعات ظهورًا · most frequent theme": top_label(themes),
    }


def key_numbers(articles: Iterable[Article]) -> pd.DataFrame:
    """The key-numbers table: one row per measure, one column per article (by doc_id)."""
    numbers = pd.DataFrame({a.doc_id: article_numbers(a) for a in articles})
    return numbers.rename_axis("measure").reset_index()


def story_map(article: Article) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(counts, shares): per paragraph (0 = kicker and headline), all words, the journalist's and
    the sources' words, actor mentions and theme matches; shares are percentages of each row."""
    voices = voices_by_paragraph(article)
    journalist = voices.loc[JOURNALIST_LABEL] if JOURNALIST_LABEL in voices.index else voices.iloc[0] * 0
    paragraphs = list(range(len(article.paragraphs) + 1))

    def per_paragraph(values):
        return pd.Series(values).reindex(paragraphs, fill_value=0).astype(int)

    rows = {
        "كل الكلمات · all words": per_paragraph(voices.sum()),
        "كلمات الصحفي · journalist's words": per_paragraph(journalist),
        "كلمات المصادر · sources' words": per_paragraph(voices.sum() - journalist),
        "إشارات إلى الفاعلين · actor mentions": per_paragraph(entity_table(article)["para"].value_counts()),
        "موضوعات التعاون · cooperation themes": per_paragraph(theme_table(article)["para"].value_counts()),
    }
    counts = pd.DataFrame(rows).T
    shares = counts.div(counts.sum(axis=1).where(lambda total: total > 0, 1), axis=0) * 100
    return counts, shares


def story_map_data(counts: pd.DataFrame, shares: pd.DataFrame) -> pd.DataFrame:
    """The story map as a long table (element, para, count, share), the data behind its figure."""
    data = counts.rename_axis("element").reset_index().melt(id_vars="element", var_name="para", value_name="count")
    data["share"] = [round(float(shares.loc[e, p]), 2) for e, p in zip(data["element"], data["para"])]
    return data


def story_map_peaks(counts: pd.DataFrame, shares: pd.DataFrame) -> pd.DataFrame:
    """For each story-map row: its total, the paragraph where it peaks and the share there."""
    return pd.DataFrame({
        "element": counts.index,
        "total": counts.sum(axis=1).to_numpy(),
        "peak_paragraph": [int(row.idxmax()) if row.sum() else None for _, row in counts.iterrows()],
        "peak_share": [round(float(shares.loc[e].max()), 1) for e in counts.index],
    })
