"""Labelled cases for postparse.emoji.repair_emoji (own wording, not the eval set)."""

from __future__ import annotations

import pytest

from postparse.emoji import repair_emoji

F = "\ufffd"

# (input, expected text, expected number of lost emoji)
POSITIVES: list[tuple[str, str, int]] = [
    # --- lost to '?': bullets, ends of statements, between spaces
    ("? Our office is closed on Monday", F + " Our office is closed on Monday", 1),
    ("?? Results are in", F + " Results are in", 1),
    ("? Полный список по ссылке", F + " Полный список по ссылке", 1),
    ("Had a great time at the lake ?", "Had a great time at the lake " + F, 1),
    ("Proud of this team ????", "Proud of this team " + F + F, 2),
    ("Lunch ?? then a nap", "Lunch " + F + " then a nap", 1),
    ("Menu: ?? soup, ?? bread", "Menu: " + F + " soup, " + F + " bread", 2),
    ("Congrats!! ??", "Congrats!! " + F, 1),
    ("Okay ??", "Okay " + F, 1),
    ("Was great seeing you all ??", "Was great seeing you all " + F, 1),
    ("Kim and I finally made it ??", "Kim and I finally made it " + F, 1),
    ("今天很开心 ??", "今天很开心 " + F, 1),
    # glued to Chinese text (written without spaces), a statement's '?'
    ("早上又被逆行的电动车吓了一跳?", "早上又被逆行的电动车吓了一跳" + F, 1),
    ("睡不着，起来看了会儿书??", "睡不着，起来看了会儿书" + F, 1),
    ("營業到十一點，我已經跟老闆說好了?", "營業到十一點，我已經跟老闆說好了" + F, 1),
    ("修复了几个问题。 Great job team ????", "修复了几个问题。 Great job team " + F + F, 2),
    ("Had a wonderful evening, thanks all ??", "Had a wonderful evening, thanks all " + F, 1),
    ("Is it raining? ?? I forgot my umbrella", "Is it raining? " + F + " I forgot my umbrella", 1),
    ("¿Vamos? ?? Nos vemos allí", "¿Vamos? " + F + " Nos vemos allí", 1),
    ("Bonne nuit à tous ??", "Bonne nuit à tous " + F, 1),
    (
        "first line\n? Second point here\n? Third point",
        "first line\n" + F + " Second point here\n" + F + " Third point",
        2,
    ),
    ("Nice work ?\ufe0f", "Nice work " + F, 1),
    ("?\ufe0f Heads up: maintenance tonight", F + " Heads up: maintenance tonight", 1),
    ("Two hearts ?\ufe0f?\ufe0f", "Two hearts " + F + F, 2),
    ("done?\ufe0f", "done" + F, 1),
    # a part of a ZWJ sequence lost, a whole ZWJ sequence lost
    ("family 👨\u200d?\u200d👧 ok", "family 👨\u200d" + F + "\u200d👧 ok", 1),
    ("coder ??\u200d?? here", "coder " + F + " here", 1),
    # --- mojibake (cp1252, latin-1, lossy, double)
    ("ha ðŸ˜‚ðŸ˜‚", "ha 😂😂", 0),
    ("Great ðŸ‘\x8d", "Great 👍", 0),
    ("Cheers ðŸ\x8d»", "Cheers 🍻", 0),
    ("so much â¤ï¸ for you", "so much ❤\ufe0f for you", 0),
    ("so much â\ufffd¤ï¸\ufffd for you", "so much ❤\ufe0f for you", 0),
    ("Check âœ”ï¸ done", "Check ✔\ufe0f done", 0),
    ("Kickoff âš½", "Kickoff ⚽", 0),
    ("family ðŸ‘¨â€ðŸ‘©â€ðŸ‘§", "family 👨\u200d👩\u200d👧", 0),
    ("double Ã°Å¸Ëœâ€š encoded", "double 😂 encoded", 0),
    ("it doesnâ€™t work", "it doesn’t work", 0),
    ("thumbs ðŸ‘\x8dðŸ\x8f½", "thumbs 👍🏽", 0),
    ("ambiguous skin tone ðŸ‘ðŸ½", "ambiguous skin tone " + F, 1),
    ("CafÃ© at noon â˜•", "Café at noon ☕", 0),
    # the 0xA0 byte of ⚠ became a plain space
    ("Careful âš ï¸ ice", "Careful ⚠️ ice", 0),
    # keycaps: the digit is plain ASCII, the tail is mojibake (0x8F of
    # U+FE0F dropped, kept, or replaced by '?')
    ("Шаг 1ï¸âƒ£ готов, 2ï¸\x8fâƒ£ тоже", "Шаг 1\ufe0f\u20e3 готов, 2\ufe0f\u20e3 тоже", 0),
    ("#ï¸âƒ£ and 3ï¸?âƒ£", "#\ufe0f\u20e3 and 3\ufe0f\u20e3", 0),
    ("❤ and â¤ â¤", "❤ and ❤ ❤", 0),
    # several emoji fit the surviving bytes: lost (⭐ or ⏭; 🍻 or 🐻)
    ("Stars â\xad", "Stars " + F, 1),
    ("Cheers ðŸ»", "Cheers " + F, 1),
    ("ÃƒÂ©tÃƒÂ© double-encoded", "été double-encoded", 0),
    ("Â°C today ðŸ”¥", "°C today 🔥", 0),
    # --- lost next to a surviving emoji, even runs at a line start
    ("Great game ??🔥", "Great game " + F + "🔥", 1),
    ("?? so happy today", F + " so happy today", 1),
    # CESU-8: surrogates encoded one by one, then read as Latin-1
    ("so cute í\xa0½í¸\x8d", "so cute 😍", 0),
    ("goal â\x9a½í\xa0½í¸\x80!", "goal ⚽😀!", 0),
    # --- escapes
    ("lol \\uD83D\\uDE02!", "lol 😂!", 0),
    ("nice \\U0001F525", "nice 🔥", 0),
    ("js \\u{1F389} es6", "js 🎉 es6", 0),
    ("\\u2705 shipped", "✅ shipped", 0),
    ("json \\\\ud83d\\\\ude4f double", "json 🙏 double", 0),
    # --- entities
    ("yay &#127881;&#127881;", "yay 🎉🎉", 0),
    ("love &hearts; you", "love ♥ you", 0),
    ("&#169;&#xFE0F; 2024", "©\ufe0f 2024", 0),
    ("old &#55357;&#56832; pair", "old 😀 pair", 0),
    ("&#X1F44B; hi", "👋 hi", 0),
    # --- orphans
    ("orphan \ufe0f selector", "orphan  selector", 0),
    ("double ❤\ufe0f\ufe0f", "double ❤\ufe0f", 0),
    ("dangling 👍\u200d end", "dangling 👍 end", 0),
    # regressions: joiner next to an orphan selector
    ("👍\u200d\ufe0f x", "👍 x", 0),
    ("\u200d\ufe0f🏽", "🏽", 0),
    # --- surrogate characters left in a str
    ("raw \ud83d\ude02 pair", "raw 😂 pair", 0),
    # the same languages after a statement: lost
    ("ممنون از همه ?", "ممنون از همه " + F, 1),
    ("شكرا لكم ??", "شكرا لكم " + F, 1),
    ("चलो ?", "चलो " + F, 1),
    # --- mixed
    ("ðŸŽ‰ we shipped ??", "🎉 we shipped " + F, 1),
    # after a comma, 'que' / 'che' / 'which' open a relative clause, no question
    (
        "A decisão foi criticada por especialistas, que apontam o custo ?",
        "A decisão foi criticada por especialistas, que apontam o custo " + F,
        1,
    ),
    (
        "Abbiamo vinto la partita, che bella serata ?",
        "Abbiamo vinto la partita, che bella serata " + F,
        1,
    ),
    ("The new bridge, which opened today ?", "The new bridge, which opened today " + F, 1),
]

NEGATIVES: list[str] = [
    "Why?",
    # a relative word opening the clause itself, an accented 'qué' after a comma
    "Que horas são ?",
    "Bueno, qué hacemos ahora ?",
    # a letter lost to '?' inside a word is no emoji
    "у м. Ки?в сьогодні",
    # a spaced '?' after a question word (Arabic, Persian, Hindi, Urdu)
    "كيف حالك ?",
    "هل أنت هنا ?",
    "چرا دیر کردی ?",
    "कब चलेंगे ?",
    "کیا آپ آ رہے ہیں ?",
    "What??",
    "Seriously???",
    "??? huh",
    "?",
    "??",
    "? what do you mean",
    "Are you coming tonight ?",
    "Tu pars quand ?",
    "On se voit demain ? Je peux passer vers midi.",
    "¿Dónde está la estación ?",
    "¿Me ayudas?",
    "https://example.org/path?x=1&y=2",
    "see example.com/?ref=abc",
    "cond ? yes : no",
    "let v = ok ? 1 : 2;",
    "UPDATE t SET a = ? WHERE id = ?",
    "VALUES (?, ?, ?)",
    "return a ?? b;",
    "const z = a ?? b",
    "cafÃ© alone is not touched",
    "aquí… está",
    "Party tonight 🎉?",
    "Wat? Echt?",
    "Kommst du mit, oder?",
    "Was meinst du ?",
    "Wie spät ist es ?",
    "Сколько стоит ?",
    "他真的来了?我不信。",
    "你好？",
    "هل أنت هنا؟",
    "7:30?? That's early",
    "café naïve façade São Paulo",
    "«Bonjour» — dit-il…",
    "IRMÃ” and NÃO",
    "Grüß…",
    "“quotes” and ‘apostrophes’",
    "Tom &amp; Jerry",
    "&copy; is not touched unless emoji? it is",
    "C:\\Users\\me\\file.txt",
    "💁\u200d♀\ufe0f ok",
    "🏳\ufe0f\u200d🌈 flag",
    "#\ufe0f⃣ keycap",
    "👩🏽\u200d💻 at work",
    "ශ්\u200dරී ලංකා",
    "می\u200cخواهم",
    ":) :( :P",
    "at 10:30:45",
    "[哈哈] no conversion by default",
    "[心] and [允悲] stay",
    "\ufffd already marked",
    "Thanks \ufffd\ufffd",
    "x?y",
    "What a day! Why ?",
    "Huh ?",
    "Seriously ??",
    "It works, right ?",
    "Das reicht, oder ?",
    "Does the 9:30 train still run ?",
    "你好吗 ?",
    "你是学生吧?",
    "有没有人一起去?",
    "几点开始?",
    "真的?",
    "它是否要为内容承担部分责任?批评者认为",
    "明日は雨?",
    "東京に行く人?",
    "你为什么不来 ?",
    "元気ですか ?",
    "뭐 해요 ?",
]


@pytest.mark.parametrize(("text", "expect", "lost"), POSITIVES)
def test_positive(text: str, expect: str, lost: int) -> None:
    r = repair_emoji(text)
    assert r.text == expect
    assert r.lost == lost
    for rep in r.repairs:
        assert text[rep.start : rep.end] == rep.found


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative_unchanged(text: str) -> None:
    r = repair_emoji(text)
    assert r.text == text
    assert r.repairs == ()


def test_fast_path_returns_same_object() -> None:
    text = "Plain words, nothing to see here. 你好 مرحبا 😀"
    r = repair_emoji(text)
    assert r.text is text
    assert r.repairs == ()


def test_repairs_carry_offsets_into_input() -> None:
    text = "a ðŸ˜‚ b &#128514; c \\ud83d\\ude02 d ??"
    r = repair_emoji(text)
    assert [x.found for x in r.repairs] == ["ðŸ˜‚", "&#128514;", "\\ud83d\\ude02", "??"]
    assert [x.lost for x in r.repairs] == [False, False, False, True]
    assert r.text == "a 😂 b 😂 c 😂 d " + F


def test_language_hint_french() -> None:
    # a single spaced '?' is a French question; with an English hint it is a lost emoji
    assert repair_emoji("On y va ?", language="fr").repairs == ()
    assert repair_emoji("Great news everyone ?", language="en").lost == 1
    assert repair_emoji("Merci pour tout ?", language="fr-CA").repairs == ()


def test_ambiguous_lossy_is_lost() -> None:
    # F0 9F 98 8D with 0x8D dropped: several emoji leave these bytes
    r = repair_emoji("wow ðŸ˜ nice")
    assert r.text == "wow " + F + " nice"
    assert r.lost == 1


def test_shortcodes_opt_in() -> None:
    text = "ship it :rocket: now :thumbsup: and :not_a_code: at 10:30:00"
    assert repair_emoji(text).repairs == ()
    r = repair_emoji(text, shortcodes=True)
    assert r.text == "ship it 🚀 now 👍 and :not_a_code: at 10:30:00"
    assert r.lost == 0


def test_bracket_codes_opt_in() -> None:
    text = "真好[哈哈][赞] 还有[组图共4张]"
    assert repair_emoji(text).repairs == ()
    r = repair_emoji(text, bracket_codes=True)
    assert r.lost == 0
    assert "[组图共4张]" in r.text
    assert "[哈哈]" not in r.text and "👍" in r.text


def test_weibo_codes_never_lost() -> None:
    for text in ("转发[心]", "太好笑了[允悲][允悲]", "[doge]?"):
        assert repair_emoji(text).lost == 0
        assert repair_emoji(text, bracket_codes=True).lost == 0


def test_one_repair_per_lost_emoji() -> None:
    # a run of surrogate pairs lost to '?' is several emoji: one repair each,
    # so that a post's list of lost emoji counts them
    for text, want in [
        ("Happy birthday Sam ???? (he will never see this)", [(19, 21), (21, 23)]),
        ("We did it ??????", [(10, 12), (12, 14), (14, 16)]),
        ("???? Final score 2-1", [(0, 2), (2, 4)]),
        ("ok ??", [(3, 5)]),
    ]:
        r = repair_emoji(text)
        assert [(x.start, x.end, x.found, x.fixed, x.lost) for x in r.repairs] == [
            (s, e, "??", F, True) for s, e in want
        ]
