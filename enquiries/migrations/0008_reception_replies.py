"""
Reception may reply to enquiries from the inbox and keep the canned answers
they start from. Editors and Moderators still get nothing about enquiries.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECEPTION_REPLY_PERMISSIONS = [
    ("enquiries", "enquiry", "reply_enquiry"),
    ("enquiries", "cannedanswer", "view_cannedanswer"),
    ("enquiries", "cannedanswer", "add_cannedanswer"),
    ("enquiries", "cannedanswer", "change_cannedanswer"),
    ("enquiries", "cannedanswer", "delete_cannedanswer"),
]


def permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return [
        Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
        for app_label, model, codename in RECEPTION_REPLY_PERMISSIONS
    ]


def give_reception_replies(apps, schema_editor):
    # Permissions are normally made after all migrations; these are needed now.
    app_config = apps.get_app_config("enquiries")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Reception").first()
    if group is not None:
        group.permissions.add(*permissions(apps))


def take_back_replies(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Reception").first()
    if group is not None:
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("enquiries", "0007_replies")]

    operations = [migrations.RunPython(give_reception_replies, take_back_replies)]
