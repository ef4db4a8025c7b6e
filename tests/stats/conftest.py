"""Lets the statistics tests import their annotated seed project (tests/stats/statseeds.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
