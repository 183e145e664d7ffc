/* kg explorer, controls: the legend that is the filter, view and time controls, search with a
 * pick list, ego network, shortest path, the language switch and the shareable URL fragment. */
function byId(id) { return document.getElementById(id); }
var legendBoxes = [];  // [checkbox, () => checked-from-state]
function swatchLine(colour) { var s = el("span", null, "line"); s.style.background = colour; return s; }

function buildLegend() {
  var fams = byId("legend-families"), classes = byId("legend-classes");
  clear(fams); clear(classes); legendBoxes = [];
  var counts = {};
  data.predicates.forEach(function (p) { counts[p.name] = p.count; });
  data.families.forEach(function (f) {
    var preds = f.predicates.filter(function (p) { return counts[p]; });
    if (!preds.length) return;
    var box = el("div", null, "family"), head = el("label"), cb = document.createElement("input");
    cb.type = "checkbox"; cb.setAttribute("data-family", f.name);
    head.appendChild(cb); head.appendChild(swatchLine(f.color));
    head.appendChild(document.createTextNode(f.label[lang] || f.label.it + " "));
    head.appendChild(el("span", " (" + preds.reduce(function (s, p) { return s + counts[p]; }, 0) + ")", "count"));
    cb.addEventListener("change", function () {
      preds.forEach(function (p) { if (cb.checked) state.predicates.add(p); else state.predicates.delete(p); });
      refresh(true);
    });
    legendBoxes.push([cb, function () { return preds.some(function (p) { return state.predicates.has(p); }); }]);
    box.appendChild(head);
    var members = el("div", null, "members");
    preds.forEach(function (p) {
      var l = el("label"), pc = document.createElement("input");
      pc.type = "checkbox"; pc.setAttribute("data-predicate", p);
      pc.addEventListener("change", function () {
        if (pc.checked) state.predicates.add(p); else state.predicates.delete(p);
        refresh(true);
      });
      legendBoxes.push([pc, function () { return state.predicates.has(p); }]);
      l.appendChild(pc); l.appendChild(document.createTextNode(" " + term(p) + " "));
      l.appendChild(el("span", "(" + counts[p] + ")", "count"));
      members.appendChild(l);
    });
    box.appendChild(members);
    fams.appendChild(box);
  });
  fams.appendChild(el("p", t("legendCounts"), "hint"));
  data.classes.forEach(function (c) {
    var l = el("label"), cb = document.createElement("input");
    cb.type = "checkbox"; cb.setAttribute("data-class", c.name);
    cb.addEventListener("change", function () {
      if (cb.checked) state.classes.add(c.name); else state.classes.delete(c.name);
      refresh(true);
    });
    legendBoxes.push([cb, function () { return state.classes.has(c.name); }]);
    var sw = el("span", SHAPE_CHAR[c.shape] || "\u25cf", "swatch"); sw.style.color = c.color;
    l.appendChild(cb); l.appendChild(sw); l.appendChild(document.createTextNode(" " + term(c.name) + " "));
    l.appendChild(el("span", "(" + c.count + ")", "count"));
    classes.appendChild(l);
  });
}

// ---- time: histogram of event dates and article dates, two range handles
function buildHistogram() {
  var h = byId("histogram"); clear(h);
  var ev = bins.map(function () { return 0; }), ar = bins.map(function () { return 0; });
  data.assertions.forEach(function (a) { if (a.eventDate) ev[binOf(a.eventDate)]++; });
  data.articles.forEach(function (a) { if (a.date) ar[binOf(a.date)]++; });
  var top = Math.max.apply(null, [1].concat(ev, ar));
  bins.forEach(function (b, i) {
    var bin = el("div", null, "bin"); bin.title = b.key + ": " + ev[i] + " " + t("events") + ", " + ar[i] + " " + t("articles");
    var e = el("div", null, "ev"), a = el("div", null, "ar");
    e.style.height = (100 * ev[i] / top) + "%"; a.style.height = (100 * ar[i] / top) + "%";
    bin.appendChild(e); bin.appendChild(a); h.appendChild(bin);
  });
}
function syncTime() {
  var from = byId("date-from"), to = byId("date-to");
  from.max = to.max = String(Math.max(0, bins.length - 1));
  from.value = String(state.from); to.value = String(state.to);
  from.disabled = to.disabled = !bins.length;
  byId("date-range").textContent = bins.length ? bins[state.from].key + " \u2013 " + bins[state.to].key : "\u2014";
  Array.prototype.forEach.call(byId("histogram").children, function (b, i) {
    b.className = "bin" + (i < state.from || i > state.to ? " out" : "");
  });
  var undated = 0;
  if (dateFiltered()) pairs.forEach(function (p, k) { pairFacts[k].forEach(function (ai) { if (factUndated(ai)) undated++; }); });
  byId("undated").textContent = undated ? t("undatedNote", { n: undated }) : "";
}

// ---- the URL fragment: the view in a link
function toHash() {
  var q = new URLSearchParams();
  if (lang !== "it") q.set("lang", lang);
  var off = data.predicates.filter(function (p) { return !state.predicates.has(p.name); }).map(function (p) { return p.name; });
  if (off.length) q.set("off", off.join(","));
  var cls = data.classes.filter(function (c) { return !state.classes.has(c.name); }).map(function (c) { return c.name; });
  if (cls.length) q.set("hide", cls.join(","));
  if (state.isolated) q.set("isolated", "1");
  if (state.comention) q.set("co", "1");
  if (state.minDegree !== defaultMinDegree) q.set("deg", String(state.minDegree));
  if (dateFiltered()) { q.set("from", bins[state.from].key); q.set("to", bins[state.to].key); }
  if (state.basis !== "event") q.set("basis", state.basis);
  if (state.article !== "") q.set("article", data.articles[Number(state.article)].iri);
  if (state.focus >= 0) q.set("focus", data.nodes[state.focus].iri);
  if (state.hops) q.set("hops", String(state.hops));
  if (state.path.length) q.set("path", data.nodes[state.path[0]].iri + " " + data.nodes[state.path[state.path.length - 1]].iri);
  var text = q.toString();
  if (("#" + text) !== (location.hash || "#")) history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
}
function nodeByIri(iri) { for (var i = 0; i < N; i++) if (data.nodes[i].iri === iri) return i; return -1; }
function fromHash() {
  var q = new URLSearchParams((location.hash || "").slice(1));
  if (q.get("lang") === "en") lang = "en";
  (q.get("off") || "").split(",").forEach(function (p) { state.predicates.delete(p); });
  (q.get("hide") || "").split(",").forEach(function (c) { state.classes.delete(c); });
  state.isolated = q.get("isolated") === "1";
  state.comention = q.get("co") === "1";
  if (q.has("deg")) state.minDegree = Math.max(0, parseInt(q.get("deg"), 10) || 0);
  var keys = bins.map(function (b) { return b.key; });
  if (keys.indexOf(q.get("from")) >= 0) state.from = keys.indexOf(q.get("from"));
  if (keys.indexOf(q.get("to")) >= 0) state.to = keys.indexOf(q.get("to"));
  if (q.get("basis") === "article") state.basis = "article";
  if (q.has("article")) {
    var art = data.articles.map(function (a) { return a.iri; }).indexOf(q.get("article"));
    if (art >= 0) state.article = String(art);
  }
  if (q.has("focus")) state.focus = nodeByIri(q.get("focus"));
  if (q.has("hops")) state.hops = Math.min(2, Math.max(0, parseInt(q.get("hops"), 10) || 0));
  if (q.has("path")) {
    var ends = q.get("path").split(" ").map(nodeByIri);
    if (ends.length === 2 && ends[0] >= 0 && ends[1] >= 0) state.path = shortestPath(ends[0], ends[1]);
  }
}

// ---- refresh: state -> controls, visible sets, drawing, stats, fragment
function syncControls() {
  legendBoxes.forEach(function (b) { b[0].checked = b[1](); });
  byId("show-isolated").checked = state.isolated;
  byId("comention").checked = state.comention;
  byId("min-degree").max = String(maxDegree);
  byId("min-degree").value = String(state.minDegree);
  byId("min-degree-value").textContent = String(state.minDegree);
  byId("hops").value = String(state.hops);
  byId("date-basis").value = state.basis;
  byId("article-filter").value = state.article;
  byId("unexpand").hidden = !state.expanded.size;
  byId("isolated-count").textContent = t("isolatedCount", { n: N - withFacts });
}
function refresh(refit) {
  computeVisible();
  syncControls();
  syncTime();
  draw();
  var shown = 0, facts = 0, statements = 0, total = data.totals;
  for (var i = 0; i < N; i++) shown += visNode[i];
  pairs.forEach(function (p, k) {
    if (!pairVisible(k)) return;
    facts += factCount(pairFacts[k]);
    statements += pairFacts[k].length;
  });
  byId("stats").textContent = shown + " / " + N + " " + t("entities") + " \u00b7 " + facts + " / " + total.facts + " " +
    t("facts") + " \u00b7 " + statements + " / " + total.statements + " " + t("statements") +
    (total.notAsserted ? " \u00b7 " + t("notAssertedCount", { n: total.notAsserted }) : "");
  byId("stats").title = t("statsHelp");
  if (refit) fit();
  toHash();
}

// ---- search: labels, other names and English names; case and accents ignored; a pick list
function norm(s) { return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim(); }
var keys = data.nodes.map(function (n) { return [norm(n.label)].concat(n.alt.map(norm), n.en ? [norm(n.en)] : []); });
/* Matches, best first: exact, then prefix (of the name or of a word), then substring. */
function find(query, limit) {
  var q = norm(query), out = [];
  if (!q) return out;
  var tests = [function (k) { return k === q; },
               function (k) { return k.indexOf(q) === 0 || k.indexOf(" " + q) >= 0; },
               function (k) { return k.indexOf(q) >= 0; }];
  var seen = new Set();
  tests.forEach(function (test) {
    var tier = [];
    for (var i = 0; i < N; i++) if (!seen.has(i) && keys[i].some(test)) tier.push(i);
    tier.sort(function (x, y) { return degree[y] - degree[x] || x - y; });
    tier.forEach(function (i) { seen.add(i); out.push(i); });
  });
  return out.slice(0, limit || 12);
}
function focusNode(i) {
  var status = byId("search-status");
  status.textContent = "";
  if (i < 0) { status.textContent = t("noMatch"); return false; }
  state.focus = i; state.path = [];
  if (!state.classes.has(data.nodes[i].type)) status.textContent = t("hiddenByFilters");
  refresh(state.hops > 0);
  showNode(i);
  if (visNode[i]) {
    network.selectNodes(["n" + i]);
    if (!state.hops) network.focus("n" + i, { scale: Math.max(network.getScale(), 1.2), animation: false });
    labelNodes();
  }
  return visNode[i] === 1;
}
function showMatches() {
  var list = byId("search-results"), matches = find(byId("search-input").value);
  clear(list);
  matches.forEach(function (i, k) {
    var n = data.nodes[i], li = el("li", n.label);
    li.setAttribute("data-node", String(i));
    if (!k) li.className = "active";
    var extra = [term(n.type)];
    if (n.en && n.en !== n.label) extra.push(n.en);
    li.appendChild(el("span", " \u2014 " + extra.join(", "), "kind"));
    li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
    list.appendChild(li);
  });
  list.hidden = !matches.length;
  byId("search-status").textContent = byId("search-input").value && !matches.length ? t("noMatch") : "";
}
function pick(i) { byId("search-results").hidden = true; byId("search-input").value = data.nodes[i].label; focusNode(i); }
