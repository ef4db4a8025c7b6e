"""Lets the format tests import their shared seed dataset (tests/formats/seedset.py), and
shares the compiled TEI schema."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def validator():
    """tei_all.rng compiled once for the whole session (10-20 s)."""
    from annotator.core.dataset import Dataset
    from annotator.core.tagset import default_tagset
    from annotator.formats import tei

    tei.validate(tei.standoff_corpus(Dataset(default_tagset(), ())))
    return tei.validate
