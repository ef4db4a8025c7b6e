"""The lexicon recommender: the strings the training layer tagged, found again.

Every tagged string becomes a form (folded: 上海合作組織 and 上海合作组织 are one). Its
score for a tag is how often that string carried that tag in the training layer: the spans
of that form with that tag, over every place the form occurs in the training text (where
the scanner — longest form first, no overlaps, as in :mod:`annotator.core.suggest` — finds
it, tagged or not), plus the places a user rejected it as that tag outside the training
text (a rejection inside it is already an untagged occurrence). A one-character form needs
two tagged spans. Predicting is a scan: each occurrence with the form's best-scoring tag.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.core.search import searchable
from annotator.core.suggest import Scanner, build_pattern, form_of
from annotator.recommend.data import Prediction, Segment

NAME = "lexicon"


@dataclass
class LexiconModel:
    tagged: dict[str, Counter[str]] = field(default_factory=dict)  # form -> tag -> spans
    seen: Counter[str] = field(default_factory=Counter)  # form -> occurrences found
    rejected: dict[str, Counter[str]] = field(default_factory=dict)  # outside the text
    _scanner: Scanner | None = field(default=None, repr=False)
    _best: dict[str, str] = field(default_factory=dict, repr=False)

    name = NAME

    @classmethod
    def train(cls, segments: Iterable[Segment],
              rejections: Iterable[tuple[str, str]] = ()) -> LexiconModel:
        """From training segments and ``(text, tag)`` of rejected suggestions that lie
        outside them."""
        segments = list(segments)
        model = cls()
        for seg in segments:
            text = seg.text
            for s, e, t in seg.spans:
                if f := form_of(text[s:e]):
                    model.tagged.setdefault(f, Counter())[t] += 1
        model.tagged = {f: c for f, c in model.tagged.items()
                        if len(f) > 1 or sum(c.values()) > 1}
        for text, tag in rejections:
            if (f := form_of(text)) in model.tagged:
                model.rejected.setdefault(f, Counter())[tag] += 1
        for seg in segments:
            spans = {(s, e) for s, e, _t in seg.spans}
            for s, e, f in model.scan(seg.text):
                if (s, e) not in spans:
                    model.seen[f] += 1
        for f, tags in model.tagged.items():  # tagged places the scan found or not
            model.seen[f] += sum(tags.values())
        return model

    def scan(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, form)`` of every occurrence of a form in ``text``."""
        if self._scanner is None:
            self._scanner = Scanner(build_pattern(self.tagged))
        return list(self._scanner.scan(searchable(text)))

    def scan_folded(self, folded: str) -> list[tuple[int, int, str]]:
        """``(start, end, best tag)`` of every occurrence in a folded text."""
        if self._scanner is None:
            self._scanner = Scanner(build_pattern(self.tagged))
        if not self._best:
            self._best = {f: b[0] for f in self.tagged if (b := self.best(f))}
        return [(s, e, self._best[f]) for s, e, f in self._scanner.scan(folded)]

    def score(self, form: str, tag: str) -> float:
        tagged = self.tagged.get(form, Counter())[tag]
        if not tagged:
            return 0.0
        extra = self.rejected.get(form, Counter())[tag]
        return min(1.0, tagged / max(1, self.seen[form] + extra))

    def best(self, form: str) -> tuple[str, float] | None:
        """The form's best-scoring tag and its score (ties: the first tag id)."""
        tags = self.tagged.get(form)
        if not tags:
            return None
        tag = max(sorted(tags), key=lambda t: self.score(form, t))
        return tag, self.score(form, tag)

    def predict(self, text: str, offset: int = 0) -> list[Prediction]:
        out = []
        for s, e, f in self.scan(text):
            if found := self.best(f):
                out.append(Prediction(offset + s, offset + e, found[0], found[1], NAME))
        return out

    def __len__(self) -> int:
        return len(self.tagged)

    # --- files ---------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"format": "annotator-lexicon-model", "version": 1,
                "forms": {f: {"tagged": dict(sorted(c.items())), "seen": self.seen[f],
                              "rejected": dict(sorted(self.rejected.get(f, {}).items()))}
                          for f, c in sorted(self.tagged.items())}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LexiconModel:
        if data.get("format") != "annotator-lexicon-model" or data.get("version") != 1:
            raise ValueError("not a lexicon model of this version")
        model = cls()
        for f, entry in data["forms"].items():
            model.tagged[f] = Counter({t: int(n) for t, n in entry["tagged"].items()})
            model.seen[f] = int(entry["seen"])
            if entry.get("rejected"):
                model.rejected[f] = Counter({t: int(n) for t, n in entry["rejected"].items()})
        return model

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
