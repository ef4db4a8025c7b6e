"""Tagsets: groups (actors, mechanisms, threats) of tags with labels, colours and hotkeys.

A tagset file is JSON valid against ``schemas/tagset.schema.json``; :func:`load_tagset`
refuses anything else with the file's path and the exact problem.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from annotator.core.errors import InputError


def _schemas_dir() -> Path:
    if hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS) / "schemas"
    return Path(__file__).resolve().parents[2] / "schemas"


def default_tagset_path() -> Path:
    return _schemas_dir() / "tagset.default.json"


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((_schemas_dir() / "tagset.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


@dataclass(frozen=True)
class Tag:
    id: str
    group: str
    label: dict[str, str]
    definition: dict[str, str]
    colour: str
    hotkey: str | None
    examples: dict[str, tuple[str, ...]]

    def name(self, lang: str = "en") -> str:
        return self.label.get(lang) or self.label.get("en") or self.label.get("zh-Hans") or self.id


@dataclass(frozen=True)
class Group:
    id: str
    label: dict[str, str]
    definition: dict[str, str]
    colour: str
    tags: tuple[Tag, ...]


@dataclass(frozen=True)
class Tagset:
    id: str
    name: dict[str, str]
    version: int
    groups: tuple[Group, ...]
    description: str = ""

    @property
    def tags(self) -> tuple[Tag, ...]:
        return tuple(t for g in self.groups for t in g.tags)

    def tag(self, tag_id: str) -> Tag:
        for t in self.tags:
            if t.id == tag_id:
                return t
        raise KeyError(tag_id)

    def by_hotkey(self, key: str) -> Tag | None:
        key = key.lower()
        return next((t for t in self.tags if t.hotkey and t.hotkey.lower() == key), None)

    def to_dict(self) -> dict:
        return {
            "format": "annotator-tagset", "version": self.version, "id": self.id,
            "name": dict(self.name), "description": self.description,
            "groups": [_group_dict(g) for g in self.groups],
        }


def _group_dict(g: Group) -> dict:
    return {"id": g.id, "label": dict(g.label), "definition": dict(g.definition),
            "colour": g.colour, "tags": [_tag_dict(t) for t in g.tags]}


def _tag_dict(t: Tag) -> dict:
    out = {"id": t.id, "label": dict(t.label), "definition": dict(t.definition),
           "colour": t.colour, "examples": {k: list(v) for k, v in t.examples.items()}}
    if t.hotkey:
        out["hotkey"] = t.hotkey
    return out


def _pointer(path) -> str:
    return "/".join(str(p) for p in path) or "(top level)"


def load_tagset_dict(data: dict, path: str | Path | None = None) -> Tagset:
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        raise InputError(path, f"{_pointer(e.absolute_path)}: {e.message}")
    groups = tuple(_group(g) for g in data["groups"])
    tagset = Tagset(data["id"], dict(data["name"]), data["version"], groups,
                    data.get("description", ""))
    _check_unique(tagset, path)
    return tagset


def _group(g: dict) -> Group:
    tags = tuple(Tag(t["id"], g["id"], dict(t["label"]), dict(t.get("definition", {})),
                     t["colour"], t.get("hotkey"),
                     {k: tuple(v) for k, v in t.get("examples", {}).items()}) for t in g["tags"])
    return Group(g["id"], dict(g["label"]), dict(g.get("definition", {})), g["colour"], tags)


def _check_unique(tagset: Tagset, path) -> None:
    seen_ids: set[str] = set()
    seen_keys: dict[str, str] = {}
    for group in tagset.groups:
        for t in group.tags:
            if not t.id.startswith(group.id + "."):
                raise InputError(path, f"tag id '{t.id}' must start with its group id "
                                       f"'{group.id}.'")
            if t.id in seen_ids:
                raise InputError(path, f"duplicate tag id '{t.id}'")
            seen_ids.add(t.id)
            if t.hotkey:
                key = t.hotkey.lower()
                if key in seen_keys:
                    raise InputError(path, f"hotkey '{t.hotkey}' of '{t.id}' is already used "
                                           f"by '{seen_keys[key]}'")
                seen_keys[key] = t.id


def load_tagset(path: str | Path) -> Tagset:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise InputError(path, f"cannot read tagset: {reason}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(path, f"invalid JSON at line {e.lineno} column {e.colno}: "
                               f"{e.msg}") from None
    return load_tagset_dict(data, path)


@functools.cache
def default_tagset() -> Tagset:
    return load_tagset(default_tagset_path())
