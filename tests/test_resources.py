"""Where the shipped files are found: a PyInstaller bundle first, then the package's own
data/ (an installed wheel), then the checkout's root."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator import resources

CHECKOUT = Path(__file__).resolve().parents[1]


def test_a_checkout_uses_its_root_folders():
    assert resources.seeds_dir() == CHECKOUT / "seeds"
    assert resources.schemas_dir() == CHECKOUT / "schemas"
    assert resources.licenses_dir() == CHECKOUT / "LICENSES"
    assert resources.icon_path() == (CHECKOUT / "packaging/icons/hicolor/scalable/apps" /
                                     f"{resources.APP_ID}.svg")


def test_a_bundle_is_preferred_when_it_has_the_folder(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / f"{resources.APP_ID}.svg").write_text("<svg/>")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.seeds_dir() == tmp_path / "seeds"
    assert resources.schemas_dir() == CHECKOUT / "schemas"  # not in this bundle
    assert resources.icon_path() == tmp_path / "icons" / f"{resources.APP_ID}.svg"


def test_missing_folder_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(resources, "_roots", lambda: [tmp_path])
    with pytest.raises(FileNotFoundError, match="'seeds' folder is missing"):
        resources.seeds_dir()
    assert resources.icon_path() is None
