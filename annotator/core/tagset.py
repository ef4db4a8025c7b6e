"""Tagsets: ordered groups (actors, mechanisms, threats) of tags with labels, colours and hotkeys.

A tagset file is JSON valid against ``schemas/tagset.schema.json``. :func:`load_tagset` refuses
anything else with an :class:`InputError` naming the file, the JSON pointer of the offending value
and the problem. Rules a schema cannot express are checked here: group and tag ids are unique,
a tag id starts with its group id and ``"."``, hotkeys are unique and none of them is one of the
keys the application keeps for itself (:data:`RESERVED_HOTKEYS`). Relation types (optional key
``"relations"``) have unique ids and keys (unique among relation types only: they are read while
a relation is being made) and name only tags and groups of the same file at their ends.

Pure Python: no Qt here.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from annotator.core.errors import InputError
from annotator.core.relations import RelationType
from annotator.core.textfiles import read_text, unique_keys
from annotator.resources import schemas_dir

FORMAT = "annotator-tagset"
FORMAT_VERSION = 1
#: Single keys the application uses itself: accept (a) and reject (u) a suggestion, next (n)
#: and previous (p) suggestion; f is kept free for find.
RESERVED_HOTKEYS = frozenset("afnpu")

_LANG_ALIASES = {"zh": "zh-Hans", "zh-CN": "zh-Hans", "zh-SG": "zh-Hans",
                 "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant"}
_MAX_REASON = 300


def pick_text(texts: Mapping[str, str], lang: str, default: str) -> str:
    """``texts[lang]``, else the alias of ``lang``, else English, else simplified Chinese."""
    for key in (lang, _LANG_ALIASES.get(lang), "en", "zh-Hans"):
        if key and texts.get(key):
            return texts[key]
    return default



@dataclass(frozen=True)
class Tag:
    id: str
    group: str
    label: dict[str, str]
    definition: dict[str, str]
    colour: str
    hotkey: str | None
    examples: dict[str, tuple[str, ...]]
    attributes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def name(self, lang: str = "en") -> str:
        """The label in ``lang``, falling back to English, then simplified Chinese."""
        return pick_text(self.label, lang, self.id)


@dataclass(frozen=True)
class Group:
    id: str
    label: dict[str, str]
    definition: dict[str, str]
    colour: str
    tags: tuple[Tag, ...]

    def name(self, lang: str = "en") -> str:
        return pick_text(self.label, lang, self.id)


@dataclass(frozen=True)
class Tagset:
    id: str
    name: dict[str, str]
    version: int
    groups: tuple[Group, ...]
    description: str = ""
    #: the relation types spans may be joined by (none in an older tagset file)
    relations: tuple[RelationType, ...] = ()
    _index: dict[str, Tag] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {t.id: t for g in self.groups for t in g.tags})

    def relation(self, relation_id: str) -> RelationType:
        """The relation type with this id; ``KeyError`` if there is none."""
        for r in self.relations:
            if r.id == relation_id:
                return r
        raise KeyError(relation_id)

    def relation_by_hotkey(self, key: str) -> RelationType | None:
        """The relation type bound to ``key`` (case-insensitive), or ``None``. Relation keys
        are read only while a relation is being made, so they may repeat tag keys."""
        key = key.lower()
        return next((r for r in self.relations if r.hotkey == key), None)

    @property
    def tags(self) -> tuple[Tag, ...]:
        """All tags in display order (group by group)."""
        return tuple(t for g in self.groups for t in g.tags)

    def tag(self, tag_id: str) -> Tag:
        """The tag with this id; ``KeyError`` if there is none."""
        return self._index[tag_id]

    def group(self, group_id: str) -> Group:
        """The group with this id; ``KeyError`` if there is none."""
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    def by_hotkey(self, key: str) -> Tag | None:
        """The tag bound to ``key`` (case-insensitive), or ``None``."""
        key = key.lower()
        return next((t for t in self.tags if t.hotkey == key), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; ``load_tagset_dict(t.to_dict()) == t``."""
        out = {"format": FORMAT, "version": self.version, "id": self.id,
               "name": dict(self.name), "description": self.description,
               "groups": [_group_dict(g) for g in self.groups]}
        if self.relations:
            out["relations"] = [_relation_dict(r) for r in self.relations]
        return out


def _group_dict(g: Group) -> dict[str, Any]:
    return {"id": g.id, "label": dict(g.label), "definition": dict(g.definition),
            "colour": g.colour, "tags": [_tag_dict(t) for t in g.tags]}


def _tag_dict(t: Tag) -> dict[str, Any]:
    out: dict[str, Any] = {"id": t.id, "label": dict(t.label), "definition": dict(t.definition),
                           "colour": t.colour}
    if t.hotkey is not None:
        out["hotkey"] = t.hotkey
    if t.examples:
        out["examples"] = {k: list(v) for k, v in t.examples.items()}
    if t.attributes:
        out["attributes"] = {k: list(v) for k, v in t.attributes.items()}
    return out


def _relation_dict(r: RelationType) -> dict[str, Any]:
    out: dict[str, Any] = {"id": r.id, "label": dict(r.label), "definition": dict(r.definition),
                           "colour": r.colour}
    if r.hotkey is not None:
        out["hotkey"] = r.hotkey
    out.update(directed=r.directed, sources=list(r.sources), targets=list(r.targets))
    if r.acyclic:
        out["acyclic"] = True
    return out


# --- locating files --------------------------------------------------------------------------

def _schemas_dir() -> Path:
    return schemas_dir()  # checkout, installed wheel or PyInstaller bundle


def default_tagset_path() -> Path:
    return _schemas_dir() / "tagset.default.json"


def schema_path() -> Path:
    return _schemas_dir() / "tagset.schema.json"


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


# --- validation ------------------------------------------------------------------------------

def _pointer(path: Any) -> str:
    return "/".join(str(p) for p in path) or "(top level)"


def _short(text: str) -> str:
    return text if len(text) <= _MAX_REASON else text[:_MAX_REASON - 1] + "…"


def _check_schema(data: Any, path: str | Path | None) -> None:
    if isinstance(data, dict) and isinstance(data.get("version"), int) \
            and data["version"] > FORMAT_VERSION:
        raise InputError(path, f"version: tagset format {data['version']} is newer than this "
                               f"program understands ({FORMAT_VERSION})")
    errors = sorted(_validator().iter_errors(data), key=lambda e: [
        (0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in e.absolute_path])
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        raise InputError(path, _short(f"{_pointer(first.absolute_path)}: {first.message}") + more)


def _walk_tags(data: dict) -> Iterator[tuple[str, dict, dict]]:
    """(pointer of the tag, tag, its group) for every tag, in order."""
    for gi, g in enumerate(data["groups"]):
        for ti, t in enumerate(g["tags"]):
            yield f"groups/{gi}/tags/{ti}", t, g


def _check_rules(data: dict, path: str | Path | None) -> None:
    """Uniqueness, id prefixes and reserved hotkeys (the schema has been checked)."""
    seen: dict[str, str] = {}
    for gi, g in enumerate(data["groups"]):
        where = f"groups/{gi}/id"
        if g["id"] in seen:
            raise InputError(path, f"{where}: duplicate group id '{g['id']}' "
                                   f"(first used at {seen[g['id']]})")
        seen[g["id"]] = where
    keys: dict[str, str] = {}
    for where, t, g in _walk_tags(data):
        if not t["id"].startswith(g["id"] + "."):
            raise InputError(path, f"{where}/id: tag id '{t['id']}' must start with its "
                                   f"group id '{g['id']}.'")
        if t["id"] in seen:
            raise InputError(path, f"{where}/id: duplicate tag id '{t['id']}' "
                                   f"(first used at {seen[t['id']]})")
        seen[t["id"]] = f"{where}/id"
        _claim_key(path, where, t.get("hotkey"), keys, t["id"], "hotkey")
    _check_relations(data, path, seen)


def _claim_key(path: str | Path | None, where: str, key: str | None, keys: dict[str, str],
               owner: str, kind: str) -> None:
    """``key`` taken by ``owner`` in ``keys``: refused when reserved or already taken."""
    if key is None:
        return
    if key in RESERVED_HOTKEYS:
        raise InputError(path, f"{where}/hotkey: '{key}' is reserved by the application "
                               f"(reserved: {', '.join(sorted(RESERVED_HOTKEYS))})")
    if key in keys:
        raise InputError(path, f"{where}/hotkey: duplicate {kind} '{key}' "
                               f"(already used by '{keys[key]}')")
    keys[key] = owner


def _check_relations(data: dict, path: str | Path | None, seen: Mapping[str, str]) -> None:
    """Relation ids unique, keys unique among relations and not reserved, and every
    endpoint a tag or group of this tagset."""
    ids: set[str] = set()
    keys: dict[str, str] = {}
    for ri, r in enumerate(data.get("relations", ())):
        where = f"relations/{ri}"
        if r["id"] in ids:
            raise InputError(path, f"{where}/id: duplicate relation type id '{r['id']}'")
        ids.add(r["id"])
        for end in ("sources", "targets"):
            for ei, ref in enumerate(r[end]):
                if ref not in seen:
                    raise InputError(path, f"{where}/{end}/{ei}: relation type '{r['id']}' "
                                           f"names '{ref}', which is no tag or group here")
        _claim_key(path, where, r.get("hotkey"), keys, r["id"], "relation key")


# --- building --------------------------------------------------------------------------------

def _terms(mapping: Mapping[str, list[str]] | None) -> dict[str, tuple[str, ...]]:
    return {k: tuple(v) for k, v in (mapping or {}).items()}


def _build_tag(t: dict, group_id: str) -> Tag:
    return Tag(id=t["id"], group=group_id, label=dict(t["label"]),
               definition=dict(t["definition"]), colour=t["colour"].lower(),
               hotkey=t.get("hotkey"), examples=_terms(t.get("examples")),
               attributes=_terms(t.get("attributes")))


def _build_group(g: dict) -> Group:
    return Group(id=g["id"], label=dict(g["label"]), definition=dict(g["definition"]),
                 colour=g["colour"].lower(), tags=tuple(_build_tag(t, g["id"]) for t in g["tags"]))


def _build_relation(r: dict) -> RelationType:
    return RelationType(id=r["id"], label=dict(r["label"]), definition=dict(r["definition"]),
                        colour=r["colour"].lower(), hotkey=r.get("hotkey"),
                        directed=r.get("directed", True), sources=tuple(r["sources"]),
                        targets=tuple(r["targets"]), acyclic=r.get("acyclic", False))


def load_tagset_dict(data: Any, path: str | Path | None = None) -> Tagset:
    """Validate parsed JSON and build a :class:`Tagset`; ``path`` only names the source in
    errors."""
    _check_schema(data, path)
    _check_rules(data, path)
    return Tagset(id=data["id"], name=dict(data["name"]), version=data["version"],
                  groups=tuple(_build_group(g) for g in data["groups"]),
                  description=data.get("description", ""),
                  relations=tuple(_build_relation(r) for r in data.get("relations", ())))


def _read_json(path: Path) -> Any:
    text = read_text(path, what="tagset file")
    try:
        return json.loads(text, object_pairs_hook=unique_keys)
    except json.JSONDecodeError as e:
        raise InputError(path, f"invalid JSON at line {e.lineno}, column {e.colno}: "
                               f"{e.msg}") from None
    except ValueError as e:
        raise InputError(path, f"invalid tagset JSON: {e}") from None


def load_tagset(path: str | Path) -> Tagset:
    """Read, validate and build the tagset in the file at ``path``."""
    path = Path(path)
    return load_tagset_dict(_read_json(path), path)


@functools.cache
def default_tagset() -> Tagset:
    """The tagset shipped with the program (loaded once)."""
    return load_tagset(default_tagset_path())
