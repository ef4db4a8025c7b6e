"""Run the cleaning rules over decoded text: canonical text plus a log of what went."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.ingest.rules import RULE_NAMES, RULES
from annotator.ingest.tracked import LogEntry, TrackedText


@dataclass(frozen=True)
class Cleaned:
    text: str
    log: tuple[LogEntry, ...]
    rules: tuple[str, ...]  # the rules that ran, in order


def clean(original: str, rules: Iterable[str] | None = None) -> Cleaned:
    """Clean ``original`` with the named rules (default: all). Required rules always run.

    Raises ``ValueError`` for an unknown rule name.
    """
    wanted = set(RULE_NAMES if rules is None else rules)
    unknown = wanted - set(RULE_NAMES)
    if unknown:
        raise ValueError(f"unknown cleaning rule(s): {', '.join(sorted(unknown))}; "
                         f"known: {', '.join(RULE_NAMES)}")
    tracked = TrackedText(original)
    ran = []
    crumbs_kept = "scrape-crumbs" not in wanted  # see Rule.edits
    for rule in RULES:
        if rule.required or rule.name in wanted:
            tracked.apply(rule.name, rule.edits(tracked.text, crumbs_kept))
            ran.append(rule.name)
    return Cleaned(tracked.text, tuple(tracked.log()), tuple(ran))
