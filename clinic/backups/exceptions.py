"""
The one error of the backups package, in a module of its own because the file
format, PostgreSQL and the operations all raise it. The commands turn it into a
CommandError, message and all.
"""


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""
