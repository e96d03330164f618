"""
Export of the filtered inbox to CSV and XLSX: content (times in London time,
staff by name), formula neutralisation, the log, and who is offered the buttons.
"""

import csv
import re
from datetime import UTC, datetime
from io import BytesIO, StringIO

import openpyxl
import pytest
import time_machine

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from enquiries.models import Enquiry
from tests.enquiries.admin.conftest import inbox_url
from tests.enquiries.factories import make_enquiry
from tests.factories import make_user

HEADINGS = [
    "reference",
    "created_at",
    "status",
    "outcome",
    "urgent",
    "suspected_spam",
    "name",
    "email",
    "phone",
    "preferred_contact",
    "treatment_title",
    "message",
    "assignee",
    "first_opened_at",
    "first_answered_at",
    "closed_at",
]


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    return list(csv.DictReader(StringIO(body(response).decode("utf-8"))))


def xlsx_rows(response):
    sheet = openpyxl.load_workbook(BytesIO(body(response))).active
    headings, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return headings, [dict(zip(headings, row, strict=True)) for row in rows]


# 09:30 UTC on a summer's day is 10:30 British Summer Time; in January London is on UTC.
SUMMER = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)
WINTER = datetime(2026, 1, 15, 9, 30, tzinfo=UTC)


@pytest.fixture
def closed(reception):
    with time_machine.travel(SUMMER, tick=False):
        return make_enquiry(
            name="Bartholomew Crane",
            email="bart@patient.example",
            phone="020 7946 0456",
            message="My shoulder aches when I lift my arm.",
            treatment_title="Osteopathy",
            status=Enquiry.Status.CLOSED,
            outcome=Enquiry.Outcome.BOOKED,
            assignee=reception,
        )


@pytest.fixture
def new(db):
    return make_enquiry(name="Cecily Marsh", email="cecily@patient.example", urgent=True)


def test_csv_export_holds_every_enquiry_in_the_list_with_london_times_and_staff_names(
    reception_client, closed, new
):
    response = reception_client.get(inbox_url(export="csv"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="enquiries.csv"' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert list(rows[0]) == HEADINGS
    assert [row["reference"] for row in rows] == [new.reference, closed.reference]  # urgent first
    row = rows[1]
    assert row["name"] == "Bartholomew Crane"
    assert row["email"] == "bart@patient.example"
    assert row["phone"] == "020 7946 0456"
    assert row["message"] == "My shoulder aches when I lift my arm."
    assert row["treatment_title"] == "Osteopathy"
    assert row["status"] == "closed"
    assert row["outcome"] == "booked"
    assert row["assignee"] == "Rita Reception"
    assert row["urgent"] == "False"
    assert row["created_at"] == "2026-07-01 10:30"
    assert row["closed_at"] == "2026-07-01 10:30"
    assert row["first_answered_at"] == "2026-07-01 10:30"
    assert row["first_opened_at"] == ""


def test_csv_export_follows_the_current_filters(reception_client, closed, new):
    rows = csv_rows(reception_client.get(inbox_url(export="csv", status="closed")))

    assert [row["reference"] for row in rows] == [closed.reference]


def test_csv_export_follows_the_current_search(reception_client, closed, new):
    rows = csv_rows(reception_client.get(inbox_url(export="csv", q="Cecily")))

    assert [row["reference"] for row in rows] == [new.reference]


def test_xlsx_export_holds_the_filtered_enquiries(reception_client, closed, new):
    response = reception_client.get(inbox_url(export="xlsx", urgent="false"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert 'filename="enquiries.xlsx"' in response["Content-Disposition"]
    headings, rows = xlsx_rows(response)
    assert headings == HEADINGS
    assert len(rows) == 1
    assert rows[0]["reference"] == closed.reference
    assert rows[0]["name"] == "Bartholomew Crane"
    assert rows[0]["message"] == "My shoulder aches when I lift my arm."
    assert rows[0]["outcome"] == "booked"
    assert rows[0]["urgent"] is False
    assert rows[0]["assignee"] == "Rita Reception"


def test_xlsx_export_holds_london_times_as_date_cells_in_a_clear_format(reception_client, closed):
    sheet = openpyxl.load_workbook(BytesIO(body(reception_client.get(inbox_url(export="xlsx"))))).active
    headings, row = list(sheet.iter_rows())

    cell = row[[heading.value for heading in headings].index("created_at")]
    assert cell.value == datetime(2026, 7, 1, 10, 30)
    assert cell.number_format == "yyyy-mm-dd hh:mm"


def test_export_times_are_london_time_in_winter_too(reception_client, db):
    with time_machine.travel(WINTER, tick=False):
        make_enquiry()

    (row,) = csv_rows(reception_client.get(inbox_url(export="csv")))
    _, (xlsx_row,) = xlsx_rows(reception_client.get(inbox_url(export="xlsx")))

    assert row["created_at"] == "2026-01-15 09:30"
    assert xlsx_row["created_at"] == datetime(2026, 1, 15, 9, 30)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_times_are_london_time_whatever_time_zone_the_exporter_chose(
    reception_client, reception, closed, export_format
):
    profile = UserProfile.get_for_user(reception)
    profile.current_time_zone = "Asia/Tokyo"
    profile.save()

    response = reception_client.get(inbox_url(export=export_format))

    if export_format == "csv":
        assert csv_rows(response)[0]["created_at"] == "2026-07-01 10:30"
    else:
        assert xlsx_rows(response)[1][0]["created_at"] == datetime(2026, 7, 1, 10, 30)


def test_a_colleague_without_a_full_name_is_exported_by_username(reception_client, db):
    make_enquiry(assignee=make_user("colin", groups=["Reception"]))

    (row,) = csv_rows(reception_client.get(inbox_url(export="csv")))

    assert row["assignee"] == "colin"


def test_an_unassigned_enquiry_exports_an_empty_assignee(reception_client, new):
    (row,) = csv_rows(reception_client.get(inbox_url(export="csv")))

    assert row["assignee"] == ""


HOSTILE = ['=HYPERLINK("http://e.x")', "+SUM(1,2)", "-2+3", "@cmd", "\tTAB", "\rCR"]


@pytest.fixture
def hostile(db):
    """One enquiry per prefix a spreadsheet would run, in the name, the message and the phone."""
    return [make_enquiry(name=value, message=value, phone=value, treatment_title=value) for value in HOSTILE]


@pytest.mark.parametrize("column", ["name", "message", "phone", "treatment_title"])
def test_csv_export_neutralises_formulas(reception_client, hostile, column):
    rows = csv_rows(reception_client.get(inbox_url(export="csv")))

    assert sorted(row[column] for row in rows) == sorted("'" + value for value in HOSTILE)


@pytest.mark.parametrize("column", ["name", "message", "phone", "treatment_title"])
def test_xlsx_export_neutralises_formulas_and_keeps_them_as_text(reception_client, hostile, column):
    _, rows = xlsx_rows(reception_client.get(inbox_url(export="xlsx")))

    # XML turns a stored carriage return into a line feed when the file is read back.
    expected = ("'" + value.replace("\r", "\n") for value in HOSTILE)
    assert sorted(row[column] for row in rows) == sorted(expected)


def test_xlsx_export_has_no_formula_cells(reception_client, hostile):
    sheet = openpyxl.load_workbook(BytesIO(body(reception_client.get(inbox_url(export="xlsx"))))).active

    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_ordinary_text_is_exported_unchanged(reception_client, db):
    make_enquiry(name="Dr. Ann O'Hara", message="Pain 2-3 times a day; email me @ work")

    (row,) = csv_rows(reception_client.get(inbox_url(export="csv")))

    assert row["name"] == "Dr. Ann O'Hara"
    assert row["message"] == "Pain 2-3 times a day; email me @ work"


def test_a_username_that_looks_like_a_formula_is_neutralised(reception_client, db):
    make_enquiry(assignee=make_user("=cmd", groups=["Reception"]))

    (row,) = csv_rows(reception_client.get(inbox_url(export="csv")))

    assert row["assignee"] == "'=cmd"


def test_a_full_name_that_looks_like_a_formula_is_neutralised(reception_client, db):
    make_enquiry(assignee=make_user("mallory", groups=["Reception"], first_name="=1+2", last_name="X"))

    (row,) = csv_rows(reception_client.get(inbox_url(export="csv")))

    assert row["assignee"] == "'=1+2 X"


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_export_is_logged_against_each_exported_enquiry_with_filters_and_row_count(
    reception_client, reception, closed, new, export_format
):
    other_closed = make_enquiry(status=Enquiry.Status.CLOSED, outcome=Enquiry.Outcome.OTHER)

    response = reception_client.get(inbox_url(export=export_format, status="closed"))
    body(response)

    for enquiry in (closed, other_closed):
        entry = ModelLogEntry.objects.for_instance(enquiry).get(action="enquiries.export")
        assert entry.user == reception
        assert entry.timestamp is not None
        assert entry.data["format"] == export_format
        assert entry.data["filters"] == {"status": ["closed"]}
        assert entry.data["rows"] == 2
    assert not ModelLogEntry.objects.for_instance(new).filter(action="enquiries.export").exists()


def test_export_log_records_that_a_search_was_used_but_not_its_words(reception_client, closed):
    body(reception_client.get(inbox_url(export="csv", q="Bartholomew", status="closed")))

    entry = ModelLogEntry.objects.for_instance(closed).get(action="enquiries.export")
    assert entry.data["filters"] == {"status": ["closed"], "search": True}
    assert "Bartholomew" not in str(entry.data)


def test_export_shows_in_the_enquiry_history(reception_client, closed):
    body(reception_client.get(inbox_url(export="csv")))

    history = reception_client.get(inbox_url().replace("/enquiries/", f"/enquiries/history/{closed.pk}/"))

    assert "Included in an export" in history.content.decode()


def header_button_urls(content):
    """The addresses of the links shown in the header itself, as opposed to its "more" dropdown."""
    return [
        url.replace("&amp;", "&")
        for url in re.findall(r'<a href="([^"]+)"[^>]*class="[^"]*\bw-header-button\b', content)
    ]


def test_export_buttons_are_shown_in_the_header_not_hidden_in_a_dropdown(reception_client, closed):
    content = reception_client.get(inbox_url(status="closed")).content.decode()

    assert header_button_urls(content) == [
        inbox_url(status="closed", export="csv"),
        inbox_url(status="closed", export="xlsx"),
    ]
    assert "Download CSV" in content
    assert "Download Excel" in content
    # Once each: not repeated in Wagtail's dropdown.
    assert content.count("export=csv") == 1
    assert content.count("export=xlsx") == 1


def test_export_buttons_reloaded_with_the_filters_export_from_the_list_itself(reception_client, closed):
    results = reverse("enquiry_admin:list_results") + "?status=closed&_w_filter_fragment=1"

    content = reception_client.get(results).content.decode()

    assert header_button_urls(content) == [
        inbox_url(status="closed", export="csv"),
        inbox_url(status="closed", export="xlsx"),
    ]


def test_a_user_who_may_view_but_not_export_is_refused_the_export(client, closed):
    group = Group.objects.create(name="Viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_enquiry")
    )
    client.force_login(make_user("viewer", groups=["Viewers"]))

    assert client.get(inbox_url()).status_code == 200
    for export_format in ("csv", "xlsx"):
        response = client.get(inbox_url(export=export_format))
        assert response.status_code in (302, 403)
        assert response.get("Location", "/admin/") == "/admin/"
        assert closed.reference not in response.content.decode()
    assert not ModelLogEntry.objects.filter(action="enquiries.export").exists()


def test_a_user_who_may_not_export_is_offered_no_export_buttons(client, closed):
    group = Group.objects.create(name="Viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_enquiry")
    )
    client.force_login(make_user("viewer", groups=["Viewers"]))

    content = client.get(inbox_url()).content.decode()

    assert "export=csv" not in content
    assert "export=xlsx" not in content
    assert "Download" not in content
