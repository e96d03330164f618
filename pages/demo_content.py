"""
The clinic's demo content, loaded by ``manage.py load_demo_content``.

Plain data only, so the wording can be reviewed and edited without reading any
loader code. Each page is a node: ``model`` (an app label and model name),
``fields`` (passed to the model; StreamField bodies are lists of
``(block_type, value)`` tuples) and optional ``children`` and
``listing_image`` (a recipe for an abstract picture drawn with Pillow).

Rich text uses plain HTML limited to the features the blocks allow. Links
between our own pages are written as relative addresses such as "/contact/".
"""

from decimal import Decimal

PHONE = "0208 220 4254"
EMAIL = "info@clayhallosteopath.com"
EMAIL_LINK = f'<a href="mailto:{EMAIL}">{EMAIL}</a>'

CLINIC = {
    "name": "Clayhall Osteopaths",
    "phone": PHONE,
    "email": EMAIL,
    # DEMO DATA: the street address below is a placeholder, not the clinic's
    # real address. Replace it in the admin (Settings > Clinic details).
    "address": "24 Clayhall Avenue\nClayhall\nIlford\nIG5 0LG",
    "opening_hours": [
        ("period", {"days": "Monday to Friday", "hours": "9am to 8pm"}),
        ("period", {"days": "Saturday", "hours": "9am to 2pm"}),
        ("period", {"days": "Sunday and bank holidays", "hours": "Closed"}),
    ],
}

# Clinic details that point at pages, by the page's slug under the home page.
CLINIC_PAGE_LINKS = {
    "contact_page": "contact",
    "privacy_page": "privacy",
    "accessibility_page": "accessibility",
}

# Muted teal and sand palette for the generated listing images.
TEAL_DEEP = "#2f6f6a"
TEAL = "#5e9b94"
TEAL_LIGHT = "#a8cbc5"
MIST = "#dde9e5"
SAND_LIGHT = "#f3ece0"
SAND = "#e6d5b8"
SAND_DEEP = "#c8aa80"

# Image recipes: a vertical gradient plus shapes. Positions and sizes are
# fractions of the picture's height (y, r, width) and width (x); opacity is 0-255.
# ("circle", x, y, r, colour, opacity)
# ("ring", x, y, r, line_width, colour, opacity)
# ("line", x1, y1, x2, y2, line_width, colour, opacity)

OSTEOPATHY_IMAGE = {
    "title": "Demo listing image: osteopathy",
    "filename": "demo-osteopathy.jpg",
    "alt": "Abstract illustration of a column of soft teal circles on a sand background",
    "gradient": (SAND_LIGHT, SAND),
    "shapes": [
        ("circle", 0.78, 0.55, 0.55, MIST, 150),
        ("circle", 0.5, 0.14, 0.075, TEAL_LIGHT, 230),
        ("circle", 0.5, 0.32, 0.085, TEAL, 210),
        ("circle", 0.5, 0.51, 0.095, TEAL, 220),
        ("circle", 0.5, 0.71, 0.1, TEAL_DEEP, 200),
        ("circle", 0.5, 0.91, 0.105, TEAL_DEEP, 230),
        ("ring", 0.2, 0.8, 0.3, 0.012, SAND_DEEP, 160),
    ],
}

ACUPUNCTURE_IMAGE = {
    "title": "Demo listing image: medical acupuncture",
    "filename": "demo-medical-acupuncture.jpg",
    "alt": "Abstract illustration of three fine lines, each ending in a small teal dot",
    "gradient": (MIST, SAND_LIGHT),
    "shapes": [
        ("circle", 0.3, 0.6, 0.42, SAND, 170),
        ("line", 0.12, 0.1, 0.34, 0.55, 0.006, TEAL_DEEP, 210),
        ("line", 0.47, 0.05, 0.55, 0.42, 0.006, TEAL_DEEP, 210),
        ("line", 0.86, 0.12, 0.7, 0.62, 0.006, TEAL_DEEP, 210),
        ("circle", 0.34, 0.55, 0.04, TEAL, 240),
        ("circle", 0.55, 0.42, 0.04, TEAL, 240),
        ("circle", 0.7, 0.62, 0.04, TEAL, 240),
        ("ring", 0.55, 0.42, 0.12, 0.01, TEAL_LIGHT, 200),
        ("ring", 0.7, 0.62, 0.18, 0.01, TEAL_LIGHT, 150),
    ],
}

MASSAGE_IMAGE = {
    "title": "Demo listing image: deep tissue massage",
    "filename": "demo-deep-tissue-massage.jpg",
    "alt": "Abstract illustration of soft overlapping waves in teal and sand",
    "gradient": (SAND_LIGHT, MIST),
    "shapes": [
        ("circle", 0.15, 1.55, 1.0, SAND, 220),
        ("circle", 0.55, 1.65, 1.0, TEAL_LIGHT, 190),
        ("circle", 0.95, 1.75, 1.0, TEAL, 170),
        ("circle", 0.35, 1.95, 1.0, TEAL_DEEP, 150),
        ("circle", 0.82, 0.22, 0.12, SAND_DEEP, 170),
    ],
}

ELECTROTHERAPY_IMAGE = {
    "title": "Demo listing image: electrotherapy",
    "filename": "demo-electrotherapy.jpg",
    "alt": "Abstract illustration of rings spreading out from a teal centre",
    "gradient": (MIST, SAND),
    "shapes": [
        ("circle", 0.42, 0.5, 0.1, TEAL_DEEP, 230),
        ("ring", 0.42, 0.5, 0.2, 0.012, TEAL, 220),
        ("ring", 0.42, 0.5, 0.32, 0.012, TEAL, 180),
        ("ring", 0.42, 0.5, 0.45, 0.012, TEAL_LIGHT, 160),
        ("ring", 0.42, 0.5, 0.6, 0.012, TEAL_LIGHT, 120),
        ("circle", 0.85, 0.25, 0.16, SAND_DEEP, 130),
    ],
}


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


HOME = {
    "title": "Home",
    "slug": "home",
    "hero_heading": "Osteopathy and medical acupuncture in Clayhall",
    "hero_text": (
        "Is back, neck or shoulder pain getting in the way of your day? Our registered osteopaths "
        "will listen, examine you carefully and explain what they find before any treatment starts. "
        "You do not need a referral from your GP."
    ),
    "summary": (
        "A small osteopathy clinic in Clayhall, Ilford, offering osteopathy, medical acupuncture "
        "(trigger point dry needling), deep tissue massage and electrotherapy."
    ),
    "body": [
        heading("Who we are"),
        (
            "text",
            "<p>We are a small, independent clinic in Clayhall, close to Gants Hill. Our osteopaths are "
            "registered with the General Osteopathic Council, which regulates osteopathy in the UK.</p>"
            "<p>As well as osteopathy, we offer medical acupuncture, acupressure, deep tissue massage and "
            "electrotherapy. That means we can fit your treatment to your problem, and to what you feel "
            "comfortable with.</p>",
        ),
        heading("What to expect"),
        (
            "text",
            "<p>At your first appointment we will:</p>"
            "<ul><li>ask about your pain, your general health and your daily life</li>"
            "<li>look at how you move and examine the area that hurts</li>"
            "<li>explain what we think is going on, in plain words</li>"
            "<li>agree a plan with you, and start treatment if it is right to</li></ul>"
            "<p>If we think you should see your GP or have tests first, we will tell you and explain "
            "why.</p>",
        ),
        (
            "inset",
            {
                "text": "<p>You can book with us directly. Opening hours and directions are on our "
                '<a href="/contact/">contact page</a>.</p>'
            },
        ),
    ],
}

OSTEOPATHY = {
    "model": "pages.TreatmentPage",
    "listing_image": OSTEOPATHY_IMAGE,
    "fields": {
        "title": "Osteopathy",
        "slug": "osteopathy",
        "summary": (
            "A hands-on approach to pain and stiffness in the back, neck, shoulders and joints. "
            "Your first appointment includes a full assessment and, where it is suitable, treatment."
        ),
        "session_length": 60,
        "fee": Decimal("65.00"),
        "fee_note": "first appointment, with assessment; follow-up appointments £55",
        "body": [
            heading("What osteopathy is"),
            (
                "text",
                "<p>Osteopathy is a way of assessing and treating problems with muscles, joints and the "
                "tissues around them. Osteopaths use their hands to find where movement is stiff or "
                "painful. They then use techniques such as stretching, massage, gentle pressure and "
                "moving your joints to ease it.</p>"
                "<p>In the UK, osteopathy is a regulated health profession. By law, anyone who calls "
                "themselves an osteopath must be registered with the General Osteopathic Council.</p>",
            ),
            heading("Problems we often see"),
            (
                "text",
                "<p>Many of our patients come to us with:</p>"
                "<ul><li>low back pain, including pain that keeps coming back</li>"
                "<li>neck pain and stiffness</li>"
                "<li>shoulder pain and stiffness</li>"
                "<li>headaches that start in the neck</li>"
                "<li>aching hips, knees and other joints, including pain from osteoarthritis</li>"
                "<li>aches linked to posture, work or sport</li></ul>"
                "<p>Research suggests that hands-on treatment, together with exercise and advice, can "
                "help many people with back and neck pain. It does not suit everyone. If we do not "
                "think osteopathy will help you, we will say so.</p>",
            ),
            heading("Your first appointment"),
            (
                "text",
                "<p>Your first appointment lasts up to an hour. Your osteopath will:</p>"
                "<ol><li>ask about your symptoms, your general health and any medicines you take</li>"
                "<li>ask what you would like to get back to doing</li>"
                "<li>examine you, which usually means watching how you move and gently feeling the "
                "area that hurts</li>"
                "<li>explain what they think is causing your pain and what treatment they suggest</li>"
                "<li>treat you, if you agree and it is safe to do so</li>"
                "<li>give you advice and, often, a few simple exercises to do at home</li></ol>"
                "<p>You can ask questions at any point, and you can ask us to stop at any time. You are "
                "welcome to bring a friend or family member with you.</p>",
            ),
            heading("Follow-up appointments", "h3"),
            (
                "text",
                "<p>Follow-up appointments last about 30 to 45 minutes. We check how you have been and "
                "adjust your treatment. If you are not getting better as we expected, we will talk "
                "about other options, which may include seeing your GP.</p>",
            ),
            (
                "care_card",
                {
                    "urgency": "urgent",
                    "heading": "",
                    "body": "<ul><li>your back pain started after a fall, a car accident or another "
                    "injury</li>"
                    "<li>you have back pain and a high temperature, or you feel hot and shivery</li>"
                    "<li>you have back pain and have lost weight without trying</li>"
                    "<li>your back pain is getting worse, or is so bad that you cannot sleep</li></ul>",
                },
            ),
            (
                "care_card",
                {
                    "urgency": "emergency",
                    "heading": "",
                    "body": "<ul><li>you have back pain and numbness or tingling around your genitals or "
                    "buttocks</li>"
                    "<li>you have back pain and have lost control of your bladder or bowels, or you "
                    "cannot pee</li>"
                    "<li>you have back pain and weakness or numbness in both legs</li></ul>"
                    "<p>These can be signs of cauda equina syndrome, a rare problem where the nerves at "
                    "the bottom of the spine are squashed. It needs treatment in hospital straight "
                    "away. Do not wait for an appointment with us.</p>",
                },
            ),
            (
                "faq",
                {
                    "heading": "Common questions",
                    "items": [
                        {
                            "question": "Do I need a referral from my GP?",
                            "answer": "<p>No. You can book with us directly. If you plan to claim on "
                            "private health insurance, check with your insurer first, as some ask for "
                            "a GP referral before they will pay.</p>",
                        },
                        {
                            "question": "What should I wear?",
                            "answer": "<p>Wear loose, comfortable clothes you can move in. Your "
                            "osteopath may need to see the area being treated, so they may ask you to "
                            "undress down to your underwear. You can always say no, and we will find "
                            "another way. Towels are provided.</p>",
                        },
                        {
                            "question": "Does treatment hurt?",
                            "answer": "<p>Most treatment is gentle. Some techniques can feel "
                            "uncomfortable for a moment. It is common to feel a little sore for a day "
                            "or two afterwards, a bit like after exercise. Tell your osteopath if "
                            "anything hurts more than you expected.</p>",
                        },
                        {
                            "question": "How many appointments will I need?",
                            "answer": "<p>It depends on your problem and how long you have had it. Many "
                            "people need between two and six appointments. We review your progress "
                            "each time, and we will not ask you to keep coming if treatment is not "
                            "helping.</p>",
                        },
                    ],
                },
            ),
        ],
    },
}

MEDICAL_ACUPUNCTURE = {
    "model": "pages.TreatmentPage",
    "listing_image": ACUPUNCTURE_IMAGE,
    "fields": {
        "title": "Medical acupuncture (trigger point dry needling)",
        "slug": "medical-acupuncture",
        "summary": (
            "Very fine, single-use needles are used to release trigger points: tight, tender knots in "
            "muscle that can cause lasting pain in the head, neck, shoulders, back and legs. "
            "Acupressure is available if you would rather not have needles."
        ),
        "session_length": 45,
        "fee": Decimal("55.00"),
        "fee_note": "per session; can be combined with an osteopathy appointment",
        "body": [
            heading("What trigger points are"),
            (
                "text",
                "<p>A trigger point is a small, tight band or knot in a muscle. It is usually tender "
                "when pressed, and pressing it can cause pain somewhere else. This is called "
                "<i>referred pain</i>.</p>"
                "<p>Trigger points are common in people with pain that lasts for months. They often "
                "play a part in tension headaches, neck and shoulder pain, and back pain. They can "
                "start after an injury, after long hours in one position, or when a muscle has been "
                "overloaded for a long time. Often there is no clear reason.</p>",
            ),
            heading("The muscle on top of your shoulder", "h3"),
            (
                "text",
                "<p>One of the most common places for trigger points is the upper trapezius. This is "
                "the muscle that runs along the top of your shoulder up to the base of your skull. "
                "Trigger points here can send pain up the side of your neck and into your head, often "
                "around the temple or behind the eye. They can also make it hard to turn or tilt your "
                "head. Many people who work at a desk, or carry a bag on one shoulder, know this "
                "feeling well.</p>",
            ),
            heading("The deep muscles of the buttock", "h3"),
            (
                "text",
                "<p>Another common place is deep in the buttock, in the smaller gluteal muscles such "
                "as gluteus minimus, and around a muscle called piriformis. Trigger points here can "
                "send pain down the back or the side of the leg, sometimes as far as the ankle.</p>"
                "<p>Because of this, the pain is easily mistaken for sciatica, which is leg pain "
                "caused by an irritated nerve in the lower back. Some people have both at the same "
                "time. Your assessment helps us work out which is which, so that you get the right "
                "treatment.</p>",
            ),
            heading("Why trigger points can be hard to shift"),
            (
                "text",
                "<p>Painkillers can take the edge off trigger point pain, but they do not release the "
                "knot, so the pain tends to return when the tablets wear off. Stretching, massage and "
                "muscle relaxant medicines help some people. But a trigger point that has been there "
                "for a long time often does not let go with these alone. This is one reason people can "
                "live with this kind of pain for months or even years.</p>",
            ),
            heading("Injections or dry needling"),
            (
                "text",
                "<p>One option is to have the trigger point injected. A doctor may use a local "
                "anaesthetic, a steroid or botulinum toxin (often known by the brand name Botox). "
                "Injections can help, but they have drawbacks:</p>"
                "<ul><li>they are usually given by a doctor, often after a wait, and can be expensive "
                "if you pay privately</li>"
                "<li>all three medicines can have side effects, and steroid injections cannot be "
                "repeated often</li>"
                "<li>some people cannot have these medicines because of other health conditions or "
                "medicines they take</li>"
                "<li>botulinum toxin is not licensed for trigger point pain, and research on how well "
                "it works for this is mixed</li></ul>"
                "<p>Dry needling uses the same idea without any medicine. A very fine, solid needle is "
                "placed into the trigger point. Studies comparing injections with dry needling suggest "
                "that much of the benefit comes from the needle itself, not from the drug. With dry "
                "needling, there is no medicine to cause side effects.</p>",
            ),
            (
                "inset",
                {
                    "text": "<p>Medical acupuncture is based on modern knowledge of anatomy and of how the "
                    "body handles pain. It is not the same as traditional Chinese acupuncture, although "
                    "both use fine needles.</p>"
                },
            ),
            heading("If you would rather not have needles"),
            (
                "text",
                "<p>That is fine. We can use acupressure instead. This means pressing firmly and "
                "steadily on the trigger point with a thumb or fingertip, and holding until the muscle "
                "starts to relax. It can feel uncomfortable for a short time, but no needles are "
                "involved. Just tell us what you prefer. You can change your mind at any point, even "
                "during a session.</p>",
            ),
            heading("What a session feels like"),
            (
                "text",
                "<p>First we check your medical history and examine you to find the trigger points. "
                "You will sit or lie in a comfortable position, and we will tell you before each "
                "needle goes in.</p>"
                "<ul><li>The needles are very thin, much thinner than a needle used for a blood "
                "test.</li>"
                "<li>When the needle reaches a trigger point, the muscle often gives a quick twitch, "
                "or you feel a deep ache. This is expected and usually passes within seconds.</li>"
                "<li>Depending on the area, a needle may be taken out straight away or left in for a "
                "few minutes.</li>"
                "<li>Afterwards the muscle may feel sore for a day or two, like after a hard workout. "
                "Some people get a small bruise.</li></ul>",
            ),
            heading("Is it safe?"),
            (
                "text",
                "<p>When it is done by a trained practitioner, dry needling is a safe treatment and "
                "serious side effects are rare. We only use single-use, sterile needles. Each one is "
                "opened in front of you and goes into a sharps bin straight after use. Our "
                "practitioners are trained in medical acupuncture and take extra care when needling "
                "near the chest.</p>"
                "<p>Please tell us before treatment if you:</p>"
                "<ul><li>take medicine to thin your blood, such as warfarin</li>"
                "<li>have a bleeding disorder</li>"
                "<li>are pregnant or could be pregnant</li>"
                "<li>have epilepsy, diabetes or a weakened immune system</li>"
                "<li>are afraid of needles, or have fainted during a blood test</li></ul>"
                "<p>This does not always mean you cannot have treatment, but we may change our "
                "approach or suggest acupressure instead.</p>",
            ),
            (
                "testimonial",
                {
                    "quote": "I had put up with headaches and a stiff neck for over a year. After a few "
                    "sessions I could turn my head properly again, and the headaches come far less "
                    "often.",
                    "attribution": "A patient from Woodford",
                    "detail": "Example testimonial (demo content): medical acupuncture for neck pain",
                },
            ),
            (
                "faq",
                {
                    "heading": "Common questions",
                    "items": [
                        {
                            "question": "Is this the same as acupuncture?",
                            "answer": "<p>Both use fine needles, but the thinking behind them is "
                            "different. Traditional acupuncture is based on ideas from Chinese "
                            "medicine. Dry needling targets trigger points that we find by examining "
                            "your muscles, and is based on anatomy and research into pain.</p>",
                        },
                        {
                            "question": "Does it hurt?",
                            "answer": "<p>Most people feel very little as the needle goes in. When it "
                            "reaches a trigger point you may feel a deep ache or a quick twitch in the "
                            "muscle. Tell us at any time if you want us to stop.</p>",
                        },
                        {
                            "question": "How many sessions will I need?",
                            "answer": "<p>Some people notice a change after one or two sessions; others "
                            "need more. We usually suggest three or four sessions, then we review with "
                            "you how it is going.</p>",
                        },
                        {
                            "question": "Can I have it in the same appointment as osteopathy?",
                            "answer": "<p>Yes. Dry needling often fits well into an osteopathy "
                            "appointment. We will talk this through with you at your assessment.</p>",
                        },
                    ],
                },
            ),
        ],
    },
}

DEEP_TISSUE_MASSAGE = {
    "model": "pages.TreatmentPage",
    "listing_image": MASSAGE_IMAGE,
    "fields": {
        "title": "Deep tissue massage",
        "slug": "deep-tissue-massage",
        "summary": (
            "Slow, firm massage that works into the deeper layers of muscle to ease tension and "
            "stiffness. We always adjust the pressure to what feels right for you."
        ),
        "session_length": 60,
        "fee": Decimal("50.00"),
        "fee_note": "60 minutes; 30-minute sessions £35",
        "body": [
            heading("What deep tissue massage is"),
            (
                "text",
                "<p>Deep tissue massage uses slow strokes and steady, firm pressure to reach the "
                "deeper layers of muscle and the tissue around them. We often use it for areas that "
                "feel tight, knotted or overworked, such as the shoulders, the upper and lower back, "
                "and the legs.</p>"
                "<p>It is not meant to hurt. You may feel some discomfort when we work on a tight "
                "area, but you are always in control of the pressure.</p>",
            ),
            heading("Who it may help"),
            (
                "text",
                "<p>Many patients find deep tissue massage helpful for:</p>"
                "<ul><li>muscle tension from desk work, driving or stress</li>"
                "<li>stiffness after sport or a change in exercise</li>"
                "<li>long-standing aches in the neck, shoulders and back</li>"
                "<li>recovery alongside osteopathy or dry needling</li></ul>"
                "<p>Research suggests that massage can ease pain and help people feel better in the "
                "short term, especially as part of a wider plan that includes staying active.</p>",
            ),
            heading("What happens in a session"),
            (
                "text",
                "<p>We start by asking about your health and what you would like us to focus on. You "
                "lie on a padded couch, covered with towels, and only the area we are working on is "
                "uncovered. We use a small amount of oil or lotion, so tell us if you have any "
                "allergies or sensitive skin.</p>"
                "<p>Afterwards it is normal to feel a little sore for a day or so. Keeping gently "
                "active, such as going for a short walk, can help.</p>",
            ),
            heading("When massage is not suitable"),
            (
                "text",
                "<p>We will not massage an area that has:</p>"
                "<ul><li>a fresh injury, such as a sprain in the first couple of days</li>"
                "<li>broken skin, a rash, a burn or an infection</li>"
                "<li>varicose veins</li>"
                "<li>a possible blood clot</li></ul>"
                "<p>Please tell us if you are pregnant, take medicine to thin your blood, have "
                "osteoporosis or are having treatment for cancer. We can often still help, with "
                "lighter pressure or a different treatment.</p>",
            ),
            (
                "care_card",
                {
                    "urgency": "urgent",
                    "heading": "",
                    "body": "<ul><li>you have pain, swelling and warmth in one leg, usually in the "
                    "calf</li>"
                    "<li>the skin over the painful area looks red, or darker than usual</li></ul>"
                    "<p>These can be signs of a blood clot (deep vein thrombosis). Call 999 if you "
                    "also feel short of breath or have chest pain.</p>",
                },
            ),
            (
                "faq",
                {
                    "heading": "Common questions",
                    "items": [
                        {
                            "question": "Should I book massage or osteopathy?",
                            "answer": "<p>If you have pain you do not understand, or pain that stops you "
                            "doing everyday things, start with an osteopathy appointment so we can "
                            "assess you. If you know your muscles are tight and want regular care, a "
                            "massage may be all you need. Call us if you are not sure.</p>",
                        },
                        {
                            "question": "What should I wear?",
                            "answer": "<p>Wear whatever is comfortable. We will ask you to undress down "
                            "to your underwear for the areas being massaged, and you stay covered with "
                            "towels throughout. If you would prefer to stay partly dressed, tell us and "
                            "we will work around it.</p>",
                        },
                        {
                            "question": "How often should I come?",
                            "answer": "<p>That depends on what you want from it. Some people come once "
                            "for a specific problem; others book every few weeks. We will not push you "
                            "into a course of treatment.</p>",
                        },
                    ],
                },
            ),
        ],
    },
}

ELECTROTHERAPY = {
    "model": "pages.TreatmentPage",
    "listing_image": ELECTROTHERAPY_IMAGE,
    "fields": {
        "title": "Electrotherapy",
        "slug": "electrotherapy",
        "summary": (
            "Treatments such as TENS, therapeutic ultrasound and interferential therapy, used "
            "alongside hands-on care to help ease pain. We always check first that they are safe for you."
        ),
        "session_length": 20,
        "fee": Decimal("30.00"),
        "fee_note": "when booked on its own; often added to another appointment",
        "body": [
            heading("What electrotherapy is"),
            (
                "text",
                "<p>Electrotherapy is a group of treatments that use mild electrical currents or sound "
                "waves. We use it alongside hands-on treatment, exercise and advice, never instead of "
                "them.</p>"
                "<p>The evidence for electrotherapy is mixed. Some people find it eases their pain for "
                "a while, which can make it easier to move and to do their exercises. Others notice "
                "little change. We will be honest with you about what it can and cannot do.</p>",
            ),
            heading("The types we use"),
            ("text", "<p>Depending on your problem, we may suggest one of these.</p>"),
            heading("TENS", "h3"),
            (
                "text",
                "<p>TENS stands for transcutaneous electrical nerve stimulation. Small sticky pads on "
                "your skin pass a mild electrical current into the area, which feels like tingling. "
                "While it is switched on, it may make pain feel less strong. If it helps you, we can "
                "show you how to use a small TENS machine at home.</p>",
            ),
            heading("Therapeutic ultrasound", "h3"),
            (
                "text",
                "<p>A small handheld head sends high-frequency sound waves into the tissues through a "
                "layer of gel. You usually feel nothing, or a slight warmth. It is sometimes used for "
                "muscle and tendon injuries, although research on how much it helps is limited.</p>",
            ),
            heading("Interferential therapy", "h3"),
            (
                "text",
                "<p>Interferential therapy uses two mild electrical currents that cross over deeper in "
                "the body. It feels like a gentle tingling or pulsing. We use it in a similar way to "
                "TENS, to help ease pain in a deeper area.</p>",
            ),
            heading("Who should not have electrotherapy"),
            (
                "text",
                "<p>Electrotherapy is not safe for everyone. Please tell us if you:</p>"
                "<ul><li>have a pacemaker or another implanted electrical device</li>"
                "<li>are pregnant: we will not use it over your tummy, pelvis or lower back</li>"
                "<li>have epilepsy</li>"
                "<li>have, or have had, cancer in the area to be treated</li>"
                "<li>have a blood clot, or poor blood flow, in the area</li>"
                "<li>have numbness or reduced feeling in the skin of the area</li>"
                "<li>have broken or damaged skin in the area</li></ul>"
                "<p>We also never use it over the front of the neck or near the eyes, and we avoid "
                "metal implants with some treatments. We will always check with you before we "
                "start.</p>",
            ),
            (
                "inset",
                {
                    "text": "<p>Electrotherapy should never hurt. Tell us straight away if the tingling "
                    "becomes uncomfortable or your skin feels hot.</p>"
                },
            ),
            (
                "faq",
                {
                    "heading": "Common questions",
                    "items": [
                        {
                            "question": "Can I buy a TENS machine to use at home?",
                            "answer": "<p>Yes, many pharmacies sell them. We suggest trying TENS in the "
                            "clinic first, so we can check whether it helps you and show you where to "
                            "put the pads safely.</p>",
                        },
                        {
                            "question": "Will I need electrotherapy at every visit?",
                            "answer": "<p>No. We only suggest it when we think it may help, and you can "
                            "always say no. Most of your treatment will be hands-on care and "
                            "exercise.</p>",
                        },
                    ],
                },
            ),
        ],
    },
}

TREATMENTS = {
    "model": "pages.TreatmentIndexPage",
    "fields": {
        "title": "Treatments",
        "slug": "treatments",
        "show_in_menus": True,
        "intro": "<p>Every treatment starts with a conversation and an examination, so that we can "
        "suggest what is most likely to help you. Many patients have more than one kind of treatment "
        "in the same appointment.</p>",
        "summary": (
            "The treatments we offer at Clayhall Osteopaths, with typical session lengths and fees: "
            "osteopathy, medical acupuncture, deep tissue massage and electrotherapy."
        ),
    },
    "children": [OSTEOPATHY, MEDICAL_ACUPUNCTURE, DEEP_TISSUE_MASSAGE, ELECTROTHERAPY],
}

ABOUT = {
    "model": "pages.StandardPage",
    "fields": {
        "title": "About us",
        "slug": "about",
        "show_in_menus": True,
        "summary": (
            "Who we are, how our team is trained and regulated, and what to expect when you visit our "
            "clinic in Clayhall."
        ),
        "body": [
            heading("Our clinic"),
            (
                "text",
                "<p>Clayhall Osteopaths is a small, independent clinic. Our patients come from "
                "Clayhall, Barkingside, Gants Hill, Woodford and other parts of Redbridge and east "
                "London. We see people of all ages: office workers with stiff necks, older people "
                "with aching joints, parents, builders and keen runners.</p>"
                "<p>We keep appointments unhurried. We would rather take the time to understand your "
                "problem than rush to treat it.</p>",
            ),
            heading("Our training"),
            (
                "text",
                "<p>Our osteopaths have completed a recognised degree in osteopathy, which includes "
                "several years of study and supervised work with patients. Between us we are trained "
                "in:</p>"
                "<ul><li>osteopathy</li>"
                "<li>trigger point dry needling (medical acupuncture)</li>"
                "<li>acupressure</li>"
                "<li>deep tissue massage</li>"
                "<li>electrotherapy, including TENS, therapeutic ultrasound and interferential "
                "therapy</li></ul>"
                "<p>Every osteopath in the UK must keep learning throughout their career, and we "
                "regularly take courses to keep our skills up to date.</p>",
            ),
            heading("Registration and standards"),
            (
                "text",
                "<p>All our osteopaths are registered with the "
                '<a href="https://www.osteopathy.org.uk/">General Osteopathic Council</a>, which '
                "regulates osteopathy in the UK. To stay registered, an osteopath must meet its "
                "standards of training and practice, and hold professional insurance. You can check "
                "any osteopath's registration on the Council's website.</p>"
                "<p>If you are ever unhappy with your care, please tell us first so that we can try to "
                "put it right. You can also raise a concern with the General Osteopathic Council.</p>",
            ),
            heading("Visiting us"),
            (
                "text",
                "<p>If you use a wheelchair or walking aid, or have any other access needs, please "
                "tell us when you book. We will explain the entrance and the treatment rooms, and make "
                "any changes we can to help your visit go smoothly.</p>"
                "<p>You are welcome to bring a friend, family member or carer into your appointment. "
                "If you would like a chaperone, just ask.</p>"
                '<p>Directions and opening hours are on our <a href="/contact/">contact page</a>.</p>',
            ),
        ],
    },
}

CONTACT = {
    "model": "pages.ContactPage",
    "fields": {
        "title": "Contact us",
        "slug": "contact",
        "show_in_menus": True,
        "summary": "Phone, email, opening hours and directions for Clayhall Osteopaths in Clayhall, Ilford.",
        "intro": "<p>Call or email us to book an appointment or to ask a question. We reply to emails "
        "within one working day.</p>",
        "directions": "<p>We are in Clayhall, in the London Borough of Redbridge, a short distance north "
        "of Gants Hill.</p>"
        "<p><b>By Underground:</b> the nearest station is Gants Hill on the Central line. From there "
        "it is about a 15-minute walk, or a short bus ride.</p>"
        "<p><b>By bus:</b> several local bus routes stop nearby. Transport for London's journey "
        "planner will show you the best route from where you are.</p>"
        "<p><b>By car:</b> there is on-street parking in the roads nearby. Please check the signs, as "
        "some spaces have time limits.</p>"
        "<p><b>Step-free access:</b> please call us before your first visit, so that we can tell you "
        "about the entrance and help you plan your visit.</p>",
    },
}

PRIVACY = {
    "model": "pages.StandardPage",
    "fields": {
        "title": "Privacy notice",
        "slug": "privacy",
        "summary": (
            "How Clayhall Osteopaths collects, uses and protects your personal information when you "
            "use this website or contact us, and what your rights are."
        ),
        "body": [
            ("text", "<p><b>Version 1.0. Last updated: November 2026.</b></p>"),
            (
                "text",
                "<p>This notice explains what personal information we collect when you use our "
                "website or contact us, why we collect it, how long we keep it and what your rights "
                "are. If anything is unclear, please ask us.</p>",
            ),
            heading("Who we are"),
            (
                "text",
                "<p>Clayhall Osteopaths is the controller of the personal information described in "
                "this notice. This means we decide how and why it is used, and we are responsible for "
                "looking after it.</p>"
                f"<p>You can contact us about anything in this notice by email at {EMAIL_LINK}, by "
                f"phone on {PHONE}, or by post to the address on our "
                '<a href="/contact/">contact page</a>.</p>',
            ),
            heading("What we collect through this website"),
            (
                "text",
                "<p>When you send us an enquiry through the form on this website, we collect:</p>"
                "<ul><li>your name</li>"
                "<li>your email address</li>"
                "<li>your phone number, if you give it</li>"
                "<li>the treatment you are interested in, if you choose one</li>"
                "<li>your message</li></ul>"
                "<p>Your message may include information about your health, for example where you "
                "have pain. Health information is a special category of personal data under data "
                "protection law, and we take extra care with it. Please only tell us what we need to "
                "reply to you. We will ask for full details at your appointment.</p>",
            ),
            heading("Why we use it and our lawful basis"),
            (
                "text",
                "<p>We use the information you send us only to reply to your enquiry, to arrange an "
                "appointment if you want one, and to keep a record of what we discussed.</p>"
                "<p>Data protection law (the UK GDPR and the Data Protection Act 2018) requires us to "
                "have a lawful basis for this:</p>"
                "<ul><li><b>Your contact details and message:</b> we rely on taking steps you have "
                "asked for before you become a patient, such as arranging an appointment, and on our "
                "legitimate interest in answering the questions people send us.</li>"
                "<li><b>Health information in your message:</b> we rely on the condition for providing "
                "health care (UK GDPR Article 9(2)(h)), because we use it to judge whether and how we "
                "can help you. Only staff who have a duty of confidentiality handle it.</li></ul>"
                "<p>We do not use your information for marketing, we do not sell it, and we do not "
                "use it to make automated decisions about you.</p>",
            ),
            heading("Who can see it and how we protect it"),
            (
                "text",
                "<p>Only clinic staff can see the enquiries you send. We do not share them with anyone "
                "else unless the law requires it, or you ask us to, for example to write to your "
                "GP.</p>"
                "<p>Our website and email run on services from hosting and email providers. They "
                "store information for us under a contract and may not use it for anything else. The "
                "website uses an encrypted connection, and only staff with their own login can see "
                "enquiries.</p>",
            ),
            heading("How long we keep it"),
            (
                "text",
                "<p>Unless we need to keep them for longer, for example to deal with a complaint, our "
                "standard periods are:</p>"
                "<ul><li>enquiries that have been dealt with and closed are deleted after 12 "
                "months</li>"
                "<li>messages that look like spam are deleted after 30 days</li></ul>"
                "<p>If you become a patient, your clinical records are kept separately, and for "
                "longer, as health records must be. We will explain this at your first "
                "appointment.</p>",
            ),
            heading("Your rights"),
            (
                "text",
                "<p>You have the right to:</p>"
                "<ul><li>ask for a copy of the personal information we hold about you</li>"
                "<li>ask us to correct information that is wrong or incomplete</li>"
                "<li>ask us to delete your information</li>"
                "<li>object to, or ask us to limit, how we use it</li>"
                "<li>ask for your information in a form you can take elsewhere, where this "
                "applies</li></ul>"
                "<p>To use any of these rights, contact us using the details above. We will reply "
                "within one month, and in most cases there is no charge.</p>"
                "<p>If you are unhappy with how we have handled your information, please tell us so we "
                "can try to put it right. You also have the right to complain to the Information "
                "Commissioner's Office (ICO), the UK's data protection regulator, at "
                '<a href="https://ico.org.uk/">ico.org.uk</a> or on 0303 123 1113.</p>',
            ),
            heading("Cookies"),
            (
                "text",
                "<p>This website only sets cookies that it needs to work. When you use the enquiry "
                "form, we set a security cookie that stops other websites from sending the form in "
                "your name. It does not track you and is not used for anything else. Staff who sign "
                "in to manage the website also get a cookie that keeps them signed in.</p>"
                "<p>We do not use analytics or advertising cookies. Our pages do not load anything "
                "from other companies, such as fonts, maps, videos or tracking scripts. Because we "
                "only use cookies that are strictly necessary, we do not need to ask for your consent, "
                "so you will not see a cookie banner.</p>",
            ),
            heading("Changes to this notice"),
            (
                "text",
                "<p>We will update this notice if we change how we use personal information. The "
                "version number and date at the top show when it last changed.</p>",
            ),
        ],
    },
}

ACCESSIBILITY = {
    "model": "pages.StandardPage",
    "fields": {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "summary": (
            "How accessible this website is, what to do if you have a problem using it, and how to "
            "ask for information in another format."
        ),
        "body": [
            (
                "text",
                "<p>This statement covers the Clayhall Osteopaths website. We want everyone to be "
                "able to use it, including people who use assistive technology. We have built it so "
                "that you can:</p>"
                "<ul><li>zoom in up to 400% and the text still fits the screen, without scrolling "
                "sideways</li>"
                "<li>use the whole website with just a keyboard, with a clear outline showing where "
                "you are</li>"
                "<li>use a screen reader, such as NVDA, JAWS, TalkBack or VoiceOver</li>"
                "<li>use speech recognition software</li>"
                "<li>change colours, text size and fonts using your browser or device settings</li>"
                "</ul>"
                "<p>We have tried to keep the wording plain and the pages simple. The website does not "
                "load anything from other companies' servers, so it works the same way with strict "
                "privacy or content-blocking settings.</p>",
            ),
            heading("How accessible this website is"),
            (
                "text",
                "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at "
                "level AA.</p>"
                "<p>We do not know of any part of the website that falls short of this standard. If "
                "you find one, please tell us so that we can fix it.</p>",
            ),
            heading("Reporting a problem or asking for another format"),
            (
                "text",
                "<p>If you have difficulty using any part of this website, or need information in "
                "another format such as large print, contact us:</p>"
                f"<ul><li>phone: {PHONE}</li>"
                f"<li>email: {EMAIL_LINK}</li></ul>"
                "<p>We aim to reply within one working day and to fix problems as quickly as we "
                "can.</p>",
            ),
            heading("Visiting the clinic"),
            (
                "text",
                "<p>If you have access needs for your visit, such as step-free access or a quiet place "
                "to wait, please tell us when you book. Directions are on our "
                '<a href="/contact/">contact page</a>.</p>',
            ),
            heading("Enforcement procedure"),
            (
                "text",
                "<p>If you contact us about an accessibility problem and you are not happy with our "
                "reply, you can contact the "
                '<a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support '
                "Service</a> for advice. The Equality and Human Rights Commission (EHRC) is "
                "responsible for enforcing equality law, including the Equality Act 2010, in England, "
                "Scotland and Wales.</p>",
            ),
            heading("Preparation of this statement"),
            (
                "text",
                "<p>This statement was prepared in November 2026. It is based on automated "
                "accessibility checks and on testing by hand with a keyboard and with browser zoom. We "
                "will review it at least once a year, and whenever we make a large change to the "
                "website.</p>",
            ),
        ],
    },
}

# The home page and everything under it, in menu order.
SITE = {
    "model": "pages.HomePage",
    "fields": HOME,
    "children": [TREATMENTS, ABOUT, CONTACT, PRIVACY, ACCESSIBILITY],
}
