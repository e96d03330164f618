"""Filters for the enquiries inbox."""

import django_filters

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.permissions import policy_registry

from enquiries.models import Enquiry, EnquirySettings, Status, treatments

ME = "me"
NOBODY = "nobody"


class EnquiryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices, empty_label="Any status")
    urgent = django_filters.BooleanFilter(label="Urgent warning sign")
    overdue = django_filters.BooleanFilter(label="Overdue", method="filter_overdue")
    unanswered = django_filters.BooleanFilter(label="Waiting for a reply", method="filter_unanswered")
    suspected_spam = django_filters.BooleanFilter(label="Suspected spam")
    treatment = django_filters.ModelChoiceFilter(queryset=lambda request: treatments(), label="Treatment")
    assignee = django_filters.ChoiceFilter(
        label="Assigned to", method="filter_assignee", empty_label="Anyone"
    )
    received = django_filters.DateFromToRangeFilter(
        field_name="created_at", label="Received", widget=DateRangePickerWidget
    )

    class Meta:
        model = Enquiry
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        staff = policy_registry.get_by_type(Enquiry).users_with_permission("change").order_by("username")
        self.filters["assignee"].extra["choices"] = [
            (ME, "Me"),
            (NOBODY, "Nobody"),
            *((str(user.pk), user.get_full_name() or user.get_username()) for user in staff),
        ]

    def filter_assignee(self, queryset, name, value):
        if value == ME:
            return queryset.filter(assignee=self.request.user)
        if value == NOBODY:
            return queryset.filter(assignee=None)
        return queryset.filter(assignee_id=value)

    def filter_unanswered(self, queryset, name, value):
        if value is None:
            return queryset
        unanswered = Enquiry.objects.unanswered()
        return queryset.filter(pk__in=unanswered) if value else queryset.exclude(pk__in=unanswered)

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        working_days = EnquirySettings.for_request(self.request).reply_within_working_days
        overdue = Enquiry.objects.overdue(working_days)
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)
