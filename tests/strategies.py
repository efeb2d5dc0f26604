"""Hypothesis strategies for dump-like text, in one place."""

from __future__ import annotations

from hypothesis import strategies as st

NEWLINES = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])

#: Fragments that trigger the parser's rules: bylines, cards, bullets,
#: scripts, dates, hashtags, emoji damage.
FRAGMENTS = st.sampled_from(
    [
        "Contact : @chan",
        "Last updated 2 days ago",
        "2024-09-02 16:17 by Имя Фамилия",
        "2024-13-45 99:99 by nobody",
        "Channel Name",
        "? Bullet line here",
        "• another bullet",
        "#hashtag line #1 #тег",
        "韩国监管机构称 Telegram 已遵从其要求…",
        "繃不住了，一堆換皮野雞幣。",
        "ðŸ˜‚ mojibake \\ud83d\\ude02 &#128514;",
        "8/30/24, 7:02 PM - Dana: hi",
        "[30.12.23, 18:04:11] Mama: Hallo",
        "Name, [02.09.24 16:17]",
        "Scarlet — Yesterday at 4:20 PM",
        "[4:21 PM]follow-up",
        "https://example.com/a_(b).",
        "@user@mastodon.social",
        "",
        "   ",
        "\u200e",
        "\ufeff",
        "\x00",
        "…",
        "Show more",
        "@handle",
        "·",
        "2h",
        "Mar 14",
        "3分钟前 来自 iPhone客户端",
        "转发 2",
        "1.2K views  09:15",
        "September 6",
        "u/name · 5 hr. ago",
        "Like Comment Share",
        "```",
        "[ Photo ]",
        "Yesterday at 4:20 PM",
        "Name  10:42 AM",
        "41",
        "1.9K",
    ]
)

LINE = st.one_of(FRAGMENTS, st.text(max_size=80))

#: Text that looks like a dump: lines from the fragments and random text,
#: joined with every kind of line ending.
dumps = st.lists(st.tuples(LINE, NEWLINES), max_size=40).map(
    lambda parts: "".join(a + b for a, b in parts)
)

#: Anything at all.
any_text = st.one_of(st.text(), dumps)
