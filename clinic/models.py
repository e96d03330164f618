"""
The clinic's own details, used by every part of the site.

They live here, in the project's package, because pages, enquiries and the
emails all show them, and none of those apps should reach into another for
them. Edited under Settings > Clinic details.
"""

from urllib.parse import urlencode

from django.db import models
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from clinic.blocks import OpeningPeriodBlock
from clinic.phone import PhoneNumberField
from pagecache.shared_data import remember


@register_setting(icon="home")
class ClinicSettings(BaseSiteSetting):
    """The clinic's contact details, shown in the header and footer of every page."""

    name = models.CharField(max_length=100, default="Clayhall Osteopaths")
    phone = PhoneNumberField(
        default="+442082204254", help_text="Shown on every page, as a link that dials it on a phone."
    )
    email = models.EmailField(default="info@clayhallosteopath.com")
    address = models.TextField(max_length=300, blank=True, help_text="One line of the address per line.")
    opening_hours = StreamField([("period", OpeningPeriodBlock())], blank=True)
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

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("phone"), FieldPanel("email")], heading="Contact"),
        FieldPanel("address"),
        FieldPanel("map_url"),
        FieldPanel("opening_hours"),
        FieldPanel("booking_url"),
        MultiFieldPanel(
            [FieldPanel("contact_page"), FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading="Pages linked from every page",
        ),
    ]

    @classmethod
    def for_request(cls, request):
        """Wagtail's, with the details kept in the shared cache until they change (see pagecache)."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            details = (
                remember(request, f"clinic-details:{site.pk}", lambda: cls.for_site(site)) if site else None
            )
            if details is None:
                return super().for_request(request)
            details._request = request
            setattr(request, attr_name, details)
        return getattr(request, attr_name)

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
