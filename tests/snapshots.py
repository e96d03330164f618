"""
Whole-database snapshots for the test suite, so that an expensive site is built
once per session and put back in tens of milliseconds.

Building the demo site takes seconds (Pillow draws its images, Wagtail saves a
revision and a search-index entry for every page); copying its rows back from a
schema of their own takes about 50 ms. Restoring works the same inside a test's
transaction (rolled back with it) and in a transactional test (committed, and
flushed by Django afterwards), so one snapshot serves both kinds of test.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction

from wagtail.permissions import policy_registry

# Django's record of applied migrations belongs to the database, not to its content.
KEPT_AS_IS = {"django_migrations"}


def _quote(name):
    return connection.ops.quote_name(name)


class DatabaseSnapshot:
    """The rows of every table in the public schema, copied into the schema ``name``."""

    def __init__(self, name):
        self.schema = _quote(name)
        self.tables = []

    def take(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            self.tables = [_quote(name) for (name,) in cursor.fetchall() if name not in KEPT_AS_IS]
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")
            cursor.execute(f"CREATE SCHEMA {self.schema}")
            for table in self.tables:
                cursor.execute(f"CREATE TABLE {self.schema}.{table} AS TABLE public.{table}")

    def restore(self):
        """
        Replace every row with the snapshot's. Django's foreign keys are
        deferrable, so rows go in in any order and are checked once at the end.
        """
        with transaction.atomic(), connection.cursor() as cursor:
            # Checks already pending (from rows a fixture just wrote) would block the deletes.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in self.tables:
                cursor.execute(f"DELETE FROM public.{table}")
            for table in self.tables:
                cursor.execute(f"INSERT INTO public.{table} SELECT * FROM {self.schema}.{table}")
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        forget_cached_rows()

    def drop(self):
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.schema} CASCADE")


def forget_cached_rows():
    """
    Forget what the process cached from rows that may now have other ids: content
    types (a flush or a restore renumbers them; Django and Wagtail's permission
    policies both keep them) and whatever Django's cache holds, such as Wagtail's
    site root paths. On a real server ids never change, so only tests need this.
    """
    ContentType.objects.clear_cache()
    policies = [
        *policy_registry.values_by_exact_class.values(),
        *policy_registry.values_by_class.values(),
        *policy_registry.fallback_policies.values(),
    ]
    for policy in policies:
        policy.__dict__.pop("_content_type", None)
    cache.clear()
