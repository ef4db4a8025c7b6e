"""TrackedText: edits compose exactly, and the log restores the original."""

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.ingest.tracked import Edit, TrackedText, restore

ALPHABET = st.sampled_from(list("ab\n 中國𠮷😀\r"))


@st.composite
def edit_rounds(draw):
    text = draw(st.text(ALPHABET, max_size=30))
    rounds = draw(st.lists(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 5),
                                              st.text(ALPHABET, max_size=3)), max_size=5),
                           max_size=4))
    return text, rounds


def _disjoint(length, raw):
    """Turn random (start, len, replacement) triples into valid non-overlapping edits."""
    edits, taken = [], -1
    for start, size, repl in sorted(raw):
        start = min(start, length)
        end = min(start + size, length)
        if start <= taken:
            continue
        edits.append(Edit(start, end, repl, "r"))
        taken = end if end > start else start
    return edits


def _naive(text, edits):
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:e.start] + e.replacement + text[e.end:]
    return text


@given(edit_rounds())
@settings(max_examples=300)
def test_edits_compose_and_restore(case):
    original, rounds = case
    tracked = TrackedText(original)
    expected = original
    for i, raw in enumerate(rounds):
        edits = _disjoint(len(expected), raw)
        expected = _naive(expected, edits)
        tracked.apply(f"rule{i}", edits)
        assert tracked.text == expected
    assert restore(tracked.text, tracked.log()) == original


def test_log_names_rule_reason_and_both_offsets():
    tracked = TrackedText("ab\r\ncd x(zhí)y")
    tracked.apply("line-endings", [Edit(2, 4, "\n", "crlf")])
    start = tracked.text.index("(")
    tracked.apply("pinyin", [Edit(start, start + 5, "", "pinyin")])
    assert tracked.text == "ab\ncd xy"
    crlf, pinyin = tracked.log()
    assert (crlf.rule, crlf.removed, crlf.inserted, crlf.orig_start, crlf.at) == (
        "line-endings", "\r\n", "\n", 2, 2)
    assert (pinyin.rule, pinyin.removed, pinyin.orig_start, pinyin.orig_end, pinyin.at) == (
        "pinyin", "(zhí)", 8, 13, 7)


def test_overlapping_edits_are_refused():
    tracked = TrackedText("abcdef")
    try:
        tracked.apply("r", [Edit(0, 3, "", "x"), Edit(2, 4, "", "y")])
    except ValueError:
        return
    raise AssertionError("overlap accepted")
