"""
Conditions A to Z and the team. The practitioners are demo profiles: a clinic
replaces them with its own, with real registration numbers.

Each page may name related pages by slug under "relations", which the loader
sets once every page exists: ``treatment_links``, the treatments that may help
a condition, or that a practitioner offers.
"""

from .details import heading
from .images import PRACTITIONER_PORTRAITS

EMERGENCY_BACK = (
    "<ul><li>numbness or tingling around your genitals or buttocks</li>"
    "<li>difficulty peeing, or you cannot control when you pee or poo</li>"
    "<li>weakness in both legs, or you are finding it hard to walk</li></ul>"
    "<p>These can be signs of cauda equina syndrome, which needs treatment in hospital straight away.</p>"
)


def condition(title, slug, summary, body, care_cards, treatments):
    return {
        "model": "pages.ConditionPage",
        "fields": {
            "title": title,
            "slug": slug,
            "summary": summary,
            "body": body,
            "seek_help": [("care_card", card) for card in care_cards],
        },
        "relations": {"treatment_links": treatments},
    }


def care_card(urgency, body):
    return {"urgency": urgency, "heading": "", "body": body}


LOWER_BACK_PAIN = condition(
    "Lower back pain",
    "lower-back-pain",
    "Pain and stiffness between the bottom of the ribs and the top of the legs. Most episodes settle "
    "within a few weeks, and staying gently active helps.",
    [
        heading("What it is"),
        (
            "text",
            "<p>Lower back pain is very common: most adults have it at some point. It often starts after "
            "lifting, bending or a long spell sitting, and sometimes for no clear reason. Usually it comes "
            "from the muscles, joints and ligaments of the back rather than anything serious.</p>"
            "<p>Bed rest tends to slow recovery. Keeping moving, within what is comfortable, usually helps "
            "the back settle sooner.</p>",
        ),
        heading("How we can help"),
        (
            "text",
            "<p>We will ask how the pain started and what makes it better or worse, examine how your back "
            "moves, and check for anything that needs your GP instead. Treatment may include hands-on "
            "techniques, advice on activity and exercises you can do at home.</p>",
        ),
    ],
    [
        care_card("emergency", EMERGENCY_BACK),
        care_card(
            "urgent",
            "<ul><li>the pain started after a fall or an accident</li>"
            "<li>you also have a high temperature or feel generally unwell</li>"
            "<li>you have lost weight without trying</li>"
            "<li>the pain is getting worse over several weeks, or is worse at night</li></ul>",
        ),
    ],
    ["osteopathy", "deep-tissue-massage", "medical-acupuncture", "electrotherapy"],
)

NECK_PAIN = condition(
    "Neck pain",
    "neck-pain",
    "An aching or stiff neck, often from posture, sleeping awkwardly or strain. It usually eases within "
    "days or weeks.",
    [
        heading("What it is"),
        (
            "text",
            "<p>Neck pain often follows long hours at a screen, an awkward night's sleep or a sudden "
            "movement. It can spread to the shoulders and upper back and may come with a headache.</p>",
        ),
        heading("How we can help"),
        (
            "text",
            "<p>After examining how your neck and shoulders move, we may use gentle hands-on treatment, "
            "massage or acupuncture, and suggest changes to your desk or pillow that take the strain "
            "off.</p>",
        ),
    ],
    [
        care_card(
            "emergency",
            "<ul><li>you have a stiff neck with a high temperature, a headache and a dislike of bright "
            "light</li><li>you have a rash that does not fade when a glass is pressed on it</li>"
            "<li>you have numbness or weakness in your arms or legs after an injury</li></ul>",
        ),
    ],
    ["osteopathy", "medical-acupuncture", "deep-tissue-massage"],
)

SCIATICA = condition(
    "Sciatica",
    "sciatica",
    "Pain that runs from the lower back or buttock down the back of the leg, sometimes with tingling "
    "or numbness, when the sciatic nerve is irritated.",
    [
        heading("What it is"),
        (
            "text",
            "<p>The sciatic nerve runs from the lower back down each leg. When something presses on or "
            "irritates it, such as a bulging disc, pain can travel down the leg, often further than the "
            "back pain itself. Many people improve within four to six weeks.</p>",
        ),
        heading("How we can help"),
        (
            "text",
            "<p>We will check the strength, feeling and reflexes in your legs, explain what we find and "
            "suggest positions and movements that ease the nerve. If your symptoms suggest you need a "
            "scan or a specialist, we will tell you and write to your GP with your permission.</p>",
        ),
    ],
    [
        care_card("emergency", EMERGENCY_BACK),
        care_card(
            "urgent",
            "<ul><li>you have sciatica in both legs</li>"
            "<li>the numbness or weakness in your leg is getting worse</li>"
            "<li>the pain has not started to ease after several weeks</li></ul>",
        ),
    ],
    ["osteopathy", "medical-acupuncture"],
)

TENSION_HEADACHE = condition(
    "Tension-type headache",
    "tension-type-headache",
    "A dull, tight ache on both sides of the head, often with tight neck and shoulder muscles. The most "
    "common kind of headache.",
    [
        heading("What it is"),
        (
            "text",
            "<p>A tension-type headache feels like a band pressing around the head. It is often linked "
            "with stress, tiredness, poor posture and tight muscles in the neck and shoulders, and can "
            "last from half an hour to several days.</p>",
        ),
        heading("How we can help"),
        (
            "text",
            "<p>We look at the muscles and joints of your neck and upper back, which can contribute to "
            "these headaches, and may offer hands-on treatment, massage or acupuncture alongside advice "
            "on posture and breaks from the screen.</p>",
        ),
    ],
    [
        care_card(
            "emergency",
            "<ul><li>the headache came on suddenly and is the worst you have ever had</li>"
            "<li>you also have weakness on one side, slurred speech, confusion or changes in your "
            "sight</li><li>it follows a blow to the head</li></ul>",
        ),
        care_card(
            "non-urgent",
            "<ul><li>you get headaches several times a week, or they are getting worse</li>"
            "<li>painkillers do not help</li></ul>",
        ),
    ],
    ["osteopathy", "medical-acupuncture", "deep-tissue-massage"],
)

FROZEN_SHOULDER = condition(
    "Frozen shoulder",
    "frozen-shoulder",
    "A painful, stiff shoulder that slowly loses movement over months. It does get better, though "
    "recovery can take a long time.",
    [
        heading("What it is"),
        (
            "text",
            "<p>In a frozen shoulder the tissue around the joint thickens and tightens. It tends to pass "
            "through a painful stage, a stiff stage and a recovery stage, and is more common between the "
            "ages of 40 and 60 and in people with diabetes.</p>",
        ),
        heading("How we can help"),
        (
            "text",
            "<p>We can help you keep as much movement as possible and manage the pain, with gentle "
            "mobilisation, exercises and, if it suits you, acupuncture or electrotherapy. Your GP can "
            "advise on injections if the pain is severe.</p>",
        ),
    ],
    [
        care_card(
            "emergency",
            "<ul><li>you have shoulder or arm pain with chest pain, breathlessness or sweating</li>"
            "<li>your shoulder is suddenly out of shape after a fall</li></ul>",
        ),
    ],
    ["osteopathy", "medical-acupuncture", "electrotherapy"],
)

CONDITIONS = {
    "model": "pages.ConditionIndexPage",
    "fields": {
        "title": "Conditions A to Z",
        "slug": "conditions",
        "show_in_menus": True,
        "summary": (
            "What common aches and pains are, when to get urgent help, and which of our treatments may help."
        ),
        "intro": (
            "<p>Plain-language guides to the problems people most often bring to us. Each says when you "
            "should see your GP or get urgent help instead.</p>"
        ),
    },
    "children": [LOWER_BACK_PAIN, NECK_PAIN, SCIATICA, TENSION_HEADACHE, FROZEN_SHOULDER],
}


def practitioner(title, slug, fields, treatments):
    return {
        "model": "pages.PractitionerPage",
        "images": {"photo": PRACTITIONER_PORTRAITS[slug]},
        "fields": {"title": title, "slug": slug, **fields},
        "relations": {"treatment_links": treatments},
    }


TEAM = {
    "model": "pages.TeamPage",
    "fields": {
        "title": "Our team",
        "slug": "team",
        "show_in_menus": True,
        "summary": "The registered practitioners who will see you, and how to check their registration.",
        "intro": (
            "<p>Everyone who treats you here is registered with their regulator. You can check each "
            "registration in the regulator's public register.</p>"
        ),
    },
    "children": [
        practitioner(
            "Anya Patel",
            "anya-patel",
            {
                "summary": "Anya founded the clinic and sees patients with back and neck pain of every kind.",
                "profession": "Osteopath",
                "regulator": "gosc",
                "registration_number": "Demo 0001",
                "qualifications": (
                    "MOst (Master of Osteopathy)\nPostgraduate certificate in medical acupuncture"
                ),
                "biography": (
                    "<p>Anya has practised osteopathy for over fifteen years. She has a particular interest "
                    "in helping people return to work and sport after back and neck problems, and in "
                    "combining hands-on treatment with acupuncture.</p>"
                    "<p>This is a demo profile: the clinic replaces it with its own team.</p>"
                ),
            },
            ["osteopathy", "medical-acupuncture"],
        ),
        practitioner(
            "Tom Ellis",
            "tom-ellis",
            {
                "summary": "Tom treats sports and work-related strains, with massage and electrotherapy.",
                "profession": "Osteopath",
                "regulator": "gosc",
                "registration_number": "Demo 0002",
                "qualifications": "BOst (Bachelor of Osteopathy)\nDiploma in sports massage",
                "biography": (
                    "<p>Tom joined the clinic after several years working with local running and football "
                    "clubs. He enjoys explaining what is going on and giving people exercises that fit "
                    "into their day.</p>"
                    "<p>This is a demo profile: the clinic replaces it with its own team.</p>"
                ),
            },
            ["osteopathy", "deep-tissue-massage", "electrotherapy"],
        ),
    ],
}
