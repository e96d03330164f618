"""
Photos lose what the camera wrote into them when they are uploaded.

A phone photo of the treatment room can carry where and when it was taken and
the phone's make and serial number (EXIF, XMP); Wagtail copies that into every
resized image a page shows. Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``,
used by every upload in the admin) saves the picture without it instead, turned
the way the camera meant and with its colour profile kept.
"""

from io import BytesIO

from PIL import Image as PILImage
from PIL import ImageOps

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.forms import BaseImageForm

ORIENTATION = 0x0112
# How each format is written again: JPEGs keep their own quality where nothing
# needs turning, so a photo is not made worse by being cleaned.
SAVE_OPTIONS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 90},
    "AVIF": {"quality": 80},
}
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Raw profile type exif"}


def carries_metadata(picture):
    return bool(picture.getexif()) or any(key in picture.info for key in METADATA_KEYS)


def without_metadata(upload):
    """``upload`` itself if it carries nothing to remove, else a clean copy under the same name."""
    upload.seek(0)
    try:
        with PILImage.open(upload) as picture:
            if picture.format not in SAVE_OPTIONS or not carries_metadata(picture):
                return upload
            options = {**SAVE_OPTIONS[picture.format]}
            if picture.info.get("icc_profile"):
                options["icc_profile"] = picture.info["icc_profile"]
            upright = picture.getexif().get(ORIENTATION, 1) == 1
            if picture.format == "JPEG" and upright:
                options.update(quality="keep", subsampling="keep")
                cleaned = picture
            else:
                cleaned = ImageOps.exif_transpose(picture)
            output = BytesIO()
            cleaned.save(output, format=picture.format, **options)
    except (OSError, ValueError) as error:
        raise ValidationError(
            "This image could not be read to remove its camera details. "
            "Save it again as a JPEG or PNG and upload that.",
            code="unreadable",
        ) from error
    return SimpleUploadedFile(upload.name, output.getvalue(), content_type=upload.content_type)


class ImageForm(BaseImageForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None or "file" not in self.changed_data:
            return upload
        return without_metadata(upload)
