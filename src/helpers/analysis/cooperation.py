"""Cooperation in an article, as tables for notebook 04: the actors and their co-occurrence
network, the codebook's themes by paragraph and by speaker, and the dated events (drawn by
:mod:`helpers.figures.plots`)."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from ..annotate.entities import reference_counts
from ..annotate.quotes import JOURNALIST
from ..text.loading import Article

#: Entity types in Arabic, for legends and tables.
TYPE_LABELS = {"ORG": "منظمة", "GPE": "دولة أو مدينة", "PERSON": "شخص", "LOC": "منطقة", "FAC": "منشأة",
               "EVENT": "حدث", "INITIATIVE": "مبادرة"}
#: The label of the publication date on the time line.
PUBLICATION = "تاريخ النشر"
EDGE_COLUMNS = ["source", "target", "sentences", "source_ar", "target_ar", "source_type", "target_type", "source_type_ar", "target_type_ar"]


def actor_summary(entities: pd.DataFrame) -> pd.DataFrame:
    """One row per entity of an ``entities`` table: its mentions by kind, the forms used, the first
    paragraph and its references (an office in apposition counted with its holder), most cited first."""
    summary = (entities.groupby(["entity_id", "label_ar", "label_en", "type", "wikidata", "source"], dropna=False)
               .agg(mentions=("text", "size"), names=("kind", lambda k: k.isin(["name", "partial"]).sum()),
                    anaphors=("kind", lambda k: (k == "anaphor").sum()), demonyms=("kind", lambda k: (k == "demonym").sum()),
                    refers_to=("refers_to", lambda r: " · ".join(dict.fromkeys(r))),
                    first_para=("para", "min"), forms=("text", lambda t: " · ".join(dict.fromkeys(t))))
               .reset_index())
    summary["references"] = summary["entity_id"].map(reference_counts(entities)).fillna(0).astype(int)
    return summary.sort_values(["references", "mentions", "first_para"], ascending=[False, False, True])


def cooccurrence_network(entities: pd.DataFrame) -> nx.Graph:
    """Entities of one article as nodes (``label``, ``type``, ``mentions`` = references), linked when
    named in the same sentence; an edge's ``weight`` is the number of such sentences."""
    labels = dict(zip(entities["entity_id"], entities["label_ar"]))
    types = dict(zip(entities["entity_id"], entities["type"]))
    graph = nx.Graph()
    for actor, count in reference_counts(entities).items():  # an office in apposition counts with its holder
        graph.add_node(actor, label=labels[actor], type=types[actor], mentions=int(count))
    for _, group in entities.groupby("sentence"):
        ids = sorted(set(group["refers_to"]))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                weight = graph.edges[a, b]["weight"] + 1 if graph.has_edge(a, b) else 1
                graph.add_edge(a, b, weight=weight)
    return graph


def network_edges(graph: nx.Graph) -> pd.DataFrame:
    """The network's links as a table, most shared sentences first: ids, Arabic labels and types."""
    nodes = graph.nodes
    edges = pd.DataFrame([{"source": a, "target": b, "sentences": d["weight"],
                           "source_ar": nodes[a]["label"], "target_ar": nodes[b]["label"],
                           "source_type": nodes[a]["type"], "target_type": nodes[b]["type"],
                           "source_type_ar": TYPE_LABELS[nodes[a]["type"]], "target_type_ar": TYPE_LABELS[nodes[b]["type"]]}
                          for a, b, d in graph.edges(data=True)], columns=EDGE_COLUMNS)
    return edges.sort_values(["sentences", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


def theme_frequency(themes: pd.DataFrame, codebook) -> pd.DataFrame:
    """Matches per codebook theme (every theme, zero included), most frequent first, codebook order on ties."""
    labels = {t.id: t.label_ar for t in codebook.themes.values()}
    frequency = (themes["theme_id"].value_counts().reindex(list(labels), fill_value=0)
                 .rename("matches").rename_axis("theme_id").reset_index())
    frequency["label_ar"] = frequency["theme_id"].map(labels)
    frequency["label_en"] = frequency["theme_id"].map({t.id: t.label_en for t in codebook.themes.values()})
    return frequency.sort_values("matches", ascending=False, kind="stable").reset_index(drop=True)


def found_themes(frequency: pd.DataFrame, themes: pd.DataFrame) -> list[str]:
    """The ids of the themes that matched, in :func:`theme_frequency` order."""
    matched = set(themes["theme_id"])
    return [t for t in frequency["theme_id"] if t in matched]


def theme_by_paragraph(article: Article, themes: pd.DataFrame, found: list[str], labels: dict[str, str]) -> pd.DataFrame:
    """Matches of each found theme (rows, by Arabic label) in each paragraph (columns "0" = the
    titles, "1" …); a placeholder row when nothing matched, so the figure is drawn empty."""
    mine = themes.loc[themes["doc_id"] == article.doc_id]
    paragraphs = list(range(0, len(article.paragraphs) + 1))
    grid = pd.crosstab(mine["theme_id"], mine["para"]).reindex(index=found, columns=paragraphs, fill_value=0)
    grid.index = [labels[t] for t in grid.index]
    grid.columns = [str(p) for p in grid.columns]
    if grid.empty:
        grid.loc["لا موضوع · no theme"] = 0  # an article without any codebook theme still gets its (empty) figure
    return grid


def theme_by_speaker(themes: pd.DataFrame, found: list[str]) -> pd.DataFrame:
    """Matches of each found theme (rows, by id) by speaker (columns, in order of first statement),
    the journalist's column always present."""
    by_voice = pd.crosstab(themes["theme_id"], themes["speaker_label"]).reindex(index=found, fill_value=0)
    speakers = list(themes.sort_values("start").drop_duplicates("speaker_label")["speaker_label"])
    speakers += [JOURNALIST[1]] if JOURNALIST[1] not in speakers else []  # the journalist's column, even when empty
    return by_voice.reindex(columns=speakers, fill_value=0)


def group_mentions(entities: pd.DataFrame, gazetteer, group: str, partners: str) -> pd.DataFrame:
    """Mentions of each member of gazetteer ``group`` (gcc), flagged when also a member of
    ``partners`` (ici): partners first, then by mentions, gazetteer order on ties."""
    members = gazetteer.members(group)
    mentions = entities[entities["entity_id"].isin(members)]
    states = pd.DataFrame({"entity_id": members})
    states["label_ar"] = [gazetteer.entities[s].label_ar for s in members]
    states["ici_partner"] = states["entity_id"].isin(set(gazetteer.members(partners)))
    states["mentions"] = [int((mentions["entity_id"] == s).sum()) for s in members]
    states["first_para"] = [mentions.loc[mentions["entity_id"] == s, "para"].min() for s in members]
    return states.sort_values(["ici_partner", "mentions"], ascending=[False, False], kind="stable").reset_index(drop=True)


def first_mentions(article: Article, entities: pd.DataFrame, ids) -> pd.DataFrame:
    """Where each of the entities ``ids`` is first mentioned: its label, paragraph and sentence text."""
    first = entities[entities["entity_id"].isin(list(ids))].drop_duplicates("entity_id")
    first = first.merge(pd.DataFrame([s._asdict() for s in article.sentences]), on=["sentence", "para"])
    first["sentence_text"] = [article.text[a:b] for a, b in zip(first["start_y"], first["end_y"])]
    return first[["entity_id", "label_ar", "para", "sentence_text"]].reset_index(drop=True)


def timeline_events(article: Article, timeline: pd.DataFrame) -> pd.DataFrame:
    """The events of a ``timeline_table`` placed on a time line: each year at its year, relative
    times (أمس) and the headline at the publication date, drawn a little after the last year.

    Columns ``position``, ``text``, ``para``, ``label`` (the sentence context, or the headline).
    """
    years = timeline[timeline["year"].notna()].copy()
    years["position"] = years["year"].astype(float)
    years["label"] = years["context"]
    span = years["position"].max() - years["position"].min() if len(years) else 0
    publication = (years["position"].max() if len(years) else 2000) + max(6, span / 3)
    relative = timeline[timeline["kind"] == "relative"].copy()
    relative["position"] = publication
    relative["label"] = relative["context"]
    headline = pd.DataFrame([{"position": publication, "label": article.span_text(article.headline) if article.headline else PUBLICATION,
                              "text": PUBLICATION, "para": 0}])
    return pd.concat([years, relative, headline], ignore_index=True)[["position", "text", "para", "label"]]
