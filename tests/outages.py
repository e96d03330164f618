"""Outages the tests cause for real: a database or a cache that refuses connections."""

from contextlib import contextmanager

from django.db import connection

from tests.ports import free_port_below_ephemeral_range


@contextmanager
def database_refusing_connections():
    """Within the block, every attempt to reach the database is refused, as when PostgreSQL is down."""
    saved = {key: connection.settings_dict[key] for key in ("HOST", "PORT")}
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(free_port_below_ephemeral_range()))
    try:
        yield
    finally:
        connection.settings_dict.update(saved)
        connection.close()
