"""
The clinic's contact details and a helper shared by the page texts.

Page texts never repeat the phone number or email address: they show them with
the "clinic_details" block, which reads Settings > Clinic details.
"""

from datetime import time

PHONE = "020 8220 4254"
EMAIL = "info@clayhallosteopath.com"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]

CLINIC = {
    "name": "Clayhall Osteopaths",
    "phone": PHONE,
    "email": EMAIL,
    # DEMO DATA: the street address below is a placeholder, not the clinic's
    # real address. Replace it in the admin (Settings > Clinic details).
    "address": "24 Clayhall Avenue\nClayhall\nIlford\nIG5 0LG",
    # DEMO DATA: a stand-in for the clinic's online booking page (example.com
    # addresses are reserved for examples). Replace it in the admin, or clear it
    # to hide the "Book an appointment" buttons.
    "booking_url": "https://booking.example.com/clayhall-osteopaths",
    # Closed on Sundays (in no row) and on bank holidays (always).
    "opening_hours": [
        ("session", {"days": WEEKDAYS, "opens": time(9), "closes": time(20)}),
        ("session", {"days": ["saturday"], "opens": time(9), "closes": time(13)}),
    ],
}

# Clinic details that point at pages, by the page's slug under the home page.
CLINIC_PAGE_LINKS = {
    "contact_page": "contact",
    "privacy_page": "privacy",
    "accessibility_page": "accessibility",
}


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})
