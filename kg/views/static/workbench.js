/* dkg SPARQL workbench: YASGUI (bundled) + the canned queries as examples + a bar chart
   for counts + a shareable link. Nothing is fetched except the chosen SPARQL endpoint. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("workbench-config").textContent);
  var params = new URLSearchParams(window.location.search);

  function defaultEndpoint() {
    if (params.get("endpoint")) return params.get("endpoint");
    var p = window.location.protocol;
    if (p === "http:" || p === "https:") return window.location.origin + "/sparql";
    return cfg.defaultEndpoint;
  }

  // ---- a bar chart for two-column results whose second column is a number (counts)
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(name, attrs, text) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;  // textContent: never parsed as markup
    return el;
  }
  function countRows(yasr) {
    var r = yasr.results;
    if (!r || !r.getVariables || !r.getBindings) return null;
    var vars = r.getVariables();
    if (!vars || vars.length !== 2) return null;
    var rows = [];
    var bindings = r.getBindings() || [];
    if (!bindings.length || bindings.length > 60) return null;
    for (var i = 0; i < bindings.length; i++) {
      var b = bindings[i], k = b[vars[0]], v = b[vars[1]];
      if (!v || v.type !== "literal" && v.type !== "typed-literal") return null;
      var n = Number(v.value);
      if (!isFinite(n)) return null;
      rows.push({ label: k ? k.value : "", value: n });
    }
    return { vars: vars, rows: rows };
  }
  function BarChart(yasr) {
    this.yasr = yasr;
    this.priority = 5;
    this.label = "Biểu đồ";
    this.hideFromSelection = false;
  }
  BarChart.prototype.canHandleResults = function () { return countRows(this.yasr) !== null; };
  BarChart.prototype.getIcon = function () {
    var s = svgEl("svg", { viewBox: "0 0 16 16", width: "16", height: "16" });
    s.appendChild(svgEl("rect", { x: "1", y: "8", width: "3", height: "7" }));
    s.appendChild(svgEl("rect", { x: "6", y: "3", width: "3", height: "12" }));
    s.appendChild(svgEl("rect", { x: "11", y: "6", width: "3", height: "9" }));
    var span = document.createElement("span");
    span.appendChild(s);
    return span;
  };
  BarChart.prototype.draw = function () {
    var data = countRows(this.yasr);
    var box = document.createElement("div");
    box.className = "dkg-chart";
    if (!data) { box.textContent = "Không vẽ được: cần hai cột, cột thứ hai là số."; }
    else {
      var max = Math.max.apply(null, data.rows.map(function (r) { return r.value; }).concat([1]));
      var rowH = 24, labelW = 320, barW = 420, h = data.rows.length * rowH + 30;
      var svg = svgEl("svg", { width: String(labelW + barW + 80), height: String(h),
        role: "img", "aria-label": data.vars[1] + " theo " + data.vars[0] });
      svg.appendChild(svgEl("text", { x: "0", y: "14", "class": "axis" }, data.vars[0] + " → " + data.vars[1]));
      data.rows.forEach(function (r, i) {
        var y = 24 + i * rowH;
        var label = r.label.replace(/^.*[\/#]/, "") || r.label;
        var t = svgEl("text", { x: String(labelW - 6), y: String(y + 15), "text-anchor": "end" },
          label.length > 45 ? label.slice(0, 44) + "…" : label);
        t.appendChild(svgEl("title", {}, r.label));
        svg.appendChild(t);
        var w = Math.max(1, Math.round(barW * Math.max(0, r.value) / max));
        svg.appendChild(svgEl("rect", { x: String(labelW), y: String(y + 3), width: String(w),
          height: String(rowH - 7), "class": "bar" }));
        svg.appendChild(svgEl("text", { x: String(labelW + w + 4), y: String(y + 15) }, String(r.value)));
      });
      box.appendChild(svg);
    }
    this.yasr.resultsEl.appendChild(box);
  };
  Yasgui.Yasr.registerPlugin("chart", BarChart);

  // docs/GRAPH.md's prefixes are predeclared: a query that uses one without declaring it
  // is sent with the declaration added (so it works on any endpoint)
  function withPrefixes(text) {
    var add = "";
    Object.keys(cfg.prefixes).forEach(function (p) {
      var used = new RegExp("(^|[\\s(/^|,;{])" + p + ":").test(text.replace(/<[^>]*>/g, ""));
      var declared = new RegExp("PREFIX\\s+" + p + ":", "i").test(text);
      if (used && !declared) add += "PREFIX " + p + ": <" + cfg.prefixes[p] + ">\n";
    });
    return add + text;
  }
  window.dkgWithPrefixes = withPrefixes;

  var endpoint = defaultEndpoint();
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {
      endpoint: endpoint,
      method: "POST",
      adjustQueryBeforeRequest: function (yasqe) { return withPrefixes(yasqe.getValue()); }
    },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    populateFromUrl: true,
    autofocus: false,
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: endpoint }]; },
      keys: []
    },
    yasqe: { value: cfg.startQuery, autocompleters: ["variables"], editorHeight: "260px" },
    yasr: { defaultPlugin: "table", pluginOrder: ["table", "chart", "response"] }
  });
  window.dkgWorkbench = yasgui;

  // ---- the canned queries as examples
  var list = document.getElementById("examples");
  cfg.examples.forEach(function (ex) {
    var li = document.createElement("li");
    li.className = "example";
    li.dataset.name = ex.name;
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = ex.title;
    b.title = "Mở và chạy truy vấn mẫu này";
    b.addEventListener("click", function () {
      var tab = yasgui.getTab();
      tab.setQuery(ex.query);
      tab.setName(ex.title.length > 40 ? ex.title.slice(0, 39) + "…" : ex.title);
      tab.query();
    });
    li.appendChild(b);
    var d = document.createElement("div");
    d.className = "muted";
    d.textContent = ex.description;
    li.appendChild(d);
    if (ex.params.length) {
      var p = document.createElement("div");
      p.className = "params";
      p.textContent = "Tham số: " + ex.params.map(function (x) {
        return x.name + " = " + x.example + (x.optional ? " (không bắt buộc)" : "");
      }).join("; ");
      li.appendChild(p);
    }
    list.appendChild(li);
  });

  // ---- a link that reopens the same query against the same endpoint
  var shareBtn = document.getElementById("share");
  var shareOut = document.getElementById("share-link");
  shareBtn.addEventListener("click", function () {
    var base = window.location.href.split(/[?#]/)[0];
    var link = Yasgui.linkUtils.createShareLink(base, yasgui.getTab());
    shareOut.value = link;
    shareOut.hidden = false;
    var a = document.getElementById("share-open");
    a.href = link;
    a.hidden = false;
    shareOut.select();
    try { navigator.clipboard.writeText(link).catch(function () {}); } catch (e) { /* no clipboard */ }
  });
  window.dkgReady = true;
})();
