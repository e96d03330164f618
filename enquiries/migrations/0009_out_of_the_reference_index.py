"""
Enquiries leave Wagtail's reference index (``Enquiry.wagtail_reference_index_ignore``):
the references already recorded from them go too, so no page's "Usage" lists them.
"""

from django.db import migrations


def forget_references_from_enquiries(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    enquiry = ContentType.objects.filter(app_label="enquiries", model="enquiry").first()
    if enquiry is not None:
        ReferenceIndex.objects.filter(base_content_type=enquiry).delete()
        ReferenceIndex.objects.filter(content_type=enquiry).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0008_reception_replies"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forget_references_from_enquiries, migrations.RunPython.noop)]
