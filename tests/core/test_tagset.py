"""The default tagset, its schema and the loader."""

from __future__ import annotations

import copy
import itertools
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from opencc import OpenCC

from annotator.core.errors import InputError
from annotator.core.tagset import (
    Tag,
    default_tagset,
    default_tagset_path,
    load_tagset,
    load_tagset_dict,
)

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "schemas" / "tagset.schema.json"
DEFAULT = REPO / "schemas" / "tagset.default.json"
# Keys the application keeps for itself: accept, find, next/previous suggestion, undo.
RESERVED = {"a", "f", "n", "p", "u"}
# Web converters annotate some traditional characters with pinyin, e.g. 執(zhí).
PINYIN = re.compile(r"\([a-z\u00e0-\u00fc\u0100-\u01dc]+\)")
T2S = OpenCC("t2s")


@pytest.fixture(scope="module")
def raw() -> dict:
    return json.loads(DEFAULT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_text() -> str:
    files = sorted((REPO / "seeds").glob("*.txt"))
    assert len(files) >= 5
    return "\n".join(PINYIN.sub("", f.read_text(encoding="utf-8")) for f in files)


def all_tags():
    return default_tagset().tags


# --- the default tagset ------------------------------------------------------------------------

def test_default_path_is_the_shipped_file():
    assert default_tagset_path() == DEFAULT


def test_default_path_inside_pyinstaller_bundle(tmp_path, monkeypatch):
    (tmp_path / "schemas").mkdir()  # the bundle's copy, preferred to the checkout's
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert default_tagset_path() == tmp_path / "schemas" / "tagset.default.json"


def test_default_validates_against_schema(raw):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(raw)
    assert (raw["format"], raw["version"], raw["id"]) == ("annotator-tagset", 1, "sco-security")


def test_groups_in_order():
    ts = default_tagset()
    assert [g.id for g in ts.groups] == ["actor", "mechanism", "threat"]
    assert [g.label["zh-Hans"] for g in ts.groups] == ["行为体", "机制", "威胁"]
    assert [g.label["en"] for g in ts.groups] == ["Actors", "Mechanisms", "Threats"]
    assert [t.id for t in ts.tags] == [t.id for g in ts.groups for t in g.tags]


REQUIRED_TAGS = [
    "actor.state", "actor.igo", "actor.agency", "actor.person", "actor.armed_group",
    "mechanism.meeting", "mechanism.body", "mechanism.legal", "mechanism.exercise",
    "mechanism.info_sharing", "mechanism.plan", "mechanism.concept",
    "threat.terrorism", "threat.separatism", "threat.extremism", "threat.three_evils",
    "threat.drugs", "threat.organised_crime", "threat.cyber", "threat.arms", "threat.fraud",
    "threat.gambling", "threat.foreign_fighters",
]


@pytest.mark.parametrize("tag_id", REQUIRED_TAGS)
def test_required_subtype_exists(tag_id):
    tag = default_tagset().tag(tag_id)
    assert tag.group == tag_id.split(".")[0]


def test_at_least_five_subtypes_per_group():
    assert all(len(g.tags) >= 5 for g in default_tagset().groups)


def test_unknown_tag_is_a_key_error():
    with pytest.raises(KeyError):
        default_tagset().tag("actor.unicorn")


@pytest.mark.parametrize("item", [*default_tagset().groups, *all_tags()], ids=lambda i: i.id)
def test_labels_and_one_sentence_definitions(item):
    assert all(item.label.get(lang) for lang in ("zh-Hans", "zh-Hant", "en"))
    en, zh = item.definition["en"], item.definition["zh-Hans"]
    assert en.endswith(".") and not re.search(r"\.\s+[A-Z]", en), en
    assert zh.endswith("。") and zh.count("。") == 1, zh


# --- examples ------------------------------------------------------------------------------------

def zh_terms():
    for tag in all_tags():
        for lang in ("zh-Hans", "zh-Hant"):
            for term in tag.examples[lang]:
                yield tag, lang, term


@pytest.mark.parametrize("tag", all_tags(), ids=lambda t: t.id)
def test_examples_in_three_languages(tag):
    assert all(tag.examples.get(lang) for lang in ("zh-Hans", "zh-Hant", "en"))


def test_example_terms_are_quoted_or_derived(seed_text):
    """A term missing from the seeds must be the OpenCC counterpart of a term of the same tag,
    in the other script, that is in the seeds (the rule the tagset's description states)."""
    bad = []
    for tag, lang, term in zh_terms():
        if term in seed_text:
            continue
        if lang == "zh-Hans":
            partners = [t for t in tag.examples["zh-Hant"] if T2S.convert(t) == term]
        else:
            partners = [s for s in tag.examples["zh-Hans"] if s == T2S.convert(term)]
        if not any(p in seed_text for p in partners):
            bad.append((tag.id, lang, term))
    assert bad == []


def test_most_example_terms_occur_in_seeds(seed_text):
    terms = [term for _, _, term in zh_terms()]
    found = sum(term in seed_text for term in terms)
    assert len(terms) >= 60
    assert found / len(terms) >= 0.8, f"{found}/{len(terms)}"


@pytest.mark.parametrize("tag", all_tags(), ids=lambda t: t.id)
def test_scripts_are_not_mixed_up(tag):
    s2hk = OpenCC("s2hk")  # leaves traditional text alone, converts simplified characters
    assert all(T2S.convert(term) == term for term in [tag.label["zh-Hans"],
                                                       *tag.examples["zh-Hans"]])
    assert all(s2hk.convert(term) == term for term in [tag.label["zh-Hant"],
                                                        *tag.examples["zh-Hant"]])
    assert any(T2S.convert(term) != term for term in tag.examples["zh-Hant"])


@pytest.mark.parametrize(("tag_id", "hans", "hant", "en"), [
    ("actor.igo", "上海合作组织", "上海合作組織", "Shanghai Cooperation Organization"),
    ("actor.person", "赵克志", "趙克志", "Zhao Kezhi"),
    ("mechanism.body", "地区反恐怖机构", None, None),
    ("mechanism.meeting", "安全会议秘书会议", None, None),
    ("mechanism.legal", "《上海合作组织反极端主义公约》", None, None),
    ("mechanism.exercise", "“天山”系列反恐联合演习", None, None),
    ("mechanism.concept", "共同、综合、合作、可持续的安全观", "共同、綜合、合作、可持續的安全觀",
     "Shanghai Spirit"),
    ("threat.three_evils", "三股势力", "三股勢力", "three forces"),
    ("threat.fraud", "电信网络诈骗", "電信網絡詐騙", "telecom fraud"),
    ("threat.gambling", "跨境赌博", "跨境賭博", "cross-border gambling"),
])
def test_key_seed_terms_are_examples(tag_id, hans, hant, en):
    examples = default_tagset().tag(tag_id).examples
    assert hans in examples["zh-Hans"]
    assert hant is None or hant in examples["zh-Hant"]
    assert en is None or en in examples["en"]


# --- hotkeys -------------------------------------------------------------------------------------

def test_hotkeys_unique_single_and_not_reserved():
    keys = [t.hotkey for t in all_tags()]
    assert all(k is not None and len(k) == 1 and k in "0123456789abcdefghijklmnopqrstuvwxyz"
               for k in keys)
    assert len(set(keys)) == len(keys)
    assert not set(keys) & RESERVED


def test_by_hotkey():
    ts = default_tagset()
    for tag in ts.tags:
        assert ts.by_hotkey(tag.hotkey) is tag
        assert ts.by_hotkey(tag.hotkey.upper()) is tag
    assert ts.by_hotkey("f") is None


def test_hotkey_plan_is_documented():
    description = default_tagset().description
    assert "Hotkeys" in description
    assert all(f"{key} (" in description for key in ("a", "f", "u"))
    assert "n/p (" in description


# --- colours -------------------------------------------------------------------------------------

def to_linear(hex_colour: str) -> tuple[float, float, float]:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return tuple(lin(int(hex_colour[i:i + 2], 16) / 255) for i in (1, 3, 5))


def contrast_with_black(hex_colour: str) -> float:
    r, g, b = to_linear(hex_colour)
    return (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05) / 0.05


# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear sRGB.
MACHADO = {
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def lab(hex_colour: str, vision: str | None = None) -> tuple[float, float, float]:
    rgb = to_linear(hex_colour)
    if vision:
        rgb = tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True))))
                    for row in MACHADO[vision])
    r, g, b = rgb
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
           0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)
    fx, fy, fz = (t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
                  for t in (v / w for v, w in zip(xyz, (0.95047, 1.0, 1.08883), strict=True)))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2) -> float:
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1, a2 = a1 * (1 + g), a2 * (1 + g)
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = (math.degrees(math.atan2(b, a)) % 360 for a, b in ((a1, b1), (a2, b2)))
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    d_big_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + (360 if h1 + h2 < 360 else -360)) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30)) + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6))
         - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c, s_h = 1 + 0.045 * c_mean, 1 + 0.015 * c_mean * t
    r_t = (-2 * math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7))
           * math.sin(math.radians(60 * math.exp(-(((h_mean - 275) / 25) ** 2)))))
    dl, dc, dhh = (l2 - l1) / s_l, (c2 - c1) / s_c, d_big_h / s_h
    return math.sqrt(dl ** 2 + dc ** 2 + dhh ** 2 + r_t * dc * dhh)


@pytest.mark.parametrize(("lab1", "lab2", "expected"), [  # Sharma, Wu & Dalal (2005)
    ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
    ((50, -1.3802, -84.2814), (50, 0, -82.7485), 1.0),
    ((50, 2.5, 0), (73, 25, -18), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((22.7233, 20.0904, -46.694), (23.0331, 14.973, -42.5619), 2.0373),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
])
def test_ciede2000_reference_pairs(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_colour_helpers():
    assert contrast_with_black("#ffffff") == pytest.approx(21.0)
    assert contrast_with_black("#000000") == pytest.approx(1.0)
    assert lab("#ffffff") == pytest.approx((100, 0, 0), abs=0.01)
    # Red and green become much alike for a deuteranope, blue and yellow stay apart.
    assert ciede2000(lab("#e03c31", "deuteranopia"), lab("#6c8c00", "deuteranopia")) < \
        ciede2000(lab("#e03c31"), lab("#6c8c00")) / 2


def colour_items():
    return [*default_tagset().groups, *all_tags()]


def test_colours_well_formed_and_unique():
    colours = [i.colour for i in colour_items()]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert len(set(colours)) == len(colours)


@pytest.mark.parametrize("item", colour_items(), ids=lambda i: i.id)
def test_black_text_contrast(item):
    assert contrast_with_black(item.colour) >= 4.5


@pytest.mark.parametrize(("vision", "minimum"), [
    (None, 10), ("deuteranopia", 10), ("protanopia", 10),
    ("tritanopia", 5),  # rare; lightness keeps tags apart but less so
])
@pytest.mark.parametrize("group", default_tagset().groups, ids=lambda g: g.id)
def test_tags_within_group_distinguishable(group, vision, minimum):
    close = [(a.id, b.id, round(d, 2)) for a, b in itertools.combinations(group.tags, 2)
             if (d := ciede2000(lab(a.colour, vision), lab(b.colour, vision))) < minimum]
    assert close == []


def test_groups_distinguishable_from_each_other():
    groups = default_tagset().groups
    nearest = min(ciede2000(lab(a.colour), lab(b.colour))
                  for g1, g2 in itertools.combinations(groups, 2) for a in g1.tags for b in g2.tags)
    assert nearest >= 10


@pytest.mark.parametrize(("group_id", "low", "high"), [
    ("actor", 225, 285), ("mechanism", 55, 95), ("threat", 315, 375)])
def test_group_hue_family(group_id, low, high):
    group = default_tagset().group(group_id)
    for item in (group, *group.tags):
        _, a, b = lab(item.colour)
        hue = math.degrees(math.atan2(b, a)) % 360
        hue += 360 if hue < low else 0
        assert low <= hue <= high and math.hypot(a, b) >= 15, (item.id, hue)


# --- loader --------------------------------------------------------------------------------------

def test_to_dict_round_trips(raw):
    ts = default_tagset()
    data = ts.to_dict()
    assert data == raw
    assert load_tagset_dict(json.loads(json.dumps(data))) == ts


def test_attributes_survive(raw):
    assert default_tagset().tag("actor.state").attributes["membership"][0] == "member"


def test_copy_loads_equal(tmp_path, raw):
    path = tmp_path / "tags.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    assert load_tagset(path) == default_tagset()


def test_name_falls_back():
    tag = Tag("x.y", "x", {"zh-Hans": "某", "zh-Hant": "某某"}, {}, "#ffffff", None, {})
    assert tag.name() == "某"
    assert tag.name("zh-TW") == "某某"
    assert default_tagset().tag("actor.state").name("fr") == "State"


def test_core_does_not_import_qt():
    code = "import sys, annotator.core.tagset; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def write(tmp_path: Path, data) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                    encoding="utf-8")
    return path


def load_error(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        load_tagset(path)
    assert str(path) in str(info.value) and info.value.path == str(path)
    return info.value


def test_missing_file(tmp_path):
    assert "not found" in load_error(tmp_path / "nope.json").reason


def test_folder(tmp_path):
    assert "folder" in load_error(tmp_path).reason


def test_not_utf8(tmp_path):
    path = tmp_path / "bad.json"
    path.write_bytes('{"id": "行为体"}'.encode("gb18030"))
    assert "not UTF-8" in load_error(path).reason


def test_bad_json_names_line_and_column(tmp_path):
    path = write(tmp_path, '{\n  "format": "annotator-tagset",\n  "version": 1,,\n}')
    assert load_error(path).reason.startswith("invalid JSON at line 3, column 16:")


def test_duplicate_json_key(tmp_path):
    path = write(tmp_path, '{"id": "a", "id": "b"}')
    assert "duplicate key 'id'" in load_error(path).reason


def mutate(raw: dict, change) -> dict:
    data = copy.deepcopy(raw)
    change(data)
    return data


def tag_at(data: dict, group: int, tag: int) -> dict:
    return data["groups"][group]["tags"][tag]


@pytest.mark.parametrize(("change", "reason"), [
    (lambda d: tag_at(d, 1, 3).update(colour="red"),
     "groups/1/tags/3/colour: 'red' does not match '^#[0-9a-fA-F]{6}$'"),
    (lambda d: tag_at(d, 0, 0)["label"].pop("zh-Hant"),
     "groups/0/tags/0/label: 'zh-Hant' is a required property"),
    (lambda d: tag_at(d, 2, 0).update(color="#ffffff"),
     "groups/2/tags/0: Additional properties are not allowed ('color' was unexpected)"),
    (lambda d: tag_at(d, 0, 1).update(hotkey="F1"), "groups/0/tags/1/hotkey: 'F1' does not match"),
    (lambda d: d.update(format="something-else"), "format: 'annotator-tagset' was expected"),
    (lambda d: d.pop("groups"), "(top level): 'groups' is a required property"),
    (lambda d: d.update(version=2), "version: tagset format 2 is newer than this program"),
    (lambda d: tag_at(d, 0, 1).update(id=tag_at(d, 0, 0)["id"]),
     "groups/0/tags/1/id: duplicate tag id 'actor.state' (first used at groups/0/tags/0/id)"),
    (lambda d: tag_at(d, 2, 1).update(hotkey=tag_at(d, 0, 0)["hotkey"]),
     "groups/2/tags/1/hotkey: duplicate hotkey '1' (already used by 'actor.state')"),
    (lambda d: tag_at(d, 0, 2).update(hotkey="f"),
     "groups/0/tags/2/hotkey: 'f' is reserved by the application"),
    (lambda d: tag_at(d, 0, 0).update(id="threat.state"),
     "groups/0/tags/0/id: tag id 'threat.state' must start with its group id 'actor.'"),
    (lambda d: d["groups"][2].update(id="actor"),
     "groups/2/id: duplicate group id 'actor' (first used at groups/0/id)"),
], ids=["schema-colour", "schema-required", "schema-extra", "schema-hotkey", "schema-format",
        "schema-top", "newer-version", "duplicate-id", "duplicate-hotkey", "reserved-hotkey",
        "wrong-prefix", "duplicate-group"])
def test_invalid_tagset(tmp_path, raw, change, reason):
    path = write(tmp_path, mutate(raw, change))
    error = load_error(path)
    assert error.reason.startswith(reason), error.reason


def test_dict_errors_without_path(raw):
    with pytest.raises(InputError) as info:
        load_tagset_dict(mutate(raw, lambda d: d.update(id="Not An Id")))
    assert str(info.value).startswith("<input>: id: 'Not An Id' does not match")


def test_many_problems_are_counted(raw):
    def break_colours(d):
        for g in d["groups"]:
            g["colour"] = "blue"
    with pytest.raises(InputError, match=r"groups/0/colour: .* \(and 2 more problems\)"):
        load_tagset_dict(mutate(raw, break_colours), "x.json")
