/* UI strings in both languages; class, predicate, event and factuality names come from the
 * ontology's rdfs:label (data.labels), family names from data.families. Co-mentions are of the
 * same sentence in a page kg build wrote, of the same article in one drawn from a graph file
 * alone (data.comentionScope). */
var bySentence = data.comentionScope === "sentence";
var UI = {
  it: {
    searchPlaceholder: "Cerca un'entit\u00e0 (anche in inglese)\u2026", hops: "Vicinato", hopsOff: "no",
    relations: "Relazioni", classes: "Classi", view: "Vista", showIsolated: "entit\u00e0 senza fatti",
    comention: bySentence ? "co-menzioni (stessa frase)" : "co-menzioni (stesso articolo)", minDegree: "Fatti per entit\u00e0, almeno", fit: "Adatta",
    unexpand: "Richiudi espansioni", dblclickHint: "Doppio clic su un nodo: mostra i suoi vicini.",
    time: "Tempo", dateBasis: "Data usata", basisEvent: "dell'evento", basisArticle: "dell'articolo",
    events: "eventi", articles: "articoli", path: "Percorso pi\u00f9 breve", pathFrom: "da\u2026", pathTo: "a\u2026",
    pathFind: "Trova", pathClear: "Togli", article: "Articolo", all: "tutti", reset: "Azzera filtri",
    panelHint: "Clicca un nodo o un arco per vederne le fonti.", noMatch: "nessun risultato",
    hiddenByFilters: "nascosto dai filtri", entities: "entit\u00e0", facts: "fatti", otherNames: "Altri nomi",
    englishName: "Nome inglese", factsHeading: "Fatti", sources: "Attestazioni", notAsserted: "Affermazioni non asserite",
    statements: "attestazioni", notAssertedCount: "{n} non asserite",
    legendCounts: "Tra parentesi: fatti, cio\u00e8 relazioni distinte (soggetto, predicato, oggetto).",
    statsHelp: "fatti: relazioni distinte (soggetto, predicato, oggetto) del grafo, come nella legenda; " +
      "attestazioni: le frasi degli articoli che le affermano (kg:Assertion): un fatto detto in tre articoli " +
      "\u00e8 un fatto e tre attestazioni; non asserite: negate, ipotetiche o previste, senza arco, nel pannello delle entit\u00e0. " +
      "Primo numero: quanti ne mostra la vista; secondo: quanti ne ha il grafo.",
    factuality: "fattualit\u00e0", confidence: "affidabilit\u00e0", reportedBy: "riferito da", event: "evento",
    undated: "senza data", undatedNote: "{n} attestazioni senza data: mostrate, tratteggiate",
    undatedFlag: "senza data dell'evento", articleDate: "data dell'articolo",
    eventDate: "data dell'evento", moreSources: "\u2026 e altre {n} attestazioni", noPath: "nessun percorso",
    pathFound: "{n} passi", comentions: "Co-menzioni",
    coShared: bySentence ? "frasi in comune" : "articoli in comune",
    isolatedCount: "({n})", topNote: "{n} entit\u00e0 pi\u00f9 collegate su {m}", file: "file"
  },
  en: {
    searchPlaceholder: "Search an entity (Italian or English)\u2026", hops: "Neighbourhood", hopsOff: "off",
    relations: "Relations", classes: "Classes", view: "View", showIsolated: "entities without facts",
    comention: bySentence ? "co-mentions (same sentence)" : "co-mentions (same article)", minDegree: "Facts per entity, at least", fit: "Fit",
    unexpand: "Collapse expansions", dblclickHint: "Double-click a node to show its neighbours.",
    time: "Time", dateBasis: "Date used", basisEvent: "of the event", basisArticle: "of the article",
    events: "events", articles: "articles", path: "Shortest path", pathFrom: "from\u2026", pathTo: "to\u2026",
    pathFind: "Find", pathClear: "Clear", article: "Article", all: "all", reset: "Reset filters",
    panelHint: "Click a node or an edge to see its sources.", noMatch: "no match",
    hiddenByFilters: "hidden by the filters", entities: "entities", facts: "facts", otherNames: "Other names",
    englishName: "English name", factsHeading: "Facts", sources: "Statements", notAsserted: "Claims not asserted",
    statements: "statements", notAssertedCount: "{n} not asserted",
    legendCounts: "In brackets: facts, i.e. distinct relations (subject, predicate, object).",
    statsHelp: "facts: the graph's distinct relations (subject, predicate, object), as in the legend; " +
      "statements: the article sentences stating them (kg:Assertion): a fact stated in three articles " +
      "is one fact and three statements; not asserted: negated, hypothetical or planned, no edge, in the entities' panels. " +
      "First number: how many the view shows; second: how many the graph holds.",
    factuality: "factuality", confidence: "confidence", reportedBy: "reported by", event: "event",
    undated: "undated", undatedNote: "{n} undated statements: shown, dashed",
    undatedFlag: "no event date", articleDate: "article date",
    eventDate: "event date", moreSources: "\u2026 and {n} more statements", noPath: "no path",
    pathFound: "{n} steps", comentions: "Co-mentions",
    coShared: bySentence ? "shared sentences" : "shared articles",
    isolatedCount: "({n})", topNote: "{n} most connected entities of {m}", file: "file"
  }
};
var lang = "it";
function t(key, vars) {
  var s = (UI[lang] && UI[lang][key]) || UI.it[key] || key;
  if (vars) Object.keys(vars).forEach(function (k) { s = s.replace("{" + k + "}", vars[k]); });
  return s;
}
/* An ontology term's label in the UI language (class, predicate, event type, factuality). */
function term(name) {
  var l = data.labels[name];
  return (l && (l[lang] || l.it)) || name;
}
function applyLanguage() {
  document.documentElement.lang = lang;
  document.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = t(e.getAttribute("data-i18n")); });
  document.querySelectorAll("[data-i18n-placeholder]").forEach(function (e) {
    e.placeholder = t(e.getAttribute("data-i18n-placeholder"));
  });
  document.getElementById("lang").textContent = lang === "it" ? "EN" : "IT";
}
