"""
Build the clinic's demo site from ``pages.demo_content``.

Safe to run again: a page that already exists (looked up by slug under its
parent) is left as editors left it, images are reused by title, and clinic
details are only filled in where they are still empty.
"""

from datetime import timedelta
from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageColor, ImageDraw, ImageFilter

from django.apps import apps
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.utils.file import hash_filelike

from clinic.models import ClinicSettings
from pages import demo_content
from pages.models import HomePage, PractitionerPage, ReviewedPage, TreatmentPage

# The practitioner shown as having reviewed the demo's health pages.
DEMO_REVIEWER = "anya-patel"

IMAGE_SIZE = (1600, 1000)


def draw_picture(recipe):
    """A calm JPEG: a soft vertical gradient with translucent, slightly blurred shapes."""
    size = recipe.get("size", IMAGE_SIZE)
    width, height = size
    top, bottom = (PILImage.new("RGB", size, colour) for colour in recipe["gradient"])
    picture = PILImage.composite(bottom, top, PILImage.linear_gradient("L").resize(size))
    for kind, *geometry, colour, opacity in recipe["shapes"]:
        # Each shape is a blurred mask, so its edges blend softly into what lies beneath.
        mask = PILImage.new("L", size)
        draw = ImageDraw.Draw(mask)
        if kind == "rect":
            x, y, w, h, radius = geometry
            box = (x * width, y * height, (x + w) * width, (y + h) * height)
            draw.rounded_rectangle(box, radius=round(radius * height), fill=opacity)
        elif kind == "line":
            x1, y1, x2, y2, line_width = geometry
            xy = (x1 * width, y1 * height, x2 * width, y2 * height)
            draw.line(xy, fill=opacity, width=round(line_width * height))
        else:
            x, y, r, *line_width = geometry
            box = ((x * width) - r * height, (y - r) * height, (x * width) + r * height, (y + r) * height)
            if kind == "ring":
                draw.ellipse(box, outline=opacity, width=round(line_width[0] * height))
            else:
                draw.ellipse(box, fill=opacity)
        picture.paste(ImageColor.getrgb(colour), mask=mask.filter(ImageFilter.GaussianBlur(3)))
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=80, optimize=True, progressive=True)
    return buffer.getvalue()


def is_disposable_placeholder(page):
    """Wagtail's "Welcome to your new Wagtail site!" page: a plain page with nothing under it."""
    return (
        page.specific_class is Page
        and not page.get_children().exists()
        and not Site.objects.filter(root_page=page).exists()
    )


class Command(BaseCommand):
    help = "Create the clinic's demo pages, pictures and clinic details; existing ones are kept."

    def handle(self, *args, **options):
        self.created, self.present, self.new_images = [], [], []
        with transaction.atomic():
            home, site = self.ensure_home()
            self.awaiting_relations = []
            for node in demo_content.SITE["children"]:
                self.ensure_page(home, node)
            self.set_relations()
            filled = self.fill_clinic_details(site, home)

        if options["verbosity"] > 0:
            titles = ", ".join(page.title for page in self.created)
            self.stdout.write(f"Pages created: {len(self.created)}" + (f" ({titles})" if titles else ""))
            self.stdout.write(f"Pages already present, left unchanged: {len(self.present)}")
            self.stdout.write(f"Pictures created: {len(self.new_images)}")
            self.stdout.write(f"Clinic details filled in: {', '.join(filled) or 'none needed'}")
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def ensure_home(self):
        root = Page.get_first_root_node()
        if root is None:
            raise CommandError("Wagtail's root page is missing; run `manage.py migrate` first.")
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()

        home = HomePage.objects.order_by("path").first()
        if home is not None:
            self.present.append(home)
            return home, self.make_default_site(site, home)

        fields = {**demo_content.SITE["fields"], **self.image_fields(demo_content.SITE)}
        slug = fields.pop("slug")
        # The welcome page usually holds the slug "home": build beside it under a
        # temporary slug, move the site over, and only then remove the old page
        # (deleting a site's root page would delete the site with it).
        slug_taken = root.get_children().filter(slug=slug).exists()
        home = root.add_child(instance=HomePage(slug=f"{slug}-new" if slug_taken else slug, **fields))
        previous_root = site.root_page if site else None
        site = self.make_default_site(site, home, site_name=demo_content.CLINIC["name"])
        old_pages = Page.objects.child_of(root).filter(slug=slug)
        if previous_root is not None:
            old_pages |= Page.objects.filter(pk=previous_root.pk, depth__gt=1)
        for page in list(old_pages.exclude(pk=home.pk)):
            if is_disposable_placeholder(page):
                page.delete()
            else:
                self.stderr.write(f"Kept {page.url_path}: only an empty plain page is removed.")
        if home.slug != slug and not root.get_children().filter(slug=slug).exists():
            home.slug = slug
            home.save()
        home.save_revision().publish()
        self.created.append(home)
        return home, site

    def make_default_site(self, site, home, site_name=None):
        """Point the default site at ``home``, saving only if something changes."""
        if site is None:
            return Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=site_name or ""
            )
        changes = {"root_page_id": home.pk, "is_default_site": True}
        if site_name:
            changes["site_name"] = site_name
        if any(getattr(site, field) != value for field, value in changes.items()):
            for field, value in changes.items():
                setattr(site, field, value)
            site.save()
        return site

    def ensure_page(self, parent, node):
        model = apps.get_model(node["model"])
        fields = dict(node["fields"])
        page = parent.get_children().filter(slug=fields["slug"]).first()
        if page is None:
            fields.update(self.image_fields(node))
            page = parent.add_child(instance=model(**fields))
            page.save_revision().publish()
            self.created.append(page)
            if node.get("relations"):
                self.awaiting_relations.append((page, node["relations"]))
        else:
            page = page.specific
            self.present.append(page)
            if not isinstance(page, model):
                self.stderr.write(
                    f"Skipped {page.url_path}: not a {model.__name__}, so nothing is added under it."
                )
                return
        for child in node.get("children", ()):
            self.ensure_page(page, child)

    def set_relations(self):
        """
        What new pages say about each other, by slug, now that they all exist:
        the treatments a condition or practitioner links to. New health pages
        are shown as reviewed two months ago by the demo's lead osteopath.
        """
        relations = {page.pk: links for page, links in self.awaiting_relations}
        reviewer = PractitionerPage.objects.filter(slug=DEMO_REVIEWER).first()
        for page in self.created:
            links = relations.get(page.pk, {})
            for slug in links.get("treatment_links", ()):
                treatment = TreatmentPage.objects.get(slug=slug)
                page.treatment_links.add(page.treatment_links.model(treatment=treatment))
            if isinstance(page, ReviewedPage):
                page.last_reviewed = timezone.localdate() - timedelta(days=60)
                page.reviewed_by = reviewer
            if links or isinstance(page, ReviewedPage):
                page.save_revision().publish()

    def image_fields(self, node):
        """A node's pictures as page fields: the image, and its alternative text or that it is decorative."""
        fields = {}
        for field, recipe in node.get("images", {}).items():
            fields[field] = self.ensure_image(recipe)
            if recipe.get("decorative"):
                fields[f"{field}_decorative"] = True
            else:
                fields[f"{field}_alt"] = recipe["alt"]
        return fields

    def ensure_image(self, recipe):
        image_model = get_image_model()
        image = image_model.objects.filter(title=recipe["title"]).first()
        if image is None:
            data = draw_picture(recipe)
            image = image_model(
                title=recipe["title"],
                file=ImageFile(BytesIO(data), name=recipe["filename"]),
                file_size=len(data),
                file_hash=hash_filelike(BytesIO(data)),
            )
            if hasattr(image, "description"):
                image.description = recipe["alt"]
            image.save()
            self.new_images.append(image)
        return image

    def fill_clinic_details(self, site, home):
        """Fill in the clinic details that are still empty; never overwrite what editors have set."""
        details = ClinicSettings.for_site(site)
        values = dict(demo_content.CLINIC)
        for field, slug in demo_content.CLINIC_PAGE_LINKS.items():
            values[field] = home.get_children().filter(slug=slug).first()
        filled = [field for field, value in values.items() if value and not getattr(details, field)]
        for field in filled:
            setattr(details, field, values[field])
        if filled:
            details.save()
        return filled
