/* unionkg explorer: the overview (union hierarchy, campaigns, people), a node's neighbourhood with
   its evidence, and a campaign's cascade and timeline. Drawn as SVG by this script, no library.
   Every string from the data reaches the screen through textContent or an attribute that is not a
   URL; nothing is parsed as HTML. In a served page (unionkg serve) what the page does not hold is
   asked of the server (api/node, api/trace, api/search); an offline page says how to get it. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("ukg-data").textContent);
  var SVGNS = "http://www.w3.org/2000/svg";
  var FONT = 13;          /* label size in px at the default zoom (never below 12) */
  var ROW = 23;           /* px between two rows of a tree or a column */
  var MAX_BRANCHES = 400; /* adopters drawn in a cascade tree */
  var MAX_EVIDENCE = 600; /* adoptions listed with their evidence */
  var LEVELS = ["national", "province", "city", "district", "town", "grassroots"];
  var COLOURS = data.colours || {};
  var LEVEL_COLOURS = { national: "#b2182b", province: "#d6604d", city: "#f4a582", district: "#92c5de",
    town: "#4393c3", grassroots: "#2166ac", other: "#999999", unknown: "#999999" };
  var served = data.mode === "served";
  var cache = { node: {}, trace: {} };
  Object.keys(data.hoods || {}).forEach(function (k) { cache.node[k] = data.hoods[k]; });
  Object.keys(data.traces || {}).forEach(function (k) { cache.trace[k] = data.traces[k]; });

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function colourOf(label) { return (COLOURS[label] && COLOURS[label].color) || "#bab0ac"; }

  /* --- tooltip ------------------------------------------------------------------------------ */
  var tip = $("ukg-tip");
  function showTip(ev, lines) {
    clear(tip);
    lines.forEach(function (l, i) { if (l) { tip.appendChild(el("div", i === 0 ? "ukg-tip-head" : "", l)); } });
    tip.style.display = "block";
    var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = Math.min(ev.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.style.display = "none"; }
  function hover(node, lines) {
    node.addEventListener("mousemove", function (ev) { showTip(ev, typeof lines === "function" ? lines() : lines); });
    node.addEventListener("mouseleave", hideTip);
  }

  /* --- text with marks: the names found in an evidence sentence, highlighted --------------- */
  function marked(sentence, marks, windowChars) {
    var box = el("span", "ukg-sentence");
    var s = String(sentence || "");
    var ms = (marks || []).filter(function (m) { return m[0] >= 0 && m[1] <= s.length && m[0] < m[1]; });
    var from = 0, to = s.length;
    if (windowChars && s.length > windowChars) {
      var centre = ms.length ? ms[0][0] : 0;  /* keep the first mark (the campaign) in view */
      from = Math.max(0, Math.min(centre - Math.floor(windowChars / 3), s.length - windowChars));
      to = Math.min(s.length, from + windowChars);
    }
    if (from > 0) { box.appendChild(document.createTextNode("…")); }
    var at = from;
    ms.forEach(function (m) {
      var a = Math.max(m[0], from), b = Math.min(m[1], to);
      if (a >= b || a < at) { return; }
      box.appendChild(document.createTextNode(s.slice(at, a)));
      box.appendChild(el("mark", null, s.slice(a, b)));
      at = b;
    });
    box.appendChild(document.createTextNode(s.slice(at, to)));
    if (to < s.length) { box.appendChild(document.createTextNode("…")); }
    return box;
  }

  /* --- data on demand --------------------------------------------------------------------- */
  function get(kind, id) {
    if (cache[kind][id] !== undefined) { return Promise.resolve(cache[kind][id]); }
    if (!served) { return Promise.resolve(null); }
    return fetch("api/" + kind + "?id=" + encodeURIComponent(id), { headers: { Accept: "application/json" } })
      .then(function (r) {
        if (r.status === 404) { return false; }
        if (!r.ok) { throw new Error("server answered " + r.status); }
        return r.json();
      })
      .then(function (d) { cache[kind][id] = d; return d; });
  }
  function notHere(kind) {
    var box = el("div", "ukg-note");
    if (served) {
      box.appendChild(el("p", null, "No such " + kind + " in this build."));
    } else {
      box.appendChild(el("p", null, "This " + kind + " is not in the offline page (it holds the most connected ones)."));
      box.appendChild(el("p", null, "Serve the build to open any of them: unionkg serve " + (data.build || "BUILD_DIR") +
        "  (then open http://127.0.0.1:8765/)"));
    }
    return box;
  }

  /* --- layout: a tidy tree, left to right ------------------------------------------------- */
  /* items: [{id, parent}] in drawing order; returns {id: {depth, row}} and the number of rows. */
  function tidy(items) {
    var kids = {}, roots = [], known = {};
    items.forEach(function (it) { known[it.id] = true; });
    items.forEach(function (it) {
      if (it.parent && known[it.parent] && it.parent !== it.id) { (kids[it.parent] = kids[it.parent] || []).push(it.id); }
      else { roots.push(it.id); }
    });
    var pos = {}, row = 0, seen = {};
    function place(id, depth) {
      if (seen[id]) { return; }
      seen[id] = true;
      var cs = (kids[id] || []).filter(function (c) { return !seen[c]; });
      if (!cs.length) { pos[id] = { depth: depth, row: row }; row += 1; return; }
      cs.forEach(function (c) { place(c, depth + 1); });
      var rows = cs.map(function (c) { return pos[c] ? pos[c].row : row; });
      pos[id] = { depth: depth, row: (Math.min.apply(null, rows) + Math.max.apply(null, rows)) / 2 };
    }
    roots.forEach(function (r) { place(r, 0); });
    return { pos: pos, rows: row, kids: kids };
  }

  /* Draws a tree into a new SVG: nodes {id, parent, label, sub (muted text), r, colour, tipLines,
     onClick, flag}; columns sized to their widest label. */
  function drawTree(nodes, opts) {
    var t = tidy(nodes);
    var depthMax = 0;
    nodes.forEach(function (n) { if (t.pos[n.id]) { depthMax = Math.max(depthMax, t.pos[n.id].depth); } });
    var widths = [], labelW = {};
    var measure = svg("svg", { width: 10, height: 10, "class": "ukg-measure" });
    document.body.appendChild(measure);
    nodes.forEach(function (n) {
      var p = t.pos[n.id];
      if (!p) { return; }
      var txt = svg("text", { "font-size": FONT }, n.label + (n.sub ? "  " + n.sub : ""));
      measure.appendChild(txt);
      labelW[n.id] = txt.getComputedTextLength() + (n.flag ? FONT * 2 : 0);
      var w = labelW[n.id] + 2 * n.r + 36;
      widths[p.depth] = Math.max(widths[p.depth] || 0, w);
    });
    document.body.removeChild(measure);
    var xs = [], x = 20;
    for (var d = 0; d <= depthMax; d++) { xs.push(x + 16); x += Math.max(widths[d] || 0, opts.minColumn || 120); }
    var top = opts.top || 34;
    var height = top + Math.max(1, t.rows) * ROW + 16;
    var width = x + 20;
    var s = svg("svg", { width: width, height: height, "class": "ukg-tree", role: "img", "aria-label": opts.aria || "tree" });
    if (opts.headers) {
      opts.headers.forEach(function (h, i) {
        if (i <= depthMax) { s.appendChild(svg("text", { x: xs[i] - 12, y: 16, "class": "ukg-colhead" }, h)); }
      });
    }
    function yOf(id) { return top + t.pos[id].row * ROW + ROW / 2; }
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var edges = svg("g", { "class": "ukg-edges" });
    s.appendChild(edges);
    nodes.forEach(function (n) {
      if (!t.pos[n.id] || !n.parent || !t.pos[n.parent] || n.parent === n.id) { return; }
      var p = byId[n.parent];
      var x1 = xs[t.pos[n.parent].depth] + p.r + 9 + (labelW[n.parent] || 0), y1 = yOf(n.parent);
      var x2 = xs[t.pos[n.id].depth] - n.r, y2 = yOf(n.id);
      var mx = (x1 + x2) / 2;
      var path = svg("path", { d: "M" + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2,
        "class": "ukg-edge" + (n.edgeClass ? " " + n.edgeClass : "") });
      edges.appendChild(path);
      var hit = svg("path", { d: path.getAttribute("d"), "class": "ukg-edge-hit" });
      edges.appendChild(hit);
      hover(hit, n.edgeTip || [opts.edgeType || "edge"]);
    });
    nodes.forEach(function (n) {
      if (!t.pos[n.id]) { return; }
      var g = svg("g", { "class": "ukg-node" + (n.onClick ? " ukg-click" : ""), "data-id": n.id,
        transform: "translate(" + xs[t.pos[n.id].depth] + "," + yOf(n.id) + ")" });
      g.appendChild(svg("circle", { r: n.r, fill: n.colour, stroke: n.stroke || "#444" }));
      var label = svg("text", { x: n.r + 5, y: 4.5, "font-size": FONT, "class": "ukg-label" }, n.label);
      if (n.sub) { label.appendChild(svg("tspan", { "class": "ukg-sub" }, "  " + n.sub)); }
      if (n.flag) { label.appendChild(svg("tspan", { "class": "ukg-flag" }, " " + n.flag)); }
      g.appendChild(label);
      if (n.tipLines) { hover(g, n.tipLines); }
      if (n.onClick) { g.addEventListener("click", n.onClick); }
      s.appendChild(g);
    });
    return s;
  }

  /* --- the overview ----------------------------------------------------------------------- */
  function go(hash) { if (location.hash === hash) { route(); } else { location.hash = hash; } }
  function nodeHash(id) { return "#n=" + encodeURIComponent(id); }
  function traceHash(id) { return "#c=" + encodeURIComponent(id); }

  function renderOverview() {
    var ov = data.overview;
    var main = clear($("ukg-view"));
    setPanel(false);
    crumbs([]);
    var tree = ov.tree;
    var head = el("div", "ukg-viewhead");
    head.appendChild(el("h2", null, "Union hierarchy"));
    head.appendChild(el("p", "ukg-muted",
      "The " + tree.nodes.length + " bodies that carried the most campaigns, with the bodies above them (" +
      fmt(tree.carriers) + " of " + fmt(tree.bodies) + " union bodies carried one). Circle size: campaigns carried; " +
      "▸N: subordinate bodies not drawn. Click a body for its neighbourhood and evidence."));
    main.appendChild(head);
    if (!tree.nodes.length) { main.appendChild(el("p", "ukg-note", "No union hierarchy in this build.")); return; }
    var maxC = Math.max(1, tree.max_c);
    var nodes = tree.nodes.map(function (b) {
      return {
        id: b.id, parent: b.p, label: b.nm, sub: (b.c ? String(b.c) : "") + (b.hid ? " ▸" + b.hid : ""),
        r: 3 + 7 * Math.sqrt(b.c / maxC), colour: LEVEL_COLOURS[b.lv] || LEVEL_COLOURS.other,
        tipLines: [b.nm, (b.lv || "level unknown") + " union body", b.c + " campaign(s) carried",
          b.sub + " subordinate bod" + (b.sub === 1 ? "y" : "ies") + (b.hid ? " (" + b.hid + " not drawn)" : ""),
          "click: neighbourhood and evidence"],
        onClick: function () { go(nodeHash(b.id)); },
        edgeTip: ["SUBORDINATE_TO", b.nm + " → " + ((tree.nodes.filter(function (x) { return x.id === b.p; })[0] || {}).nm || "")]
      };
    });
    var levels = [];
    var t = tidy(nodes);
    tree.nodes.forEach(function (b) { var p = t.pos[b.id]; if (p) { levels[p.depth] = levels[p.depth] || b.lv; } });
    var s = drawTree(nodes, { headers: levels, aria: "union hierarchy", edgeType: "SUBORDINATE_TO" });
    s.id = "ukg-overview-tree";
    var wrap = el("div", "ukg-scroll");
    wrap.appendChild(s);
    main.appendChild(wrap);
  }

  function renderSide() {
    var ov = data.overview;
    if (!ov) { document.body.classList.add("ukg-no-side"); return; }
    var st = ov.stats;
    $("ukg-stats").textContent = fmt(st.articles) + " articles · " + fmt(st.nodes) + " nodes · " + fmt(st.edges) +
      " edges · " + fmt(ov.campaigns.length) + " campaigns";
    var table = el("table", "ukg-table");
    var head = el("tr");
    ["campaign", "adopters", "levels", "prov.", "first – last"].forEach(function (h) { head.appendChild(el("th", null, h)); });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el("tbody");
    function campaignRow(c, i) {
      var tr = el("tr", "ukg-click");
      tr.setAttribute("data-id", c.id);
      var name = el("td", "ukg-name");
      name.appendChild(el("span", "ukg-rank", (i + 1) + " "));
      name.appendChild(document.createTextNode(c.nm));
      tr.appendChild(name);
      tr.appendChild(el("td", "ukg-num", c.ad));
      var lv = el("td", "ukg-levels");
      LEVELS.concat(["other"]).forEach(function (l) {
        if (c.lv[l]) {
          var chip = el("span", "ukg-chip", l.charAt(0).toUpperCase() + c.lv[l]);
          chip.style.borderColor = LEVEL_COLOURS[l] || "#999";
          chip.title = l + ": " + c.lv[l];
          lv.appendChild(chip);
        }
      });
      tr.appendChild(lv);
      tr.appendChild(el("td", "ukg-num", c.pr));
      var dates = el("td", "ukg-date", c.first);
      if (c.last && c.last !== c.first) { dates.appendChild(el("br")); dates.appendChild(document.createTextNode(c.last)); }
      tr.appendChild(dates);
      tr.addEventListener("click", function () { go(traceHash(c.id)); });
      hover(tr, [c.nm, c.ad + " adopter(s), " + c.n + " adoption(s)",
        "provinces: " + c.pr + (c.prn.length ? " (" + c.prn.join(", ") + (c.pr > c.prn.length ? ", …" : "") + ")" : ""),
        "dates: " + (c.first || "undated") + (c.last && c.last !== c.first ? " → " + c.last : ""),
        "click: cascade, timeline and evidence"]);
      body.appendChild(tr);
    }
    /* the first rows now, the rest in chunks once the page is drawn (a long table would delay it) */
    ov.campaigns.slice(0, 120).forEach(campaignRow);
    var next = 120;
    function more() {
      ov.campaigns.slice(next, next + 400).forEach(function (c, j) { campaignRow(c, next + j); });
      next += 400;
      if (next < ov.campaigns.length) { setTimeout(more, 0); } else { body.setAttribute("data-complete", "1"); }
    }
    if (next < ov.campaigns.length) { setTimeout(more, 0); } else { body.setAttribute("data-complete", "1"); }
    table.appendChild(body);
    clear($("ukg-campaigns")).appendChild(table);
    var people = el("table", "ukg-table");
    var ph = el("tr");
    ["person", "post", "roles"].forEach(function (h) { ph.appendChild(el("th", null, h)); });
    var pthead = el("thead");
    pthead.appendChild(ph);
    people.appendChild(pthead);
    var pbody = el("tbody");
    ov.people.forEach(function (p) {
      var tr = el("tr", "ukg-click");
      tr.setAttribute("data-id", p.id);
      tr.appendChild(el("td", "ukg-name", p.nm));
      tr.appendChild(el("td", "ukg-post", p.post));
      tr.appendChild(el("td", "ukg-roles", Object.keys(p.roles).map(function (r) {
        return r.toLowerCase() + " " + p.roles[r];
      }).join(", ")));
      tr.addEventListener("click", function () { go(nodeHash(p.id)); });
      pbody.appendChild(tr);
    });
    people.appendChild(pbody);
    clear($("ukg-people")).appendChild(people);
  }

  /* --- breadcrumbs and the evidence panel ------------------------------------------------ */
  var trail = [];
  function crumbs(items) {
    var nav = clear($("ukg-crumbs"));
    if (!data.overview) { return; }
    var home = el("a", "ukg-crumb", "Overview");
    home.href = "#";
    nav.appendChild(home);
    items.forEach(function (it) {
      nav.appendChild(document.createTextNode(" › "));
      var a = el("a", "ukg-crumb", it.nm);
      a.href = it.hash;
      nav.appendChild(a);
    });
  }
  function remember(nm, hash) {
    trail = trail.filter(function (t) { return t.hash !== hash; });
    trail.push({ nm: nm, hash: hash });
    trail = trail.slice(-4);
    crumbs(trail);
  }
  function setPanel(on) {
    document.body.classList.toggle("ukg-with-evidence", !!on);
    if (!on) { clear($("ukg-evidence")); }
  }

  function evidenceEntry(e, other, rtype, titles, dir, centerName) {
    var box = el("div", "ukg-ev");
    box.setAttribute("data-seq", e.seq);
    var head = el("div", "ukg-ev-head");
    var link = el("a", "ukg-ev-node", other.nm || e.o);
    link.href = nodeHash(e.o);
    if (dir === "out") { head.appendChild(document.createTextNode(centerName + " ")); }
    head.appendChild(el("span", "ukg-ev-type", rtype + (e.q ? " (" + e.q + ")" : "")));
    head.appendChild(document.createTextNode(" "));
    head.appendChild(link);
    if (dir === "in") { head.appendChild(document.createTextNode(" → " + centerName)); }
    box.appendChild(head);
    var art = e.art ? titles[e.art] : null;
    var meta = [e.d ? "date " + e.d : "undated"];
    if (e.art) { meta.push("article " + (art && art.t ? "《" + art.t + "》 " : "") + e.art + (art && art.d ? " (" + art.d + ")" : "")); }
    e.ev.forEach(function (v) {
      var q = el("blockquote", "ukg-ev-text");
      q.appendChild(marked(v.s, v.m));
      box.appendChild(q);
      var vm = [];
      if (v.a && v.a !== e.art) { vm.push("article " + ((titles[v.a] && titles[v.a].t) ? "《" + titles[v.a].t + "》 " : "") + v.a); }
      if (v.r) { vm.push("rule " + v.r); }
      if (typeof v.c === "number") { vm.push("confidence " + v.c); }
      if (vm.length) { box.appendChild(el("div", "ukg-ev-meta", vm.join(" · "))); }
    });
    if (!e.ev.length && e.rule) { meta.push("rule " + e.rule); }
    if (e.more) { meta.push("+" + e.more + " more evidence"); }
    box.appendChild(el("div", "ukg-ev-meta", meta.join(" · ")));
    return box;
  }

  /* --- a node's neighbourhood -------------------------------------------------------------- */
  var viewToken = 0;
  function renderNode(id) {
    var token = ++viewToken;
    var main = clear($("ukg-view"));
    main.appendChild(el("p", "ukg-muted", "Loading…"));
    get("node", id).then(function (h) {
      if (token !== viewToken) { return; }
      clear(main);
      if (!h) { setPanel(false); main.appendChild(notHere("neighbourhood")); return; }
      drawNode(h, main);
    }).catch(function (err) { clear(main).appendChild(el("p", "ukg-note", String(err))); });
  }

  function drawNode(h, main) {
    var c = h.center;
    remember(c.nm, nodeHash(c.id));
    var head = el("div", "ukg-viewhead");
    head.appendChild(el("h2", null, c.nm));
    var facts = [c.lab + (c.lv ? " · " + c.lv : "") + (c.inf ? " · inferred" : ""), c.na + " article(s)"];
    if (c.al && c.al.length) { facts.push("aliases: " + c.al.join(", ")); }
    head.appendChild(el("p", "ukg-muted", facts.join(" · ")));
    if (c.lab === "Campaign") {
      var btn = el("a", "ukg-button", "Cascade, timeline and evidence ›");
      btn.href = traceHash(c.id);
      btn.id = "ukg-to-trace";
      head.appendChild(btn);
    }
    main.appendChild(head);
    /* two columns: what points at the node (left), what it points at (right) */
    var cols = { "in": [], "out": [] };
    h.groups.forEach(function (g) {
      cols[g.dir].push({ header: g });
      g.edges.forEach(function (e) { cols[g.dir].push({ edge: e, group: g }); });
      if (g.total > g.edges.length) { cols[g.dir].push({ more: g.total - g.edges.length, group: g }); }
    });
    var rows = Math.max(cols["in"].length, cols.out.length, 1);
    var width = Math.max(640, main.clientWidth - 12);
    var gap = 90, colW = Math.floor((width - 2 * gap - 40) / 2);
    var maxChars = Math.max(6, Math.floor((colW - 24) / FONT));
    var height = 30 + rows * ROW + 20;
    var s = svg("svg", { width: width, height: height, "class": "ukg-hood", role: "img", "aria-label": "neighbourhood" });
    var cx = colW + gap + 20, cy = 30 + rows * ROW / 2;
    var edgeLayer = svg("g", { "class": "ukg-edges" });
    s.appendChild(edgeLayer);
    var panel = clear($("ukg-evidence"));
    setPanel(true);
    panel.appendChild(el("h2", null, "Evidence"));
    var entries = {};
    ["in", "out"].forEach(function (dir) {
      var x = dir === "in" ? colW + 10 : cx + gap;
      cols[dir].forEach(function (item, i) {
        var y = 30 + i * ROW + ROW / 2;
        if (item.header) {
          s.appendChild(svg("text", { x: dir === "in" ? x : x - 6, y: y + 4, "class": "ukg-colhead",
            "text-anchor": dir === "in" ? "end" : "start" }, (dir === "in" ? "← " : "") + item.header.ty.toLowerCase() +
            " (" + item.header.total + ")" + (dir === "out" ? " →" : "")));
          return;
        }
        if (item.more) {
          s.appendChild(svg("text", { x: dir === "in" ? x : x - 6, y: y + 4, "class": "ukg-sub",
            "text-anchor": dir === "in" ? "end" : "start" }, "+" + item.more + " more not shown"));
          return;
        }
        var e = item.edge, o = h.nodes[e.o] || { nm: e.o, lab: "" };
        var nx = dir === "in" ? x - 8 : x;
        var path = svg("path", { d: "M" + cx + "," + cy + " C" + ((cx + nx) / 2) + "," + cy + " " + ((cx + nx) / 2) + "," + y +
          " " + nx + "," + y, "class": "ukg-edge" });
        edgeLayer.appendChild(path);
        var hit = svg("path", { d: path.getAttribute("d"), "class": "ukg-edge-hit" });
        edgeLayer.appendChild(hit);
        var tipLines = [item.group.ty + (e.q ? " (" + e.q + ")" : ""), (dir === "out" ? c.nm + " → " + o.nm : o.nm + " → " + c.nm),
          e.d ? "date " + e.d : "undated", e.ev.length ? e.ev[0].s : (e.rule ? "rule " + e.rule : "")];
        hover(hit, tipLines);
        var g = svg("g", { "class": "ukg-node ukg-click", "data-id": e.o, transform: "translate(" + nx + "," + y + ")" });
        g.appendChild(svg("circle", { r: 6, fill: colourOf(o.lab), stroke: "#444" }));
        var label = (o.nm || e.o);
        if (label.length > maxChars) { label = label.slice(0, maxChars - 1) + "…"; }
        g.appendChild(svg("text", { x: dir === "in" ? -11 : 11, y: 4.5, "font-size": FONT, "class": "ukg-label",
          "text-anchor": dir === "in" ? "end" : "start" }, label));
        hover(g, [o.nm, o.lab + (o.lv ? " · " + o.lv : ""), item.group.ty + (e.d ? " · " + e.d : ""), "click: its neighbourhood"]);
        g.addEventListener("click", function () { go(nodeHash(e.o)); });
        g.addEventListener("mouseenter", function () { path.classList.add("ukg-hot"); focusEvidence(e.seq); });
        g.addEventListener("mouseleave", function () { path.classList.remove("ukg-hot"); });
        s.appendChild(g);
        entries[e.seq] = true;
      });
    });
    var cg = svg("g", { "class": "ukg-node ukg-center", transform: "translate(" + cx + "," + cy + ")" });
    cg.appendChild(svg("circle", { r: 14, fill: colourOf(c.lab), stroke: "#222" }));
    var cname = c.nm.length > 16 ? c.nm.slice(0, 15) + "…" : c.nm;
    cg.appendChild(svg("text", { x: 0, y: 32, "font-size": 15, "class": "ukg-label ukg-center-label", "text-anchor": "middle" }, cname));
    hover(cg, [c.nm, c.lab + (c.lv ? " · " + c.lv : ""), c.id]);
    s.appendChild(cg);
    var wrap = el("div", "ukg-scroll");
    wrap.appendChild(s);
    main.appendChild(wrap);
    if (!h.groups.length) { main.appendChild(el("p", "ukg-note", "No relationship in this build.")); }
    h.groups.forEach(function (g) {
      if (!g.edges.length) { return; }
      panel.appendChild(el("h3", null, (g.dir === "in" ? "← " : "") + g.ty + (g.dir === "out" ? " →" : "") + " (" +
        g.edges.length + (g.total > g.edges.length ? " of " + g.total : "") + ")"));
      g.edges.forEach(function (e) {
        panel.appendChild(evidenceEntry(e, h.nodes[e.o] || { nm: e.o }, g.ty, h.titles || {}, g.dir, c.nm));
      });
    });
  }
  function focusEvidence(seq) {
    var panel = $("ukg-evidence");
    var prev = panel.querySelector(".ukg-ev.ukg-hot");
    if (prev) { prev.classList.remove("ukg-hot"); }
    var entry = panel.querySelector(".ukg-ev[data-seq='" + Number(seq) + "']");
    if (entry) { entry.classList.add("ukg-hot"); entry.scrollIntoView({ block: "nearest" }); }
  }

  /* --- a campaign's cascade and timeline -------------------------------------------------- */
  function dayNumber(date, year) {
    var m = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(date || "");
    if (!m) { return null; }
    var y = m[1] ? Number(m[1]) : (year || 2000);
    return Date.UTC(y, Number(m[2]) - 1, Number(m[3])) / 86400000;
  }
  function dayLabel(n, withYear, unit) {
    var d = new Date(n * 86400000);
    var y = d.getUTCFullYear(), mo = ("0" + (d.getUTCMonth() + 1)).slice(-2), da = ("0" + d.getUTCDate()).slice(-2);
    if (unit === "year") { return String(y); }
    if (unit === "month") { return withYear ? y + "-" + mo : mo + "月"; }
    return withYear ? y + "-" + mo + "-" + da : mo + "-" + da;
  }
  /* Ticks for days lo..hi in `width` px: at most one label per 84 px, at round dates. */
  function ticks(lo, hi, width, hasYear) {
    var span = Math.max(1, hi - lo), room = Math.max(2, Math.floor(width / 84));
    var steps = [[1, "day"], [2, "day"], [7, "day"], [14, "day"], [1, "month"], [2, "month"], [3, "month"], [6, "month"],
      [1, "year"], [2, "year"], [5, "year"], [10, "year"], [25, "year"], [50, "year"]];
    var pick = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) {
      var approx = steps[i][1] === "day" ? steps[i][0] : steps[i][1] === "month" ? steps[i][0] * 30.44 : steps[i][0] * 365.25;
      if (span / approx <= room) { pick = steps[i]; break; }
    }
    var out = [], start = new Date(lo * 86400000), d;
    if (pick[1] === "day") {
      for (var n = Math.ceil(lo / pick[0]) * pick[0]; n <= hi; n += pick[0]) { out.push(n); }
    } else if (pick[1] === "month") {
      d = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
      for (var k = 0; k < 600; k++) {
        var dd = new Date(d);
        var n2 = d / 86400000;
        if (n2 > hi) { break; }
        if ((dd.getUTCMonth()) % pick[0] === 0) { out.push(n2); }
        d = Date.UTC(dd.getUTCFullYear(), dd.getUTCMonth() + 1, 1);
      }
    } else {
      var y0 = Math.ceil((start.getUTCFullYear() + (lo > Date.UTC(start.getUTCFullYear(), 0, 1) / 86400000 ? 1 : 0)) / pick[0]) * pick[0];
      for (var y = y0; Date.UTC(y, 0, 1) / 86400000 <= hi; y += pick[0]) { out.push(Date.UTC(y, 0, 1) / 86400000); }
    }
    var spansYears = new Date(lo * 86400000).getUTCFullYear() !== new Date(hi * 86400000).getUTCFullYear();
    return out.map(function (n) { return { n: n, label: dayLabel(n, hasYear && (spansYears || pick[1] !== "day"), pick[1]) }; });
  }

  /* The day number of an adoption's date where the trace can compare it (analysis.propagation's
     Calendar): a date of unknown year only when no date has one, or all share one year. */
  function traceDay(t, date) {
    var m = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(date || "");
    if (!m) { return null; }
    if (!m[1] && !t.yearless && !t.default_year) { return null; }
    return dayNumber(date, t.default_year);
  }
  var WAVE_COLOURS = ["#e15759", "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#9c755f", "#edc948"];
  var BASIS = { "campaign-year": "year of the campaign's name", "published-year": "year of publication",
    "published": "publication date" };
  /* The date as the page shows it: where an inferred year or date comes from, in brackets. */
  function shownDate(t, a) {
    if (!a.date) { return "undated"; }
    var why = BASIS[a.date_basis || ""] || "";
    if (!a.date_basis && /^\d{1,2}-\d{1,2}$/.test(a.date) && !t.yearless) { why = "year unknown"; }
    return why ? a.date + " (" + why + ")" : a.date;
  }
  function waveName(w) { return w === null || w === undefined ? "of unknown year / undated" : String(w); }

  /* Step lines of cumulative first adoptions against the date axis: per level, or for a campaign
     that recurs every year, per wave against the day of the year. */
  function timeline(t, width) {
    var groups = {}, dated = 0, order = [];
    t.cascade.forEach(function (b) {
      var n, g;
      if (t.recurring) {
        var m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(b.date || "");
        if (!m || b.wave === null || b.wave === undefined) { return; }
        n = dayNumber("2000-" + m[2] + "-" + m[3], 2000);
        g = String(b.wave);
      } else {
        n = traceDay(t, b.date);
        g = b.level || "unknown";
      }
      if (n === null) { return; }
      dated += 1;
      if (!groups[g]) { groups[g] = []; order.push(g); }
      groups[g].push(n);
    });
    var H = 210, L = 46, R = 150, T = 12, B = 40;
    var s = svg("svg", { width: width, height: H, "class": "ukg-timeline", role: "img",
      "aria-label": t.recurring ? "cumulative adoptions per wave" : "cumulative adoptions per level" });
    if (!dated) { s.appendChild(svg("text", { x: L, y: H / 2, "class": "ukg-sub" }, "no dated adoption")); return s; }
    var all = [];
    order.forEach(function (g) { groups[g].sort(function (a, b) { return a - b; }); all = all.concat(groups[g]); });
    var lo = Math.min.apply(null, all) - 1, hi = Math.max.apply(null, all) + 1;
    var top = Math.max.apply(null, order.map(function (g) { return groups[g].length; }));
    var pw = width - L - R, ph = H - T - B;
    function px(n) { return L + (n - lo) / (hi - lo) * pw; }
    function py(v) { return T + ph - v / top * ph; }
    s.appendChild(svg("line", { x1: L, y1: py(0), x2: L + pw, y2: py(0), "class": "ukg-axis" }));
    s.appendChild(svg("line", { x1: L, y1: T, x2: L, y2: py(0), "class": "ukg-axis" }));
    var ystep = Math.max(1, Math.ceil(top / 5));
    for (var v = 0; v <= top; v += ystep) {
      s.appendChild(svg("text", { x: L - 6, y: py(v) + 4, "text-anchor": "end", "class": "ukg-tick" }, v));
    }
    var hasYear = !t.recurring && t.cascade.some(function (b) { return /^\d{4}-/.test(b.date || ""); });
    ticks(lo, hi, pw, hasYear).forEach(function (tk) {
      s.appendChild(svg("line", { x1: px(tk.n), y1: py(0), x2: px(tk.n), y2: py(0) + 5, "class": "ukg-axis" }));
      s.appendChild(svg("text", { x: px(tk.n), y: py(0) + 19, "text-anchor": "middle", "class": "ukg-tick ukg-xtick" }, tk.label));
    });
    var keys = t.recurring ? order.slice().sort() : order.slice().sort(function (a, b) {
      var ia = LEVELS.indexOf(a), ib = LEVELS.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    });
    keys.forEach(function (g, i) {
      var pts = [[px(lo), py(0)]], count = 0;
      groups[g].forEach(function (n) { pts.push([px(n), py(count)]); count += 1; pts.push([px(n), py(count)]); });
      pts.push([px(hi), py(count)]);
      var colour = t.recurring ? WAVE_COLOURS[i % WAVE_COLOURS.length] : (LEVEL_COLOURS[g] || "#777");
      var line = svg("polyline", { points: pts.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" "),
        fill: "none", stroke: colour, "stroke-width": 2 });
      hover(line, [(t.recurring ? "wave " : "") + g + ": " + count + " first adoption(s)"]);
      s.appendChild(line);
      var ly = T + 12 + i * 18;
      s.appendChild(svg("rect", { x: width - R + 14, y: ly - 6, width: 14, height: 4, fill: colour }));
      s.appendChild(svg("text", { x: width - R + 34, y: ly, "class": "ukg-tick" }, g + " (" + count + ")"));
    });
    return s;
  }

  function renderTrace(id) {
    var token = ++viewToken;
    var main = clear($("ukg-view"));
    main.appendChild(el("p", "ukg-muted", "Loading…"));
    get("trace", id).then(function (t) {
      if (token !== viewToken) { return; }
      clear(main);
      if (!t) { setPanel(false); main.appendChild(notHere("campaign trace")); return; }
      drawTrace(t, main);
    }).catch(function (err) { clear(main).appendChild(el("p", "ukg-note", String(err))); });
  }

  function drawTrace(t, main) {
    setPanel(true);  /* before anything is measured: the evidence panel narrows the view */
    remember(t.name, traceHash(t.campaign));
    document.title = t.name + " · unionkg";
    var head = el("div", "ukg-viewhead");
    head.appendChild(el("h2", null, t.name));
    var undated = t.adoptions.filter(function (a) { return !dayNumber(a.date, 2000); }).length;
    var unknown = (t.unknown_year || []).length;
    var adopters = {};
    t.cascade.forEach(function (b) { adopters[b.adoption] = true; });
    var coCarriers = t.co_carriers || [];
    head.appendChild(el("p", "ukg-muted", t.adoptions.length + " adoption event(s) by " + Object.keys(adopters).length +
      " union adopter(s); " + undated + " undated" + (unknown ? ", " + unknown + " of unknown year" : "") +
      " (listed, left out of the timeline and the lags)." +
      (coCarriers.length ? " " + coCarriers.length + " co-carrier event(s) by other bodies." : "") +
      (t.yearless && t.adoptions.some(function (a) { return a.date; }) ? " Dates have no year: compared within one year." : "") +
      (t.recurring ? " It recurs every year: each wave is traced on its own." : "")));
    if (data.overview || served) {
      var btn = el("a", "ukg-button", "Neighbourhood ›");
      btn.href = nodeHash(t.campaign);
      head.appendChild(btn);
    }
    main.appendChild(head);
    main.appendChild(el("h3", null, t.recurring ? "Cumulative adoptions per wave over the year" : "Cumulative first adoptions per level"));
    main.appendChild(timeline(t, Math.max(560, Math.min(1100, main.clientWidth - 30))));
    if (t.waves && t.waves.length) {
      main.appendChild(el("h3", null, "Waves (adoptions by year)"));
      main.appendChild(table(["year", "adoptions", "adopters", "first", "first adopters", "last", "adopters per level"],
        t.waves.map(function (w) {
          return [waveName(w.year), w.adoptions, w.adopters, w.first_date, (w.first || []).join(", "), w.last_date,
            (w.levels || []).map(function (x) { return x[0] + " " + x[1]; }).join(", ")];
        })));
    }
    main.appendChild(el("h3", null, "Cascade down the hierarchy"));
    main.appendChild(el("p", "ukg-muted", "Each adopter under its nearest superior that adopted no later; +N d: days after that superior. " +
      "Flags: ⚑ adopted before a superior, ⤼ skipped levels. Click an adopter for its evidence."));
    var byBody = {};
    t.adoptions.forEach(function (a) { (byBody[a.body] = byBody[a.body] || []).push(a); });
    var names = {};
    t.adoptions.forEach(function (a) { names[a.body] = a.name; });
    var panel = clear($("ukg-evidence"));
    setPanel(true);
    panel.appendChild(el("h2", null, "Adoptions and their evidence"));
    /* at most MAX_BRANCHES adopters drawn (in adoption order, with the superiors they hang from),
       one tree per wave for a campaign that recurs (a body may adopt in several waves) */
    var waves = [];
    t.cascade.forEach(function (b) { var w = t.recurring ? b.wave : null; if (waves.indexOf(w) < 0) { waves.push(w); } });
    if (!waves.length) { waves.push(null); }
    var budget = MAX_BRANCHES, total = 0, shown = 0;
    waves.forEach(function (w) {
      var branches = t.cascade.filter(function (b) { return !t.recurring || b.wave === w; });
      function nid(body) { return (t.recurring ? waveName(w) + "|" : "") + body; }
      var keep = {}, parentOf = {};
      branches.forEach(function (b) { parentOf[b.adoption] = b.parent; });
      branches.slice(0, Math.max(0, budget)).forEach(function (b) {
        var id = b.adoption, guard = 0;
        while (id && !keep[id] && guard++ < 64) { keep[id] = true; id = parentOf[id]; }
      });
      var drawn = branches.filter(function (b) { return keep[b.adoption]; });
      budget -= drawn.length;
      total += branches.length;
      shown += drawn.length;
      if (t.recurring) { main.appendChild(el("h4", null, "Wave " + waveName(w))); }
      var nodes = drawn.map(function (b) {
        var a = (byBody[b.adoption] || [])[0] || { name: b.adoption, level: null };
        var date = b.date || null;
        var sub = (date || "undated") + (b.lag_parent !== null && b.lag_parent !== undefined ? " +" + b.lag_parent + " d" : "");
        var flag = (b.before_parent ? "⚑" : "") + (b.skipped && b.skipped.length ? "⤼" + b.skipped.length : "");
        var parentName = b.parent ? (names[b.parent] || b.parent) : null;
        return {
          id: nid(b.adoption), parent: b.parent ? nid(b.parent) : null, label: a.name, sub: sub, flag: flag,
          r: 5, colour: LEVEL_COLOURS[a.level] || LEVEL_COLOURS.other,
          tipLines: [a.name, (a.level || "?") + (a.city ? " · " + a.city : ""), "first adoption " + (date || "undated") + (a.mode ? " (" + a.mode + ")" : ""),
            parentName ? "after " + parentName + (b.lag_parent !== null && b.lag_parent !== undefined ? " by " + b.lag_parent + " day(s)" : "") : "a root of the cascade",
            b.lag_first !== null && b.lag_first !== undefined ? b.lag_first + " day(s) after the first adoption" : "",
            b.ahead_of && b.ahead_of.length ? "before superior " + b.ahead_of.map(function (x) { return names[x] || x; }).join(", ") : "",
            b.skipped && b.skipped.length ? "skipped " + b.skipped.map(function (x) { return names[x] || x.split(":").pop(); }).join(", ") : ""],
          onClick: function () { focusAdoption(b.adoption); },
          edgeTip: ["cascade: " + (parentName || "") + " → " + a.name, b.lag_parent !== null && b.lag_parent !== undefined ? "lag " + b.lag_parent + " day(s)" : "lag unknown"],
          edgeClass: b.before_parent ? "ukg-edge-flag" : ""
        };
      });
      if (nodes.length) {
        var tree = drawTree(nodes, { aria: "cascade tree" + (t.recurring ? " of wave " + waveName(w) : ""), top: 8, minColumn: 150 });
        if (!main.querySelector("#ukg-cascade")) { tree.id = "ukg-cascade"; }
        var wrap = el("div", "ukg-scroll ukg-cascade-wrap");
        wrap.appendChild(tree);
        main.appendChild(wrap);
      } else if (branches.length) {
        main.appendChild(el("p", "ukg-note", "Not drawn: " + branches.length + " adopter(s) past the first " + MAX_BRANCHES + "."));
      } else {
        main.appendChild(el("p", "ukg-note", "No adopter."));
      }
    });
    if (shown < total) {
      main.appendChild(el("p", "ukg-note", "The first " + shown + " of " + total +
        " adopters are drawn; every adoption is listed with its evidence."));
    }
    main.appendChild(el("h3", null, "Co-carriers (other bodies carrying it beside the unions)"));
    main.appendChild(table(["date", "body", "kind", "mode", "article"], coCarriers.map(function (a) {
      return [shownDate(t, a), a.name, a.level || a.label, a.mode, a.article_title || a.article];
    })));
    main.appendChild(el("h3", null, "Lag in days per level"));
    main.appendChild(table(["level", "adopters", "dated", "from first: min", "median", "max", "vs parent: n", "median", "max"],
      t.lags.map(function (l) {
        return [l.level, l.adopters, l.dated, l.first_min, l.first_median, l.first_max, l.parent_n, l.parent_median, l.parent_max];
      })));
    main.appendChild(el("h3", null, "First movers"));
    main.appendChild(table(["scope", "date", "body"], t.first_movers.map(function (f) { return [f.scope, f.date, f.name]; })));
    main.appendChild(el("h3", null, "Name variants"));
    main.appendChild(table(["variant", "first body", "first date", "seen"], t.variants.map(function (v) {
      return [v.surface, v.first_body, v.first_date, v.seen];
    })));
    main.appendChild(el("h3", null, "Coverage"));
    main.appendChild(table(["scope", "name", "adopters", "bodies", "share"], t.coverage.filter(function (c) { return c.adopters; }).map(function (c) {
      return [c.scope, c.name, c.adopters, c.bodies, Math.round(c.share * 100) + "%"];
    })));
    if (t.adoptions.length > MAX_EVIDENCE) {
      panel.appendChild(el("p", "ukg-muted", "The first " + MAX_EVIDENCE + " of " + t.adoptions.length + " adoptions (by date)."));
    }
    t.adoptions.slice(0, MAX_EVIDENCE).forEach(function (a) {
      var box = el("div", "ukg-ev");
      box.setAttribute("data-body", a.body);
      var headLine = el("div", "ukg-ev-head");
      var link = el("a", "ukg-ev-node", a.name);
      link.href = nodeHash(a.body);
      headLine.appendChild(el("span", "ukg-ev-date", shownDate(t, a)));
      headLine.appendChild(document.createTextNode(" "));
      headLine.appendChild(link);
      headLine.appendChild(el("span", "ukg-ev-type", " " + (a.level || "") + (a.mode ? " · " + a.mode : "")));
      box.appendChild(headLine);
      var q = el("blockquote", "ukg-ev-text");
      q.appendChild(marked(a.sentence, a.marks, 0));
      box.appendChild(q);
      var meta = [];
      if (a.article) { meta.push("article " + (a.article_title ? "《" + a.article_title + "》 " : "") + a.article); }
      if (a.rule) { meta.push("rule " + a.rule); }
      box.appendChild(el("div", "ukg-ev-meta", meta.join(" · ")));
      panel.appendChild(box);
    });
  }
  function focusAdoption(body) {
    var panel = $("ukg-evidence");
    Array.prototype.forEach.call(panel.querySelectorAll(".ukg-ev.ukg-hot"), function (x) { x.classList.remove("ukg-hot"); });
    var first = null;
    Array.prototype.forEach.call(panel.querySelectorAll(".ukg-ev"), function (x) {
      if (x.getAttribute("data-body") === body) { x.classList.add("ukg-hot"); first = first || x; }
    });
    if (first) { first.scrollIntoView({ block: "start" }); }
  }
  function table(header, rows) {
    if (!rows.length) { return el("p", "ukg-muted", "(none)"); }
    var tb = el("table", "ukg-table");
    var tr = el("tr");
    header.forEach(function (h) { tr.appendChild(el("th", null, h)); });
    var th = el("thead");
    th.appendChild(tr);
    tb.appendChild(th);
    var body = el("tbody");
    rows.forEach(function (r) {
      var row = el("tr");
      r.forEach(function (c) { row.appendChild(el("td", null, c === null || c === undefined ? "" : c)); });
      body.appendChild(row);
    });
    tb.appendChild(body);
    return tb;
  }

  /* --- search ------------------------------------------------------------------------------ */
  function norm(s) { return String(s).normalize("NFKC").replace(/[\s"'“”‘’「」『』《》〈〉«»‹›〝〞＂＇]/g, "").toLowerCase(); }
  function searchLocal(q) {
    var k = norm(q);
    if (!k) { return []; }
    var exact = [], part = [];
    (data.index || []).forEach(function (r) {
      var n = norm(r[1]);
      if (n === k) { exact.push(r); } else if (n.indexOf(k) >= 0) { part.push(r); }
    });
    return exact.concat(part).slice(0, 20).map(function (r) { return { id: r[0], nm: r[1], lab: r[2], lv: r[3] || "" }; });
  }
  function search(q) {
    if (served) {
      return fetch("api/search?q=" + encodeURIComponent(q)).then(function (r) {
        if (!r.ok) { throw new Error("server answered " + r.status); }
        return r.json();
      });
    }
    return Promise.resolve(searchLocal(q));
  }
  $("ukg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = $("ukg-search").value;
    var out = clear($("ukg-hits"));
    if (!q.trim()) { out.style.display = "none"; return; }
    search(q).then(function (hits) {
      clear(out);
      out.style.display = "block";
      if (!hits.length) { out.appendChild(el("div", "ukg-muted", "no match" + (served ? "" : " in the offline page's index"))); return; }
      hits.forEach(function (hit) {
        var a = el("a", "ukg-hit");
        a.href = hit.lab === "Campaign" ? traceHash(hit.id) : nodeHash(hit.id);
        var sw = el("span", "ukg-swatch");
        sw.style.background = colourOf(hit.lab);
        a.appendChild(sw);
        a.appendChild(document.createTextNode(hit.nm));
        a.appendChild(el("span", "ukg-muted", " " + hit.lab + (hit.lv ? " · " + hit.lv : "")));
        a.addEventListener("click", function () { out.style.display = "none"; });
        out.appendChild(a);
      });
    }).catch(function (err) { out.style.display = "block"; out.appendChild(el("div", "ukg-note", String(err))); });
  });

  /* --- routing ----------------------------------------------------------------------------- */
  function route() {
    hideTip();
    var h = location.hash || "";
    var m = /^#([nc])=(.+)$/.exec(h);
    if (!m && data.start) { renderTrace(data.start); return; }
    var id = null;
    if (m) { try { id = decodeURIComponent(m[2]); } catch (e) { id = null; } }
    if (m && id && m[1] === "n") { renderNode(id); } else if (m && id && m[1] === "c") { renderTrace(id); } else if (data.overview) {
      renderOverview();
    }
    $("ukg-main").scrollTop = 0;
  }
  window.addEventListener("hashchange", route);
  $("ukg-title").textContent = data.title;
  renderSide();
  route();
  document.body.setAttribute("data-drawn", "1");
  window.ukgDrawnMs = performance.now();
  window.ukgx = { data: data, go: go, route: route, search: search, ticks: ticks, cache: cache };
})();
