"""Character-level BIO (CoNLL) export and the spreadsheet CSV."""

from __future__ import annotations

import csv
import io

import pytest

from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import Dataset, DocumentData
from annotator.core.document import Document, text_sha256
from annotator.core.tagset import default_tagset
from annotator.formats.conll import ConllStats, conll_lines, non_overlapping, write_conll
from annotator.formats.csvfmt import COLUMNS, write_csv


def _shared():
    """The seed dataset shared by the format tests."""
    import seedset

    return seedset


def _span(start: int, end: int, tag: str = "actor.igo", sid: str | None = None) -> Annotation:
    return Annotation(sid or f"s{start}-{end}-{tag}", "d", start, end, tag, "li")


def _dataset(text: str, spans: list[Annotation], script: str = "zh-Hans") -> Dataset:
    doc = Document("d", "标题", text, text_sha256(text), script=script)
    return Dataset(default_tagset(), (Annotator("li", "李华"),), (DocumentData(doc, tuple(spans)),))


def _sentences(output: str) -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = [[]]
    for line in output.split("\n"):
        if line:
            char, label = line.split("\t")
            out[-1].append((char, label))
        elif out[-1]:
            out.append([])
    return [s for s in out if s]


def _valid_bio(sentence: list[tuple[str, str]]) -> bool:
    previous = "O"
    for _, label in sentence:
        if label.startswith("I-") and previous[2:] != label[2:]:
            return False
        previous = label
    return True


# --- CoNLL ---------------------------------------------------------------------------------

def test_conll_of_the_seeds_reassembles_the_text_and_drops_overlaps():
    ds = _shared().seed_dataset()
    fp = io.StringIO()
    stats = write_conll(ds, fp)
    sentences = _sentences(fp.getvalue())
    expected = ["".join(c for c in para if not c.isspace())
                for d in ds.documents for para in d.document.text.split("\n")]
    assert ["".join(c for c, _ in s) for s in sentences] == [p for p in expected if p]
    assert all(_valid_bio(s) for s in sentences)
    total = sum(len(d.annotations) for d in ds.documents)
    assert stats.documents == 5 and stats.sentences == len(sentences)
    assert stats.dropped > 0 and stats.spans + stats.dropped == total
    assert stats.spans == sum(label.startswith("B-") for s in sentences for _, label in s)
    assert any(label == "B-mechanism.meeting" for s in sentences for _, label in s)


def test_non_overlapping_keeps_longest_then_earliest():
    spans = [_span(0, 2), _span(1, 5), _span(4, 8), _span(6, 7), _span(8, 9)]
    kept, dropped = non_overlapping(spans)
    assert [(a.start, a.end) for a in kept] == [(1, 5), (6, 7), (8, 9)]  # (1,5) before (4,8)
    assert sorted((a.start, a.end) for a in dropped) == [(0, 2), (4, 8)]


def test_bio_labels_whitespace_paragraphs_and_adjacent_spans():
    text = "上海 合作组织\n\n趙克志公安部"
    spans = [_span(0, 7), _span(9, 12, "actor.person"), _span(12, 15, "actor.agency"),
             _span(5, 7, "actor.state")]
    stats = ConllStats()
    lines = list(conll_lines(text, spans, stats=stats))
    assert lines == ["上\tB-actor.igo", "海\tI-actor.igo", "合\tI-actor.igo", "作\tI-actor.igo",
                     "组\tI-actor.igo", "织\tI-actor.igo", "",
                     "趙\tB-actor.person", "克\tI-actor.person", "志\tI-actor.person",
                     "公\tB-actor.agency", "安\tI-actor.agency", "部\tI-actor.agency", ""]
    assert (stats.spans, stats.dropped, stats.dropped_ids) == (3, 1, ["s5-7-actor.state"])
    same = list(conll_lines("中国俄罗斯", [_span(0, 2, "actor.state"), _span(2, 5, "actor.state")]))
    assert [line[2:3] for line in same if line] == ["B", "I", "B", "I", "I"]


def test_span_across_a_paragraph_break_restarts_with_b():
    lines = list(conll_lines("上海\n合作", [_span(0, 5)], label="group"))
    assert lines == ["上\tB-actor", "海\tI-actor", "", "合\tB-actor", "作\tI-actor", ""]


def test_placeholder_keeps_every_position():
    text = "A 上海\u3000合作 😀𠮷"
    lines = list(conll_lines(text, [_span(2, 7)], placeholder="[SPACE]"))
    chars = [line.split("\t")[0] for line in lines if line]
    assert "".join(" " if c == "[SPACE]" else c for c in chars) == text.replace("\u3000", " ")
    assert lines[4] == "[SPACE]\tI-actor.igo" and lines[1] == "[SPACE]\tO"


def test_whitespace_only_span_is_dropped_and_options_are_checked():
    stats = ConllStats()
    assert list(conll_lines("上 海", [_span(1, 2)], stats=stats)) == ["上\tO", "海\tO", ""]
    assert stats.dropped == 1
    with pytest.raises(ValueError):
        list(conll_lines("x", [], label="colour"))
    with pytest.raises(ValueError):
        list(conll_lines("x", [], placeholder="a b"))


def test_docstart_and_group_labels():
    fp = io.StringIO()
    write_conll(_dataset("上海合作组织", [_span(0, 6)]), fp, label="group", docstart=True)
    assert fp.getvalue().splitlines()[:3] == ["-DOCSTART-\tO", "", "上\tB-actor"]


# --- CSV -----------------------------------------------------------------------------------

def _csv(ds: Dataset) -> tuple[bytes, list[dict]]:
    fp = io.StringIO(newline="")
    rows = write_csv(ds, fp)
    data = fp.getvalue().encode("utf-8")
    parsed = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(parsed) == rows
    return data, parsed


def test_csv_of_the_seeds_opens_in_excel():
    ds = _shared().seed_dataset()
    data, rows = _csv(ds)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == sum(len(d.annotations) for d in ds.documents)
    texts = {d.document.id: d.document.text for d in ds.documents}
    for row in rows:
        assert texts[row["document_id"]][int(row["start"]):int(row["end"])] == row["text"]
        assert row["tag"].split(".")[0] == row["tag_group"]
    igo = next(r for r in rows if r["text"] == "上海合作组织")
    assert (igo["tag_label_en"], igo["tag_label_zh"]) == ("International organisation", "国际组织")
    hant = next(r for r in rows if r["text"] == "趙克志")
    assert hant["tag_label_zh"] == default_tagset().tag("actor.person").label["zh-Hant"]
    assert any(r["note"] == "逗号, \"引号\"\n换行" for r in rows)  # quoted, round trips
    assert {r["annotator_name"] for r in rows} == {"李华", "陳明", "王芳"}


def test_csv_guards_against_formulas():
    span = _span(0, 2)._replace(attributes={"note": "=HYPERLINK(\"x\")", "certainty": "high"})
    _, rows = _csv(_dataset("-上海", [span]))
    assert rows[0]["text"] == "'-上" and rows[0]["note"].startswith("'=")
    assert rows[0]["certainty"] == "high" and rows[0]["normalized"] == ""
