"""
`manage.py restore`: prove a backup can be restored (--check), or restore it
into a new database (--into) for a recovery. It never writes to the live database.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from clinic import backups


class Command(BaseCommand):
    help = (
        "--check [FILE]: restore a backup (default: the newest) into a scratch database, always "
        "dropped, and compare its enquiries, outbox emails and notes with the live ones; fails if any "
        "received before the backup are missing. FILE --into NAME: restore into a new, empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="A backup file: a path, or a name in BACKUP_DIR.")
        mode = parser.add_mutually_exclusive_group(required=True)
        mode.add_argument(
            "--check", action="store_true", help="Restore into a scratch database and compare counts."
        )
        mode.add_argument(
            "--into", metavar="DATABASE", help="Restore into this database: new, or empty of tables."
        )
        parser.add_argument(
            "--max-age",
            type=float,
            metavar="HOURS",
            help="With --check: fail too if the backup is older than this (so a stopped cron shows).",
        )

    def handle(self, *args, file, check, into, max_age, **options):
        if into and not file:
            raise CommandError("Say which backup to restore: manage.py restore FILE --into DATABASE.")
        if max_age is not None and not check:
            raise CommandError("--max-age goes with --check.")
        self.verbose = options["verbosity"] > 0
        try:
            with backups.stopped_cleanly():
                path = backups.find_backup(file)
                if check:
                    self.check_backup(path, max_age)
                else:
                    self.restore_backup(path, into)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None

    def say(self, line):
        if self.verbose:
            self.stdout.write(line)

    def describe(self, backup):
        age = timezone.now() - backup.started_at
        return (
            f"{backup.path} (taken {timezone.localtime(backup.started_at):%Y-%m-%d %H:%M %Z}, "
            f"{age.total_seconds() / 3600:.1f} hours ago; {backup.size:,} bytes)"
        )

    def check_backup(self, path, max_age):
        backup, comparisons = backups.check(path)
        self.say(f"Checked {self.describe(backup)}: restored into a scratch database, since dropped.")
        for c in comparisons:
            self.say(
                f"{c.label}: {c.in_backup} in the backup, {c.live} live now ({c.received_since} received "
                f"since, {c.deleted_since} deleted since); missing from the backup: {c.missing}."
            )
        missing = [f"{c.label.lower()}: {c.missing}" for c in comparisons if c.missing]
        if missing:
            raise CommandError(
                "Backup check FAILED: rows received before the backup was taken are not in it "
                f"({', '.join(missing)}). Restoring it would lose them: do not rely on it."
            )
        hours = (timezone.now() - backup.started_at).total_seconds() / 3600
        if max_age is not None and hours > max_age:
            raise CommandError(
                f"Backup check FAILED: the backup is {hours:.1f} hours old, more than --max-age "
                f"{max_age:g}. Is the backup cron job running?"
            )
        self.say(
            self.style.SUCCESS(
                "Backup check passed: it holds every enquiry, outbox email and note received before it."
            )
        )

    def restore_backup(self, path, into):
        backup, counts = backups.restore_into(path, into)
        self.say(f"Restored {self.describe(backup)} into the database {into}.")
        self.say("; ".join(f"{label}: {count}" for label, count in counts.items()) + ".")
        self.say(
            "Next: point DATABASE_URL at it, run `manage.py migrate`, restart the site and the worker, "
            "and redo any erasure requests carried out since the backup was taken."
        )
