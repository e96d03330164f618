"""
The page cache: a public page is rendered once and then served with no database
query, until something it shows changes; then every page is rendered afresh.
Nothing personal is ever shared: not a form's security token, an error, a
message, nor a signed-in editor's page.

A test's transaction is never committed, so the invalidations that wait for a
commit are run by ``django_capture_on_commit_callbacks(execute=True)``.
"""

import re
from io import StringIO

import pytest

from django.core.management import call_command
from django.test import Client

from wagtail.models import Page, PageViewRestriction, Site

from clinic.models import ClinicSettings
from pagecache import store
from pages.models import TreatmentPage
from tests.factories import make_image, make_user

CACHED_PAGES = ["/", "/treatments/", "/treatments/osteopathy/", "/about/", "/your-visit/"]


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.SITE_DATA_CACHE_ENABLED = True


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what waits for the transaction to commit, as a real request's commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def osteopathy():
    return TreatmentPage.objects.get(slug="osteopathy")


def publish(page, committing, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    with committing():
        page.save_revision().publish()


@pytest.mark.parametrize("url", CACHED_PAGES)
def test_a_warm_page_is_served_without_a_database_query(client, demo_site, url, django_assert_num_queries):
    first = client.get(url)
    assert first["X-Cache"] == "MISS"

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["ETag"] == first["ETag"]
    assert "public" in second["Cache-Control"] and "max-age=0" in second["Cache-Control"]


@pytest.mark.parametrize("accept_encoding", ["gzip, br", ""])
def test_a_page_from_the_cache_carries_every_header_a_fresh_one_does(client, demo_site, accept_encoding):
    headers = {"accept-encoding": accept_encoding}
    fresh = client.get("/treatments/", headers=headers)
    cached = client.get("/treatments/", headers=headers)

    assert (fresh["X-Cache"], cached["X-Cache"]) == ("MISS", "HIT")
    per_request = {"X-Cache", "X-Request-ID"}
    assert set(cached.headers) - per_request == set(fresh.headers) - per_request
    for name in ("X-Frame-Options", "Content-Security-Policy", "Vary", "Last-Modified", "ETag"):
        assert cached[name] == fresh[name], name
    assert cached["Content-Length"] == str(len(cached.content))


def test_an_unchanged_page_answers_a_browser_that_has_it_with_304(client, demo_site):
    etag = client.get("/treatments/")["ETag"]

    response = client.get("/treatments/", headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""


def test_a_published_edit_shows_at_once_on_the_page_its_listing_and_every_menu(client, demo_site, committing):
    for url in CACHED_PAGES:
        client.get(url)
    page = osteopathy()
    # A menu page's title is in the header of every page.
    about = Page.objects.get(url_path__endswith="/about/").specific

    publish(page, committing, title="Osteopathy for every age", summary="A new summary for the listing.")
    publish(about, committing, title="About the clinic team")

    assert "Osteopathy for every age" in client.get("/treatments/osteopathy/").content.decode()
    assert "A new summary for the listing." in client.get("/treatments/").content.decode()
    for url in CACHED_PAGES:
        assert "About the clinic team" in client.get(url).content.decode(), url


def test_a_saved_draft_changes_nothing_a_visitor_sees(client, demo_site, committing):
    client.get("/treatments/osteopathy/")
    page = osteopathy()
    page.title = "A draft title nobody may see yet"

    with committing():
        page.save_revision()

    response = client.get("/treatments/osteopathy/")
    assert response["X-Cache"] == "HIT"
    assert "A draft title nobody may see yet" not in response.content.decode()
    assert "A draft title nobody may see yet" not in Client().get("/treatments/").content.decode()


@pytest.mark.parametrize("change", ["unpublish", "delete", "move"])
def test_a_page_that_went_is_not_served_from_the_cache(client, demo_site, committing, change):
    assert client.get("/treatments/osteopathy/").status_code == 200
    page = osteopathy()

    with committing():
        if change == "unpublish":
            page.unpublish()
        elif change == "delete":
            page.delete()
        else:
            page.move(Page.objects.get(url_path__endswith="/about/"), pos="last-child")

    gone = client.get("/treatments/osteopathy/")
    if change == "move":
        assert gone.status_code == 301 and gone["Location"] == "/about/osteopathy/"  # Wagtail's redirect
    else:
        assert gone.status_code == 404
    assert 'href="/treatments/osteopathy/"' not in client.get("/treatments/").content.decode()


def test_a_page_made_private_is_never_served_from_the_cache_again(client, demo_site, committing):
    assert "Osteopathy" in client.get("/treatments/osteopathy/").content.decode()

    with committing():
        PageViewRestriction.objects.create(
            page=osteopathy(), restriction_type=PageViewRestriction.PASSWORD, password="staff-only"
        )

    response = client.get("/treatments/osteopathy/")
    assert "X-Cache" not in response
    assert 'name="password"' in response.content.decode()


def test_a_password_protected_page_is_kept_out_of_the_cache_after_the_password(client, demo_site):
    restriction = PageViewRestriction.objects.create(
        page=osteopathy(), restriction_type=PageViewRestriction.PASSWORD, password="staff-only"
    )
    form = client.get("/treatments/osteopathy/").content.decode()
    action = re.search(r'<form[^>]+action="([^"]+)"', form)[1]
    client.post(action, {"password": "staff-only", "return_url": "/treatments/osteopathy/"})

    seen = client.get("/treatments/osteopathy/")

    assert restriction.pk and seen.status_code == 200 and "X-Cache" not in seen
    assert "private" in seen["Cache-Control"]
    assert 'name="password"' in Client().get("/treatments/osteopathy/").content.decode()


def test_the_clinic_details_change_every_cached_page(client, demo_site, committing):
    for url in CACHED_PAGES:
        client.get(url)
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))

    with committing():
        details.phone = "+442079460999"
        details.save()

    for url in CACHED_PAGES:
        assert "020 7946 0999" in client.get(url).content.decode(), url


def test_a_changed_image_is_not_left_pointing_at_old_files(client, demo_site, committing):
    client.get("/treatments/")
    assert client.get("/treatments/")["X-Cache"] == "HIT"

    with committing():
        make_image(title="Treatment room")

    assert client.get("/treatments/")["X-Cache"] == "MISS"


def test_the_contact_page_with_its_form_is_never_shared(client, demo_site):
    first = client.get("/contact/")
    other = Client().get("/contact/")

    for response in (first, other):
        assert "X-Cache" not in response
        assert "private" in response["Cache-Control"]
    tokens = [
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]
        for response in (first, other)
    ]
    assert tokens[0] != tokens[1]
    assert first.cookies["csrftoken"].value != other.cookies["csrftoken"].value


def test_a_form_shown_back_with_errors_reaches_only_its_sender(client, demo_site):
    client.get("/contact/")
    response = client.post("/enquiries/send/", {"name": "Nell Private", "message": ""})

    assert "Nell Private" in response.content.decode()
    assert "Nell Private" not in Client().get("/contact/").content.decode()
    assert "X-Cache" not in response


# Django's message cookie, and the session (test settings keep Django's name for it).
@pytest.mark.parametrize("cookie", ["messages", "sessionid"])
def test_a_visitor_with_a_message_or_a_session_gets_a_page_of_their_own(client, demo_site, cookie):
    client.get("/about/")
    client.cookies[cookie] = "something-of-theirs"

    response = client.get("/about/")

    assert "X-Cache" not in response


def test_a_signed_in_editor_always_sees_the_page_fresh_with_their_userbar(client, demo_site, committing):
    Client().get("/treatments/osteopathy/")
    client.force_login(make_user("editor", groups=["Editors"]))

    response = client.get("/treatments/osteopathy/")

    assert "X-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert "wagtail-userbar" in response.content.decode()
    assert "wagtail-userbar" not in Client().get("/treatments/osteopathy/").content.decode()


def test_links_from_a_mailing_are_served_from_the_cache_and_other_queries_are_not(client, demo_site):
    client.get("/treatments/osteopathy/")

    tracked = client.get("/treatments/osteopathy/?utm_source=newsletter&utm_medium=email&fbclid=x1")
    searched = client.get("/treatments/osteopathy/?q=anything")

    assert tracked["X-Cache"] == "HIT"
    assert "X-Cache" not in searched


def test_a_page_rendered_while_an_edit_was_published_is_not_kept(rf, demo_site, client):
    request = rf.get("/treatments/osteopathy/")
    generation, _ = store.lookup(request)
    rendered_from_old_data = client.get("/treatments/osteopathy/?q=not-cached")

    store.start_generation()  # the edit commits while the page was being rendered
    store.store(request, rendered_from_old_data, generation)

    assert store.lookup(request)[1] is None


def test_with_the_cache_down_pages_are_still_served(client, demo_site, settings, caplog):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    settings.PAGE_CACHE_ALIAS = "pages"

    response = client.get("/treatments/osteopathy/")

    assert response.status_code == 200 and "Osteopathy" in response.content.decode()
    assert "Page cache unavailable (ConnectionError)" in caplog.text


def test_the_command_forgets_every_page(client, demo_site):
    client.get("/")

    call_command("purge_page_cache", stdout=StringIO())

    assert client.get("/")["X-Cache"] == "MISS"
