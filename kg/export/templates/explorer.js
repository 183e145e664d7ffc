/* kg explorer, core: the data, the reader's state, what is visible, and the vis-network view.
 * Every string from the data reaches the DOM through textContent or a checked href, never as markup. */
var N = data.nodes.length;
var familyOf = {}, familyInfo = {}, classInfo = {};
data.families.forEach(function (f) { familyInfo[f.name] = f; f.predicates.forEach(function (p) { familyOf[p] = f.name; }); });
data.classes.forEach(function (c) { classInfo[c.name] = c; });

// ---- dates: "2025", "2025-08", "2025-08-15"; compared by their first day
function lo(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d.slice(0, 10); }
function articleDate(a) { return a.article >= 0 ? data.articles[a.article].date : ""; }

// ---- adjacency: facts grouped by unordered pair (one drawn edge per pair, with a count)
var pairs = [], pairIndex = {}, nodePairs = data.nodes.map(function () { return []; });
data.edges.forEach(function (e, k) {
  var a = Math.min(e.from, e.to), b = Math.max(e.from, e.to), key = a + "," + b;
  if (!(key in pairIndex)) {
    pairIndex[key] = pairs.length;
    pairs.push({ a: a, b: b, edges: [] });
    nodePairs[a].push(pairIndex[key]);
    if (b !== a) nodePairs[b].push(pairIndex[key]);
  }
  pairs[pairIndex[key]].edges.push(k);
});
/* A fact is one drawn-edge triple (data.edges); a statement is one kg:Assertion behind it
 * (data.assertions), one per article sentence stating it: factOf[statement] = its fact. */
var factOf = {};
data.edges.forEach(function (e, k) { e.assertions.forEach(function (ai) { factOf[ai] = k; }); });
function factCount(statements) {
  var seen = {}, n = 0;
  statements.forEach(function (ai) { if (!seen[factOf[ai]]) { seen[factOf[ai]] = 1; n++; } });
  return n;
}
/* [a, b, count, articles]: named in count sentences (or articles) together, in those articles */
var comention = data.comention.map(function (c) { return { a: c[0], b: c[1], n: c[2], articles: c[3] }; });
var nodeCo = data.nodes.map(function () { return []; });
comention.forEach(function (c, k) { nodeCo[c.a].push(k); nodeCo[c.b].push(k); });
var degree = data.nodes.map(function (n) { return n.degree; });
var withFacts = degree.filter(function (d) { return d > 0; }).length;
var maxDegree = Math.max.apply(null, [1].concat(degree));
/* The smallest degree that keeps at most data.top entities: where a large graph opens. */
var defaultMinDegree = (function () {
  if (withFacts <= data.top) return 1;
  var sorted = degree.slice().sort(function (x, y) { return y - x; });
  return Math.max(1, sorted[data.top - 1] + 1);
})();

// ---- time bins: months, or years when the dates span more than ten years
var allDates = [];
data.assertions.forEach(function (a) { if (a.eventDate) allDates.push(lo(a.eventDate)); });
data.articles.forEach(function (a) { if (a.date) allDates.push(lo(a.date)); });
allDates.sort();
var bins = [];
(function () {
  if (!allDates.length) return;
  var y0 = +allDates[0].slice(0, 4), y1 = +allDates[allDates.length - 1].slice(0, 4);
  var m0 = +allDates[0].slice(5, 7), m1 = +allDates[allDates.length - 1].slice(5, 7);
  var yearly = (y1 * 12 + m1) - (y0 * 12 + m0) > 120;
  for (var y = y0; y <= y1; y++) {
    if (yearly) { bins.push({ key: String(y), from: y + "-01-01", to: y + "-12-31" }); continue; }
    for (var m = (y === y0 ? m0 : 1); m <= (y === y1 ? m1 : 12); m++) {
      var mm = (m < 10 ? "0" : "") + m;
      bins.push({ key: y + "-" + mm, from: y + "-" + mm + "-01", to: y + "-" + mm + "-31" });
    }
  }
})();
function binOf(d) {
  var day = lo(d);
  for (var i = 0; i < bins.length; i++) if (day <= bins[i].to) return i;
  return bins.length - 1;
}

var state = {
  predicates: new Set(data.predicates.map(function (p) { return p.name; })),
  classes: new Set(data.classes.map(function (c) { return c.name; })),
  isolated: false, comention: false, minDegree: defaultMinDegree,
  from: 0, to: Math.max(0, bins.length - 1), basis: "event", article: "",
  focus: -1, hops: 0, path: [], expanded: new Set()
};
function dateFiltered() { return bins.length > 0 && (state.from > 0 || state.to < bins.length - 1); }
/* The date a fact is filtered on under the current basis; "" when it has none (undated). */
function factDate(a) { return state.basis === "event" ? a.eventDate : articleDate(a); }
function factPasses(ai) {
  var a = data.assertions[ai];
  if (!state.predicates.has(a.predicate)) return false;
  if (state.article !== "" && a.article !== Number(state.article)) return false;
  if (!dateFiltered()) return true;
  var d = factDate(a);
  if (!d) return true;  // undated: shown and flagged, never dropped by the date filter
  var b = binOf(d);
  return b >= state.from && b <= state.to;
}
function factUndated(ai) { return dateFiltered() && !factDate(data.assertions[ai]); }
function nodeDatesPass(i) {
  if (!dateFiltered()) return true;
  var dated = data.nodes[i].articles.map(function (x) { return data.articles[x].date; }).filter(Boolean);
  return !dated.length || dated.some(function (d) { var b = binOf(d); return b >= state.from && b <= state.to; });
}

// ---- what is visible: computed once per refresh into these
var visNode = new Uint8Array(N), pairFacts = pairs.map(function () { return []; }), visCo = new Uint8Array(comention.length);
function neighbours(i, useCo) {
  var out = [];
  nodePairs[i].forEach(function (p) { if (pairFacts[p].length) out.push(pairs[p].a === i ? pairs[p].b : pairs[p].a); });
  if (useCo) nodeCo[i].forEach(function (k) { out.push(comention[k].a === i ? comention[k].b : comention[k].a); });
  return out;
}
function computeVisible() {
  pairs.forEach(function (p, k) {
    var facts = [];
    if (state.classes.has(data.nodes[p.a].type) && state.classes.has(data.nodes[p.b].type)) {
      p.edges.forEach(function (e) { data.edges[e].assertions.forEach(function (ai) { if (factPasses(ai)) facts.push(ai); }); });
    }
    pairFacts[k] = facts;
  });
  var live = new Uint8Array(N);  // has a visible fact
  pairs.forEach(function (p, k) { if (pairFacts[k].length) { live[p.a] = 1; live[p.b] = 1; } });
  var keep = new Uint8Array(N), i;
  if (state.path.length) {
    state.path.forEach(function (x) { keep[x] = 1; });
  } else if (state.focus >= 0 && state.hops > 0) {
    var frontier = [state.focus]; keep[state.focus] = 1;
    for (var h = 0; h < state.hops; h++) {
      var next = [];
      frontier.forEach(function (x) { neighbours(x, state.comention).forEach(function (y) { if (!keep[y]) { keep[y] = 1; next.push(y); } }); });
      frontier = next;
    }
  } else {
    for (i = 0; i < N; i++) {
      if (!state.classes.has(data.nodes[i].type)) continue;
      if (live[i] && degree[i] >= state.minDegree) keep[i] = 1;
      else if (state.isolated && degree[i] === 0 && nodeDatesPass(i) &&
               (state.article === "" || data.nodes[i].articles.indexOf(Number(state.article)) >= 0)) keep[i] = 1;
    }
    if (state.minDegree > 1) anchorLoners(keep);
    if (state.comention) comention.forEach(function (c) { if (keep[c.a] || keep[c.b]) { keep[c.a] = keep[c.b] = 1; } });
    state.expanded.forEach(function (x) { keep[x] = 1; });
    if (state.focus >= 0) keep[state.focus] = 1;
  }
  for (i = 0; i < N; i++) visNode[i] = keep[i] && state.classes.has(data.nodes[i].type) ? 1 : 0;
  comention.forEach(function (c, k) { visCo[k] = state.comention && visNode[c.a] && visNode[c.b] ? 1 : 0; });
  if (state.path.length) {
    var onPath = {};
    for (i = 1; i < state.path.length; i++) onPath[Math.min(state.path[i - 1], state.path[i]) + "," + Math.max(state.path[i - 1], state.path[i])] = 1;
    pairs.forEach(function (p, k) { if (!onPath[p.a + "," + p.b]) pairFacts[k] = []; });
  }
}
/* Above the degree threshold a hub may keep none of its neighbours (a star's leaves have one
 * fact each): give each such entity its most connected neighbour, so no kept entity floats alone. */
function anchorLoners(keep) {
  var add = [];
  for (var i = 0; i < N; i++) {
    if (!keep[i]) continue;
    var best = -1, alone = true;
    neighbours(i, false).forEach(function (y) {
      if (keep[y]) alone = false;
      else if (best < 0 || degree[y] > degree[best] || (degree[y] === degree[best] && y < best)) best = y;
    });
    if (alone && best >= 0) add.push(best);
  }
  add.forEach(function (y) { keep[y] = 1; });
}
function pairVisible(k) { return pairFacts[k].length > 0 && visNode[pairs[k].a] && visNode[pairs[k].b]; }

/* Shortest path over the facts the filters keep (breadth first, undirected). */
function shortestPath(a, b) {
  var saved = state.path; state.path = []; computeVisible(); state.path = saved;
  var prev = new Int32Array(N).fill(-2); prev[a] = -1;
  var queue = [a];
  while (queue.length) {
    var x = queue.shift();
    if (x === b) break;
    neighbours(x, false).forEach(function (y) { if (prev[y] === -2) { prev[y] = x; queue.push(y); } });
  }
  if (prev[b] === -2) return [];
  var path = [];
  for (var y = b; y !== -1; y = prev[y]) path.unshift(y);
  return path;
}
