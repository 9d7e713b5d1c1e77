"""Step 4b: mentions resolved to speakers (same title or name → same speaker), anonymity, and
the speaker a dropped subject (وأضاف) continues.
"""
from __future__ import annotations

from .document import (
    MENTION_STOPS,
    _base,
    _Doc,
    _keys,
)
from .lexicon import (
    QUOTE_CHARS,
    RELATIVE_PRONOUNS,
)
from .mentions import (
    mention_span,
)
from .records import (
    Speaker,
)

#: str.translate's table that drops quote marks from a label.
_WITHOUT_QUOTE_MARKS = str.maketrans("", "", "".join(sorted(QUOTE_CHARS)))
#: How many words before a person's name may hold the title an honorific pronoun stands for.
HONORIFIC_TITLE_WINDOW = 4


class _Speakers:
    """Resolve mentions to speakers: same title or name → same speaker; dropped subjects continue."""

    def __init__(self, doc: _Doc):
        self.doc = doc
        self.all: list[Speaker] = []
        self.recent: list[Speaker] = []  # most recent last

    def _core(self, i: int, j: int) -> list[tuple[object, bool]]:
        """Mention words before a relative clause (الذي رفض …), each with whether it is in brackets."""
        out, depth = [], 0
        for k in range(i, j):
            token = self.doc.tokens[k]
            if token.norm in RELATIVE_PRONOUNS:
                break
            depth += token.norm == "("
            depth -= token.norm == ")" and depth > 0
            if token.kind == "word" and not token.is_stop:
                out.append((token, depth > 0))
        return out

    def _anonymous(self, i: int, j: int, core: list) -> bool:
        words = [t.norm for t in self.doc.tokens[i:j] if t.kind == "word"]
        present = set(words)
        markers = () if self.doc.lex.anonymity_words.isdisjoint(present) else self.doc.lex.anonymity_word_forms
        for marker in markers:
            if any(forms.isdisjoint(present) for forms in marker):
                continue  # a word of the marker is missing
            size = len(marker)
            if any(all(w in forms for w, forms in zip(words[s : s + size], marker)) for s in range(len(words) - size + 1)):
                return True
        head = _base(core[0]) if core else ""
        if core and core[0].start in self.doc.accusative_heads:
            head = head[:-1]  # لكن مسؤولا | تركيا نفى: the head without its accusative alif
        return head in self.doc.lex.anonymous_heads

    def label(self, i: int, j: int) -> str:
        """Readable mention text: no relative or descriptive clause (الذي، وهو), no quote marks or
        trailing punctuation."""
        k = i
        while k < j and self.doc.tokens[k].norm not in MENTION_STOPS:
            k += 1
        if k == i:
            return ""
        first = self.doc.tokens[i]
        text = self.doc.text[first.start : self.doc.tokens[k - 1].end]
        if first.kind == "word" and first.proclitics == "ل" and self._governing_lam(i):
            # a source phrase's ل is not part of the name: وفقا لمسؤولين → مسؤولين, and before the
            # article it took the article's alif: وفقا للمصادر → المصادر; a name's own ل stays (لاجارد)
            text = "ال" + text[2:] if first.has_article and first.norm.startswith("لل") else text[1:]
        return text.translate(_WITHOUT_QUOTE_MARKS).strip(" ،,.:")

    def _governing_lam(self, i: int) -> bool:
        """Is the ل of token i a preposition (وفقا لمسؤولين، لأمريكا), not a name's first letter
        (لاجارد، لايسي: a name the finder knows whole, or a rare word after no source phrase)?"""
        doc, token = self.doc, self.doc.tokens[i]
        before = doc.tokens[i - 1].norm if i > 0 else ""
        if before in doc.lex.source_openers or before[1:] in doc.lex.source_openers:
            return True
        return doc.entity_offset.get(i, token.start + 1) > token.start and not doc.is_name(token)

    def mention(self, i: int, j: int, gender: str, number: str) -> Speaker:
        """The speaker an explicit mention (tokens [i, j)) refers to, created if new."""
        # extend over a following relative clause for anonymity markers (المسؤول الذي رفض …)
        core = self._core(i, j)
        words = [t for t, _ in core]
        keys = [_keys(t) for t in words]
        bases = set().union(*keys) if keys else set()
        head = keys[0] if keys else set()
        definite = bool(words) and (words[0].has_article or (len(words) > 1 and words[1].has_article) or not self.doc.is_head(words[0]))
        # names outside brackets: (ناتو) after a title names the organisation, not the person
        name_keys = [_keys(t) for t, bracketed in core if not bracketed and self.doc.is_name(t)]
        names = set().union(*name_keys) if name_keys else set()
        label = self.label(i, j)
        # a state or organisation (الكويت) is not the person whose title names it (أمير الكويت)
        actor = bool(words) and any(self.doc.tokens[k] is words[0] and self.doc.entity_type.get(k) in ("GPE", "ORG") for k in range(i, j))
        found = None
        named_head = bool(words) and not self.doc.is_head(words[0]) and not actor  # a name, not a title, heads the mention
        names_only = bool(name_keys) and len(name_keys) == len(keys)
        for speaker in reversed(self.recent):
            covered = bool(keys) and all(not k.isdisjoint(speaker.bases) for k in keys)
            if covered and (definite or label in speaker.labels) and (  # every word known, and the same head
                not head.isdisjoint(speaker.heads) or not head.isdisjoint(speaker.names) or named_head and not head.isdisjoint(speaker.bases)
            ):
                found = speaker
                break
            if names_only and all(not k.isdisjoint(speaker.names) for k in name_keys) or (
                speaker.bases and speaker.bases == speaker.names and speaker.names <= names
            ):
                found = speaker
                break
        if found is None:
            found = Speaker(key=len(self.all))
            self.all.append(found)
        found.mentions.append(mention_span(self.doc, i, j))
        found.bases |= bases
        found.heads |= head
        found.names |= names
        found.labels.append(label)
        found.anonymous = found.anonymous or self._anonymous(i, j, words)
        found.gender = found.gender or gender
        found.number = found.number or number
        return found

    def honoured(self, pronoun: str, before: int, gender: str, number: str) -> Speaker | None:
        """The person an honorific pronoun stands for (وأكد سموه): whichever came last of the last
        speaker whose mention a title of its ``honorific_titles`` heads and the last person the article
        named with one of them before token ``before`` (استقبل الأمير فيصل بن خالد …); None when neither
        is found."""
        titles = self.doc.lex.honorific_titles.get(pronoun)
        if not titles:
            return None
        spoken = next((s for s in reversed(self.recent) if not titles.isdisjoint(s.heads)), None)  # not نائب in ولي العهد نائب …
        named = self._titled_person(titles, before)
        if named is not None and (spoken is None or self.doc.tokens[named[0]].start >= spoken.mentions[-1][1]):
            return self.mention(*named, gender, number)
        return spoken

    def _titled_person(self, titles: frozenset[str], before: int) -> tuple[int, int] | None:
        """Tokens of the last person named before token ``before`` with one of ``titles`` among the
        few words before the name (صاحب السمو الملكي الأمير | فيصل بن خالد)."""
        doc = self.doc
        people = sorted((k for k, kind in doc.entity_type.items() if kind == "PERSON" and k < before), reverse=True)
        for k in people:
            for m in range(k - 1, max(k - 1 - HONORIFIC_TITLE_WINDOW, -1), -1):
                if doc.tokens[m].kind != "word":
                    break
                if _base(doc.tokens[m]) in titles:
                    return m, doc.entity_end[k]
        return None

    def continuing(self, gender: str, number: str) -> Speaker | None:
        """The last speaker compatible with the verb's gender and number (وأضافت → a woman)."""
        for speaker in reversed(self.recent):
            if (not gender or not speaker.gender or speaker.gender == gender) and (
                number != "pl" or speaker.number in {"", "pl"}
            ):
                return speaker
        return self.recent[-1] if self.recent else None

    def spoke(self, speaker: Speaker) -> None:
        if speaker in self.recent:
            self.recent.remove(speaker)
        self.recent.append(speaker)
