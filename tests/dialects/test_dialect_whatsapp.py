"""WhatsApp exports (Android and iOS): fixtures, detection, regressions."""

from __future__ import annotations

import pytest
from chat_fixture_helpers import (
    CORPUS,
    FIXTURES,
    detected,
    read,
    summarise,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import postparse
from postparse.dialects._chat import read_clock

L, N, B = "\u200e", "\u202f", "\u00a0"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="eval corpus not available")
@pytest.mark.parametrize(
    ("name", "dialect"),
    [("whatsapp_android_us.txt", "whatsapp-android"), ("whatsapp_ios_de.txt", "whatsapp-ios")],
)
def test_detect_corpus(name: str, dialect: str) -> None:
    assert detected(read(CORPUS / name)) == dialect


def test_stamp_is_exact_expression() -> None:
    segs = summarise(
        f"8/30/24, 7:02{N}PM - Dana: hi\n"
        "30/08/2024, 19:02 - Dana: hi\n"
        f"30.08.24, 7:02{B}p.m. - Dana: hi\n"
        "8/30/24, 7:02 pm - Dana: hi\n",
        "whatsapp-android",
    )
    assert [s["stamp"] for s in segs] == [
        f"8/30/24, 7:02{N}PM",
        "30/08/2024, 19:02",
        f"30.08.24, 7:02{B}p.m.",
        "8/30/24, 7:02 pm",
    ]


def test_continuation_starting_with_a_date_is_not_a_header() -> None:
    segs = summarise(
        "9/2/24, 10:02 AM - Priya: plans\n"
        "9/14/24 is the rain date, 9/21/24 if that fails too\n"
        "9/15/24, 10:00 AM the backup\n"
        "9/2/24, 10:30 AM - Marcus: ok\n"
        "9/2/24, 10:31 AM - Marcus left\n",
        "whatsapp-android",
    )
    assert [(s["kind"], s["line"], s["end_line"]) for s in segs] == [
        ("post", 1, 3),
        ("post", 4, 4),
        ("meta", 5, 5),
    ]


def test_android_system_line_with_colon_is_meta() -> None:
    segs = summarise(
        '9/4/24, 7:40 PM - Okafor changed the subject from "a" to "Tenors: autumn"\n'
        "9/4/24, 7:41 PM - Okafor: fine: really\n",
        "whatsapp-android",
    )
    assert [(s["kind"], s["author"]) for s in segs] == [("meta", None), ("post", "Okafor")]
    assert segs[1]["text"] == "fine: really"
    # Japanese subjects are quoted with 「」: the 'name' holds a quote
    segs = summarise(
        "2024/09/01 10:30 - 中村 陽子がグループ名を「同期会: 9/14 新宿」に変更しました\n"
        "2024/09/01 10:31 - 中村 陽子: 予約取れました\n",
        "whatsapp-android",
    )
    assert [(s["kind"], s["author"]) for s in segs] == [("meta", None), ("post", "中村 陽子")]


def test_ios_marks_everywhere_and_text_offsets() -> None:
    segs = summarise(
        f"{L}[30.12.23, 18:20:15] {L}Papa{L}: {L}Bild weggelassen\n"
        f"[30.12.23, 18:20:49] Papa: Zwei Packungen, oder?\n",
        "whatsapp-ios",
    )
    assert [(s["kind"], s["author"], s["text"]) for s in segs] == [
        ("post", "Papa", "Bild weggelassen"),
        ("post", "Papa", "Zwei Packungen, oder?"),
    ]


def test_ios_system_lines_are_meta_but_placeholders_are_posts() -> None:
    segs = summarise(
        f"[30.12.23, 18:04:11] Familie: {L}Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.\n"
        f"{L}[31.12.23, 09:12:09] Lea: {L}Diese Nachricht wurde gelöscht.\n"
        f"{L}[01.01.24, 11:15:02] Familie: {L}Papa hat das Gruppenbild geändert.\n"
        f"{L}[01.01.24, 11:16:00] Papa: {L}Standort: https://maps.example.com/?q=1,2\n",
        "whatsapp-ios",
    )
    assert [s["kind"] for s in segs] == ["meta", "post", "meta", "post"]


def test_ios_sender_that_also_posts_is_not_system() -> None:
    # In a one-to-one chat the encryption notice carries the contact's name.
    segs = summarise(
        f"[9/5/24, 6:01:09 PM] Mira: {L}Messages and calls are end-to-end encrypted.\n"
        "[9/5/24, 6:02:00 PM] Mira: hey\n"
        f"[9/5/24, 6:03:00 PM] Mira: {L}Some call event we have no phrase for\n",
        "whatsapp-ios",
    )
    assert [s["kind"] for s in segs] == ["meta", "post", "post"]


@pytest.mark.parametrize(
    ("stamp", "dialect"),
    [
        ("2024-08-30 19:02:11", "whatsapp-ios"),
        ("2024. 8. 30. 오후 7:02", "whatsapp-android"),
        ("30.8.2024 klo 19.02", "whatsapp-android"),
        ("2024/8/30 下午7:02", "whatsapp-android"),
        ("30/08/2024, 7:02\u202fvorm.", "whatsapp-android"),
        ("30/08/2024 à 19:02", "whatsapp-android"),
        ("30/08/2024 às 19:02", "whatsapp-android"),
    ],
)
def test_locale_stamps(stamp: str, dialect: str) -> None:
    line = f"[{stamp}] Ana: hola\n" if dialect == "whatsapp-ios" else f"{stamp} - Ana: hola\n"
    (seg,) = summarise(line * 3, dialect)[:1]
    assert seg["stamp"] == stamp
    assert seg["author"] == "Ana"
    assert detected(line * 3) == dialect


@pytest.mark.parametrize(
    ("clock", "want"),
    [
        ("4:21 PM", (16, 21, None)),
        ("12:05 AM", (0, 5, None)),
        ("12:05 p.m.", (12, 5, None)),
        ("7:02\u202fpm", (19, 2, None)),
        ("18:04:11", (18, 4, 11)),
        ("nachm. 4:21", (16, 21, None)),
        ("下午7:02", (19, 2, None)),
        ("25:00", None),
        ("13:00 PM", None),
        ("hello", None),
    ],
)
def test_read_clock(clock: str, want: tuple[int, int, int | None] | None) -> None:
    assert read_clock(clock) == want


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "8/30/24, 7:02 PM - Dana: hi",
                "8/30/24, 7:02 PM - Dana left",
                f"{L}[30.12.23, 18:04:11] Fam: {L}Papa hat X hinzugefügt.",
                "[30.12.23, 18:04:11] Lea:",
                "9/14/24 is the rain date",
                "",
                "\r",
                "[",
                "8/30/24, 7:02 PM - ",
            ]
        )
        | st.text(max_size=30),
        max_size=12,
    ),
    st.sampled_from(["whatsapp-android", "whatsapp-ios", None]),
)
def test_never_crashes_and_partitions(parts: list[str], dialect: str | None) -> None:
    text = "\n".join(parts)
    segs = summarise(text, dialect)  # asserts the partition itself
    assert all(s["kind"] in ("post", "meta") for s in segs)


def test_ios_export_without_marks_still_finds_system_lines() -> None:
    # Some tools strip U+200E: the encryption notice names the group, whose
    # later system lines are meta; a member's text with a system word is not.
    segs = summarise(
        "[02.09.24, 10:00:00] Sportverein: Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.\n"
        "[02.09.24, 10:00:05] Sportverein: Kai hat Mia hinzugefügt.\n"
        "[02.09.24, 10:01:00] Kai: Mia, ich habe dich hinzugefügt!\n",
        "whatsapp-ios",
    )
    assert [(s["kind"], s["author"]) for s in segs] == [("meta", None), ("post", "Kai")]
    assert [s["line"] for s in segs] == [1, 3]


def test_detected_with_few_headers_and_long_messages() -> None:
    body = "".join(f"line {i} of a long message\n" for i in range(40))
    text = "8/30/24, 7:02 PM - Dana: start\n" + body + "8/30/24, 7:05 PM - Ben: ok\n" + body
    assert detected(text) == "whatsapp-android"
    assert detected("one line\n" * 50 + "8/30/24, 7:02 PM - Dana: start\n") != "whatsapp-android"


def test_ios_notice_in_a_language_without_table_entry_is_meta() -> None:
    # The notice an iOS export opens with: a long U+200E text before any
    # message. A short U+200E media mark of that language stays a message.
    segs = summarise(
        "[01.09.24, 10:00:00] Klub: \u200eWiadomości i połączenia w tym czacie chronione "
        "są pełnym szyfrowaniem, nikt spoza czatu nie może ich odczytać.\n"
        "[01.09.24, 10:01:00] Ola: \u200eobraz pominięty\n"
        "[01.09.24, 10:02:00] Ola: Cześć wszystkim\n",
        "whatsapp-ios",
    )
    assert [(s["kind"], s["author"]) for s in segs] == [
        ("meta", None),
        ("post", "Ola"),
        ("post", "Ola"),
    ]


def test_dates_that_never_pass_12_are_read_in_the_denser_order() -> None:
    # '2/9/24' ... '9/9/24': as day first one week of chat, as month first
    # seven months; both run forward, the week wins
    path = FIXTURES / "whatsapp-ios" / "es_day_first.txt"
    doc = postparse.parse(path, now="2024-09-10T12:00:00+00:00")
    assert doc.date_order == "DMY"
    stamps = [p.timestamp for p in doc.posts]
    assert stamps[0] is not None and stamps[0].isoformat().startswith("2024-09-02T08:05:40")
    assert stamps[-1] is not None and stamps[-1].isoformat().startswith("2024-09-09T23:59:59")


def test_spanish_pm_with_no_break_spaces_is_afternoon() -> None:
    # es-MX 12-hour stamps: '8:12\u202fp.\u00a0m.' is 20:12, and the spaced
    # Spanish marker does not make '3/9/24' month first
    path = FIXTURES / "whatsapp-android" / "es_mx_pm.txt"
    doc = postparse.parse(path, now="2024-09-10T12:00:00+00:00")
    stamps = [p.timestamp.isoformat()[:16] for p in doc.posts if p.timestamp is not None]
    assert stamps == [
        "2024-09-03T20:12",
        "2024-09-03T20:15",
        "2024-09-04T10:02",
        "2024-09-04T12:30",
    ]


def test_localized_am_pm_words_are_read() -> None:
    # '7:45 nachm.' (German Android) is 19:45; the dates engine must know
    # the word without a language hint, or the stamp stops before it
    path = FIXTURES / "whatsapp-android" / "de.txt"
    doc = postparse.parse(path, now="2024-09-10T12:00:00+00:00")
    last = doc.posts[-1]
    assert last.timestamp_text == "30.08.24, 7:45 nachm."
    assert last.timestamp is not None and last.timestamp.isoformat()[:16] == "2024-08-30T19:45"


@pytest.mark.parametrize(
    ("dialect", "width", "stamps"),
    [
        (
            "whatsapp-android",
            16,
            ["2024-08-14T22:05", "2024-08-15T09:12", "2024-09-02T12:40", "2024-09-02T12:41"],
        ),
        # iOS, every date at most 12: still day first (the 'م' is no US 'PM')
        (
            "whatsapp-ios",
            19,
            [
                "2024-09-01T20:17:40",
                "2024-09-02T09:03:11",
                "2024-09-02T09:04:00",
                "2024-09-04T23:59:59",
            ],
        ),
    ],
)
def test_arabic_exports_with_arabic_digits_and_marks(
    dialect: str, width: int, stamps: list[str]
) -> None:
    # '١٤\u200f/٨\u200f/٢٠٢٤، ١٠:٠٥ م': Arabic-Indic digits, U+200F after
    # the date's numbers, an Arabic comma and 'م' (PM); day first
    path = FIXTURES / dialect / "ar.txt"
    doc = postparse.parse(path, now="2024-09-10T12:00:00+00:00")
    assert detected(read(path)) == dialect
    got = [p.timestamp.isoformat()[:width] for p in doc.posts if p.timestamp is not None]
    assert got == stamps


def test_ios_one_to_one_system_lines_of_the_contact_are_meta() -> None:
    # In a one-to-one chat the system lines carry the contact's name, who
    # also writes messages: only their phrases tell them from messages.
    segs = summarise(
        f"[9/5/24, 6:01:09 PM] Mira: {L}Messages and calls are end-to-end encrypted.\n"
        "[9/5/24, 6:02:00 PM] Mira: hey\n"
        f"{L}[9/5/24, 6:03:00 PM] Mira: {L}You blocked this contact. Tap to unblock.\n"
        f"{L}[9/5/24, 6:04:00 PM] Mira: {L}You unblocked this contact.\n"
        f"{L}[9/5/24, 6:05:00 PM] Mira: {L}Missed voice call\n",
        "whatsapp-ios",
    )
    assert _line_kinds(segs) == ["meta", "post", "meta", "meta", "post"]
    segs = summarise(
        f"[20.08.24, 10:02:11] Олена: {L}Повідомлення та дзвінки захищені наскрізним "
        "шифруванням. Ніхто за межами цього чату не може їх прочитати.\n"
        "[20.08.24, 10:02:30] Олена: Привіт!\n"
        f"{L}[25.08.24, 09:00:00] Олена: {L}Ваш код безпеки з Олена змінився.\n"
        f"{L}[26.08.24, 11:30:45] Олена: {L}зображення пропущено\n"
        f"{L}[01.09.24, 12:00:00] Тарас: {L}Ви ввімкнули зникаючі повідомлення.\n"
        "[01.09.24, 12:00:05] Тарас: ок\n"
        f"{L}[02.09.24, 12:00:00] Тарас: {L}Ви заблокували цей контакт.\n",
        "whatsapp-ios",
    )
    assert _line_kinds(segs) == ["meta", "post", "meta", "post", "meta", "post", "meta"]


def _line_kinds(segs: list[dict[str, object]]) -> list[object]:
    """The kind of the segment each line is in (meta lines may merge)."""
    return [
        s["kind"] for s in segs for _ in range(int(str(s["line"])), int(str(s["end_line"])) + 1)
    ]


def test_a_message_ending_in_an_ellipsis_is_not_truncated() -> None:
    # an export holds whole messages: a final '...' or '…' is the writer's
    for dump in (
        "30/08/2024, 09:26 - Gareth: Ring Bill before Friday, he is deaf as a post after lunch...\n"
        "30/08/2024, 09:27 - Gareth: and he never answers his texts either, so please keep on trying him…\n",
        "[30/08/2024, 09:28:00] Siobhan: I will ring him tonight and then tell you all what he says about it...\n"
        "[30/08/2024, 09:29:00] Siobhan: and if he does not answer, I will just go round there after work…\n",
    ):
        doc = postparse.parse(dump, now="2024-09-10T12:00:00+00:00")
        assert doc.dialect.startswith("whatsapp")
        assert [(p.truncated, len(p.text) >= 60) for p in doc] == [(False, True), (False, True)]
