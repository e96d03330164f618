"""Small factory functions: build exactly the objects a test needs, nothing more."""

from datetime import date, time
from io import BytesIO

from PIL import Image as PILImage

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Site

from clinic.models import ClinicSettings, Closure
from pages.models import ContactPage, HomePage, StandardPage, TreatmentIndexPage, TreatmentPage


def add_page(parent, page, publish=True):
    """Add ``page`` under ``parent`` with a first revision, published unless asked not to."""
    page.live = publish  # Wagtail's default is live, even before anything is published
    page = parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_home_page(**fields):
    """A HomePage made the default site's root, as the demo loader does."""
    site = Site.objects.get(is_default_site=True)
    fields.setdefault("title", "Home")
    fields.setdefault("hero_heading", "Osteopathy in Clayhall")
    root = site.root_page.get_parent()
    home = add_page(root, HomePage(slug=fields.pop("slug", "test-home"), **fields))
    site.root_page = home
    site.save()
    return home


def make_treatment_index(home, **fields):
    fields.setdefault("title", "Treatments")
    fields.setdefault("slug", "treatments")
    return add_page(home, TreatmentIndexPage(**fields))


def make_treatment(index, publish=True, **fields):
    fields.setdefault("title", "Osteopathy")
    fields.setdefault("slug", "osteopathy")
    fields.setdefault("summary", "Hands-on treatment for back, neck and joint pain.")
    fields.setdefault("body", [("text", "<p>What to expect.</p>")])
    return add_page(index, TreatmentPage(**fields), publish=publish)


def make_standard_page(parent, **fields):
    fields.setdefault("title", "About us")
    fields.setdefault("slug", "about")
    fields.setdefault("body", [("text", "<p>About the clinic.</p>")])
    return add_page(parent, StandardPage(**fields))


def make_contact_page(home, **fields):
    fields.setdefault("title", "Contact us")
    fields.setdefault("slug", "contact")
    return add_page(home, ContactPage(**fields))


def make_image(title="Test image", size=(320, 200), colour=(11, 85, 97)):
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="test.png"))


def make_user(username="user", groups=(), **fields):
    fields.setdefault("email", f"{username}@example.com")
    user = get_user_model().objects.create_user(username=username, password="a-long-test-password", **fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_closure(first_day, last_day=None, **fields):
    """A closure under Settings > Closures; dates as ``date`` or "2026-12-24"."""
    first_day = date.fromisoformat(first_day) if isinstance(first_day, str) else first_day
    last_day = date.fromisoformat(last_day) if isinstance(last_day, str) else (last_day or first_day)
    fields.setdefault("reason", "Christmas")
    return Closure.objects.create(first_day=first_day, last_day=last_day, **fields)


def set_opening_hours(*sessions, site=None, note=""):
    """
    The clinic's hours, as rows of (days, "09:00", "20:00"), ``days`` as in the
    admin ("monday"...); returns the ClinicSettings.
    """
    details = ClinicSettings.for_site(site or Site.objects.get(is_default_site=True))
    details.opening_hours = [
        ("session", {"days": list(days), "opens": time.fromisoformat(o), "closes": time.fromisoformat(c)})
        for days, o, c in sessions
    ]
    details.opening_hours_note = note
    details.save()
    return details
