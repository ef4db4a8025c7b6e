"""The report counts label runs (annotator.review.corpus), never one label per character:
property tests that it gives exactly what the per-character reference gives, on random
texts (𠮷, emoji, whitespace and punctuation) with random overlapping, nested, touching,
duplicate and empty spans of two to four annotators.

The reference here is the definition written out: ``char_labels`` / ``binary_char_labels``
one label per character, the coefficients over those label lists, unitizing αu from every
coder's section list (``unitizing_alpha_pooled``) and span matching with ``span_f1``.
"""

from __future__ import annotations

import itertools
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotation
from annotator.review.agreement import (
    FIGURES,
    agreement_report,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    span_f1,
)
from annotator.review.corpus import DocSpans, Tally
from annotator.review.unitizing import unitizing_alpha_pooled
from annotator.review.units import (
    binary_char_labels,
    category_intervals,
    category_of,
    char_labels,
    excluded_counter,
    is_space_or_punct,
)

TAGS = ["actor.state", "actor.igo", "mechanism.meeting", "threat.terrorism"]
ALPHABET = "上合组织反恐𠮷😀ab ，。“”\n\u3000.!\U00010100"  # 𐄀 (U+10100): astral punctuation
SETTINGS = settings(max_examples=250, deadline=None)


@st.composite
def documents(draw, coders: int, doc: str = "d1"):
    """A text and spans: units each annotator copies, moves by one, retags or leaves out
    (so clusters of every kind occur: everybody's, one alone, two, nested), plus strays."""
    text = draw(st.text(ALPHABET, max_size=60))
    n = len(text)
    spans = []

    def span(who, start, end, tag):
        start, end = sorted((max(0, min(n, start)), max(0, min(n, end))))
        spans.append(Annotation(f"{who}-{len(spans)}", doc, start, end, tag, who))

    for _unit in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, n))
        end = min(n, start + draw(st.sampled_from([0, 1, 2, 3, 8, 40])))
        tag = draw(st.sampled_from(TAGS))
        for who in (f"c{k}" for k in range(coders)):
            how = draw(st.sampled_from(["copy", "copy", "copy", "move", "retag", "none"]))
            if how == "copy":
                span(who, start, end, tag)
            elif how == "move":
                span(who, start + draw(st.sampled_from([-1, 1])), end, tag)
            elif how == "retag":
                span(who, start, end, draw(st.sampled_from(TAGS)))
    for _stray in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, n))
        span(f"c{draw(st.integers(0, coders - 1))}", start,
             start + draw(st.integers(0, 12)), draw(st.sampled_from(TAGS)))
    return text, draw(st.permutations(spans))


def corpora():
    return st.integers(2, 4).flatmap(lambda m: st.tuples(
        st.just([f"c{k}" for k in range(m)]),
        st.lists(st.integers(0, 10**6), min_size=1, max_size=3).flatmap(
            lambda ids: st.tuples(*(documents(m, f"d{i}") for i in range(len(ids)))))))


def by_annotator(spans):
    out: dict[str, list[Annotation]] = {}
    for a in spans:
        out.setdefault(a.annotator, []).append(a)
    return out


def tally(docs, annotators, label="tag", binary=False, skip=False):
    t = Tally(annotators, label, binary)
    for i, (text, spans) in enumerate(docs):
        t.add(DocSpans(f"d{i}", len(text), text if skip else None,
                       [(a.start, a.end, a.tag, a.annotator) for a in spans]))
    return t


def reference_counts(docs, annotators, label, skip, category=None):
    counts: Counter = Counter()
    for text, spans in docs:
        if category is None:
            labels, _ = char_labels(text, by_annotator(spans), annotators,
                                    skip_space_punct=skip, label=label)
        else:
            labels, _ = binary_char_labels(text, by_annotator(spans), annotators, category,
                                           label, skip)
        counts.update(zip(*(labels[a] for a in annotators), strict=True))
    return counts


@SETTINGS
@given(corpora(), st.sampled_from(["tag", "group"]), st.booleans())
def test_label_counts_equal_the_per_character_labels(corpus, label, skip):
    annotators, docs = corpus
    assert tally(docs, annotators, label, skip=skip).counts() == \
        reference_counts(docs, annotators, label, skip)


@SETTINGS
@given(corpora(), st.sampled_from(["tag", "group"]), st.booleans())
def test_binary_counts_equal_the_per_character_labels(corpus, label, skip):
    annotators, docs = corpus
    t = tally(docs, annotators, label, binary=True, skip=skip)
    used = {category_of(a.tag, label) for _text, spans in docs for a in spans}
    assert set(t.cats) == used
    for c in used:
        assert t.counts(c) == reference_counts(docs, annotators, label, skip, c)


def reference_report(docs, annotators, by, skip, label):
    """The report straight from the definitions, one label per character."""
    binary = by in ("tag", "group")
    label = by if binary else label
    cats = sorted({category_of(a.tag, label) for _t, spans in docs for a in spans})
    scopes = [(c, docs, c) for c in cats] if binary else \
        [("overall", docs, None)] if by == "overall" else \
        [(spans[0].doc_id if spans else f"#{i}", [(text, spans)], None)
         for i, (text, spans) in enumerate(docs)]
    return [reference_row(scope, part, annotators, skip, label, only)
            for scope, part, only in scopes]


def reference_row(scope, docs, annotators, skip, label, only):
    counts = reference_counts(docs, annotators, label, skip, only)
    columns = [[key[k] for key, n in sorted(counts.items()) for _ in range(n)]
               for k in range(len(annotators))]
    rows = [list(r) for r in zip(*columns, strict=True)]
    row = {"scope": scope, "n_units": len(rows),
           "cohen_kappa": safe(cohen_kappa, *columns) if len(annotators) == 2 else None,
           "fleiss_kappa": safe(fleiss_kappa, rows),
           "krippendorff_alpha": safe(krippendorff_alpha_nominal, columns)}
    offsets = list(itertools.accumulate((len(t) for t, _s in docs), initial=0))
    used = sorted({category_of(a.tag, label) for _t, spans in docs for a in spans
                   if a.annotator in annotators})
    cats = [only] if only is not None else used
    by_cat = {c: {who: [(o + s, o + e) for o, (_t, spans) in zip(offsets, docs, strict=False)
                        for s, e in category_intervals(
                            [a for a in spans if a.annotator == who], c, label)]
                  for who in annotators} for c in cats}
    row["unitizing_alpha"] = 1.0 if not by_cat else safe(
        unitizing_alpha_pooled, offsets[-1], by_cat, offsets[1:-1])
    for match in ("exact", "overlap"):
        row[f"f1_{match}"] = reference_f1(docs, annotators, label, only, match)
    if not any(a.annotator in annotators for _t, spans in docs for a in spans):
        row.update(dict.fromkeys(FIGURES))  # nobody annotated: nothing to agree on
    return row


def reference_f1(docs, annotators, label, only, match):
    scores = []
    for a, b in itertools.combinations(annotators, 2):
        tp = fp = fn = 0
        for _text, spans in docs:
            mine = [s._replace(tag=category_of(s.tag, label)) for s in spans]
            mine = [s for s in mine if only in (None, s.tag)]
            ref = [s for s in mine if s.annotator == a]
            cand = [s for s in mine if s.annotator == b]
            result = span_f1(ref, cand, match)
            tp, fp, fn = tp + result["tp"], fp + result["fp"], fn + result["fn"]
        both = tp + fp + fn == 0
        p = tp / (tp + fp) if tp + fp else float(both)
        r = tp / (tp + fn) if tp + fn else float(both)
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(scores) / len(scores)


def safe(fn, *args):
    try:
        return fn(*args)
    except ValueError:
        return None


@SETTINGS
@given(corpora(), st.sampled_from(["overall", "doc", "tag", "group"]), st.booleans(),
       st.sampled_from(["tag", "group"]))
def test_report_equals_the_definitions(corpus, by, skip, label):
    annotators, docs = corpus
    ours = agreement_report(docs, annotators, by, skip_space_punct=skip, label=label)
    expected = reference_report(docs, annotators, by, skip, label)
    assert [r["scope"] for r in ours] == [r["scope"] for r in expected]
    for got, want in zip(ours, expected, strict=True):
        for key, value in want.items():
            if isinstance(value, float):
                assert abs(got[key] - value) < 1e-9, (key, got[key], value)
            else:
                assert got[key] == value, (key, got[key], value)


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET + "\t\r\x0b\u2028\u00a0\u3001《》", max_size=60), st.data())
def test_excluded_characters_are_counted_like_the_definition(text, data):
    count = excluded_counter(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert count(start, end) == sum(map(is_space_or_punct, text[start:end]))
    assert count(0, len(text)) == sum(map(is_space_or_punct, text))


def test_a_long_nested_cluster_is_resolved_by_runs():
    """A span over the whole text with spans nested in it (one cluster longer than the
    painting limit) and an agreed span: the same counts as per character."""
    text = "上海合作组织成员国在北京举行会议，打击三股势力。" * 4
    spans = [Annotation("o", "d", 0, len(text), "actor.state", "a"),
             *(Annotation(f"i{k}", "d", k * 5, k * 5 + 3, TAGS[k % 4], "a") for k in range(18)),
             Annotation("b1", "d", 2, 9, "actor.igo", "b"),
             Annotation("b2", "d", 4, 6, "actor.igo", "b")]
    for skip in (False, True):
        assert tally([(text, spans)], ["a", "b"], skip=skip).counts() == \
            reference_counts([(text, spans)], ["a", "b"], "tag", skip)


def test_spans_outside_the_text_are_refused():
    for start, end in ((0, 9), (-1, 2), (3, 2), (9, 9)):
        try:
            tally([("abcdefgh", [Annotation("x", "d", start, end, TAGS[0], "a")])],
                  ["a", "b"])
        except ValueError as e:
            assert "outside" in str(e)
        else:
            raise AssertionError(f"[{start}, {end}) was accepted")
