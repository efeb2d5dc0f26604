"""Sample text for testing and benchmarking postparse's emoji repair.

``clean_text(size)`` builds mixed-language text that must come back
unchanged (CJK, RTL, emoji-rich, French/Spanish questions, URLs, code,
accented and curly-quoted text); ``damaged_text(size)`` damages emoji-rich
lines the way dumps do (mojibake, lossy mojibake, escapes, entities, ``?``).
Deterministic (seeded), standard library only.
"""

from __future__ import annotations

import json
import random

CLEAN_LINES: tuple[str, ...] = (
    "Why? Because the build broke again.",
    "Really?? I thought we fixed that last week.",
    "??? no idea what happened there",
    "6:45?? Is that a typo or are you serious",
    "Zwei Packungen reichen, oder?",
    "Kommst du heute Abend? Ich bringe Kuchen mit 🎂",
    "Tu viens ce soir ? On se retrouve à la gare.",
    "Est-ce que tu as vu le match hier soir ?",
    "C’est vraiment génial, merci à vous ! 😊",
    "¿Qué hora es? ¿Vienes a la fiesta ?",
    "¡Hola! ¿Cómo estás? Todo bien por aquí 👍🏽",
    "Quanto costa? 20 euro? Va bene.",
    "Czy ktoś wie, która godzina?",
    "Точно? Ты уверен? Давай завтра 🙂",
    "你吃饭了吗？今天天气很好。",
    "他承担部分责任?批评者认为这不公平。",
    "何時に集合ですか？駅の前で待っています。",
    "오늘 저녁에 시간 있어요? 같이 밥 먹어요 🍜",
    "كيف حالك؟ أتمنى أن تكون بخير 😊",
    "שלום, מה שלומך? נתראה מחר",
    "می‌خواهم فردا به کتابخانه بروم",
    "क्या आप कल आ रहे हैं? मैं इंतज़ार करूँगा",
    "ශ්‍රී ලංකාව ලස්සන රටක්",
    "https://shop.example.org/search?q=shoes&size=42&color=blue",
    "See https://example.com/a?b=c&d=e#frag and http://x.y/z?x=1",
    "x = a ? b : c;",
    "const y = isOk ? 'yes' : 'no';",
    "SELECT name FROM users WHERE id = ? AND status = ?",
    "INSERT INTO t (a, b) VALUES (?, ?)",
    "std::vector<int> v; // why?",
    "if (a && b) { return x ?? y; }",
    "Meeting at 10:30:00 sharp, ratio 3:2:1",
    "Path: C:\\Users\\dave\\notes.txt and \\\\server\\share",
    "Regex colou?r matches both spellings",
    "Tom &amp; Jerry &lt;3 and AT&T",
    "The café’s crème brûlée 🍮 was perfect, naïve as it sounds",
    "SÃO PAULO É DEMAIS, IRMÃ",
    "«Le café» est prêt… à table !",
    "Grüß dich! Schöne Grüße aus München.",
    "Família reunida no domingo 👨\u200d👩\u200d👧 ❤",
    "Love this ❤\ufe0f so much 😍😍",
    "Poll: 1\ufe0f⃣ yes 2\ufe0f⃣ no 3\ufe0f⃣ maybe #\ufe0f⃣ skip",
    "Flags: 🇫🇷 🇪🇸 🇩🇪 🇯🇵 🏳\ufe0f\u200d🌈 🏴\u200d☠\ufe0f",
    "Team: 👩🏽\u200d💻 👨🏿\u200d🔬 🧑🏻\u200d🚀 and 🫶🏼",
    "Weather ☀\ufe0f then 🌧\ufe0f then ⛈\ufe0f — typical",
    "Any idea why this fails? 😭",
    "Wait... what?? No way 😂😂",
    "Q: where is the venue? A: Hall 3",
    "Price: 5€ — ok?",
    "“Quoted” and ‘single’ marks, em—dash and en–dash…",
    ":) :D ;-) old-school smileys",
    "Did you see that?! Incredible",
    "Who's coming to the game tonight??",
    "huh???",
    "Is it 5 or 6? I forgot",
    "平安夜，在老城区转了一圈。#城市夜景# [心]",
    "学到了[赞] //@科普君:对，拍照的时候用长焦",
    "Ünïcödé façade coöperate résumé",
    "Ελληνικά; Ναι, φυσικά.",
    "ok ✅ done ✔\ufe0f shipped 🚀",
)

_EMOJI_LINES: tuple[str, ...] = (
    "Love you {e}",
    "{e} Launch day!",
    "So funny {e}",
    "Great job team {e}{e}",
    "Weather today {e} and more",
    "{e} New episode out now",
)
_EMOJI: tuple[str, ...] = (
    "😂",
    "❤\ufe0f",
    "👍",
    "🔥",
    "🎉",
    "☀\ufe0f",
    "✅",
    "🙏",
    "😍",
    "👨\u200d👩\u200d👧",
    "👍🏽",
    "🇫🇷",
)


def clean_text(size: int = 1_000_000, seed: int = 7) -> str:
    """About ``size`` characters of clean mixed-language lines."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        line = rng.choice(CLEAN_LINES)
        out.append(line)
        total += len(line) + 1
    return "\n".join(out) + "\n"


def _mojibake(s: str, style: int) -> str:
    raw = s.encode("utf-8")
    if style == 0:
        return raw.decode("latin-1")
    if style == 1:
        return raw.decode("cp1252", errors="ignore")
    return "".join(
        bytes([b]).decode("cp1252", errors="replace") if b >= 0x80 else chr(b) for b in raw
    )


def _damage(emoji: str, rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind <= 2:
        return _mojibake(emoji, kind)
    if kind == 3:
        return json.dumps(emoji)[1:-1]
    if kind == 4:
        return "".join(f"&#{ord(c)};" for c in emoji)
    # a legacy encoder: one '?' per UTF-16 code unit
    return "".join("??" if ord(c) > 0xFFFF else "?" for c in emoji)


def damaged_text(size: int = 1_000_000, seed: int = 11) -> str:
    """About ``size`` characters of emoji lines damaged in assorted ways,
    interleaved with clean lines."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    while total < size:
        if rng.random() < 0.5:
            line = rng.choice(CLEAN_LINES)
        else:
            template = rng.choice(_EMOJI_LINES)
            line = template.replace("{e}", _damage(rng.choice(_EMOJI), rng))
        out.append(line)
        total += len(line) + 1
    return "\n".join(out) + "\n"
