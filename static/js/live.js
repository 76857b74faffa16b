// almanac preview: the reload client. `almanac serve` adds it to every page
// it serves; no build publishes it. It listens to the server's events and
//   - reloads the page when a change touched it, keeping the scroll place;
//   - swaps a changed stylesheet in without reloading;
//   - shows the site's errors over the page, with their source lines, and
//     takes them away once they are fixed.
// Everything it shows is set as text, never as markup.
(function () {
  "use strict";

  var EVENTS = "/_almanac/events";
  var SCROLL_KEY = "almanac-preview-scroll:";
  var here = normalize(location.pathname);
  var unbuilt = !!document.querySelector('meta[name="almanac-preview"]');

  // URL paths arrive decoded ("/people/tomás/"); the location's is
  // percent-encoded. Both lose a trailing "index.html".
  function normalize(p) {
    try { p = decodeURI(p); } catch (e) { /* keep it as it is */ }
    return p.replace(/\/index\.html$/, "/");
  }

  // --- Scroll place across reloads -------------------------------------

  function reload() {
    try {
      sessionStorage.setItem(SCROLL_KEY + here, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (e) { /* private mode: reload anyway */ }
    location.reload();
  }

  function restoreScroll() {
    var saved;
    try {
      saved = sessionStorage.getItem(SCROLL_KEY + here);
      sessionStorage.removeItem(SCROLL_KEY + here);
    } catch (e) { return; }
    if (!saved) return;
    var xy = JSON.parse(saved);
    window.scrollTo(xy[0], xy[1]);
    // Images may still be loading: try again once the page has its height.
    window.addEventListener("load", function () { window.scrollTo(xy[0], xy[1]); }, { once: true });
  }

  // --- What a change touched --------------------------------------------

  // uses reports whether the page loads the file at path p (a script, an
  // image, an icon).
  function uses(p) {
    var els = document.querySelectorAll("[src], link[href]:not([data-almanac-replaced])");
    for (var i = 0; i < els.length; i++) {
      var u = els[i].src || els[i].href;
      try {
        if (normalize(new URL(u, location.href).pathname) === p) return true;
      } catch (e) { /* not a URL */ }
    }
    return false;
  }

  function touched(urls) {
    for (var i = 0; i < urls.length; i++) {
      var u = normalize(urls[i]);
      if (u === here) return true;
      if (!/\/$|\.html$/.test(u) && uses(u)) return true;
    }
    return false;
  }

  // swapStyles replaces the page's stylesheet links by the changed ones.
  // The fingerprinted main stylesheet changes name; other stylesheets keep
  // theirs and are loaded again.
  function swapStyles(list) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    list.forEach(function (css) {
      var main = /\/assets\/main\.[^/]*\.css$/.test(css);
      for (var i = 0; i < links.length; i++) {
        var old = links[i];
        if (old.hasAttribute("data-almanac-replaced")) continue;
        var p = new URL(old.href, location.href).pathname;
        if (main ? /\/assets\/main\.[^/]*\.css$/.test(p) : p === css) {
          // The old file may be removed before the new one has loaded:
          // that is no reason to reload.
          old.setAttribute("data-almanac-replaced", "");
          var fresh = old.cloneNode();
          fresh.removeAttribute("data-almanac-replaced");
          fresh.href = main ? css : css + "?v=" + Date.now();
          fresh.addEventListener("load", function () { this.old.remove(); }.bind({ old: old }), { once: true });
          old.after(fresh);
        }
      }
    });
  }

  // --- The error overlay ------------------------------------------------

  var STYLE = [
    ":host { all: initial; }",
    ".veil { position: fixed; inset: 0; z-index: 2147483647; overflow: auto; padding: 2rem 1rem;",
    "  background: rgb(15 18 22 / 0.55); font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }",
    ".panel { max-width: 60rem; margin: 0 auto; background: #fff; color: #1b1f24; border-radius: 8px;",
    "  border-top: 6px solid #a40e26; box-shadow: 0 10px 40px rgb(0 0 0 / 0.35); padding: 1rem 1.25rem 1.25rem; }",
    "header { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; }",
    "h2 { margin: 0; font-size: 1.15rem; color: #a40e26; }",
    ".note { margin: .25rem 0 0; color: #57606a; font-size: .9rem; }",
    "button { font: inherit; cursor: pointer; border: 1px solid #d0d7de; background: #f6f8fa; color: inherit;",
    "  border-radius: 6px; padding: .2rem .7rem; }",
    "button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }",
    "ol { list-style: none; margin: 1rem 0 0; padding: 0; }",
    "li { border-top: 1px solid #d0d7de; padding: .9rem 0 .2rem; }",
    ".where { font: 600 .9rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #0550ae;",
    "  overflow-wrap: anywhere; }",
    ".msg { margin: .2rem 0; font-weight: 600; overflow-wrap: anywhere; }",
    ".hint { margin: .2rem 0; color: #3d444d; }",
    ".hint::before { content: 'Hint: '; font-weight: 600; }",
    "pre { margin: .5rem 0 0; padding: .5rem 0; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px;",
    "  overflow-x: auto; font: .85rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }",
    ".line { display: block; padding: 0 .75rem 0 0; white-space: pre; }",
    ".line.here { background: #ffebe9; }",
    ".n { display: inline-block; min-width: 3.5em; padding-right: .75em; text-align: right; color: #57606a;",
    "  user-select: none; }",
    ".caret { color: #a40e26; font-weight: 700; }",
    ".more { margin: .75rem 0 0; color: #57606a; }",
    "@media (prefers-color-scheme: dark) {",
    "  .panel { background: #161b22; color: #e6edf3; border-top-color: #ff7b72; }",
    "  h2, .caret { color: #ff7b72; } .where { color: #79c0ff; } .note, .n, .more { color: #9da7b3; }",
    "  .hint { color: #c9d1d9; } pre, button { background: #0d1117; border-color: #30363d; }",
    "  li { border-color: #30363d; } .line.here { background: #4a1d22; }",
    "}",
    "@media (max-width: 40rem) { .veil { padding: .5rem; } .panel { padding: .75rem; } }"
  ].join("\n");

  var host = null;
  var dismissed = null; // the problems the reader closed, until they change

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }

  function excerpt(p) {
    var pre = el("pre");
    p.excerpt.forEach(function (l) {
      var line = el("span", l.here ? "line here" : "line");
      line.appendChild(el("span", "n", l.n));
      line.appendChild(document.createTextNode(l.text));
      pre.appendChild(line);
      if (l.here && p.col > 0) {
        var caret = el("span", "line");
        caret.appendChild(el("span", "n", ""));
        caret.appendChild(el("span", "caret", new Array(p.col).join(" ") + "^"));
        pre.appendChild(caret);
      }
    });
    return pre;
  }

  function showProblems(data, key) {
    hideProblems();
    if (!document.body) return;
    host = el("almanac-problems");
    var root = host.attachShadow({ mode: "open" });
    if ("adoptedStyleSheets" in root) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
      root.adoptedStyleSheets = [sheet];
    }
    var veil = el("div", "veil");
    var panel = el("section", "panel");
    panel.setAttribute("role", "alertdialog");
    panel.setAttribute("aria-labelledby", "almanac-problems-title");
    var head = el("header");
    var titles = el("div");
    var n = data.errors.length + (data.more || 0);
    var h = el("h2", "", n === 1 ? "1 error" : n + " errors");
    h.id = "almanac-problems-title";
    titles.appendChild(h);
    titles.appendChild(el("p", "note", unbuilt
      ? "The site has not built yet. Fix the file and it loads here."
      : "The preview shows the last version that built. Fix the file and this goes away."));
    head.appendChild(titles);
    var close = el("button", "", "Close");
    close.type = "button";
    close.addEventListener("click", function () { dismissed = key; hideProblems(); });
    head.appendChild(close);
    panel.appendChild(head);
    var list = el("ol");
    data.errors.forEach(function (p) {
      var item = el("li");
      item.appendChild(el("div", "where", p.where));
      item.appendChild(el("p", "msg", p.message));
      if (p.hint) item.appendChild(el("p", "hint", p.hint));
      if (p.excerpt && p.excerpt.length) item.appendChild(excerpt(p));
      list.appendChild(item);
    });
    panel.appendChild(list);
    if (data.more) panel.appendChild(el("p", "more", "… and " + data.more + " more: the terminal lists them all."));
    veil.appendChild(panel);
    root.appendChild(veil);
    document.body.appendChild(host);
  }

  function hideProblems() {
    if (host) host.remove();
    host = null;
  }

  // --- The event stream -------------------------------------------------

  var serverID = null;

  function connect() {
    var es = new EventSource(EVENTS + "?path=" + encodeURIComponent(here));
    es.addEventListener("hello", function (e) {
      var id = JSON.parse(e.data).id;
      // A new server (restarted) may serve a changed site.
      if (serverID !== null && id !== serverID) reload();
      serverID = id;
    });
    es.addEventListener("problems", function (e) {
      var data = JSON.parse(e.data);
      if (!data.errors.length) {
        dismissed = null;
        hideProblems();
        return;
      }
      if (e.data !== dismissed) showProblems(data, e.data);
    });
    es.addEventListener("reload", function (e) {
      var data = JSON.parse(e.data);
      if (unbuilt || data.all || touched(data.urls || [])) {
        reload();
        return;
      }
      if (data.css && data.css.length) swapStyles(data.css);
    });
  }

  restoreScroll();
  connect();
})();
