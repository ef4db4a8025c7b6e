"""A long document opens with its first screens' spans and paints before the rest are
read; the rest come while the window is idle, and then the span table, the counts and
the document's row hold every span. An edit meanwhile is kept, and undone as any other."""

from __future__ import annotations

from collections import Counter

import pytest

pytest.importorskip("PySide6")

from annotator.core.annotation import Annotation, new_id  # noqa: E402
from annotator.core.document import Document, document_id, text_sha256  # noqa: E402

LINE = "上海合作组织成员国在北京举行会议，各方讨论了安全合作。\n"
TAGS = ["actor.igo", "actor.state", "event.meeting"]


def long_document(win) -> tuple[Document, list[Annotation]]:
    text = LINE * 1500  # 40,500 characters, 1,500 paragraphs
    doc = Document(document_id(text), "long", text, text_sha256(text))
    win.store.add_documents([doc])
    spans = [Annotation(new_id(), doc.id, k * len(LINE) + i, k * len(LINE) + i + 2,
                        TAGS[(k + i) % 3], "lin") for k in range(1500) for i in (0, 9, 12)]
    win.store.insert_annotations(spans)
    win.refresh_documents()
    return doc, spans


def test_the_first_screens_paint_first_and_the_table_fills_when_all_are_read(
        qtbot, seed_window):
    win = seed_window
    doc, spans = long_document(win)
    win.open_document(doc.id)
    index = win.editor.index
    assert not index.complete and win.panel.model.rowCount() == 0
    counts = win.tag_palette.items["actor.igo"]
    assert counts.text(2) == "…"  # not counted yet (not 0)
    first = win.reader.index.in_paragraph(0, win.reader.keep)  # read with the first screens
    assert [a.start for a in first] == [0, 9, 12]
    qtbot.waitUntil(lambda: index.complete, timeout=20_000)
    qtbot.wait(10)
    assert win.panel.model.rowCount() == len(spans)
    assert win.tag_counts == Counter(a.tag for a in spans)
    assert counts.text(2) == str(win.tag_counts["actor.igo"])
    assert win.doc_list.model.summary(doc.id).annotations == len(spans)


def test_an_edit_before_every_span_is_read_is_kept_and_undone(qtbot, seed_window):
    win = seed_window
    doc, spans = long_document(win)
    win.open_document(doc.id)
    win.reader.select_range(3, 5)
    win.apply_tag("actor.state")
    added = win.editor.selected
    assert added is not None and not win.editor.index.complete
    assert win.tag_palette.items["actor.state"].text(2) == "…"
    qtbot.waitUntil(lambda: win.editor.index.complete, timeout=20_000)
    qtbot.wait(10)
    assert win.panel.model.rowCount() == len(spans) + 1
    assert win.editor.index.get(added.id) == added
    assert len(win.store.annotations(doc.id)) == len(win.editor.index) == len(spans) + 1
    win.undo()
    assert win.editor.index.get(added.id) is None and win.panel.model.rowCount() == len(spans)
    assert win.tag_counts == Counter(a.tag for a in spans)


def test_a_search_hit_far_down_opens_with_the_spans_around_it(qtbot, seed_window):
    win = seed_window
    doc, spans = long_document(win)
    hit = 1400 * len(LINE) + 9
    win.jump_to(doc.id, hit, hit + 2)
    index = win.editor.index
    assert not index.complete  # read around the hit, not from the top
    number = index.paragraph_of(hit)
    assert [a.start for a in index.in_paragraph(number)] == [hit - 9, hit, hit + 3]
    assert not index.complete and win.reader.selection() == (hit, hit + 2)
    qtbot.waitUntil(lambda: index.complete, timeout=20_000)
    assert list(index) == win.store.annotations(doc.id) and len(index) == len(spans)


def test_a_lost_connection_while_reading_slows_the_reading_and_it_goes_on_after(
        qtbot, seed_window, monkeypatch):
    """A team project's server gone while the rest is read: the loader does not spin
    (a read a turn of the event loop, each raising) but tries again at the reconnect pace,
    and reads on when the server is back."""
    from annotator.core.errors import ConnectionLost

    win = seed_window
    doc, spans = long_document(win)
    win.open_document(doc.id)
    index = win.editor.index
    assert not index.complete

    def lost(*_):
        raise ConnectionLost("server gone")

    with monkeypatch.context() as m:
        m.setattr(win.store, "annotations_after", lost)
        with pytest.raises(ConnectionLost):  # the window's error hook says so (the banner)
            win.span_loader._step()
        assert win.span_loader.timer.interval() >= 1000 and not index.complete
    win.span_loader.timer.setInterval(1)  # (the test does not wait the pace out)
    qtbot.waitUntil(lambda: index.complete, timeout=20_000)
    assert len(index) == len(spans) and win.span_loader.timer.interval() == 0


def test_a_colleagues_span_read_over_the_first_screens_is_painted(qtbot, seed_window,
                                                                  monkeypatch):
    """A span stored (by a colleague) after the first screens were read and painted, read
    with a later part: those screens are painted again (the window's reload finds it held,
    so no change repaints it)."""
    win = seed_window
    doc, spans = long_document(win)
    win.open_document(doc.id)
    index = win.editor.index
    late = Annotation(new_id(), doc.id, 3, 5, "actor.state", "lin")
    win.store.insert_annotations([late])  # as a colleague's commit, not yet heard of
    painted: list[tuple[int, int]] = []
    real = win.reader.repaint_range
    monkeypatch.setattr(win.reader, "repaint_range",
                        lambda s, e: (painted.append((s, e)), real(s, e)))
    qtbot.waitUntil(lambda: index.complete, timeout=20_000)
    assert late.id in {a.id for a in win.reader.index.in_paragraph(0)}
    assert any(s <= late.start < e for s, e in painted)
