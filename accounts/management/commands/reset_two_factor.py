"""
For a staff member who lost their phone and their recovery codes: remove their
second factors, so that their next sign-in (with their password) sets up a new
one. Check who is asking before running it.
"""

import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts import two_factor

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Remove a staff member's authenticator and recovery codes; "
        "they set up new ones when they next sign in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError("There is no staff account with that username.")
        two_factor.forget_devices(user)
        logger.info("Two-factor authentication reset for user %s.", user.pk)
        self.stdout.write(
            f"Two-factor authentication removed for {username}: "
            "they will set it up again when they next sign in."
        )
