import pytest

from django.core.cache import cache

from pages.models import TreatmentPage
from tests.conftest import session_snapshot
from tests.enquiries.factories import make_clinic_pages
from tests.snapshots import forget_cached_rows


@pytest.fixture(autouse=True)
def no_earlier_submissions():
    """Start each test with an empty rate-limit count, whatever ran before it."""
    cache.clear()


clinic_pages_snapshot = session_snapshot("clinic_pages", make_clinic_pages)


@pytest.fixture
def clinic_pages(db, clinic_pages_snapshot):
    """
    The pages an enquiry passes through (see ``make_clinic_pages``), built once
    per session and put back for each test; returns the published treatments.
    """
    clinic_pages_snapshot.restore()
    yield list(TreatmentPage.objects.live().order_by("path"))
    forget_cached_rows()
