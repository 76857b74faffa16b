// Calendar pages: mark "today" from the reader's clock, in the site's time
// zone, so a page built days ago still marks the right day. Without this
// script the page marks the day the site was built.
(function () {
  "use strict";

  // readerToday is the reader's date in zone as YYYY-MM-DD; the browser's
  // own zone when it does not know the site's.
  function readerToday(zone) {
    var now = new Date();
    try {
      var parts = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone || undefined, year: "numeric", month: "2-digit", day: "2-digit"
      }).formatToParts(now);
      var p = {};
      parts.forEach(function (x) { p[x.type] = x.value; });
      if (p.year && p.month && p.day) return p.year + "-" + p.month + "-" + p.day;
    } catch (e) { /* unknown zone: fall back to the browser's */ }
    var m = now.getMonth() + 1, d = now.getDate();
    return now.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  function unmark(el) {
    el.classList.remove("today");
    el.removeAttribute("aria-current");
    Array.prototype.forEach.call(el.querySelectorAll(".cal-today"), function (t) { t.remove(); });
  }

  function mark(el, word, where) {
    el.classList.add("today");
    el.setAttribute("aria-current", "date");
    if (!where || el.querySelector(".cal-today")) return;
    var t = document.createElement("span");
    t.className = "cal-today";
    t.textContent = word;
    where.appendChild(document.createTextNode(" "));
    where.appendChild(t);
  }

  function init() {
    var cal = document.querySelector(".cal[data-today]");
    if (!cal) return;
    var today = readerToday(cal.getAttribute("data-zone"));
    cal.setAttribute("data-reader-today", today);
    if (today === cal.getAttribute("data-today")) return;

    var word = "";
    var old = cal.querySelector(".cal-today");
    if (old) word = old.textContent;

    // The grid: move the mark to the reader's day, when the page shows it.
    Array.prototype.forEach.call(cal.querySelectorAll(".cal-day.today"), unmark);
    var cell = cal.querySelector('.cal-day[data-date="' + today + '"]:not(.out)');
    if (cell) mark(cell, word, cell.querySelector(".cal-date"));

    // The list: mark the reader's day where it has events; drop the empty
    // "today" entry the build added for its own day.
    Array.prototype.forEach.call(cal.querySelectorAll(".cal-lday.today"), function (li) {
      if (li.querySelector(".cal-quiet")) li.remove(); else unmark(li);
    });
    var day = cal.querySelector('.cal-lday[data-date="' + today + '"]');
    if (day) mark(day, word, day.querySelector("h3"));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
