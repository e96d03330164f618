from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The clinic's public pages: treatment content, site structure and clinic details."""

    name = "pages"
    verbose_name = "Pages"

    def ready(self):
        from pages.image_filters import parse_filters_once

        parse_filters_once()
