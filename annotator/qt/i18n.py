"""The interface language: English, simplified Chinese (zh_CN) or traditional Chinese
(zh_TW), with Qt's own translation files.

The choice is the setting ``ui/language`` ("system", the default, follows the system
locale). :func:`install` loads our compiled catalogue (``translations/annotator_*.qm``,
made from the ``.ts`` files by ``make translations``) and Qt's ``qtbase_*.qm`` (the
standard buttons of dialogs) into the application. View → Language switches at run time:
the translators are swapped and the main window is made again on the same open project
(:func:`rebuild`), showing the same document, view, selection and scroll position — a
fresh window is simpler and surer than re-reading every widget's text in place.

Tag and group names are not ours to translate: the tagset carries them per language, and
:func:`tag_lang` says which of its languages matches the interface. Document titles and
texts are content and never translated.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QPoint,
    QSettings,
    QTime,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from annotator import zh

if TYPE_CHECKING:
    from annotator.qt.window import MainWindow


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Marks ``text`` for translation in ``context`` (lupdate finds it by this name) and
    returns it untranslated: for tables, translated where they are shown."""
    return text


KEY = "ui/language"
SYSTEM = "system"
LANGUAGES = ("en", "zh_CN", "zh_TW")
#: the tagset's label language for each interface language
TAG_LANGS = {"en": "en", "zh_CN": "zh-Hans", "zh_TW": "zh-Hant"}
#: View → Language: each language by its own name, as language menus do
CHOICES = ((SYSTEM, QT_TRANSLATE_NOOP("Language", "Follow the &system")),
           ("en", "&English"), ("zh_CN", "简体中文(&S)"), ("zh_TW", "繁體中文(&T)"))
FOLDER = Path(__file__).resolve().parent / "translations"
TRADITIONAL_TERRITORIES = (QLocale.Country.Taiwan, QLocale.Country.HongKong,
                           QLocale.Country.Macau)

translate = QCoreApplication.translate
_state: dict = {"language": "en", "translators": []}



# --- which language ------------------------------------------------------------------------
def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language to show for a choice: itself, or for "system" the system locale's
    (traditional Chinese for its script or for Taiwan, Hong Kong and Macau, simplified for
    other Chinese, English for everything else)."""
    if choice in LANGUAGES:
        return choice
    locale = system if system is not None else QLocale.system()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    if locale.script() == QLocale.Script.TraditionalHanScript or \
            locale.territory() in TRADITIONAL_TERRITORIES:
        return "zh_TW"
    return "zh_CN"


def chosen(settings: QSettings) -> str:
    """The stored choice: a language of :data:`LANGUAGES` or "system"."""
    value = settings.value(KEY, SYSTEM)
    return value if value in LANGUAGES or value == SYSTEM else SYSTEM


def current() -> str:
    """The language installed now (English until :func:`install` says otherwise)."""
    return _state["language"]


def tag_lang() -> str:
    """The tagset language matching the interface: "en", "zh-Hans" or "zh-Hant"."""
    return TAG_LANGS[current()]


def tag_name(tags: dict, tag_id: str) -> str:
    """A tag's name in the interface's language, from ``{id: Tag}`` (an unknown tag: its
    id)."""
    tag = tags.get(tag_id)
    return tag.name(tag_lang()) if tag is not None else tag_id


def tag_text(tag, lang: str | None = None) -> str:
    """A tag as menus and the palette show it: in Chinese its Chinese name; in English its
    English name and, after it, the simplified Chinese one the texts use."""
    lang = lang or tag_lang()
    if lang != "en":
        return tag.name(lang)
    return f"{tag.name(lang)}  {tag.label.get('zh-Hans', '')}".rstrip()


def pick(texts: dict[str, str], lang: str | None = None) -> str:
    """A tagset text (a definition) in ``lang``; Chinese falls back to the other script
    (converted), then English."""
    lang = lang or tag_lang()
    if texts.get(lang):
        return texts[lang]
    other = {"zh-Hans": "zh-Hant", "zh-Hant": "zh-Hans"}.get(lang)
    if other and texts.get(other):
        return zh.convert_view(texts[other], "simplified" if lang == "zh-Hans"
                               else "traditional")
    return texts.get("en", "")


def plain(text: str) -> str:
    """A menu text without its accelerator: "&Open…" and "打开(&O)…" -> "Open…", "打开…"."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def catalogues(language: str) -> list[Path]:
    """Our catalogue and Qt's for ``language`` (for English, the source language, only
    ours: the plural forms of the messages with a count, "1 span" and "2 spans")."""
    if language == "en":
        return [FOLDER / "annotator_en.qm"]
    qt = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [FOLDER / f"annotator_{language}.qm", qt / f"qtbase_{language}.qm"]


def install(settings: QSettings | None = None, language: str | None = None) -> str:
    """Show the interface in ``language``, or in the one ``settings`` chose; replaces the
    translators installed before. Returns the language."""
    if language is None:
        language = resolve(chosen(settings) if settings is not None else SYSTEM)
    app = QCoreApplication.instance()
    assert app is not None, "install() needs the QApplication"
    for old in _state["translators"]:
        app.removeTranslator(old)
    _state["translators"] = []
    for path in catalogues(language):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _state["translators"].append(translator)
        elif path.parent == FOLDER:
            sys.stderr.write(f"annotator: the translation {path} is missing\n")
    _state["language"] = language
    return language


# --- dates ---------------------------------------------------------------------------------
#: QLocale date formats: a time today, a day this year, a day of another year
WHEN_FORMATS = (QT_TRANSLATE_NOOP("Dates", "HH:mm"), QT_TRANSLATE_NOOP("Dates", "d MMM HH:mm"),
                QT_TRANSLATE_NOOP("Dates", "d MMM yyyy HH:mm"))
LOCALES = {"en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
           "zh_CN": (QLocale.Language.Chinese, QLocale.Country.China),
           "zh_TW": (QLocale.Language.Chinese, QLocale.Country.Taiwan)}


def when(moment: str | float | dt.datetime, now: dt.datetime | None = None) -> str:
    """A moment as people say it, in local time and the interface's language: "18:02"
    today, "5 Dec 18:02" (12月5日 18:02) this year, "5 Dec 2025 18:02" before. ``moment``:
    an ISO 8601 text (as stored: UTC), seconds since the epoch, or a datetime (naive:
    local). A text that is no date comes back as it is."""
    if isinstance(moment, str):
        try:
            parsed = dt.datetime.fromisoformat(moment)
        except ValueError:
            return moment
    elif isinstance(moment, int | float):
        parsed = dt.datetime.fromtimestamp(moment)
    else:
        parsed = moment
    local = parsed.astimezone() if parsed.tzinfo else parsed
    today = (now or dt.datetime.now()).astimezone().date()
    day = local.date()
    shape = WHEN_FORMATS[0 if day == today else 1 if day.year == today.year else 2]
    language, country = LOCALES[current()]
    return QLocale(language, country).toString(
        QDateTime(QDate(day.year, day.month, day.day),
                  QTime(local.hour, local.minute, local.second)),
        translate("Dates", shape))


# --- View → Language -----------------------------------------------------------------------
def language_menu(window: MainWindow, parent: QMenu) -> QMenu:
    """The Language submenu: the three languages and "follow the system", the stored
    choice checked."""
    menu = parent.addMenu(translate("Language", "&Language"))
    group = QActionGroup(menu)
    stored = chosen(window.settings)
    for value, text in CHOICES:
        action = QAction(translate("Language", text), menu, checkable=True)
        action.setData(value)
        action.setChecked(value == stored)
        action.setStatusTip(translate("Language", "Show the interface in this language"))
        action.triggered.connect(partial(_chosen, window, value))
        group.addAction(action)
        menu.addAction(action)
    return menu


def _chosen(window: MainWindow, value: str, _checked: bool = False) -> None:
    # after the menu has closed: the window that owns it is about to be replaced
    QTimer.singleShot(0, partial(switch, window, value))


def switch(window: MainWindow, value: str) -> MainWindow:
    """Store the choice and, when it changes the language, show the interface in it: the
    window made again on the same project. Returns the window now showing."""
    window.settings.setValue(KEY, value)
    language = resolve(value)
    if language == current():
        return window
    install(language=language)
    return rebuild(window)


def live(window: MainWindow) -> MainWindow:
    """The window that replaced ``window`` (after language switches), or ``window``."""
    while (newer := getattr(window, "replaced_by", None)) is not None:
        window = newer
    return window


def rebuild(old: MainWindow) -> MainWindow:
    """A new main window, in the language installed now, on ``old``'s open project (the
    same store: no reopening, no lock taken again), showing what ``old`` showed; ``old``
    closes (saving its geometry and docks, which the new one restores)."""
    from annotator.qt.safety import install_error_hook
    from annotator.qt.window import MainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    quits = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # between the two windows, none is open
    place = _place(old)
    old.close()
    new = MainWindow(old.store, old.session.annotator, old.settings)
    old.replaced_by = new  # type: ignore[attr-defined]
    _restore(new, place)
    if (saved_at := getattr(old, "saved_at", None)) is not None:
        new._saved(saved_at)  # "Saved 17:53:24" stays, in the new language
    new.show()
    app.setQuitOnLastWindowClosed(quits)
    scroll_to(new.reader, place[2])
    if getattr(sys.excepthook, "__qualname__", "").startswith("install_error_hook"):
        install_error_hook(new)  # the app's hook names the window its messages go to
    old.deleteLater()
    return new


def _place(w: MainWindow) -> tuple:
    doc = w.editor.doc
    selected = w.editor.selected
    return (doc.id if doc else None, selected.id if selected else None,
            w.reader.cursorForPosition(QPoint(0, 0)).position(), w.reader.selection(),
            w.editor.shown,
            w.search.query.text())


def _restore(w: MainWindow, place: tuple) -> None:
    doc_id, span_id, _top, (start, end), shown, query = place
    if doc_id and (w.editor.doc is None or w.editor.doc.id != doc_id) and \
            w.doc_list.model.row_of(doc_id) >= 0:
        w.open_document(doc_id)
    if shown != w.editor.shown:
        w.set_shown(shown)
    if span_id is not None and w.editor.index is not None and \
            any(a.id == span_id for a in w.editor.index):
        w.select_span(span_id)
    elif start != end:
        w.reader.select_range(start, end, ensure_visible=False)
    w.search.query.setText(query)


def scroll_to(reader, top: int) -> None:
    """Scroll ``reader`` so that the line holding ``top`` (a UTF-16 position) is the first
    one shown, the caret and selection kept. The scroll bar counts laid-out lines, and a
    fresh text is laid out lazily, so the old value cannot simply be set again: scrolled
    to the end, the reader brings a position above the view into it at the top."""
    keep = reader.textCursor()
    bar = reader.verticalScrollBar()
    bar.setValue(bar.maximum())
    cursor = QTextCursor(reader.document())
    cursor.setPosition(min(top, reader.document().characterCount() - 1))
    reader.setTextCursor(cursor)
    reader.ensureCursorVisible()
    there = bar.value()  # the lines up to here are laid out now: the value holds
    reader.setTextCursor(keep)  # (which scrolls to the caret)
    bar.setValue(there)
