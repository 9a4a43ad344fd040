// The comparison tool: pick two careers (type-ahead from the careers list)
// and go to their pair page. The state lives in the URL (?a=slug&b=slug),
// so a picked pair can be shared. When the site's pair policy gave the pair
// no page, the verdicts the build computed (compare/data/<slug>.json) are
// shown here instead. No comparison is computed in this file.
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";
  var form = document.getElementById("picker");
  if (!form) return;
  var status = document.getElementById("picker-status");
  fetch(root + "search/careers.json").then(function (r) { return r.json(); }).then(function (careers) {
    var bySlug = {}, byTitle = {};
    var list = document.getElementById("career-titles");
    careers = careers.careers.map(function (e) {
      // [title, category] or [title, category, slug]: see search.js.
      return [e[2] || e[0].toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, ""), e[0]];
    });
    careers.forEach(function (c) {
      bySlug[c[0]] = c; byTitle[c[1].toLowerCase()] = c;
      var option = document.createElement("option");
      option.value = c[1];
      list.appendChild(option);
    });
    function find(value) {
      var v = (value || "").trim();
      return bySlug[v] || byTitle[v.toLowerCase()] || null;
    }
    var params = new URLSearchParams(location.search);
    ["a", "b"].forEach(function (name) {
      var c = find(params.get(name));
      if (c) form.elements[name].value = c[1];
    });
    function go(e) {
      if (e) e.preventDefault();
      var a = find(form.elements.a.value), b = find(form.elements.b.value);
      if (!a || !b) { status.textContent = "Pick two careers from the list."; return; }
      if (a[0] === b[0]) { status.textContent = "Pick two different careers."; return; }
      var url = new URL(location.href);
      url.searchParams.set("a", a[0]);
      url.searchParams.set("b", b[0]);
      history.replaceState(null, "", url);
      var pair = a[0] < b[0] ? a[0] + "-vs-" + b[0] : b[0] + "-vs-" + a[0];
      if (form.getAttribute("data-policy") !== "similar") {
        location.assign(root + "compare/" + pair + ".html");
        return;
      }
      Promise.all([data(a[0]), data(b[0])]).then(function (both) {
        var entry = both[0].pairs[b[0]];
        if (!entry) { status.textContent = "No comparison data for this pair."; return; }
        if (entry.page) { location.assign(root + "compare/" + pair + ".html"); return; }
        show(both[0], both[1], entry);
      });
    }
    function data(slug) {
      return fetch(root + "compare/data/" + slug + ".json").then(function (r) { return r.json(); });
    }
    function cell(row, text, tag) {
      var td = document.createElement(tag || "td");
      if (tag) td.setAttribute("scope", "row");
      td.textContent = text;
      row.appendChild(td);
    }
    function show(a, b, entry) {
      var edges = { a: a.title, b: b.title, t: "Tie", u: "not comparable", "-": "—" };
      document.getElementById("result-h").textContent = a.title + " vs " + b.title;
      document.getElementById("result-a").textContent = a.title;
      document.getElementById("result-b").textContent = b.title;
      var rows = document.getElementById("result-rows");
      rows.textContent = "";
      a.labels.forEach(function (label, i) {
        if (entry.verdicts[i] === "n") return; // no data on either side
        var tr = document.createElement("tr");
        cell(tr, label, "th");
        cell(tr, a.values[i] === null ? "no data" : a.values[i]);
        cell(tr, b.values[i] === null ? "no data" : b.values[i]);
        cell(tr, edges[entry.verdicts[i]]);
        rows.appendChild(tr);
      });
      document.getElementById("result-skills").textContent =
        "They share " + entry.shared + " skills (" + entry.overlap + "% overlap).";
      document.getElementById("result").hidden = false;
      status.textContent = "";
    }
    form.addEventListener("submit", go);
    // A URL that names two careers shows their comparison straight away.
    if (params.get("a") && params.get("b")) go();
  });
})();
