"""
The clinic's page types and its site-wide details.

The tree is fixed by parent/subpage rules so editors cannot build a nonsensical
site: Home > Treatments > Treatment, Home > Contact, and Home > Standard pages
(about, privacy notice, accessibility statement), which may nest.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from pages.blocks import SHORT_TEXT_FEATURES, TEXT_FEATURES, BodyBlock, OpeningPeriodBlock


class BasePage(Page):
    """What every public page shares: a plain-language summary for listings and search."""

    summary = models.TextField(
        max_length=320,
        blank=True,
        help_text="One or two sentences shown in listings, search results and search engines.",
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("summary")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.summary


class HomePage(BasePage):
    hero_heading = models.CharField(max_length=120)
    hero_text = models.TextField(max_length=400, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text")], heading="Introduction"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.TreatmentIndexPage", "pages.ContactPage", "pages.StandardPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        treatment_index = TreatmentIndexPage.objects.child_of(self).live().public().first()
        context["treatment_index"] = treatment_index
        context["treatments"] = (
            TreatmentPage.objects.child_of(treatment_index).live().public().order_by("path")
            if treatment_index
            else TreatmentPage.objects.none()
        )
        return context


class TreatmentIndexPage(BasePage):
    intro = RichTextField(features=SHORT_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.TreatmentPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = (
            TreatmentPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related(
                Prefetch(
                    "listing_image",
                    queryset=get_image_model().objects.prefetch_renditions(*TreatmentPage.LISTING_RENDITIONS),
                )
            )
            .order_by("path")
        )
        return context


class TreatmentPage(BasePage):
    """One treatment, with the facts a patient needs set out as typed fields."""

    LISTING_RENDITIONS = ("fill-400x250|format-webp", "fill-800x500|format-webp")

    session_length = models.PositiveSmallIntegerField(
        "typical session length (minutes)",
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(240)],
    )
    fee = models.DecimalField(
        "fee (£)",
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Leave blank if the fee is given on request.",
    )
    fee_note = models.CharField(
        max_length=120,
        blank=True,
        help_text="Optional, for example: first appointment, or includes assessment.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on the treatments page and at the top of this page.",
    )
    listing_image_alt = models.CharField(
        "listing image alternative text",
        max_length=250,
        blank=True,
        help_text="Describe what the image shows for someone who cannot see it.",
    )
    body = StreamField(BodyBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("session_length"), FieldPanel("fee")]),
                FieldPanel("fee_note"),
            ],
            heading="Appointment facts",
        ),
        MultiFieldPanel([FieldPanel("listing_image"), FieldPanel("listing_image_alt")], heading="Listing image"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["pages.TreatmentIndexPage"]
    subpage_types = []

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="treatment_listing_image_has_alt_text",
                condition=models.Q(listing_image__isnull=True) | ~models.Q(listing_image_alt=""),
            ),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contact_page = ContactPage.objects.live().public().first()
        context["contact_url"] = contact_page.get_url(request) if contact_page else None
        return context

    def clean(self):
        super().clean()
        if self.listing_image_id and not self.listing_image_alt.strip():
            raise ValidationError({"listing_image_alt": "Describe the image for people who cannot see it."})


class StandardPage(BasePage):
    """About, the privacy notice, the accessibility statement and similar pages."""

    body = StreamField(BodyBlock())

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]


class ContactPage(BasePage):
    intro = RichTextField(features=SHORT_TEXT_FEATURES, blank=True)
    directions = RichTextField(
        features=TEXT_FEATURES,
        blank=True,
        help_text="How to reach the clinic: transport, parking, step-free access.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("directions")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("directions")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1


phone_validator = RegexValidator(
    r"^\+?[\d ()-]{7,20}$",
    "Enter a telephone number using digits, spaces and an optional leading +.",
)


@register_setting(icon="home")
class ClinicSettings(BaseSiteSetting):
    """The clinic's contact details, shown in the header and footer of every page."""

    name = models.CharField(max_length=100, default="Clayhall Osteopaths")
    phone = models.CharField(max_length=20, validators=[phone_validator], default="0208 220 4254")
    email = models.EmailField(default="info@clayhallosteopath.com")
    address = models.TextField(max_length=300, blank=True, help_text="One line of the address per line.")
    opening_hours = StreamField([("period", OpeningPeriodBlock())], blank=True)
    booking_url = models.URLField(
        "online booking address",
        blank=True,
        help_text="Optional. When set, a 'Book online' link appears on every page.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    select_related = ["privacy_page", "accessibility_page"]

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("phone"), FieldPanel("email")], heading="Contact"),
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("booking_url"),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading="Pages linked from every footer",
        ),
    ]

    class Meta:
        verbose_name = "clinic details"
        verbose_name_plural = "clinic details"

    def __str__(self):
        return self.name

    @cached_property
    def phone_href(self):
        """The phone number as a ``tel:`` target in international form (0208… becomes +44208…)."""
        digits = re.sub(r"[^\d+]", "", self.phone)
        if digits.startswith("0"):
            digits = "+44" + digits[1:]
        return f"tel:{digits}"

    @cached_property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]
