"""
Closures (Settings > Closures) and bank holidays: announced on every page from
14 days ahead, right even on a page kept in the page cache, and edited in the admin.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.urls import reverse

from clinic.hours import ClosedPeriod, date_range
from clinic.models import Closure
from tests.factories import make_closure
from tests.pages.test_public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(day, clock="12:00"):
    return datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=LONDON)


def banner(client, url="/about/"):
    """The closure banner, or None; with its items (text, shown without JavaScript, shown from, until)."""
    section = BeautifulSoup(client.get(url).content, "html.parser").select_one("section.closure-banner")
    if section is None:
        return None
    items = [
        (
            li.get_text(" ", strip=True),
            not li.has_attr("hidden"),
            li["data-shown-from"],
            li["data-shown-until"],
        )
        for li in section.select("li")
    ]
    return {"shown": not section.has_attr("hidden"), "items": items, "section": section}


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit, as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def training_day(db):
    """A Friday in November, far from any bank holiday."""
    return make_closure("2026-11-13", reason="staff training", note="Emails are answered on Monday.")


@pytest.mark.parametrize(
    ("date", "date_text"),
    [
        (("2026-12-25", "2026-12-25"), "Friday 25 December"),
        (("2026-12-24", "2026-12-26"), "24–26 December"),
        (("2026-11-30", "2026-12-02"), "30 November – 2 December"),
        (("2026-12-31", "2027-01-01"), "31 December 2026 – 1 January 2027"),
    ],
)
def test_closures_are_dated_as_people_write_dates(date, date_text):
    assert date_range(*(datetime.fromisoformat(day).date() for day in date)) == date_text


def test_what_patients_read_about_a_closure_and_a_bank_holiday():
    christmas = ClosedPeriod(at("2026-12-24").date(), at("2026-12-26").date(), "Christmas")
    spring = ClosedPeriod(
        at("2026-05-25").date(), at("2026-05-25").date(), "Spring bank holiday", bank_holiday=True
    )

    assert christmas.text == "Closed 24–26 December for Christmas"
    assert spring.text == "Closed Monday 25 May for the Spring bank holiday"


def test_a_closure_is_announced_on_every_page_from_14_days_before(client, demo_site, training_day):
    with time_machine.travel(at("2026-10-30", "00:00"), tick=False):
        for url in PUBLIC_PAGES:
            found = banner(client, url)
            assert found["shown"], url
            assert found["items"] == [
                (
                    "Closed Friday 13 November for staff training. Emails are answered on Monday.",
                    True,
                    "2026-10-30T00:00:00Z",
                    "2026-11-14T00:00:00Z",
                )
            ], url


def test_the_banner_is_a_region_named_by_its_heading(client, demo_site, training_day):
    with time_machine.travel(at("2026-11-13", "10:00"), tick=False):
        section = banner(client)["section"]

    heading = section.find(id=section["aria-labelledby"])
    assert heading.name == "h2"
    assert heading.get_text(strip=True) == "When we are closed"


def test_a_closure_further_ahead_is_written_hidden_for_when_the_page_is_read_later(
    client, demo_site, training_day
):
    """The page may be served from a cache tomorrow: the script shows it then; without it, nothing shows."""
    with time_machine.travel(at("2026-10-29", "23:59"), tick=False):
        found = banner(client)

    assert not found["shown"]
    assert [(shown, shown_from) for _, shown, shown_from, _ in found["items"]] == [
        (False, "2026-10-30T00:00:00Z")
    ]


@pytest.mark.parametrize("day", ["2026-10-01", "2026-11-14"])
def test_no_banner_long_before_a_closure_or_once_it_is_over(client, demo_site, training_day, day):
    with time_machine.travel(at(day), tick=False):
        assert banner(client) is None


def test_christmas_shows_the_closure_and_the_bank_holidays_it_does_not_cover(client, demo_site):
    make_closure("2026-12-24", "2026-12-26", reason="Christmas")

    with time_machine.travel(at("2026-12-20"), tick=False):
        items = [(text, shown) for text, shown, _, _ in banner(client)["items"]]

    assert items == [
        ("Closed 24–26 December for Christmas.", True),
        ("Closed Monday 28 December for Boxing Day (substitute day).", True),
        ("Closed Friday 1 January for New Year's Day.", True),
    ]


def test_bank_holidays_are_announced_with_nothing_to_edit(client, demo_site):
    with time_machine.travel(at("2026-05-20"), tick=False):
        assert banner(client)["items"][0][:2] == ("Closed Monday 25 May for the Spring bank holiday.", True)


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.SITE_DATA_CACHE_ENABLED = True


def cache_pages(client, urls):
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Cache"] == "HIT", url


def test_saving_a_closure_forgets_every_cached_page(client, demo_site, page_cache_on, committing):
    with time_machine.travel(at("2026-11-02"), tick=False):
        cache_pages(client, ["/", "/about/"])

        with committing():
            make_closure("2026-11-13", reason="staff training")

        for url in ("/", "/about/"):
            response = client.get(url)
            assert response["X-Cache"] == "MISS", url
            assert "Closed Friday 13 November for staff training." in response.content.decode(), url


def test_deleting_a_closure_forgets_every_cached_page(client, demo_site, page_cache_on, committing):
    # Saved as if long ago: bulk_create sends no signal, so nothing waits to be forgotten.
    [closure] = Closure.objects.bulk_create(
        [Closure(first_day="2026-11-13", last_day="2026-11-13", reason="training")]
    )
    with time_machine.travel(at("2026-11-02"), tick=False):
        cache_pages(client, ["/", "/about/"])
        assert "for training" in client.get("/").content.decode()

        with committing():
            closure.delete()

        for url in ("/", "/about/"):
            assert "for training" not in client.get(url).content.decode(), url


@pytest.mark.parametrize("url", ["/", "/treatments/osteopathy/", "/contact/"])
def test_closures_cost_no_query_of_their_own(client, demo_site, url, django_assert_max_num_queries):
    make_closure("2026-12-24", "2026-12-26", reason="Christmas")
    make_closure("2027-04-01", reason="staff training")
    with time_machine.travel(at("2026-12-20"), tick=False):
        client.get(url)
        with django_assert_max_num_queries(8):
            assert "24–26 December" in client.get(url).content.decode()


# The admin


def test_staff_add_a_closure_under_settings(admin_client, demo_site):
    list_url = reverse("wagtailsnippets_clinic_closure:list")
    assert list_url in admin_client.get("/admin/").content.decode()  # in the Settings menu

    response = admin_client.post(
        reverse("wagtailsnippets_clinic_closure:add"),
        {"first_day": "2026-12-24", "last_day": "2026-12-26", "reason": "Christmas", "note": ""},
    )

    assert response.status_code == 302
    closure = Closure.objects.get()
    assert (str(closure.first_day), str(closure.last_day), closure.reason) == (
        "2026-12-24",
        "2026-12-26",
        "Christmas",
    )
    assert "Christmas" in admin_client.get(list_url).content.decode()


def test_a_closure_cannot_end_before_it_starts(admin_client, demo_site):
    response = admin_client.post(
        reverse("wagtailsnippets_clinic_closure:add"),
        {"first_day": "2026-12-26", "last_day": "2026-12-24", "reason": "Christmas", "note": ""},
    )

    assert response.status_code == 200
    assert "The last day must be the first day or after it." in response.content.decode()
    assert not Closure.objects.exists()
