"""The sequence labeller's features, computed over whole texts with numpy, against the
plain way: one character, one word at a time."""

from __future__ import annotations

import numpy as np
import pytest

from annotator.core import words
from annotator.core.search import searchable
from annotator.recommend import features

TEXTS = [
    "上海合作组织成员国安全会议秘书第十四次会议在杜尚别举行。",
    "國際組織 SCO-2019 與 3.5% 的「反恐」合作；\n\n第二段𠮷𠮷，結束",
    "薴苧苎 (a rare chain: 薴 folds to 苧, which folds again)",
    "  ,,  ",
    "x",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("hmm", [False, True])
def test_words_are_jiebas_with_their_digests(text, hmm):
    folded = searchable(text)
    bounds, digests = features._words(folded, hmm)
    got = sorted(zip(bounds[:, 0].tolist(), bounds[:, 1].tolist(), digests.tolist(),
                     strict=True))
    want = [(s, e, features._digest(folded[s:e])) for s, e in words.segment(folded, hmm)]
    assert got == want


@pytest.mark.parametrize("text", TEXTS)
def test_word_keys_give_each_character_its_place_in_its_word(text):
    folded = searchable(text)
    shape, ident = features._word_keys(folded, False)
    for s, e in words.segment(folded, hmm=False):
        for i in range(s, e):
            place = 3 if e - s == 1 else 0 if i == s else 2 if i == e - 1 else 1
            assert shape[i] == place << 3 | min(e - s, 4)
            assert ident[i] == features._digest(folded[s:e]) << 2 | place


def test_classes_are_those_of_each_character():
    text = "中文 abc 123，。!?𠮷\t\u00e9٣"
    cp = features.codepoints(text)
    assert features._classes(cp).tolist() == [features._class_of(ch) for ch in text]
    assert features._classes(cp[:0]).tolist() == []


def test_features_have_one_key_per_template_and_character():
    keys = features.features(TEXTS[1])
    assert keys.shape == (len(TEXTS[1]), features.WIDTH)
    assert ((keys >> 56) == np.arange(features.WIDTH)).all()
    assert features.features("").shape == (0, features.WIDTH)


def test_emissions_are_the_sums_of_each_characters_attribute_weights():
    """Attributes with weights for many labels (kept as rows) and for few (as pairs),
    characters with none: each character's scores are the weights of its keys added."""
    from annotator.recommend.weights import Weights

    text = TEXTS[1] + TEXTS[0]
    keys = features.features(text)
    rng = np.random.default_rng(3)
    labels = 5
    weights: dict[int, dict[int, float]] = {}
    for key in rng.choice(np.unique(keys), 60, replace=False).tolist():
        chosen = rng.choice(labels, rng.integers(1, labels + 1), replace=False)
        weights[key] = {int(y): float(rng.normal()) for y in chosen}
    built = Weights.build(((k, y, w) for k, ws in weights.items() for y, w in ws.items()),
                          labels)
    want = np.zeros((len(text), labels))
    for i, row in enumerate(keys.tolist()):
        for key in row:
            for y, w in weights.get(key, {}).items():
                want[i, y] += w
    assert np.allclose(built.emissions(keys), want, atol=1e-5)
