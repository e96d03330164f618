"""
`manage.py backup`: an encrypted pg_dump of the live database into BACKUP_DIR.

Run it daily from cron (see README), and `manage.py restore --check` after it:
a backup nobody has restored is only a hope.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from clinic import backups


class Command(BaseCommand):
    help = (
        "Back up the database: pg_dump --format=custom, encrypted with BACKUP_ENCRYPTION_KEY, into "
        "BACKUP_DIR (mode 600), keeping the newest BACKUP_KEEP backups. Prints paths and counts only."
    )

    def handle(self, *args, **options):
        try:
            with backups.stopped_cleanly():
                result = backups.create_backup()
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        if options["verbosity"] > 0:
            backup = result.backup
            self.stdout.write(
                f"Backup written: {backup.path} ({backup.size:,} bytes, taken "
                f"{timezone.localtime(backup.started_at):%Y-%m-%d %H:%M %Z})."
            )
            self.stdout.write(
                f"Keeping the newest {result.kept}; older backups deleted: {len(result.deleted)}."
            )
