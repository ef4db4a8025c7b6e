"""Encoding detection: BOMs, UTF-8, BOM-less UTF-16, GB18030 vs Big5, rejects."""

from __future__ import annotations

import codecs
import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from opencc import OpenCC

from annotator.core.errors import InputError
from annotator.ingest.decode import Decoded, decode_bytes, text_score

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
TRADITIONAL_SEED = "004"  # the seed written in traditional characters
_S2T = OpenCC("s2t")


def _seed_id(path: Path) -> str:
    return path.name[:3]


def _texts() -> list[tuple[str, str]]:
    """(id, text) for every seed, whole and its first 40 characters."""
    out = []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        out += [(f"{_seed_id(path)}-full", text), (f"{_seed_id(path)}-40", text[:40])]
    return out


TEXTS = _texts()
TEXT_IDS = [name for name, _ in TEXTS]


def _traditional(name: str, text: str) -> str:
    return text if name.startswith(TRADITIONAL_SEED) else _S2T.convert(text)


def test_seeds_exist() -> None:
    assert len(SEEDS) >= 5


def test_common_seed_characters_score_high() -> None:
    for path in SEEDS:
        assert text_score(path.read_text(encoding="utf-8")) > 0.95, path.name


# -- Unicode ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=TEXT_IDS)
def test_utf8(name: str, text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded == Decoded(text, "utf-8", decoded.confidence)
    assert 0.9 <= decoded.confidence <= 1.0


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=TEXT_IDS)
def test_utf8_sig(name: str, text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8-sig"))
    assert (decoded.text, decoded.encoding, decoded.confidence) == (text, "utf-8-sig", 1.0)


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=TEXT_IDS)
@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_unicode_with_bom(name: str, text: str, bom: bytes, codec: str, expected: str) -> None:
    decoded = decode_bytes(bom + text.encode(codec))
    assert (decoded.text, decoded.encoding) == (text, expected)
    assert not decoded.text.startswith("\ufeff")


def test_python_utf16_codec_output() -> None:
    text = SEEDS[0].read_text(encoding="utf-8")
    assert decode_bytes(text.encode("utf-16")).text == text


def test_line_ends_are_kept() -> None:
    assert decode_bytes("第一行\r\n第二行\r第三行\n".encode()).text == "第一行\r\n第二行\r第三行\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_for_ascii_heavy_text(codec: str) -> None:
    english = "\n".join(
        line for line in SEEDS[4].read_text(encoding="utf-8").splitlines() if line.isascii()
    )
    for text in (english, english[:40], english[:200] + "上海合作组织"):
        decoded = decode_bytes(text.encode(codec))
        assert (decoded.text, decoded.encoding) == (text, codec)


# -- legacy Chinese encodings -----------------------------------------------------


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=TEXT_IDS)
def test_gb18030(name: str, text: str) -> None:
    decoded = decode_bytes(text.encode("gb18030"))
    assert (decoded.text, decoded.encoding) == (text, "gb18030")
    assert decoded.confidence > 0.5


# GB2312 has no traditional characters: the traditional seed is tried in GBK only
LEGACY_GB = [(codec, name, text) for codec in ("gbk", "gb2312") for name, text in TEXTS
             if not (codec == "gb2312" and name.startswith(TRADITIONAL_SEED))]


@pytest.mark.parametrize(("codec", "name", "text"), LEGACY_GB,
                         ids=[f"{c}-{n}" for c, n, _ in LEGACY_GB])
def test_gbk_and_gb2312_decode_as_gb18030(codec: str, name: str, text: str) -> None:
    data = text.encode(codec, errors="ignore")
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (data.decode(codec), "gb18030")


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=TEXT_IDS)
def test_big5(name: str, text: str) -> None:
    data = _traditional(name, text).encode("big5", errors="ignore")
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (data.decode("big5"), "big5")
    assert decoded.confidence > 0.5


def test_big5hkscs_when_plain_big5_cannot_decode() -> None:
    text = "佢哋嘅" + _S2T.convert(SEEDS[3].read_text(encoding="utf-8")[:40])
    decoded = decode_bytes(text.encode("big5hkscs"))
    assert (decoded.text, decoded.encoding) == (text, "big5hkscs")


def test_short_windows_of_every_seed() -> None:
    """20-character windows all through the seeds come back in the right encoding."""
    failures = []
    for path in SEEDS:
        simplified = path.read_text(encoding="utf-8")
        traditional = _traditional(_seed_id(path), simplified)
        for start in range(0, len(simplified) - 20, 37):
            for codec, text in (("gb18030", simplified), ("big5", traditional)):
                data = text[start : start + 20].encode(codec, errors="ignore")
                if data.isascii() or not data.strip():
                    continue
                if decode_bytes(data).text != data.decode(codec):
                    failures.append((path.name, start, codec))
    assert failures == []


# -- rejects ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n", codecs.BOM_UTF8, codecs.BOM_UTF8 + b" \n", codecs.BOM_UTF16_LE,
     codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "\u3000\u3000\n".encode("gb18030")],
)  # fmt: skip
def test_empty(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "a/b.txt")
    assert str(info.value) == "a/b.txt: file is empty"


def test_nul_bytes_are_binary() -> None:
    data = b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4
    with pytest.raises(InputError) as info:
        decode_bytes(data, "x.docx")
    assert str(info.value) == "x.docx: binary data (NUL bytes at offset 5)"


@pytest.mark.parametrize(
    "data",
    [b"\x00\xff" * 100, "上海合作组织".encode("utf-16-be") + b"\x00\x00", b"a\x00" * 7 + b"a"],
)
def test_nuls_on_one_parity_that_are_not_utf16_text(data: bytes) -> None:
    with pytest.raises(InputError, match=r"binary data \(NUL bytes at offset \d+\)"):
        decode_bytes(data)


def test_utf8_with_a_stray_nul_is_binary() -> None:
    with pytest.raises(InputError, match="binary data"):
        decode_bytes("上海合作组织\x00".encode())


def test_control_characters_are_binary() -> None:
    with pytest.raises(InputError, match="binary data"):
        decode_bytes(bytes(range(1, 32)) * 20 + b"some text")


def test_random_bytes_are_not_text() -> None:
    rng = random.Random(20240611)
    for _ in range(20):
        data = bytes(rng.randrange(1, 256) for _ in range(400))
        with pytest.raises(InputError) as info:
            decode_bytes(data, "r.bin")
        assert str(info.value).startswith("r.bin: ")
        assert "not text" in info.value.reason or "binary data" in info.value.reason


def test_undecodable_legacy_bytes() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"abc \xff\xfe\xfd", "x.txt")
    assert str(info.value) == ("x.txt: not text: cannot decode as UTF-8, UTF-16, GB18030 or Big5")


def test_bom_followed_by_garbage() -> None:
    with pytest.raises(InputError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8a")  # lone surrogate, odd length


def test_error_message_is_one_line_without_path() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(b"")
    assert str(info.value) == "<input>: file is empty"
    assert "\n" not in str(info.value)


def test_decoded_is_frozen() -> None:
    decoded = decode_bytes(b"abc")
    assert decoded == Decoded("abc", "utf-8", 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        decoded.text = "x"  # type: ignore[misc]


# -- properties -------------------------------------------------------------------

_CHINESE_OR_ENGLISH = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("，。、；：？！“”‘’《》（）【】—…·\n\t\u3000"),
)


@settings(max_examples=300, deadline=None)
@given(st.text(_CHINESE_OR_ENGLISH, min_size=1).filter(str.strip))
def test_utf8_round_trip(text: str) -> None:
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (text, "utf-8")


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_only_raise_input_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert decoded.text.strip()
        assert 0.0 <= decoded.confidence <= 1.0
