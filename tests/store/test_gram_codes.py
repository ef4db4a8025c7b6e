"""A team project's search grams as numbers (annotator.store.pg.search.gram_codes): the
same grams as the file project's, and a project made before (grams as text) converted in
place by migration 5, finding what it found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import annotator.store.pg.schema as pg_schema
from annotator import zh
from annotator.core.tagset import default_tagset
from annotator.project import import_paths
from annotator.store import Store, open_project
from annotator.store.pg.search import PgSearchMixin, gram_code, gram_codes
from annotator.store.search import grams, lower

#: ASCII edges (digits, letters, the characters beside them), CJK, an astral character
EDGES = st.sampled_from([*"/09:@AZ[`az{ .,。北京恐怖主义", "\x7f", "\x80", "\U00020bb7"])


def codes(literal: str) -> list[int]:
    return [int(v) for v in literal[1:-1].split(",")] if literal != "{}" else []


@settings(max_examples=500)
@given(st.text(EDGES | st.characters(), max_size=40))
def test_the_codes_are_the_file_projects_grams_numbered(text):
    assert codes(gram_codes(text)) == sorted({gram_code(g) for g in grams(text).split(" ") if g})


def test_distinct_grams_get_distinct_numbers():
    seen = {gram_code(g) for g in ("a", "b", "ab", "ba", "\U0010ffff", "\U0010ffff\U0010ffff",
                                   "\x00a", "a\x00", "北京", "京北")}
    assert len(seen) == 10


def _old_index(self, docs):
    """How annotator indexed a team project before migration 5: grams as ``text[]``."""
    folded = [(doc_id, text, zh.fold(text)) for doc_id, text in docs]
    rows = [(doc_id, None if f == text else f, grams(lower(f))) for doc_id, text, f in folded]
    self.conn.executemany("INSERT INTO search_text(doc_id, folded, grams) VALUES "
                          "(?, ?, string_to_array(?, ' '))", rows)
    return len(rows)


QUERIES = ("安全", "合作", "上", "組織", "反恐怖", "a", "SCO", "图片 1", "執(zhí)")


def test_migration_5_converts_the_grams_and_search_finds_the_same(
        team_url, monkeypatch, seed_paths, tmp_path):
    with monkeypatch.context() as m:
        m.setattr(pg_schema, "MIGRATIONS", pg_schema.MIGRATIONS[:4])
        m.setattr(pg_schema, "SCHEMA_VERSION", 4)
        m.setattr(PgSearchMixin, "_index_documents", _old_index)
        with open_project(team_url, create=True) as old:
            old.set_tagset(default_tagset())
            import_paths(old, seed_paths)
            assert old.conn.execute("SELECT count(*) FROM search_text").fetchone()[0] > 0
    with Store.open(tmp_path / "file.annotator", create=True) as file_project:
        file_project.set_tagset(default_tagset())
        import_paths(file_project, seed_paths)
        expected = {q: [(h.start, h.end) for h in file_project.search(q)] for q in QUERIES}
    with open_project(team_url) as store:
        stored = dict(store.conn.execute("SELECT doc_id, grams FROM search_text").fetchall())
        for doc in store.documents():
            text = store.conn.execute("SELECT text FROM documents WHERE id = ?",
                                      (doc.id,)).fetchone()[0]
            assert sorted(stored[doc.id]) == codes(gram_codes(lower(zh.fold(text))))
        assert {q: [(h.start, h.end) for h in store.search(q)] for q in QUERIES} == expected
        assert all(expected[q] for q in ("安全", "上", "組織"))
