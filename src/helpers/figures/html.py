"""Right-to-left HTML for notebooks and the report: Arabic text, tables, KWIC lines and statements."""
from __future__ import annotations

import html

import pandas as pd

from ..annotate.quotes import ANONYMOUS_TAG, KIND_LABELS, extract_quotes


RTL_STYLE = "direction:rtl;text-align:right;font-family:'Noto Naskh Arabic','Amiri','DejaVu Sans',serif;line-height:1.8"


def rtl_html(text: str, tag: str = "div") -> str:
    """Arabic text as an HTML block that reads right to left in JupyterLab and exported HTML."""
    return f'<{tag} dir="rtl" lang="ar" style="{RTL_STYLE}">{html.escape(text)}</{tag}>'


def rtl_table(frame: pd.DataFrame, **to_html) -> str:
    """A DataFrame as an HTML table laid out right to left."""
    table = frame.to_html(index=to_html.pop("index", False), escape=to_html.pop("escape", True), **to_html)
    return f'<div dir="rtl" lang="ar" style="{RTL_STYLE}">{table}</div>'


KWIC_CELL = "padding:2px 6px;white-space:nowrap;"


def kwic_html(frame: pd.DataFrame, max_rows: int | None = None) -> str:
    """A KWIC table as right-to-left HTML: keyword centred, preceding words on its right."""
    rows = []
    for record in frame.head(max_rows).itertuples() if max_rows else frame.itertuples():
        rows.append(
            "<tr>"
            f'<td style="{KWIC_CELL}color:#666">{record.para}</td>'
            f'<td style="{KWIC_CELL}text-align:left">{html.escape(record.before)}</td>'
            f'<td style="{KWIC_CELL}text-align:center;font-weight:bold;color:#0072B2">{html.escape(record.keyword)}</td>'
            f'<td style="{KWIC_CELL}text-align:right">{html.escape(record.after)}</td>'
            f'<td style="{KWIC_CELL}color:#666;direction:ltr">{record.start}–{record.end}</td>'
            "</tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("الفقرة", "السياق السابق", "الكلمة", "السياق اللاحق", "الموضع"))
    return f'<div dir="rtl" lang="ar" style="{RTL_STYLE}"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def statements_html(article) -> str:
    """Every statement as right-to-left HTML: speaker, kind and cue, then the content with the
    words inside quote marks highlighted (``<mark>``)."""
    blocks = []
    for s in extract_quotes(article):
        pieces, cursor = [], s.start
        for a, b in sorted(s.quoted_spans):
            if a < cursor or b > s.end:
                continue
            pieces += [html.escape(article.text[cursor:a]), f"<mark>{html.escape(article.text[a:b])}</mark>"]
            cursor = b
        pieces.append(html.escape(article.text[cursor : s.end]))
        anonymous = f" · {ANONYMOUS_TAG}" if s.anonymous else ""
        head = f"{s.quote_id} · {html.escape(s.speaker_label)}{anonymous} · {KIND_LABELS[s.kind]} · «{html.escape(s.cue)}»"
        blocks.append(f'<p style="margin:0.2em 0"><small style="color:#555">{head}</small><br>{"".join(pieces)}</p>')
    return f'<div dir="rtl" lang="ar" style="{RTL_STYLE}">{"".join(blocks)}</div>'
