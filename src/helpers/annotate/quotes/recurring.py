"""Step 4c: a name the article uses alone ends a mention that ran past it.

An article names its speakers again and again. A subject that ran on into the words after it
(لاجارد | دائني اليونان، مميش | الجدوى الاقتصادية، هاميلتون | متصدر الترتيب العام) is the only
mention in the article with those words, while the name it should have ended at is, alone,
another statement's speaker. So when a mention's words up to a name are word for word another
mention of the article, and none of the words after that name is in any other mention, the
mention ends at the name. The name must be a name (not a common noun: دبلوماسي | غربي، المصدر |
المسؤول، مسؤول | ثان keep their adjective, which other mentions lack too).

:func:`mention_cuts` reads a first extraction's statements; the extraction is then run again
with the cuts (only for the articles that have one).
"""
from __future__ import annotations

from .document import _Doc
from .records import Statement


def _mention_words(doc: _Doc, statement: Statement) -> list[int]:
    """Token indices of the words of a statement's speaker mention."""
    return [k for k in doc._token_range(statement.speaker_start, statement.speaker_end) if doc.tokens[k].kind == "word"]


def mention_cuts(doc: _Doc, statements: list[Statement]) -> dict[int, int]:
    """First word of a mention -> the token it should end before, for the mentions that ran past
    a name the article uses alone elsewhere (module docstring)."""
    mentions: dict[int, tuple[str, ...]] = {}  # first word -> the mention's words, one per place
    words_at: dict[int, list[int]] = {}
    for statement in statements:
        if statement.speaker_source not in ("explicit", "participle", "coordinated") or statement.speaker_start is None:
            continue
        words = _mention_words(doc, statement)
        if words:
            words_at[words[0]] = words
            mentions[words[0]] = tuple(doc.tokens[k].norm for k in words)
    later_words = {w for other in mentions.values() for w in other[1:]}  # مميش of الفريق مهاب مميش
    cuts = {}
    for first, norms in mentions.items():
        others = {other for at, other in mentions.items() if at != first and other != norms}
        other_words = {w for other in others for w in other}
        for k in range(len(norms) - 1, 0, -1):
            name = doc.tokens[words_at[first][k - 1]]
            if (norms[:k] in others and doc.is_name(name) and (k > 1 or name.norm in later_words)
                    and other_words.isdisjoint(norms[k:])):
                cuts[first] = words_at[first][k]
                break
    return cuts
