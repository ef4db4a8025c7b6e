"""``annotator check URL``: what is wrong in a team project, read without changing it.

The server keeps its own storage sound (there is no file to damage), and its foreign keys
and checks are enforced on every write; what can still go wrong is what the file project's
check also looks for in the data: review decisions whose targets or results are gone,
relations the tagset does not allow (:mod:`annotator.store.check_relations`), spans
outside their text, tags the active tagset lacks, a journal that undo could not use. The
rules are :mod:`annotator.store.check`'s pure functions; only the reading is PostgreSQL's.
The journal is read as far as the connected role may see it (everyone's for the owner).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from annotator.store.check import (
    COUNTED,
    JOURNAL,
    SPANS,
    CheckReport,
    Problem,
    journal_problems,
    span_and_tag_problems,
)
from annotator.store.check_relations import RelationCheckMixin
from annotator.store.pg.base import PgStoreBase

_CHUNK = 1000


class PgCheckMixin(RelationCheckMixin, PgStoreBase):
    def check(self) -> CheckReport:
        counts = dict.fromkeys(COUNTED, 0)
        problems: list[Problem] = []
        for section in (self._check_spans, self._check_decisions, self._check_relations,
                        self._check_journal):
            problems.extend(section(counts))
        return CheckReport(tuple(problems), counts, self.location, None, ())

    def _check_spans(self, counts: dict[str, int]) -> Iterator[Problem]:
        lengths = dict(self.conn.execute("SELECT id, length FROM documents").fetchall())
        for doc_id, stored, actual in self.conn.execute(
                "SELECT id, length, char_length(text) FROM documents "
                "WHERE length != char_length(text)"):
            yield Problem("document", f"document {doc_id}: stored length {stored}, but its "
                                      f"text has {actual} code points")
        counts["documents"] = len(lengths)
        active = self.conn.execute("SELECT id, data FROM tagsets WHERE active = 1").fetchall()
        yield from span_and_tag_problems(self.rows(SPANS), lengths, active, counts)

    def _check_decisions(self, counts: dict[str, int]) -> Iterator[Problem]:
        named: list[tuple[str, str, str]] = []  # (decision, span, "target" | "result")
        for decision_id, targets, result in self.rows(
                "SELECT id, targets, result_id FROM review_decisions ORDER BY id"):
            counts["review_decisions"] += 1
            try:
                ids = json.loads(targets)
                if not isinstance(ids, list):
                    raise ValueError
            except ValueError:
                yield Problem("orphan", f"review decision {decision_id} has unreadable "
                                        f"targets {targets!r}")
                ids = []
            named += [(decision_id, str(i), "target") for i in ids]
            if result is not None:
                named.append((decision_id, result, "result"))
        for i in range(0, len(named), _CHUNK):
            chunk = named[i:i + _CHUNK]
            named_ids = [s for _, s, _ in chunk]  # spans, or relations (a relation's review)
            present = {r[0] for r in self.conn.execute(
                "SELECT id FROM annotations WHERE id = ANY(?) UNION "
                "SELECT id FROM relations WHERE id = ANY(?)", (named_ids, named_ids))}
            for decision_id, span_id, what in chunk:
                if span_id not in present:
                    yield Problem("orphan", f"review decision {decision_id} targets missing "
                                            f"annotation {span_id}" if what == "target" else
                                  f"review decision {decision_id} names missing annotation "
                                  f"{span_id} as its result")

    def _check_journal(self, counts: dict[str, int]) -> Iterator[Problem]:
        yield from journal_problems(self.conn.execute(JOURNAL).fetchall(), counts)
