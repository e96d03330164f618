"""
Wagtail's form builder (wagtail.contrib.forms) is no longer installed: no page
type here uses it. This does what ``manage.py migrate wagtailforms zero`` would
have done before it was removed, on databases that had it: its one table (which
blocks flushing the page table through its foreign key), its content types and
permissions, and its rows in Django's migration record, so that adding it back
later starts from a clean slate.
"""

from django.db import migrations

FORMS_TABLE = "wagtailforms_formsubmission"


def remove_wagtail_forms(apps, schema_editor):
    connection = schema_editor.connection
    if FORMS_TABLE in connection.introspection.table_names():
        schema_editor.execute(f"DROP TABLE {schema_editor.quote_name(FORMS_TABLE)}")
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label="wagtailforms").delete()
    schema_editor.execute("DELETE FROM django_migrations WHERE app = %s", ["wagtailforms"])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_clinic_settings_move_to_clinic"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(remove_wagtail_forms, migrations.RunPython.noop)]
