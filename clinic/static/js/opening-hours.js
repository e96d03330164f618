/*
 * The "Open now, until 8pm" line and the closure banner, right at the moment
 * they are read. A page can come from a cache a day or more after it was made,
 * so the server writes each line with the times it is right between
 * (data-shown-from, data-shown-until; clinic/templatetags/opening_hours_tags.py)
 * and this shows the ones that are right now, again every minute.
 * Without it the opening hours table shows alone, and the banner as it was
 * when the page was made (its dates keep it true).
 */
(function () {
    "use strict";

    function update() {
        var now = Date.now();
        document.querySelectorAll("[data-shown-from]").forEach(function (element) {
            var from = Date.parse(element.getAttribute("data-shown-from"));
            var until = Date.parse(element.getAttribute("data-shown-until"));
            element.hidden = !(from <= now && now < until);
        });
        // A box (the status line, the banner) shows while something in it does.
        document.querySelectorAll("[data-shown-if-any]").forEach(function (box) {
            box.hidden = !box.querySelector("[data-shown-from]:not([hidden])");
        });
    }

    update();
    window.setInterval(update, 60 * 1000);
})();
