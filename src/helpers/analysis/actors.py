"""Actors and cooperation themes across a corpus, by outlet and by day, and the voice that carries
each theme (tables only).

Actors are gazetteer entities (the entities layer, offices counted as their holder) and the
people and actors of ``data/aliases.yaml`` (the coalition in Yemen, the nuclear agreement),
found in the paragraphs. Themes are the codebook's (the themes layer). A share is the share of an
outlet's articles that mention the actor or theme at least once, with a bootstrap interval.
"""
from __future__ import annotations

import pandas as pd

from ..annotate.identities import actor_mentions
from .corpus import CorpusTables, bootstrap_by_article
from .voices import speakers

#: The actors of the issue's research questions, in display order.
KEY_ACTORS = ("iran", "gcc", "yemen-coalition", "houthis", "nato", "nuclear-agreement", "usa")
VOICE_LABELS = {"journalist": "الصحفي", "reported": "كلام منقول", "quoted": "كلام مقتبس"}


def actors(tables: CorpusTables) -> pd.DataFrame:
    """Every actor mention of the corpus (doc_id, para, start, end, actor, label_ar), with outlet and date."""
    frame = actor_mentions(tables.layer("entities"), tables.layer("paragraphs"))
    return frame.merge(tables.articles[["doc_id", "outlet", "outlet_name_ar", "date"]], on="doc_id", how="left")


def _presence(tables: CorpusTables, mentions: pd.DataFrame, key: str, keys: list[str]) -> pd.DataFrame:
    """One row per article and key: 1 if the article mentions it."""
    seen = set(zip(mentions.doc_id, mentions[key]))
    base = tables.articles[["doc_id", "outlet", "outlet_name_ar", "date"]]
    return pd.concat([base.assign(**{key: k, "present": [int((d, k) in seen) for d in base.doc_id]}) for k in keys], ignore_index=True)


def share_by_outlet(tables: CorpusTables, mentions: pd.DataFrame, key: str, keys: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """Share of each outlet's articles that mention each key, with bootstrap interval and articles."""
    presence = _presence(tables, mentions, key, keys)
    parts = []
    for k in keys:
        result = bootstrap_by_article(presence[presence[key] == k], "outlet", "present")
        parts.append(result.assign(**{key: k, "label_ar": labels.get(k, k)}))
    frame = pd.concat(parts, ignore_index=True)
    names = tables.articles.drop_duplicates("outlet").set_index("outlet").outlet_name_ar
    frame.insert(1, "outlet_name_ar", frame.outlet.map(names))
    return frame


def by_day(tables: CorpusTables, mentions: pd.DataFrame, key: str, keys: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """Per day and key: articles that mention it, all articles of the day, and the share."""
    presence = _presence(tables, mentions, key, keys)
    frame = presence.groupby(["date", key]).agg(articles=("present", "sum"), day_articles=("present", "size")).reset_index()
    frame["share"] = frame.articles / frame.day_articles
    frame["label_ar"] = frame[key].map(lambda k: labels.get(k, k))
    return frame


def actor_labels(mentions: pd.DataFrame) -> dict[str, str]:
    return dict(zip(mentions.actor, mentions.label_ar))


def theme_labels(tables: CorpusTables) -> dict[str, str]:
    themes = tables.layer("themes")
    return dict(zip(themes.theme_id, themes.label_ar))


def top_themes(tables: CorpusTables, n: int = 8) -> list[str]:
    """The ``n`` themes found in most articles."""
    return list(tables.layer("themes").groupby("theme_id").doc_id.nunique().sort_values(ascending=False).head(n).index)


#: A theme's main speaker carries it in at least this many articles: a voice of the corpus, not one
#: article's (where a misread speaker would otherwise head a small theme).
MIN_CARRIER_ARTICLES = 2


def theme_voices(tables: CorpusTables) -> pd.DataFrame:
    """Per theme: the articles it is found in, its mentions in the journalist's words, in paraphrase
    and in quoted words, and the speaker identity that carries it most (mentions inside its
    statements, in at least :data:`MIN_CARRIER_ARTICLES` articles; none when no speaker does)."""
    themes = tables.layer("themes")
    people = speakers(tables)[["doc_id", "speaker_id", "identity", "identity_label"]]
    frame = themes.merge(people, on=["doc_id", "speaker_id"], how="left")
    counts = pd.crosstab(frame.theme_id, frame.voice).reindex(columns=list(VOICE_LABELS), fill_value=0)
    spoken = frame[frame.voice != "journalist"].dropna(subset=["identity"])
    spoken = spoken[spoken.identity != "unknown"]
    top = spoken.groupby(["theme_id", "identity_label"]).agg(mentions=("doc_id", "size"), in_articles=("doc_id", "nunique")).reset_index()
    top = top[top.in_articles >= MIN_CARRIER_ARTICLES].drop(columns="in_articles")
    top = top.sort_values(["theme_id", "mentions", "identity_label"], ascending=[True, False, True]).drop_duplicates("theme_id")
    result = counts.reset_index().merge(top, on="theme_id", how="left")
    result.insert(1, "label_ar", result.theme_id.map(theme_labels(tables)))
    result.insert(2, "articles", result.theme_id.map(themes.groupby("theme_id").doc_id.nunique()))
    result["mentions"] = result.mentions.fillna(0).astype(int)
    result = result.rename(columns={"identity_label": "main_speaker", "mentions": "main_speaker_mentions"})
    result["speaker_share"] = (result.reported + result.quoted) / result[list(VOICE_LABELS)].sum(axis=1)
    return result.sort_values("speaker_share", ascending=False, ignore_index=True)


def actor_voices(tables: CorpusTables, actor_ids: list[str], statements: pd.DataFrame) -> pd.DataFrame:
    """Per actor: the identities whose statements mention it most (mentions inside the statement's span)."""
    mentions = actors(tables)
    mentions = mentions[mentions.actor.isin(actor_ids)]
    spans = statements[["doc_id", "start", "end", "identity", "identity_label", "origin"]].rename(columns={"start": "s", "end": "e"})
    joined = mentions.merge(spans, on="doc_id")
    inside = joined[(joined.start >= joined.s) & (joined.end <= joined.e) & (joined.identity != "unknown")]
    frame = inside.groupby(["actor", "label_ar", "identity_label", "origin"]).size().reset_index(name="mentions")
    return frame.sort_values(["actor", "mentions"], ascending=[True, False]).groupby("actor").head(3).reset_index(drop=True)
