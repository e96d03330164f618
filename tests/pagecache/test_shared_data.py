"""
What every page asks first (the site, the route, the clinic's details, the menu)
is kept in the shared cache between changes, for pages the page cache does not
keep (the contact page, any page with a query string, a signed-in editor's).
These run with the page cache off, so every page here is rendered afresh and
only the shared data can be stale: it never is, after any change that commits.
"""

import hashlib

import pytest

from django.test import Client, RequestFactory

from wagtail.models import Page, PageViewRestriction, Site

from clinic.models import ClinicSettings
from pagecache import shared_data, store
from pages.models import TreatmentPage

PAGES = ["/", "/treatments/", "/treatments/osteopathy/", "/about/", "/contact/"]


@pytest.fixture(autouse=True)
def shared_data_on(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.SITE_DATA_CACHE_ENABLED = True


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def osteopathy():
    return TreatmentPage.objects.get(slug="osteopathy")


@pytest.mark.parametrize("url", PAGES)
def test_a_page_rendered_again_asks_the_database_only_for_its_own_content(
    client, demo_site, url, django_assert_max_num_queries
):
    first = client.get(url)

    with django_assert_max_num_queries(4):
        again = client.get(url)

    assert again.status_code == first.status_code == 200
    assert again.content.decode().count("<nav") == first.content.decode().count("<nav")


def test_a_published_menu_title_shows_at_once_on_every_page(client, demo_site, committing):
    for url in PAGES:
        client.get(url)
    about = Page.objects.get(url_path__endswith="/about/").specific
    about.title = "About the clinic team"

    with committing():
        about.save_revision().publish()

    for url in PAGES:
        assert "About the clinic team" in client.get(url).content.decode(), url


def test_changed_clinic_details_show_at_once_on_every_page(client, demo_site, committing):
    for url in PAGES:
        client.get(url)
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))

    with committing():
        details.phone = "+442079460999"
        details.save()

    for url in PAGES:
        assert "020 7946 0999" in client.get(url).content.decode(), url


def test_a_page_made_private_asks_for_its_password_at_once(client, demo_site, committing):
    assert client.get("/treatments/osteopathy/").status_code == 200

    with committing():
        PageViewRestriction.objects.create(
            page=osteopathy(), restriction_type=PageViewRestriction.PASSWORD, password="staff-only"
        )

    assert 'name="password"' in client.get("/treatments/osteopathy/").content.decode()


@pytest.mark.parametrize("change", ["unpublish", "delete", "move"])
def test_a_page_that_went_is_not_found_where_it_was(client, demo_site, committing, change):
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
    assert gone.status_code == (301 if change == "move" else 404)
    if change == "move":
        assert client.get("/about/osteopathy/").status_code == 200


def test_an_unknown_address_is_not_remembered(client, demo_site):
    known, unknown = (
        f"pagecache:data:{store.release()}:route:{hashlib.sha256(f'{demo_site.url_path}{path}'.encode()).hexdigest()[:40]}"
        for path in ("about/", "no-such-page/")
    )

    assert client.get("/about/").status_code == 200
    assert client.get("/no-such-page/").status_code == 404

    assert store.cache().get(known) is not None
    assert store.cache().get(unknown) is None


def taken_for_the_next_visit(path):
    """What the last request for ``path`` took from the shared data, kept for the next one."""
    return store.cache().get(shared_data.taken_key(RequestFactory().get(path)))


def test_a_page_rendered_again_takes_everything_from_one_entry(client, demo_site, django_assert_num_queries):
    assert client.get("/treatments/osteopathy/").status_code == 200
    generation, taken = taken_for_the_next_visit("/treatments/osteopathy/")
    assert generation == store.cache().get(store.GENERATION_KEY)
    kinds = {"site", "route", "setting", "navigation", "page", "fragment"}
    assert {name.split(":")[0] for name in taken} == kinds
    for name in taken:  # as if evicted: the address's own entry is enough
        store.cache().delete(f"pagecache:data:{store.release()}:{name}")

    with django_assert_num_queries(1):  # is the page still live at the same revision
        again = client.get("/treatments/osteopathy/")

    assert again.status_code == 200 and "<h1>Osteopathy</h1>" in again.content.decode()


def test_an_address_that_leads_nowhere_keeps_nothing_for_itself(client, demo_site):
    assert client.get("/no-such-page/").status_code == 404

    assert taken_for_the_next_visit("/no-such-page/") is None


def test_a_signed_in_editors_visit_keeps_nothing_for_the_address(admin_client, demo_site):
    assert admin_client.get("/treatments/osteopathy/").status_code == 200

    assert taken_for_the_next_visit("/treatments/osteopathy/") is None


def test_another_host_gets_its_own_site(client, demo_site, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    about = Page.objects.get(url_path__endswith="/about/")
    Site.objects.create(hostname="other.example", port=80, root_page=about)
    home = client.get("/").content.decode()

    other = Client(headers={"host": "other.example"}).get("/").content.decode()

    assert f"<title>{about.title} |" in other
    assert f"<title>{about.title} |" not in home
    assert client.get("/").content.decode() == home


def test_with_the_cache_down_pages_are_read_afresh(client, demo_site, settings, caplog):
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
    assert "Shared cache unavailable (ConnectionError); site data read afresh." in caplog.text


def test_a_kept_route_to_a_page_deleted_meanwhile_is_found_afresh(client, demo_site):
    assert client.get("/treatments/osteopathy/").status_code == 200
    TreatmentPage.objects.get(slug="osteopathy").delete()  # not committed: the kept route is stale

    assert client.get("/treatments/osteopathy/").status_code == 404


# The page itself, what it lists and its structured data are kept too, and used
# again only while the database still has the page live at the same revision.


def osteopathy_body_text(client):
    return client.get("/treatments/osteopathy/").content.decode()


@pytest.mark.parametrize("url", ["/", "/treatments/", "/treatments/osteopathy/", "/about/", "/contact/"])
def test_a_page_kept_asks_the_database_only_whether_it_is_still_live(
    client, demo_site, url, django_assert_num_queries
):
    client.get(url)

    with django_assert_num_queries(1) as queries:
        again = client.get(url)

    assert again.status_code == 200
    assert "live_revision_id" in queries.captured_queries[0]["sql"]


def test_a_published_change_to_a_kept_page_shows_at_once(client, demo_site, committing):
    assert "Clinical osteopathy" not in osteopathy_body_text(client)
    page = osteopathy()
    page.title = "Clinical osteopathy"

    with committing():
        page.save_revision().publish()

    assert "<h1>Clinical osteopathy</h1>" in osteopathy_body_text(client)


def test_a_saved_draft_of_a_kept_page_is_never_shown(client, demo_site, committing):
    live = osteopathy_body_text(client)
    page = osteopathy()
    page.title = "A draft title nobody may see yet"

    with committing():
        page.save_revision()

    assert "A draft title nobody may see yet" not in osteopathy_body_text(client)
    assert osteopathy_body_text(client) == live


def test_a_page_published_again_is_read_afresh_before_its_generation_ends(client, demo_site):
    assert client.get("/treatments/osteopathy/").status_code == 200
    page = osteopathy()
    page.title = "Published meanwhile"
    page.save_revision().publish()  # not committed: the kept page and its generation are stale

    assert "<h1>Published meanwhile</h1>" in osteopathy_body_text(client)


def test_what_a_kept_page_lists_changes_with_the_pages_it_lists(client, demo_site, committing):
    assert "Lower back pain" in osteopathy_body_text(client)
    condition = Page.objects.get(url_path__endswith="/conditions/lower-back-pain/").specific
    condition.title = "Low back pain"

    with committing():
        condition.save_revision().publish()

    html = osteopathy_body_text(client)
    assert ">Low back pain</a>" in html
    assert '"name": "Osteopathy"' in html  # the structured data is built again with it


def test_a_listed_page_moved_is_linked_where_it_went(client, demo_site, committing):
    condition = Page.objects.get(url_path__endswith="/conditions/lower-back-pain/").specific
    assert f'href="{condition.url}"' in osteopathy_body_text(client)
    condition.slug = "low-back-pain"

    with committing():
        condition.save_revision().publish()

    html = osteopathy_body_text(client)
    assert 'href="/conditions/low-back-pain/"' in html and 'href="/conditions/lower-back-pain/"' not in html


def test_a_kept_list_links_from_the_site_it_was_read_on(client, demo_site, settings):
    """A page's listing read through two sites links as each site's ``{% pageurl %}`` does."""
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    condition = Page.objects.get(url_path__endswith="/conditions/lower-back-pain/")
    path = condition.url
    Site.objects.create(hostname="other.example", port=80, root_page=Page.objects.get(depth=1))
    assert f'href="{path}"' in osteopathy_body_text(client)

    other = Client(headers={"host": "other.example"}).get("/home/treatments/osteopathy/").content.decode()

    assert 'href="/home/conditions/lower-back-pain/"' in other  # below the other site's root, the whole tree
    assert f'href="{path}"' in osteopathy_body_text(client)


def test_changed_enquiry_settings_show_at_once_on_the_contact_page(client, demo_site, committing):
    from enquiries.models import EnquirySettings

    client.get("/contact/")
    enquiry_settings = EnquirySettings.for_site(Site.objects.get(is_default_site=True))

    with committing():
        enquiry_settings.reply_target = "within two working days, usually sooner"
        enquiry_settings.save()

    assert "within two working days, usually sooner" in client.get("/contact/").content.decode()
