"""
What ``manage.py backup`` and ``manage.py restore`` do, put together from the
file format (``encryption``) and PostgreSQL's tools (``postgres``): where backups
are kept and how many, writing one, and restoring one into a scratch database to
compare with the live one, or into a new database for a recovery.
"""

import fcntl
import logging
import os
import re
import secrets
import signal
import subprocess
import tempfile
import threading
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, timedelta
from pathlib import Path

import psycopg
from psycopg import sql

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from .encryption import BackupFile, decrypted, encrypt, key_id, open_backup, parse_key, verify
from .exceptions import BackupError
from .postgres import (
    client_arguments,
    client_tool,
    connect,
    create_database,
    drop_database,
    live_database,
    running,
)

logger = logging.getLogger(__name__)

DEFAULT_KEEP = 14

# clinic-20261202T033000Z.pgdump.enc, with -2, -3... for a second one in the same second.
NAME_PATTERN = re.compile(r"^clinic-(\d{8}T\d{6}Z)(?:-(\d+))?\.pgdump\.enc$")
PARTIAL_PREFIX, PARTIAL_SUFFIX = ".clinic-", ".partial"
SCRATCH_PREFIX = "clinic_restore_check_"
DATABASE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# What a check compares, by a key that stays the same in a restored copy.
COMPARED = (
    ("Enquiries", "enquiries.Enquiry", "reference"),
    ("Outbox emails", "enquiries.OutboxEmail", "id"),
    ("Enquiry notes", "enquiries.EnquiryNote", "id"),
)
# A row's created_at is stamped before its transaction commits, so one that
# committed just as pg_dump took its snapshot can carry an earlier time than the
# backup's. Rows older than this margin must be in the backup.
IN_FLIGHT_MARGIN = timedelta(minutes=1)


# Settings ---------------------------------------------------------------------


def _setting_or_environment(name, default=""):
    """A BACKUP_* setting, or else the environment variable of that name, or else ``default``."""
    value = getattr(settings, name, None)
    if value in (None, ""):
        value = os.environ.get(name, "")
    return default if value in (None, "") else value


def backup_dir():
    return Path(_setting_or_environment("BACKUP_DIR", settings.BASE_DIR / "backups"))


def keep_count():
    value = _setting_or_environment("BACKUP_KEEP", DEFAULT_KEEP)
    try:
        keep = int(value)
    except (TypeError, ValueError):
        keep = 0
    if keep < 1:
        raise BackupError(
            f"BACKUP_KEEP must be a whole number of backups to keep, 1 or more (it is {value!r})."
        )
    return keep


def encryption_key():
    """The 32-byte key from BACKUP_ENCRYPTION_KEY."""
    return parse_key(_setting_or_environment("BACKUP_ENCRYPTION_KEY"))


# Backup files on disk ---------------------------------------------------------


def _order(path):
    stamp, number = NAME_PATTERN.match(path.name).groups()
    return stamp, int(number or 1)


def backups_in(directory):
    """The backups this code made in ``directory``, oldest first; nothing else there counts."""
    if not directory.is_dir():
        return []
    found = [path for path in directory.iterdir() if NAME_PATTERN.match(path.name) and path.is_file()]
    return sorted(found, key=_order)


def find_backup(name=None):
    """The backup called ``name`` (a path, or a name in BACKUP_DIR), or else the newest one."""
    directory = backup_dir()
    if name:
        path = Path(name)
        if not path.exists() and not path.is_absolute() and (directory / path).exists():
            path = directory / path
        return path
    found = backups_in(directory)
    if not found:
        raise BackupError(f"There are no backups in {directory}.")
    return found[-1]


def rotate(directory, keep):
    """Delete all but the newest ``keep`` backups; returns the paths deleted."""
    deleted = backups_in(directory)[:-keep]
    for path in deleted:
        path.unlink()
    return deleted


def _prepare_directory(directory):
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    if directory.stat().st_mode & 0o077:
        try:
            directory.chmod(0o700)
        except PermissionError:
            logger.warning("Could not make %s private (mode 700); each backup file is still 600.", directory)


@contextmanager
def _only_backup_running(directory):
    """
    Lock the directory itself, so two runs (a slow one and the next from cron)
    never name or rotate files at once. Yields its descriptor, for fsync.
    """
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BackupError(f"Another backup is writing to {directory}; try again later.") from None
        yield descriptor
    finally:
        os.close(descriptor)


def _new_path(directory, started_at):
    stamp = started_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    path, number = directory / f"clinic-{stamp}.pgdump.enc", 1
    while path.exists():
        number += 1
        path = directory / f"clinic-{stamp}-{number}.pgdump.enc"
    return path


@contextmanager
def stopped_cleanly():
    """
    Turn SIGTERM (cron or systemd giving up on a run) into SystemExit, so that the
    clean-up in ``finally`` blocks still runs: no partial file, no scratch copy of
    the data left in PostgreSQL.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# Backing up -------------------------------------------------------------------


@dataclass(frozen=True)
class BackupResult:
    backup: BackupFile
    kept: int
    deleted: list


def create_backup():
    """Dump the live database into a new encrypted backup in BACKUP_DIR, then rotate."""
    database, key, keep = live_database(), encryption_key(), keep_count()
    client_tool("pg_dump")  # before anything is written
    directory = backup_dir()
    _prepare_directory(directory)
    with _only_backup_running(directory) as directory_descriptor:
        # Under the lock no other backup is writing, so any partial file is an interrupted run's.
        for stale in directory.glob(f"{PARTIAL_PREFIX}*{PARTIAL_SUFFIX}"):
            stale.unlink()
        started_at = timezone.now()
        path = _new_path(directory, started_at)
        # mkstemp creates the file with mode 600 whatever the umask.
        descriptor, partial = tempfile.mkstemp(dir=directory, prefix=PARTIAL_PREFIX, suffix=PARTIAL_SUFFIX)
        try:
            with os.fdopen(descriptor, "wb") as target:
                arguments = ["--format=custom", *client_arguments(database, database["NAME"])]
                with running("pg_dump", arguments, database, stdout=subprocess.PIPE) as dump:
                    encrypt(dump.stdout, target, key, started_at)
                target.flush()
                os.fsync(target.fileno())
            os.replace(partial, path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        os.fsync(directory_descriptor)  # the new name survives a power cut
        deleted = rotate(directory, keep)
    backup = BackupFile(path, started_at, path.stat().st_size)
    logger.info(
        "Backup written: %s (%d bytes, key id %s); %d older deleted, keeping %d.",
        path,
        backup.size,
        key_id(key).hex(),
        len(deleted),
        keep,
    )
    return BackupResult(backup, keep, deleted)


# Restoring --------------------------------------------------------------------


def _pg_restore(path, key, database, dbname):
    """Stream the decrypted dump into pg_restore, in one transaction: all of it or nothing."""
    arguments = [
        "--single-transaction",
        "--exit-on-error",
        # Objects belong to whoever restores them (the site's own role), with no
        # grants to roles the new server may not have.
        "--no-owner",
        "--no-privileges",
        *client_arguments(database, dbname),
    ]
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.DEVNULL}
    # A broken pipe means pg_restore gave up: its exit status and errors say why.
    with running("pg_restore", arguments, database, **pipes) as restore, suppress(BrokenPipeError):
        for chunk in decrypted(path, key):
            restore.stdin.write(chunk)


def _compared():
    return [(label, apps.get_model(model), field) for label, model, field in COMPARED]


def _keys_in(connection, model, field):
    query = sql.SQL("SELECT {} FROM {}").format(
        sql.Identifier(model._meta.get_field(field).column), sql.Identifier(model._meta.db_table)
    )
    try:
        return {key for (key,) in connection.execute(query)}
    except psycopg.errors.UndefinedTable:
        raise BackupError(f"The backup has no {model._meta.db_table} table.") from None


def restore_into(path, dbname):
    """
    Restore ``path`` into ``dbname``, created if it does not exist and refused if
    it has tables, so a restore never writes over a database in use. Returns the
    backup and how many enquiries, outbox emails and notes it brought back.
    """
    database, key = live_database(), encryption_key()
    if not DATABASE_NAME.match(dbname):
        raise BackupError(f"{dbname!r} is not a database name this command accepts (a-z, 0-9 and _).")
    if dbname == database["NAME"]:
        raise BackupError(f"{dbname} is the live database: restore into a new one, then switch DATABASE_URL.")
    if dbname in {"postgres", "template0", "template1"}:
        raise BackupError(f"{dbname} is one of PostgreSQL's own databases.")
    backup = open_backup(path, key)
    verify(path, key)
    with connect(database, database["NAME"]) as connection:
        existed = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone()
    if existed:
        with connect(database, dbname) as target:
            tables = target.execute(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
            ).fetchone()[0]
        if tables:
            raise BackupError(f"{dbname} already has tables; restore only into a new, empty database.")
    try:
        if not existed:
            create_database(database, dbname)
        _pg_restore(path, key, database, dbname)
    except BaseException:
        if not existed:
            drop_database(database, dbname)
        raise
    with connect(database, dbname) as restored:
        counts = {label: len(_keys_in(restored, model, field)) for label, model, field in _compared()}
    logger.info("Restored %s into %s: %s.", path, dbname, counts)
    return backup, counts


@dataclass(frozen=True)
class Comparison:
    """One kind of row, in the backup and in the live database."""

    label: str
    in_backup: int
    live: int
    received_since: int  # live, not in the backup, and newer than it: expected
    deleted_since: int  # in the backup, gone from the live database (purged or erased): expected
    missing: int  # live, older than the backup, yet not in it: the backup would lose them


def _compare(label, model, field, backup_keys, cutoff):
    live = dict(model.objects.values_list(field, "created_at"))
    not_in_backup = [created_at for key, created_at in live.items() if key not in backup_keys]
    missing = sum(created_at < cutoff for created_at in not_in_backup)
    return Comparison(
        label=label,
        in_backup=len(backup_keys),
        live=len(live),
        received_since=len(not_in_backup) - missing,
        deleted_since=len(backup_keys - live.keys()),
        missing=missing,
    )


def check(path):
    """
    Restore ``path`` into a scratch database, which is always dropped, and
    compare its enquiries, outbox emails and notes with the live ones.

    A backup passes when it holds every row the live database has that was
    received before the backup started. Rows received since, and rows deleted
    since (by purge_enquiries or an erasure request), are counted but expected.
    """
    database, key = live_database(), encryption_key()
    backup = open_backup(path, key)
    verify(path, key)
    scratch = SCRATCH_PREFIX + secrets.token_hex(6)
    try:
        create_database(database, scratch)
        _pg_restore(path, key, database, scratch)
        with connect(database, scratch) as restored:
            in_backup = {label: _keys_in(restored, model, field) for label, model, field in _compared()}
    finally:
        drop_database(database, scratch)
    cutoff = backup.started_at - IN_FLIGHT_MARGIN
    comparisons = [_compare(*compared, in_backup[compared[0]], cutoff) for compared in _compared()]
    for c in comparisons:
        logger.info(
            "Checked %s: %s %d in the backup, %d live, %d missing.",
            path,
            c.label,
            c.in_backup,
            c.live,
            c.missing,
        )
    if any(c.missing for c in comparisons):
        logger.error("Backup check failed: %s lacks rows received before it was taken.", path)
    return backup, comparisons
