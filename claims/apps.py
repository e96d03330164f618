from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    """Risky health claims in page text, pointed out to editors when they save (ASA/CAP Code)."""

    name = "claims"
    verbose_name = "Advertising claims"
