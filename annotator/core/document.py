"""Documents: canonical text that never changes, plus what we know about where it came from."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

STATUSES = ("todo", "in_progress", "done")
REVIEW_STATUSES = ("not_reviewed", "in_review", "reviewed")


#: What XML 1.0 cannot carry (C0 controls but tab and line feed; a carriage return is no
#: canonical line end either; lone surrogates; U+FFFE, U+FFFF): canonical text never holds
#: them, so every export can write every document.
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]")


def unsafe_char(text: str) -> tuple[int, str] | None:
    """``(offset, "U+000B")`` of the first character canonical text may not hold, or None."""
    m = _NOT_XML.search(text)
    return (m.start(), f"U+{ord(m.group()):04X}") if m else None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # in a leap year
_YEARLESS = re.compile(r"--(\d\d)-(\d\d)")
_YEAR_UNKNOWN = {"en": "{month} {d}, year unknown", "zh-Hans": "{m}月{d}日（年份不详）",
                 "zh-Hant": "{m}月{d}日（年份不詳）"}
_DATE_TIME = re.compile(r"(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(:\d\d)?(?:\.\d+)?"
                        r"(Z|[+-]\d\d:?\d\d)?")


def human_date(date: str | None, lang: str = "en") -> str:
    """A stored date (ISO 8601) as people read it, in ``lang`` ("en", "zh-Hans" or
    "zh-Hant"; another is taken as "en"): a full date as stored (``2018-05-22``), with its
    time (``2018-05-22 18:30 +08:00``), and a date whose year is unknown (``--06-08``) said
    so: ``June 8, year unknown``, ``6月8日（年份不详）``. ``""`` for none; a date in no
    form we know, as it is."""
    if not date:
        return ""
    if (m := _YEARLESS.fullmatch(date)) and 1 <= (month := int(m[1])) <= 12 \
            and 1 <= (day := int(m[2])) <= _DAYS[month - 1]:
        form = _YEAR_UNKNOWN.get(lang, _YEAR_UNKNOWN["en"])
        return form.format(month=_MONTHS[month - 1], m=month, d=day)
    if m := _DATE_TIME.fullmatch(date):
        seconds = m[3] if m[3] and m[3] != ":00" else ""
        zone = " UTC" if m[4] == "Z" else f" {m[4]}" if m[4] else ""
        return f"{m[1]} {m[2]}{seconds}{zone}"
    return date


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id(text: str) -> str:
    """Stable id: the same canonical text gets the same id in every project."""
    return text_sha256(text)[:16]


@dataclass(frozen=True)
class Document:
    """A document as stored. Offsets into ``text`` are code points, half-open."""

    id: str
    title: str
    text: str
    text_sha256: str
    source: str | None = None
    origin: str | None = None  # the file (or record) it was imported from
    date: str | None = None  # ISO 8601: YYYY-MM-DD, or --MM-DD when the year is unknown
    script: str = "und"  # primary language/script tag: zh-Hans, zh-Hant, en ...
    languages: tuple[str, ...] = ()
    status: str = "todo"
    review_status: str = "not_reviewed"
    metadata: dict = field(default_factory=dict)
    original: str | None = None  # the text the cleaner saw (decoded, or extracted from HTML)
    raw: str | None = None  # the file as decoded, when it differs from ``original`` (HTML)
    encoding: str | None = None
    cleaning: tuple[dict, ...] = ()  # LogEntry.to_dict() items, in canonical order
    #: the file it was imported from, as :func:`annotator.ingest.importer.file_key` knows
    #: it (its bytes and the cleaning rules): a re-import skips it unread. None when the
    #: file gave several documents, or for a document from elsewhere. The project's own
    #: bookkeeping, not the document's: exports leave it out, equality ignores it
    file_key: str | None = field(default=None, compare=False)

    @property
    def paragraphs(self) -> list[tuple[int, int, str]]:
        """``(start, end, lang)`` per paragraph, as detected at import."""
        return [tuple(p) for p in self.metadata.get("paragraphs", [])]  # type: ignore[misc]


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list."""

    id: str
    title: str
    date: str | None
    source: str | None
    script: str
    languages: tuple[str, ...]
    status: str
    review_status: str
    annotations: int
    length: int
    position: int

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d["languages"] = list(self.languages)
        return d

    @classmethod
    def of_row(cls, values: tuple) -> DocumentSummary:
        """A summary from its fields' values in field order, made without the frozen
        ``__init__``'s check per field (a list of 100,000 is made in a third of the time)."""
        summary = object.__new__(cls)
        summary.__dict__.update(zip(_SUMMARY_FIELDS, values, strict=True))
        return summary


_SUMMARY_FIELDS = tuple(DocumentSummary.__dataclass_fields__)
