"""The home page and the information pages: about, contact, privacy notice, accessibility statement."""

from .details import heading

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
                '<a href="/contact/">contact page</a>, and answers to common questions about your '
                'first visit are on <a href="/your-visit/">your visit</a>.</p>'
            },
        ),
    ],
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
        'within one working day. Before your first visit, you may find our <a href="/your-visit/">'
        "answers to common questions</a> useful.</p>",
        "directions": "<p>We are in Clayhall, in the London Borough of Redbridge, a short distance north "
        "of Gants Hill.</p>",
        "public_transport": "<p>The nearest Underground station is Gants Hill on the Central line, "
        "about a 15-minute walk away or a short bus ride. Several local bus routes stop nearby: "
        "Transport for London's journey planner shows the best route from where you are.</p>",
        "parking": "<p>There is on-street parking in the roads nearby. Please check the signs, as some "
        "spaces have time limits.</p>",
        "step_free_access": "<p>Please call us before your first visit, so that we can tell you about "
        "the entrance and help you plan your visit. We are happy to meet you at the door.</p>",
    },
}

YOUR_VISIT = {
    "model": "pages.StandardPage",
    "fields": {
        "title": "Your visit",
        "slug": "your-visit",
        "show_in_menus": True,
        "seo_title": "Your visit: what to wear, how long it takes, fees and cancellations",
        "summary": (
            "What to wear, how long your first appointment takes, whether you need a GP referral, "
            "how to pay and what happens if you need to cancel."
        ),
        "body": [
            (
                "text",
                "<p>Most people have a few questions before they come to see us for the first time. "
                "If yours is not answered here, please call or email us.</p>",
            ),
            (
                "faq",
                {
                    "heading": "Before your first appointment",
                    "items": [
                        {
                            "question": "What should I wear?",
                            "answer": "<p>Wear something comfortable that you can move in, such as "
                            "loose trousers or leggings and a T-shirt. Your osteopath may need to see "
                            "how the painful area moves, so a vest top or shorts can help. If you would "
                            "rather stay covered, say so: we will always find a way that suits you, "
                            "and you are welcome to bring someone with you.</p>",
                        },
                        {
                            "question": "How long does the first appointment take?",
                            "answer": "<p>Allow about an hour. We spend the first part listening to "
                            "you and asking about your health, then examine you and explain what we "
                            "find. If treatment is right for you, it usually starts in the same "
                            "appointment. Follow-up appointments are shorter.</p>",
                        },
                        {
                            "question": "Do I need a referral from my GP?",
                            "answer": "<p>No. You can book with us directly. If you have letters or "
                            "scan results from your GP or a hospital, please bring them. If we think "
                            "you should see your GP first, we will tell you and explain why.</p>",
                        },
                        {
                            "question": "What if I need to cancel or change my appointment?",
                            "answer": "<p>Please let us know at least 24 hours before, by phone or "
                            "email, and we will find you another time. If you cancel with less notice "
                            "or do not come, we may ask you to pay for the appointment, unless it was "
                            "for a reason you could not help.</p>",
                        },
                        {
                            "question": "How can I pay, and do you work with health insurers?",
                            "answer": "<p>You pay at the end of each appointment, by card or in cash. "
                            "Our fees are on each treatment's page. Many health insurers cover "
                            "osteopathy: check with yours before you come, as some ask you to get "
                            "their approval first. We give you a receipt to claim with.</p>",
                        },
                    ],
                },
            ),
        ],
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
                "<p>You can contact us about anything in this notice by email, by phone or by post:</p>",
            ),
            ("clinic_details", {"show": ["email", "phone", "address"]}),
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
                "another format such as large print, contact us:</p>",
            ),
            ("clinic_details", {"show": ["phone", "email"]}),
            (
                "text",
                "<p>We aim to reply within one working day and to fix problems as quickly as we can.</p>",
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
