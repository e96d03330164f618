"""
The "Reception" group: the staff who triage enquiries.

They may use the admin, view and change enquiries (triage fields only), add
notes and export. Deleting enquiries is left to administrators. Editors and
Moderators get nothing here, so they see no trace of enquiries.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RECEPTION_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("enquiries", "enquiry", "view_enquiry"),
    ("enquiries", "enquiry", "change_enquiry"),
    ("enquiries", "enquiry", "export_enquiry"),
    ("enquiries", "enquirynote", "view_enquirynote"),
    ("enquiries", "enquirynote", "add_enquirynote"),
]


def create_reception_group(apps, schema_editor):
    # Permissions are normally made after all migrations; this group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Reception")
    for app_label, model, codename in RECEPTION_PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, content_type__model=model, codename=codename)
        )


def remove_reception_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Reception").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0002_triage"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # After Wagtail's migrations that hand choose permissions to every group with
        # admin access: reception staff triage enquiries, they do not pick documents.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_reception_group, remove_reception_group)]
