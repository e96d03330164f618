"""
The demo clinic's canned answers, in the project's own words: plain data, so
the wording can be reviewed without reading code. Each is a list of paragraphs;
placeholders are listed in ``enquiries.canned_answers.PLACEHOLDERS``.
"""

SIGN_OFF = "Best wishes,\n{my_name}\n{clinic_name}"

PARAGRAPHS = {
    "Offer an appointment": [
        "Dear {first_name},",
        "Thank you for getting in touch. From what you describe, a first appointment would be a good "
        "next step: we will ask about your symptoms and health history, examine you, and talk through "
        "whether treatment is likely to help before we start.",
        "You can choose a time that suits you at {booking_link}, or call us on {clinic_phone} and we "
        "will find one with you.",
        SIGN_OFF,
    ],
    "Need a little more detail": [
        "Dear {first_name},",
        "Thank you for your message (reference {reference}). So that we can advise you properly, could "
        "you tell us a little more: how long you have had the problem, whether it started after an "
        "injury, and whether anything makes it better or worse?",
        "Please write back using the link in our email, or call us on {clinic_phone} if that is easier.",
        SIGN_OFF,
    ],
    "Please see your GP or NHS 111 first": [
        "Dear {first_name},",
        "Thank you for contacting us. Some of what you describe needs to be checked by a doctor before "
        "any manual therapy, so please speak to your GP, or call NHS 111 if you cannot reach them soon. "
        "If your symptoms suddenly get worse, call 999 or go to A&E.",
        "Once you have been seen, we would be glad to hear from you again: call us on {clinic_phone} or "
        "write back through the link in our email.",
        SIGN_OFF,
    ],
}

CANNED_ANSWERS = {title: "\n\n".join(paragraphs) for title, paragraphs in PARAGRAPHS.items()}
