"""
The database cache's table, for sites with no Redis (``CACHE_URL`` unset), so
that ``migrate`` alone sets a new server up. With Redis configured it does
nothing; ``manage.py createcachetable`` makes the table later if a site stops
using Redis.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("clinic", "0003_clinic_settings_map_url")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=True)]
