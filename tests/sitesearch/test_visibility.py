"""
Only what anyone may see is ever found: live pages on the site asked for, with
no view restriction on them or above them (the rule of ``pages/visibility.py``).
"""

import pytest

from wagtail.models import Page, PageViewRestriction, Site

from pages.models import StandardPage
from tests.factories import add_page, make_standard_page

pytestmark = pytest.mark.django_db


def quillwort_page(parent, slug, **fields):
    fields.setdefault("body", [("text", "<p>Quillwort exercises for a stiff back.</p>")])
    return make_standard_page(parent, title=f"Quillwort {slug}", slug=slug, **fields)


@pytest.fixture
def public_page(demo_site):
    return quillwort_page(demo_site, "public")


def test_a_public_page_is_found(public_page, search):
    assert search("quillwort").urls == [public_page.url]


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
def test_a_page_with_a_view_restriction_is_never_found(demo_site, public_page, search, restriction_type):
    private = quillwort_page(demo_site, "private")
    PageViewRestriction.objects.create(page=private, restriction_type=restriction_type, password="reception")

    assert search("quillwort").urls == [public_page.url]


def test_a_page_in_a_restricted_section_is_never_found(demo_site, public_page, search):
    section = make_standard_page(demo_site, title="Staff area", slug="staff")
    quillwort_page(section, "rota")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    assert search("quillwort").urls == [public_page.url]


def test_an_alias_of_a_restricted_page_is_never_found(demo_site, public_page, search):
    private = quillwort_page(demo_site, "private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    private.create_alias(parent=demo_site, update_slug="private-copy")

    assert search("quillwort").urls == [public_page.url]


def test_a_draft_is_never_found(demo_site, public_page, search):
    add_page(
        demo_site,
        StandardPage(title="Quillwort draft", slug="draft", body=[("text", "<p>Quillwort.</p>")]),
        publish=False,
    )

    assert search("quillwort").urls == [public_page.url]


def test_unpublished_changes_to_a_live_page_are_not_found(public_page, search):
    public_page.title = "Xylophone lessons"
    public_page.save_revision()

    assert search("xylophone").results == []


def test_only_the_site_asked_for_is_searched(demo_site, public_page, client, settings, search):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    other_root = Page.get_first_root_node().add_child(instance=Page(title="Other", slug="other"))
    other_page = quillwort_page(other_root, "elsewhere")
    Site.objects.create(hostname="other.example", port=80, root_page=other_root)

    here = search("quillwort")
    elsewhere = search("quillwort", client=client.__class__(HTTP_HOST="other.example"))

    assert [result.title for result in here.results] == [public_page.title]
    assert [result.title for result in elsewhere.results] == [other_page.title]


@pytest.mark.parametrize("restricted", ["page", "section", "alias"])
def test_with_the_restricted_pages_kept_a_new_restriction_hides_at_once(
    demo_site, search, settings, django_capture_on_commit_callbacks, restricted
):
    settings.SITE_DATA_CACHE_ENABLED = True
    # Committed, as each publish's own request would be, so that each change starts a new generation.
    with django_capture_on_commit_callbacks(execute=True):
        public_page = quillwort_page(demo_site, "public")
        section = make_standard_page(demo_site, title="Staff area", slug="staff")
        inside = quillwort_page(section, "rota")
        private = quillwort_page(demo_site, "private")
        hidden = {"page": [private], "section": [inside], "alias": [private]}[restricted]
        if restricted == "alias":
            hidden.append(private.create_alias(parent=demo_site, update_slug="private-copy"))
    assert len(search("quillwort").urls) == (4 if restricted == "alias" else 3)  # the restricted ids are kept

    with django_capture_on_commit_callbacks(execute=True):
        covered = section if restricted == "section" else private
        PageViewRestriction.objects.create(page=covered, restriction_type=PageViewRestriction.LOGIN)

    urls = search("quillwort").urls
    assert public_page.url in urls
    assert not {page.url for page in hidden} & set(urls)
