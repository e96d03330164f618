"""
Editors may read the advertising claims rules (Snippets > Advertising claims
rules), so they can see the whole list their pages are checked against.

Adding, changing and deleting rules is left to administrators (superusers), and
to any group an administrator gives those permissions in Settings > Groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS_PERMISSIONS = [("claims", "claimrule", "view_claimrule")]


def let_editors_view_rules(apps, schema_editor):
    # Permissions are normally made after all migrations; this one is needed now.
    app_config = apps.get_app_config("claims")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
        for app_label, model, codename in EDITORS_PERMISSIONS
    ]
    for group in Group.objects.filter(name="Editors"):
        group.permissions.add(*permissions)


def stop_editors_viewing_rules(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(codename__in=[codename for _, _, codename in EDITORS_PERMISSIONS])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_starter_rules"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(let_editors_view_rules, stop_editors_viewing_rules)]
