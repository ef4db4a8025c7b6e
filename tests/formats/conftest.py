"""Lets the format tests import their shared seed dataset (tests/formats/seedset.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
