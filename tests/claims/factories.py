"""Rules for the claims tests."""

from claims.models import ClaimRule


def rule(phrase, category="absolute", reason="A risky claim.", suggestion="Say it another way."):
    """An unsaved rule, for checks that need no database."""
    return ClaimRule(phrase=phrase, category=category, reason=reason, suggestion=suggestion)


def make_rule(phrase, **fields):
    made = rule(phrase, **fields)
    made.full_clean()
    made.save()
    return made
