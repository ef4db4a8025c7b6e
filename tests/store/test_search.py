"""Project-wide full-text search and span search (annotator.store.search)."""

import pytest
from engines import ENGINES, SEEDS, new_project

import annotator.store.schema as schema_module
import annotator.store.search as search_module
from annotator import zh
from annotator.core.annotation import Annotation, Annotator
from annotator.core.dataset import ReviewDecision
from annotator.core.document import Document, document_id, text_sha256
from annotator.core.search import searchable
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store
from annotator.store.documents import document_row
from annotator.store.pg.search import gram_code
from annotator.store.search import Hit, fts_query, grams


def make_doc(text: str, title: str = "t") -> Document:
    return Document(id=document_id(text), title=title, text=text, text_sha256=text_sha256(text))


@pytest.fixture(scope="module", params=ENGINES)
def project(request, tmp_path_factory):
    """The seeds in a project file and in a team project: both engines find the same."""
    store = new_project(request.param, tmp_path_factory.mktemp("search"), request)
    store.set_tagset(default_tagset())
    assert len(import_paths(store, sorted(SEEDS.glob("*.txt"))).added) == 5
    yield store
    store.close()


def scan(store: Store, query: str, fold=zh.fold) -> list[Hit]:
    """The reference: a plain Python scan of every folded text, in document order (the
    query is stripped, as by the in-document find)."""
    needle, out = fold(query.strip()), []
    for summary in store.documents():
        hay, i = fold(store.document(summary.id).text), -1
        while (i := hay.find(needle, i + 1 if i < 0 else i + len(needle))) >= 0:
            out.append(Hit(summary.id, i, i + len(needle)))
    return out


def test_traditional_query_finds_simplified_seeds_and_the_converted_one(project):
    ids = [d.id for d in project.documents()]
    hits = project.search("執法", limit=1000)
    assert {ids.index(h.doc_id) for h in hits} == {0, 1, 2, 4}
    for h in hits:
        expected = "執法" if h.doc_id == ids[4] else "执法"
        assert project.document(h.doc_id).text[h.start:h.end] == expected
    assert "執(zhí)法" not in project.document(ids[4]).text
    assert hits == scan(project, "执法") and project.search_count("執法") == len(hits)


@pytest.mark.parametrize("query", ["北京", "反恐", "恐", "的", "。", "“", "會", "執法", "上合",
                                   "恐怖主义", "上海合作", "安全合作", "秘书会议", "成员国安全会议"])
def test_hits_are_exactly_those_of_a_plain_scan(project, query):
    expected = scan(project, query)
    assert expected  # every query occurs somewhere in the seeds
    assert project.search(query, limit=100_000) == expected
    assert project.search_count(query) == len(expected)


@pytest.mark.parametrize("query", ["the", "SCO", "(", "a.", ", ", "2.", "Chen Siyuan"])
def test_latin_and_punctuation_queries_match_a_scan_ignoring_case(project, query):
    assert project.search(query, limit=100_000) == scan(project, query, searchable)


def test_traditional_and_simplified_both_ways(project):
    assert project.search("恐怖主義", limit=500) == project.search("恐怖主义", limit=500)
    assert project.search("執法安全", limit=500) == project.search("执法安全", limit=500)
    simplified = [h for h in project.search("执法", limit=500)
                  if project.document(h.doc_id).script == "zh-Hant"]
    assert simplified  # the simplified query finds the traditional document


def test_pages_are_slices_of_the_whole_list(project):
    everything = project.search("的", limit=10_000)
    assert len(everything) > 100
    for offset in (0, 1, 7, 50, len(everything) - 3, len(everything) + 5):
        assert project.search("的", limit=50, offset=offset) == everything[offset:offset + 50]
    assert project.search("", limit=10) == [] and project.search("的", limit=0) == []
    assert project.search("没有这样的句子啊") == [] and project.search_count("  ") == 0


def test_query_plans_use_the_index():
    assert fts_query("北京", True) == ("search_grams", '"北京"')
    assert fts_query("恐", True) == ("search_grams", '"恐"')
    assert fts_query("恐怖主义", True) == ("search_trigrams", '"怖主义" AND "恐怖主"')
    assert fts_query("恐怖主义", False) == ("search_grams", '"主义" AND "怖主" AND "恐怖"')
    assert fts_query("a.", True) == ("search_grams", '"a"')
    assert fts_query("a.", False) == ("search_grams", '"a"')
    assert fts_query("ab, cde", False) == ("search_grams", '"ab" AND "cd" AND "de"')
    assert fts_query('"', True) is None and fts_query(", ", True) is None
    assert sorted(grams("北京,北京").split()) == ["京", "北", "北京"]
    assert sorted(grams("A b。").split()) == ["A", "b", "b。", "。"]


def test_long_queries_without_trigrams_use_bigrams(project, monkeypatch):
    expected = scan(project, "安全合作")
    monkeypatch.setattr(search_module, "has_trigrams", lambda conn: False)
    assert project.search("安全合作", limit=10_000) == expected


def test_documents_added_later_are_indexed_with_code_point_offsets(engine_store):
    with engine_store as store:
        store.add_documents([make_doc("上海合作組織的會議", "one")])
        assert store.search("组织") == [Hit(store.documents()[0].id, 4, 6)]
        store.add_documents([make_doc("𠮷野家在北京開會。\n北京", "two")])
        second = store.documents()[1].id
        assert store.search("北京") == [Hit(second, 4, 6), Hit(second, 10, 12)]
        assert store.search("开会") == [Hit(second, 6, 8)]
        assert store.search("𠮷野家") == [Hit(second, 0, 3)]
        assert store.search("家在") == [Hit(second, 2, 4)]
        assert store.search("的會議") == [Hit(store.documents()[0].id, 6, 9)]


def test_documents_added_by_another_connection_are_found(tmp_path):
    path = tmp_path / "shared.annotator"
    with Store.open(path, create=True) as reader, Store.open(path) as writer:
        writer.add_documents([make_doc("北京反恐")])
        assert len(reader.search("反恐")) == 1  # caches the document order
        writer.add_documents([make_doc("上海反恐")])
        assert [h.doc_id for h in reader.search("反恐")] == [d.id for d in reader.documents()]


def test_hits_follow_document_order_when_the_index_keys_do_not(tmp_path):
    """The index is read lazily in key order while the keys follow document order; when
    they do not (documents placed otherwise), the candidates are sorted: same hits."""
    with Store.open(tmp_path / "order.annotator", create=True) as store:
        store.add_documents([make_doc(f"第{i}篇北京反恐", f"d{i}") for i in range(20)])
        in_order = [d.id for d in store.documents()]
        assert [h.doc_id for h in store.search("反恐", limit=5)] == in_order[:5]
        assert store._search_order is not None and store._search_order[2]  # lazy walk
        with store.transaction():  # the last document first
            store.conn.execute("UPDATE documents SET position = position + 1")
            store.conn.execute("UPDATE documents SET position = 0 WHERE id = ?",
                               (in_order[-1],))
        moved = [d.id for d in store.documents()]
        assert moved == [in_order[-1], *in_order[:-1]]
        assert [h.doc_id for h in store.search("北京", limit=3)] == moved[:3]
        assert [h.doc_id for h in store.search("篇北京", limit=100)] == moved
        assert store._search_order is not None and not store._search_order[2]


def test_duplicates_are_not_indexed_twice(engine_store):
    with engine_store as store:
        store.add_documents([make_doc("反恐合作"), make_doc("反恐合作")])
        store.add_documents([make_doc("反恐合作")])
        assert len(store.search("反恐")) == 1


def test_documents_stored_another_way_are_indexed_on_search(engine_store):
    with engine_store as store:
        store.add_documents([make_doc("联合反恐演习")])
        with store.transaction():
            store._insert_documents([document_row(make_doc("聯合反恐演習第二次"), 1)])
        assert len(store.search("反恐演习")) == 2


def test_migration_backfills_an_existing_project(tmp_path, monkeypatch):
    path = tmp_path / "old.annotator"
    monkeypatch.setattr(schema_module, "MIGRATIONS", schema_module.MIGRATIONS[:1])
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", 1)
    monkeypatch.setattr(Store, "_index_documents", lambda self, docs: 0)
    with Store.open(path, create=True) as store:
        store.add_documents([make_doc("國家反恐怖主義工作領導小組"), make_doc("北京反恐")])
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert "search_text" not in tables
    monkeypatch.undo()
    with Store.open(path) as store:
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == schema_module.SCHEMA_VERSION
        assert store.conn.execute("SELECT count(*) FROM search_text").fetchone()[0] == 2
        assert len(store.search("反恐")) == 2 and len(store.search("恐怖主义")) == 1
        assert store.search_count("工作领导小组") == 1


# --- spans ---------------------------------------------------------------------------
@pytest.fixture
def spans_store(engine_store):
    store = engine_store
    store.add_annotator(Annotator("lin", "Lin"))
    store.add_annotator(Annotator("chen", "Chen", "reviewer"))
    one, two = make_doc("国务委员赵克志在北京会见"), make_doc("國務委員趙克志出席會議")
    store.add_documents([one, two])
    store.insert_annotations([
        Annotation("a1", one.id, 4, 7, "actor.person", "lin", {"normalized": "赵克志"}),
        Annotation("a2", one.id, 8, 10, "actor.state", "lin"),
        Annotation("a3", two.id, 4, 7, "actor.person", "chen", {"normalized": "趙克志"}),
        Annotation("a4", two.id, 9, 11, "mechanism.meeting", "chen"),
        Annotation("g1", two.id, 4, 7, "actor.person", "chen", {"normalized": "赵克志"}),
    ])
    store.insert_decisions([
        ReviewDecision("d1", two.id, "chen", "accepted", ("a4",), None, None, "t"),
        ReviewDecision("d2", two.id, "chen", "gold", ("a3",), "g1", None, "t"),
        ReviewDecision("d3", one.id, "chen", "rejected", ("a2",), None, None, "t"),
    ])
    return store


def ids(spans) -> list[str]:
    return [a.id for a in spans]


def test_find_spans_filters(spans_store):
    s = spans_store
    assert ids(s.find_spans()) == ["a1", "a2", "a3", "g1", "a4"]
    assert ids(s.find_spans(tag="actor.person")) == ["a1", "a3", "g1"]
    assert ids(s.find_spans(group="actor")) == ["a1", "a2", "a3", "g1"]
    assert ids(s.find_spans(group="act")) == []
    assert ids(s.find_spans(annotator="chen", group="mechanism")) == ["a4"]
    assert ids(s.find_spans(status="gold")) == ["g1"]
    assert ids(s.find_spans(status="accepted")) == ["a3", "g1", "a4"]
    assert ids(s.find_spans(tag="nothing")) == []
    assert s.find_spans(tag="actor.state")[0].attributes == {}


def test_find_spans_by_normalized_name_in_either_script(spans_store):
    expected = ["a1", "a3", "g1"]
    assert ids(spans_store.find_spans(normalized="趙克志")) == expected
    assert ids(spans_store.find_spans(normalized="赵克志")) == expected
    assert ids(spans_store.find_spans(normalized="赵克志", annotator="lin")) == ["a1"]
    assert ids(spans_store.find_spans(normalized="王小洪")) == []


def test_a_page_of_spans_and_their_count(spans_store):
    """``limit`` gives the first spans in the same order (the Search dock's first page on
    100,000 documents); ``count_spans`` counts what an unlimited find finds."""
    s = spans_store
    for filters in ({}, {"tag": "actor.person"}, {"group": "actor"}, {"annotator": "chen"},
                    {"status": "accepted"}, {"normalized": "趙克志"}, {"tag": "nothing"}):
        every = ids(s.find_spans(**filters))
        assert s.count_spans(**filters) == len(every), filters
        for n in (1, 2, 10):
            assert ids(s.find_spans(**filters, limit=n)) == every[:n], (filters, n)


def test_find_spans_refuses_an_unknown_status(spans_store):
    with pytest.raises(ValueError, match="status must be one of"):
        spans_store.find_spans(status="done")


def test_many_candidates_come_in_document_order_page_by_page(engine_store):
    """More candidates than a first read takes, some sharing a position: the hits follow
    the document list's order (position, then id) across every read, page after page."""
    with engine_store as store:
        store.add_documents([make_doc(f"第{i}次反恐演习，反恐合作") for i in range(40)])
        with store.transaction():
            store.conn.execute("UPDATE documents SET position = position / 3")
        rank = dict(store.conn.execute("SELECT id, position FROM documents").fetchall())

        def in_order(hits: list[Hit]) -> list[Hit]:
            return sorted(hits, key=lambda h: (rank[h.doc_id], h.doc_id, h.start))

        expected = in_order(scan(store, "反恐"))
        assert len(expected) == 80
        assert store.search("反恐", limit=1000) == expected
        assert store.search("，", limit=1000) == in_order(scan(store, "，"))
        for offset in (0, 7, 33, 79):
            assert store.search("反恐", limit=9, offset=offset) == expected[offset:offset + 9]


def test_a_rare_query_found_before_and_after_the_index_takes_over(engine_store):
    """Read in order while the query is common, by the index once it proves rare: the
    hits are the same either way, in document order (a team project switches after a hundred
    documents or so)."""
    with engine_store as store:
        texts = [f"第{i}号文件，没有别的。" for i in range(400)]
        for i in (5, 330, 399):
            texts[i] += "联合反恐"
        store.add_documents([make_doc(t) for t in texts])
        expected = scan(store, "反恐")
        assert [h.doc_id for h in expected] == [store.documents()[i].id for i in (5, 330, 399)]
        indexed: list[list[int]] = []
        if store.kind == "team":
            by_index = store._indexed
            store._indexed = lambda wanted, last: (indexed.append(wanted),
                                                   by_index(wanted, last))[1]
        assert store.search("反恐", limit=50) == expected
        assert indexed == ([[gram_code("反恐")]] if store.kind == "team" else [])
        assert store.search("反恐", limit=1, offset=1) == expected[1:2]
        assert store.search("号文", limit=500) == scan(store, "号文")


def test_documents_listed_uncounted_and_their_spans_counted_apart(spans_store):
    """The list's rows without their span counts (-1), and the counts on their own: what
    ``documents()`` gives when put together (both engines)."""
    s = spans_store
    counted, counts = s.documents(), s.spans_per_document()
    assert [r.annotations for r in s.documents(counts=False)] == [-1] * len(counted)
    assert [counts.get(r.id, 0) for r in counted] == [r.annotations for r in counted] == [2, 3]
    assert [r.id for r in s.documents(counts=False)] == [r.id for r in counted]
