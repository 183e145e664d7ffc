/* kg explorer, drawing: visible entities and fact pairs go into vis-network DataSets, which
 * are synced (not rebuilt) on each refresh, so a 50,000-entity graph draws only what it shows. */
var LABEL_LIMIT = 60;    // at a zoom where labels need enlarging, only this many are labelled
var EDGE_LABEL_SCALE = 1.3;
var PHYSICS_LIMIT = 400;   // entities drawn at first, at most, for the physics settling
var SETTLE = withFacts <= PHYSICS_LIMIT;
var nodesDS = new vis.DataSet(), edgesDS = new vis.DataSet();
var container = document.getElementById("network");
var network = new vis.Network(container, { nodes: nodesDS, edges: edgesDS }, {
  autoResize: true,
  layout: { improvedLayout: false, randomSeed: 7 },
  // small graphs: a short force-directed settling from the precomputed layout spreads crowded
  // hubs apart; it is switched off once settled, so nothing drifts afterwards
  physics: SETTLE ? { enabled: true, solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -120, centralGravity: 0.008, springLength: 110, avoidOverlap: 0.8 },
    stabilization: { enabled: true, iterations: 400, fit: true } } : { enabled: false },
  interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: N > 2000, multiselect: false },
  nodes: { borderWidth: 1, font: { size: 14, color: "#222", strokeWidth: 4, strokeColor: "#fff" } },
  edges: { arrows: { to: { enabled: true, scaleFactor: 0.6 } }, selectionWidth: 2,
           font: { size: 11, align: "middle", color: "#333", strokeWidth: 4, strokeColor: "#fff" },
           smooth: { enabled: true, type: "continuous", roundness: 0.25 } }
});

function nodeItem(i) {
  var n = data.nodes[i], c = classInfo[n.type];
  return { id: "n" + i, label: n.label, x: n.x, y: n.y, size: n.size, shape: c.shape,
           title: tooltip([n.label, term(n.type) + (n.en && n.en !== n.label ? " \u00b7 " + n.en : "")]),
           color: { background: c.color, border: "#555", highlight: { background: c.color, border: "#000" },
                    hover: { background: c.color, border: "#000" } } };
}
function tooltip(lines) {
  var box = document.createElement("div");
  lines.forEach(function (l, k) { var d = document.createElement(k ? "div" : "strong"); d.textContent = l; box.appendChild(d); if (!k) box.appendChild(document.createElement("br")); });
  return box;
}
/* A fact pair's look: colour of its commonest family, arrows by direction, width by the number
 * of statements; its label names the predicates (x2: a fact each way), the tooltip counts both. */
function pairItem(k) {
  var p = pairs[k], facts = pairFacts[k], fam = {}, preds = {}, fwd = false, back = false, undated = true;
  facts.forEach(function (ai) {
    var a = data.assertions[ai];
    fam[familyOf[a.predicate]] = (fam[familyOf[a.predicate]] || 0) + 1;
    (preds[a.predicate] = preds[a.predicate] || {})[factOf[ai]] = 1;
    if (a.subject === p.a) fwd = true; else back = true;
    if (!factUndated(ai)) undated = false;
  });
  var best = data.families.filter(function (f) { return fam[f.name]; })
    .sort(function (x, y) { return fam[y.name] - fam[x.name]; })[0];
  var names = data.predicates.filter(function (q) { return preds[q.name]; }).map(function (q) {
    var n = Object.keys(preds[q.name]).length;
    return term(q.name) + (n > 1 ? " \u00d7" + n : "");
  });
  var item = { id: "p" + k, from: "n" + (fwd || !back ? p.a : p.b), to: "n" + (fwd || !back ? p.b : p.a),
               color: { color: best.color, highlight: best.color, hover: best.color, opacity: 0.9 },
               width: 1.5 + 1.5 * Math.log2(facts.length), dashes: undated,
               arrows: { to: { enabled: true, scaleFactor: 0.6 }, from: { enabled: fwd && back, scaleFactor: 0.6 } },
               fullLabel: names.join(", "), family: best.name };
  item.title = tooltip([data.nodes[p.a].label + " \u2014 " + data.nodes[p.b].label, item.fullLabel,
                        factCount(facts) + " " + t("facts") + " \u00b7 " + facts.length + " " + t("statements")]);
  item.label = showEdgeLabels ? item.fullLabel : undefined;
  return item;
}
function coItem(k) {
  var c = comention[k];
  return { id: "c" + k, from: "n" + c.a, to: "n" + c.b, dashes: [2, 4], arrows: { to: { enabled: false } },
           color: { color: "#9aa3a8", opacity: 0.6 }, width: Math.min(1 + c.n, 6), smooth: false,
           title: tooltip([data.nodes[c.a].label + " \u2014 " + data.nodes[c.b].label,
                           t("comentions") + ": " + c.n + " " + t("coShared")]) };
}
var showEdgeLabels = false;
/* Entities in drawing order: the most connected last, so their labels lie on top. */
var byDegree = data.nodes.map(function (n, i) { return i; }).sort(function (x, y) { return degree[x] - degree[y] || x - y; });
/* Make DataSet hold exactly the wanted items (removals, then updates of what stays). */
function sync(ds, wanted) {
  var remove = ds.getIds().filter(function (id) { return !(id in wanted); });
  ds.remove(remove);
  ds.update(Object.keys(wanted).map(function (id) { return wanted[id]; }));
}
function draw() {
  var wantNodes = {}, wantEdges = {}, i;
  byDegree.forEach(function (i) { if (visNode[i]) wantNodes["n" + i] = nodeItem(i); });
  pairs.forEach(function (p, k) { if (pairVisible(k)) wantEdges["p" + k] = pairItem(k); });
  comention.forEach(function (c, k) { if (visCo[k]) wantEdges["c" + k] = coItem(k); });
  sync(edgesDS, {});
  sync(nodesDS, wantNodes);
  sync(edgesDS, wantEdges);
  labelNodes();
}
/* Labels stay >= 12 CSS px: the font grows as the view zooms out; when that would crowd the
 * view, only the LABEL_LIMIT most connected (and the selected) entities keep a label. */
function labelNodes() {
  var scale = network.getScale() || 1;
  var size = Math.max(14, Math.ceil(13 / scale));
  network.setOptions({ nodes: { font: { size: size } } });
  var ids = nodesDS.getIds(), keepAll = size === 14 || ids.length <= LABEL_LIMIT;
  var ranked = ids.map(function (id) { return Number(id.slice(1)); })
    .sort(function (x, y) { return degree[y] - degree[x] || x - y; });
  var labelled = new Set(keepAll ? ranked : ranked.slice(0, LABEL_LIMIT));
  if (state.focus >= 0) labelled.add(state.focus);
  state.path.forEach(function (x) { labelled.add(x); });
  nodesDS.update(ranked.map(function (i) { return { id: "n" + i, label: labelled.has(i) ? data.nodes[i].label : "" }; }));
  var want = scale >= EDGE_LABEL_SCALE;
  if (want !== showEdgeLabels) {
    showEdgeLabels = want;
    edgesDS.update(edgesDS.get().filter(function (e) { return e.id[0] === "p"; })
      .map(function (e) { return { id: e.id, label: want ? e.fullLabel : undefined }; }));
  }
}
var zoomPending = false;
network.on("zoom", function () {
  if (zoomPending) return;
  zoomPending = true;
  requestAnimationFrame(function () { zoomPending = false; labelNodes(); });
});
function settled() { network.setOptions({ physics: { enabled: false } }); fit(); }
/* Fit, then leave a margin: fit counts node positions, not the labels hanging past them. */
function fit() {
  network.fit({ animation: false });
  network.moveTo({ scale: network.getScale() * 0.9, animation: false });
  labelNodes();
}
