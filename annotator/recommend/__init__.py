"""Machine-assisted annotation: two recommenders trained on the project's own spans, each
scored and measured on documents it never saw.

* :mod:`~annotator.recommend.lexicon` — the lexicon: every string the training layer tagged
  (simplified and traditional folded), with the share of its occurrences that carried each
  tag as the score;
* :mod:`~annotator.recommend.crf` — a character-level sequence labeller (a linear-chain
  CRF trained with CRFsuite; no downloaded weights) over character n-grams of the folded
  text, lexicon matches and jieba's word boundaries (:mod:`~annotator.recommend.features`);
* :mod:`~annotator.recommend.evaluate` — a document-level split, per-tag precision, recall
  and F1 for exact and overlapping matches, and a learning curve;
* :mod:`~annotator.recommend.models` — where trained models live (files beside the
  project, or in the user's data folder for a team project) and whether each one may
  suggest (its F1 against the project's threshold).

Pure Python over numpy and CRFsuite: no Qt, no SQL. Nothing here is imported when the
program starts.
"""
