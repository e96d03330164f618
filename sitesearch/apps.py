from django.apps import AppConfig


class SiteSearchConfig(AppConfig):
    """
    The public site search at /search/. Named apart from ``wagtail.search``,
    whose index it reads, so the two are never confused in imports.
    """

    name = "sitesearch"
    label = "sitesearch"
    verbose_name = "Site search"
