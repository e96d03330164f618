"""
The opening hours on the site: the table in the footer, on the contact page and
in the clinic details block, and the "Open now" line written for the browser to
show, so that it is right even on a page served from the cache a day later.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup

from django.conf import settings

from tests.factories import make_standard_page, set_opening_hours
from tests.pages.test_public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
FRIDAY_MORNING = datetime(2026, 12, 4, 10, 0, tzinfo=LONDON)


def page(client, url="/about/"):
    return BeautifulSoup(client.get(url).content, "html.parser")


def moment(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_every_page_has_the_hours_table_in_its_footer(client, demo_site):
    for url in PUBLIC_PAGES:
        footer = page(client, url).select_one("footer")
        rows = [(row.dt.get_text(), row.dd.get_text()) for row in footer.select(".opening-hours__row")]
        assert rows == [
            ("Monday to Friday", "9am to 8pm"),
            ("Saturday", "9am to 1pm"),
            ("Sunday", "Closed"),
            ("Bank holidays", "Closed"),
        ], url


def test_the_open_now_line_is_hidden_until_the_script_shows_it(client, demo_site):
    with time_machine.travel(FRIDAY_MORNING, tick=False):
        status = page(client).select_one("footer .opening-status")

    assert status.has_attr("hidden")
    assert all(span.has_attr("hidden") for span in status.select("span"))
    # An external script of the site's own shows it: the CSP allows no inline script.
    html = page(client)
    assert html.select_one('head script[src$="js/opening-hours.js"][defer]')
    assert not html.select("footer script, .closure-banner script")


def test_the_open_now_line_is_written_for_as_long_as_the_page_may_be_kept(client, demo_site):
    with time_machine.travel(FRIDAY_MORNING, tick=False):
        spans = page(client).select("footer .opening-status span")
    periods = [(moment(s["data-shown-from"]), moment(s["data-shown-until"]), s.get_text()) for s in spans]

    now = next(text for begins, ends, text in periods if begins <= FRIDAY_MORNING < ends)
    assert now == "Open now, until 8pm"
    assert all(
        ends == next_begins for (_, ends, _), (next_begins, _, _) in zip(periods, periods[1:], strict=False)
    )
    kept = timedelta(seconds=settings.PAGE_CACHE_TIMEOUT + settings.PAGE_CACHE_SHARED_MAX_AGE)
    assert periods[-1][1] >= FRIDAY_MORNING + kept
    # A visitor on Saturday morning, reading the page the cache kept from Friday morning:
    saturday = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
    assert [text for begins, ends, text in periods if begins <= saturday < ends] == ["Open now, until 1pm"]


def test_the_contact_page_shows_the_hours_with_the_open_now_line(client, demo_site):
    with time_machine.travel(FRIDAY_MORNING, tick=False):
        section = page(client, "/contact/").find(id="contact-hours-heading").parent

    assert section.select_one(".opening-status")
    assert section.select_one('.opening-hours time[datetime="20:00"]').get_text() == "8pm"


def test_a_note_shows_under_the_hours(client, demo_site):
    set_opening_hours((["tuesday"], "10:00", "12:30"), note="Home visits by arrangement.")

    footer = page(client).select_one("footer")

    assert [row.dd.get_text() for row in footer.select(".opening-hours__row")][:2] == [
        "Closed",
        "10am to 12:30pm",
    ]
    assert footer.select_one(".opening-hours__note").get_text() == "Home visits by arrangement."


def test_hours_kept_as_text_show_as_written_with_no_table_and_no_status(client, demo_site):
    """What the migration keeps when it cannot read the old hours: shown as before, never guessed."""
    set_opening_hours(note="Monday to Friday: mornings\nSaturday: by appointment")

    footer = page(client).select_one("footer")

    assert footer.find(id="footer-hours")
    assert not footer.select(".opening-hours, .opening-status")
    assert (
        footer.select_one(".opening-hours__note").get_text("\n")
        == "Monday to Friday: mornings\nSaturday: by appointment"
    )


def test_the_clinic_details_block_gives_the_hours_in_a_sentence(client, demo_site):
    make_standard_page(demo_site, slug="hours", body=[("clinic_details", {"show": ["opening_hours"]})])

    main = page(client, "/hours/").select_one("main .facts")

    assert main.dd.get_text().strip() == (
        "Monday to Friday: 9am to 8pm; Saturday: 9am to 1pm; Sunday: closed; bank holidays: closed."
    )
