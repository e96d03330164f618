"""pages 0004 takes Wagtail's form builder out of a database that had it (`migrate wagtailforms zero`)."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from tests.migrator import migrate

pytestmark = pytest.mark.django_db


def test_the_form_builders_table_content_types_and_migration_record_are_removed():
    migrate(("pages", "0003_clinic_settings_move_to_clinic"))
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE wagtailforms_formsubmission (id serial PRIMARY KEY,"
            " page_id integer NOT NULL REFERENCES wagtailcore_page (id) DEFERRABLE INITIALLY DEFERRED)"
        )
    ContentType.objects.create(app_label="wagtailforms", model="formsubmission")
    MigrationRecorder.Migration.objects.create(app="wagtailforms", name="0001_initial")

    migrate()

    assert "wagtailforms_formsubmission" not in connection.introspection.table_names()
    assert not ContentType.objects.filter(app_label="wagtailforms").exists()
    assert not MigrationRecorder.Migration.objects.filter(app="wagtailforms").exists()
