"""
Write the page the web server shows while the site is down (a deploy, a crash),
so patients still get the clinic's phone number: see docs/deploy.md.

The details come from Settings > Clinic details, or from the fallback contact
settings (CLINIC_PHONE, …) when the database cannot be read. Run it again after
the details change.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.template.loader import render_to_string

from wagtail.models import Site

from clinic.models import ClinicSettings


def clinic_details():
    try:
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            return ClinicSettings.for_site(site)
    except DatabaseError:
        pass
    return settings.CLINIC_FALLBACK_CONTACT


class Command(BaseCommand):
    help = "Write the static page shown while the site is down, with the clinic's phone number."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write it, e.g. /var/www/clinic/maintenance.html")

    def handle(self, *args, path, **options):
        target = Path(path)
        if not target.parent.is_dir():
            raise CommandError(f"There is no folder {target.parent} to write the page into.")
        target.write_text(render_to_string("clinic/maintenance_page.html", {"clinic": clinic_details()}))
        target.chmod(0o644)
        if options["verbosity"] > 0:
            self.stdout.write(f"Wrote {target}.")
