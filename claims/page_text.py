"""
The text a page shows, field by field and block by block, with where each piece is.

Any page type works: its title, SEO title and search description, then each
text field of its own model and its parents below Wagtail's ``Page`` (plain
text, rich text and StreamFields), in the order the model declares them. Rich
text is read without its tags. Choices, addresses and slugs are not text a
patient reads as a claim, and are skipped; so are blocks that hold no text of
their own (images, choices, the clinic's contact details).
"""

from django.db import models
from django.utils.text import capfirst

from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText, get_text_for_indexing

PAGE_FIELDS = ("title", "seo_title", "search_description")
NOT_PROSE = (models.URLField, models.EmailField, models.SlugField)


def page_texts(page):
    """(where, text) pairs for everything a page says; ``where`` is what the editor calls it."""
    for field in text_fields(type(page)):
        label = capfirst(field.verbose_name)
        value = getattr(page, field.name)
        if isinstance(field, StreamField):
            yield from stream_texts(value, label)
        elif isinstance(field, RichTextField):
            yield label, get_text_for_indexing(value or "")
        elif value:
            yield label, value


def text_fields(model):
    fields = [model._meta.get_field(name) for name in PAGE_FIELDS]
    for field in model._meta.concrete_fields:
        if field.model is Page or field.choices or isinstance(field, NOT_PROSE):
            continue
        if isinstance(field, (models.CharField, models.TextField, StreamField)):
            fields.append(field)
    return fields


def stream_texts(stream_value, label):
    for number, child in enumerate(stream_value, start=1):
        yield from block_texts(child.block, child.value, f"{label} › block {number}, {child.block.label}")


def block_texts(block, value, label):
    """Text in one block's value, recursing through streams, lists and structures."""
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        yield from stream_texts(value, label)
    elif isinstance(block, blocks.ListBlock):
        for number, item in enumerate(value, start=1):
            yield from block_texts(block.child_block, item, f"{label} › {number}")
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from block_texts(child_block, value.get(name), f"{label} › {child_block.label}")
    elif isinstance(block, blocks.RichTextBlock):
        source = value.source if isinstance(value, RichText) else str(value)
        yield label, get_text_for_indexing(source)
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)) and value:
        yield label, str(value)
