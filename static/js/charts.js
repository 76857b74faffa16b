// almanac: read-outs for the charts of the metrics pages. Pointing at a
// chart, or moving along it with the arrow keys once it has focus, writes
// the date and value of the nearest marks under it (from each mark's own
// <title>) and marks them. Without this script every value is still in
// the table under each chart and in each mark's tooltip.
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";

  function num(el, name) {
    return parseFloat(el.getAttribute(name)) || 0;
  }

  // columns groups the marks that carry a title by their x position:
  // one point of each line, or the bars (and stacked parts) of one date.
  function columns(svg) {
    var byX = {};
    var list = [];
    svg.querySelectorAll(".chart-series circle, .chart-series rect").forEach(function (el) {
      var title = el.querySelector("title");
      if (!title) return;
      var x = el.tagName.toLowerCase() === "circle" ? num(el, "cx") : num(el, "x") + num(el, "width") / 2;
      var key = x.toFixed(2);
      if (!byX[key]) {
        byX[key] = { x: x, marks: [], texts: [] };
        list.push(byX[key]);
      }
      byX[key].marks.push(el);
      byX[key].texts.push(title.textContent);
    });
    list.sort(function (a, b) { return a.x - b.x; });
    return list;
  }

  // plotSpan is the top and bottom of the plot, from the grid lines.
  function plotSpan(svg) {
    var top = Infinity, bottom = -Infinity;
    svg.querySelectorAll(".chart-grid line").forEach(function (l) {
      top = Math.min(top, num(l, "y1"));
      bottom = Math.max(bottom, num(l, "y1"));
    });
    if (top === Infinity) {
      var vb = svg.viewBox.baseVal;
      return [0, vb ? vb.height : 0];
    }
    return [top, bottom];
  }

  function attach(svg) {
    var cols = columns(svg);
    if (!cols.length) return;
    var span = plotSpan(svg);
    var out = document.createElement("p");
    out.className = "chart-readout";
    out.setAttribute("aria-live", "polite");
    svg.insertAdjacentElement("afterend", out);

    var guide = document.createElementNS(NS, "line");
    guide.setAttribute("class", "chart-guide");
    guide.setAttribute("stroke", "currentColor");
    guide.setAttribute("stroke-dasharray", "3 3");
    guide.setAttribute("vector-effect", "non-scaling-stroke");
    guide.setAttribute("y1", span[0]);
    guide.setAttribute("y2", span[1]);
    guide.setAttribute("visibility", "hidden");
    svg.insertBefore(guide, svg.querySelector(".chart-series"));

    var current = -1;
    function show(i) {
      if (current >= 0) cols[current].marks.forEach(function (m) { m.classList.remove("is-hot"); });
      current = i;
      if (i < 0) {
        guide.setAttribute("visibility", "hidden");
        out.textContent = "";
        return;
      }
      var c = cols[i];
      c.marks.forEach(function (m) { m.classList.add("is-hot"); });
      guide.setAttribute("x1", c.x);
      guide.setAttribute("x2", c.x);
      guide.setAttribute("visibility", "visible");
      out.textContent = c.texts.join(" · ");
    }

    function nearest(clientX, clientY) {
      var ctm = svg.getScreenCTM();
      if (!ctm) return -1;
      var pt = svg.createSVGPoint();
      pt.x = clientX;
      pt.y = clientY;
      var x = pt.matrixTransform(ctm.inverse()).x;
      var best = 0;
      for (var i = 1; i < cols.length; i++) {
        if (Math.abs(cols[i].x - x) < Math.abs(cols[best].x - x)) best = i;
      }
      return best;
    }

    svg.addEventListener("pointermove", function (e) { show(nearest(e.clientX, e.clientY)); });
    svg.addEventListener("pointerleave", function () { show(-1); });

    svg.setAttribute("tabindex", "0");
    svg.addEventListener("focus", function () { show(current >= 0 ? current : cols.length - 1); });
    svg.addEventListener("blur", function () { show(-1); });
    svg.addEventListener("keydown", function (e) {
      var i = current;
      switch (e.key) {
        case "ArrowLeft": i = Math.max(0, i - 1); break;
        case "ArrowRight": i = Math.min(cols.length - 1, i + 1); break;
        case "Home": i = 0; break;
        case "End": i = cols.length - 1; break;
        default: return;
      }
      e.preventDefault();
      show(i);
    });
  }

  function init() {
    document.querySelectorAll(".chart-figure svg.chart:not(.chart-sparkline)").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
