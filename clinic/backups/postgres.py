"""
Talking to PostgreSQL: its client tools pg_dump and pg_restore, and psycopg for
the few statements a restore needs of its own. Kept apart so that how the server
is reached, and how the password is kept out of sight while doing so, is in one
place.

The password reaches pg_dump and pg_restore through ``PGPASSWORD``, never their
command lines, and their errors are cut down to their own lines, since the
server's DETAIL and CONTEXT lines can quote stored rows.
"""

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager, suppress

import psycopg
from psycopg import sql

from django.conf import settings
from django.db.utils import load_backend

from .exceptions import BackupError

# libpq connection parameters Django's OPTIONS may carry, and the variables that
# give them to pg_dump and pg_restore.
LIBPQ_ENVIRONMENT = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


def live_database():
    """The default database's settings, once they are known to be PostgreSQL's."""
    database = settings.DATABASES["default"]
    vendor = load_backend(database["ENGINE"]).DatabaseWrapper.vendor
    if vendor != "postgresql":
        raise BackupError(
            f"Backups need PostgreSQL, and the default database is {vendor}. (The SQLite file "
            "`make run` uses is backed up by copying db.sqlite3 while the server is stopped.)"
        )
    return database


# The client tools ---------------------------------------------------------------


def client_tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client of the server's version "
            "or newer (Debian: apt-get install postgresql-client)."
        )
    return path


def client_arguments(database, dbname):
    arguments = ["--no-password"]  # never wait for a prompt that cron cannot answer
    if database.get("HOST"):
        arguments += ["--host", database["HOST"]]
    if database.get("PORT"):
        arguments += ["--port", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["--username", database["USER"]]
    return [*arguments, "--dbname", dbname]


def _client_environment(database):
    environment = dict(os.environ)
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = database["PASSWORD"]
    for option, variable in LIBPQ_ENVIRONMENT.items():
        if database.get("OPTIONS", {}).get(option) is not None:
            environment[variable] = str(database["OPTIONS"][option])
    return environment


def _tool_errors(stream):
    """
    What pg_dump or pg_restore said went wrong: their own lines only. PostgreSQL's
    DETAIL and CONTEXT lines that follow can quote stored rows, so they are left out.
    """
    stream.seek(0)
    lines = stream.read().decode("utf-8", "replace").splitlines()
    said = [line[:300] for line in lines if line.startswith(("pg_dump:", "pg_restore:"))]
    return "; ".join(said[:5]) or "no message"


@contextmanager
def running(tool, arguments, database, **pipes):
    """
    Run pg_dump or pg_restore with the password in its environment, not on its
    command line. Stopped if the caller fails; a BackupError if it fails itself.
    """
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(  # noqa: S603 (our own arguments, no shell)
            [client_tool(tool), *arguments], stderr=errors, env=_client_environment(database), **pipes
        )
        try:
            yield process
        except BaseException:
            process.kill()  # a restore's transaction is rolled back
            raise
        finally:
            for pipe in (process.stdin, process.stdout):
                if pipe:
                    with suppress(BrokenPipeError):
                        pipe.close()
            returncode = process.wait()
        if returncode:
            raise BackupError(f"{tool} failed (exit status {returncode}): {_tool_errors(errors)}")


# Connections and databases ------------------------------------------------------


def connect(database, dbname):
    options = {key: value for key, value in database.get("OPTIONS", {}).items() if key in LIBPQ_ENVIRONMENT}
    parameters = {key: database.get(key.upper()) for key in ("host", "port", "user", "password")}
    parameters = {key: value for key, value in parameters.items() if value}
    try:
        return psycopg.connect(dbname=dbname, autocommit=True, **parameters, **options)
    except psycopg.OperationalError as error:
        # libpq's message names the host, port, user and database, never the password.
        raise BackupError(f"Cannot connect to PostgreSQL: {str(error).strip()}") from None


def create_database(database, name):
    """An empty database with the live one's encoding and locale."""
    with connect(database, database["NAME"]) as connection:
        encoding, collate, ctype = connection.execute(
            "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database "
            "WHERE datname = current_database()"
        ).fetchone()
        create = sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING {} LC_COLLATE {} LC_CTYPE {}")
        try:
            connection.execute(
                create.format(sql.Identifier(name), *map(sql.Literal, (encoding, collate, ctype)))
            )
        except psycopg.errors.InsufficientPrivilege:
            raise BackupError(
                f"The database user may not create databases, which a restore needs: "
                f"ALTER ROLE {database.get('USER') or 'the_site_user'} CREATEDB; (as a superuser)."
            ) from None


def drop_database(database, name):
    with connect(database, database["NAME"]) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
