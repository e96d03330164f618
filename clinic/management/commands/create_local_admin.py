"""
Give a developer a way into the local admin without a known password.

Each run creates the superuser "admin", or resets it, with a new random password
and prints how to log in. It refuses to run unless DEBUG is on, so it cannot
create an account with a printed password on a production site. It also lifts
any sign-in lockout on "admin", so a developer who mistyped is not kept waiting.
"""

import secrets

from axes.utils import reset as reset_lockout

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

USERNAME = "admin"
EMAIL = "admin@localhost"


class Command(BaseCommand):
    help = "Create or reset the local superuser 'admin' with a new random password (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("create_local_admin is for local development and only runs with DEBUG on.")

        User = get_user_model()
        user, created = User.objects.get_or_create(**{User.USERNAME_FIELD: USERNAME})
        password = secrets.token_urlsafe(16)
        user.email = EMAIL
        user.is_active = user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        reset_lockout(username=USERNAME)

        self.stdout.write(self.style.SUCCESS(f"{'Created' if created else 'Reset'} the local superuser:"))
        self.stdout.write(f"  Log in at: {settings.WAGTAILADMIN_BASE_URL}{reverse('wagtailadmin_home')}")
        self.stdout.write(f"  Username:  {USERNAME}")
        self.stdout.write(f"  Password:  {password}")
        if not settings.TWO_FACTOR_REQUIRED:
            self.stdout.write(
                "  Two-factor authentication is off here (TWO_FACTOR_REQUIRED); production asks for it."
            )
