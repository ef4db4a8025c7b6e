"""Colleagues' notifications that arrive while the window is busy are handled in one pass."""

from annotator.qt import team


def test_notifications_arriving_together_are_handled_once(qtbot, seed_window, monkeypatch):
    window = seed_window
    calls: list[list] = []
    monkeypatch.setattr(team, "colleagues_committed", lambda w, events: calls.append(events))
    team._queue(window, ["a"])
    team._queue(window, ["b", "c"])  # before the event loop gets to the first
    assert calls == []
    qtbot.waitUntil(lambda: bool(calls))
    qtbot.wait(20)
    assert calls == [["a", "b", "c"]]
    team._queue(window, ["d"])  # later ones start a new pass
    qtbot.waitUntil(lambda: len(calls) == 2)
    assert calls[1] == ["d"]
