"""Who is given a voice across a corpus: speakers by corpus-wide identity, their types and origin,
quoted words against paraphrase, and who speaks in headlines (tables only).

Every statement of the quotes layer is joined to its speaker's identity
(:mod:`helpers.annotate.identities`) and to its article's outlet and date.
"""
from __future__ import annotations

import pandas as pd

from ..annotate.identities import NATIONAL, ORIGINS, UNKNOWN_LABEL, load_speaker_types, speaker_identities
from .corpus import CorpusTables, bootstrap_by_article

#: Statement kinds that carry the speaker's own words between quote marks.
QUOTED_KINDS = ("direct", "mixed")
ORIGIN_LABELS = {"saudi": "سعودي", "gulf": "خليجي", "foreign": "أجنبي", "unknown": "غير معروف"}


def speakers(tables: CorpusTables) -> pd.DataFrame:
    """One row per speaker of each article, with identity, type and origin."""
    quotes = tables.layer("quotes")
    texts = {doc_id: tables.text(doc_id) for doc_id in quotes.doc_id.unique()}
    return speaker_identities(quotes, texts)


def statements(tables: CorpusTables) -> pd.DataFrame:
    """Every statement with its speaker's identity, type and origin, its outlet and date, whether
    it stands in the headline, and its words inside quote marks and in the journalist's paraphrase."""
    quotes = tables.layer("quotes")
    people = speakers(tables).drop(columns=["speaker_label", "statements"])
    frame = quotes.merge(people, on=["doc_id", "speaker_id"], how="left")
    frame = frame.merge(tables.articles[["doc_id", "outlet", "outlet_name_ar", "date"]], on="doc_id", how="left")
    frame["in_headline"] = frame.para == 0
    words = frame.text.fillna("").str.split().str.len()
    quoted = frame.quoted_text.fillna("").str.split().str.len()
    frame["quoted_words"] = quoted.where(frame.kind.isin(QUOTED_KINDS), 0).clip(upper=words)
    frame["reported_words"] = words - frame.quoted_words
    return frame


def top_speakers(statements: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The ``n`` identities with most statements: statements, articles, outlets, type and origin."""
    known = statements[statements.identity != "unknown"]
    frame = known.groupby("identity").agg(
        speaker=("identity_label", "first"), statements=("quote_id", "size"), articles=("doc_id", "nunique"),
        outlets=("outlet", "nunique"), speaker_type=("speaker_type_ar", lambda s: s.mode().iloc[0]),
        origin=("origin", lambda s: s.mode().iloc[0]), labels=("speaker_label", "nunique"),
    ).reset_index()
    return frame.sort_values(["statements", "identity"], ascending=[False, True], ignore_index=True).head(n)


def speakers_by_outlet(statements: pd.DataFrame, identities: list[str]) -> pd.DataFrame:
    """Statements of each of ``identities`` (rows) in each outlet (columns, Arabic names)."""
    frame = statements[statements.identity.isin(identities)]
    table = frame.pivot_table(index="identity", columns="outlet_name_ar", values="quote_id", aggfunc="size", fill_value=0)
    labels = frame.drop_duplicates("identity").set_index("identity").identity_label
    table = table.reindex(identities).fillna(0).astype(int)
    table.index = [labels[i] for i in table.index]
    return table[table.sum().sort_values(ascending=False).index]


def type_shares(statements: pd.DataFrame, by: str = "speaker_type_ar") -> pd.DataFrame:
    """Share of each outlet's statements by speaker type (or origin with ``by="origin"``), and the
    outlet's number of articles with statements."""
    table = pd.crosstab(statements.outlet_name_ar, statements[by], normalize="index")
    types = load_speaker_types()
    order = [types.labels[t] for t in types.order] + [UNKNOWN_LABEL] if by == "speaker_type_ar" else [*ORIGINS]
    table = table[[c for c in order if c in table.columns]]
    table["articles"] = statements.groupby("outlet_name_ar").doc_id.nunique()
    return table.sort_values("articles", ascending=False)


def _per_article(statements: pd.DataFrame, tables: CorpusTables, columns: dict) -> pd.DataFrame:
    """Per-article sums of statement columns, every article of the corpus included (zeros too)."""
    sums = statements.assign(**columns).groupby("doc_id")[list(columns)].sum()
    frame = tables.articles[["doc_id", "outlet", "outlet_name_ar", "n_words"]].set_index("doc_id").join(sums).fillna(0)
    return frame.reset_index()


def national_share(statements: pd.DataFrame, tables: CorpusTables) -> pd.DataFrame:
    """Per outlet: share of statements by a Saudi or Gulf voice among those of known origin, with a
    bootstrap interval by article and the number of articles behind it."""
    known = statements[statements.origin.isin([o for o in ORIGINS if o != "unknown"])]
    frame = _per_article(known, tables, {"national": known.origin.isin(NATIONAL).astype(int), "known": 1})
    frame = frame[frame.known > 0]
    result = bootstrap_by_article(frame, "outlet", "national", "known")
    result["articles_total"] = result.outlet.map(tables.articles.outlet.value_counts())
    return _named(result, tables)


def quoted_share(statements: pd.DataFrame, tables: CorpusTables) -> pd.DataFrame:
    """Per outlet: the share of all words that are a speaker's own words (inside quote marks) and
    that are the journalist's paraphrase of a speaker, each with a bootstrap interval by article."""
    frame = _per_article(statements, tables, {"quoted_words": statements.quoted_words, "reported_words": statements.reported_words})
    quoted = bootstrap_by_article(frame, "outlet", "quoted_words", "n_words")
    reported = bootstrap_by_article(frame, "outlet", "reported_words", "n_words")
    result = quoted.merge(reported.drop(columns="articles"), on="outlet", suffixes=("_quoted", "_reported"))
    return _named(result, tables)


def _named(frame: pd.DataFrame, tables: CorpusTables) -> pd.DataFrame:
    names = tables.articles.drop_duplicates("outlet").set_index("outlet").outlet_name_ar
    frame.insert(1, "outlet_name_ar", frame.outlet.map(names))
    return frame.sort_values("articles", ascending=False, ignore_index=True)


def headline_speakers(statements: pd.DataFrame, n: int = 15) -> pd.DataFrame:
    """Who speaks in headlines: statements in the headline per identity, with type, origin and outlets."""
    head = statements[statements.in_headline & (statements.identity != "unknown")]
    frame = head.groupby("identity").agg(
        speaker=("identity_label", "first"), headlines=("doc_id", "nunique"), speaker_type=("speaker_type_ar", "first"),
        origin=("origin", "first"), outlets=("outlet_name_ar", lambda s: "، ".join(sorted(set(s)))),
    ).reset_index()
    return frame.sort_values(["headlines", "identity"], ascending=[False, True], ignore_index=True).head(n)


def statements_in_context(statements: pd.DataFrame, tables: CorpusTables, width: int = 120) -> pd.DataFrame:
    """Each statement with the text just before and after it in its article, for reading right to left."""
    rows = []
    for doc_id, group in statements.groupby("doc_id", sort=False):
        text = tables.text(doc_id)
        for row in group.itertuples():
            rows.append({"before": text[max(0, row.start - width) : row.start].split("\n")[-1],
                         "after": text[row.end : row.end + width].split("\n")[0]})
    context = pd.DataFrame(rows, index=[i for _, g in statements.groupby("doc_id", sort=False) for i in g.index])
    return statements.join(context)
