/* kg explorer: reads the graph from the kg-data JSON block, draws it with vis-network.
 * Every string from the data reaches the DOM through textContent or a checked href, never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var SHAPE_CHAR = { dot: "\u25cf", diamond: "\u25c6", square: "\u25a0", triangle: "\u25b2", star: "\u2605" };
  var BIG = !data.physics;
  var classInfo = {};
  data.classes.forEach(function (c) { classInfo[c.name] = c; });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function safeUrl(url) { return /^https?:\/\/[^\s]+$/i.test(url || "") ? url : ""; }
  function link(text, url) {
    var href = safeUrl(url);
    if (!href) return el("span", text);
    var a = el("a", text);
    a.href = href; a.target = "_blank"; a.rel = "noopener noreferrer";
    return a;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // ---- dates: "2025", "2025-08" and "2025-08-15" compared as ranges of days
  function lo(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d.slice(0, 10); }
  function hi(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d.slice(0, 10); }
  function assertionDates(a) {
    var dates = a.events.map(function (e) { return e.date; }).filter(Boolean);
    if (!dates.length && a.article >= 0 && data.articles[a.article].date) dates.push(data.articles[a.article].date);
    return dates;
  }

  // ---- per-node sets for filtering: articles and dates from mentions and from the facts around it
  var nodeArticles = data.nodes.map(function (n) { return new Set(n.articles); });
  var nodeDates = data.nodes.map(function (n) {
    return n.articles.map(function (i) { return data.articles[i].date; }).filter(Boolean);
  });
  var nodeEdges = data.nodes.map(function () { return []; });
  function noteAssertion(i, a) {
    if (a.article >= 0) nodeArticles[i].add(a.article);
    Array.prototype.push.apply(nodeDates[i], assertionDates(a));
  }
  data.edges.forEach(function (e, k) {
    nodeEdges[e.from].push(k);
    if (e.to !== e.from) nodeEdges[e.to].push(k);
    e.assertions.forEach(function (ai) { noteAssertion(e.from, data.assertions[ai]); noteAssertion(e.to, data.assertions[ai]); });
  });
  data.nodes.forEach(function (n, i) { n.claims.forEach(function (ai) { noteAssertion(i, data.assertions[ai]); }); });

  var state = { classes: new Set(data.classes.map(function (c) { return c.name; })),
                predicates: new Set(data.predicates.map(function (p) { return p.name; })),
                from: "", to: "", article: "" };
  function dateOk(dates) {
    if (!state.from && !state.to) return true;
    return dates.some(function (d) {
      return (!state.from || hi(d) >= state.from) && (!state.to || lo(d) <= state.to);
    });
  }
  function nodePasses(i) {
    var n = data.nodes[i];
    if (!state.classes.has(n.type)) return false;
    if (state.article !== "" && !nodeArticles[i].has(Number(state.article))) return false;
    return dateOk(nodeDates[i]);
  }
  function edgePasses(k) {
    var e = data.edges[k];
    if (!state.predicates.has(e.predicate) || !nodePasses(e.from) || !nodePasses(e.to)) return false;
    var as = e.assertions.map(function (ai) { return data.assertions[ai]; });
    if (state.article !== "" && !as.some(function (a) { return a.article === Number(state.article); })) return false;
    if (!state.from && !state.to) return true;
    return as.some(function (a) { return dateOk(assertionDates(a)); });
  }

  // ---- vis data
  var parallel = {};
  var nodes = new vis.DataSet(data.nodes.map(function (n, i) {
    var c = classInfo[n.type];
    return { id: "n" + i, label: n.label, x: n.x, y: n.y, size: n.size, shape: c.shape,
             color: { background: c.color, border: "#555", highlight: { background: c.color, border: "#000" } } };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, k) {
    var pair = Math.min(e.from, e.to) + "," + Math.max(e.from, e.to);
    var nth = parallel[pair] = (parallel[pair] || 0) + 1;
    var item = { id: "e" + k, from: "n" + e.from, to: "n" + e.to, label: e.predicate };
    if (nth > 1) item.smooth = { enabled: true, type: nth % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil(nth / 2) };
    return item;
  }));
  var nodeView = new vis.DataView(nodes, { filter: function (item) { return nodePasses(Number(item.id.slice(1))); } });
  var edgeView = new vis.DataView(edges, { filter: function (item) { return edgePasses(Number(item.id.slice(1))); } });
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: data.physics ? { enabled: true, stabilization: { iterations: 150, fit: true },
                              barnesHut: { gravitationalConstant: -5000, springLength: 140, avoidOverlap: 0.2 } }
                          : { enabled: false },
    interaction: { hover: !BIG, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, multiselect: false },
    nodes: { borderWidth: 1, font: { size: 14, color: "#222", strokeWidth: 3, strokeColor: "#fff" } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.6 } }, width: 1.2,
             color: { color: "#9aa3a8", highlight: "#222", hover: "#444" },
             font: { size: 10, align: "middle", color: "#444", strokeWidth: 3, strokeColor: "#fff" },
             smooth: BIG ? false : { enabled: true, type: "continuous", roundness: 0.3 } }
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  var view = window.kgView = { data: data, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
                               network: network, ready: false, firstDrawMs: null };
  network.once("afterDrawing", function () {
    view.firstDrawMs = performance.now();
    view.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  if (!data.physics) network.fit({ animation: false });

  // ---- side panel
  var panel = document.getElementById("panel");
  function nodeName(i) { return i >= 0 ? data.nodes[i].label : "?"; }
  function articleLine(i) {
    var p = el("div", null, "meta");
    if (i < 0) return p;
    var a = data.articles[i];
    p.appendChild(link(a.title, a.url));
    if (a.date) p.appendChild(document.createTextNode(" \u2014 " + a.date));
    if (a.publisher) p.appendChild(document.createTextNode(", " + a.publisher));
    return p;
  }
  function assertionBlock(ai) {
    var a = data.assertions[ai];
    var box = el("div", null, "claim");
    var head = el("div");
    head.appendChild(el("strong", nodeName(a.subject)));
    head.appendChild(document.createTextNode(" " + a.predicate + " "));
    head.appendChild(el("strong", nodeName(a.object)));
    if (a.role) head.appendChild(document.createTextNode(" (" + a.role + ")"));
    box.appendChild(head);
    var meta = [];
    if (a.factuality) meta.push("fattualit\u00e0: " + a.factuality);
    if (a.confidence !== null && a.confidence !== undefined) meta.push("confidenza: " + a.confidence);
    if (a.attributedTo) meta.push("riferito da: " + a.attributedTo);
    a.events.forEach(function (e) { meta.push("evento: " + (e.type || "?") + (e.date ? ", " + e.date : "")); });
    box.appendChild(el("div", meta.join(" \u00b7 "), "meta"));
    a.sentences.forEach(function (s) {
      box.appendChild(el("blockquote", s.text));
      box.appendChild(articleLine(s.article));
    });
    if (!a.sentences.length && a.article >= 0) box.appendChild(articleLine(a.article));
    return box;
  }
  function heading(text, kind, colourClass) {
    clear(panel);
    panel.appendChild(el("h2", text));
    var k = el("div", null, "kind");
    if (colourClass) {
      var sw = el("span", SHAPE_CHAR[colourClass.shape] || "\u25cf", "swatch");
      sw.style.color = colourClass.color;
      k.appendChild(sw);
    }
    k.appendChild(document.createTextNode(kind));
    panel.appendChild(k);
  }
  var PANEL_LIMIT = 60;
  function showNode(i) {
    var n = data.nodes[i];
    heading(n.label, n.type, classInfo[n.type]);
    if (n.alt.length) panel.appendChild(el("p", "Altri nomi: " + n.alt.join(", ")));
    if (n.wikidata) {
      var p = el("p", "Wikidata: ");
      p.appendChild(link(n.wikidata.replace(/^.*\//, ""), n.wikidata));
      panel.appendChild(p);
    }
    var iri = el("p", n.iri, "meta");
    panel.appendChild(iri);
    if (n.articles.length) {
      panel.appendChild(el("h3", "Articoli (" + n.articles.length + ")"));
      n.articles.forEach(function (ai) { panel.appendChild(articleLine(ai)); });
    }
    var incident = nodeEdges[i];
    panel.appendChild(el("h3", "Fatti (" + incident.length + ")"));
    var shown = 0;
    incident.forEach(function (k) {
      data.edges[k].assertions.forEach(function (ai) {
        if (shown++ < PANEL_LIMIT) panel.appendChild(assertionBlock(ai));
      });
    });
    if (shown > PANEL_LIMIT) panel.appendChild(el("p", "\u2026 e altre " + (shown - PANEL_LIMIT) + " fonti", "hint"));
    if (n.claims.length) {
      panel.appendChild(el("h3", "Affermazioni non asserite (" + n.claims.length + ")"));
      n.claims.slice(0, PANEL_LIMIT).forEach(function (ai) { panel.appendChild(assertionBlock(ai)); });
    }
  }
  function showEdge(k) {
    var e = data.edges[k];
    heading(nodeName(e.from) + " \u2192 " + nodeName(e.to), "relazione: " + e.predicate);
    panel.appendChild(el("h3", "Fonti (" + e.assertions.length + ")"));
    e.assertions.forEach(function (ai) { panel.appendChild(assertionBlock(ai)); });
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(Number(String(params.nodes[0]).slice(1)));
    else if (params.edges.length) showEdge(Number(String(params.edges[0]).slice(1)));
  });
  view.showNode = showNode;
  view.showEdge = showEdge;

  // ---- legend and filters
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    document.getElementById("stats").textContent =
      nodeView.length + " / " + data.nodes.length + " entit\u00e0, " + edgeView.length + " / " + data.edges.length + " fatti";
  }
  function checkbox(label, count, colour, shape, onChange) {
    var l = el("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); refresh(); });
    l.appendChild(box);
    if (colour) {
      var sw = el("span", SHAPE_CHAR[shape] || "\u25cf", "swatch");
      sw.style.color = colour;
      l.appendChild(sw);
    }
    l.appendChild(document.createTextNode(" " + label + " "));
    l.appendChild(el("span", "(" + count + ")", "count"));
    return l;
  }
  var classBox = document.getElementById("legend-classes");
  data.classes.forEach(function (c) {
    classBox.appendChild(checkbox(c.name, c.count, c.color, c.shape, function (on) {
      if (on) state.classes.add(c.name); else state.classes.delete(c.name);
    }));
  });
  var predBox = document.getElementById("legend-predicates");
  data.predicates.forEach(function (p) {
    if (!p.count) return;
    predBox.appendChild(checkbox(p.name, p.count, null, null, function (on) {
      if (on) state.predicates.add(p.name); else state.predicates.delete(p.name);
    }));
  });
  var allDates = [];
  data.articles.forEach(function (a) { if (a.date) allDates.push(lo(a.date)); });
  data.assertions.forEach(function (a) { a.events.forEach(function (e) { if (e.date) allDates.push(lo(e.date)); }); });
  allDates.sort();
  var fromInput = document.getElementById("date-from"), toInput = document.getElementById("date-to");
  if (allDates.length) {
    fromInput.min = toInput.min = allDates[0];
    fromInput.max = toInput.max = allDates[allDates.length - 1];
  }
  fromInput.addEventListener("change", function () { state.from = fromInput.value; refresh(); });
  toInput.addEventListener("change", function () { state.to = toInput.value; refresh(); });
  var articleSelect = document.getElementById("article-filter");
  data.articles.forEach(function (a, i) {
    var o = el("option", (a.date ? a.date + " \u2014 " : "") + a.title);
    o.value = String(i);
    articleSelect.appendChild(o);
  });
  articleSelect.addEventListener("change", function () { state.article = articleSelect.value; refresh(); });
  document.getElementById("reset").addEventListener("click", function () {
    data.classes.forEach(function (c) { state.classes.add(c.name); });
    data.predicates.forEach(function (p) { state.predicates.add(p.name); });
    state.from = state.to = state.article = "";
    fromInput.value = toInput.value = articleSelect.value = "";
    document.querySelectorAll("#filters input[type=checkbox]").forEach(function (b) { b.checked = true; });
    refresh();
  });
  view.state = state;
  view.refresh = refresh;

  // ---- search
  var names = document.getElementById("search-names");
  data.nodes.forEach(function (n) { names.appendChild(el("option")).value = n.label; });
  function norm(s) { return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim(); }
  var keys = data.nodes.map(function (n) { return [norm(n.label)].concat(n.alt.map(norm)); });
  function find(query) {
    var q = norm(query);
    if (!q) return -1;
    var tests = [function (k) { return k === q; }, function (k) { return k.indexOf(q) === 0; },
                 function (k) { return k.indexOf(q) >= 0; }];
    for (var t = 0; t < tests.length; t++) {
      for (var i = 0; i < keys.length; i++) if (keys[i].some(tests[t])) return i;
    }
    return -1;
  }
  function focusNode(i) {
    var status = document.getElementById("search-status");
    if (i < 0) { status.textContent = "nessun risultato"; return false; }
    if (!nodePasses(i)) { status.textContent = "nascosto dai filtri"; showNode(i); return false; }
    status.textContent = "";
    network.selectNodes(["n" + i]);
    network.focus("n" + i, { scale: 1.2, animation: false });
    showNode(i);
    return true;
  }
  document.getElementById("search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    focusNode(find(document.getElementById("search-input").value));
  });
  view.find = find;
  view.focusNode = focusNode;
  refresh();
})();
