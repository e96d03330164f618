/*
 * Progressive enhancement for the "Write to us" form; it works fully without this.
 * - Moves focus to the error summary, so screen reader users hear it first.
 * - Counts the message's characters (GOV.UK character count pattern): a visible
 *   count under the box, and a quieter live region announced once typing pauses.
 */
(function () {
    "use strict";

    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
        // As GOV.UK's error summary does: focus the field, but scroll so that
        // its label (or its group's legend) and error message stay in view.
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            var input = link && document.getElementById(link.getAttribute("href").slice(1));
            if (!input) {
                return;
            }
            event.preventDefault();
            var group = input.closest(".form-group");
            (group || input).scrollIntoView();
            input.focus({ preventScroll: true });
        });
    }

    document.querySelectorAll("[data-character-count]").forEach(function (group) {
        var textarea = group.querySelector("textarea");
        var info = group.querySelector(".character-count__message");
        var maxLength = parseInt(group.getAttribute("data-maxlength"), 10);
        if (!textarea || !info || !maxLength) {
            return;
        }

        var live = document.createElement("div");
        live.className = "visually-hidden";
        live.setAttribute("aria-live", "polite");
        group.appendChild(live);
        // The visible count is for sighted users; screen readers keep hearing the
        // limit through the hint linked to the box, and the count once typing pauses.
        info.setAttribute("aria-hidden", "true");
        var limitHint = document.createElement("span");
        limitHint.className = "visually-hidden";
        limitHint.id = textarea.id + "_limit";
        limitHint.textContent = "You can enter up to " + maxLength.toLocaleString("en-GB") + " characters";
        group.appendChild(limitHint);
        textarea.setAttribute(
            "aria-describedby",
            ((textarea.getAttribute("aria-describedby") || "") + " " + limitHint.id).trim()
        );

        var timer;
        var describe = function () {
            var remaining = maxLength - textarea.value.length;
            var count = Math.abs(remaining).toLocaleString("en-GB");
            var noun = Math.abs(remaining) === 1 ? "character" : "characters";
            return remaining >= 0
                ? "You have " + count + " " + noun + " remaining"
                : "You have " + count + " " + noun + " too many";
        };
        var update = function () {
            var text = describe();
            info.textContent = text;
            info.classList.toggle("character-count__message--over", textarea.value.length > maxLength);
            clearTimeout(timer);
            timer = setTimeout(function () {
                live.textContent = text;
            }, 1000);
        };
        textarea.addEventListener("input", update);
        info.textContent = describe();
    });
})();
