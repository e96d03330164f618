"""
ClinicSettings moves to the ``clinic`` app (clinic 0001 takes it over).

Only Django's bookkeeping changes: the table is renamed to the name the clinic
app expects and keeps every row, so no clinic detail is lost.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_clinic_settings_contact_page"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.AlterModelTable("ClinicSettings", "clinic_clinicsettings")],
            state_operations=[migrations.DeleteModel("ClinicSettings")],
        ),
    ]
