"""The image tags parse each filter spec once per process (pages/image_filters.py)."""

import pytest

from django.template import Context, Template

from wagtail.images.models import Filter

from pages.image_filters import filter_for, filters_for
from tests.factories import make_image

pytestmark = pytest.mark.django_db

TAGS = (
    "{% load wagtailimages_tags %}"
    "{% picture photo fill-{160x100,320x200} format-{avif,webp} alt='A treatment room' %}"
    "{% image photo fill-80x50 as small %}{{ small.url }} {{ small.width }}x{{ small.height }}"
)


def test_the_tags_render_what_fresh_filters_would():
    photo = make_image()
    html = Template(TAGS).render(Context({"photo": photo}))

    for spec in Filter.expand_spec("fill-{160x100,320x200}|format-{avif,webp}"):
        assert photo.get_rendition(Filter(spec=spec)).url in html
    assert f"{photo.get_rendition(Filter(spec='fill-80x50')).url} 80x50" in html
    assert 'alt="A treatment room"' in html and "<source" in html


def test_a_spec_rendered_again_reuses_its_filter():
    photo = make_image()
    Template(TAGS).render(Context({"photo": photo}))
    hits = filter_for.cache_info().hits + filters_for.cache_info().hits

    Template(TAGS).render(Context({"photo": photo}))

    assert filter_for.cache_info().hits + filters_for.cache_info().hits >= hits + 2
    assert filter_for("fill-80x50") is filter_for("fill-80x50")
