"""Blocks for the clinic's own details (the pages' content blocks live in ``pages.blocks``)."""

from django import forms
from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# Stored by name, so the saved data reads plainly; ``hours.WEEKDAYS`` follows this order.
WEEKDAY_CHOICES = [
    ("monday", "Monday"),
    ("tuesday", "Tuesday"),
    ("wednesday", "Wednesday"),
    ("thursday", "Thursday"),
    ("friday", "Friday"),
    ("saturday", "Saturday"),
    ("sunday", "Sunday"),
]


class OpeningSessionBlock(blocks.StructBlock):
    """
    The days the clinic opens at one time and closes at another, e.g. Monday to
    Friday, 9am to 8pm. Data rather than content: ``clinic.hours`` reads it, and
    the opening hours table (``clinic/includes/opening_hours.html``) shows it.
    """

    days = blocks.MultipleChoiceBlock(choices=WEEKDAY_CHOICES, widget=forms.CheckboxSelectMultiple)
    opens = blocks.TimeBlock(format="%H:%M", help_text="For example 09:00")
    closes = blocks.TimeBlock(format="%H:%M", help_text="For example 20:00")

    class Meta:
        icon = "time"
        label = "Opening times"
        preview_value = {
            "days": ["monday", "tuesday", "wednesday", "thursday", "friday"],
            "opens": "09:00",
            "closes": "20:00",
        }
        description = "Days the clinic is open, and from when until when."

    def clean(self, value):
        value = super().clean(value)
        if value["opens"] >= value["closes"]:
            raise StructBlockValidationError(
                {"closes": ValidationError("Closing time must be after opening.")}
            )
        return value


class OpeningHoursBlock(blocks.StreamBlock):
    """
    The clinic's week. A day in no row is closed; a day in two rows (9am to 1pm,
    then 2pm to 6pm) opens twice. Bank holidays and closures are added to this.
    """

    session = OpeningSessionBlock()

    class Meta:
        icon = "time"

    def clean(self, value):
        value = super().clean(value)
        taken = {}
        for child in value:
            session = child.value
            for day in session["days"]:
                for opens, closes in taken.get(day, []):
                    if session["opens"] < closes and opens < session["closes"]:
                        label = dict(WEEKDAY_CHOICES)[day]
                        raise blocks.StreamBlockValidationError(
                            non_block_errors=[ValidationError(f"Two rows give {label} times that overlap.")]
                        )
                taken.setdefault(day, []).append((session["opens"], session["closes"]))
        return value
