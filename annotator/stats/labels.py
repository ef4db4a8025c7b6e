"""The words on the charts and in the report, in English, simplified and traditional Chinese.
Tag and group names come from the tagset; the rest is here."""

from __future__ import annotations

import unicodedata

from annotator.core.tagset import Tagset

LANGS = ("en", "zh-Hans", "zh-Hant")

_STRINGS: dict[str, tuple[str, str, str]] = {
    # key: (en, zh-Hans, zh-Hant)
    "tags": ("Spans per tag", "各标签的标注数", "各標籤的標註數"),
    "documents": ("Spans per document (the {n} with most)", "各文档的标注数（前 {n} 篇）",
                  "各文檔的標註數（前 {n} 篇）"),
    "annotators": ("Spans per annotator", "各标注者的标注数", "各標註者的標註數"),
    "progress": ("Progress: documents by status", "进度：各状态的文档数",
                 "進度：各狀態的文檔數"),
    "actor-threat": ("Actors × threats: {units} with both", "行为体 × 威胁：同{units}共现",
                     "行為體 × 威脅：同{units}共現"),
    "actor-mechanism": ("Actors × mechanisms: {units} with both",
                        "行为体 × 机制：同{units}共现", "行為體 × 機制：同{units}共現"),
    "timeline": ("Threats over time (by document date, per {period})",
                 "威胁随时间变化（按文档日期，每{period}）",
                 "威脅隨時間變化（按文檔日期，每{period}）"),
    "names": ("Most frequent normalized names", "最常见的规范名称", "最常見的規範名稱"),
    "spans": ("spans", "标注数", "標註數"),
    "documents_axis": ("documents", "文档数", "文檔數"),
    "sentence": ("sentences", "句", "句"),
    "paragraph": ("paragraphs", "段", "段"),
    "sentence_axis": ("sentences", "句数", "句數"),
    "paragraph_axis": ("paragraphs", "段数", "段數"),
    "all": ("all annotators", "全部标注者", "全部標註者"),
    "gold": ("gold layer", "金标准层", "金標準層"),
    "annotator": ("annotator {name}", "标注者 {name}", "標註者 {name}"),
    "month": ("month", "月", "月"),
    "year": ("year", "年", "年"),
    "status": ("Status", "状态", "狀態"),
    "review_status": ("Review", "审阅", "審閱"),
    "todo": ("to do", "待处理", "待處理"),
    "in_progress": ("in progress", "进行中", "進行中"),
    "done": ("done", "已完成", "已完成"),
    "not_reviewed": ("not reviewed", "未审阅", "未審閱"),
    "in_review": ("in review", "审阅中", "審閱中"),
    "reviewed": ("reviewed", "已审阅", "已審閱"),
    "undated": ("undated", "无日期", "無日期"),
    "undated_count": ("undated: {n}", "无日期：{n}", "無日期：{n}"),
    "empty": ("nothing to show for this layer", "此层没有可显示的数据",
              "此層沒有可顯示的數據"),
    "layer": ("layer: {layer}", "图层：{layer}", "圖層：{layer}"),
    "network": ("Who uses which mechanism against which threat (relations)",
                "谁用何种机制应对何种威胁（关系）", "誰用何種機制應對何種威脅（關係）"),
    "no_links": ("no actor → mechanism → threat relations in this layer",
                 "此层没有行为体 → 机制 → 威胁的关系", "此層沒有行為體 → 機制 → 威脅的關係"),
    "no_dates": ("no threat spans in dated documents", "有日期的文档中没有威胁标注",
                 "有日期的文檔中沒有威脅標註"),
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def text(key: str, lang: str = "en", **values) -> str:
    """A chart string in ``lang`` with ``{placeholders}`` filled in."""
    words = _STRINGS[key][LANGS.index(check_lang(lang))]
    return words.format(**values) if values else words


def layer_label(layer, lang: str = "en") -> str:
    """"all annotators", "gold layer" or "annotator NAME" in ``lang``."""
    return text(layer.kind, lang, name=layer.annotator or "")


def tag_label(tagset: Tagset, tag: str, lang: str = "en") -> str:
    try:
        return tagset.tag(tag).name(lang)
    except KeyError:
        return tag


def group_label(tagset: Tagset, group: str, lang: str = "en") -> str:
    try:
        return tagset.group(group).name(lang)
    except KeyError:
        return group


def shorten(label: str, width: int = 28) -> str:
    return label if len(label) <= width else label[:width - 1] + "…"


def width(label: str) -> int:
    """Columns ``label`` takes in a terminal (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label)


def pad(label: str, columns: int) -> str:
    """``label`` cut to and padded out to ``columns`` terminal columns."""
    out, used = [], 0
    for ch in label:
        w = width(ch)
        if used + w > columns:
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * (columns - used)
