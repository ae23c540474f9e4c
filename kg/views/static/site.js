/* dkg staff site: search, evidence highlighting and the vis-network graphs.
   Everything from the documents is put into the page as text (textContent,
   text nodes), never as HTML. */
(function () {
  "use strict";

  function fold(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  /* ------------------------------------------------------------ search */
  var search = document.getElementById("search");
  var indexData = document.getElementById("index-data");
  if (search && indexData) {
    var D = JSON.parse(indexData.textContent);
    D.docs = []; D.cited = []; D.bodies = [];
    /* the rows come in parts (index-data/*.js, in the index's order), one script each */
    (window.dkgIndex || []).forEach(function (part) {
      var rows = D[part[0]];
      for (var i = 0; i < part[1].length; i++) { rows.push(part[1][i]); }
    });
    bigIndex(search, D);
  } else if (search) {
    var rows = Array.prototype.slice.call(document.querySelectorAll(".searchable"));
    var keys = rows.map(function (r) { return fold(r.textContent); });
    var count = document.getElementById("search-count");
    var apply = function () {
      var words = fold(search.value).trim().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (r, i) {
        var ok = words.every(function (w) { return keys[i].indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (count) { count.textContent = words.length ? shown + " kết quả" : ""; }
    };
    var timer = null;  /* a national index has tens of thousands of rows: filter once typing pauses */
    search.addEventListener("input", function () {
      if (timer) { clearTimeout(timer); }
      if (rows.length > 2000) { timer = setTimeout(apply, 150); } else { apply(); }
    });
    if (search.value) { apply(); }
  }

  /* A national index: rows live in JSON; only the first matches of each table become DOM rows. */
  function bigIndex(input, D) {
    function cell(tr, text, cls) {
      var td = document.createElement("td");
      if (cls) { td.className = cls; }
      td.textContent = text;
      tr.appendChild(td);
      return td;
    }
    function link(td, text, href) {
      td.textContent = "";
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    }
    function level(td, key) {
      td.textContent = "";
      var span = document.createElement("span");
      span.className = "lvl lvl-" + key;
      span.textContent = D.levels[key] || "?";
      td.appendChild(span);
    }
    function docRow(r) {
      var tr = document.createElement("tr");
      cell(tr, r[0]);
      level(cell(tr, ""), r[1]);
      if (r[2]) { var k = document.createElement("span"); k.className = "muted"; k.textContent = " " + r[2]; tr.lastChild.appendChild(k); }
      cell(tr, r[3]);
      link(cell(tr, ""), r[4], r[7]);
      cell(tr, r[5], "date");
      cell(tr, r[6]);
      return tr;
    }
    function bodyRow(r) {
      var tr = document.createElement("tr");
      link(cell(tr, ""), r[0], r[5]);
      level(cell(tr, ""), r[1]);
      cell(tr, r[2]);
      cell(tr, String(r[3]), "num");
      cell(tr, String(r[4]), "num");
      return tr;
    }
    var tables = [["docs", D.docs, docRow, [0, 3, 4, 5, 6]], ["cited", D.cited, docRow, [0, 3, 4, 5, 6]],
                  ["bodies", D.bodies, bodyRow, [0, 2]]];
    /* the search keys of tens of thousands of rows are folded on the first search, not
       while the page opens (it shows the first rows of each table, unfiltered) */
    var folded = false;
    function foldAll() {
      if (folded) { return; }
      folded = true;
      tables.forEach(function (t) {
        t.push(t[1].map(function (r) { return fold(t[3].map(function (i) { return r[i]; }).join(" ")); }));
      });
    }
    var count = document.getElementById("search-count");
    function apply() {
      var words = fold(input.value).trim().split(/\s+/).filter(Boolean);
      if (words.length) { foldAll(); }
      var total = 0;
      tables.forEach(function (t) {
        var table = document.getElementById(t[0]);
        if (!table) { return; }
        var body = table.tBodies[0];
        body.textContent = "";
        var n = 0;
        t[1].forEach(function (r, i) {
          if (!words.every(function (w) { return t[4][i].indexOf(w) >= 0; })) { return; }
          n += 1;
          if (n <= D.shown) { body.appendChild(t[2](r)); }
        });
        total += n;
        if (n > D.shown) {
          var tr = document.createElement("tr");
          var td = cell(tr, "… còn " + (n - D.shown) + " dòng khớp; gõ thêm để thu hẹp.", "muted");
          td.colSpan = 9;
          body.appendChild(tr);
        }
      });
      if (count) { count.textContent = words.length ? total + " kết quả" : ""; }
    }
    var timer = null;
    input.addEventListener("input", function () {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(apply, 150);
    });
    apply();
  }

  /* ------------------------------------------------------------ evidence */
  var sourceEl = document.getElementById("source-text");
  var sourceData = document.getElementById("source-data");
  var info = document.getElementById("evidence-info");
  var sourceText = sourceData ? JSON.parse(sourceData.textContent) : null;
  if (sourceEl && sourceText !== null) { sourceEl.textContent = sourceText; }
  var activeEl = null;
  /* The graph gives offsets in code points (Python); JavaScript strings count UTF-16 units. */
  var units = null;
  if (sourceText !== null && /[\uD800-\uDFFF]/.test(sourceText)) {
    units = [0];
    var acc = 0;
    for (var ch of sourceText) { acc += ch.length; units.push(acc); }
  }
  function unit(cp) { return units ? units[Math.max(0, Math.min(cp, units.length - 1))] : cp; }

  function showEvidence(cpStart, cpEnd, origin) {
    if (!sourceEl || sourceText === null) { return false; }
    var start = Math.max(0, Math.min(unit(cpStart), sourceText.length));
    var end = Math.max(start, Math.min(unit(cpEnd), sourceText.length));
    sourceEl.textContent = "";
    sourceEl.appendChild(document.createTextNode(sourceText.slice(0, start)));
    var mark = document.createElement("mark");
    mark.id = "evidence-mark";
    mark.textContent = sourceText.slice(start, end);
    sourceEl.appendChild(mark);
    sourceEl.appendChild(document.createTextNode(sourceText.slice(end)));
    sourceEl.scrollTop += mark.getBoundingClientRect().top - sourceEl.getBoundingClientRect().top - 60;
    var r = sourceEl.getBoundingClientRect();
    if (r.top > window.innerHeight || r.bottom < 0) { sourceEl.scrollIntoView({ block: "nearest" }); }
    if (info) { info.textContent = "Câu văn gốc được tô sáng (ký tự " + cpStart + "–" + cpEnd + ")."; }
    if (activeEl) { activeEl.classList.remove("active"); }
    activeEl = origin || null;
    if (activeEl) { activeEl.classList.add("active"); }
    window.dkgLastEvidence = { start: cpStart, end: cpEnd, text: mark.textContent };
    return true;
  }

  function evFromAttr(el) {
    var m = /^(\d+)-(\d+)$/.exec(el.getAttribute("data-ev") || "");
    return m ? [parseInt(m[1], 10), parseInt(m[2], 10)] : null;
  }
  function onEvidenceEvent(e) {
    if (e.target.closest("a")) { return; }
    var el = e.target.closest("[data-ev]");
    if (!el) { return; }
    var ev = evFromAttr(el);
    if (ev) { showEvidence(ev[0], ev[1], el); }
  }
  document.addEventListener("click", onEvidenceEvent);
  document.addEventListener("keydown", function (e) { if (e.key === "Enter") { onEvidenceEvent(e); } });
  var hash = /^#ev-(\d+)-(\d+)$/.exec(window.location.hash);
  if (hash) {
    var s = parseInt(hash[1], 10), t = parseInt(hash[2], 10);
    var origin = document.querySelector('[data-ev="' + s + "-" + t + '"]');
    showEvidence(s, t, origin);
    if (origin) { origin.scrollIntoView({ block: "center" }); }
  }

  /* ------------------------------------------------------------ graph */
  var gdata = document.getElementById("graph-data");
  var gbox = document.getElementById("graph");
  var statusEl = document.getElementById("graph-status");
  function status(text) { if (statusEl) { statusEl.textContent = text; } }
  window.dkg = { fold: fold, showEvidence: showEvidence };
  if (!gdata || !gbox) { window.dkgReady = true; return; }
  if (!window.vis) { status("Không tải được thư viện vẽ sơ đồ."); window.dkgReady = true; return; }

  var G = JSON.parse(gdata.textContent);
  var clusters = G.clusters || {};
  var limit = G.limit || 1500;
  var CUSTOM = { ev: 1, url: 1, href: 1, groups: 1 };

  function tip(text) {
    var el = document.createElement("div");
    el.className = "dkg-tip";
    el.textContent = text;
    return el;
  }
  function prep(item) {
    var out = {};
    Object.keys(item).forEach(function (k) { if (!CUSTOM[k]) { out[k] = item[k]; } });
    if (typeof item.title === "string") { out.title = tip(item.title); }
    return out;
  }

  var nodeById = {}, edgeById = {};
  G.nodes.forEach(function (n) { nodeById[n.id] = n; });
  G.edges.forEach(function (e, i) { e.id = "e" + i; edgeById[e.id] = e; });

  var expanded = {}, seq = 0;
  function rep(id) {
    var n = nodeById[id];
    var gs = (n && n.groups) || [];
    for (var i = 0; i < gs.length; i += 1) { if (!expanded[gs[i]]) { return gs[i]; } }
    return id;
  }
  function view() {
    var nodes = [], edges = [], seen = {}, seenE = {};
    G.nodes.forEach(function (n) {
      var r = rep(n.id);
      if (r === n.id) { nodes.push(prep(n)); return; }
      if (seen[r]) { return; }
      seen[r] = true;
      var c = clusters[r];
      nodes.push({ id: r, label: c.label, title: tip(c.title), level: c.level, shape: "box",
                   borderWidth: 2, color: { background: "#d5d8dc", border: "#566573" } });
    });
    G.edges.forEach(function (e) {
      var a = rep(e.from), b = rep(e.to);
      if (a === b) { return; }
      if (a === e.from && b === e.to) { edges.push(prep(e)); return; }
      var k = a + "\u0000" + b;
      if (seenE[k]) { return; }
      seenE[k] = true;
      edges.push({ id: "a:" + k, from: a, to: b, dashes: true, color: "#aab7b8" });
    });
    return { nodes: nodes, edges: edges };
  }

  var first = view();
  var nodesDS = new vis.DataSet(first.nodes), edgesDS = new vis.DataSet(first.edges);
  var network = new vis.Network(gbox, { nodes: nodesDS, edges: edgesDS }, G.options);
  function ready() { network.once("afterDrawing", function () { window.dkgReady = true; }); network.redraw(); }
  if (G.options.physics && G.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      network.fit();
      ready();
    });
  } else {
    ready();
  }

  function expand(cid) {
    seq += 1;
    expanded[cid] = seq;
    var others = Object.keys(expanded)
      .filter(function (k) { return k !== cid && (clusters[cid] || {}).parent !== k; })
      .sort(function (a, b) { return expanded[a] - expanded[b]; });
    while (view().nodes.length > limit && others.length) { delete expanded[others.shift()]; }
    var v = view();
    network.setData({ nodes: new vis.DataSet(v.nodes), edges: new vis.DataSet(v.edges) });
    nodesDS = null; edgesDS = null;
    /* zoom to what was opened: a province of hundreds of plans is unreadable at full width */
    var focus = v.nodes.map(function (n) { return n.id; }).filter(function (id) {
      var n = nodeById[id];
      return n ? (n.groups || []).indexOf(cid) >= 0 : (clusters[id] || {}).parent === cid;
    });
    if (focus.length) {
      /* a row of hundreds of plans fitted to the screen is a hairline: centre on the top
         member at a readable scale and let the user pan along the row */
      var top = focus.reduce(function (a, b) {
        var la = (nodeById[a] || clusters[a] || {}).level || 0, lb = (nodeById[b] || clusters[b] || {}).level || 0;
        return lb < la ? b : a;
      });
      var pos = network.getPositions([top])[top];
      if (pos) { network.moveTo({ position: { x: pos.x, y: pos.y + 120 }, scale: 0.8, animation: false }); }
    }
    status("Đã mở nhóm: " + (clusters[cid] ? clusters[cid].label.replace("\n", " ") : cid) +
           " · đang hiện " + v.nodes.length + " nút.");
  }

  function go(url) { if (url) { window.location.href = url; } }
  network.on("click", function (p) {
    if (p.nodes.length) {
      var id = p.nodes[0];
      if (clusters[id]) { expand(id); return; }
      var n = nodeById[id];
      if (!n) { return; }
      if (n.ev && showEvidence(n.ev[0], n.ev[1])) {
        status("Câu văn gốc về " + (typeof n.title === "string" ? n.title.split("\n")[0] : id) + " được tô sáng bên phải.");
        return;
      }
      go(n.href || n.url);
      return;
    }
    if (p.edges.length) {
      var e = edgeById[p.edges[0]];
      if (!e) { return; }
      if (e.ev && showEvidence(e.ev[0], e.ev[1])) { status("Câu văn gốc của quan hệ này được tô sáng bên phải."); return; }
      go(e.href);
    }
  });
  network.on("doubleClick", function (p) {
    if (p.nodes.length && nodeById[p.nodes[0]]) { go(nodeById[p.nodes[0]].url); }
  });

  window.dkg.network = network;
  window.dkg.expand = expand;
  window.dkg.view = view;
  window.dkg.nodeDOM = function (id) {
    var pos = network.getPositions([id])[id];
    return pos ? network.canvasToDOM(pos) : null;
  };
  window.dkg.edgeDOM = function (id) {
    var e = edgeById[id];
    if (!e) { return null; }
    var a = network.getPositions([e.from])[e.from], b = network.getPositions([e.to])[e.to];
    return (a && b) ? network.canvasToDOM({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }) : null;
  };
}());

// The English label switch: elements marked with data-en (kg/views/i18n.py) show their
// English instead of their Vietnamese. Only textContent changes, so no label can become
// markup; the choice is remembered in this browser (localStorage) and nothing is fetched.
(function () {
  var KEY = "dkg-lang";
  var button = document.getElementById("lang-switch");
  function apply(lang) {
    var items = document.querySelectorAll("[data-en]");
    for (var i = 0; i < items.length; i++) {
      var el = items[i];
      if (!el.hasAttribute("data-vi")) { el.setAttribute("data-vi", el.textContent); }
      el.textContent = lang === "en" ? el.getAttribute("data-en") : el.getAttribute("data-vi");
      el.lang = lang;
    }
    document.documentElement.setAttribute("data-lang", lang);
    if (button) {
      button.textContent = lang === "en" ? "Tiếng Việt" : "English";
      button.lang = lang === "en" ? "vi" : "en";
      button.setAttribute("aria-pressed", lang === "en" ? "true" : "false");
    }
  }
  var saved = "vi";
  try { saved = window.localStorage.getItem(KEY) === "en" ? "en" : "vi"; } catch (e) { saved = "vi"; }
  if (saved === "en") { apply("en"); }
  if (button) {
    button.addEventListener("click", function () {
      var next = document.documentElement.getAttribute("data-lang") === "en" ? "vi" : "en";
      apply(next);
      try { window.localStorage.setItem(KEY, next); } catch (e) { /* private mode: not kept */ }
    });
  }
  window.dkgLang = apply;
}());
