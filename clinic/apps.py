from django.apps import AppConfig


class ClinicConfig(AppConfig):
    """The project package, installed so it can own site-wide commands."""

    name = "clinic"
    verbose_name = "Clinic site"
