// almanac search: the header's type-ahead, the /search/ page, and the
// words of a search marked on the page a result opens. It reads the index
// generator/search writes under search/: a manifest, the shards of the
// words asked for, the facets (on /search/ only) and the file of records
// (four pages' each) of every result shown. Everything it puts in the
// page is built as DOM nodes.
(() => {
  "use strict";
  const form = document.querySelector("form.search-box");
  const input = form && form.querySelector("input[name=q]");
  if (!input || !window.fetch || !window.Map) return;
  const pop = form.querySelector(".search-pop");
  const page = document.getElementById("search-page");
  const base = form.getAttribute("data-index");
  const dec = new TextDecoder();
  const S = 0, L = 1, H = 2, C = 3, J = 4;
  const PREFIX = 0.7, FUZZY = 0.5, PARTS = 0.8, TITLE = 1e3, TIER = 1e4, ID_BONUS = 1e4, MATCHED = 1e6;

  // --- Text, as generator/search folds and splits it -----------------------

  const EX = { "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "ı": "i", "Ł": "L", "ł": "l", "Ŧ": "T", "ŧ": "t", "ſ": "s", "ƀ": "b" };
  const fold1 = (c) => {
    const n = c.codePointAt(0);
    if ((n >= 0xc0 && n <= 0x24f) || (n >= 0x1e00 && n <= 0x1eff)) {
      c = c.normalize("NFD")[0];
      c = EX[c] || c;
    }
    c = c.toLowerCase();
    return c === "ς" ? "σ" : c;
  };
  const fold = (s) => Array.from(s.replace(/[\u0300-\u036f]/g, ""), fold1).join("");
  // keep folds without changing lengths, so offsets still point into s.
  const keep = (s) => s.replace(/[\s\S]/gu, (c) => { const f = fold1(c); return f.length === c.length ? f : c; });
  const ALNUM = /[\p{L}\p{N}\p{M}]/u;
  const cls = (c) => {
    const n = c.codePointAt(0);
    if (n < 0x80) return /[a-z0-9A-Z]/.test(c) ? L : /[-._]/.test(c) ? J : S;
    if ((n >= 0x1100 && n <= 0x11ff) || (n >= 0x3130 && n <= 0x318f) || (n >= 0xa960 && n <= 0xa97f) || (n >= 0xac00 && n <= 0xd7ff)) return H;
    if ((n >= 0x3040 && n <= 0x30ff) || (n >= 0x31f0 && n <= 0x31ff) || (n >= 0x3400 && n <= 0x4dbf) || (n >= 0x4e00 && n <= 0x9fff) ||
      (n >= 0xf900 && n <= 0xfaff) || (n >= 0xff66 && n <= 0xff9f) || (n >= 0x20000 && n <= 0x3ffff)) return C;
    return ALNUM.test(c) ? L : S;
  };
  const len = (s) => Array.from(s).length;
  const kindAt = (s, i) => { const c = String.fromCodePoint(s.codePointAt(i)); return [cls(c), c.length]; };

  // runs calls fn(kind, run, segments, hasDigit, attached) for each word
  // of folded text: Latin runs with their joiners, Hangul and CJK runs.
  function runs(text, fn) {
    let kind = S, prev = S, run = "", seg = "", segs = [], digit = false, joiner = "";
    const flush = () => {
      if (kind === L) segs.push(seg);
      if (kind !== S) fn(kind, run, segs, digit, prev === L || prev === C);
      prev = kind; kind = S; run = seg = joiner = ""; segs = []; digit = false;
    };
    for (const c of text) {
      const k = cls(c);
      if (joiner) {
        const j = joiner;
        joiner = "";
        if (k === L) { segs.push(seg); seg = c; run += j + c; digit = digit || /[0-9]/.test(c); continue; }
        flush(); prev = S;
      }
      if (k === J && kind === L) { joiner = c; continue; }
      if (k === S || k === J) { flush(); prev = S; continue; }
      if (k !== kind) { flush(); kind = k; }
      run += c;
      if (k === L) seg += c;
      if (/[0-9]/.test(c)) digit = true;
    }
    flush();
  }

  function stem(w, ko) {
    const a = Array.from(w), n = a.length;
    for (let k = Math.min(n - 1, 5); k >= 1; k--) {
      if (k === 1 && n < 3) break;
      if (ko.has(a.slice(n - k).join(""))) return a.slice(0, n - k).join("");
    }
    return w;
  }

  // pairs are the syllable pairs that cover a Korean word: the index
  // holds a long word's overlapping pairs, so a compound is found by its
  // parts (정산계좌 by 계좌) and, through these, by a query that runs the
  // parts together (정산계좌 finds 정산 계좌).
  const pairs = (w) => {
    const a = Array.from(w), out = [];
    for (let i = 0; i + 1 < a.length; i += 2) out.push(a[i] + a[i + 1]);
    if (a.length % 2) out.push(a[a.length - 2] + a[a.length - 1]);
    return out;
  };

  // terms are the words of a query: {t, k: kind, pre: may match as a
  // prefix, fz: may match with one typo, alt: a Korean word's pairs}.
  // Stop words are dropped, but for the word still being typed, which may
  // grow into another.
  function terms(q, m) {
    const out = [], typing = !/\s$/.test(q);
    runs(fold(q), (k, s, segs, digit, attached) => {
      if (k === L) {
        if (segs.length > 1 && digit) out.push({ t: /^v[0-9]/.test(s) ? s.slice(1) : s, k, pre: true });
        else for (const g of segs) if (len(g) >= 2) out.push({ t: g, k, pre: true, fz: len(g) >= 5 && !/[0-9]/.test(g) });
      } else if (k === H) {
        if (attached && m.ko.has(s)) return;
        const w = s.replace(/[\u3131-\u318e]+$/, ""); // a syllable still being composed
        const t = w && stem(w, m.ko);
        if (t) out.push({ t, k, pre: true, alt: len(t) >= 3 ? pairs(t) : null });
      } else {
        const a = Array.from(s);
        if (a.length === 1) out.push({ t: s, k, pre: true });
        for (let i = 0; i + 1 < a.length; i++) out.push({ t: a[i] + a[i + 1], k });
      }
    });
    const seen = new Set();
    return out.filter((x, i) => {
      if (seen.has(x.t)) return false;
      seen.add(x.t);
      if (x.k === L && m.stop.has(x.t)) return typing && i === out.length - 1 ? (x.stop = true) : false;
      return true;
    });
  }

  // --- Files ------------------------------------------------------------------

  // The manifest, the shards and the facets are stored gzipped; a host
  // that does not say so sends them as they are, and they are inflated
  // here. From a Response rather than a Blob, whose bytes go by way of the
  // browser's process: that made each file cost three times as much.
  async function gunzip(b) {
    if (b[0] !== 0x1f || b[1] !== 0x8b) return b; // the host already decoded it
    try {
      const s = new Response(b).body.pipeThrough(new DecompressionStream("gzip"));
      return new Uint8Array(await new Response(s).arrayBuffer());
    } catch (e) {
      throw new Error("damaged gzip data: " + e.message);
    }
  }

  const files = new Map();
  let version = "";
  function get(name) {
    let p = files.get(name);
    if (!p) {
      const url = base + name + (version ? "?v=" + version : "");
      p = fetch(url, version ? {} : { cache: "no-cache" })
        .then((r) => { if (!r.ok) throw new Error(url + ": " + r.status); return r.arrayBuffer(); })
        .then((b) => gunzip(new Uint8Array(b)));
      p.catch(() => files.delete(name));
      files.set(name, p);
    }
    return p;
  }
  const json = (name) => get(name).then((b) => JSON.parse(dec.decode(b)));
  let manifestP;
  function manifest() {
    manifestP = manifestP || json("index.bin").then((m) => {
      version = m.v;
      m.stop = new Set(m.stop);
      m.ko = new Set(m.ko);
      return m;
    }, (e) => { manifestP = null; throw e; });
    return manifestP;
  }
  // Records are kept m.rc to a file: d's is entry d % m.rc of file d / m.rc,
  // named by the manifest's pattern (gzipped or not: see get).
  const record = (d) => manifest().then((m) =>
    json((m.rf || "d/%d.bin").replace("%d", Math.floor(d / m.rc))).then((a) => {
      const r = a[d % m.rc];
      if (!r) throw new Error("no record for " + d);
      return r;
    }));

  // A shard: sorted terms, each with its document count and postings.
  const shards = new Map();
  function shard(i) {
    let p = shards.get(i);
    if (!p) {
      p = get("t/" + i + ".bin").then((b) => {
        const sh = { b, t: [], df: [], at: [], end: [], h: new Map() };
        let p = 0;
        const rd = () => { let x = 0, s = 0, c; do { c = b[p++]; x += (c & 127) * 2 ** s; s += 7; } while (c & 128); return x; };
        const str = () => { const n = rd(); return dec.decode(b.subarray(p, p += n)); };
        // The head: hints, a prefix's most common completions.
        for (let n = rd(); n > 0; n--) {
          const pre = str(), list = [];
          for (let k = rd(); k > 0; k--) list.push({ t: str(), df: rd() });
          sh.h.set(pre, list);
        }
        while (p < b.length) {
          const n = rd();
          sh.t.push(dec.decode(b.subarray(p, p + n)));
          p += n;
          sh.df.push(rd());
          const l = rd();
          sh.at.push(p);
          sh.end.push(p += l);
        }
        return sh;
      });
      p.catch(() => shards.delete(i));
      shards.set(i, p);
    }
    return p;
  }
  // shardOf is the shard that holds term t, or would.
  function shardOf(m, t) {
    let lo = 0, hi = m.s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (m.s[mid] <= t) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  // shardsFor loads the shards of the terms that start with t, or only
  // the one where t itself would be when that prefix spans too many.
  function shardsFor(m, t, pre, most, around) {
    let lo = shardOf(m, t), hi = pre ? shardOf(m, t + "\uffff") : lo;
    if (hi - lo >= most) lo = hi = shardOf(m, around || t);
    const list = [];
    for (let i = lo; i <= hi; i++) list.push(shard(i));
    return Promise.all(list);
  }
  // matches finds the index terms q asks for, as [shard, term number]: q
  // itself and, for a prefix, the terms it begins. A prefix that spans
  // more than a few shards is read through its hint: its most common
  // completions, from the shards that hold them.
  async function matches(m, q) {
    const lo = shardOf(m, q.t), hi = q.pre ? shardOf(m, q.t + "\uffff") : lo, out = [];
    const find = (sh, t, pre) => {
      let a = 0, z = sh.t.length;
      while (a < z) { const mid = (a + z) >> 1; if (sh.t[mid] < t) a = mid + 1; else z = mid; }
      for (let j = a; j < sh.t.length && (pre ? sh.t[j].startsWith(t) : sh.t[j] === t); j++) out.push([sh, j]);
    };
    if (hi - lo >= 2) {
      const first = await shard(lo), hint = first.h.get(q.t);
      if (hint) {
        find(first, q.t, false);
        const ts = hint.filter((c) => c.t !== q.t).map((c) => c.t), at = ts.map((t) => shardOf(m, t));
        const want = [...new Set(at)].slice(0, 4), got = await Promise.all(want.map(shard));
        ts.forEach((t, i) => { const k = want.indexOf(at[i]); if (k >= 0) find(got[k], t, false); });
        return out;
      }
    }
    for (const sh of await shardsFor(m, q.t, q.pre, 3)) find(sh, q.t, q.pre);
    return out;
  }
  // postings calls fn(doc, impact byte, title byte) for each posting of
  // term j (see encodeList in generator/search).
  function postings(sh, j, fn) {
    const b = sh.b;
    let p = sh.at[j], doc = 0;
    while (p < sh.end[j]) {
      let x = 0, s = 0, c;
      do { c = b[p++]; x += (c & 127) * 2 ** s; s += 7; } while (c & 128);
      doc += Math.floor(x / 2);
      const v = b[p++];
      fn(doc, v, x % 2 ? b[p++] : 0);
    }
  }

  // --- Matching and ranking ---------------------------------------------------

  function oneTypo(a, b) {
    const la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    let i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // scores gives each document the best score of any index term that q
  // matches: exactly, as a prefix or, failing both, with one typo. The
  // scores are by document number (s, 0 for none; every score is above
  // 0), with the documents that have one listed (d): a common word has
  // thousands, which a Map would make slow to fill and to read. t holds,
  // by document, the title byte of a term q matches in the title: its
  // place in the title above the title's length in words.
  //
  // A term's weight is its IDF, but for the words a prefix completes:
  // "ro" means rollback far more often than rogevou, so each completion
  // weighs by how common it is against the most common one, and h holds,
  // by document, how many times less common than that the most common
  // word of the document's is, in powers of two (0 for q itself).
  async function scores(q, m, extra) {
    const out = { s: new Float64Array(m.n), d: [], t: new Uint8Array(m.n), h: new Uint8Array(m.n).fill(255) };
    const idf = (df) => Math.log(1 + (m.n - df + 0.5) / (df + 0.5));
    const add = (sh, j, f, exact, h) => {
      f /= m.k;
      postings(sh, j, (d, v, tb) => {
        let s = f * (v >> 1);
        if (exact && v & 1) s += ID_BONUS;
        if (exact && v & 1) h = 0;
        if (h < out.h[d]) { out.h[d] = h; out.t[d] = tb; } // the title of the word that counts
        else if (h === out.h[d] && !out.t[d]) out.t[d] = tb;
        if (s > out.s[d]) {
          if (out.s[d] === 0) out.d.push(d);
          out.s[d] = s;
        }
      });
    };
    const found = (await matches(m, q)).filter(([sh, j]) => !(q.stop && sh.t[j] === q.t));
    let top = 0;
    for (const [sh, j] of found) if (sh.t[j] !== q.t) top = Math.max(top, sh.df[j]);
    for (const [sh, j] of found) {
      const df = sh.df[j];
      const h = Math.min(254, Math.max(0, Math.floor(Math.log2(top / df))));
      if (sh.t[j] === q.t) add(sh, j, idf(df), true, h); // an id's own page keeps its place: see ID_BONUS
      else add(sh, j, PREFIX * idf(top) * df / top, false, h);
    }
    if (q.alt) { // the word's parts, wherever the page has them all
      const parts = await Promise.all(q.alt.map((t) => scores({ t, k: q.k }, m, [])));
      for (const d of parts[0].d) {
        let sum = 0;
        for (const r of parts) sum = r.s[d] && sum >= 0 ? sum + r.s[d] : -1;
        if (sum <= 0) continue;
        sum *= PARTS / parts.length;
        if (!out.t[d]) out.t[d] = parts[0].t[d];
        out.h[d] = 0;
        if (sum > out.s[d]) {
          if (out.s[d] === 0) out.d.push(d);
          out.s[d] = sum;
        }
      }
    }
    if (!found.length && !out.d.length && q.fz) {
      for (const sh of await shardsFor(m, q.t.slice(0, 2), true, 4, q.t)) {
        sh.t.forEach((w, j) => { if (oneTypo(w, q.t)) { add(sh, j, FUZZY * idf(sh.df[j]), false, 0); extra.push(w); } });
      }
    }
    return out;
  }

  // boost ranks a page whose title holds the query's words: every word in
  // the title puts it above the pages whose title does not (TITLE), ahead
  // the more of the title the words make up; words in the query's order
  // and close together in the title (at most one word between) raise it
  // again. tb are the words' title bytes in the page (0: not in its
  // title).
  function boost(sum, tb) {
    const n = tb.length;
    let all = true, close = 0;
    for (let i = 0; i < n; i++) {
      if (!tb[i]) { all = false; continue; }
      if (i + 1 < n && tb[i + 1]) {
        const gap = (tb[i + 1] >> 4) - (tb[i] >> 4);
        if (gap >= 0 && gap <= 2) close++;
      }
    }
    const near = n > 1 ? close / (n - 1) : 0;
    if (!all) return sum * (1 + near / 2);
    const cover = Math.min(1, n / (tb[0] & 15));
    return TITLE + sum * (1 + near + cover);
  }

  // search returns the matching documents (ids, in no order) with their
  // scores (score, by document number), and the words to mark in what
  // they show.
  async function search(text) {
    const m = await manifest();
    const qs = terms(text, m);
    if (!qs.length) return null;
    const extra = [];
    const per = await Promise.all(qs.map((q) => scores(q, m, extra)));
    // A stop word still being typed ("node v12 to") may grow into a word
    // or stay what it is, which no page holds: it adds to a page's score
    // and is not required.
    let need = per.filter((r, i) => !qs[i].stop);
    const opt = need.length ? per.filter((r, i) => qs[i].stop) : [];
    if (!need.length) need = per;
    const order = need.slice().sort((a, b) => a.d.length - b.d.length);
    const total = new Float64Array(m.n), ids = [];
    for (const d of order[0].d) {
      let sum = order[0].s[d];
      for (let i = 1; i < order.length && sum > 0; i++) {
        const x = order[i].s[d];
        sum = x === 0 ? 0 : sum + x;
      }
      if (sum <= 0) continue;
      for (const r of opt) sum += r.s[d];
      total[d] = boost(sum, need.map((r) => r.t[d]));
      // One word typed so far: the pages of its most common completion
      // first, then those of words half as common, and so on.
      if (per.length === 1) total[d] *= TIER ** -per[0].h[d];
      ids.push(d);
    }
    if (!ids.length && per.length > 1) { // no page has every word: rank by how many it has
      for (const r of per) {
        for (const d of r.d) {
          if (total[d] === 0) ids.push(d);
          total[d] += r.s[d] + MATCHED;
        }
      }
    }
    return { ids, score: total, words: qs.flatMap((q) => q.alt ? [q.t, ...q.alt] : [q.t]).concat(extra) };
  }

  // best is the first n of what search found, best first, ties in document
  // order. The dropdown shows six of what may be thousands: it keeps a
  // short list as it goes rather than sorting them all (when n is more
  // than an eighth of them, sorting is as quick).
  function best(found, n) {
    if (!found) return [];
    const s = found.score, ids = found.ids;
    if (n * 8 > ids.length) return ids.slice().sort((a, b) => s[b] - s[a] || a - b).slice(0, n);
    const top = [];
    for (const d of ids) {
      const k = top.length;
      if (k === n && (s[d] < s[top[k - 1]] || (s[d] === s[top[k - 1]] && d > top[k - 1]))) continue;
      let i = Math.min(k, n - 1);
      for (; i > 0 && (s[d] > s[top[i - 1]] || (s[d] === s[top[i - 1]] && d < top[i - 1])); i--) top[i] = top[i - 1];
      top[i] = d;
    }
    return top;
  }

  // --- Marking words ----------------------------------------------------------

  // marker returns a function that finds the words to mark in a text, as
  // [start, end) ranges.
  function marker(words) {
    const by = { [L]: [], [H]: [], [C]: [] };
    for (const w of words) if (w) by[cls(w[0]) === H ? H : cls(w[0]) === C ? C : L].push(w);
    const joined = by[L].filter((w) => /[-._]/.test(w));
    return (text) => {
      const out = [];
      for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+(?:[-._][\p{L}\p{N}\p{M}]+)*/gu)) {
        const s = keep(m[0]), at = m.index;
        if (joined.some((w) => s.startsWith(w))) { out.push([at, at + s.length]); continue; }
        for (let i = 0, j; i < s.length; i = j) {
          const [k, w] = kindAt(s, i);
          j = i + w;
          if (k === J) continue;
          for (let x; j < s.length && (x = kindAt(s, j))[0] === k;) j += x[1];
          const sub = s.slice(i, j);
          if (k === L && by[L].some((w) => sub.startsWith(w))) out.push([at + i, at + j]);
          if (k === H && by[H].some((w) => sub.startsWith(w))) out.push([at + i, at + j]);
          if (k === C) {
            for (const w of by[C]) for (let p = sub.indexOf(w); p >= 0; p = sub.indexOf(w, p + 1)) out.push([at + i + p, at + i + p + w.length]);
          }
        }
      }
      out.sort((a, b) => a[0] - b[0]);
      return out.filter((r, n) => n === 0 || r[0] >= out[n - 1][1]);
    };
  }

  const el = (tag, cl, text) => {
    const e = document.createElement(tag);
    if (cl) e.className = cl;
    if (text != null) e.textContent = text;
    return e;
  };
  // marked returns text as nodes, the given ranges in <mark>.
  function marked(text, ranges, from, to) {
    const f = document.createDocumentFragment();
    let at = from;
    for (const [a, b] of ranges) {
      if (b <= from || a >= to) continue;
      if (a > at) f.append(text.slice(at, a));
      f.append(el("mark", "", text.slice(Math.max(a, at), Math.min(b, to))));
      at = Math.min(b, to);
    }
    if (at < to) f.append(text.slice(at, to));
    return f;
  }
  // snippet cuts about n characters around the first place where the most
  // different words are found.
  function snippet(text, find, n) {
    const ranges = find(text);
    let from = 0, best = 0;
    for (const [a] of ranges) {
      const seen = new Set();
      for (const [x, y] of ranges) if (x >= a && x < a + n) seen.add(keep(text.slice(x, y)));
      if (seen.size > best) { best = seen.size; from = a; }
    }
    if (from > 0) {
      from = Math.max(0, from - 30);
      const sp = text.lastIndexOf(" ", from + 10);
      if (sp > from - 20) from = sp + 1;
    }
    let to = Math.min(text.length, from + n);
    for (const [a, b] of ranges) if (a < to && b > to) to = b; // never cut a marked word
    if (to < text.length) {
      const sp = text.indexOf(" ", to);
      if (sp >= 0 && sp < to + 15) to = sp;
    }
    const p = el("p", "search-snippet");
    if (from > 0) p.append("… ");
    p.append(marked(text, ranges, from, to));
    if (to < text.length) p.append(" …");
    return p;
  }

  // result builds one result: badges, id, date, title, snippet.
  function result(r, words, find, tag, n) {
    const a = el("a", "search-link");
    a.href = r.u + "?highlight=" + encodeURIComponent(words.join(" "));
    const meta = el("span", "search-meta");
    for (const [c, l] of r.b || []) meta.append(el("span", "badge " + c, l), " ");
    if (r.i) meta.append(el("span", "id", r.i), " ");
    if (r.d) meta.append(el("time", "date", r.d));
    const title = el(tag, "search-title");
    title.append(marked(r.t, find(r.t), 0, r.t.length));
    a.append(meta, title, snippet((r.x || "").replace(/\s+/g, " "), find, n));
    return a;
  }
  const say = (tmpl, ...args) => (tmpl || "").replace(/\{(\d)\}/g, (_, i) => args[i]);

  // --- The header's dropdown --------------------------------------------------

  // The list's data-query is the query whose results it holds: while a
  // word is typed, the list of an earlier prefix may show for a moment.
  let seq = 0, active = -1;
  const opts = () => Array.from(pop.querySelectorAll("[role=option]"));
  function show(open) {
    pop.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    if (!open) { active = -1; input.removeAttribute("aria-activedescendant"); }
  }
  function move(by) {
    const list = opts();
    if (!list.length) return;
    if (pop.hidden) show(true);
    active = (active + 1 + by + list.length + 1) % (list.length + 1) - 1; // -1: back in the box
    list.forEach((o, i) => o.setAttribute("aria-selected", i === active ? "true" : "false"));
    if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
    input.setAttribute("aria-activedescendant", list[active].id);
    list[active].scrollIntoView({ block: "nearest" });
  }
  // typeahead shows the first results of the box's query, each as soon
  // as its record comes, in order.
  async function typeahead() {
    const q = input.value.trim(), my = ++seq;
    if (!q) { show(false); return; }
    let found, ids;
    const fail = () => {
      if (my !== seq) return;
      pop.replaceChildren(el("p", "search-empty", form.getAttribute("data-error")));
      pop.setAttribute("data-query", q);
      show(true);
    };
    try {
      found = await search(q);
      ids = best(found, 6);
    } catch (e) {
      fail();
      return;
    }
    if (my !== seq) return;
    const find = marker(found ? found.words : []);
    const recs = ids.map(record), got = [];
    let next = 0;
    const draw = () => {
      if (my !== seq) return;
      if (next === 0) {
        pop.replaceChildren();
        pop.removeAttribute("data-query");
        active = -1;
        input.removeAttribute("aria-activedescendant");
      }
      for (; next < ids.length && got[next]; next++) {
        const o = result(got[next], found.words, find, "span", 110);
        o.id = "search-opt-" + next;
        o.setAttribute("role", "option");
        pop.append(o);
      }
      if (next === ids.length) {
        if (!ids.length) pop.append(el("p", "search-empty", say(form.getAttribute("data-none"), q)));
        else {
          const all = el("a", "search-all", say(form.getAttribute("data-all"), q));
          all.href = form.action + "?q=" + encodeURIComponent(q);
          all.id = "search-opt-all";
          all.setAttribute("role", "option");
          pop.append(all);
        }
        pop.setAttribute("data-query", q);
      }
      show(document.activeElement === input);
    };
    recs.forEach((p, i) => p.then((r) => {
      got[i] = r;
      if (i === next) draw();
    }, fail));
    if (!ids.length) draw();
  }

  // The first key typed searches at once; the keys that follow it
  // closely wait for a pause (ms) and search once.
  function eager(fn, ms) {
    let t = 0, last = -Infinity;
    return () => {
      const now = performance.now();
      clearTimeout(t);
      if (now - last > ms && !t) { last = now; t = 0; fn(); return; }
      last = now;
      t = setTimeout(() => { t = 0; fn(); }, ms);
    };
  }

  const debounce = (fn, ms) => { let t; return () => { clearTimeout(t); t = setTimeout(fn, ms); }; };
  const editable = (e) => e && (e.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName));
  document.addEventListener("keydown", (e) => {
    const k = e.key;
    if (((k === "k" || k === "K") && (e.ctrlKey || e.metaKey) && !e.altKey) || (k === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !editable(e.target))) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
  // On focus, before a key is typed: the manifest and, when no key has
  // come a moment later, the shards of the index's most common words,
  // which many queries read. A query typed at once has the connections to
  // itself.
  input.addEventListener("focus", () => {
    manifest().then((m) => setTimeout(() => {
      if (!input.value.trim()) for (const i of m.hot || []) shard(i).catch(() => {});
    }, 150), () => {});
  });

  if (!page) {
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", pop.id);
    pop.setAttribute("role", "listbox");
    pop.setAttribute("aria-label", input.labels[0] ? input.labels[0].textContent : "");
    input.addEventListener("input", eager(typeahead, 100));
    input.addEventListener("focus", () => { if (input.value.trim() && pop.childNodes.length) show(true); });
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        move(e.key === "ArrowDown" ? 1 : -1);
      } else if (e.key === "Enter" && active >= 0 && !pop.hidden) {
        e.preventDefault();
        location.href = opts()[active].href;
      } else if (e.key === "Escape") {
        if (!pop.hidden) { e.preventDefault(); show(false); } else input.blur();
      }
    });
    form.addEventListener("submit", (e) => { // Enter on a chosen result opens it
      if (active >= 0 && !pop.hidden) { e.preventDefault(); location.href = opts()[active].href; }
    });
    form.addEventListener("focusout", (e) => { if (!form.contains(e.relatedTarget)) show(false); });
    pop.addEventListener("mousedown", (e) => e.preventDefault()); // keep focus while a click lands
  }

  // --- The /search/ page ------------------------------------------------------

  if (page) {
    const FACETS = ["kind", "status", "severity", "tag", "service", "release", "year"];
    const status = document.getElementById("search-status");
    const list = document.getElementById("search-results");
    const more = page.querySelector(".search-more");
    const clear = page.querySelector(".search-clear");
    const filters = document.getElementById("search-filters");
    const data = (k) => page.getAttribute("data-" + k);
    const params = new URLSearchParams(location.search);
    const sel = {};
    for (const f of FACETS) sel[f] = new Set(params.getAll(f));
    const open = { tag: false, service: false, release: false };
    let facetsP, shown = [], ids = [], words = [], find = marker([]), mySeq = 0;
    input.value = params.get("q") || "";
    filters.hidden = false;
    if (matchMedia("(max-width: 48rem)").matches && !FACETS.some((f) => sel[f].size)) filters.open = false;

    const facets = () => (facetsP = facetsP || json("facets.bin").then((fs) => {
      const by = {};
      for (const f of fs) {
        by[f.n] = f.v.map(([k, l, gaps]) => { let d = 0; return { k, l, docs: gaps.map((g) => (d += g)) }; });
      }
      return by;
    }, (e) => { facetsP = null; throw e; }));

    const plural = (k, n) => say(data(k + (n === 1 ? "-one" : "-other")), n.toLocaleString(document.documentElement.lang || undefined), input.value.trim());

    function syncURL(q) {
      const p = new URLSearchParams();
      if (q) p.set("q", q);
      for (const f of FACETS) for (const v of sel[f]) p.append(f, v);
      const s = p.toString();
      history.replaceState(history.state, "", location.pathname + (s ? "?" + s : "") + location.hash);
    }

    // update shows the results of the box's query and the filters' counts.
    // The results come first: the facets are needed before them only when
    // a filter is picked.
    async function update() {
      const q = input.value.trim(), my = ++mySeq;
      syncURL(q);
      if (q) status.textContent = data("loading");
      const picked = FACETS.filter((f) => sel[f].size), byP = facets();
      byP.catch(() => {});
      let found, by, m;
      const failed = () => { if (my === mySeq) status.textContent = form.getAttribute("data-error"); };
      try {
        m = await manifest();
        found = q ? await search(q) : null;
        if (picked.length) by = await byP;
      } catch (e) {
        failed();
        return;
      }
      if (my !== mySeq) return;
      const inBase = new Uint8Array(m.n);
      if (found) for (const d of found.ids) inBase[d] = 1;
      else if (q === "") inBase.fill(1);
      const masks = {};
      for (const f of picked) {
        const mask = new Uint8Array(m.n);
        for (const v of by[f] || []) if (sel[f].has(v.k)) for (const d of v.docs) mask[d] = 1;
        masks[f] = mask;
      }
      const passes = (d, skip) => picked.every((f) => f === skip || masks[f][d]);
      const base = found ? best(found, found.ids.length) : q === "" && picked.length ? Array.from(inBase.keys()) : [];
      ids = base.filter((d) => passes(d));
      words = found ? found.words : [];
      find = marker(words);
      clear.hidden = !picked.length;
      if (!q && !picked.length) status.textContent = data("hint");
      else if (!q) status.textContent = plural("pages", ids.length);
      else if (!ids.length) status.textContent = say(form.getAttribute("data-none"), q);
      else status.textContent = plural("results", ids.length);
      list.replaceChildren();
      shown = [];
      const drawn = showMore(my);
      if (!by) {
        try { by = await byP; } catch (e) { failed(); return; }
        if (my !== mySeq) return;
      }
      renderFacets(by, inBase, passes);
      await drawn;
    }

    // showMore adds the next ten results, each as soon as it and those
    // before it have their records.
    async function showMore(my) {
      const next = ids.slice(shown.length, shown.length + 10);
      shown = shown.concat(next);
      more.hidden = true;
      for (const p of next.map(record)) {
        let r;
        try { r = await p; } catch (e) { return; }
        if (my !== mySeq) return;
        const li = el("li", "search-result");
        li.append(result(r, words, find, "h2", 240));
        list.append(li);
      }
      more.hidden = shown.length >= ids.length;
    }

    function renderFacets(by, inBase, passes) {
      for (const fs of page.querySelectorAll("fieldset[data-facet]")) {
        const f = fs.getAttribute("data-facet"), ul = fs.querySelector("ul");
        const vals = [];
        for (const v of by[f] || []) {
          let n = 0;
          for (const d of v.docs) if (inBase[d] && passes(d, f)) n++;
          if (n || sel[f].has(v.k)) vals.push([v, n]);
        }
        ul.replaceChildren();
        fs.hidden = !vals.length;
        const cut = f in open && !open[f] && vals.length > 10 ? 8 : vals.length;
        vals.forEach(([v, n], i) => {
          if (i >= cut && !sel[f].has(v.k)) return;
          const li = el("li"), lab = el("label"), box = el("input");
          box.type = "checkbox";
          box.value = v.k;
          box.checked = sel[f].has(v.k);
          box.addEventListener("change", () => {
            if (box.checked) sel[f].add(v.k); else sel[f].delete(v.k);
            update();
          });
          lab.append(box, " ", el("span", "facet-label", v.l), " ", el("span", "count", n.toLocaleString(document.documentElement.lang || undefined)));
          li.append(lab);
          ul.append(li);
        });
        if (cut < vals.length) {
          const b = el("button", "facet-more", say(data("show-all"), vals.length));
          b.type = "button";
          b.addEventListener("click", () => { open[f] = true; update(); });
          const li = el("li");
          li.append(b);
          ul.append(li);
        }
      }
    }

    input.addEventListener("input", debounce(update, 80));
    form.addEventListener("submit", (e) => { e.preventDefault(); update(); });
    more.addEventListener("click", () => showMore(mySeq));
    clear.addEventListener("click", () => { for (const f of FACETS) sel[f].clear(); update(); });
    update();
    if (!input.value) input.focus();
  }

  // --- Words marked on a page opened from a result ----------------------------

  const hl = new URLSearchParams(location.search).get("highlight");
  const main = document.querySelector("main");
  if (hl && main) {
    const find = marker(hl.split(/\s+/));
    const walk = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => n.parentNode.closest("script,style,mark,.search-pop") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    const nodes = [];
    while (walk.nextNode()) nodes.push(walk.currentNode);
    let first = null, count = 0;
    for (const n of nodes) {
      const ranges = find(n.data);
      if (!ranges.length || count > 500) continue;
      count += ranges.length;
      const f = marked(n.data, ranges, 0, n.data.length);
      for (const m of f.querySelectorAll("mark")) m.className = "search-hit";
      first = first || f.querySelector("mark");
      n.replaceWith(f);
    }
    if (first) first.scrollIntoView({ block: "center" });
    const u = new URL(location.href);
    u.searchParams.delete("highlight");
    history.replaceState(history.state, "", u.pathname + u.search + u.hash);
  }

  // Tests and the benchmark reach the script's parts through this one name.
  window.almanacSearch = { fold, gunzip, terms: (q) => manifest().then((m) => terms(q, m)), search, best, records: (ids) => Promise.all(ids.map(record)), manifest, shard };
})();
