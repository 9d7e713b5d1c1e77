"""Scores of the extractor against gold statements (precision, recall, F1 by kind, quoted words,
speaker and kind accuracy), matched one to one.
"""
from __future__ import annotations

import json
import weakref
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from ...text.normalize import normalize
from .document import (
    COLUMNS,
    KINDS,
)
from .extract import (
    _spans_text,
)
from .lexicon import (
    QUOTE_CHARS,
)

GOLD_REQUIRED = ("article", "kind", "speakers")


MIN_OVERLAP = 0.5


def read_gold(path: str | Path) -> list[dict]:
    """Gold statements from JSON Lines: one object per line with ``article`` (doc_id), ``kind``,
    ``text`` (or ``start``/``end``), ``quoted`` (list of quoted words), ``cue`` and ``speakers``
    (acceptable speaker names). Raises ValueError naming the file and line on a bad record."""
    path = Path(path)
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: line {number} is not valid JSON ({exc.msg})") from None
        missing = [k for k in GOLD_REQUIRED if k not in record]
        if missing or not ("text" in record or {"start", "end"} <= set(record)):
            raise ValueError(f"{path}: line {number} lacks {', '.join(missing) or 'text (or start and end)'}")
        if record["kind"] not in KINDS:
            raise ValueError(f"{path}: line {number} has kind '{record['kind']}' (expected one of {', '.join(KINDS)})")
        records.append(record)
    return records


def _locate(article, needle: str, within: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The span of ``needle`` in the article, compared normalised and whitespace-insensitively."""
    import regex

    norm, index = _normalised_text(article)
    words = normalize(needle).split()
    if not words:
        return None
    pattern = regex.compile(r"\s+".join(regex.escape(w) for w in words))
    lo = 0
    if within is not None:
        lo = next((k for k, offset in enumerate(index) if offset >= within[0]), 0)
    match = pattern.search(norm, lo) or pattern.search(norm)
    if match is None:
        return None
    return index[match.start()], index[match.end() - 1] + 1


_NORMALISED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _normalised_text(article) -> tuple[str, list[int]]:
    from ...text.normalize import normalize_with_offsets

    if article not in _NORMALISED:
        _NORMALISED[article] = normalize_with_offsets(article.text)
    return _NORMALISED[article]


def _gold_spans(record: dict, article, where: str) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    if "start" in record and "end" in record:
        content = (int(record["start"]), int(record["end"]))
    else:
        content = _locate(article, record["text"])
        if content is None:
            raise ValueError(f"{where}: gold text not found in article '{article.doc_id}': {record['text'][:60]}")
    quoted = []
    for words in record.get("quoted") or ():
        span = _locate(article, words, content)
        if span is None:
            raise ValueError(f"{where}: quoted words not found in article '{article.doc_id}': {words[:60]}")
        quoted.append(span)
    return content, quoted


def _as_frame(predicted) -> pd.DataFrame:
    if isinstance(predicted, pd.DataFrame):
        return predicted
    rows = []
    for s in predicted:
        row = asdict(s)
        row["quoted_spans"] = _spans_text(s.quoted_spans)
        rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)


def _parse_spans(value) -> list[tuple[int, int]]:
    if not isinstance(value, str) or not value:
        return []
    return [tuple(int(x) for x in part.split("-")) for part in value.split(";")]


def _word_offsets(article, spans: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the article's word tokens inside any of ``spans``."""
    return {t.start for t in article.tokens if t.kind != "punct" and any(a <= t.start < b for a, b in spans)}


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else float("nan")
    recall = tp / n_gold if n_gold else float("nan")
    f1 = 2 * precision * recall / (precision + recall) if n_pred and n_gold and precision + recall else (0.0 if n_pred and n_gold else float("nan"))
    return precision, recall, f1


def _speaker_ok(pred_row, names: list[str]) -> bool:
    """True when one of the acceptable names occurs in the predicted speaker label or mention."""

    def clean(text: str) -> str:
        return " ".join("".join(" " if c in QUOTE_CHARS else c for c in normalize(str(text))).split())

    said = clean(f"{pred_row['speaker_label']} {pred_row['speaker']}")
    return any(clean(name) and clean(name) in said for name in names)


def evaluate(predicted, gold, articles) -> pd.DataFrame:
    """Precision, recall and F1 of predicted statements against gold statements.

    ``predicted``: a :func:`quote_table` frame (several articles concatenated) or Statements;
    ``gold``: a JSON Lines path or records (see :func:`read_gold`); ``articles``: the annotated
    articles (Article objects, or a path for :func:`helpers.text.loading.iter_articles`).
    A prediction matches a gold statement of the same article when their contents overlap by at
    least half of the shorter one (one-to-one, largest overlaps first). Rows: ``statements`` per
    kind and overall; ``quoted_words`` (word tokens inside quote marks of direct and mixed
    statements); ``reported`` recall (gold mixed, indirect and speech-act statements found);
    ``speaker`` and ``kind`` accuracy on matched statements (a speaker is right when one of the
    gold's acceptable names occurs in the predicted label or mention).
    """
    from ...text.loading import iter_articles

    where = str(gold) if isinstance(gold, (str, Path)) else "gold"
    records = read_gold(gold) if isinstance(gold, (str, Path)) else list(gold)
    if isinstance(articles, (str, Path)):
        articles = list(iter_articles(articles))
    by_id = {a.doc_id: a for a in articles}
    frame = _as_frame(predicted)
    missing = sorted({r["article"] for r in records} - set(by_id))
    if missing:
        raise ValueError(f"{where}: no article given for doc_id(s) {', '.join(missing)}")
    frame = frame[frame["doc_id"].isin({r["article"] for r in records})]
    gold_items = []
    for n, record in enumerate(records, 1):
        content, quoted = _gold_spans(record, by_id[record["article"]], f"{where}: record {n}")
        gold_items.append((record, content, quoted))
    pairs = []
    for g_index, (record, (gs, ge), _) in enumerate(gold_items):
        for p_index, row in enumerate(frame.itertuples(index=False)):
            if row.doc_id != record["article"]:
                continue
            overlap = min(ge, row.end) - max(gs, row.start)
            shorter = min(ge - gs, row.end - row.start)
            if overlap > 0 and overlap >= MIN_OVERLAP * shorter:
                pairs.append((overlap, g_index, p_index))
    matched: dict[int, int] = {}
    used_pred: set[int] = set()
    for overlap, g_index, p_index in sorted(pairs, reverse=True):
        if g_index not in matched and p_index not in used_pred:
            matched[g_index] = p_index
            used_pred.add(p_index)
    rows = []
    pred_kinds = list(frame["kind"])

    def add(measure, kind, tp, n_pred, n_gold, accuracy=float("nan")):
        p, r, f = _prf(tp, n_pred, n_gold)
        rows.append({"measure": measure, "kind": kind, "precision": p, "recall": r, "f1": f, "accuracy": accuracy,
                     "n_predicted": n_pred, "n_gold": n_gold, "n_matched": tp})

    add("statements", "all", len(matched), len(frame), len(gold_items))
    for kind in KINDS:
        tp = sum(1 for g, p in matched.items() if gold_items[g][0]["kind"] == kind and pred_kinds[p] == kind)
        add("statements", kind, tp, pred_kinds.count(kind), sum(1 for r, _, _ in gold_items if r["kind"] == kind))
    pred_words: set[tuple[str, int]] = set()
    gold_words: set[tuple[str, int]] = set()
    for row in frame.itertuples(index=False):
        if row.kind in ("direct", "mixed"):
            pred_words |= {(row.doc_id, o) for o in _word_offsets(by_id[row.doc_id], _parse_spans(row.quoted_spans))}
    for record, _, quoted in gold_items:
        if record["kind"] in ("direct", "mixed"):
            gold_words |= {(record["article"], o) for o in _word_offsets(by_id[record["article"]], quoted)}
    add("quoted_words", "direct+mixed", len(pred_words & gold_words), len(pred_words), len(gold_words))
    reported = [g for g, (r, _, _) in enumerate(gold_items) if r["kind"] != "direct"]
    found = sum(1 for g in reported if g in matched)
    add("reported", "mixed+indirect+speech_act", found, sum(1 for k in pred_kinds if k != "direct"), len(reported))
    rows[-1]["precision"] = rows[-1]["f1"] = float("nan")  # recall only: matches may differ in kind
    records_rows = frame.to_dict("records")
    speaker_right = sum(1 for g, p in matched.items() if _speaker_ok(records_rows[p], gold_items[g][0]["speakers"]))
    kind_right = sum(1 for g, p in matched.items() if pred_kinds[p] == gold_items[g][0]["kind"])
    n = len(matched)
    for measure, right in (("speaker", speaker_right), ("kind", kind_right)):
        rows.append({"measure": measure, "kind": "accuracy", "precision": float("nan"), "recall": float("nan"),
                     "f1": float("nan"), "accuracy": right / n if n else float("nan"),
                     "n_predicted": len(frame), "n_gold": len(gold_items), "n_matched": right})
    return pd.DataFrame(rows)
