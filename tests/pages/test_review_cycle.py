"""
The review cycle: the admin's report of health pages due for review (with its
spreadsheet), the weekly reminder to each page's owner through the task queue,
and the optional "Clinical review" sign-off by a registered practitioner.
"""

import datetime
from io import StringIO

import pytest
import time_machine

from django.core.management import call_command

from wagtail.models import GroupApprovalTask, Workflow

from pages.models import ConditionPage, TreatmentPage
from tests.factories import make_user

TODAY = datetime.date(2026, 12, 3)


@pytest.fixture
def review_dates(demo_site):
    """Sciatica overdue, neck pain due in a fortnight, osteopathy never reviewed; the rest current."""
    recently = TODAY - datetime.timedelta(days=60)
    ConditionPage.objects.update(last_reviewed=recently, review_interval_months=12)
    TreatmentPage.objects.update(last_reviewed=recently, review_interval_months=12)
    ConditionPage.objects.filter(slug="sciatica").update(last_reviewed=datetime.date(2025, 11, 1))
    ConditionPage.objects.filter(slug="neck-pain").update(
        last_reviewed=datetime.date(2026, 6, 17), review_interval_months=6
    )
    TreatmentPage.objects.filter(slug="osteopathy").update(last_reviewed=None)
    with time_machine.travel(datetime.datetime(2026, 12, 3, 10, 0), tick=False):
        yield


def test_the_report_lists_pages_overdue_due_soon_or_never_reviewed(client, review_dates):
    client.force_login(make_user("editor", groups=["Editors"]))

    response = client.get("/admin/reports/pages-due-for-review/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Osteopathy") < html.index("Sciatica") < html.index("Neck pain")
    assert "Never reviewed" in html and "Overdue" in html and "Due soon" in html
    assert "Lower back pain" not in html


def test_the_report_exports_as_a_spreadsheet(client, review_dates):
    client.force_login(make_user("editor", groups=["Editors"]))

    response = client.get("/admin/reports/pages-due-for-review/?export=csv")

    rows = b"".join(response.streaming_content).decode().strip().splitlines()
    assert rows[0] == "Page,Type,Owner,Last reviewed,Next review due,Status"
    assert rows[1].startswith("Osteopathy,Treatment page,,,,never reviewed")
    assert rows[2] == "Sciatica,Condition page,,2025-11-01,2026-11-01,overdue"


def test_staff_without_page_permissions_cannot_see_the_report(client, review_dates):
    client.force_login(make_user("reception", groups=["Reception"]))

    assert client.get("/admin/reports/pages-due-for-review/").status_code in (302, 403)


def test_each_owner_is_reminded_once_of_their_pages_due_and_nothing_else(review_dates, mailoutbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    owner = make_user("anya", email="anya@clinic.example", groups=["Editors"])
    other = make_user("tom", email="tom@clinic.example", groups=["Editors"])
    ConditionPage.objects.filter(slug__in=["sciatica", "neck-pain"]).update(page_owner=owner)
    ConditionPage.objects.filter(slug="lower-back-pain").update(page_owner=other)  # current: nothing due

    output = StringIO()
    call_command("send_review_reminders", stdout=output)

    assert "1 owners, 2 pages" in output.getvalue()
    (email,) = mailoutbox
    assert email.to == ["anya@clinic.example"]
    assert email.subject == "2 health pages due for review"
    assert "Sciatica: last reviewed 1 November 2025, overdue (due 1 November 2026)" in email.body
    assert "Neck pain" in email.body and "Lower back pain" not in email.body
    sciatica = ConditionPage.objects.get(slug="sciatica")
    assert f"/admin/pages/{sciatica.pk}/edit/" in email.body


def test_the_reminder_goes_through_the_task_queue(review_dates, settings, mailoutbox):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    owner = make_user("anya", email="anya@clinic.example", groups=["Editors"])
    ConditionPage.objects.filter(slug="sciatica").update(page_owner=owner)

    call_command("send_review_reminders", stdout=StringIO())

    (queued,) = DBTaskResult.objects.filter(task_path="pages.tasks.send_review_reminder")
    assert queued.args_kwargs == {"args": [owner.pk], "kwargs": {}}
    assert mailoutbox == []


def test_the_clinical_review_workflow_is_ready_for_registered_practitioners(demo_site):
    workflow = Workflow.objects.get(name="Clinical review")
    (task,) = [task.specific for task in workflow.tasks]

    assert isinstance(task, GroupApprovalTask)
    assert [group.name for group in task.groups.all()] == ["Clinical reviewers"]
    assert not workflow.workflow_pages.exists()  # an administrator chooses where it applies


def test_a_change_under_clinical_review_waits_for_a_clinical_reviewer(demo_site):
    workflow = Workflow.objects.get(name="Clinical review")
    sciatica = ConditionPage.objects.get(slug="sciatica")
    workflow.workflow_pages.create(page=sciatica.get_parent())
    editor = make_user("editor", groups=["Editors"])
    reviewer = make_user("reviewer", groups=["Clinical reviewers"])
    sciatica.summary = "A clearer summary."
    sciatica.save_revision(user=editor)

    state = workflow.start(sciatica, editor)

    task = state.current_task_state.task.specific
    assert task.name == "Clinical review"
    assert task.get_actions(sciatica, editor) == []
    assert "approve" in [action[0] for action in task.get_actions(sciatica, reviewer)]
    assert ConditionPage.objects.get(slug="sciatica").summary != "A clearer summary."  # not live yet
