"""Images in page text: a content image says what it shows; a decorative one says nothing, on purpose."""

import pytest

from django.core.exceptions import ValidationError

from pages.blocks import CaptionedImageBlock
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def rendered(**value):
    block = CaptionedImageBlock()
    return block.render(block.clean(block.to_python(value)))


def test_a_content_image_keeps_its_alternative_text():
    html = rendered(image=make_image().pk, alt_text="A patient stretching her hamstrings")

    assert 'alt="A patient stretching her hamstrings"' in html


def test_a_decorative_image_has_empty_alternative_text_whatever_was_typed():
    html = rendered(image=make_image().pk, alt_text="Leaves", decorative=True)

    assert 'alt=""' in html
    assert "Leaves" not in html


def test_an_image_that_is_neither_described_nor_decorative_is_refused():
    block = CaptionedImageBlock()

    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"image": make_image().pk, "alt_text": " "}))
    assert "alt_text" in error.value.block_errors
