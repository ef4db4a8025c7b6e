"""Suggestions while annotating: the lexicon follows the edits, the open document's
suggestions come paragraph by paragraph, accepting and rejecting are undoable commands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seedproject import create_without_gold as create_project

from annotator.core import suggester
from annotator.core.annotation import Annotator
from annotator.core.commands import Change
from annotator.core.editor import Editor
from annotator.core.search import find_all, searchable
from annotator.core.session import Session
from annotator.core.suggest import Lexicon, Scanner, build_pattern, suggestions
from annotator.core.suggester import LexiconSource
from annotator.store import Store

SCO, SCO_SHORT = "上海合作组织", "上合组织"
IGO = "actor.igo"


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "p.annotator"
    store, _ = create_project(path)
    yield path, store
    store.close()


def editor_on(store, doc_id: str, who: str = "lin") -> Editor:
    editor = Editor(store, Session(store, Annotator(who, who.title())))
    editor.open(doc_id)
    editor.build_lexicon()
    return editor


def doc_with(store, form: str, at_least: int) -> tuple[str, str]:
    for summary in store.documents():
        text = store.document(summary.id).text
        if len(find_all(text, form)) >= at_least:
            return summary.id, text
    raise AssertionError(f"no seed has {at_least} × {form}")


def test_accepting_all_for_a_form_creates_exactly_its_spans_and_one_undo_removes_them(project):
    _, store = project
    doc_id, text = doc_with(store, SCO_SHORT, 2)
    places = find_all(text, SCO_SHORT)
    editor = editor_on(store, doc_id)
    first = places[0]
    editor.apply_tag(IGO, *first)
    assert editor.suggestions is not None
    wanted = [s for s in editor.suggestions.all() if s.form == SCO_SHORT]
    assert [(s.start, s.end, s.tag) for s in wanted] == [(s, e, IGO) for s, e in places[1:]]

    before = store.annotations(doc_id)
    change = editor.accept(wanted)
    assert change is not None and change.command is not None
    added = {(a.start, a.end, a.tag) for a in store.annotations(doc_id)} - {
        (a.start, a.end, a.tag) for a in before}
    assert added == {(s, e, IGO) for s, e in places[1:]}
    assert not [s for s in editor.suggestions.all() if s.form == SCO_SHORT]

    editor.undo()  # one undo takes the whole batch back
    assert store.annotations(doc_id) == before
    assert [(s.start, s.end) for s in editor.suggestions.all() if s.form == SCO_SHORT] == \
        places[1:]


def test_document_suggestions_equal_a_whole_text_scan(project):
    _, store = project
    doc_id, text = doc_with(store, "反恐", 2)
    editor = editor_on(store, doc_id)
    editor.apply_tag("threat.terrorism", *find_all(text, "反恐")[0])
    editor.compile_lexicon()
    assert editor.lexicon is not None
    lexicon = editor.lexicon.lexicon
    mine = store.annotations(doc_id)
    assert editor.suggestions is not None
    assert editor.suggestions.all() == suggestions(text, mine, lexicon)
    assert len(editor.suggestions.all()) > 2  # tagset examples count too


def test_rejections_are_stored_for_that_annotator_and_undoable(project):
    path, store = project
    doc_id, text = doc_with(store, SCO_SHORT, 3)
    editor = editor_on(store, doc_id)
    editor.apply_tag(IGO, *find_all(text, SCO_SHORT)[0])
    assert editor.suggestions is not None
    target = [s for s in editor.suggestions.all() if s.form == SCO_SHORT][0]
    change = editor.reject(target)
    assert change is not None and change.touched == (target.start, target.end)
    assert target not in editor.suggestions.all()
    assert editor.suggestion_at(target.start, target.end) is None

    with Store.open(path) as again:  # survives a restart, and only for lin
        assert (target.start, target.end, target.tag) in again.rejections(doc_id, "lin")
        assert again.rejections(doc_id, "wang") == set()
        later = editor_on(again, doc_id)
        assert later.suggestions is not None and target not in later.suggestions.all()
        other = editor_on(again, doc_id, "wang")
        assert other.suggestions is not None
        assert (target.start, target.end) in [(s.start, s.end)
                                              for s in other.suggestions.all()]

    editor.undo()
    assert target in editor.suggestions.all()
    assert store.rejections(doc_id, "lin") == set()
    editor.redo()
    assert target not in editor.suggestions.all()


def test_lexicon_follows_edits_and_keeps_its_scanner_when_forms_stay(project):
    _, store = project
    doc_id, text = doc_with(store, SCO_SHORT, 2)
    editor = editor_on(store, doc_id)
    source = editor.lexicon
    assert source is not None and source.ready
    start, end = find_all(text, SCO_SHORT)[0]
    editor.apply_tag(IGO, start, end)
    assert source.lexicon[SCO_SHORT].annotated == 1
    forms_id = source.lexicon.forms_id
    assert editor.selected is not None
    editor.apply_tag("actor.state", start, end)  # retag: same forms, other counts
    assert source.lexicon.forms_id == forms_id and source.ready
    assert source.lexicon[SCO_SHORT].counts.get("actor.state") == 1
    editor.delete_selected()
    assert source.lexicon[SCO_SHORT].annotated == 0  # a tagset example: still listed


def test_a_new_form_is_suggested_at_once_and_a_full_compile_changes_nothing(project):
    _, store = project
    doc_id, text = doc_with(store, "执法", 2)
    editor = editor_on(store, doc_id)
    source = editor.lexicon
    assert source is not None and "执法" not in source.main_forms
    start, end = find_all(text, "执法")[0]
    editor.apply_tag("mechanism.operational", start, end)
    assert editor.suggestions_touched and source.extra_forms == {"执法"}
    assert not source.due  # one new form: no full compile needed
    assert editor.suggestions is not None
    every = editor.suggestions.all()
    new = [(s.start, s.end) for s in every if s.form == "执法"]
    assert new and set(new) <= set(find_all(text, "执法")[1:])
    for s, e in set(find_all(text, "执法")[1:]) - set(new):  # inside a longer form
        assert any(x.start <= s and e <= x.end and len(x.form) > 2 for x in every)
    forms, generation = source.forms()
    assert source.install(build_pattern(forms), generation)
    assert source.extra_forms == set() and "执法" in source.main_forms
    editor.compile_lexicon()
    assert editor.suggestions.all() == every


def test_forms_that_come_and_go_make_a_full_compile_due_after_many(project, monkeypatch):
    _, store = project
    doc_id, text = doc_with(store, "执法", 1)
    editor = editor_on(store, doc_id)
    source = editor.lexicon
    assert source is not None
    monkeypatch.setattr(suggester, "EXTRA_MAX", 2)
    made = []
    for form in ("执法", "合作", "安全"):
        hits = find_all(text, form)
        if hits:
            editor.apply_tag("mechanism.operational", *hits[0])
            made.append(form)
    assert source.due == (len(made) > 2)
    forms, generation = source.forms()
    editor.delete_selected()  # the last one goes while the compile runs
    assert source.install(build_pattern(forms), generation)
    assert source.gone == 1 and not source.due
    assert not [s for s in editor.suggestions.all() if s.form == made[-1]]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("ab𠮷 Xc", min_size=1, max_size=4), max_size=12),
       st.lists(st.text("ab𠮷 Xc", min_size=1, max_size=4), max_size=6),
       st.text("ab𠮷 Xcd", max_size=60))
def test_a_scanner_in_two_parts_finds_what_one_pattern_finds(main, extra, text):
    main_forms = {f.strip() for f in main if f.strip()}
    extra_forms = {f.strip() for f in extra if f.strip()} - main_forms
    one = Scanner(build_pattern(main_forms | extra_forms))
    two = Scanner(build_pattern(main_forms), build_pattern(extra_forms))
    assert list(two.scan(text)) == list(one.scan(text))


def test_following_walks_and_wraps(project):
    _, store = project
    doc_id, text = doc_with(store, SCO_SHORT, 3)
    editor = editor_on(store, doc_id)
    assert editor.suggestions is not None
    every = editor.suggestions.all()
    assert len(every) >= 3
    s = editor.suggestions
    assert s.following(-1) == every[0]
    assert s.following(every[0].start) == every[1]
    assert s.following(every[-1].start) == every[0]  # wraps
    assert s.following(every[0].start, backwards=True) == every[-1]
    assert s.following(every[2].start, backwards=True) == every[1]
    assert s.at(every[1].start + 1, every[1].start + 1) == every[1]


def test_lexicon_source_counts_changes_in_other_documents(project):
    _, store = project
    source = LexiconSource(store.tagset(), store.span_texts())
    docs = [d.id for d in store.documents()]
    texts = {d: store.document(d).text for d in docs}
    from annotator.core.annotation import Annotation

    span = Annotation("x", docs[2], 0, 4, IGO, "lin")
    assert source.update(Change(docs[2], (), (span,)), texts.__getitem__)
    form = searchable(texts[docs[2]][0:4])
    assert source.lexicon[form].annotated == 1
    assert source.update(Change(docs[2], (span,), ()), texts.__getitem__)
    assert form not in source.lexicon or source.lexicon[form].annotated == 0
    assert isinstance(source.lexicon, Lexicon)


def test_the_next_suggestion_from_a_caret_includes_one_starting_there(fresh_store):
    """N with the caret at the start of a document that opens with a suggestion: that one
    (it used to be skipped, reached only after wrapping around)."""
    from annotator.core.document import Document, document_id, text_sha256
    from annotator.core.tagset import default_tagset

    text = "中国代表团抵达。\n俄罗斯与会。\n中国发言。"
    fresh_store.set_tagset(default_tagset())
    fresh_store.add_documents([Document(document_id(text), "t", text, text_sha256(text))])
    editor = editor_on(fresh_store, document_id(text))
    s = editor.suggestions
    assert s is not None
    every = s.all()
    assert [x.start for x in every] == [0, text.index("俄罗斯"), text.index("中国发言")]
    assert s.following(0, here_too=True) == every[0]
    assert s.following(0) == every[1]  # from the suggestion selected at 0: the next one
    assert s.following(every[1].start, here_too=True) == every[1]
    last = len(text) - 1
    assert s.following(last, here_too=True) == every[0]  # wraps
    assert s.following(every[2].start, here_too=True) == every[2]
    assert s.following(every[2].start + 1, here_too=True) == every[0]


def test_only_paragraphs_holding_a_changed_form_can_show_other_suggestions(project):
    """After an edit the window re-checks only the visible paragraphs in which a form
    whose lexicon entry changed occurs: every other paragraph's suggestions are the same
    as before the edit."""
    _, store = project
    doc_id, text = doc_with(store, "执法", 2)
    editor = editor_on(store, doc_id)
    assert editor.suggestions is not None and editor.lexicon is not None
    paragraphs = range(len(editor.index.para_starts))
    before = {n: editor.suggestions.in_paragraph(n) for n in paragraphs}
    start, end = find_all(text, "执法")[0]
    editor.apply_tag("mechanism.operational", start, end)
    assert editor.lexicon.touched == {"执法"}
    affected = editor.suggestions.has_any(editor.lexicon.touched)
    holding = {n for n in paragraphs if affected(n)}
    starts = [*editor.index.para_starts, len(text) + 1]
    assert holding == {n for n in paragraphs if "执法" in text[starts[n]:starts[n + 1]]}
    changed = {n for n in paragraphs if editor.suggestions.in_paragraph(n) != before[n]}
    assert changed and changed <= holding | {editor.index.paragraph_of(start)}


FORMS_TEXT = "上合组织反恐机构执法安全合作联合演习边境会议"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["edit", "snapshot", "install"]),
                          st.integers(0, len(FORMS_TEXT) - 1), st.integers(1, 4),
                          st.booleans()), max_size=40))
def test_the_scanner_split_is_booked_as_its_definition_says(steps):
    """Whatever comes and goes around a full compile: the extra part is the lexicon's forms
    not compiled in full, ``gone`` the compiled forms the lexicon lost."""
    from annotator.core.annotation import Annotation

    source = LexiconSource(None, [("上合", "actor.igo", 1)])
    held: list[Annotation] = []
    pending = None
    for kind, start, length, remove in steps:
        if kind == "edit":
            if remove and held:
                gone = held.pop(start % len(held))
                source.update(Change("d", removed=(gone,)), lambda _: FORMS_TEXT)
            else:
                end = min(len(FORMS_TEXT), start + length)
                a = Annotation(f"s{len(held)}-{start}-{end}", "d", start, end, "actor.igo",
                               "lin", {}, "t", "t")
                held.append(a)
                source.update(Change("d", added=(a,)), lambda _: FORMS_TEXT)
        elif kind == "snapshot":
            pending = source.forms()
        elif pending is not None:
            forms, generation = pending
            assert source.install(build_pattern(forms), generation)
            pending = None
        if source.ready:
            lexicon, main = set(source.lexicon.entries), set(source.main_forms.forms)
            assert source.extra_forms == lexicon - main
            assert source.gone == len(main - lexicon)


def plain_suggestions(s: suggester.DocSuggestions, number: int) -> list:
    """A paragraph's suggestions computed afresh, the plain way: scan, drop the found that
    overlap the annotator's spans or were rejected, score, gate, then the best of
    overlapping ones (lexical finds and the model's spans)."""
    from annotator.core.suggest import Suggestion

    starts = s.index.para_starts
    p0 = starts[number]
    p1 = starts[number + 1] - 1 if number + 1 < len(starts) else len(s.text)
    mine = [(a.start, a.end) for a in s.index if a.annotator == s.annotator]
    out = []
    lexicon = s.lexicon
    finds = lexicon.scan(searchable(s.text[p0:p1])) if lexicon and s.lexicon_on else []
    for a, b, form in finds:
        start, end, entry = p0 + a, p0 + b, lexicon.entries.get(form)
        if entry is None or (start, end, entry.tag) in s.rejected or any(
                x < end and start < y for x, y in mine):
            continue
        score = s.score_of(form, entry.tag)
        if score is None:
            score = entry.counts.get(entry.tag, 0) / max(1, sum(entry.counts.values()))
        out.append(Suggestion(start, end, entry.tag, form, entry.source, score))
    model = [m for m in s._model.get(number, []) if (m.start, m.end, m.tag) not in s.rejected
             and not any(x < m.end and m.start < y for x, y in mine)]
    return suggester.best_of([x for x in (*out, *model) if x.score >= s.min_score])


@pytest.mark.parametrize("seed", range(6))
def test_suggestions_kept_between_edits_equal_a_fresh_computation(project, seed):
    """A paragraph's finds stay scored between calls (an edit rescoring only the forms
    whose entry it replaced): after a random walk of edits, deletions, rejections, undos,
    compiles, other scores, thresholds and model spans, every paragraph's suggestions
    equal the plain computation after every step."""
    import random

    from annotator.core.suggest import Suggestion

    rnd = random.Random(seed)
    _, store = project
    doc_id, text = doc_with(store, "执法", 2)
    editor = editor_on(store, doc_id)
    s = editor.suggestions
    assert s is not None
    tags = ["mechanism.operational", IGO, "threat.terrorism"]
    paragraphs = range(len(editor.index.para_starts))
    for _ in range(50):
        step = rnd.choice(["add", "add", "retag", "retag", "delete", "reject", "undo",
                           "score", "compile", "model", "model"])
        mine = [a for a in editor.index if a.annotator == "lin"]
        if step == "add":
            start = rnd.randrange(len(text) - 4)
            editor.apply_tag(rnd.choice(tags), start, start + rnd.randint(2, 4))
        elif step == "retag" and (shown := s.all()):  # the form's counts change
            chosen = rnd.choice(shown)
            editor.apply_tag(rnd.choice(tags), chosen.start, chosen.end)
        elif step == "delete" and mine:
            editor.select(rnd.choice(mine).id)
            editor.delete_selected()
        elif step == "reject" and (shown := s.all()):
            editor.reject(rnd.choice(shown))
        elif step == "undo":
            editor.undo()
        elif step == "score":
            s.score_of = rnd.choice([lambda form, tag: None,
                                     lambda form, tag: (len(form) % 3) / 2 or None])
            s.min_score = rnd.choice([0.0, 0.0, 0.4])
        elif step == "compile":
            editor.compile_lexicon()
        elif step == "model":  # over a suggestion, over one of my spans, or anywhere
            around = [(x.start, x.end) for x in s.all() + mine] or [(0, 2)]
            spans = []
            for _ in range(rnd.randint(1, 4)):
                a, b = rnd.choice(around) if rnd.random() < 0.7 else (
                    (c := rnd.randrange(len(text) - 6)), c + 1)
                start = max(0, min(len(text) - 6, a + rnd.randint(-2, max(0, b - a - 1))))
                spans.append(Suggestion(start, start + rnd.randint(1, 6), rnd.choice(tags),
                                        "", "crf", rnd.random(), "crf"))
            s.use_model(spans)
        for n in paragraphs:
            assert s.in_paragraph(n) == plain_suggestions(s, n), (step, n)
