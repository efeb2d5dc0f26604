"""Tests for postparse.lang (labelled cases are hand-written, see lang_cases.tsv)."""

from __future__ import annotations

import pathlib

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postparse.lang import (
    LanguageResult,
    available_backends,
    detect_language,
    detect_language_details,
    supported_languages,
)

CASES_FILE = pathlib.Path(__file__).with_name("lang_cases.tsv")


def _cases() -> list[tuple[str, str]]:
    out = []
    for line in CASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tag, text = line.split("\t", 1)
        out.append((tag, text))
    return out


CASES = _cases()
REQUIRED_TEXT = """en de fr es it pt nl ru uk pl tr ar fa zh-Hans zh-Hant ja ko hi id vi
sv da nb fi cs sk ro hu el he th bn ms sr bg ca hr"""
REQUIRED = REQUIRED_TEXT.split()


@pytest.mark.parametrize(("tag", "text"), CASES, ids=[f"{t}-{i}" for i, (t, _) in enumerate(CASES)])
def test_labelled_case(tag: str, text: str) -> None:
    assert detect_language(text) == tag


def test_every_required_language_has_cases_and_support() -> None:
    tags = {t for t, _ in CASES}
    supported = supported_languages()
    for tag in REQUIRED:
        assert tag in tags, tag
        assert tag in supported, tag
    assert len(supported - {"zh"}) >= 40


@pytest.mark.parametrize(
    ("hans", "hant"),
    [
        ("这个软件更新以后电脑变得很慢", "這個軟體更新以後電腦變得很慢"),
        ("我们明天一起去图书馆学习吧", "我們明天一起去圖書館學習吧"),
        ("这家餐厅的面条真的很好吃", "這家餐廳的麵條真的很好吃"),
        ("听说周末会下大雨，记得带伞", "聽說週末會下大雨，記得帶傘"),
        ("头发剪短了感觉轻松多了", "頭髮剪短了感覺輕鬆多了"),
    ],
)
def test_zh_script_pairs(hans: str, hant: str) -> None:
    assert detect_language(hans) == "zh-Hans"
    assert detect_language(hant) == "zh-Hant"
    # The same with noise around them.
    assert detect_language(f"@某人 {hans} 😂 https://t.cn/abc #话题#") == "zh-Hans"
    assert detect_language(f"{hant}！！ #tag 2024") == "zh-Hant"


def test_zh_without_script_evidence_is_plain_zh() -> None:
    # Every character here is the same in both script forms.
    assert detect_language("你好") == "zh"


def test_japanese_by_kana_and_korean_by_hangul() -> None:
    assert detect_language("東京で友達と会いました") == "ja"
    assert detect_language("カフェなう") == "ja"
    assert detect_language("서울에서 친구를 만났어요") == "ko"
    # A stray kana in a long Chinese post does not make it Japanese.
    assert detect_language("今天在这里买了很多东西，店员也非常热情，下次还会再来の") == "zh-Hans"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "😂😂😂",
        "🔥 👍🏽 ❤️",
        "https://example.com/some/path?x=1",
        "www.example.org",
        "@someone @another",
        "#hashtag #another",
        "12:45 2024-09-10 +49 170 1234567",
        "... !!! ???",
        "ok",
        "xyz qwv",
        "Hello мир",
        "hello Привет 안녕 こんにちは",
        "@bob #tbt https://t.co/x 😂 2024",
    ],
)
def test_undetermined_returns_none(text: str) -> None:
    assert detect_language(text) is None
    assert detect_language_details(text).tag is None


def test_noise_is_ignored() -> None:
    # The German words decide, not the English hashtag, mention or URL.
    text = "@john_smith Wir sehen uns morgen im Büro #meeting #teamwork https://example.com/agenda"
    assert detect_language(text) == "de"
    # An English-only hashtag does not turn a Spanish post English.
    assert detect_language("Mañana salimos temprano hacia la playa #summervibes") == "es"


def test_close_pairs() -> None:
    assert detect_language("Gak tau deh, kayaknya besok hujan") == "id"
    assert detect_language("Tak tahu lah, rasanya esok hujan") == "ms"
    assert detect_language("Я не знаю, що робити далі") == "uk"
    assert detect_language("Я не знаю, что делать дальше") == "ru"
    assert detect_language("Eu não sei o que fazer agora") == "pt"
    assert detect_language("Yo no sé qué hacer ahora") == "es"


def test_cyrillic_marker_letters() -> None:
    assert detect_language("Добры вечар, як жыццё? Сёння ідзе дождж") == "be"  # і with ы
    assert detect_language("Сәлеметсіз бе, қалыңыз қалай?") == "kk"
    assert detect_language("Ђаци су отишли кући, ћерка је остала") == "sr"


def test_details_result() -> None:
    r = detect_language_details("The weather is lovely today, let's go for a walk")
    assert isinstance(r, LanguageResult)
    assert r.tag == "en"
    assert 0.5 < r.confidence <= 1.0
    assert r.runner_up is not None and r.runner_up != "en"
    assert r.script == "Latin"
    assert r.method == "model"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        r.tag = "de"  # type: ignore[misc]


def test_low_confidence_keeps_best_guess() -> None:
    r = detect_language_details("lol")
    assert r.tag is None
    assert r.method in ("low-confidence", "too-short")


def test_type_error_and_unknown_backend() -> None:
    with pytest.raises(TypeError):
        detect_language(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown language backend"):
        detect_language("hello there", backend="nope")
    assert "builtin" in available_backends()


def test_long_and_pathological_inputs_finish() -> None:
    long_en = "this is a rather long sentence about nothing in particular " * 2000
    assert detect_language(long_en) == "en"
    for text in ("@" * 50000, "#" * 50000, "a" * 100000, "https://" * 10000, "x@" * 30000):
        r = detect_language_details(text)
        assert r.tag is None or r.tag in supported_languages()


def test_cld2_backend_if_installed() -> None:
    pytest.importorskip("pycld2")
    assert (
        detect_language("The weather is lovely today, let's go for a walk", backend="cld2") == "en"
    )
    assert detect_language("這個軟體更新以後電腦變得很慢，真的很煩人", backend="cld2") == "zh-Hant"
    assert detect_language("", backend="cld2") is None


SUPPORTED = supported_languages()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_property_never_raises_and_valid_tag(text: str) -> None:
    r = detect_language_details(text)
    assert r.tag is None or r.tag in SUPPORTED
    assert 0.0 <= r.confidence <= 1.0
    assert detect_language_details(text) == r  # deterministic


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from([t for _, t in CASES]), min_size=1, max_size=3), st.text(max_size=20)
)
def test_property_mixed_real_text(parts: list[str], junk: str) -> None:
    text = junk.join(parts)
    r = detect_language_details(text)
    assert r.tag is None or r.tag in SUPPORTED
    assert detect_language(text) == r.tag


@pytest.mark.parametrize("backend", ["cld2", "langdetect", "py3langid"])
def test_optional_backends_same_api(backend: str) -> None:
    module = {"cld2": "pycld2", "langdetect": "langdetect", "py3langid": "py3langid"}[backend]
    pytest.importorskip(module)
    assert detect_language("", backend=backend) is None
    assert detect_language("😂 https://example.com 123", backend=backend) is None
    r = detect_language_details("Die Katze schläft den ganzen Tag auf dem Sofa", backend=backend)
    assert r.tag == "de"
    assert r.method == backend
    assert 0.0 < r.confidence <= 1.0
    # Chinese answers always carry the script.
    assert detect_language("我们明天一起去图书馆学习吧", backend=backend) in ("zh-Hans", "ja", "ko")


@pytest.mark.parametrize(
    "text",
    [
        "\ud83d\ude02 lone surrogates \udc00",
        "\x00\x01\x02",
        "\u200b\u200e\ufeff",
        "a\u0301" * 50,
        "İSTANBUL",
    ],
)
def test_odd_code_points_do_not_crash(text: str) -> None:
    r = detect_language_details(text)
    assert r.tag is None or r.tag in SUPPORTED
    for backend in available_backends():
        if backend != "lingua":  # lingua's model load is slow; covered elsewhere
            detect_language(text, backend=backend)


def test_tables_load_lazily() -> None:
    import subprocess
    import sys

    code = (
        "import postparse.lang._builtin as b, sys; "
        "assert not b._State.models and b._State.scripts is None; "
        "import postparse.lang as L; L.detect_language('hello there friend'); "
        "assert b._State.models; print('ok')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "ok"


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("東京都知事選挙の結果発表", "ja"),  # one kana, but a Japanese-only kanji (発)
        ("大阪駅前で待ち合わせ", "ja"),
        ("東京駅", "ja"),  # kanji only, 駅 is Japanese-only
        ("猫の手", "ja"),
        ("雨の日", "ja"),
        ("好吃の店推荐给大家", "zh-Hans"),  # Chinese internet の
        ("今天去了大阪駅附近的商场买东西", "zh-Hans"),  # a Japanese name inside Chinese
        ("發展", "zh-Hant"),
        ("发展", "zh-Hans"),
    ],
)
def test_japanese_vs_chinese_edge_cases(text: str, tag: str) -> None:
    assert detect_language(text) == tag
