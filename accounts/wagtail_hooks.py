"""Registers "Two-factor authentication" in each staff member's account menu."""

from django.urls import reverse

from wagtail import hooks

from accounts import two_factor


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    if not two_factor.required():
        return None
    return {
        "url": reverse("accounts:recovery_codes"),
        "label": "Two-factor authentication",
        "help_text": "Your recovery codes, and moving to a new phone.",
    }
