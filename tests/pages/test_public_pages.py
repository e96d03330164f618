"""Every public page renders the demo content with the clinic's details, menu and breadcrumbs."""

import pytest
from bs4 import BeautifulSoup

from wagtail.models import Site

from clinic.models import ClinicSettings
from clinic.views import server_error
from pages.models import TreatmentPage

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "/": "pages/home_page.html",
    "/treatments/": "pages/treatment_index_page.html",
    "/treatments/osteopathy/": "pages/treatment_page.html",
    "/treatments/medical-acupuncture/": "pages/treatment_page.html",
    "/treatments/deep-tissue-massage/": "pages/treatment_page.html",
    "/treatments/electrotherapy/": "pages/treatment_page.html",
    "/about/": "pages/standard_page.html",
    "/privacy/": "pages/standard_page.html",
    "/your-visit/": "pages/standard_page.html",
    "/accessibility/": "pages/standard_page.html",
    "/contact/": "pages/contact_page.html",
    "/conditions/": "pages/condition_index_page.html",
    "/conditions/lower-back-pain/": "pages/condition_page.html",
    "/team/": "pages/team_page.html",
    "/team/anya-patel/": "pages/practitioner_page.html",
}


@pytest.mark.parametrize(("url", "template"), PUBLIC_PAGES.items())
def test_every_page_type_renders_with_clinic_contact_links(client, demo_site, url, template):
    response = client.get(url)

    assert response.status_code == 200
    assert template in [t.name for t in response.templates]
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert 'href="tel:+442082204254"' in html
    assert 'href="mailto:info@clayhallosteopath.com"' in html
    assert "Call us" in html
    assert "Email us" in html
    assert 'class="skip-link" href="#main-content"' in html
    assert '<main id="main-content"' in html


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_stays_within_the_query_budget(client, demo_site, url, django_assert_max_num_queries):
    """
    At most 8 queries with no page caching. The first request makes the image
    renditions and fills Wagtail's own cache of site root paths, as the first
    visitor does on a live server; what is counted is every request after it.
    """
    client.get(url)
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.status_code == 200


def test_menu_lists_pages_marked_show_in_menus_and_marks_the_current_one(client, demo_site):
    html = client.get("/treatments/medical-acupuncture/").content.decode()
    menu = html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]

    assert ">Home<" in menu
    assert 'href="/treatments/" class="in-section">Treatments<' in menu
    assert ">About us<" in menu or ">About<" in menu
    assert "/contact/" in menu
    assert "/privacy/" not in menu


def test_inner_pages_have_breadcrumbs_and_home_does_not(client, demo_site):
    inner = client.get("/treatments/medical-acupuncture/").content.decode()
    home = client.get("/").content.decode()

    trail = inner.split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/">Home<' in trail
    assert 'href="/treatments/">Treatments<' in trail
    assert 'aria-label="Breadcrumb"' not in home


def test_treatment_page_shows_facts_and_asks_about_this_treatment(client, demo_site):
    html = client.get("/treatments/medical-acupuncture/").content.decode()

    assert "Typical session" in html
    assert "Fee" in html
    assert 'href="/contact/?treatment=medical-acupuncture"' in html
    assert "Ask about this treatment" in html


def test_medical_acupuncture_page_explains_trigger_points_and_the_options(client, demo_site):
    text = client.get("/treatments/medical-acupuncture/").content.decode().lower()

    for phrase in ("trigger point", "shoulder", "sciatica", "botulinum", "steroid", "acupressure", "needle"):
        assert phrase in text, phrase


def test_treatment_index_lists_every_live_treatment_with_an_image(client, demo_site):
    html = client.get("/treatments/").content.decode()

    for slug in ("osteopathy", "medical-acupuncture", "deep-tissue-massage", "electrotherapy"):
        assert f'href="/treatments/{slug}/"' in html
    assert html.count('srcset="') >= 4
    # The demo's abstract pictures are decorative: empty alternative text, so screen readers skip them.
    images = BeautifulSoup(html, "html.parser").select("img.card__image")
    assert len(images) == 4
    assert {image["alt"] for image in images} == {""}


def test_a_listing_image_that_is_not_decorative_keeps_its_alternative_text(client, demo_site):
    TreatmentPage.objects.filter(slug="osteopathy").update(
        listing_image_decorative=False, listing_image_alt="An osteopath examining a patient's shoulder"
    )

    for url in ("/treatments/", "/treatments/osteopathy/"):
        html = client.get(url).content.decode()
        assert 'alt="An osteopath examining a patient&#x27;s shoulder"' in html, url


def test_home_page_shows_its_picture_with_alternative_text_first_and_unhurried(client, demo_site):
    image = BeautifulSoup(client.get("/").content, "html.parser").select_one("img.hero__image")

    assert image["alt"].startswith("Illustration of a calm treatment room")
    assert image["fetchpriority"] == "high"
    assert "loading" not in image.attrs
    assert image["width"] and image["height"]
    assert len(image["srcset"].split(",")) == 3


@pytest.mark.parametrize(
    ("url", "image_class"),
    [("/", "hero__image"), ("/treatments/", "card__image"), ("/treatments/osteopathy/", "article__image")],
)
def test_pictures_come_as_avif_with_webp_for_older_browsers_sized_before_they_load(
    client, demo_site, url, image_class
):
    html = BeautifulSoup(client.get(url).content, "html.parser")

    images = html.select(f"picture > img.{image_class}")
    assert images, url
    for image in images:
        avif = image.find_previous_sibling("source")
        assert avif["type"] == "image/avif"
        assert all(".avif " in candidate.strip() + " " for candidate in avif["srcset"].split(","))
        assert all(".webp " in candidate.strip() + " " for candidate in image["srcset"].split(","))
        assert image["src"].endswith(".webp")
        assert int(image["width"]) > 0 and int(image["height"]) > 0


def test_listing_pictures_below_the_first_wait_until_they_are_scrolled_to(client, demo_site):
    images = BeautifulSoup(client.get("/treatments/").content, "html.parser").select("img.card__image")

    assert "loading" not in images[0].attrs
    assert [image.get("loading") for image in images[1:]] == ["lazy"] * (len(images) - 1)


def test_contact_page_gives_access_details_and_a_plain_map_link(client, demo_site):
    html = client.get("/contact/").content.decode()
    page = BeautifulSoup(html, "html.parser")

    getting_here = page.select_one("section[aria-labelledby=getting-here-heading]")
    assert [h3.get_text() for h3 in getting_here.select("h3")] == [
        "By public transport",
        "Parking",
        "Step-free access",
    ]
    assert "Gants Hill" in getting_here.get_text()
    [map_link] = page.select("a[href^='https://www.openstreetmap.org/']")
    assert map_link["href"] == (
        "https://www.openstreetmap.org/search?query=24+Clayhall+Avenue%2C+Clayhall%2C+Ilford%2C+IG5+0LG"
    )
    # A link, never a map embedded from another site.
    assert page.select("iframe, object, embed") == []


def test_clinic_can_link_its_own_map(client, demo_site):
    details = ClinicSettings.for_site(Site.objects.get(is_default_site=True))
    details.map_url = "https://www.openstreetmap.org/node/123"
    details.save()

    assert 'href="https://www.openstreetmap.org/node/123"' in client.get("/contact/").content.decode()


def test_your_visit_page_answers_the_questions_patients_ask_first(client, demo_site):
    page = BeautifulSoup(client.get("/your-visit/").content, "html.parser")

    questions = [summary.get_text(strip=True) for summary in page.select("details summary")]
    assert questions == [
        "What should I wear?",
        "How long does the first appointment take?",
        "Do I need a referral from my GP?",
        "What if I need to cancel or change my appointment?",
        "How can I pay, and do you work with health insurers?",
    ]


def test_footer_links_privacy_notice_and_accessibility_statement(client, demo_site):
    html = client.get("/").content.decode()
    footer = html.split('class="site-footer"', 1)[1]

    assert 'href="/privacy/"' in footer
    assert 'href="/accessibility/"' in footer
    assert "Opening hours" in footer


def test_unknown_address_gets_the_styled_not_found_page(client, demo_site):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="tel:+442082204254"' in html
    assert "404.html" in [t.name for t in response.templates]


def test_server_error_page_renders_without_the_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with our website" in html
    assert "020 8220 4254" in html
    assert "999" in html
