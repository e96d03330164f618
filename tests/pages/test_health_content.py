"""
Conditions A to Z, the team, and the review cycle of health pages: linked both
ways, checked against their regulator, and saying when they were last reviewed.
"""

import datetime

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import ValidationError

from pages.models import (
    ConditionPage,
    ConditionTreatment,
    PractitionerPage,
    TreatmentPage,
    conditions_by_letter,
)
from pages.review import add_months, review_status


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def linked_titles(html, heading_id):
    section = html.find("section", attrs={"aria-labelledby": heading_id})
    return [link.get_text() for link in section.select("a")] if section else []


def test_a_condition_and_the_treatments_that_may_help_link_to_each_other(client, demo_site):
    condition = soup(client, "/conditions/sciatica/")
    treatment = soup(client, "/treatments/medical-acupuncture/")

    assert linked_titles(condition, "treatments-heading") == [
        "Osteopathy",
        "Medical acupuncture (trigger point dry needling)",
    ]
    assert "Sciatica" in linked_titles(treatment, "conditions-heading")
    assert "Sciatica" not in linked_titles(
        soup(client, "/treatments/deep-tissue-massage/"), "conditions-heading"
    )


def test_a_link_added_in_the_admin_shows_on_both_pages(client, demo_site):
    sciatica = ConditionPage.objects.get(slug="sciatica")
    massage = TreatmentPage.objects.get(slug="deep-tissue-massage")
    ConditionTreatment.objects.create(condition=sciatica, treatment=massage)

    assert "Deep tissue massage" in linked_titles(soup(client, "/conditions/sciatica/"), "treatments-heading")
    assert "Sciatica" in linked_titles(soup(client, "/treatments/deep-tissue-massage/"), "conditions-heading")


def test_an_unpublished_treatment_is_not_linked_from_a_condition(client, demo_site):
    TreatmentPage.objects.get(slug="electrotherapy").unpublish()

    assert "Electrotherapy" not in linked_titles(
        soup(client, "/conditions/frozen-shoulder/"), "treatments-heading"
    )


def test_the_a_to_z_lists_every_condition_under_its_letter_and_links_only_letters_with_some(
    client, demo_site
):
    html = soup(client, "/conditions/")

    letters = html.select(".a-to-z__letters li")
    assert [item.get_text() for item in letters][:3] == ["A", "B", "C"]
    assert {link["href"] for link in html.select(".a-to-z__letters a")} == {
        "#letter-F",
        "#letter-L",
        "#letter-N",
        "#letter-S",
        "#letter-T",
    }
    section_s = html.find("section", attrs={"aria-labelledby": "letter-S"})
    assert [link.get_text() for link in section_s.select("a")] == ["Sciatica"]


@pytest.mark.django_db
def test_letters_group_titles_however_they_are_written():
    pages = [
        ConditionPage(title=title) for title in ("whiplash", "Ankle sprain", "Achilles pain", "3rd finger")
    ]

    groups = dict(conditions_by_letter(pages))

    assert [page.title for page in groups["A"]] == ["Achilles pain", "Ankle sprain"]
    assert [page.title for page in groups["W"]] == ["whiplash"]
    assert [page.title for page in groups["#"]] == ["3rd finger"]


def test_a_condition_says_when_to_get_urgent_help_in_an_nhs_style_care_card(client, demo_site):
    html = soup(client, "/conditions/lower-back-pain/")

    emergency = html.select_one("section.care-card--emergency")
    assert "Call 999 or go to A&E if:" in emergency.get_text()
    assert "cauda equina" in emergency.get_text()


def test_the_team_page_shows_each_practitioner_with_their_regulator(client, demo_site):
    html = soup(client, "/team/")

    cards = html.select(".card")
    assert [card.select_one("h2").get_text() for card in cards] == ["Anya Patel", "Tom Ellis"]
    assert "registered with the General Osteopathic Council" in cards[0].get_text()
    assert cards[0].select_one("img")["alt"] == "Illustration standing in for a photo of Anya Patel"


def test_a_profile_links_to_the_regulator_and_its_public_register(client, demo_site):
    html = soup(client, "/team/anya-patel/")

    links = {link.get_text(): link["href"] for link in html.select("dl.facts a")}
    assert links["General Osteopathic Council"] == "https://www.osteopathy.org.uk/"
    assert links["check the public register"] == PractitionerPage.REGISTER_SEARCH["gosc"]
    assert linked_titles(html, "treatments-heading") == [
        "Osteopathy",
        "Medical acupuncture (trigger point dry needling)",
    ]

    PractitionerPage.objects.filter(slug="anya-patel").update(
        register_url="https://www.osteopathy.org.uk/register-search/practitioners/anya-patel/"
    )
    html = soup(client, "/team/anya-patel/")
    assert html.find("a", string="check the public register")["href"].endswith("/practitioners/anya-patel/")


def test_each_treatment_page_shows_who_offers_it(client, demo_site):
    assert linked_titles(soup(client, "/treatments/osteopathy/"), "practitioners-heading") == [
        "Anya Patel",
        "Tom Ellis",
    ]
    assert linked_titles(soup(client, "/treatments/deep-tissue-massage/"), "practitioners-heading") == [
        "Tom Ellis"
    ]


def test_a_practitioner_needs_alt_text_for_a_photo_and_a_name_for_another_regulator(demo_site):
    practitioner = PractitionerPage.objects.get(slug="tom-ellis")
    practitioner.photo_alt = " "
    with pytest.raises(ValidationError) as missing_alt:
        practitioner.full_clean()
    assert "photo_alt" in missing_alt.value.message_dict

    practitioner = PractitionerPage.objects.get(slug="tom-ellis")
    practitioner.regulator = PractitionerPage.OTHER
    with pytest.raises(ValidationError) as missing_name:
        practitioner.full_clean()
    assert "other_regulator" in missing_name.value.message_dict


@pytest.mark.parametrize("url", ["/treatments/osteopathy/", "/conditions/neck-pain/"])
def test_a_health_page_says_when_it_was_reviewed_by_whom_and_when_it_is_next_due(client, demo_site, url):
    page = (TreatmentPage if "treatments" in url else ConditionPage).objects.get(url_path__endswith=url)
    page.last_reviewed = datetime.date(2026, 3, 31)
    page.review_interval_months = 6
    page.save()

    review = soup(client, url).select_one(".page-review").get_text(" ", strip=True)

    assert "Page last reviewed: 31 March 2026 by Anya Patel , osteopath" in review
    assert "Next review due: 30 September 2026" in review


def test_a_page_never_reviewed_says_nothing_about_reviews(client, demo_site):
    TreatmentPage.objects.filter(slug="osteopathy").update(last_reviewed=None)

    assert soup(client, "/treatments/osteopathy/").select_one(".page-review") is None


def test_months_are_added_as_people_count_them():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2027, 11, 30), 3) == datetime.date(2028, 2, 29)
    assert add_months(datetime.date(2026, 12, 3), 12) == datetime.date(2027, 12, 3)


@pytest.mark.parametrize(
    ("last_reviewed", "status"),
    [
        (None, "never reviewed"),
        (datetime.date(2025, 12, 2), "overdue"),
        (datetime.date(2025, 12, 3), "due soon"),
        (datetime.date(2026, 1, 2), "due soon"),
        (datetime.date(2026, 1, 3), "current"),
    ],
)
def test_review_status_counts_from_the_last_review(last_reviewed, status):
    assert review_status(last_reviewed, 12, today=datetime.date(2026, 12, 3))[1] == status
