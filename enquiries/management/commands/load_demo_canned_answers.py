"""
Add the demo clinic's canned answers (``enquiries.demo_content``), so replying
from the inbox can be tried at once; run by ``make run``. An answer that
already exists (by title) is left as staff left it.
"""

from django.core.management.base import BaseCommand

from enquiries.demo_content import CANNED_ANSWERS
from enquiries.models import CannedAnswer


class Command(BaseCommand):
    help = "Add the demo canned answers for replies; existing ones (by title) are kept."

    def handle(self, *args, **options):
        added = [
            title
            for title, text in CANNED_ANSWERS.items()
            if CannedAnswer.objects.get_or_create(title=title, defaults={"text": text})[1]
        ]
        self.stdout.write(
            f"Canned answers added: {len(added)}; already there: {len(CANNED_ANSWERS) - len(added)}."
        )
