"""
Encrypted backups of the database, and the restores that prove they can be used.

``manage.py backup`` streams ``pg_dump --format=custom`` through AES-256-GCM
straight into ``BACKUP_DIR``, so no readable dump ever touches a disk, and keeps
the newest ``BACKUP_KEEP``. ``manage.py restore`` reads a backup back: ``--check``
restores it into a scratch database that is always dropped and compares what it
holds with the live database; ``--into`` restores it into a new, empty database
for a real recovery. Nothing here restores over the live database.

Messages and logs give paths, sizes and counts, never the database's content
and never the password.

The package is split by concern: ``encryption`` is the file format, ``postgres``
talks to PostgreSQL and its client tools, and ``operations`` puts the two
together. What the commands use is re-exported here:

- ``create_backup()``: a new backup in BACKUP_DIR, then the oldest beyond
  BACKUP_KEEP deleted;
- ``find_backup(name=None)``: a backup by path or by name in BACKUP_DIR, or else
  the newest;
- ``check(path)``: restore into a scratch database, always dropped, and compare
  it with the live one;
- ``restore_into(path, dbname)``: restore into a new, empty database;
- ``stopped_cleanly()``: a context in which SIGTERM still runs the clean-up;
- ``BackupError``: why any of them cannot go on.
"""

from .exceptions import BackupError
from .operations import check, create_backup, find_backup, restore_into, stopped_cleanly

__all__ = ["BackupError", "check", "create_backup", "find_backup", "restore_into", "stopped_cleanly"]
