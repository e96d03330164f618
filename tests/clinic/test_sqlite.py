"""`make run`'s SQLite database takes two writers at once, as an editor's autosave and preview do."""

import json
import subprocess
import sys

from django.conf import settings

# Two threads, released together, each read and then write in one transaction.
TWO_WRITERS = """
import json, sys, threading, time
import django
from django.conf import settings
if sys.argv[1] == "without-our-options":
    settings.DATABASES["default"]["OPTIONS"] = {}
django.setup()
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE autosave (writer integer)")
barrier = threading.Barrier(2)
errors = []

def write(number):
    try:
        barrier.wait(timeout=10)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM autosave")
            time.sleep(0.3)
            cursor.execute("INSERT INTO autosave VALUES (%s)", [number])
    except Exception as error:
        errors.append(str(error))
    finally:
        connection.close()

threads = [threading.Thread(target=write, args=(number,)) for number in (1, 2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM autosave")
    rows = cursor.fetchone()[0]
    cursor.execute("PRAGMA journal_mode")
    journal = cursor.fetchone()[0]
print(json.dumps({"errors": errors, "rows": rows, "journal": journal}))
"""


def two_writers(tmp_path, variant):
    environment = {
        "DJANGO_SETTINGS_MODULE": "clinic.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", TWO_WRITERS, variant],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_two_writers_at_once_both_succeed(tmp_path):
    outcome = two_writers(tmp_path, "with-our-options")

    assert outcome == {"errors": [], "rows": 2, "journal": "wal"}


def test_without_the_options_one_writer_gets_database_is_locked(tmp_path):
    """What editors saw before: the reason the options are there."""
    outcome = two_writers(tmp_path, "without-our-options")

    assert outcome["errors"] == ["database is locked"]
    assert outcome["rows"] == 1
