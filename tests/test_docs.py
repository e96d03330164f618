"""What docs/deploy.md and the README tell an operator to run or set exists: nothing is made up."""

import re
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import get_commands

DOCS = [Path(settings.BASE_DIR) / "docs" / "deploy.md", Path(settings.BASE_DIR) / "README.md"]
SETTINGS_SOURCE = "\n".join(
    path.read_text() for path in (Path(settings.BASE_DIR) / "clinic" / "settings").glob("*.py")
)
# Read by a module of its own rather than a setting.
CLINIC = Path(settings.BASE_DIR) / "clinic"
READ_ELSEWHERE = {
    "BACKUP_ENCRYPTION_KEY": CLINIC / "backups" / "operations.py",
    **dict.fromkeys(
        [
            "MEDIA_STORAGE",
            "AWS_STORAGE_BUCKET_NAME",
            "AWS_S3_REGION_NAME",
            "AWS_S3_ENDPOINT_URL",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_S3_CUSTOM_DOMAIN",
        ],
        CLINIC / "media_storage.py",
    ),
    **dict.fromkeys(
        [
            "FRONTEND_CACHE",
            "CLOUDFLARE_BEARER_TOKEN",
            "CLOUDFLARE_ZONE_ID",
            "CLOUDFRONT_DISTRIBUTION_ID",
            "FRONTEND_CACHE_LOCATION",
        ],
        Path(settings.BASE_DIR) / "pagecache" / "frontend.py",
    ),
}


@pytest.mark.parametrize("document", DOCS, ids=lambda path: path.name)
def test_every_management_command_the_docs_name_exists(document):
    named = set(re.findall(r"manage\.py ([a-z_]+)", document.read_text()))

    assert named
    assert named - set(get_commands()) == set()


def test_every_variable_in_the_deploy_guides_environment_file_is_read_by_the_settings():
    text = DOCS[0].read_text()
    block = text.split("/etc/clinic/clinic.env` and edit\nit):", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    variables = re.findall(r"^([A-Z_]+)=", block, flags=re.MULTILINE)

    assert len(variables) > 10
    for name in variables:
        assert f'"{name}"' in SETTINGS_SOURCE or name == "DJANGO_SETTINGS_MODULE", name


def test_every_variable_in_the_readmes_configuration_table_is_read_somewhere():
    table = DOCS[1].read_text().split("## Configuration", 1)[1].split("\n## ", 1)[0]
    variables = set(re.findall(r"^\| `([A-Z_]+)`", table, flags=re.MULTILINE))
    variables |= set(re.findall(r"`, `([A-Z_]+)`", table))

    assert len(variables) > 20
    for name in variables:
        source = READ_ELSEWHERE[name].read_text() if name in READ_ELSEWHERE else SETTINGS_SOURCE
        assert f'"{name}"' in source or name == "DJANGO_SETTINGS_MODULE", name
