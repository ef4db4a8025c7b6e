"""The team's workflow in exports: JSON (schema, readers' checks) and stand-off TEI
(valid against tei_all.rng, every pointer resolving: notes point at their span, or where
it was, or the document; guidelines in the header's encodingDesc), each read back into
the same bytes; a filtered export keeps the threads, placed in the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core import assign, discussion
from annotator.core.annotation import Annotator
from annotator.core.errors import InputError
from annotator.core.session import Session
from annotator.core.tagset import default_tagset
from annotator.formats import tei
from annotator.formats.jsonfmt import read_json, read_jsonl, write_json, write_jsonl
from annotator.formats.select import select
from annotator.formats.tei_read import read_standoff
from annotator.project import import_paths
from annotator.store import Store
from annotator.transfer import import_dataset

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def project():
    """Seeds with guidelines (2 versions), spans made under them, threads on a span, on a
    span deleted since and on a document (one resolved, one with a reply), assignments
    and statuses."""
    store = Store.memory()
    store.set_tagset(default_tagset())
    import_paths(store, sorted(SEEDS.glob("*.txt")))
    lin, chen, wang = (Session(store, Annotator(w, w.title())) for w in ("lin", "chen", "wang"))
    doc = store.document(store.documents()[0].id)
    store.set_guidelines("# 规范\n\n标注最短的名称。", "wang")
    store.set_guidelines("# 规范\n\n标注**完整**名称。\n", "wang")
    for s in (lin, chen):
        s.read_guidelines()
    kept = lin.add(doc.id, doc.text, 0, 4, "actor.igo").added[0]
    gone = chen.add(doc.id, doc.text, 5, 9, "actor.state").added[0]
    on_kept = lin.run(discussion.open_thread(doc.id, kept, "lin", "组织还是简称？"))
    chen.run(discussion.reply(on_kept.command.threads_after[0], "chen", "简称也标 <igo> & 'x'"))
    on_gone = chen.run(discussion.open_thread(doc.id, gone, "chen", "这个要删吗？"))
    wang.run(discussion.resolve(on_gone.command.threads_after[0], "wang"))
    chen.delete([gone])
    wang.run(discussion.open_thread(doc.id, None, "wang", "整篇：日期不对"))
    wang.run(assign.assign({doc.id: ("lin", "chen")}, [], "wang"))
    lin.set_status(doc.id, "done")
    chen.set_status(doc.id, "in_progress")
    yield store
    store.close()


def test_json_carries_the_workflow_and_reads_back_into_the_same_bytes(project, tmp_path):
    first = tmp_path / "a.json"
    with first.open("w", encoding="utf-8") as f:
        write_json(project.dataset(), f)
    data = json.loads(first.read_text(encoding="utf-8"))
    assert [g["version"] for g in data["guidelines"]] == [1, 2]
    doc = data["documents"][0]
    assert {s["annotator"]: s["status"] for s in doc["statuses"]} == {"lin": "done",
                                                                      "chen": "in_progress"}
    assert sorted(a["annotator"] for a in doc["assignments"]) == ["chen", "lin"]
    assert len(doc["threads"]) == 3 and sum(len(t["comments"]) for t in doc["threads"]) == 4
    assert all(s["attributes"]["guidelines"] == 2 for s in doc["spans"])
    assert "threads" not in data["documents"][1]  # written only where there are some
    copy = Store.memory()
    import_dataset(copy, read_json(first), str(first))
    second = tmp_path / "b.json"
    with second.open("w", encoding="utf-8") as f:
        write_json(copy.dataset(), f)
    assert second.read_bytes() == first.read_bytes()


def test_jsonl_too(project, tmp_path):
    with (tmp_path / "a.jsonl").open("w", encoding="utf-8") as docs, \
            (tmp_path / "a.manifest.json").open("w", encoding="utf-8") as manifest:
        write_jsonl(project.dataset(), docs, manifest)
    back = read_jsonl(tmp_path / "a.jsonl")
    assert [g.version for g in back.guidelines] == [1, 2]
    assert sum(len(d.threads) for d in back.documents) == 3


def _on_span(doc: dict) -> dict:
    return next(t for t in doc["threads"] if t["span"])


def _set(key: str, value):
    return lambda doc: _on_span(doc).__setitem__(key, value)


@pytest.mark.parametrize(("spoil", "message"), [
    (_set("author", "nobody"), "'nobody' is not listed"),
    (_set("start", 10**6), "no place in the text"),
    (_set("comments", []), "should be non-empty"),
    (_set("span", None), "one on the document has none"),
    (lambda doc: doc["statuses"][0].__setitem__("status", "finished"), "is not one of"),
    (lambda doc: doc["assignments"][0].__setitem__("annotator", "ghost"),
     "'ghost' is not listed"),
])
def test_json_readers_refuse_what_does_not_fit(project, tmp_path, spoil, message):
    path = tmp_path / "bad.json"
    with path.open("w", encoding="utf-8") as f:
        write_json(project.dataset(), f)
    data = json.loads(path.read_text(encoding="utf-8"))
    spoil(data["documents"][0])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_json(path)


def test_a_thread_id_twice_is_refused(project, tmp_path):
    path = tmp_path / "twice.json"
    with path.open("w", encoding="utf-8") as f:
        write_json(project.dataset(), f)
    data = json.loads(path.read_text(encoding="utf-8"))
    threads = data["documents"][0]["threads"]
    threads[1]["id"] = threads[0]["id"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match="duplicate thread id"):
        read_json(path)


def test_tei_is_valid_its_pointers_resolve_and_it_reads_back(project):
    corpus = tei.standoff_corpus(project.dataset())
    assert tei.validate(corpus) == [] and tei.check_pointers(corpus) == []
    data = corpus.to_bytes()
    assert b'<interpretation xml:id="guidelines-2" n="2">' in data  # in encodingDesc
    assert b'motivation="commenting"' in data and b'motivation="replying"' in data
    copy = Store.memory()
    import_dataset(copy, read_standoff(data), "corpus.xml")
    assert tei.standoff_corpus(copy.dataset()).to_bytes() == data


def test_one_document_alone_and_filtered_keep_their_notes_placed(project):
    ds = project.dataset()
    doc = next(iter(ds.documents))
    alone = tei.standoff_document(ds, doc)
    assert tei.validate(alone) == [] and tei.check_pointers(alone) == []
    only_chen = next(iter(select(project.dataset(), annotators={"chen"}).documents))
    assert only_chen.annotations == () and len(only_chen.threads) == 3
    assert [s.annotator for s in only_chen.statuses] == ["chen"]
    filtered = tei.standoff_document(ds, only_chen)
    text = filtered.to_bytes()
    assert tei.validate(filtered) == [] and tei.check_pointers(filtered) == []
    assert b'motivation="commenting" target="#string-range(' in text  # lin's span not here
    back = read_standoff(text)
    assert {t.span_id for t in next(iter(back.documents)).threads} == \
        {t.span_id for t in doc.threads}


def test_an_inline_layer_carries_the_guidelines_and_stays_valid(project):
    ds = project.dataset()
    doc = next(iter(ds.documents))
    inline = tei.inline_document(ds, doc, "lin")
    assert tei.validate(inline) == [] and tei.check_pointers(inline) == []
    assert b'<interpretation xml:id="guidelines-1" n="1">' in tei.to_bytes(inline)


def test_a_thread_pointing_at_another_span_than_it_names_is_refused(project):
    data = tei.standoff_corpus(project.dataset()).to_bytes().decode("utf-8")
    doc = next(iter(project.dataset().documents))
    thread = next(t for t in doc.threads if t.span_id in {a.id for a in doc.annotations})
    spoilt = data.replace(f'n="{thread.span_id}"', 'n="someone-else"', 1)
    with pytest.raises(InputError, match="@n says someone-else"):
        read_standoff(spoilt.encode("utf-8"))
