"""
`manage.py backup` and `manage.py restore`: the drill that proves a backup holds
every enquiry, and what keeps backups private and honest: encrypted with a key
from the environment, owner-only files, no readable dump left on disk, the
database password never on a command line, and a changed file refused loudly.

pg_dump and pg_restore are processes of their own and see only committed rows,
so the tests that back up enquiries are transactional (``wagtail_tree``).
"""

import base64
import os
import secrets
import shutil
import stat
import tempfile
from datetime import timedelta
from io import BytesIO, StringIO
from pathlib import Path

import psycopg
import pytest
import time_machine

from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from clinic.backups.encryption import CHUNK_SIZE, FRAME, HEADER, decrypted, encrypt
from clinic.backups.exceptions import BackupError
from clinic.backups.operations import SCRATCH_PREFIX, backups_in
from enquiries.models import Enquiry, EnquiryNote, OutboxEmail
from tests.enquiries.builders import PATIENT_EMAIL, PATIENT_MESSAGE, PATIENT_NAME, patient_words_in
from tests.enquiries.factories import make_enquiry


def new_key():
    return base64.b64encode(secrets.token_bytes(32)).decode()


@pytest.fixture
def backup_dir(tmp_path, settings, monkeypatch):
    """A fresh BACKUP_DIR and key for each test, whatever this machine's environment says."""
    for name in ("BACKUP_DIR", "BACKUP_KEEP", "BACKUP_ENCRYPTION_KEY"):
        monkeypatch.delenv(name, raising=False)
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.BACKUP_ENCRYPTION_KEY = new_key()
    return settings.BACKUP_DIR


def backup():
    out = StringIO()
    call_command("backup", stdout=out)
    return out.getvalue()


def restore(*args):
    out = StringIO()
    call_command("restore", *args, stdout=out)
    return out.getvalue()


def only_backup(directory):
    [path] = backups_in(directory)
    return path


def enquiry_with_email_and_note(**fields):
    enquiry = make_enquiry(**fields)
    OutboxEmail.objects.create(enquiry=enquiry, kind=OutboxEmail.Kind.STAFF_ALERT, sent_at=timezone.now())
    EnquiryNote.objects.create(enquiry=enquiry, text="Rang back; booked for Tuesday.")
    return enquiry


def scratch_databases():
    with connection.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [SCRATCH_PREFIX])
        return [name for (name,) in cursor.fetchall()]


def readable_dumps(*directories):
    """Files that start as pg_dump's custom format does: a dump anyone with the file could read."""
    found = []
    for directory in directories:
        for path in Path(directory).iterdir():
            if not path.is_file():  # folders, sockets and pipes (which would block a read)
                continue
            try:
                with path.open("rb") as file:
                    if file.read(5) == b"PGDMP":
                        found.append(path)
            except OSError:  # another user's file: not ours
                continue
    return found


def test_backup_and_restore_drill_finds_every_enquiry(wagtail_tree, backup_dir):
    enquiries = [enquiry_with_email_and_note(name=f"Patient {number}") for number in range(3)]
    backup()
    enquiries[0].delete()  # purged since, say
    make_enquiry(name="Arrived after the backup")

    out = restore("--check")

    assert (
        "Enquiries: 3 in the backup, 3 live now (1 received since, 1 deleted since); "
        "missing from the backup: 0." in out
    )
    assert "Outbox emails: 3 in the backup, 2 live now (0 received since, 1 deleted since)" in out
    assert "Enquiry notes: 3 in the backup, 2 live now (0 received since, 1 deleted since)" in out
    assert "Backup check passed" in out
    assert scratch_databases() == []


def test_check_fails_when_enquiries_received_before_the_backup_are_not_in_it(wagtail_tree, backup_dir):
    enquiry_with_email_and_note()
    backup()
    # As if the backup had lost it: an enquiry from yesterday that the backup does not hold.
    make_enquiry(created_at=timezone.now() - timedelta(days=1))

    with pytest.raises(CommandError, match=r"FAILED: .*not in it \(enquiries: 1\)"):
        restore("--check")

    assert scratch_databases() == []


def test_backup_is_an_owner_only_encrypted_file_and_no_readable_dump_is_left(wagtail_tree, backup_dir):
    make_enquiry(name=PATIENT_NAME, email=PATIENT_EMAIL, message=PATIENT_MESSAGE)
    umask = os.umask(0)  # the most careless umask: the files must be private all the same
    try:
        out = backup()
    finally:
        os.umask(umask)

    path = only_backup(backup_dir)
    assert [p.name for p in backup_dir.iterdir()] == [path.name]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_dir.stat().st_mode) == 0o700
    content = path.read_bytes()
    assert not content.startswith(b"PGDMP")
    assert b"enquiries_enquiry" not in content
    assert patient_words_in(content.decode("latin-1")) == []
    assert readable_dumps(backup_dir, tempfile.gettempdir()) == []
    assert f"Backup written: {path}" in out
    assert patient_words_in(out) == []


def test_rotation_keeps_the_newest_backups_and_nothing_else_is_touched(db, backup_dir, settings):
    settings.BACKUP_KEEP = 3
    backup_dir.mkdir(mode=0o700)
    old = [backup_dir / f"clinic-2020010{day}T033000Z.pgdump.enc" for day in range(1, 6)]
    others = [backup_dir / name for name in ("clinic-notes.txt", "clinic-20200101T033000Z.pgdump.enc.copy")]
    for path in [*old, *others]:
        path.write_bytes(b"not ours to judge")

    out = backup()

    kept = backups_in(backup_dir)
    assert kept[:2] == old[-2:]
    assert kept[2] not in old
    assert all(path.exists() for path in others)
    assert "older backups deleted: 3" in out


@pytest.mark.parametrize(
    "key",
    ["", "not base64 at all!", base64.b64encode(b"sixteen byte key").decode()],
    ids=["missing", "not base64", "too short"],
)
def test_backup_refuses_without_a_valid_key_and_says_how_to_make_one(backup_dir, settings, key):
    settings.BACKUP_ENCRYPTION_KEY = key

    with pytest.raises(CommandError, match="BACKUP_ENCRYPTION_KEY is not") as refused:
        backup()

    assert "openssl rand -base64 32" in str(refused.value)
    assert not key or key not in str(refused.value)
    assert not backup_dir.exists()


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_a_failed_dump_leaves_no_file_and_says_why(db, backup_dir, settings):
    missing = {**settings.DATABASES["default"], "NAME": f"no_such_database_{secrets.token_hex(4)}"}
    settings.DATABASES = {**settings.DATABASES, "default": missing}

    with pytest.raises(CommandError, match=r"pg_dump failed .*does not exist"):
        backup()

    assert list(backup_dir.iterdir()) == []


def test_check_fails_when_the_backup_is_older_than_max_age(db, backup_dir):
    backup()

    with (
        time_machine.travel(timezone.now() + timedelta(hours=27)),
        pytest.raises(CommandError, match="the backup is 27.0 hours old, more than --max-age 26"),
    ):
        restore("--check", "--max-age", "26")


def test_a_backup_cannot_be_read_with_another_key(db, backup_dir, settings):
    backup()
    settings.BACKUP_ENCRYPTION_KEY = new_key()

    with pytest.raises(CommandError, match="encrypted with a different key"):
        restore("--check")

    assert scratch_databases() == []


def flip_a_byte_in_the_middle(path):
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x01
    path.write_bytes(bytes(content))


def flip_a_byte_of_the_header(path):
    content = bytearray(path.read_bytes())
    content[20] ^= 0x01  # the time the dump started
    path.write_bytes(bytes(content))


def cut_short(path):
    path.write_bytes(path.read_bytes()[:-100])


def add_to_the_end(path):
    path.write_bytes(path.read_bytes() + b"\0")


@pytest.mark.parametrize(
    "damage", [flip_a_byte_in_the_middle, flip_a_byte_of_the_header, cut_short, add_to_the_end]
)
def test_a_changed_backup_fails_loudly_before_anything_is_restored(db, backup_dir, damage):
    backup()
    path = only_backup(backup_dir)
    damage(path)

    with pytest.raises(CommandError, match="is damaged or was changed|is incomplete"):
        restore("--check")

    assert scratch_databases() == []


def test_a_backup_pg_restore_cannot_read_fails_and_its_scratch_database_is_dropped(db, backup_dir, settings):
    backup_dir.mkdir(mode=0o700)
    key = base64.b64decode(settings.BACKUP_ENCRYPTION_KEY)
    encrypted(b"not a dump at all", key, backup_dir / "clinic-20260101T033000Z.pgdump.enc")

    with pytest.raises(CommandError, match="pg_restore failed .*not appear to be a valid archive"):
        restore("--check")

    assert scratch_databases() == []


def test_restore_into_a_new_database_brings_back_every_enquiry_and_never_writes_over_one(
    wagtail_tree, backup_dir
):
    enquiries = [enquiry_with_email_and_note() for _ in range(2)]
    backup()
    path = only_backup(backup_dir)
    live = connection.settings_dict
    name = f"clinic_restored_{secrets.token_hex(4)}"
    try:
        out = restore(str(path), "--into", name)

        assert "Enquiries: 2; Outbox emails: 2; Enquiry notes: 2." in out
        with psycopg.connect(
            host=live["HOST"], port=live["PORT"], user=live["USER"], dbname=name
        ) as restored:
            references = {
                reference for (reference,) in restored.execute("SELECT reference FROM enquiries_enquiry")
            }
        assert references == {enquiry.reference for enquiry in enquiries}

        with pytest.raises(CommandError, match="already has tables"):
            restore(path.name, "--into", name)
        with pytest.raises(CommandError, match="is the live database"):
            restore(path.name, "--into", live["NAME"])
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert Enquiry.objects.count() == 2


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_the_password_reaches_pg_dump_and_pg_restore_only_through_the_environment(
    db, backup_dir, settings, tmp_path, monkeypatch, caplog
):
    password = f"hunter2-{secrets.token_hex(8)}"
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {**settings.DATABASES["default"], "PASSWORD": password},
    }
    # Stand-ins that note their command line and PGPASSWORD, then run the real tool.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("pg_dump", "pg_restore"):
        wrapper = bin_dir / tool
        wrapper.write_text(
            "#!/bin/sh\n"
            f'echo "$0 $*" >> {tmp_path}/command-lines\n'
            f'echo "$PGPASSWORD" >> {tmp_path}/passwords\n'
            f'exec {shutil.which(tool)} "$@"\n'
        )
        wrapper.chmod(0o700)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")

    out = backup() + restore("--check")

    command_lines = (tmp_path / "command-lines").read_text()
    assert "pg_dump --format=custom" in command_lines and "pg_restore" in command_lines
    assert password not in command_lines
    assert (tmp_path / "passwords").read_text().split() == [password, password]
    assert password not in out + caplog.text


def test_backup_refuses_when_pg_dump_is_missing(db, backup_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))

    with pytest.raises(CommandError, match="pg_dump was not found"):
        backup()

    assert not backup_dir.exists()


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_backup_refuses_on_sqlite(backup_dir, settings, tmp_path):
    settings.DATABASES = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": tmp_path / "db.sqlite3"}
    }

    with pytest.raises(CommandError, match="Backups need PostgreSQL, and the default database is sqlite"):
        backup()

    assert not backup_dir.exists()


def encrypted(dump, key, path):
    with path.open("wb") as target:
        encrypt(BytesIO(dump), target, key, timezone.now())
    return path


@pytest.mark.parametrize("size", [0, CHUNK_SIZE, 2 * CHUNK_SIZE + 123], ids=["empty", "one chunk", "three"])
def test_a_dump_of_any_size_comes_back_byte_for_byte(tmp_path, size):
    key, dump = secrets.token_bytes(32), secrets.token_bytes(size)

    path = encrypted(dump, key, tmp_path / "backup")

    assert b"".join(decrypted(path, key)) == dump


def frames(content):
    """A backup split into its header and its framed chunks."""
    header, rest, chunks = content[: HEADER.size], content[HEADER.size :], []
    while rest:
        _, length = FRAME.unpack(rest[: FRAME.size])
        chunks.append(rest[: FRAME.size + length])
        rest = rest[FRAME.size + length :]
    return header, chunks


@pytest.mark.parametrize(
    "rearrange",
    [lambda chunks: [chunks[1], chunks[0], chunks[2]], lambda chunks: chunks[:-1]],
    ids=["chunks swapped", "last chunk dropped"],
)
def test_chunks_moved_or_dropped_are_refused(tmp_path, rearrange):
    key = secrets.token_bytes(32)
    path = encrypted(secrets.token_bytes(2 * CHUNK_SIZE + 123), key, tmp_path / "backup")
    header, chunks = frames(path.read_bytes())
    path.write_bytes(header + b"".join(rearrange(chunks)))

    with pytest.raises(BackupError, match="is damaged or was changed|is incomplete"):
        b"".join(decrypted(path, key))
