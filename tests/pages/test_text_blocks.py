"""Headings and text, the blocks a treatment page is mostly made of, written out without templates."""

import pytest

from pages.blocks import BodyBlock, HeadingBlock, TextBlock

pytestmark = pytest.mark.django_db


def test_a_heading_is_shown_at_the_level_chosen_and_escaped():
    block = HeadingBlock()

    assert block.render(block.to_python({"text": "Before & after", "level": "h3"})) == (
        '<h3 class="block-heading">Before &amp; after</h3>\n'
    )
    assert block.render(block.to_python({"text": "<b>Aches</b>", "level": "h2"})) == (
        '<h2 class="block-heading">&lt;b&gt;Aches&lt;/b&gt;</h2>\n'
    )


def test_text_links_to_pages_by_their_address(demo_site):
    from pages.models import TreatmentPage

    osteopathy = TreatmentPage.objects.get(slug="osteopathy")
    block = TextBlock()
    value = block.to_python(f'<p>Read about <a linktype="page" id="{osteopathy.pk}">osteopathy</a>.</p>')

    assert block.render(value) == (
        f'<div class="prose"><p>Read about <a href="{osteopathy.url}">osteopathy</a>.</p></div>\n'
    )
    assert str(value) == f'<p>Read about <a href="{osteopathy.url}">osteopathy</a>.</p>'


def test_text_typed_in_the_editor_renders_the_same_as_text_stored():
    block = TextBlock()
    typed = block.value_from_form("<p>Wear loose clothing.</p>")

    assert block.render(typed) == block.render(block.to_python("<p>Wear loose clothing.</p>"))
    assert block.get_prep_value(block.normalize("<p>Hello</p>")) == "<p>Hello</p>"


def test_a_body_shows_its_headings_and_text_in_order():
    body = BodyBlock()
    value = body.to_python(
        [
            {"type": "heading", "value": {"text": "What to expect", "level": "h2"}},
            {"type": "text", "value": "<p>A first visit takes an hour.</p>"},
        ]
    )

    assert "".join(child.render() for child in value) == (  # as the page templates include each
        '<h2 class="block-heading">What to expect</h2>\n'
        '<div class="prose"><p>A first visit takes an hour.</p></div>\n'
    )
