"""The language of a corpus from its tokens table: keyness of each outlet against the rest of the
corpus and against general Arabic, and a term's concordance (KWIC) and collocates (tables only).

Words are counted in :mod:`helpers.analysis.discourse`'s clitic-aware base form, so والناتو،
للناتو and الناتو are one word; terms are matched as in :func:`helpers.analysis.discourse.find_term`
(proclitics and the article tolerated on the first word).
"""
from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from .corpus import CorpusTables
from .discourse import (
    REFERENCE_TOKENS, base_form, chi2_p_value, compile_term, log_likelihood, log_ratio,
    contingency_g2, reference_counts, word_matches,
)


#: Shorter base forms are clitics or abbreviations left bare by the base-form reduction (د. → د، وال → ""): not words.
MIN_FORM_LENGTH = 2


def words(tables: CorpusTables) -> pd.DataFrame:
    """The corpus's word tokens (no punctuation or numbers) with their base form and outlet."""
    tokens = tables.layer("tokens")
    frame = tokens[tokens.kind == "word"][["doc_id", "token", "sentence", "para", "start", "end", "surface", "norm", "is_stop"]]
    forms = {norm: base_form(norm) for norm in frame.norm.unique()}
    frame = frame.assign(form=frame.norm.map(forms))
    outlets = tables.articles.set_index("doc_id").outlet
    return frame.assign(outlet=frame.doc_id.map(outlets)).reset_index(drop=True)


def _keyness_rows(target: Counter, total: int, reference: dict, reference_total: float, stops: set, min_count: int) -> pd.DataFrame:
    rows = []
    for form, a in target.items():
        if a < min_count or form in stops or len(form) < MIN_FORM_LENGTH:
            continue
        b = reference.get(form, 0.0)
        g2 = log_likelihood(a, b, total, reference_total)
        ratio = log_ratio(a, b, total, reference_total)
        rows.append({"form": form, "count": a, "per_1000": 1000 * a / total, "ref_per_1000": 1000 * b / reference_total,
                     "g2": g2 if ratio >= 0 else -g2, "p_value": chi2_p_value(g2), "log_ratio": ratio})
    frame = pd.DataFrame(rows, columns=["form", "count", "per_1000", "ref_per_1000", "g2", "p_value", "log_ratio"])
    return frame.sort_values(["g2", "form"], ascending=[False, True], ignore_index=True)


def outlet_keyness(words: pd.DataFrame, outlet: str, against: str = "rest", min_count: int = 5, top: int | None = 20) -> pd.DataFrame:
    """Keywords of one outlet in base forms (stop words left out), by signed G², against the rest
    of the corpus (``against="rest"``) or wordfreq's general Arabic (``"reference"``)."""
    if against not in ("rest", "reference"):
        raise ValueError(f"against must be 'rest' or 'reference', not {against!r}")
    mine = words[words.outlet == outlet]
    if mine.empty:
        raise ValueError(f"no words for outlet {outlet!r}; outlets: {', '.join(sorted(words.outlet.unique()))}")
    stops = set(words.form[words.is_stop])
    if against == "rest":
        rest = words[words.outlet != outlet]
        reference, reference_total = Counter(rest.form), len(rest)
    else:
        reference, reference_total = reference_counts("base"), REFERENCE_TOKENS
    frame = _keyness_rows(Counter(mine.form), len(mine), reference, reference_total, stops, min_count)
    frame.insert(0, "outlet", outlet)
    return frame.head(top) if top else frame


def find(words: pd.DataFrame, term: str) -> pd.DataFrame:
    """Occurrences of ``term`` (one or more words) among the corpus's words: first and last row
    index of each match in ``words`` (words of one match lie in one sentence, in order)."""
    pattern = compile_term(term)
    norms = words.norm.to_numpy()
    unique = pd.unique(norms)
    hits = []
    firsts = {n for n in unique if word_matches(n, pattern[0], True)}
    candidates = np.flatnonzero(np.isin(norms, list(firsts))) if firsts else np.array([], dtype=int)
    sentence, doc = words.sentence.to_numpy(), words.doc_id.to_numpy()
    for i in candidates:
        last = i + len(pattern) - 1
        if last >= len(words) or doc[last] != doc[i] or sentence[last] != sentence[i]:
            continue
        if all(word_matches(norms[i + k], p, False) for k, p in enumerate(pattern[1:], 1)):
            hits.append((i, last))
    return pd.DataFrame(hits, columns=["first", "last"])


def kwic(tables: CorpusTables, words: pd.DataFrame, term: str, context: int = 7) -> pd.DataFrame:
    """Keyword in context across the corpus: outlet, date, and up to ``context`` words each side
    inside the keyword's paragraph (``before`` reads to the right of the keyword in Arabic)."""
    matches = find(words, term)
    dates = tables.articles.set_index("doc_id").date
    rows = []
    texts: dict[str, str] = {}
    for first, last in zip(matches["first"], matches["last"]):
        row, end_row = words.iloc[first], words.iloc[last]
        text = texts.setdefault(row.doc_id, tables.text(row.doc_id))
        lo = max(first - context, 0)
        while lo < first and (words.doc_id.iat[lo] != row.doc_id or words.para.iat[lo] != row.para):
            lo += 1
        hi = min(last + context, len(words) - 1)
        while hi > last and (words.doc_id.iat[hi] != row.doc_id or words.para.iat[hi] != row.para):
            hi -= 1
        rows.append({
            "doc_id": row.doc_id, "outlet": row.outlet, "date": dates[row.doc_id], "para": row.para,
            "start": row.start, "end": end_row.end, "before": text[words.start.iat[lo] : row.start].strip(),
            "keyword": text[row.start : end_row.end], "after": text[end_row.end : words.end.iat[hi]].strip(),
        })
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "date", "para", "start", "end", "before", "keyword", "after"])


def collocations(words: pd.DataFrame, term: str, window: int = 4, min_count: int = 3, top: int | None = 20) -> pd.DataFrame:
    """Base forms within ``window`` words of ``term`` in the same paragraph (stop words left out):
    co-occurrences, corpus frequency, signed G² and PMI, by G²."""
    matches = find(words, term)
    forms, doc, para = words.form.to_numpy(), words.doc_id.to_numpy(), words.para.to_numpy()
    co: Counter = Counter()
    positions = 0
    for first, last in zip(matches["first"], matches["last"]):
        around = [i for i in (*range(first - window, first), *range(last + 1, last + 1 + window))
                  if 0 <= i < len(words) and doc[i] == doc[first] and para[i] == para[first]]
        positions += len(around)
        co.update(forms[i] for i in around)
    corpus = Counter(forms)
    stops = set(words.form[words.is_stop])
    total = len(words)
    rows = [
        {"collocate": f, "count": o, "freq": corpus[f], "g2": contingency_g2(o, positions, corpus[f], total),
         "pmi": float(np.log2(o / (positions * corpus[f] / total)))}
        for f, o in co.items() if o >= min_count and f not in stops and len(f) >= MIN_FORM_LENGTH
    ]
    frame = pd.DataFrame(rows, columns=["collocate", "count", "freq", "g2", "pmi"])
    frame = frame.sort_values(["g2", "collocate"], ascending=[False, True], ignore_index=True)
    frame.insert(0, "node", term)
    return frame.head(top) if top else frame
