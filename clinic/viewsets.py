"""The admin's Settings > Closures: days the clinic is closed besides bank holidays."""

from wagtail.snippets.views.snippets import SnippetViewSet

from clinic.models import Closure


class ClosureViewSet(SnippetViewSet):
    model = Closure
    icon = "date"
    menu_label = "Closures"
    add_to_settings_menu = True  # beside Clinic details, where the opening hours are
    list_display = ["reason", "first_day", "last_day"]
    ordering = ["-first_day"]
    search_fields = None  # a handful of rows: the list is enough
