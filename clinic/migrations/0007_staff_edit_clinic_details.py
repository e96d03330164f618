"""
Staff keep the clinic's details without an administrator: Editors and
Moderators change Settings > Clinic details and the closures, and Reception,
who hear first about a day off, keep the closures too.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CLOSURES = [("clinic", "closure", f"{action}_closure") for action in ("view", "add", "change", "delete")]
CLINIC_DETAILS = [("clinic", "clinicsettings", "change_clinicsettings"), *CLOSURES]
GROUP_PERMISSIONS = {"Editors": CLINIC_DETAILS, "Moderators": CLINIC_DETAILS, "Reception": CLOSURES}


def permissions(apps, wanted):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )
        for app_label, model, codename in wanted
    ]


def let_staff_edit(apps, schema_editor):
    # Permissions are normally made after all migrations; these are needed now.
    app_config = apps.get_app_config("clinic")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS):
        group.permissions.add(*permissions(apps, GROUP_PERMISSIONS[group.name]))


def leave_it_to_administrators(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS):
        group.permissions.remove(*permissions(apps, GROUP_PERMISSIONS[group.name]))


class Migration(migrations.Migration):
    dependencies = [
        ("clinic", "0006_structured_opening_hours"),
        ("enquiries", "0003_reception_group"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(let_staff_edit, leave_it_to_administrators)]
