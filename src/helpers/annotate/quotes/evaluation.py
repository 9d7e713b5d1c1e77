"""Scores of the extractor against gold statements, matched one to one: precision, recall and F1
by kind, quoted-words F1, strict and lenient speaker accuracy, kind accuracy and quoted terms taken
for speech; :func:`evaluate_real` scores the real-news gold (``tests/fixtures/real_news``).

Run ``python -m helpers.annotate.quotes.evaluation dev`` (or ``test3`` …) to print a split's real-news
scores; :mod:`.intervals` gives them with their 95 % intervals.
"""
from __future__ import annotations

import json
import weakref
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from ...paths import ROOT
from ...text.normalize import normalize
from .extract import (
    _spans_text,
)
from .lexicon import (
    QUOTE_CHARS,
)
from .records import (
    COLUMNS,
    KINDS,
)

GOLD_REQUIRED = ("article", "kind", "speakers")
#: Gold records that are not statements: quoted names and terms (scored as terms taken for speech)
#: and datelines (skipped).
NON_STATEMENT_KINDS = ("term", "dateline")
#: Proclitics a predicted mention may keep that the gold leaves out (وقال الوزير → الوزير).
PROCLITICS = "وفلب"


MIN_OVERLAP = 0.5


def read_gold(path: str | Path) -> list[dict]:
    """Gold statements from JSON Lines: one object per line with ``article`` (doc_id), ``kind``,
    ``text`` (or ``start``/``end``), ``quoted`` (list of quoted words), ``cue``, ``speakers``
    (acceptable speaker names) and optionally ``headline`` (true in the title). Records of kind
    ``term`` or ``dateline`` need only ``article`` and ``text``. Raises ValueError naming the file
    and line on a bad record."""
    path = Path(path)
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}: line {number} is not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise ValueError(f"{path}: line {number} is not a JSON object")
        statement = record.get("kind") not in NON_STATEMENT_KINDS
        missing = [k for k in (GOLD_REQUIRED if statement else ("article", "kind")) if k not in record]
        if missing or not ("text" in record or {"start", "end"} <= set(record)):
            raise ValueError(f"{path}: line {number} lacks {', '.join(missing) or 'text (or start and end)'}")
        if record["kind"] not in KINDS + NON_STATEMENT_KINDS:
            known = ", ".join(KINDS + NON_STATEMENT_KINDS)
            raise ValueError(f"{path}: line {number} has kind '{record['kind']}' (expected one of {known})")
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


def _gold_region(record: dict, article) -> tuple[int, int] | None:
    """Where a gold statement's words are looked for first: a body record's after the headline, as
    the headline often repeats the lead's words and the two are two records (GUIDE.md)."""
    headline = article.headline
    if headline is None or record.get("headline", True):
        return None
    return headline.end, len(article.text)


def _gold_spans(record: dict, article, where: str) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    if "start" in record and "end" in record:
        content = (int(record["start"]), int(record["end"]))
    else:
        content = _locate(article, record["text"], _gold_region(record, article))
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


def _clean(text: str) -> str:
    """Normalised, quote marks turned to spaces, whitespace folded: how speaker names are compared."""
    return " ".join("".join(" " if c in QUOTE_CHARS else c for c in normalize(str(text))).split())


def _speaker_ok(pred_row, names: list[str]) -> bool:
    """Lenient: one of the acceptable names occurs somewhere in the predicted speaker label or mention."""
    said = _clean(f"{pred_row['speaker_label']} {pred_row['speaker']}")
    return any(_clean(name) and _clean(name) in said for name in names)


def _speaker_exact(pred_row, names: list[str]) -> bool:
    """Strict: the predicted mention, or else its label, is one of the acceptable names and nothing
    more (a leading proclitic و/ف/ل/ب of the prediction aside)."""
    wanted = {_clean(name) for name in names} - {""}
    for said in (pred_row["speaker"], pred_row["speaker_label"]):
        said = _clean(said if isinstance(said, str) else "")
        if said in wanted or (said[:1] in PROCLITICS and said[1:].lstrip() in wanted):
            return True
    return False


def _matches(gold_items, frame) -> dict[int, int]:
    """Gold index -> predicted row index, one to one, largest overlaps first; a pair needs the two
    contents to overlap by at least half of the shorter one."""
    pairs = []
    rows_by_doc: dict[str, list] = {}
    for p_index, row in enumerate(frame.itertuples(index=False)):
        rows_by_doc.setdefault(row.doc_id, []).append((p_index, row))
    for g_index, (record, (gs, ge), _) in enumerate(gold_items):
        for p_index, row in rows_by_doc.get(record["article"], ()):
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
    return matched


def _term_spans(records: list[dict], by_id: dict, spoken: dict | None = None) -> list[tuple[str, int, int]]:
    """(doc_id, start, end) of each gold quoted term: a term listed n times is its n first quoted
    occurrences (a quote mark or bracket just before it) outside the gold's quoted speech
    ``spoken`` (doc_id -> spans), then inside it, else its n first occurrences."""
    import regex

    spans, seen = [], {}
    for record in records:
        article = by_id[record["article"]]
        norm, index = _normalised_text(article)
        words = normalize(record["text"]).split()
        if not words:
            continue
        pattern = regex.compile(r"\s+".join(regex.escape(w) for w in words))
        found = [(index[m.start()], index[m.end() - 1] + 1) for m in pattern.finditer(norm)]
        if not found:
            raise ValueError(f"gold term not found in article '{article.doc_id}': {record['text'][:60]}")
        marked = [(a, b) for a, b in found if article.text[:a].rstrip()[-1:] in QUOTE_CHARS | {"(", "‘"}]
        in_speech = [(a, b) for a, b in marked if _inside(a - 1, b + 1, (spoken or {}).get(record["article"], ()))]
        key = (record["article"], " ".join(words))
        candidates = [span for span in marked if span not in in_speech] + in_speech or found
        spans.append((record["article"], *candidates[min(seen.get(key, 0), len(candidates) - 1)]))
        seen[key] = seen.get(key, 0) + 1
    return spans


def _inside(a: int, b: int, spans) -> bool:
    return any(qa <= a and b <= qb for qa, qb in spans)


def _spoken(gold_items: list) -> dict[str, list[tuple[int, int]]]:
    """doc_id -> the gold's quoted spans (the speakers' own words)."""
    spoken: dict[str, list[tuple[int, int]]] = {}
    for record, _, spans in gold_items:
        spoken.setdefault(record["article"], []).extend(spans)
    return spoken


def _terms_as_speech(terms: list[tuple[str, int, int]], frame: pd.DataFrame, gold_items: list) -> int:
    """Gold quoted terms lying inside the quoted spans of a predicted direct or mixed statement,
    unless the gold puts them inside a speaker's own quoted words (a name quoted within a quotation
    is part of it: «… يترجمه "حزب الله" مباشرة …»)."""
    quoted: dict[str, list[tuple[int, int]]] = {}
    for row in frame.itertuples(index=False):
        if row.kind in ("direct", "mixed"):
            quoted.setdefault(row.doc_id, []).extend(_parse_spans(row.quoted_spans))
    spoken = _spoken(gold_items)
    return sum(1 for doc, a, b in terms
               if _inside(a, b, quoted.get(doc, ())) and not _inside(a - 1, b + 1, spoken.get(doc, ())))


def evaluate(predicted, gold, articles) -> pd.DataFrame:
    """Precision, recall and F1 of predicted statements against gold statements.

    ``predicted``: a :func:`quote_table` frame (several articles concatenated) or Statements;
    ``gold``: a JSON Lines path or records (see :func:`read_gold`); ``articles``: the annotated
    articles (Article objects, or a path for :func:`helpers.text.loading.iter_articles`).
    A prediction matches a gold statement of the same article when their contents overlap by at
    least half of the shorter one, one to one (largest overlaps first: a row stands for one gold
    statement only). Rows (``measure``, ``kind``):

    - ``statements`` per kind and ``all``: a match counts for a kind when both sides have it;
      ``headline``: statements in the headline (gold ``"headline": true``, predicted paragraph 0),
      who speaks in the headline;
    - ``quoted_words``: word tokens inside quote marks of direct and mixed statements;
    - ``reported``: recall of gold mixed, indirect and speech-act statements;
    - ``speaker``: strict accuracy on matched statements, right only when the predicted mention
      (or else its label) is one of the gold's acceptable names and nothing more;
    - ``speaker_lenient``: right when an acceptable name occurs anywhere in the label or mention;
    - ``kind`` accuracy on matched statements;
    - ``terms_as_speech``: gold quoted terms (kind ``term``) inside a predicted statement's quoted
      words (not counting those the gold puts inside a speaker's quoted words), ``count`` and
      ``per_10_articles`` (the number is in ``value``).

    ``value`` repeats each row's headline number (F1, recall or accuracy, or the count).
    Gold records of kind ``dateline`` are skipped.
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
        if record["kind"] in KINDS:
            content, quoted = _gold_spans(record, by_id[record["article"]], f"{where}: record {n}")
            gold_items.append((record, content, quoted))
    matched = _matches(gold_items, frame)
    rows = []
    pred_kinds = list(frame["kind"])

    def add(measure, kind, tp, n_pred, n_gold, accuracy=float("nan")):
        p, r, f = _prf(tp, n_pred, n_gold)
        rows.append({"measure": measure, "kind": kind, "precision": p, "recall": r, "f1": f, "accuracy": accuracy,
                     "n_predicted": n_pred, "n_gold": n_gold, "n_matched": tp, "value": f})

    add("statements", "all", len(matched), len(frame), len(gold_items))
    for kind in KINDS:
        tp = sum(1 for g, p in matched.items() if gold_items[g][0]["kind"] == kind and pred_kinds[p] == kind)
        add("statements", kind, tp, pred_kinds.count(kind), sum(1 for r, _, _ in gold_items if r["kind"] == kind))
    headline_gold = {g for g, (r, _, _) in enumerate(gold_items) if r.get("headline")}
    headline_pred = {p for p, para in enumerate(frame["para"]) if para == 0}
    tp = sum(1 for g, p in matched.items() if g in headline_gold and p in headline_pred)
    add("statements", "headline", tp, len(headline_pred), len(headline_gold))
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
    rows[-1]["value"] = rows[-1]["recall"]
    records_rows = frame.to_dict("records")
    n = len(matched)
    for measure, right_when in (("speaker", _speaker_exact), ("speaker_lenient", _speaker_ok),
                                ("kind", lambda row, record: row["kind"] == record["kind"])):
        wanted = (lambda record: record["speakers"]) if measure != "kind" else (lambda record: record)
        right = sum(1 for g, p in matched.items() if right_when(records_rows[p], wanted(gold_items[g][0])))
        accuracy = right / n if n else float("nan")
        rows.append({"measure": measure, "kind": "accuracy", "precision": float("nan"), "recall": float("nan"),
                     "f1": float("nan"), "accuracy": accuracy, "n_predicted": len(frame), "n_gold": len(gold_items),
                     "n_matched": right, "value": accuracy})
    terms = _term_spans([r for r in records if r["kind"] == "term"], by_id, _spoken(gold_items))
    as_speech = _terms_as_speech(terms, frame, gold_items)
    n_articles = len({r["article"] for r in records})
    for kind, value in (("count", as_speech), ("per_10_articles", 10 * as_speech / n_articles if n_articles else float("nan"))):
        rows.append({"measure": "terms_as_speech", "kind": kind, "precision": float("nan"), "recall": float("nan"),
                     "f1": float("nan"), "accuracy": float("nan"), "n_predicted": n_articles, "n_gold": len(terms),
                     "n_matched": as_speech, "value": value})
    return pd.DataFrame(rows)


# --- the real-news gold (tests/fixtures/real_news) -------------------------------------------------

REAL_NEWS = ROOT / "tests" / "fixtures" / "real_news"
SPLITS = ("dev", "test", "heldout", "blind", "dev2", "dev3", "test2", "dev4", "dev5", "dev6", "test3", "dev7", "test4", "dev8")
#: Splits kept in a folder of their own name under ``tests/fixtures/real_news`` (all but the first two).
SPLIT_FOLDERS = {split: split for split in SPLITS if split not in ("dev", "test")}


def real_news(split: str, folder: str | Path | None = None) -> tuple[list, list[dict]]:
    """The articles of one split of the real-news gold and their gold records.

    ``folder`` holds ``articles.jsonl`` (corpus lines with ``id``, ``title``, ``content`` … and
    ``split``) and ``gold-*.jsonl``; the held-out, blind and second dev splits live in sub-folders of
    their own (``heldout/``, ``blind/``, ``dev2/``, ``dev3/``, ``test2/``, ``dev4/``, ``dev5/``, ``dev6/``, ``test3/``, ``dev7/``, ``test4/``, ``dev8/``).
    Articles are read by the package's own corpus loader, as a researcher's corpus is: the title is
    the headline, a dateline is set apart."""
    from ...text.corpus_input import LoadLog
    from ...text.loading import iter_articles

    if split not in SPLITS:
        raise ValueError(f"unknown split '{split}' (expected one of {', '.join(SPLITS)})")
    folder = Path(folder) if folder else REAL_NEWS / SPLIT_FOLDERS.get(split, "")
    path = folder / "articles.jsonl"
    if not path.exists():
        raise ValueError(f"{path}: no such file")
    log = LoadLog()  # real text: unbalanced marks are part of what is measured, not news to print
    articles = [a for a in iter_articles(path, on_warning=log.warning) if a.metadata.get("split") == split]
    ids = {a.doc_id for a in articles}
    gold = [r for batch in sorted(folder.glob("gold-*.jsonl")) for r in read_gold(batch) if r["article"] in ids]
    return articles, gold


def evaluate_real(split: str, folder: str | Path | None = None) -> pd.DataFrame:
    """Run the extractor on one split ('dev' or 'test') of the real-news gold and score it (:func:`evaluate`)."""
    articles, gold = real_news(split, folder)
    predicted = pd.concat([predicted_statements(a) for a in articles], ignore_index=True)
    return evaluate(predicted, gold, articles)


def predicted_statements(article) -> pd.DataFrame:
    """What the extractor says of an article, as scored against gold: the statements table plus the
    headline attribution («ناتو»: …, kept out of the table by :func:`headline_attribution`), which
    is an indirect statement in the headline."""
    from .extract import headline_attribution, quote_table

    table = quote_table(article)
    headline = headline_attribution(article)
    if headline is None:
        return table
    row = {**vars(headline), "kind": "indirect", "quoted_spans": _spans_text(headline.quoted_spans)}
    return pd.concat([table, pd.DataFrame([row], columns=COLUMNS)], ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    """Print the real-news scores of a split: ``python -m helpers.annotate.quotes.evaluation dev``."""
    import sys

    argv = sys.argv[1:] if argv is None else argv
    split = argv[0] if argv else "dev"
    if split not in SPLITS or len(argv) > 1:
        print(f"usage: python -m helpers.annotate.quotes.evaluation [{'|'.join(SPLITS)}]", file=sys.stderr)
        return 2
    scores = evaluate_real(split)
    with pd.option_context("display.width", 200, "display.max_columns", 20, "display.precision", 3):
        print(f"real news, {split} split")
        print(scores.to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
