"""Chinese words with jieba, in code points of the canonical text."""

from __future__ import annotations

from annotator.core import words


def test_words_cover_the_text_in_code_points_and_fold_scripts():
    text = "上海合作組織成員國在青島舉行會議。𠮷野家 SCO-RATS"
    pieces = words.segment(text)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert pieces[0] == (0, 2) and [text[s:e] for s, e in pieces][:3] == ["上海", "合作", "組織"]
    assert (text.index("青島"), text.index("青島") + 2) in pieces  # traditional, as 青岛


def test_word_at_and_snap_segment_only_the_stretch_around():
    text = "甲乙。" * 1000 + "中国公安部国际合作局局长廖进荣表示"
    base = len(text) - len("中国公安部国际合作局局长廖进荣表示")
    assert words.word_at(text, base + 13) == (base + 12, base + 15)  # 廖进荣
    assert words.snap(text, base + 6, base + 8) == (base + 5, base + 9)  # 际合 → 国际合作
    assert words.snap(text, 5, 5) == (5, 5)
    assert words.word_at(text, len(text)) == (len(text), len(text))
    assert words.word_at(text, 2) == (2, 3)  # punctuation is a word of its own


def test_words_in_skips_whitespace():
    assert [w for _s, _e, w in words.words_in("打击 恐怖主义\n")] == ["打击", "恐怖主义"]


def test_words_are_jiebas_own_cut_of_the_whole_text(seed_paths):
    """Asking jieba run by run (cached) gives what one cut of the whole text gives."""
    from annotator.core.search import searchable

    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        for hmm in (True, False):
            pos, whole = 0, []
            for word in words.tokenizer().cut(searchable(text), HMM=hmm):
                whole.append((pos, pos + len(word)))
                pos += len(word)
            assert words.segment(text, hmm=hmm) == whole, path.name
