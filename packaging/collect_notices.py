"""Write LICENSES/<distribution>.txt for the third-party Python distributions the app
bundles, from the licence files in their installed .dist-info folders.

    .venv/bin/python packaging/collect_notices.py        (re-run when dependencies change)

Each notice starts with ``Key: value`` header lines (Component, Distribution, License,
Homepage), then a blank line, then the licence text(s). annotator/qt/about.py lists them.
The notices for annotator, Python, Qt/PySide6, SQLite, the TEI schema, jieba (its
distribution carries no licence file) and CRFsuite (compiled into python-crfsuite) are
written by hand. tests/packaging/test_notices.py checks that every runtime dependency has a notice.
"""

from __future__ import annotations

import importlib.metadata as md
import re
import sys
from pathlib import Path

LICENSES = Path(__file__).resolve().parents[1] / "LICENSES"

# distribution: (component, SPDX licence, homepage)
DISTRIBUTIONS = {
    "ahocorasick-rs": ("ahocorasick_rs (the suggestion scanner; with the Rust aho-corasick "
                       "crate)", "Apache-2.0", "https://github.com/G-Research/ahocorasick_rs"),
    "attrs": ("attrs", "MIT", "https://www.attrs.org/"),
    "click": ("Click", "BSD-3-Clause", "https://palletsprojects.com/p/click/"),
    "click-default-group": ("click-default-group", "BSD-3-Clause",
                            "https://github.com/click-contrib/click-default-group"),
    "contourpy": ("ContourPy", "BSD-3-Clause", "https://github.com/contourpy/contourpy"),
    "cycler": ("Cycler", "BSD-3-Clause", "https://matplotlib.org/cycler/"),
    "fonttools": ("fontTools", "MIT", "https://github.com/fonttools/fonttools"),
    "jsonschema": ("jsonschema", "MIT", "https://github.com/python-jsonschema/jsonschema"),
    "jsonschema-specifications": ("jsonschema-specifications", "MIT",
                                  "https://github.com/python-jsonschema/jsonschema-specifications"),
    "kiwisolver": ("Kiwi (kiwisolver)", "BSD-3-Clause", "https://github.com/nucleic/kiwi"),
    "lxml": ("lxml (with libxml2 and libxslt)", "BSD-3-Clause AND MIT", "https://lxml.de/"),
    "matplotlib": ("Matplotlib", "LicenseRef-Matplotlib (PSF-based)", "https://matplotlib.org"),
    "numpy": ("NumPy", "BSD-3-Clause AND 0BSD AND MIT AND Zlib AND CC0-1.0", "https://numpy.org"),
    "opencc-python-reimplemented": ("opencc-python-reimplemented (OpenCC dictionaries)",
                                    "Apache-2.0", "https://github.com/yichen0831/opencc-python"),
    "packaging": ("packaging", "Apache-2.0 OR BSD-2-Clause", "https://packaging.pypa.io/"),
    "pillow": ("Pillow", "MIT-CMU", "https://python-pillow.github.io/"),
    "platformdirs": ("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    "pluggy": ("pluggy", "MIT", "https://github.com/pytest-dev/pluggy"),
    "psycopg": ("psycopg 3 (PostgreSQL driver, team projects)", "LGPL-3.0-only",
                "https://www.psycopg.org/"),
    "psycopg-binary": ("psycopg 3 C implementation, with the libraries its wheel bundles: "
                       "libpq (PostgreSQL), OpenSSL, MIT Kerberos, OpenLDAP, Cyrus SASL, "
                       "libxcrypt, keyutils, com_err",
                       "LGPL-3.0-only; bundled: PostgreSQL AND Apache-2.0 AND MIT AND "
                       "OLDAP-2.8 AND BSD-Attribution-HPND-disclaimer AND LGPL-2.1-or-later",
                       "https://www.psycopg.org/"),
    "pyparsing": ("pyparsing", "MIT", "https://github.com/pyparsing/pyparsing"),
    "python-crfsuite": ("python-crfsuite (binding for CRFsuite: see crfsuite.txt)", "MIT",
                        "https://github.com/scrapinghub/python-crfsuite"),
    "python-dateutil": ("python-dateutil", "BSD-3-Clause AND Apache-2.0",
                        "https://github.com/dateutil/dateutil"),
    "referencing": ("referencing", "MIT", "https://github.com/python-jsonschema/referencing"),
    "rpds-py": ("rpds-py", "MIT", "https://github.com/crate-py/rpds"),
    "sqlite-fts4": ("sqlite-fts4", "Apache-2.0", "https://github.com/simonw/sqlite-fts4"),
    "sqlite-utils": ("sqlite-utils", "Apache-2.0", "https://github.com/simonw/sqlite-utils"),
    "tabulate": ("tabulate", "MIT", "https://github.com/astanin/python-tabulate"),
    "typing-extensions": ("typing_extensions", "PSF-2.0",
                          "https://github.com/python/typing_extensions"),
    "tzdata": ("tzdata", "Apache-2.0", "https://github.com/python/tzdata"),
}
LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice)", re.I)


def licence_texts(dist: md.Distribution) -> list[tuple[str, str]]:
    out = []
    for f in dist.files or []:
        if ".dist-info" in str(f) and LICENCE_FILE.search(f.name):
            out.append((str(f).split(".dist-info/", 1)[1], f.read_text(encoding="utf-8")))
    return sorted(out)


def notice(name: str) -> str:
    component, spdx, homepage = DISTRIBUTIONS[name]
    dist = md.distribution(name)
    texts = licence_texts(dist)
    if not texts:
        raise SystemExit(f"{name}: no licence file in its .dist-info; write its notice by hand")
    head = (f"Component: {component}\nDistribution: {name}\nLicense: {spdx}\n"
            f"Homepage: {homepage}\n\n"
            f"{component} is bundled with annotator under the following "
            f"licence terms (from its distribution's {', '.join(n for n, _ in texts)}).\n")
    body = "".join(f"\n----- {n} -----\n\n{t.strip()}\n" for n, t in texts)
    return head + body


def main() -> int:
    for name in DISTRIBUTIONS:
        path = LICENSES / f"{name}.txt"
        path.write_text(notice(name), encoding="utf-8")
        print(f"wrote {path.relative_to(LICENSES.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
