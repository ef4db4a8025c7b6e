"""A seed project without the demo gold layer, for tests whose subject is not the seeds'
annotations and that count or pick spans of their own (the gold layer a new project gets
is tested where it matters: tests/test_cli.py, tests/recommend, tests/qt)."""

from __future__ import annotations

from annotator import project


def create_without_gold(path, *args, **kwargs):
    """:func:`annotator.project.create_project`, the seed texts only."""
    kept = project.SEED_GOLD
    project.SEED_GOLD = "no-gold-layer-here.json"
    try:
        return project.create_project(path, *args, **kwargs)
    finally:
        project.SEED_GOLD = kept
