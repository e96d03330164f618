"""
The clinic's own details, used by every part of the site.

They live here, in the project's package, because pages, enquiries and the
emails all show them, and none of those apps should reach into another for
them. Edited under Settings > Clinic details.
"""

from urllib.parse import urlencode

from django.db import models
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from clinic.blocks import OpeningHoursBlock
from clinic.phone import PhoneNumberField
from pagecache.shared_data import site_setting


@register_setting(icon="home")
class ClinicSettings(BaseSiteSetting):
    """The clinic's contact details, shown in the header and footer of every page."""

    name = models.CharField(max_length=100, default="Clayhall Osteopaths")
    phone = PhoneNumberField(
        default="+442082204254", help_text="Shown on every page, as a link that dials it on a phone."
    )
    email = models.EmailField(default="info@clayhallosteopath.com")
    address = models.TextField(max_length=300, blank=True, help_text="One line of the address per line.")
    opening_hours = StreamField(
        OpeningHoursBlock(),
        blank=True,
        help_text="A day in no row is closed. To close for lunch, give the day two rows. "
        "Bank holidays in England and Wales, and the dates under Settings > Closures, are closed too.",
    )
    opening_hours_note = models.TextField(
        "note under the opening hours",
        max_length=500,
        blank=True,
        help_text="Optional, e.g. 'Home visits by arrangement.' Opening hours written as text before "
        "they became times are kept here: enter them above, then delete them here.",
    )
    map_url = models.URLField(
        "map link",
        blank=True,
        help_text="Optional: a link to the clinic on OpenStreetMap. Left empty, the contact page "
        "links to an OpenStreetMap search for the address.",
    )
    booking_url = models.URLField(
        "online booking address",
        blank=True,
        help_text="Optional. When set, a 'Book an appointment' button appears on every page and treatment.",
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where 'Ask about this treatment' links go.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    select_related = ["contact_page", "privacy_page", "accessibility_page"]

    @classmethod
    def base_queryset(cls):
        """
        Wagtail's, with the closures still to come read in the same query (as
        ``coming_closures``), since every page shows them with the details.
        """
        return super().base_queryset().annotate(coming_closures=Closure.coming_as_json())

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("phone"), FieldPanel("email")], heading="Contact"),
        FieldPanel("address"),
        FieldPanel("map_url"),
        MultiFieldPanel(
            [FieldPanel("opening_hours"), FieldPanel("opening_hours_note")], heading="Opening hours"
        ),
        FieldPanel("booking_url"),
        MultiFieldPanel(
            [FieldPanel("contact_page"), FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading="Pages linked from every page",
        ),
    ]

    @classmethod
    def for_request(cls, request):
        """Wagtail's, with the details kept in the shared cache until they change (see pagecache)."""
        return site_setting(request, cls)

    class Meta:
        verbose_name = "clinic details"
        verbose_name_plural = "clinic details"

    def __str__(self):
        return self.name

    @cached_property
    def map_link(self):
        """A plain link to the clinic on a map: nothing from another site is embedded in ours."""
        if self.map_url:
            return self.map_url
        if not self.address_lines:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": ", ".join(self.address_lines)})

    @cached_property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def has_opening_hours(self):
        return bool(self.opening_hours) or bool(self.opening_hours_note.strip())


class JSONList(models.Aggregate):
    """The rows' values as one JSON list, in the query that asks (PostgreSQL and SQLite)."""

    function = "JSONB_AGG"
    output_field = models.JSONField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


class Closure(models.Model):
    """
    Days the clinic is closed besides bank holidays, e.g. Christmas or staff
    training: shown in a banner on every page from 14 days before, left out of
    the opening hours and of the working days that reply targets count.
    """

    first_day = models.DateField()
    last_day = models.DateField(help_text="The same as the first day for a single day.")
    reason = models.CharField(
        max_length=80, help_text="Shown to patients: 'Closed 24–26 December for Christmas'."
    )
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional, shown to patients after the dates, e.g. 'Emails sent meanwhile are "
        "answered on 29 December.'",
    )

    panels = [
        MultiFieldPanel([FieldPanel("first_day"), FieldPanel("last_day")], heading="Closed"),
        FieldPanel("reason"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["-first_day"]
        verbose_name_plural = "closures"
        constraints = [
            models.CheckConstraint(
                name="closure_ends_after_it_starts",
                condition=models.Q(last_day__gte=models.F("first_day")),
                violation_error_message="The last day must be the first day or after it.",
            ),
            models.CheckConstraint(name="closure_reason_present", condition=~models.Q(reason="")),
        ]

    def __str__(self):
        return (
            f"{self.reason}: {date_format(self.first_day, 'j F Y')} to {date_format(self.last_day, 'j F Y')}"
        )

    @classmethod
    def coming_as_json(cls):
        """Closures not over yet (today in the clinic's time zone), as one JSON list: a subquery."""
        rows = (
            cls.objects.filter(last_day__gte=timezone.localdate())
            .order_by()
            .values(everything=models.Value(1))  # no GROUP BY: one list of every row
            .values(
                closures=JSONList(
                    JSONObject(first_day="first_day", last_day="last_day", reason="reason", note="note")
                )
            )
        )
        return models.Subquery(rows, output_field=models.JSONField())
