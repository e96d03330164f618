"""The checker reads what a page says, from any page type, and says where each piece of text is."""

import pytest

from claims.checker import check_page
from claims.page_text import page_texts
from pages.models import ContactPage, HomePage, StandardPage, TreatmentPage
from tests.claims.factories import rule

pytestmark = pytest.mark.django_db


def test_every_block_s_text_is_read_with_where_it_is():
    page = StandardPage(
        title="About us",
        summary="Who we are.",
        body=[
            ("heading", {"text": "Our clinic", "level": "h2"}),
            ("text", "<p>We are <b>small</b>.</p><ul><li>one</li><li>two</li></ul>"),
            ("inset", {"text": "<p>No referral needed.</p>"}),
            ("care_card", {"urgency": "emergency", "heading": "", "body": "<p>Call 999.</p>"}),
            (
                "faq",
                {
                    "heading": "Questions",
                    "items": [
                        {"question": "Does it hurt?", "answer": "<p>Rarely.</p>"},
                        {"question": "How long?", "answer": "<p>An hour.</p>"},
                    ],
                },
            ),
            ("testimonial", {"quote": "It helped.", "attribution": "Sam", "detail": ""}),
            ("clinic_details", {"show": ["phone"]}),
        ],
    )

    assert list(page_texts(page)) == [
        ("Title", "About us"),
        ("Summary", "Who we are."),
        ("Body › block 1, Heading › Text", "Our clinic"),
        ("Body › block 2, Text", "We are small. one two"),
        ("Body › block 3, Inset › Text", "No referral needed."),
        ("Body › block 4, Care card › Body", "Call 999."),
        ("Body › block 5, FAQ › Heading", "Questions"),
        ("Body › block 5, FAQ › Questions › 1 › Question", "Does it hurt?"),
        ("Body › block 5, FAQ › Questions › 1 › Answer", "Rarely."),
        ("Body › block 5, FAQ › Questions › 2 › Question", "How long?"),
        ("Body › block 5, FAQ › Questions › 2 › Answer", "An hour."),
        ("Body › block 6, Testimonial › Quote", "It helped."),
        ("Body › block 6, Testimonial › Attribution", "Sam"),
    ]


def test_rich_text_is_read_without_its_tags_or_entities():
    page = StandardPage(
        title="Back pain",
        body=[
            ("text", '<p>We <b>c</b>ure backs.</p><p>A <a href="/contact/">cure</a>&nbsp;for&nbsp;necks.</p>')
        ],
    )

    findings = check_page(page, [rule("cure")])

    assert [finding.found for finding in findings] == ["cure", "cure"]
    assert {finding.excerpt for finding in findings} == {"We cure backs. A cure for necks."}
    assert {finding.where for finding in findings} == {"Body › block 1, Text"}


def test_promote_fields_and_each_page_type_s_own_text_fields_are_read():
    home = HomePage(
        title="Home",
        seo_title="Miracle osteopathy",
        search_description="A miracle for backs.",
        hero_heading="A miracle in Clayhall",
        hero_text="Miracle hands.",
        hero_image_alt="A miracle worker",
    )
    contact = ContactPage(title="Contact", parking="<p>Miracle parking.</p>")
    treatment = TreatmentPage(title="Osteopathy", fee_note="a miracle price", body=[])

    where = [
        finding.where
        for page in (home, contact, treatment)
        for finding in check_page(page, [rule("miracle")])
    ]

    assert where == [
        "Title tag",
        "Meta description",
        "Hero heading",
        "Hero text",
        "Hero image alternative text",
        "Parking",
        "Fee note",
    ]


def test_choices_and_blocks_without_text_are_not_read():
    page = StandardPage(
        title="Care",
        body=[
            ("care_card", {"urgency": "emergency", "heading": "", "body": "<p>Call 999.</p>"}),
            ("clinic_details", {"show": ["phone", "email"]}),
        ],
    )

    assert check_page(page, [rule("emergency"), rule("phone")]) == []
