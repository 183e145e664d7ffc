/* kg query page: YASGUI against this server's /sparql, one tab per canned query, CSV/JSON download. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-query-data").textContent);
  var endpoint = new URL(data.endpoint, window.location.href).href;
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];  // the others ask lov.linkeddata.es
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    persistenceId: null, populateFromUrl: false, autofocus: false, copyEndpointOnNewTab: true,
    requestConfig: { endpoint: endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } }
  });
  var first = Object.keys(yasgui._tabs)[0];
  data.canned.forEach(function (q, i) {
    var tab = yasgui.addTab(i === 0, { name: q.name, yasqe: { value: q.query },
                                       requestConfig: { endpoint: endpoint, method: "POST" } });
  });
  if (data.canned.length && first) yasgui.getTab(first).close();
  window.kgQuery = yasgui;

  var status = document.getElementById("download-status");
  function download(accept, ext) {
    var tab = yasgui.getTab();
    var query = tab.getYasqe().getValue();
    status.textContent = "\u2026";
    fetch(data.endpoint, { method: "POST", headers: { "Accept": accept,
          "Content-Type": "application/x-www-form-urlencoded" },
          body: "query=" + encodeURIComponent(query) })
      .then(function (r) {
        if (!r.ok) return r.text().then(function (t) { throw new Error(t); });
        return r.blob();
      })
      .then(function (blob) {
        var a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = (tab.getName() || "query").replace(/[^\w.-]+/g, "_") + "." + ext;
        document.body.appendChild(a); a.click(); a.remove();
        status.textContent = "";
      })
      .catch(function (err) { status.textContent = String(err.message || err).slice(0, 200); });
  }
  document.getElementById("download-csv").addEventListener("click", function () { download("text/csv", "csv"); });
  document.getElementById("download-json").addEventListener("click",
    function () { download("application/sparql-results+json", "json"); });
})();
