"""Blocks for the clinic's own details (the pages' content blocks live in ``pages.blocks``)."""

from wagtail import blocks


class OpeningPeriodBlock(blocks.StructBlock):
    """One line of the clinic's opening hours, e.g. "Monday to Friday: 9am to 8pm"."""

    days = blocks.CharBlock(max_length=60, help_text="For example: Monday to Friday")
    hours = blocks.CharBlock(max_length=60, help_text="For example: 9am to 8pm, or Closed")

    class Meta:
        icon = "time"
        template = "clinic/blocks/opening_period_block.html"
        preview_value = {"days": "Monday to Friday", "hours": "9am to 8pm"}
        description = "Days and the hours the clinic is open on them."
