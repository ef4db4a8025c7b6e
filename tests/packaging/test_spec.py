"""The PyInstaller spec bundles what annotator/resources.py looks for under sys._MEIPASS."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "annotator.spec"


def assigned(name: str):
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return node.value
    raise AssertionError(f"{SPEC.name} assigns no {name}")


def test_spec_bundles_seeds_schemas_and_notices():
    folders = ast.literal_eval(assigned("DATA_FOLDERS"))
    assert {"seeds", "schemas", "LICENSES"} <= set(folders)
    assert all((ROOT / name).is_dir() for name in folders)
    datas = ast.unparse(assigned("datas"))
    assert "(str(ROOT / name), name) for name in DATA_FOLDERS" in datas  # same name inside


def test_resources_look_for_the_same_names():
    from annotator import resources

    folders = ast.literal_eval(assigned("DATA_FOLDERS"))
    assert resources.seeds_dir().name in folders
    assert resources.schemas_dir().name in folders
    assert resources.licenses_dir().name in folders


def test_spec_takes_every_module_and_the_opencc_dictionaries():
    text = SPEC.read_text(encoding="utf-8")
    assert 'hiddenimports=collect_submodules("annotator")' in text  # modules named in strings
    assert 'collect_data_files("opencc")' in text
    assert '"annotator" / "__main__.py"' in text
