// almanac default theme: two small enhancements, both optional. Without
// this script every table is still complete and every countdown is the one
// written at build time.
(function () {
  "use strict";

  // Sortable tables: a button in each header cell sorts the rows by that
  // column; a cell's data-sort value, when present, is the key.
  function key(row, i) {
    var cell = row.cells[i];
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  var number = /^-?\d+(\.\d+)?$/;

  function compare(a, b) {
    if (number.test(a) && number.test(b)) return parseFloat(a) - parseFloat(b);
    return a.localeCompare(b, document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
  }

  function sortBy(table, th, i) {
    var tbody = table.tBodies[0];
    if (!tbody) return;
    var asc = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.forEach(function (r, n) { r._n = n; });
    rows.sort(function (a, b) {
      var c = compare(key(a, i), key(b, i));
      if (c === 0) return a._n - b._n; // ties keep the page's order
      return asc ? c : -c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
  }

  function sortable(table) {
    if (!table.tHead || !table.tHead.rows.length) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () { sortBy(table, th, i); });
    });
  }

  // Countdowns: recount the days to a date from the reader's today, so a
  // page built last week still says the right number.
  function recount(el) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(el.getAttribute("data-day") || "");
    if (!m) return;
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    var day = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    var n = Math.round((day - today) / 86400000);
    var text;
    if (n === 0) {
      text = el.getAttribute("data-today");
    } else {
      var abs = Math.abs(n), dir = n > 0 ? "future" : "past";
      text = el.getAttribute("data-" + dir + (abs === 1 ? "-one" : "-other"));
      if (text) text = text.replace("{0}", abs.toLocaleString(document.documentElement.lang || undefined));
    }
    if (text) el.textContent = text;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), sortable);
    Array.prototype.forEach.call(document.querySelectorAll(".countdown[data-day]"), recount);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
