"""Corpus statistics: counts per tag, group, document and annotator, progress,
co-occurrence of actors with threats and mechanisms, threats over time and the most
frequent names, for one layer (all annotators, one annotator, or gold).

Pure computation (:mod:`~annotator.stats.compute`), tables as text, JSON and CSV
(:mod:`~annotator.stats.tables`) and matplotlib figures (:mod:`~annotator.stats.plots`);
no Qt here, so ``annotator stats`` works without a display.
"""
