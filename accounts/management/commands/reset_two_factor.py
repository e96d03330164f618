"""
For a staff member who lost their phone and their recovery codes: remove their
second factors, so that their next sign-in (with their password) sets up a new
one. Their sessions end too, so a browser left signed in (on the lost phone,
say) cannot be the one to set it up. Check who is asking before running it.
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
        ended = two_factor.forget_devices(user)
        logger.info("Two-factor authentication reset for user %s; %d sessions ended.", user.pk, ended)
        self.stdout.write(
            f"Two-factor authentication removed for {username}, and signed out everywhere "
            f"({ended} session{'s' if ended != 1 else ''} ended): they will sign in with their password "
            "and set it up again."
        )
