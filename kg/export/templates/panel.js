/* kg explorer, side panel: an entity's or a pair's facts with their sentences, the mentions
 * marked in each sentence, the article linked (its url, else its file name). */
var SHAPE_CHAR = { dot: "\u25cf", diamond: "\u25c6", square: "\u25a0", triangle: "\u25b2", star: "\u2605" };
var PANEL_LIMIT = 60;
var panel = document.getElementById("panel");
var selected = null;  // ["node", i] or ["pair", k] or ["co", k]: redrawn when the language changes

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
function nodeName(i) { return i >= 0 ? data.nodes[i].label : "?"; }
function articleLine(i) {
  var p = el("div", null, "meta");
  if (i < 0) return p;
  var a = data.articles[i];
  p.appendChild(link(a.title, a.url));
  if (!safeUrl(a.url) && a.file && a.file !== a.title) p.appendChild(el("span", " (" + t("file") + ": " + a.file + ")"));
  p.appendChild(document.createTextNode(" \u2014 " + (a.date ? t("articleDate") + " " + a.date : t("undated"))));
  if (a.publisher) p.appendChild(document.createTextNode(", " + a.publisher));
  return p;
}
/* The sentence with the names of its subject and object marked (case-insensitive). */
function marked(text, who) {
  var names = [];
  who.forEach(function (i) { if (i >= 0) names = names.concat([data.nodes[i].label], data.nodes[i].alt); });
  names = names.filter(function (s) { return s && s.length > 1; }).sort(function (x, y) { return y.length - x.length; });
  var lower = text.toLowerCase(), spans = [];
  names.forEach(function (name) {
    var q = name.toLowerCase(), from = 0, at;
    while ((at = lower.indexOf(q, from)) >= 0) {
      var end = at + q.length;
      if (!spans.some(function (s) { return at < s[1] && end > s[0]; })) spans.push([at, end]);
      from = end;
    }
  });
  spans.sort(function (x, y) { return x[0] - y[0]; });
  var box = el("blockquote"), pos = 0;
  spans.forEach(function (s) {
    box.appendChild(document.createTextNode(text.slice(pos, s[0])));
    box.appendChild(el("mark", text.slice(s[0], s[1])));
    pos = s[1];
  });
  box.appendChild(document.createTextNode(text.slice(pos)));
  return box;
}
function assertionBlock(ai) {
  var a = data.assertions[ai];
  var box = el("div", null, "claim");
  var head = el("div");
  head.appendChild(el("strong", nodeName(a.subject)));
  var pred = el("span", " " + term(a.predicate) + " ");
  pred.style.color = familyInfo[familyOf[a.predicate]].color;
  head.appendChild(pred);
  head.appendChild(el("strong", nodeName(a.object)));
  if (a.role) head.appendChild(document.createTextNode(" (" + a.role + ")"));
  box.appendChild(head);
  var meta = [];
  if (a.factuality) meta.push(t("factuality") + ": " + term(a.factuality));
  if (a.confidence !== null && a.confidence !== undefined) meta.push(t("confidence") + ": " + a.confidence);
  if (a.attributedTo) meta.push(t("reportedBy") + ": " + a.attributedTo);
  a.events.forEach(function (e) {
    meta.push(t("event") + ": " + (e.type ? term(e.type) : "?") + (e.date ? ", " + t("eventDate") + " " + e.date : ""));
  });
  box.appendChild(el("div", meta.join(" \u00b7 "), "meta"));
  if (!a.eventDate) box.appendChild(el("span", t("undatedFlag"), "flag"));
  a.sentences.forEach(function (s) {
    box.appendChild(marked(s.text, [a.subject, a.object]));
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
function showNode(i) {
  selected = ["node", i];
  var n = data.nodes[i];
  heading(n.label, term(n.type), classInfo[n.type]);
  if (n.en && n.en !== n.label) panel.appendChild(el("p", t("englishName") + ": " + n.en));
  if (n.alt.length) panel.appendChild(el("p", t("otherNames") + ": " + n.alt.join(", ")));
  if (n.wikidata) {
    var p = el("p", "Wikidata: ");
    p.appendChild(link(n.wikidata.replace(/^.*\//, ""), n.wikidata));
    panel.appendChild(p);
  }
  panel.appendChild(el("p", n.iri, "meta"));
  if (n.articles.length) {
    panel.appendChild(el("h3", t("articles") + " (" + n.articles.length + ")"));
    n.articles.forEach(function (ai) { panel.appendChild(articleLine(ai)); });
  }
  var facts = [];
  nodePairs[i].forEach(function (k) { pairs[k].edges.forEach(function (e) { facts = facts.concat(data.edges[e].assertions); }); });
  panel.appendChild(el("h3", t("factsHeading") + " (" + factCount(facts) + ") \u00b7 " + t("statements") + " (" + facts.length + ")"));
  facts.slice(0, PANEL_LIMIT).forEach(function (ai) { panel.appendChild(assertionBlock(ai)); });
  if (facts.length > PANEL_LIMIT) panel.appendChild(el("p", t("moreSources", { n: facts.length - PANEL_LIMIT }), "hint"));
  if (n.claims.length) {
    panel.appendChild(el("h3", t("notAsserted") + " (" + n.claims.length + ")"));
    n.claims.slice(0, PANEL_LIMIT).forEach(function (ai) { panel.appendChild(assertionBlock(ai)); });
  }
}
/* Every fact between two entities, with the statements (sentences) that state it. */
function showPair(k) {
  selected = ["pair", k];
  var p = pairs[k], facts = pairFacts[k].length ? pairFacts[k] : [];
  if (!facts.length) p.edges.forEach(function (e) { facts = facts.concat(data.edges[e].assertions); });
  heading(nodeName(p.a) + " \u2014 " + nodeName(p.b), t("facts") + ": " + factCount(facts));
  panel.appendChild(el("h3", t("sources") + " (" + facts.length + ")"));
  facts.forEach(function (ai) { panel.appendChild(assertionBlock(ai)); });
}
function showCo(k) {
  selected = ["co", k];
  var c = comention[k];
  heading(nodeName(c.a) + " \u2014 " + nodeName(c.b), t("comentions") + ": " + c.n + " " + t("coShared"));
  c.articles.forEach(function (x) { panel.appendChild(articleLine(x)); });
}
function showSelected() {
  if (!selected) { clear(panel); panel.appendChild(el("p", t("panelHint"), "hint")); return; }
  ({ node: showNode, pair: showPair, co: showCo })[selected[0]](selected[1]);
}
