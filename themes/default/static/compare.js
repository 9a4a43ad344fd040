// The comparison tool: pick two careers (type-ahead from the careers list)
// and go to their pair page. The state lives in the URL (?a=slug&b=slug),
// so a picked pair can be shared. When the site's pair policy gave the pair
// no page, the verdicts and glance cells the build wrote
// (compare/data/<slug>.json, compare/glance.json) are shown here instead.
// No comparison is computed in this file, and nothing it shows is written
// here: the words come from tool.html, the cells from the theme's macros,
// the slugs and URLs from the build.
(function () {
  "use strict";
  var form = document.getElementById("picker");
  if (!form) return;
  var status = document.getElementById("picker-status");
  var says = function (name) { return form.getAttribute("data-" + name); };
  // Each career of the list: [slug, title, place in the list].
  var bySlug = {}, byTitle = {};
  Array.prototype.forEach.call(document.querySelectorAll("#career-titles option"), function (option, i) {
    var c = [option.getAttribute("data-slug"), option.value, i];
    bySlug[c[0]] = c; byTitle[c[1].toLowerCase()] = c;
  });
  function find(value) {
    var v = (value || "").trim();
    return bySlug[v] || byTitle[v.toLowerCase()] || null;
  }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (all, name) { return values.hasOwnProperty(name) ? values[name] : all; });
  }
  var params = new URLSearchParams(location.search);
  ["a", "b"].forEach(function (name) {
    var c = find(params.get(name));
    if (c) form.elements[name].value = c[1];
  });
  function go(e) {
    if (e) e.preventDefault();
    var a = find(form.elements.a.value), b = find(form.elements.b.value);
    if (!a || !b) { status.textContent = says("pick-two"); return; }
    if (a[0] === b[0]) { status.textContent = says("pick-different"); return; }
    var url = new URL(location.href);
    url.searchParams.set("a", a[0]);
    url.searchParams.set("b", b[0]);
    history.replaceState(null, "", url);
    var first = a[2] < b[2] ? a : b, second = first === a ? b : a;
    var pairUrl = fill(says("pair-url"), { first: first[0], second: second[0] });
    if (says("policy") !== "similar") {
      location.assign(pairUrl);
      return;
    }
    Promise.all([data(a[0]), data(b[0]), json(says("glance-url"))]).then(function (got) {
      var entry = got[0].pairs[b[0]];
      if (!entry) { status.textContent = says("no-data"); return; }
      if (entry.page) { location.assign(pairUrl); return; }
      show(got[0], got[1], got[2], entry);
    });
  }
  function json(url) {
    return fetch(url).then(function (r) { return r.json(); });
  }
  function data(slug) {
    return json(fill(says("data-url"), { slug: slug }));
  }
  function show(a, b, glance, entry) {
    var heading = document.getElementById("result-h");
    heading.textContent = fill(heading.getAttribute("data-text"), { a: a.title, b: b.title });
    document.getElementById("result-a").textContent = a.title;
    document.getElementById("result-b").textContent = b.title;
    var rows = document.getElementById("result-rows");
    var row = document.getElementById("result-row").content.firstElementChild;
    rows.textContent = "";
    glance.keys.forEach(function (key, i) {
      var letter = entry.verdicts.charAt(i);
      if (letter === "n") return; // no data on either side
      var tr = row.cloneNode(true), cells = tr.children;
      tr.className = fill(tr.getAttribute("data-class"), { verdict: glance.verdicts[letter] });
      tr.removeAttribute("data-class");
      cells[0].textContent = glance.labels[key];
      // Markup the build rendered with the theme's macros, content escaped.
      cells[1].innerHTML = a.cells[key];
      cells[2].innerHTML = b.cells[key];
      cells[3].innerHTML = letter === "a" ? a.wins[key].a : letter === "b" ? b.wins[key].b : glance.draws[key][letter];
      rows.appendChild(tr);
    });
    var skills = document.getElementById("result-skills");
    var kind = a.imported && b.imported ? 0 : !a.imported && !b.imported ? 1 : 2;
    var listed = skills.getAttribute(entry.shared === 1 ? "data-listed-one" : "data-listed").split("|")[kind];
    skills.textContent = fill(skills.getAttribute("data-text"), { shared: entry.shared, listed: listed, overlap: entry.overlap });
    document.getElementById("result").hidden = false;
    status.textContent = "";
  }
  form.addEventListener("submit", go);
  // A URL that names two careers shows their comparison straight away.
  if (params.get("a") && params.get("b")) go();
})();
