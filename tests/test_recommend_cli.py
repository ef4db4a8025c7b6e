"""``annotator recommend`` and ``annotator predict``: train, evaluate, show, threshold,
pre-annotate into a machine layer that review compares like an annotator's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.annotation import new_id, now
from annotator.core.dataset import ReviewDecision
from annotator.recommend import models
from annotator.review.layers import own_layers
from annotator.store import Store
from annotator.transfer import import_dataset

sys.path.insert(0, str(Path(__file__).resolve().parent / "recommend"))
from generated import documents  # noqa: E402


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """Generated documents (the right answer known): every span as lin's; as gold, all but
    one in ten (a reviewer's misses, so that the gold layer's F1 is below 1)."""
    from annotator.core.annotation import Annotation, Annotator
    from annotator.core.dataset import Dataset, DocumentData
    from annotator.core.document import Document, document_id, text_sha256
    from annotator.core.tagset import default_tagset

    path = tmp_path_factory.mktemp("recommend") / "g.annotator"
    assert run("init", path, "--no-seeds").exit_code == 0
    data = []
    for ex in documents(8, sentences=25):
        doc = Document(document_id(ex.text), ex.doc_id, ex.text, text_sha256(ex.text))
        spans = tuple(Annotation(new_id(), doc.id, s, e, t, "lin", {}, now(), now())
                      for s, e, t in ex.spans)
        gold = tuple(Annotation(new_id(), doc.id, s, e, t, "wang", {}, now(), now())
                     for k, (s, e, t) in enumerate(ex.spans) if k % 10 != 3)
        decisions = tuple(ReviewDecision(new_id(), doc.id, "wang", "gold", (), a.id, None,
                                         now()) for a in gold)
        data.append(DocumentData(doc, spans + gold, decisions))
    with Store.open(path) as store:
        import_dataset(store, Dataset(default_tagset(), (Annotator("lin", "Lin"),
                       Annotator("wang", "Wang", "reviewer")), tuple(data)), "generated")
    return path


def test_without_models_it_says_how_to_train(project):
    result = run("recommend", project)
    assert result.exit_code == 0 and "no trained recommenders" in result.output
    refused = run("predict", project, "--layer", "model:crf")
    assert refused.exit_code == 1 and "recommend" in refused.output and \
        len(refused.output.strip().splitlines()) == 1


def test_train_evaluate_as_json_and_plot(project, tmp_path):
    result = run("recommend", project, "--train", "--layer", "lin", "--eval", "--json",
                 "--plot", tmp_path / "charts")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["layer"] == "lin" and report["documents"] == 8
    assert report["method"] == "5-fold cross-validation over documents"
    assert len(report["learning_curve"]) == 10
    assert report["recommenders"]["crf"]["total"]["exact"]["f1"] > 0.9
    assert report["recommenders"]["lexicon"]["total"]["exact"]["f1"] > 0.9
    assert sorted(p.name for p in (tmp_path / "charts").iterdir()) == [
        "f1-per-tag.png", "f1-per-tag.svg", "learning-curve.png", "learning-curve.svg"]
    assert models.folder(Store.open_readonly(project)).joinpath("crf.npz").is_file()
    shown = run("recommend", project)
    assert "trained" in shown.output and "the sequence model (CRF) suggests" in shown.output


def test_a_threshold_above_the_f1_switches_a_recommender_off(project):
    assert run("recommend", project, "--train").exit_code == 0  # the gold layer
    assert run("recommend", project, "--threshold", "0.999").exit_code == 0
    shown = run("recommend", project).output
    assert "makes no suggestions: its F1 on held-out documents is" in shown
    refused = run("predict", project, "--layer", "model:crf")
    assert refused.exit_code == 1 and "below the project's threshold of 1.00" in \
        refused.output
    assert run("recommend", project, "--threshold", "0.4").exit_code == 0


def test_predict_fills_a_machine_layer_review_compares(project):
    first = run("predict", project, "--layer", "model:crf", "--docs", "1")
    assert first.exit_code == 0, first.output
    assert "layer model:crf:" in first.output and "in 1 documents" in first.output
    with Store.open_readonly(project) as store:
        doc = store.documents()[0]
        machine = [a for a in store.annotations(doc.id) if a.annotator == "model:crf"]
        gold = {(a.start, a.end, a.tag) for a in store.annotations(doc.id)
                if a.annotator == "wang"}
        assert machine and all(0 < a.attributes["score"] <= 1 for a in machine)
        assert len({(a.start, a.end, a.tag) for a in machine} & gold) / len(gold) > 0.9
        assert "model:crf" in own_layers(store)  # review compares it like an annotator's
    again = run("predict", project, "--layer", "model:crf", "--docs", "1")
    assert "0 spans added, 0 removed" in again.output


@pytest.mark.parametrize("args, message", [
    (["recommend", "--train", "--layer", "nobody"], "unknown layer 'nobody'"),
    (["recommend", "--json"], "--json and --plot go with --eval"),
    (["predict", "--layer", "crf"], "a machine layer's name starts with model:"),
])
def test_mistakes_are_one_line(project, args, message):
    result = run(args[0], project, *args[1:])
    assert result.exit_code != 0 and message in result.output
