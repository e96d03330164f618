"""The treatments index and one page per treatment."""

from decimal import Decimal

from .details import heading
from .images import ACUPUNCTURE_IMAGE, ELECTROTHERAPY_IMAGE, MASSAGE_IMAGE, OSTEOPATHY_IMAGE

OSTEOPATHY = {
    "model": "pages.TreatmentPage",
    # Abstract pictures: decorative, so screen readers skip them.
    "images": {"listing_image": {**OSTEOPATHY_IMAGE, "decorative": True}},
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
    # Abstract pictures: decorative, so screen readers skip them.
    "images": {"listing_image": {**ACUPUNCTURE_IMAGE, "decorative": True}},
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
    # Abstract pictures: decorative, so screen readers skip them.
    "images": {"listing_image": {**MASSAGE_IMAGE, "decorative": True}},
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
    # Abstract pictures: decorative, so screen readers skip them.
    "images": {"listing_image": {**ELECTROTHERAPY_IMAGE, "decorative": True}},
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
