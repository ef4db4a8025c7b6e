"""CoNLL per Chinese word (``export --tokens word``) and concordances ordered by the word
before or after a hit."""

from __future__ import annotations

import pytest

from annotator.core import concordance
from annotator.core.annotation import Annotation
from annotator.formats.conll import ConllStats, conll_lines

TEXT = "中国公安部国际合作局局长廖进荣表示打击恐怖主义。\n上合组织 成员国"


def span(start, end, tag, i="a"):
    return Annotation(i, "d", start, end, tag, "lin")


def test_a_line_per_word_labelled_by_the_span_over_its_first_character():
    stats = ConllStats()
    lines = list(conll_lines(TEXT, [span(12, 15, "actor.person", "p"),
                                    span(19, 23, "threat.terrorism", "t"),
                                    span(25, 29, "actor.igo", "i")],
                             tokens="word", stats=stats))
    assert "廖进荣\tB-actor.person" in lines and "恐怖主义\tB-threat.terrorism" in lines
    assert "表示\tO" in lines and lines.count("") == 2  # two sentences (paragraphs)
    assert "上合\tB-actor.igo" in lines and "组织\tI-actor.igo" in lines  # jieba: 上合/组织
    assert all(not ln or not ln.split("\t")[0].isspace() for ln in lines)  # spaces skipped
    assert "".join(ln.split("\t")[0] for ln in lines if ln) == TEXT.replace("\n", "") \
        .replace(" ", "")
    assert stats.misaligned == 0 and stats.spans == 3


def test_spans_off_word_boundaries_are_counted_and_said():
    stats = ConllStats()
    list(conll_lines(TEXT, [span(2, 5, "actor.agency")], tokens="word", stats=stats))
    assert stats.misaligned == 1
    assert any("do not start and end on word boundaries" in n for n in stats.notes())
    with pytest.raises(ValueError, match="tokens"):
        list(conll_lines(TEXT, [], tokens="syllable"))


def test_concordance_ordered_by_the_word_before_or_after():
    text = "打击恐怖主义。应对恐怖主义。反对 恐怖主义,打击恐怖主义。"
    hits = [concordance.Place("d", s, s + 4) for s in range(len(text))
            if text.startswith("恐怖主义", s)]
    rows = concordance.rows(hits, lambda _d: type("D", (), {"title": "t", "text": text}))
    before = concordance.order(rows, "before", lambda _d: text)
    assert [concordance.neighbour(text, rows[i].start, rows[i].end, "before")
            for i in before] == ["反对", "应对", "打击", "打击"]  # the space skipped
    after = concordance.order(rows, "after", lambda _d: text)
    assert [concordance.neighbour(text, rows[i].start, rows[i].end, "after")
            for i in after] == [",", "。", "。", "。"]
    assert concordance.order(rows, "position", str) == [0, 1, 2, 3]
    with pytest.raises(ValueError):
        concordance.order(rows, "tag", str)
