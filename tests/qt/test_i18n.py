"""The interface in English and Chinese: the catalogues hold every string of annotator/qt,
translated, and are compiled; the language follows the system or the setting and switches
at run time. (The walk through the window in Chinese is in test_i18n_walk.py.)"""

from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QLocale, QSettings  # noqa: E402

from annotator.core.annotation import Annotator  # noqa: E402
from annotator.project import create_project  # noqa: E402
from annotator.qt import i18n  # noqa: E402
from annotator.qt.window import MainWindow  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("make_translations",
                                               ROOT / "tools" / "make_translations.py")
assert _spec is not None and _spec.loader is not None
mt = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mt)

CATALOGUES = (mt.SIMPLIFIED, mt.TRADITIONAL)
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def catalogue(ts: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation of every message of a .ts file (of a message with
    plural forms, its forms, one a line)."""
    return {(context, m.findtext("source") or ""): translation(m)
            for context, m in mt.messages(ts)}


def translation(message) -> str:
    forms = [f.text or "" for f in message.iter("numerusform")]
    return "\x1e".join(forms) if forms else message.findtext("translation") or ""


def marked_in_sources() -> set[tuple[str, str]]:
    """(context, text) of every literal the code marks for translation: translate("C", "t"),
    QT_TRANSLATE_NOOP("C", "t"), and self.tr("t") in a class C — read from the syntax
    tree, independently of lupdate (which skips some calls silently)."""
    found = set()
    for path in mt.sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owner = {}
        for cls in ast.walk(tree):
            if isinstance(cls, ast.ClassDef):
                owner.update((id(n), cls.name) for n in ast.walk(cls))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            f = call.func
            name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str)
                    else None for a in call.args]
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(args) >= 2 \
                    and args[0] and args[1] is not None:
                found.add((args[0], args[1]))
            elif name == "tr" and isinstance(f, ast.Attribute) and \
                    getattr(f.value, "id", "") == "self" and args and args[0] is not None:
                found.add((owner.get(id(call), ""), args[0]))
    return found


# --- the catalogues ------------------------------------------------------------------------
def test_the_catalogue_holds_exactly_the_messages_of_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    mt.lupdate(fresh)
    extracted, committed = set(catalogue(fresh)), set(catalogue(mt.SIMPLIFIED))
    assert not extracted - committed, "run `make translations`: new messages"
    assert not committed - extracted, "run `make translations`: messages no longer used"
    assert set(catalogue(mt.TRADITIONAL)) == committed


def test_every_string_marked_in_the_code_reached_the_catalogue():
    marked = marked_in_sources()
    assert len(marked) > 300
    assert marked <= set(catalogue(mt.SIMPLIFIED))


@pytest.mark.parametrize("ts", (*CATALOGUES, mt.ENGLISH), ids=lambda p: p.stem)
def test_every_message_is_translated(ts):
    assert mt.untranslated(ts) == []
    for (context, source), forms in catalogue(ts).items():
        for text in forms.split("\x1e"):
            assert text.strip(), (context, source)
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), \
                (context, source, text)
            for count in ("%n", "%Ln"):  # the number, where the source has it
                assert text.count(count) == source.count(count), (context, source, text)
            accelerators = [len(re.findall(r"&(?!&)\S", s)) for s in (source, text)]
            assert accelerators[0] == accelerators[1], (context, source, text)


def test_english_holds_the_plural_forms_of_every_message_with_a_count(tmp_path):
    counted = {key for key in catalogue(mt.SIMPLIFIED) if mt.counted(key[1])}
    assert len(counted) > 20
    english = catalogue(mt.ENGLISH)
    assert set(english) == counted
    assert english[("SearchPanel", "%n span(s)")] == "%n span\x1e%n spans"
    assert english[("SearchPanel", "%n match(es)")] == "%n match\x1e%n matches"
    made = tmp_path / "annotator_en.ts"
    mt.english(mt.SIMPLIFIED, made)
    assert made.read_bytes() == mt.ENGLISH.read_bytes(), "run `make translations`"


@pytest.mark.parametrize(("language", "one", "two"), [
    ("en", "1 span", "2 spans"), ("zh_CN", "1 个片段", "2 个片段"),
    ("zh_TW", "1 個片段", "2 個片段")])
def test_counts_take_the_languages_plural_forms(qapp, language, one, two):
    from PySide6.QtCore import QCoreApplication

    try:
        i18n.install(language=language)
        assert [QCoreApplication.translate("SearchPanel", "%n span(s)", "", n)
                for n in (1, 2)] == [one, two]
    finally:
        i18n.install(language="en")


def test_chinese_menus_put_the_accelerator_after_the_text():
    texts = catalogue(mt.SIMPLIFIED)
    assert texts[("Menus", "&File")] == "文件(&F)"
    for (context, source), text in texts.items():
        if context in ("Menus", "Actions") and "&" in source and text != source:
            assert re.search(r"\(&[A-Z]\)", text), (source, text)


def test_traditional_is_converted_from_simplified(tmp_path):
    made = tmp_path / "annotator_zh_TW.ts"
    mt.traditional(mt.SIMPLIFIED, made)
    assert catalogue(made) == catalogue(mt.TRADITIONAL)
    traditional = catalogue(mt.TRADITIONAL)
    assert traditional[("Menus", "&File")] == "檔案(&F)"
    assert traditional[("Docks", "Tags")] == "標籤"


@pytest.mark.parametrize("ts", (*CATALOGUES, mt.ENGLISH), ids=lambda p: p.stem)
def test_the_compiled_catalogue_is_the_committed_one(tmp_path, ts):
    compiled = tmp_path / ts.with_suffix(".qm").name
    mt.lrelease(ts, compiled)
    assert compiled.read_bytes() == ts.with_suffix(".qm").read_bytes(), \
        "run `make translations`: the .qm is older than the .ts"


# --- choosing the language -----------------------------------------------------------------
@pytest.mark.parametrize(("locale", "language"), [
    ("zh_CN", "zh_CN"), ("zh_SG", "zh_CN"), ("zh_TW", "zh_TW"), ("zh_HK", "zh_TW"),
    ("zh_MO", "zh_TW"), ("zh_Hant_CN", "zh_TW"), ("en_US", "en"), ("de_DE", "en"),
    ("ja_JP", "en")])
def test_the_system_locale_chooses_the_language(locale, language):
    assert i18n.resolve("system", QLocale(locale)) == language
    assert i18n.resolve("en", QLocale(locale)) == "en"
    assert i18n.resolve("zh_TW", QLocale(locale)) == "zh_TW"


def test_the_setting_chooses_the_language(qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    try:
        assert i18n.chosen(settings) == "system"
        settings.setValue(i18n.KEY, "zh_TW")
        assert i18n.install(settings) == "zh_TW" and i18n.tag_lang() == "zh-Hant"
        assert QCoreApplication.translate("Menus", "&View") == "檢視(&V)"
        assert i18n.install(language="zh_CN") == "zh_CN"
        assert QCoreApplication.translate("Menus", "&View") == "视图(&V)"
        settings.setValue(i18n.KEY, "klingon")  # a bad value: the system's language
        assert i18n.chosen(settings) == "system"
    finally:
        i18n.install(language="en")
    assert QCoreApplication.translate("Menus", "&View") == "&View"


def test_qt_standard_buttons_are_translated_too(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox.StandardButton
    try:
        i18n.install(language="zh_CN")
        box = QDialogButtonBox(buttons.Ok | buttons.Cancel)
        assert {b.text() for b in box.buttons()} == {"确定", "取消"}
    finally:
        i18n.install(language="en")


def test_a_missing_catalogue_leaves_english(qapp, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(i18n, "FOLDER", tmp_path)
    try:
        i18n.install(language="zh_CN")
        from PySide6.QtCore import QCoreApplication

        assert QCoreApplication.translate("Menus", "&View") == "&View"
        assert "annotator_zh_CN.qm is missing" in capsys.readouterr().err
    finally:
        i18n.install(language="en")


def test_tags_are_named_in_the_interface_language(qapp):
    from annotator.core.tagset import default_tagset

    state = default_tagset().tag("actor.state")
    assert i18n.tag_text(state, "en") == "State  国家"
    assert i18n.tag_text(state, "zh-Hans") == "国家"
    assert i18n.tag_text(state, "zh-Hant") == "國家"
    assert i18n.pick({"en": "a state", "zh-Hans": "主权国家"}, "zh-Hant") == "主權國家"
    assert i18n.plain("打开项目(&O)…") == "打开项目…" and i18n.plain("R&&D") == "R&D"


# --- switching at run time -----------------------------------------------------------------
def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def language_action(window, value: str):
    view = window.menus["&View"]
    menu = next(a.menu() for a in view.actions() if a.menu() is not None and
                any(b.data() == value for b in a.menu().actions()))
    return next(a for a in menu.actions() if a.data() == value)


def test_switching_the_language_remakes_the_window_in_place(qtbot, tmp_path):
    store, _ = create_project(tmp_path / "p.annotator")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = first = MainWindow(store, Annotator("lin", "Lin"), settings)
    try:
        window.show()
        qtbot.waitExposed(window)
        assert menu_titles(window)[:3] == ["&File", "&Edit", "S&uggestions"]
        doc = window.doc_list.model.rows[2].id
        window.open_document(doc)
        window.set_view("traditional")
        window.reader.select_range(5, 9)
        assert language_action(window, "system").isChecked()

        language_action(window, "zh_CN").trigger()
        qtbot.waitUntil(lambda: i18n.live(first) is not first)
        window = i18n.live(first)
        assert window.isVisible() and settings.value(i18n.KEY) == "zh_CN"
        assert menu_titles(window)[:4] == ["文件(&F)", "编辑(&E)", "建议(&U)", "视图(&V)"]
        assert window.docks["palette"].windowTitle() == "标签"
        assert window.store is store and not store.closed
        assert (window.doc.id, window.view, window.reader.selection()) == (
            doc, "traditional", (5, 9))
        assert language_action(window, "zh_CN").isChecked()
        window.apply_tag("actor.state")  # the same project, still editable
        assert any((a.start, a.end) == (5, 9) for a in store.annotations(doc))
        assert window.acts["undo"].text().startswith("撤销(&U) 标注")
        saved = window.status_saved.text()
        assert saved.startswith("已保存")

        language_action(window, "en").trigger()
        qtbot.waitUntil(lambda: i18n.live(first) is not window)
        window = i18n.live(first)
        assert menu_titles(window)[:2] == ["&File", "&Edit"]
        assert window.docks["palette"].windowTitle() == "Tags"
        assert i18n.current() == "en" and window.doc.id == doc
        assert window.status_saved.text() == "Saved " + saved.split()[-1]  # the same time
    finally:
        i18n.install(language="en")
        i18n.live(first).close()
        store.close()


def test_choosing_the_language_shown_already_keeps_the_window(qtbot, seed_window):
    assert i18n.switch(seed_window, "en") is seed_window
    assert seed_window.settings.value(i18n.KEY) == "en"
    assert i18n.live(seed_window) is seed_window


def test_the_catalogues_ship_with_the_package():
    data = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"qt/translations/*.qm"' in data
    for ts in (*CATALOGUES, mt.ENGLISH):
        assert ts.with_suffix(".qm").is_file()
    assert "tools/make_translations.py" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_the_window_says_1_span_and_2_spans(qapp):
    from annotator.core.document import DocumentSummary
    from annotator.qt.models import document_line
    from annotator.qt.searchpanel import Result, count_text

    def row(spans: int) -> DocumentSummary:
        return DocumentSummary("d", "t", None, None, "zh-Hans", (), "todo", "not_reviewed",
                               spans, 10, 0)

    assert document_line(1, 1, row(1)) == "Document 1 of 1 · 1 span · to do"
    assert document_line(2, 5, row(0)) == "Document 2 of 5 · 0 spans · to do"
    assert count_text(Result([1], True, 1)) == "1 span"
    try:
        i18n.install(language="zh_CN")
        assert document_line(1, 1, row(1)) == "第 1 篇，共 1 篇 · 1 个片段 · 待标注"
    finally:
        i18n.install(language="en")
