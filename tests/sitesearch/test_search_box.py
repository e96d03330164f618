"""Every page has a search box in its header; the search page has its own, with the query in it."""

import pytest
from bs4 import BeautifulSoup

from sitesearch.views import MAX_QUERY_LENGTH

pytestmark = pytest.mark.django_db


def search_forms(response):
    return BeautifulSoup(response.content, "html.parser").select("form[role=search]")


def labelled_field(form):
    field = form.select_one("input[type=search][name=q]")
    label = form.select_one(f"label[for={field['id']}]")
    return field, label.get_text(strip=True)


@pytest.mark.parametrize("url", ["/", "/treatments/medical-acupuncture/", "/contact/", "/no-such-page/"])
def test_every_page_has_a_search_box_in_its_header(demo_site, client, url):
    (form,) = search_forms(client.get(url))

    assert form.find_parent("header") is not None
    assert form["action"] == "/search/"
    assert form["method"] == "get"
    field, label = labelled_field(form)
    assert label == "Search this website"
    assert field["maxlength"] == str(MAX_QUERY_LENGTH)
    assert form.select_one("button[type=submit]").get_text(strip=True) == "Search"


def test_the_search_page_has_one_box_with_a_visible_label_and_the_query_in_it(demo_site, client):
    (form,) = search_forms(client.get("/search/", {"q": "neck pain"}))

    assert form.find_parent("main") is not None
    field, label = labelled_field(form)
    assert label == "Search for a treatment, a condition or a practitioner"
    assert "visually-hidden" not in form.select_one("label").get("class", [])
    assert field["value"] == "neck pain"
    assert field["maxlength"] == str(MAX_QUERY_LENGTH)


def test_the_search_box_leaves_pages_to_the_page_cache(demo_site, client, settings):
    """A GET form carries no security token, so it sets no cookie and the page is still shared."""
    settings.PAGE_CACHE_ENABLED = True
    settings.SITE_DATA_CACHE_ENABLED = True

    first, second = client.get("/treatments/"), client.get("/treatments/")

    assert not first.cookies
    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert search_forms(second)
