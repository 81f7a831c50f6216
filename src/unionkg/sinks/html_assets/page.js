/* unionkg graph page: filters, search, legend and tooltips over vis-network.
   Every string from the data is put on screen with textContent; nothing is parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ukg-data").textContent);
  var meta = data.meta;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function row(parent, text, cls) {
    if (text) { parent.appendChild(el("div", cls || "ukg-tip-row", text)); }
  }

  function nodeTip(n) {
    var box = el("div");
    row(box, n.nm, "ukg-tip-head");
    row(box, n.lab + (n.lv ? " · " + n.lv : "") + (n.inf ? " · inferred" : ""));
    if (n.al && n.al.length) { row(box, "aliases: " + n.al.join(", ")); }
    if (n.dt) { row(box, "date: " + n.dt); }
    row(box, "degree " + n.deg + (n.na ? " · " + n.na + " article(s)" : ""));
    row(box, n.id, "ukg-count");
    return box;
  }
  function edgeTip(e) {
    var box = el("div");
    row(box, e.ty + (e.q ? " (" + e.q + ")" : ""), "ukg-tip-head");
    if (e.at || e.art) { row(box, "article: " + (e.at || e.art)); }
    row(box, "date: " + (e.d || "undated"));
    if (e.ev) { row(box, e.ev + (e.more ? "  (+" + e.more + " more)" : ""), "ukg-tip-ev"); }
    if (e.rule) { row(box, "rule: " + e.rule, "ukg-count"); }
    return box;
  }

  var byId = {};
  data.nodes.forEach(function (n) { n.title = nodeTip(n); byId[n.id] = n; });
  data.edges.forEach(function (e) { e.title = edgeTip(e); });

  var state = {
    labels: {}, types: {}, campaign: "", from: "", to: "", undated: true
  };
  Object.keys(data.labels).forEach(function (l) { state.labels[l] = true; });
  data.types.forEach(function (t) { state.types[t] = data.hiddenTypes.indexOf(t) < 0; });

  /* Dates: YYYY-MM-DD or MM-DD; when either side has no year, compare month and day only. */
  function cmp(a, b) {
    if (a.length !== b.length) { a = a.slice(-5); b = b.slice(-5); }
    return a < b ? -1 : (a > b ? 1 : 0);
  }
  function dateOk(d) {
    if (!d) { return state.undated; }
    if (state.from && cmp(d, state.from) < 0) { return false; }
    if (state.to && cmp(d, state.to) > 0) { return false; }
    return true;
  }
  function datesOk(ds) {
    if (!state.from && !state.to) { return true; }
    if (!ds || !ds.length) { return state.undated; }
    return ds.some(dateOk);
  }
  function nodeVisible(n) {
    if (state.labels[n.lab] === false) { return false; }
    if (state.campaign && n.cp.indexOf(state.campaign) < 0) { return false; }
    return datesOk(n.ds);
  }
  function edgeVisible(e) {
    if (!state.types[e.ty]) { return false; }
    if (!nodeVisible(byId[e.from]) || !nodeVisible(byId[e.to])) { return false; }
    if (state.from || state.to) { return dateOk(e.d); }
    return true;
  }

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });
  var container = document.getElementById("ukg-graph");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  network.once("afterDrawing", function () {
    window.ukgDrawnMs = performance.now();
    document.body.setAttribute("data-drawn", "1");
  });

  function updateCounts() {
    document.getElementById("ukg-visible").textContent =
      "Visible: " + nodeView.length + " nodes, " + edgeView.length + " edges.";
  }
  function apply() {
    nodeView.refresh();
    edgeView.refresh();
    updateCounts();
  }

  /* Side panel */
  document.getElementById("ukg-title").textContent = meta.title;
  document.getElementById("ukg-summary").textContent =
    "View: " + meta.view + ". Showing " + meta.shown + " of " + meta.inView + " nodes and " +
    meta.edges + " edges.";
  var left = Object.keys(meta.leftOut);
  if (left.length) {
    document.getElementById("ukg-leftout").textContent =
      "Left out " + (meta.inView - meta.shown) + " nodes (" +
      left.map(function (k) { return k + " " + meta.leftOut[k]; }).join(", ") +
      "): only the " + meta.cap + " best-connected nodes (≥ " + meta.minDegree +
      " relationships besides MENTIONS) are drawn. Use --focus NODE --hops N, --campaign NAME or --top N for the rest.";
  }

  var labelCounts = {};
  var typeCounts = {};
  data.nodes.forEach(function (n) { labelCounts[n.lab] = (labelCounts[n.lab] || 0) + 1; });
  data.edges.forEach(function (e) { typeCounts[e.ty] = (typeCounts[e.ty] || 0) + 1; });

  function check(list, name, on, count, swatch, onChange) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = on;
    box.value = name;
    box.setAttribute("data-name", name);
    box.addEventListener("change", function () { onChange(box.checked); apply(); });
    label.appendChild(box);
    if (swatch) { label.appendChild(swatch); }
    label.appendChild(document.createTextNode(name + " "));
    label.appendChild(el("span", "ukg-count", "(" + count + ")"));
    li.appendChild(label);
    list.appendChild(li);
  }
  var legend = document.getElementById("ukg-legend");
  Object.keys(data.labels).filter(function (l) { return labelCounts[l]; }).forEach(function (l) {
    var look = data.labels[l];
    var sw = el("span", "ukg-swatch ukg-shape-" + look.shape);
    sw.style.background = look.color;
    check(legend, l, true, labelCounts[l] || 0, sw, function (on) { state.labels[l] = on; });
  });
  var typesList = document.getElementById("ukg-types");
  data.types.filter(function (t) { return typeCounts[t]; }).forEach(function (t) {
    check(typesList, t, state.types[t], typeCounts[t] || 0, null, function (on) { state.types[t] = on; });
  });

  var select = document.getElementById("ukg-campaign");
  data.campaigns.forEach(function (c) {
    var o = el("option", null, c.name);
    o.value = c.id;
    select.appendChild(o);
  });
  select.addEventListener("change", function () { state.campaign = select.value; apply(); });

  /* A date the filter takes: YYYY-MM-DD or MM-DD naming a real day (02-29 without a year). */
  function realDate(v) {
    var m = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(v);
    if (!m) { return false; }
    var y = m[1] ? Number(m[1]) : 2000, mo = Number(m[2]), d = Number(m[3]);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  }
  var badDates = {};
  var dateNote = document.getElementById("ukg-date-note");
  function dateInput(id, key) {
    var input = document.getElementById(id);
    input.addEventListener("change", function () {
      var v = input.value.trim();
      var ok = v === "" || realDate(v);
      state[key] = ok ? v : "";  /* a wrong date filters nothing; the box keeps it to be corrected */
      input.classList.toggle("ukg-bad", !ok);
      input.setAttribute("aria-invalid", ok ? "false" : "true");
      badDates[key] = ok ? "" : key + " " + v + " is not a date (YYYY-MM-DD or MM-DD); ignored";
      dateNote.textContent = [badDates.from, badDates.to].filter(Boolean).join("; ");
      apply();
    });
  }
  dateInput("ukg-from", "from");
  dateInput("ukg-to", "to");
  var undated = document.getElementById("ukg-undated");
  undated.addEventListener("change", function () { state.undated = undated.checked; apply(); });

  /* Search by name or alias (NFKC, case- and quote-insensitive): exact matches, else substrings;
     selects and zooms to the matches. */
  function norm(s) { return String(s).normalize("NFKC").replace(/[\s"'“”‘’「」『』《》]/g, "").toLowerCase(); }
  function search(query) {
    var q = norm(query);
    var out = document.getElementById("ukg-search-result");
    if (!q) { network.unselectAll(); out.textContent = ""; return []; }
    function names(n) { return [n.nm].concat(n.al || []).map(norm); }
    var exact = data.nodes.filter(function (n) { return names(n).indexOf(q) >= 0; });
    var hits = (exact.length ? exact : data.nodes.filter(function (n) {
      return names(n).some(function (s) { return s.indexOf(q) >= 0; });
    })).map(function (n) { return n.id; });
    var shown = hits.filter(function (id) { return nodeView.get(id) !== null; });
    network.selectNodes(shown);
    if (shown.length) { network.fit({ nodes: shown, animation: false }); }
    out.textContent = hits.length + " match(es)" +
      (hits.length > shown.length ? ", " + (hits.length - shown.length) + " hidden by the filters" : "") +
      (shown.length ? ": " + shown.slice(0, 5).map(function (id) { return byId[id].nm; }).join(", ") : "");
    return shown;
  }
  document.getElementById("ukg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("ukg-search").value);
  });

  updateCounts();
  window.ukg = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    state: state, apply: apply, search: search
  };
})();
