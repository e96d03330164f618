"""
Patients search every kind of page: each result shows its title, its summary
(or its search description) and what kind of page it is, with the count in
words, ten to a page.
"""

import pytest

from django.utils.text import capfirst

from pages.models import StandardPage, TreatmentIndexPage, TreatmentPage
from tests.conftest import session_snapshot
from tests.factories import make_standard_page, make_treatment
from tests.snapshots import forget_cached_rows

pytestmark = pytest.mark.django_db


def treatments_index():
    return TreatmentIndexPage.objects.get()


def kind(model):
    return capfirst(model._meta.verbose_name)


def test_the_demo_content_is_searchable(demo_site, search):
    found = search("acupuncture")

    assert found.response.status_code == 200
    assert "/treatments/medical-acupuncture/" in found.urls


def test_a_result_shows_its_title_summary_and_kind(demo_site, search):
    acupuncture = TreatmentPage.objects.get(slug="medical-acupuncture")

    result = next(r for r in search("acupuncture").results if r.url == acupuncture.url)

    assert result.title == acupuncture.title
    assert result.summary == acupuncture.summary
    assert result.kind == kind(TreatmentPage)


def test_kept_summaries_show_a_published_change_at_once(
    demo_site, search, settings, django_capture_on_commit_callbacks
):
    settings.SITE_DATA_CACHE_ENABLED = True
    acupuncture = TreatmentPage.objects.get(slug="medical-acupuncture")
    search("acupuncture")  # keeps the summaries

    with django_capture_on_commit_callbacks(execute=True):
        acupuncture.summary = "Fine needles that ease a tight, tender muscle."
        acupuncture.save_revision().publish()

    result = next(r for r in search("acupuncture").results if r.url == acupuncture.url)
    assert result.summary == "Fine needles that ease a tight, tender muscle."


def test_every_kind_of_page_is_searched_without_being_named(demo_site, search):
    kinds = {result.kind for result in search("acupuncture").results}

    assert {kind(TreatmentPage), kind(StandardPage), kind(TreatmentIndexPage)} <= kinds


def test_a_page_without_a_summary_shows_its_search_description(demo_site, search):
    make_standard_page(
        demo_site,
        title="Parking",
        slug="parking",
        search_description="Where to leave your car near the clinic.",
        body=[("text", "<p>Bays on Quillwort Road.</p>")],
    )

    (result,) = search("quillwort").results

    assert result.summary == "Where to leave your car near the clinic."


@pytest.mark.parametrize(("pages", "count"), [(1, "1 result"), (3, "3 results")])
def test_the_count_is_given_in_words_with_the_query(demo_site, search, pages, count):
    for number in range(pages):
        make_treatment(treatments_index(), title=f"Quillwort {number}", slug=f"quillwort-{number}")

    found = search("Quillwort")

    assert f"{count} for “Quillwort”" in found.text
    assert found.box == "Quillwort"


def test_every_word_must_match(demo_site, search):
    make_treatment(treatments_index(), title="Quillwort stretches", slug="quillwort-stretches")
    make_treatment(treatments_index(), title="Quillwort massage", slug="quillwort-massage")

    assert [result.title for result in search("quillwort massage").results] == ["Quillwort massage"]


def test_no_results_says_so_and_suggests_the_treatments_and_contact_pages(demo_site, search):
    found = search("xylophone")

    assert found.results == []
    assert "No results for “xylophone”" in found.text
    links = {link["href"] for link in found.main.select(".notice a")}
    assert {"/treatments/", "/contact/", "tel:+442082204254"} <= links
    assert found.box == "xylophone"


def test_an_empty_search_shows_the_box_and_nothing_else(demo_site, search):
    for found in (search(), search(""), search("   ")):
        assert found.response.status_code == 200
        assert found.results == []
        assert "No results" not in found.text
        assert found.box == ""


def test_a_newly_published_page_is_found_and_an_unpublished_one_is_not(demo_site, search):
    page = make_treatment(treatments_index(), title="Quillwort therapy", slug="quillwort-therapy")
    assert search("quillwort").urls == [page.url]

    page.unpublish()

    assert search("quillwort").results == []


def add_twelve_results():
    for number in range(12):
        make_treatment(treatments_index(), title=f"Quillwort {number:02}", slug=f"quillwort-{number:02}")


twelve_results_snapshot = session_snapshot("twelve_results", add_twelve_results, on_top_of="demo_snapshot")


@pytest.fixture
def twelve_results(db, twelve_results_snapshot):
    """The demo site with twelve treatments that match "quillwort", built once per session."""
    twelve_results_snapshot.restore()
    yield
    forget_cached_rows()


def test_results_come_ten_to_a_page_with_links_between_pages(twelve_results, search):
    first = search("quillwort")
    second = search("quillwort", page=2)

    assert len(first.results) == 10
    assert "12 results" in first.text
    assert "Page 1 of 2" in first.text
    assert first.main.select_one("a[rel=next]")["href"] == "?q=quillwort&page=2"
    assert first.main.select_one("a[rel=prev]") is None
    assert len(second.results) == 2
    assert second.main.select_one("a[rel=prev]")["href"] == "?q=quillwort&page=1"
    assert not set(first.urls) & set(second.urls)


@pytest.mark.parametrize(
    # Not "page", which is pytest-playwright's browser page: it would make these browser tests.
    ("page_number", "shown"),
    [
        ("abc", 1),
        ("", 1),
        ("1.5", 1),
        ("2\x00", 1),
        ("9" * 5000, 1),  # more digits than Python turns into a number
        ("0", 2),
        ("-1", 2),
        ("3", 2),
        ("999999999999", 2),
    ],
)
def test_a_junk_or_out_of_range_page_number_shows_the_first_or_last_page(
    twelve_results, search, page_number, shown
):
    found = search("quillwort", page=page_number)

    assert found.response.status_code == 200
    assert f"Page {shown} of 2" in found.text


def test_the_query_is_kept_in_the_page_links(twelve_results, search):
    found = search("quillwort & ?")

    assert found.main.select_one("a[rel=next]")["href"] == "?q=quillwort%20%26%20%3F&page=2"


@pytest.mark.parametrize("query", ["acupuncture", "pain", "xylophone"])
def test_a_search_stays_within_the_query_budget(client, demo_site, query, django_assert_max_num_queries):
    """
    At most 8 queries, as for every page, with no shared data kept. The first
    request fills Django's caches of content types and site root paths, as a
    server's first visitor does.
    """
    client.get("/search/", {"q": query})
    with django_assert_max_num_queries(8):
        response = client.get("/search/", {"q": query})
    assert response.status_code == 200


def test_results_of_many_kinds_cost_no_more_queries(demo_site, search, django_assert_max_num_queries):
    """Summaries come from one query, not one per kind of page found."""
    search("acupuncture")
    with django_assert_max_num_queries(8):
        found = search("acupuncture")

    assert len({result.kind for result in found.results}) >= 4
