"""What a clicked cell or bar of the Statistics view counts (the caption above the list of
its places): the window's words in the interface's language, tag and group names in the
charts' language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.qt.i18n import QT_TRANSLATE_NOOP
from annotator.stats.labels import group_label, tag_label, text
from annotator.stats.model import UNDATED, Key, Stats

translate = QCoreApplication.translate

#: what a clicked cell or bar counts, by the kind of its key
CAPTIONS = {
    "tag": QT_TRANSLATE_NOOP("StatsView", "{tag}: %n span(s)"),
    "cooc-sentence": QT_TRANSLATE_NOOP("StatsView",
                                       "{row} × {column}: %n sentence(s) with both"),
    "cooc-paragraph": QT_TRANSLATE_NOOP("StatsView",
                                        "{row} × {column}: %n paragraph(s) with both"),
    "timeline": QT_TRANSLATE_NOOP("StatsView", "{tag} in {period}: %n span(s)"),
    "name": QT_TRANSLATE_NOOP("StatsView", "{name} ({group}): %n span(s)"),
    "annotator": QT_TRANSLATE_NOOP("StatsView", "{annotator} · {group}: %n span(s)"),
    "status": QT_TRANSLATE_NOOP("StatsView", "{measure} · {status}: %n document(s)"),
    "document": QT_TRANSLATE_NOOP("StatsView", "{title}: %n span(s)"),
}



def caption(stats: Stats, key: Key, lang: str) -> str:
    """What a chart's cell or bar counts, for the list of its places: the window's words
    in the interface's language, tag and group names in the charts' (``lang``)."""
    ts, kind = stats.tagset, key[0]
    n = stats.total_of(key)
    values: dict[str, object] = {}
    if kind == "tag":
        values["tag"] = tag_label(ts, key[1], lang)
    elif kind == "cooc":
        values.update(row=tag_label(ts, key[2], lang), column=tag_label(ts, key[3], lang))
        kind = f"cooc-{stats.unit}"
    elif kind == "timeline":
        values.update(tag=tag_label(ts, key[2], lang),
                      period=text("undated", lang) if key[1] == UNDATED else key[1])
    elif kind == "name":
        values.update(name=key[2], group=group_label(ts, key[1], lang))
    elif kind == "annotator":
        values.update(annotator=key[1], group=group_label(ts, key[2], lang))
    elif kind == "status":
        values.update(measure=text(key[1], lang), status=text(key[2], lang))
    elif kind == "document":
        values["title"] = next((d.title for d in stats.documents if d.doc_id == key[1]), key[1])
    if kind not in CAPTIONS:
        return " ".join(key)
    return translate("StatsView", CAPTIONS[kind], "", n).format(**values)
