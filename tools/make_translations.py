"""Update the interface translations (``make translations``).

1. ``pyside6-lupdate`` extracts every ``self.tr(...)``, ``translate("Context", ...)`` and
   ``QT_TRANSLATE_NOOP("Context", ...)`` string of annotator/qt/ into
   annotator/qt/translations/annotator_zh_CN.ts, keeping the translations already there and
   dropping messages no longer in the code (``-no-obsolete``). New messages come in
   unfinished: translate them (Qt Linguist, or by hand in the XML) and run this again.
2. annotator_zh_TW.ts (traditional Chinese, Taiwan usage) is made from the simplified one
   with OpenCC's ``s2twp`` conversion; :data:`TW_OVERRIDES` corrects phrases it gets wrong.
3. annotator_en.ts holds English's plural forms only: every message with a count (``%n``
   or ``%Ln`` in its source, e.g. ``"%n span(s)"``, called as ``translate(context, source,
   "", n)``) in two forms made from the source ("%n span" for one, "%n spans" for more);
   :data:`EN_OVERRIDES` holds forms the rule gets wrong. (Chinese has one form: the zh
   catalogues translate such a message once, and Qt puts the number in.)
4. ``pyside6-lrelease`` compiles the three into the ``.qm`` files the app loads (committed,
   so that running the app needs no build step).

    python tools/make_translations.py          # all four steps
    python tools/make_translations.py --check  # exit 1 when a message is untranslated
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "annotator" / "qt"
FOLDER = SOURCES / "translations"
SIMPLIFIED = FOLDER / "annotator_zh_CN.ts"
TRADITIONAL = FOLDER / "annotator_zh_TW.ts"
ENGLISH = FOLDER / "annotator_en.ts"
#: en: plural forms the "(s)" rule gets wrong: (context, source) -> (one, more)
EN_OVERRIDES: dict[tuple[str, str], tuple[str, str]] = {
    ("ConsistencyDialog", "%n cut(s) a word"): ("%n cuts a word", "%n cut a word"),
}
#: modules left out of the catalogue (none: every module of annotator/qt is scanned; fonts.py
#: shows no text, and smoke.py's one line is for the packaging test harness, printed on
#: the terminal and read by tests/packaging/test_smoke.py, so it stays English, unmarked)
SKIPPED: set[str] = set()
#: zh_TW: what s2twp leaves or makes that Taiwanese interfaces say otherwise (applied in
#: order, after the conversion)
TW_OVERRIDES = {
    "“": "「", "”": "」",  # quotation marks
    "型別": "類型",  # s2twp's programming "type"
    "查詢": "尋找",  # Find
    "外接標註": "外置標註",  # stand-off
    "幫助(&H)": "說明(&H)",  # the Help menu
    "只讀": "唯讀",
    "實時": "即時",  # live (updates)
    "新建": "新增",
    "退出(&Q)": "結束(&Q)",
    "下劃線": "底線",
    "示例": "範例", "樣例": "範例",
    "許可證": "授權條款",  # a licence
    "主頁": "首頁",  # a homepage
    "它們的宣告": "它們的聲明",  # their (licence) notice
    "撤銷": "復原",  # Undo
    # normalized names are simplified (the examples must not be converted)
    "將 趙克志 規範為 趙克志": "將 趙克志 規範為 赵克志",
    "規範名稱，例如 趙克志": "規範名稱，例如 赵克志",
}


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: next to this Python, else on the PATH."""
    here = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(here) if here.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"make_translations: pyside6-{name} not found (pip install PySide6)")
    return found


def sources() -> list[Path]:
    return sorted(p for p in SOURCES.glob("*.py") if p.name not in SKIPPED)


def lupdate(ts: Path) -> None:
    """Extract the messages of :func:`sources` into ``ts`` (created or merged)."""
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "relative",
                    "-source-language", "en", "-target-language", "zh_CN",
                    *map(str, sources()), "-ts", str(ts)], check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path):
    """(context, message element) for every message of a .ts file."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def untranslated(ts: Path) -> list[str]:
    """"context: source" of each message with no finished translation."""
    out = []
    for context, message in messages(ts):
        translation = message.find("translation")
        texts = [translation.text] if translation is not None and \
            translation.find("numerusform") is None else \
            [f.text for f in translation.iter("numerusform")] if translation is not None else []
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("unfinished", "vanished", "obsolete", "missing") or \
                not texts or not all(t and t.strip() for t in texts):
            out.append(f"{context}: {message.findtext('source')}")
    return out


def traditional(simplified: Path, out: Path) -> None:
    """The zh_TW catalogue: the zh_CN one with each translation converted (s2twp)."""
    import opencc

    convert = opencc.OpenCC("s2twp").convert
    tree = ET.parse(simplified)
    root = tree.getroot()
    root.set("language", "zh_TW")
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        for element in [translation, *translation.iter("numerusform")]:
            if element.text:
                text = convert(element.text)
                for wrong, right in TW_OVERRIDES.items():
                    text = text.replace(wrong, right)
                element.text = text
    with out.open("wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")


def counted(source: str) -> bool:
    """A message with a count, translated in the plural form the number takes."""
    return "%n" in source or "%Ln" in source


def english_forms(context: str, source: str) -> tuple[str, str]:
    """(one, more): "%n span(s)" -> "%n span", "%n spans"; "%n match(es)" -> "%n match",
    "%n matches"."""
    if (context, source) in EN_OVERRIDES:
        return EN_OVERRIDES[(context, source)]
    one = source.replace("(es)", "").replace("(s)", "")
    return one, source.replace("(es)", "es").replace("(s)", "s")


def english(simplified: Path, out: Path) -> None:
    """The en catalogue: the counted messages of ``simplified`` in English's two forms."""
    root = ET.Element("TS", version="2.1", language="en", sourcelanguage="en")
    contexts: dict[str, ET.Element] = {}
    for context, message in messages(simplified):
        source = message.findtext("source", "")
        if not counted(source):
            continue
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        made = ET.SubElement(contexts[context], "message", numerus="yes")
        ET.SubElement(made, "source").text = source
        translation = ET.SubElement(made, "translation")
        for form in english_forms(context, source):
            ET.SubElement(translation, "numerusform").text = form
    ET.indent(root)
    with out.open("wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        ET.ElementTree(root).write(f, encoding="utf-8", xml_declaration=False)
        f.write(b"\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only report untranslated messages (exit 1 if any)")
    args = parser.parse_args()
    if not args.check:
        FOLDER.mkdir(parents=True, exist_ok=True)
        lupdate(SIMPLIFIED)
        traditional(SIMPLIFIED, TRADITIONAL)
        english(SIMPLIFIED, ENGLISH)
        for ts in (SIMPLIFIED, TRADITIONAL, ENGLISH):
            lrelease(ts, ts.with_suffix(".qm"))
    missing = untranslated(SIMPLIFIED)
    total = sum(1 for _ in messages(SIMPLIFIED))
    print(f"{total} messages, {total - len(missing)} translated")
    for line in missing:
        print(f"  untranslated: {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
