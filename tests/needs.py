"""What a test needs from the machine (a font, a validator): on a developer's machine a
missing one skips the test with the package to install; in CI (``ANNOTATOR_CI=1``, set by
``.ci/run``, which installs them) a missing one fails it — no test skips itself in CI."""

from __future__ import annotations

import os

import pytest


def need(present: bool, what: str) -> None:
    if present:
        return
    if os.environ.get("ANNOTATOR_CI"):
        pytest.fail(f"CI must provide {what} (see .ci/run)")
    pytest.skip(f"needs {what}")
