"""
Opening hours become times: each line of text ("Monday to Friday", "9am to 8pm")
becomes days with an opening and a closing time.

A clinic's hours are converted only if every line can be read. Otherwise none
are, and the lines are kept word for word in the new note under the hours,
which the site shows as it showed them before: half-read hours would show some
open days as closed. The editor then enters the times and deletes the note.
Lines about bank holidays need nothing: the clinic is now closed on them. A
line with no hours is a remark, and goes to the note.

Going back turns the times into lines of text again, and the note's lines too.
"""

import re
import uuid
from datetime import time

import wagtail.fields
from django.db import migrations, models

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_WORDS = {
    **{name: number for number, name in enumerate(WEEKDAYS)},
    **{name[:3]: number for number, name in enumerate(WEEKDAYS)},
    "tues": 1,
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
DAY_GROUPS = {
    "weekdays": range(5),
    "weekday": range(5),
    "weekends": (5, 6),
    "weekend": (5, 6),
    "every day": range(7),
    "daily": range(7),
    "7 days a week": range(7),
    "seven days a week": range(7),
}
BANK_HOLIDAYS = {
    "bank holiday",
    "bank holidays",
    "public holiday",
    "public holidays",
    "bank and public holidays",
}
CLOSED = {"closed", "shut"}
LIST_SEPARATOR = re.compile(r"\s*(?:,|;|&|/|\band\b|\bplus\b)\s*")
RANGE_SEPARATOR = re.compile(r"\s*(?:–|—|-|\bto\b|\buntil\b|\btill\b|\btil\b)\s*")
CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$")

# The new block, and the old one beside it while rows move from one to the other.
NEW_BLOCKS = {
    0: (
        "wagtail.blocks.MultipleChoiceBlock",
        [],
        {"choices": [(name, name.capitalize()) for name in WEEKDAYS]},
    ),
    1: ("wagtail.blocks.TimeBlock", (), {"format": "%H:%M", "help_text": "For example 09:00"}),
    2: ("wagtail.blocks.TimeBlock", (), {"format": "%H:%M", "help_text": "For example 20:00"}),
    3: ("wagtail.blocks.StructBlock", [[("days", 0), ("opens", 1), ("closes", 2)]], {}),
}
OLD_BLOCKS = {
    4: ("wagtail.blocks.CharBlock", (), {"help_text": "For example: Monday to Friday", "max_length": 60}),
    5: (
        "wagtail.blocks.CharBlock",
        (),
        {"help_text": "For example: 9am to 8pm, or Closed", "max_length": 60},
    ),
    6: ("wagtail.blocks.StructBlock", [[("days", 4), ("hours", 5)]], {}),
}
HELP_TEXT = (
    "A day in no row is closed. To close for lunch, give the day two rows. "
    "Bank holidays in England and Wales, and the dates under Settings > Closures, are closed too."
)


def read_days(text):
    """The weekdays (0 is Monday) a line names, and whether it names bank holidays; None if unreadable."""
    days, bank_holidays = set(), False
    for part in LIST_SEPARATOR.split(text.lower().strip().rstrip(":.")):
        if not part:
            continue
        if part in BANK_HOLIDAYS:
            bank_holidays = True
        elif part in DAY_GROUPS:
            days.update(DAY_GROUPS[part])
        else:
            ends = [day_number(word) for word in RANGE_SEPARATOR.split(part)]
            if None in ends or len(ends) > 2:
                return None
            first, last = ends[0], ends[-1]
            days.update((first + step) % 7 for step in range((last - first) % 7 + 1))
    return days, bank_holidays


def day_number(word):
    word = word.strip()
    return DAY_WORDS.get(word, DAY_WORDS.get(word.removesuffix("s")))


def read_time(text):
    text = text.strip().removeprefix("from ").removeprefix("12 ").strip()
    if text in ("noon", "midday"):
        return time(12)
    if text == "midnight":
        return time(0)
    match = CLOCK.match(text)
    if not match:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), (match[3] or "").replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match[2] is None:
        return None  # "9 to 5": a reader knows, a program would guess
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def read_hours(text):
    """The (opens, closes) sessions a line gives: [] for closed, None if unreadable."""
    text = text.lower().strip().rstrip(".")
    if text in CLOSED:
        return []
    sessions = []
    for part in LIST_SEPARATOR.split(text):
        ends = [read_time(end) for end in RANGE_SEPARATOR.split(part)]
        if len(ends) != 2 or None in ends or ends[0] >= ends[1]:
            return None
        sessions.append(tuple(ends))
    return sessions


def read_week(periods):
    """{weekday: [(opens, closes)]} from the old lines, or None unless every line can be read."""
    week = {}
    for period in periods:
        days, hours = read_days(period.get("days", "")), read_hours(period.get("hours", ""))
        if days is None or hours is None or (days[1] and hours) or not (days[0] or days[1]):
            return None  # open on bank holidays, or no days at all, is nothing the times can say
        for day in days[0]:
            sessions = week.setdefault(day, [])
            for opens, closes in hours:
                if any(
                    opens < other_closes and other_opens < closes for other_opens, other_closes in sessions
                ):
                    return None
                sessions.append((opens, closes))
    return week


def session_rows(week):
    """New blocks: one row for each pair of times, with every day that has them."""
    days_by_session = {}
    for day in sorted(week):
        for session in week[day]:
            days_by_session.setdefault(session, []).append(day)
    # In the order the week reads: the earliest day first, then morning before afternoon.
    ordered = sorted(days_by_session.items(), key=lambda item: (item[1][0], item[0]))
    return [
        {
            "type": "session",
            "id": str(uuid.uuid4()),
            "value": {
                "days": [WEEKDAYS[day] for day in days],
                "opens": opens.isoformat(),
                "closes": closes.isoformat(),
            },
        }
        for (opens, closes), days in ordered
    ]


def text_lines(periods):
    lines = (
        f"{period.get('days', '')}: {period.get('hours', '')}".strip().removesuffix(":") for period in periods
    )
    return "\n".join(lines)


def to_times(apps, schema_editor):
    ClinicSettings = apps.get_model("clinic", "ClinicSettings")
    for details in ClinicSettings.objects.all():
        periods = [block["value"] for block in details.opening_hours.raw_data if block["type"] == "period"]
        if not periods:
            continue
        # A line with no hours is a remark (going back writes the note so): it stays one.
        remarks = [period for period in periods if not period.get("hours", "").strip()]
        week = read_week([period for period in periods if period not in remarks])
        if week is not None:
            changes = {"opening_hours": session_rows(week), "opening_hours_note": text_lines(remarks)}
        else:
            changes = {"opening_hours": [], "opening_hours_note": text_lines(periods)}
        ClinicSettings.objects.filter(pk=details.pk).update(**changes)


def spoken_time(value):
    if value == time(12):
        return "midday"
    if value == time(0):
        return "midnight"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def days_text(days):
    names = [WEEKDAYS[day].capitalize() for day in days]
    return names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"


def to_text(apps, schema_editor):
    ClinicSettings = apps.get_model("clinic", "ClinicSettings")
    for details in ClinicSettings.objects.all():
        week = {day: [] for day in range(7)}
        for block in details.opening_hours.raw_data:
            if block["type"] == "session":
                value = block["value"]
                session = (time.fromisoformat(value["opens"]), time.fromisoformat(value["closes"]))
                for name in value["days"]:
                    week[WEEKDAYS.index(name)].append(session)
        periods = []
        if any(week.values()):
            runs = []  # consecutive days with the same times
            for day in range(7):
                if runs and sorted(week[runs[-1][-1]]) == sorted(week[day]):
                    runs[-1].append(day)
                else:
                    runs.append([day])
            for run in runs:
                sessions = sorted(week[run[0]])
                hours = " and ".join(f"{spoken_time(o)} to {spoken_time(c)}" for o, c in sessions) or "Closed"
                periods.append({"days": days_text(run), "hours": hours})
            periods.append({"days": "Bank holidays", "hours": "Closed"})
        for line in details.opening_hours_note.splitlines():
            if line.strip():
                days, _, hours = line.partition(":")
                periods.append({"days": days.strip(), "hours": hours.strip()})
        blocks = [{"type": "period", "id": str(uuid.uuid4()), "value": period} for period in periods]
        ClinicSettings.objects.filter(pk=details.pk).update(opening_hours=blocks)


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0005_closure"),
    ]

    operations = [
        migrations.AddField(
            model_name="clinicsettings",
            name="opening_hours_note",
            field=models.TextField(
                blank=True,
                help_text="Optional, e.g. 'Home visits by arrangement.' Opening hours written as text before "
                "they became times are kept here: enter them above, then delete them here.",
                max_length=500,
                verbose_name="note under the opening hours",
            ),
        ),
        migrations.AlterField(
            model_name="clinicsettings",
            name="opening_hours",
            field=wagtail.fields.StreamField(
                [("period", 6), ("session", 3)], blank=True, block_lookup={**NEW_BLOCKS, **OLD_BLOCKS}
            ),
        ),
        migrations.RunPython(to_times, to_text),
        migrations.AlterField(
            model_name="clinicsettings",
            name="opening_hours",
            field=wagtail.fields.StreamField(
                [("session", 3)], blank=True, block_lookup=NEW_BLOCKS, help_text=HELP_TEXT
            ),
        ),
    ]
