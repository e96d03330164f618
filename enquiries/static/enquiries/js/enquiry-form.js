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
        info.setAttribute("aria-hidden", "true");

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
