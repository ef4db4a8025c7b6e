"""Lets the packaging tests import their shared helpers (tests/packaging/smokeenv.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
