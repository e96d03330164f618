"""
The clinic's page types.

The tree is fixed by parent/subpage rules so editors cannot build a nonsensical
site: Home > Treatments > Treatment, Home > Contact, and Home > Standard pages
(about, privacy notice, accessibility statement), which may nest.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Prefetch, Value
from django.utils.cache import patch_cache_control

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Orderable, Page, PageViewRestriction, Site
from wagtail.search import index

from enquiries.forms import EnquiryForm
from enquiries.models import EnquirySettings
from pagecache.shared_data import remember, site_setting
from pages.blocks import SHORT_TEXT_FEATURES, TEXT_FEATURES, BodyBlock, CareCardBlock
from pages.image_filters import filter_for
from pages.review import review_status
from pages.visibility import is_restricted, public_only, restrictions_covering


def picture_renditions(*sizes):
    """The filter specs of ``{% picture image fill-{sizes} format-{avif,webp} %}``, to fetch in advance."""
    return tuple(f"fill-{size}|format-{image_format}" for size in sizes for image_format in ("avif", "webp"))


# The picture a page shows when it is shared (Open Graph's og:image): the size the big
# sites ask for, as a JPEG every one of them reads. Fetched with the page when routing.
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def with_pictures(pages, image_field, filter_specs):
    """``pages`` with each one's picture and its renditions for ``filter_specs``, in two queries."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=filter_specs)
    return pages.select_related(image_field).prefetch_related(
        Prefetch(f"{image_field}__renditions", queryset=renditions)
    )


def still_live(page):
    """
    Whether the database has ``page`` live at the revision it was loaded with,
    in one short query. Every page kept in the shared data asks it on every
    visit, so it is written out rather than compiled by the ORM each time,
    which took more than the query itself.
    """
    if page.live_revision_id is None:
        return False
    with connection.cursor() as cursor:
        cursor.execute(STILL_LIVE_SQL, [page.pk, page.live_revision_id])
        return cursor.fetchone() is not None


STILL_LIVE_SQL = "SELECT 1 FROM wagtailcore_page WHERE id = %s AND live AND live_revision_id = %s"


def with_hrefs(listed, request):
    """
    ``listed`` with each page in it (in lists and tuples, however nested)
    carrying ``href``, its address as ``{% pageurl %}`` makes it, made once
    for as long as the list is kept rather than on every visit.
    """
    if isinstance(listed, Page):
        listed.href = listed.get_url(request)
    elif isinstance(listed, list | tuple):
        for item in listed:
            with_hrefs(item, request)
    return listed


def attach_renditions(image, filter_specs):
    """
    ``image`` carrying its renditions for ``filter_specs`` (from Wagtail's
    rendition cache, made if missing), so the picture tag looks nothing up,
    and they stay with the page wherever it is kept.
    """
    if image is not None:
        image.prefetched_renditions = list(image.get_renditions(*filter_specs).values())


# Shared by every page routing found unrestricted: read once (it reads nothing), then
# already evaluated, where a new ``none()`` on each visit took a fifth of a millisecond.
NO_VIEW_RESTRICTIONS = PageViewRestriction.objects.none()


class BasePage(Page):
    """What every public page shares: a plain-language summary for listings and search."""

    summary = models.TextField(
        max_length=320,
        blank=True,
        help_text="One or two sentences shown in listings, search results and search engines.",
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("summary")]

    # Related objects the page's own template needs, fetched with the page when routing.
    route_select_related = ()
    # The pictures its template shows, ``{image field: filter specs}``: their renditions come with it.
    route_pictures = {}
    # The image field shown when the page is shared (og:image), if it has one, and the
    # attribute with its description; its renditions include SOCIAL_IMAGE_SPEC in ``route_pictures``.
    social_image_field = None
    social_image_alt_attr = None

    class Meta:
        abstract = True

    @classmethod
    def for_serving(cls, pk):
        """The live page with what its template needs, or None (see ``HomePage.route``)."""
        page = cls.objects.select_related(*cls.route_select_related).filter(pk=pk).first()
        if page is not None:
            for field, filter_specs in cls.route_pictures.items():
                attach_renditions(getattr(page, field), filter_specs)
        return page

    def kept(self, request, name, build):
        """
        What ``build()`` lists for this page (other live pages), kept in the
        shared cache until the next change: any publish, move or deletion, or a
        view restriction, starts a new generation (pagecache.shared_data).
        Each page listed comes with its ``href`` from this request's site
        (``{% page_href %}``), so it is kept for each site.
        """
        if getattr(request, "is_preview", False):
            return with_hrefs(build(), request)  # an editor's preview: never stored from, whatever it reads
        site = Site.find_for_request(request)
        return remember(
            request, f"page:{self.pk}:{name}:{site.pk if site else ''}", lambda: with_hrefs(build(), request)
        )

    def children_with_pictures(self, model, image_field, filter_specs):
        """The live public ``model`` pages below this one, in tree order, with their pictures' renditions."""
        children = public_only(model.objects.child_of(self).live())
        return list(with_pictures(children, image_field, filter_specs).order_by("path"))

    @property
    def meta_description(self):
        return self.search_description or self.summary

    @property
    def social_image(self):
        return getattr(self, self.social_image_field) if self.social_image_field else None

    @property
    def social_rendition(self):
        """
        The shared picture at SOCIAL_IMAGE_SPEC, from the renditions routing
        fetched with the page. (Wagtail's ``{% image %}`` tag would write it
        back to the rendition cache on every visit.)
        """
        image = self.social_image
        if image is None:
            return None
        return get_renditions_or_not_found(image, [filter_for(SOCIAL_IMAGE_SPEC)])[SOCIAL_IMAGE_SPEC]

    @property
    def social_image_alt(self):
        """The shared picture's description; empty for a decorative one."""
        return getattr(self, self.social_image_alt_attr) if self.social_image_alt_attr else ""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            # A signed-in visitor's copy carries their userbar: no shared cache may keep it.
            patch_cache_control(response, private=True)
        elif not self.get_view_restrictions():
            # The same for every visitor: the page cache (pagecache/) may keep it,
            # if it sets no cookie. (Routing usually knows this already: no query.)
            response.page_cache_allowed = True
        return response

    def get_view_restrictions(self):
        """
        Wagtail's answer, in one query, or none if routing already found there
        are none. The same queryset each time for this instance, so Wagtail's
        check before serving and ``serve`` below share one query.
        """
        if getattr(self, "known_unrestricted", False):
            return NO_VIEW_RESTRICTIONS
        if not hasattr(self, "_view_restrictions"):
            self._view_restrictions = restrictions_covering(Value(self.path)).distinct()
        return self._view_restrictions


class ReviewedPage(BasePage):
    """
    A page of health information: who keeps it accurate, when it was last
    reviewed and how often it must be (``pages/review.py``). The page says so,
    the admin's "Pages due for review" report lists what is due, and owners are
    reminded each week (``manage.py send_review_reminders``).
    """

    REVIEW_INTERVALS = [(6, "Every 6 months"), (12, "Every year"), (24, "Every 2 years")]

    page_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Who keeps this page accurate. They are reminded by email when its review is due.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When a registered practitioner last checked the whole page."
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "review every", choices=REVIEW_INTERVALS, default=12
    )
    reviewed_by = models.ForeignKey(
        "pages.PractitionerPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The registered practitioner who last reviewed it.",
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("page_owner"),
                FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("review_interval_months")]),
                FieldPanel("reviewed_by"),
            ],
            heading="Review",
        )
    ]
    route_select_related = ("reviewed_by",)

    class Meta:
        abstract = True

    @property
    def next_review_due(self):
        return review_status(self.last_reviewed, self.review_interval_months)[0]

    @property
    def review_status(self):
        return review_status(self.last_reviewed, self.review_interval_months)[1]


class HomePage(BasePage):
    route_select_related = ("hero_image",)
    route_pictures = {
        "hero_image": (*picture_renditions("640x480", "960x720", "1280x960"), SOCIAL_IMAGE_SPEC)
    }
    social_image_field, social_image_alt_attr = "hero_image", "hero_image_alt"

    hero_heading = models.CharField(max_length=120)
    hero_text = models.TextField(max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A picture beside the introduction. It is the first thing patients see: choose a calm one.",
    )
    hero_image_alt = models.CharField(
        "hero image alternative text",
        max_length=250,
        blank=True,
        help_text="Describe what the picture shows for someone who cannot see it.",
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading="Introduction",
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.TreatmentIndexPage",
        "pages.ConditionIndexPage",
        "pages.TeamPage",
        "pages.ContactPage",
        "pages.StandardPage",
    ]
    max_count = 1

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="home_hero_image_has_alt_text",
                condition=models.Q(hero_image__isnull=True) | ~models.Q(hero_image_alt=""),
            ),
        ]

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError({"hero_image_alt": "Describe the picture for people who cannot see it."})

    def route(self, request, path_components):
        """
        Find a page below home by its URL path, however deep it is: in two
        queries the first time, then from the shared cache until the next change,
        with one query to check it is still the revision the database has live.

        Wagtail's default routing walks the tree one level at a time, two
        queries per level, and then checks view restrictions in another. Here
        the first query finds the page and whether any restriction covers it;
        the second loads it with what its template needs (``for_serving``). The
        page is kept as loaded, with its generation (pagecache.shared_data), and
        used again only while the database still has it live at the same
        revision: a page deleted, unpublished or published again since is found
        afresh even before its change has started a new generation. Anything
        not found this way (a page type with routing of its own, say) still goes
        through the default.
        """
        url_path = f"{self.url_path}{'/'.join(path_components)}/" if path_components else self.url_path
        loaded = []

        def find():
            match = (
                Page.objects.filter(url_path=url_path)
                .annotate(restricted=is_restricted())
                .values_list("pk", "content_type_id", "restricted")
                .first()
            )
            if not match:
                return None
            pk, content_type_id, restricted = match
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if issubclass(model, BasePage):
                page = model.for_serving(pk)
            else:
                page = model.objects.filter(pk=pk).first()
            loaded.append(page)
            return (page, restricted) if page is not None else None

        found = remember(request, f"route:{hashlib.sha256(url_path.encode()).hexdigest()[:40]}", find)
        if found is None:
            return super().route(request, path_components)
        page, restricted = found
        if not loaded and not still_live(page):
            # Changed since it was kept (its generation is ending): find it afresh.
            return super().route(request, path_components)
        page.known_unrestricted = not restricted
        if isinstance(page, HomePage):
            return Page.route(page, request, [])
        return page.route(request, [])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatment_index"], context["treatments"] = self.kept(request, "treatments", self.treatments)
        return context

    def treatments(self):
        """The treatments page, and the treatments on it."""
        treatment_index = public_only(TreatmentIndexPage.objects.child_of(self).live()).first()
        if treatment_index is None:
            return None, []
        return treatment_index, list(
            public_only(TreatmentPage.objects.child_of(treatment_index).live()).order_by("path")
        )


class TreatmentIndexPage(BasePage):
    intro = RichTextField(features=SHORT_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.TreatmentPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = self.kept(
            request,
            "treatments",
            lambda: self.children_with_pictures(
                TreatmentPage, "listing_image", TreatmentPage.LISTING_RENDITIONS
            ),
        )
        return context


class TreatmentPage(ReviewedPage):
    """One treatment, with the facts a patient needs set out as typed fields."""

    # What the treatments index shows of each (its template's {% picture %}), fetched with the listing.
    LISTING_RENDITIONS = picture_renditions("400x250", "800x500")
    route_select_related = ("listing_image", "reviewed_by")
    route_pictures = {
        "listing_image": (*picture_renditions("480x300", "960x600", "1440x900"), SOCIAL_IMAGE_SPEC)
    }
    social_image_field, social_image_alt_attr = "listing_image", "listing_image_alt_text"

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
    listing_image_decorative = models.BooleanField(
        "the image is decorative",
        default=False,
        help_text="Tick if the image shows nothing a reader would miss (a pattern, an abstract picture): "
        "screen readers then skip it, and it needs no alternative text.",
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
        MultiFieldPanel(
            [
                FieldPanel("listing_image"),
                FieldPanel("listing_image_alt"),
                FieldPanel("listing_image_decorative"),
            ],
            heading="Listing image",
        ),
        FieldPanel("body"),
        *ReviewedPage.review_panels,
    ]
    promote_panels = Page.promote_panels
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["pages.TreatmentIndexPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conditions"], context["practitioners"] = self.kept(request, "links", self.links)
        return context

    def links(self):
        """The conditions it may help and the practitioners who offer it."""
        conditions = public_only(ConditionPage.objects.live().filter(treatment_links__treatment=self))
        practitioners = public_only(PractitionerPage.objects.live().filter(treatment_links__treatment=self))
        return list(conditions.order_by("title")), list(practitioners.order_by("path"))

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="treatment_listing_image_has_alt_text",
                condition=models.Q(listing_image__isnull=True)
                | ~models.Q(listing_image_alt="")
                | models.Q(listing_image_decorative=True),
            ),
        ]

    def clean(self):
        super().clean()
        if self.listing_image_id and not self.listing_image_decorative and not self.listing_image_alt.strip():
            raise ValidationError(
                {
                    "listing_image_alt": "Describe the image for people who cannot see it, "
                    "or tick that it is decorative."
                }
            )
        if self.listing_image_decorative:
            self.listing_image_alt = ""  # decorative images are skipped by screen readers

    @property
    def listing_image_alt_text(self):
        """What the image's alt attribute says: nothing for a decorative image."""
        return "" if self.listing_image_decorative else self.listing_image_alt


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
        help_text="Where the clinic is, in a sentence or two; the access details below cover the rest.",
    )
    public_transport = RichTextField(
        features=SHORT_TEXT_FEATURES, blank=True, help_text="Nearest stations and bus stops, and the walk."
    )
    parking = RichTextField(
        features=SHORT_TEXT_FEATURES, blank=True, help_text="Where to park, and any limits."
    )
    step_free_access = RichTextField(
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text="Steps, ramps, doors and lifts, and how to ask for help on arrival.",
    )

    ACCESS_DETAILS = [
        ("public_transport", "By public transport"),
        ("parking", "Parking"),
        ("step_free_access", "Step-free access"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("directions"), *(FieldPanel(name) for name, _ in ACCESS_DETAILS)],
            heading="Getting here",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("directions"),
        *(index.SearchField(name) for name, _ in ACCESS_DETAILS),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # "Ask about this treatment" links arrive as ?treatment=<slug>.
        form = EnquiryForm(
            initial={"treatment": request.GET.get("treatment", ""), "source": request.get_full_path()[:500]}
        )
        # The treatments to choose from (read in one query: iter() spares the
        # count list() would ask for first), and the enquiry settings the form
        # shows (for the template's ``settings``), from the shared cache.
        form.offer_treatments(
            self.kept(request, "treatment-choices", lambda: list(iter(form.fields["treatment"].choices)))
        )
        context["form"] = form
        context["enquiry_settings"] = site_setting(request, EnquirySettings)
        context["access_details"] = [
            (heading, getattr(self, name)) for name, heading in self.ACCESS_DETAILS if getattr(self, name)
        ]
        return context


class ConditionIndexPage(BasePage):
    """Conditions A to Z: every condition, under its first letter, with a letter index."""

    intro = RichTextField(features=SHORT_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ConditionPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["letters"] = self.kept(
            request,
            "letters",
            lambda: conditions_by_letter(
                public_only(ConditionPage.objects.child_of(self).live()).only("title", "url_path", "summary")
            ),
        )
        return context


def conditions_by_letter(conditions):
    """``[(letter, [conditions])]`` for A to Z, empty letters included, "#" last for anything else."""
    groups = {letter: [] for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for condition in sorted(conditions, key=lambda page: page.title.casefold()):
        first = condition.title[:1].upper()
        groups.setdefault(first if first in groups else "#", []).append(condition)
    return list(groups.items())


class ConditionPage(ReviewedPage):
    """
    One condition: what it is, when to get urgent help elsewhere (an NHS-style
    care card), and the treatments that may help, each of which links back.
    """

    body = StreamField(BodyBlock(), help_text="What the condition is, what causes it and what helps.")
    seek_help = StreamField(
        [("care_card", CareCardBlock())],
        blank=True,
        verbose_name="when to get urgent help",
        help_text="The warning signs that need a GP, NHS 111 or 999 rather than an appointment with us.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("seek_help"),
        InlinePanel("treatment_links", label="Treatments that may help", heading="Treatments that may help"),
        *ReviewedPage.review_panels,
    ]
    promote_panels = Page.promote_panels
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.SearchField("seek_help")]

    parent_page_types = ["pages.ConditionIndexPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = self.kept(
            request,
            "treatments",
            lambda: list(
                public_only(TreatmentPage.objects.live().filter(condition_links__condition=self)).order_by(
                    "path"
                )
            ),
        )
        return context


class ConditionTreatment(Orderable):
    """A treatment that may help a condition: shown on both pages."""

    condition = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="treatment_links")
    treatment = models.ForeignKey(TreatmentPage, on_delete=models.CASCADE, related_name="condition_links")

    panels = [FieldPanel("treatment")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["condition", "treatment"], name="condition_treatment_once"),
        ]


class TeamPage(BasePage):
    """The practitioners, each with their profession and registration."""

    intro = RichTextField(features=SHORT_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.PractitionerPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["practitioners"] = self.kept(
            request,
            "practitioners",
            lambda: self.children_with_pictures(PractitionerPage, "photo", PractitionerPage.PHOTO_RENDITIONS),
        )
        return context


class PractitionerPage(BasePage):
    """
    One practitioner's profile. Osteopaths must be registered with the General
    Osteopathic Council, physiotherapists with the HCPC: the page links to
    their entry in the regulator's public register, so patients can check it.
    """

    GOSC, HCPC, OTHER = "gosc", "hcpc", "other"
    REGULATORS = {
        GOSC: ("General Osteopathic Council", "https://www.osteopathy.org.uk/"),
        HCPC: ("Health and Care Professions Council", "https://www.hcpc-uk.org/"),
    }
    REGISTER_SEARCH = {
        GOSC: "https://www.osteopathy.org.uk/register-search/",
        HCPC: "https://www.hcpc-uk.org/check-the-register/",
    }
    PHOTO_RENDITIONS = picture_renditions("240x240", "480x480")

    profession = models.CharField(max_length=80, help_text="For example: Osteopath, or Physiotherapist.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt = models.CharField(
        "photo alternative text",
        max_length=250,
        blank=True,
        help_text="Describe the photo for someone who cannot see it.",
    )
    regulator = models.CharField(
        max_length=10,
        choices=[
            (GOSC, "General Osteopathic Council (GOsC)"),
            (HCPC, "Health and Care Professions Council (HCPC)"),
            (OTHER, "Other"),
        ],
        default=GOSC,
    )
    other_regulator = models.CharField(
        "other regulator or professional body",
        max_length=120,
        blank=True,
        help_text="Only if Other is chosen.",
    )
    registration_number = models.CharField(max_length=30)
    register_url = models.URLField(
        "link to their register entry",
        blank=True,
        help_text="The practitioner's page in the regulator's public register; "
        "without it, the register's search page is linked.",
    )
    qualifications = models.TextField(
        blank=True, help_text="One per line, for example: MOst, BSc (Hons) Osteopathy."
    )
    biography = RichTextField(features=TEXT_FEATURES, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("profession"),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
        MultiFieldPanel(
            [
                FieldPanel("regulator"),
                FieldPanel("other_regulator"),
                FieldPanel("registration_number"),
                FieldPanel("register_url"),
            ],
            heading="Registration",
        ),
        FieldPanel("qualifications"),
        FieldPanel("biography"),
        InlinePanel("treatment_links", label="Treatments offered", heading="Treatments offered"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("profession"),
        index.SearchField("qualifications"),
        index.SearchField("biography"),
    ]
    route_select_related = ("photo",)
    route_pictures = {"photo": (*PHOTO_RENDITIONS, SOCIAL_IMAGE_SPEC)}
    social_image_field, social_image_alt_attr = "photo", "photo_alt"

    parent_page_types = ["pages.TeamPage"]
    subpage_types = []

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="practitioner_photo_has_alt_text",
                condition=models.Q(photo__isnull=True) | ~models.Q(photo_alt=""),
            ),
        ]

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": "Describe the photo for people who cannot see it."})
        if self.regulator == self.OTHER and not self.other_regulator.strip():
            raise ValidationError({"other_regulator": "Name the regulator or professional body."})

    @property
    def regulator_name(self):
        return (
            self.REGULATORS[self.regulator][0] if self.regulator in self.REGULATORS else self.other_regulator
        )

    @property
    def regulator_url(self):
        return self.REGULATORS.get(self.regulator, ("", ""))[1]

    @property
    def register_link(self):
        return self.register_url or self.REGISTER_SEARCH.get(self.regulator, "")

    @property
    def qualification_list(self):
        return [line.strip() for line in self.qualifications.splitlines() if line.strip()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["treatments"] = self.kept(
            request,
            "treatments",
            lambda: list(
                public_only(
                    TreatmentPage.objects.live().filter(practitioner_links__practitioner=self)
                ).order_by("path")
            ),
        )
        return context


class PractitionerTreatment(Orderable):
    """A treatment a practitioner offers: shown on their profile and on the treatment's page."""

    practitioner = ParentalKey(PractitionerPage, on_delete=models.CASCADE, related_name="treatment_links")
    treatment = models.ForeignKey(TreatmentPage, on_delete=models.CASCADE, related_name="practitioner_links")

    panels = [FieldPanel("treatment")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["practitioner", "treatment"], name="practitioner_treatment_once"),
        ]
