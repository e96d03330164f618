"""
The list of risky wording editors are warned about, edited under Snippets >
Advertising claims rules.

The UK's advertising rules (the CAP Code, enforced by the ASA) apply to a
clinic's own website. For osteopaths they accept claims about a short list of
conditions (back and neck pain, headaches arising from the neck, joint pain,
minor sports injuries and the like) and ask for robust evidence for anything
else; they never accept absolute claims such as "cure" or "guaranteed". The
starter list comes from migration 0002; staff add to it as they learn.
"""

from django.db import models
from django.db.models.functions import Lower

from claims.phrases import PHRASE_MAX_LENGTH, phrase_pattern, validate_phrase


class Category(models.TextChoices):
    ABSOLUTE = "absolute", "Absolute claim"
    CONDITION = "condition", "Condition outside the accepted list"
    CHILDREN = "children", "Babies and children"
    PREGNANCY = "pregnancy", "Pregnancy"
    OTHER = "other", "Other"


class ClaimRule(models.Model):
    phrase = models.CharField(
        max_length=PHRASE_MAX_LENGTH,
        validators=[validate_phrase],
        help_text='Plain words, found whatever the case and with their usual endings: "cure" also finds '
        '"cures", "cured" and "curing", but not "secure".',
    )
    category = models.CharField(max_length=20, choices=Category.choices)
    reason = models.TextField(
        max_length=500, help_text="Why the wording is risky, as the editor will read it when saving a page."
    )
    suggestion = models.TextField(max_length=500, blank=True, help_text="What to write instead.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category", "phrase"]
        verbose_name = "advertising claims rule"
        verbose_name_plural = "advertising claims rules"
        constraints = [
            models.UniqueConstraint(
                Lower("phrase"),
                name="claims_rule_phrase_unique",
                violation_error_message="There is already a rule for this phrase.",
            ),
            models.CheckConstraint(
                name="claims_rule_category_valid", condition=models.Q(category__in=Category.values)
            ),
        ]

    def __str__(self):
        return self.phrase

    def clean(self):
        self.phrase = " ".join(self.phrase.split())

    @property
    def pattern(self):
        return phrase_pattern(self.phrase)
