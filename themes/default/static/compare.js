// The comparison tool: pick two careers (type-ahead from the careers list)
// and go to their pair page. The state lives in the URL (?a=slug&b=slug),
// so a picked pair can be shared. No comparison is computed here: every
// figure comes from the pages the build wrote.
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";
  var form = document.getElementById("picker");
  if (!form) return;
  var status = document.getElementById("picker-status");
  fetch(root + "search/careers.json").then(function (r) { return r.json(); }).then(function (careers) {
    var bySlug = {}, byTitle = {};
    var list = document.getElementById("career-titles");
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
      location.assign(root + "compare/" + pair + ".html");
    }
    form.addEventListener("submit", go);
    if (params.get("a") && params.get("b") && params.get("go") === "1") go();
  });
})();
