"""
StreamField blocks for health information.

Each block declares its icon, template, preview and description so editors see
what it is for in the block picker. Patterns follow the NHS digital service
manual (inset text, care cards, expanders) because patients recognise them.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText, expand_db_html

# Kept small on purpose: headings have their own block, and patient-facing
# health text should not carry colours, tables or embedded media.
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
SHORT_TEXT_FEATURES = ["bold", "italic", "link"]


# The commonest blocks (a treatment page is mostly headings and text) are
# written out here rather than in templates: each block template is a fresh
# template context, and each rich text value Wagtail's own small template, on
# every visit: a fifth of a millisecond for each heading and paragraph.


class ShownRichText(RichText):
    """Rich text as Wagtail shows it (its links and images expanded), less the template it wraps it in."""

    def __html__(self):
        return expand_db_html(self.source)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (level 2)"), ("h3", "Subheading (level 3)")],
        default="h2",
        help_text="Use level 2 for sections and level 3 inside a section, so screen readers can navigate.",
    )

    def render_basic(self, value, context=None):
        level = "h3" if value["level"] == "h3" else "h2"
        # Ends its line, as a template file does: text read from the page (the
        # editor's checks count words in it) keeps the heading a word of its own.
        return format_html('<{level} class="block-heading">{}</{level}>\n', value["text"], level=level)

    class Meta:
        icon = "title"
        preview_value = {"text": "What happens at your first appointment", "level": "h2"}
        description = "A section heading that also appears in the page's outline for screen readers."


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", TEXT_FEATURES)
        super().__init__(**kwargs)

    def to_python(self, value):
        return ShownRichText(value)

    def normalize(self, value):
        return value if isinstance(value, ShownRichText) else ShownRichText(getattr(value, "source", value))

    def value_from_form(self, value):
        return ShownRichText(value)

    def render_basic(self, value, context=None):
        return format_html('<div class="prose">{}</div>\n', value)

    class Meta:
        icon = "pilcrow"
        preview_value = (
            "<p>Your osteopath will ask about your symptoms and general health, "
            "then examine how you move before suggesting a plan.</p>"
        )
        description = "Paragraphs, lists and links."


class CaptionedImageValue(blocks.StructValue):
    def alt(self):
        """What the image's alt attribute says: nothing for a decorative image."""
        return "" if self.get("decorative") else self.get("alt_text") or ""


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        required=False,
        label="Alternative text",
        help_text="Describe what the image shows for someone who cannot see it.",
    )
    decorative = blocks.BooleanBlock(
        required=False,
        label="The image is decorative",
        help_text="Tick if the image shows nothing a reader would miss: screen readers then skip it.",
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "pages/blocks/captioned_image_block.html"
        value_class = CaptionedImageValue
        description = "An image with a text alternative (unless it is decorative) and an optional caption."

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Describe the image for people who cannot see it, or tick that it is decorative."
                    )
                }
            )
        return value

    def get_preview_value(self):
        # Blocks cannot name a fixed image, so preview with the newest one uploaded.
        return self.normalize(
            {
                "image": get_image_model().objects.order_by("-created_at").first(),
                "alt_text": "An osteopath treating a patient's shoulder",
                "caption": "Treatment is always explained before it starts.",
            }
        )


class InsetBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=SHORT_TEXT_FEATURES)

    class Meta:
        icon = "openquote"
        template = "pages/blocks/inset_block.html"
        preview_value = {"text": "<p>You do not need a referral from your GP to see an osteopath.</p>"}
        description = "Sets a short piece of information apart from the text around it."


class CareCardBlock(blocks.StructBlock):
    """The NHS care card: tells a patient how urgently to seek help elsewhere."""

    URGENCY_HEADINGS = {
        "non-urgent": "Speak to your GP if:",
        "urgent": "Ask for an urgent GP appointment or call NHS 111 if:",
        "emergency": "Call 999 or go to A&E if:",
    }

    urgency = blocks.ChoiceBlock(
        choices=[
            ("non-urgent", "Non-urgent: speak to a GP"),
            ("urgent", "Urgent: NHS 111 or urgent GP appointment"),
            ("emergency", "Emergency: call 999 or go to A&E"),
        ],
        default="non-urgent",
    )
    heading = blocks.CharBlock(
        max_length=120,
        required=False,
        help_text="Leave blank to use the standard NHS wording for the chosen urgency.",
    )
    body = blocks.RichTextBlock(features=TEXT_FEATURES)

    class Meta:
        icon = "warning"
        preview_value = {
            "urgency": "emergency",
            "heading": "",
            "body": (
                "<ul><li>you have back pain with numbness around your genitals or buttocks</li>"
                "<li>you have lost control of your bladder or bowels</li></ul>"
            ),
        }
        description = "Tells patients when to get urgent or emergency care instead of booking with us."

    # What a screen reader announces for each: the card's name and the heading's first words.
    URGENCY_LABELS = {
        "non-urgent": ("Non-urgent advice", "Non-urgent advice: "),
        "urgent": ("Urgent advice", "Urgent advice: "),
        "emergency": ("Emergency advice", "Immediate action required: "),
    }

    def render_basic(self, value, context=None):
        # Written out here rather than in a template, like the heading and text
        # blocks: a template took five times as long on every page showing one.
        label, announced = self.URGENCY_LABELS.get(value["urgency"], self.URGENCY_LABELS["non-urgent"])
        return format_html(
            '<section class="care-card care-card--{urgency}" aria-label="{label}">\n'
            '<div class="care-card__heading-container">\n'
            '<h2 class="care-card__heading"><span class="visually-hidden">{announced}</span>{heading}</h2>\n'
            "</div>\n"
            '<div class="care-card__content">{body}</div>\n'
            "</section>\n",
            urgency=value["urgency"],
            label=label,
            announced=announced,
            heading=value["heading"] or self.URGENCY_HEADINGS.get(value["urgency"], ""),
            body=value["body"],
        )


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = blocks.RichTextBlock(features=TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Question and answer"


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Common questions")
    items = blocks.ListBlock(QuestionAnswerBlock(), min_num=1, label="Questions")

    class Meta:
        icon = "list-ul"
        label = "FAQ"
        preview_value = {
            "heading": "Common questions",
            "items": [
                {
                    "question": "Does it hurt?",
                    "answer": "<p>Most people feel little more than a dull ache.</p>",
                },
                {
                    "question": "How many sessions will I need?",
                    "answer": "<p>Many people need three to five.</p>",
                },
            ],
        }
        description = "Questions and answers that patients can open one at a time."

    def render_basic(self, value, context=None):
        """Each question a ``<details>`` to open; written out here, as the care card is."""
        questions = format_html_join(
            "",
            '<details class="faq__item">\n<summary class="faq__question">{}</summary>\n'
            '<div class="faq__answer">{}</div>\n</details>\n',
            ((item["question"], item["answer"]) for item in value["items"]),
        )
        return format_html(
            '<section class="faq" aria-labelledby="faq-heading">\n'
            '<h2 class="faq__heading" id="faq-heading">{}</h2>\n{}</section>\n',
            value["heading"],
            questions,
        )


class TestimonialBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(
        max_length=100,
        help_text="With the patient's written consent. A first name or initials is enough.",
    )
    detail = blocks.CharBlock(
        max_length=100, required=False, help_text="For example, the treatment they had."
    )

    class Meta:
        icon = "user"
        template = "pages/blocks/testimonial_block.html"
        preview_value = {
            "quote": "I could turn my head properly for the first time in months.",
            "attribution": "Sarah, Woodford",
            "detail": "Medical acupuncture for neck pain",
        }
        description = "A patient's words about their care, with their consent."


class ClinicDetailsBlock(blocks.StructBlock):
    """
    The clinic's contact details as they are in Settings > Clinic details, so a
    page never keeps an old phone number after the setting changes.
    """

    DETAILS = [
        ("phone", "Phone number"),
        ("email", "Email address"),
        ("address", "Postal address"),
        ("opening_hours", "Opening hours"),
    ]

    show = blocks.MultipleChoiceBlock(
        choices=DETAILS,
        default=["phone", "email"],
        widget=forms.CheckboxSelectMultiple,
        help_text="Shown as set in Settings > Clinic details; change them there and every page follows.",
    )

    class Meta:
        icon = "home"
        template = "pages/blocks/clinic_details_block.html"
        label = "Clinic contact details"
        preview_value = {"show": ["phone", "email", "address"]}
        description = "The clinic's phone, email, address or opening hours, always up to date."


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = TextBlock()
    image = CaptionedImageBlock()
    inset = InsetBlock()
    care_card = CareCardBlock()
    faq = FAQBlock()
    testimonial = TestimonialBlock()
    clinic_details = ClinicDetailsBlock()

    class Meta:
        block_counts = {"faq": {"max_num": 1}}

    def defer_required_validation(self):
        """
        A draft's body may still be empty, but each block in it is checked in
        full on every save. Wagtail would otherwise let a draft keep an empty
        block and refuse it only on publishing, with the error far down the page.
        """
        blocks.Block.defer_required_validation(self)  # not the children's, as StreamBlock's own would
