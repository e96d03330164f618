"""
Run the project's migrations back and forth inside a test, to check that a
migration that moves data keeps it.

Everything happens in the test's transaction (PostgreSQL can roll back schema
changes), so the database is whole again afterwards, whatever the test did.
"""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(*targets):
    """
    Migrate to ``targets`` ((app, migration) pairs; migration None unapplies the
    whole app, and no targets means the latest state) and return the historical
    models of that state, as ``apps.get_model`` gives them in a migration.
    """
    executor = MigrationExecutor(connection)
    targets = list(targets) or executor.loader.graph.leaf_nodes()
    # Foreign keys are checked as each row is written, not at the end: in one
    # transaction, a check still pending would block the next ALTER TABLE. (On a
    # real deployment each migration commits on its own.)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        try:
            executor.migrate(targets)
        finally:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    # The state of every migration now applied, as `manage.py migrate` would build it.
    return MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps
