/* kg explorer, wiring: event handlers, first draw, and window.kgView for tests and scripting. */
byId("search-input").addEventListener("input", showMatches);
byId("search-input").addEventListener("blur", function () { byId("search-results").hidden = true; });
byId("search").addEventListener("submit", function (ev) {
  ev.preventDefault();
  var m = find(byId("search-input").value, 1);
  if (m.length) pick(m[0]); else focusNode(-1);
});
byId("hops").addEventListener("change", function () { state.hops = Number(byId("hops").value); refresh(true); });
byId("show-isolated").addEventListener("change", function () {
  state.isolated = byId("show-isolated").checked;
  if (state.isolated) state.minDegree = 0; else if (state.minDegree === 0) state.minDegree = defaultMinDegree;
  refresh(true);
});
byId("comention").addEventListener("change", function () { state.comention = byId("comention").checked; refresh(true); });
byId("min-degree").addEventListener("input", function () {
  state.minDegree = Number(byId("min-degree").value);
  state.isolated = state.minDegree === 0;
  refresh(true);
});
byId("fit").addEventListener("click", fit);
byId("unexpand").addEventListener("click", function () { state.expanded.clear(); refresh(true); });
byId("date-basis").addEventListener("change", function () { state.basis = byId("date-basis").value; refresh(true); });
byId("date-from").addEventListener("input", function () {
  state.from = Math.min(Number(byId("date-from").value), state.to); refresh(true);
});
byId("date-to").addEventListener("input", function () {
  state.to = Math.max(Number(byId("date-to").value), state.from); refresh(true);
});
byId("article-filter").addEventListener("change", function () { state.article = byId("article-filter").value; refresh(true); });
data.articles.forEach(function (a, i) {
  var o = el("option", (a.date ? a.date + " \u2014 " : "") + a.title);
  o.value = String(i);
  byId("article-filter").appendChild(o);
});
var names = byId("entity-names");
data.nodes.forEach(function (n) { if (n.degree > 0) names.appendChild(el("option")).value = n.label; });
function pathEnd(id) { var m = find(byId(id).value, 1); return m.length ? m[0] : -1; }
byId("path-find").addEventListener("click", function () {
  var a = pathEnd("path-from"), b = pathEnd("path-to");
  state.path = a >= 0 && b >= 0 ? shortestPath(a, b) : [];
  byId("path-status").textContent = state.path.length ? t("pathFound", { n: state.path.length - 1 }) : t("noPath");
  refresh(true);
});
byId("path-clear").addEventListener("click", function () {
  state.path = []; byId("path-status").textContent = ""; refresh(true);
});
byId("reset").addEventListener("click", function () {
  data.predicates.forEach(function (p) { state.predicates.add(p.name); });
  data.classes.forEach(function (c) { state.classes.add(c.name); });
  Object.assign(state, { isolated: false, comention: false, minDegree: defaultMinDegree, from: 0,
                         to: Math.max(0, bins.length - 1), basis: "event", article: "", focus: -1, hops: 0, path: [] });
  state.expanded.clear();
  refresh(true);
});
byId("lang").addEventListener("click", function () {
  lang = lang === "it" ? "en" : "it";
  applyLanguage(); buildLegend(); buildHistogram(); showSelected(); refresh(false);
  nodesDS.update(nodesDS.getIds().map(function (id) { return { id: id, title: nodeItem(Number(id.slice(1))).title }; }));
});
network.on("click", function (params) {
  if (params.nodes.length) showNode(Number(String(params.nodes[0]).slice(1)));
  else if (params.edges.length) {
    var id = String(params.edges[0]);
    (id[0] === "p" ? showPair : showCo)(Number(id.slice(1)));
  }
});
/* Double-click: bring in the entity's neighbours (facts the filters keep, co-mentions if on). */
network.on("doubleClick", function (params) {
  if (!params.nodes.length) return;
  var i = Number(String(params.nodes[0]).slice(1));
  state.expanded.add(i);
  computeVisible();
  neighbours(i, state.comention).forEach(function (y) { state.expanded.add(y); });
  refresh(false);
});

var view = window.kgView = { data: data, network: network, nodes: nodesDS, edges: edgesDS, state: state,
  ready: false, firstDrawMs: null, refresh: refresh, find: find, focusNode: focusNode, showNode: showNode,
  showPair: showPair, shortestPath: shortestPath, bins: bins, pairs: pairs, fit: fit,
  setLanguage: function (l) { if (l !== lang) byId("lang").click(); } };
function ready() {
  view.firstDrawMs = performance.now();
  view.ready = true;
  document.body.setAttribute("data-ready", "1");
}
fromHash();
applyLanguage();
buildLegend();
buildHistogram();
refresh(!SETTLE);
if (SETTLE) {
  network.once("stabilizationIterationsDone", function () { settled(); network.once("afterDrawing", ready); network.redraw(); });
  network.stabilize(400);
} else network.once("afterDrawing", ready);
if (state.focus >= 0) showNode(state.focus);
