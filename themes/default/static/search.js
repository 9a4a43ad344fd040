// careerdiff search on a static site: the index is split into small JSON
// shards (search/w/<first three letters>.json) fetched only when a query
// needs them, plus search/careers.json with every career's slug and title.
// Scores are computed by the build; this file only adds them up.
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";
  var cache = {};

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + path).then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
    }
    return cache[path];
  }

  // careers.json holds [title] or [title, slug]: a slug is left out when it
  // is the title lower-cased with runs of other characters as one hyphen.
  function slugOf(entry) {
    return entry[1] || entry[0].toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  }

  // The careers matching every word of `query`, best first. Every word may
  // match as a prefix ("develop" finds "developers"); an exact word counts
  // more, and a query that is a career's whole title puts it first.
  function search(query, limit) {
    var qs = words(query);
    if (!qs.length) return Promise.resolve([]);
    var shards = qs.map(function (w) { return load("search/w/" + w.slice(0, 3) + ".json"); });
    return Promise.all([load("search/careers.json")].concat(shards)).then(function (loaded) {
      var careers = loaded[0];
      var totals = null;
      qs.forEach(function (w, k) {
        var shard = loaded[k + 1], scores = {};
        Object.keys(shard).forEach(function (word) {
          var exact = word === w;
          if (!exact && !(w.length >= 3 && word.indexOf(w) === 0)) return;
          shard[word].forEach(function (p) {
            var s = exact ? p[1] : p[1] * 0.8;
            if (!(p[0] in scores) || scores[p[0]] < s) scores[p[0]] = s;
          });
        });
        if (totals === null) { totals = scores; return; }
        Object.keys(totals).forEach(function (c) {
          if (c in scores) totals[c] += scores[c]; else delete totals[c];
        });
      });
      var wanted = qs.join(" ");
      return Object.keys(totals || {}).map(function (c) {
        var career = careers[c];
        var bonus = words(career[0]).join(" ") === wanted ? 1e6 : 0;
        return { slug: slugOf(career), title: career[0], score: totals[c] + bonus };
      }).sort(function (a, b) { return b.score - a.score || (a.title < b.title ? -1 : 1); }).slice(0, limit);
    });
  }

  // Live results under every search form: typing shows results at once.
  function attach(form) {
    var input = form.querySelector("input[type=search]");
    var list = document.getElementById(form.getAttribute("data-results"));
    var status = document.getElementById(form.getAttribute("data-status"));
    if (!input || !list) return;
    var latest = 0;
    function update() {
      var query = input.value, ticket = ++latest;
      search(query, 20).then(function (hits) {
        if (ticket !== latest) return;
        list.textContent = "";
        hits.forEach(function (hit) {
          var li = document.createElement("li"), a = document.createElement("a");
          a.href = root + "careers/" + hit.slug + ".html";
          a.textContent = hit.title;
          li.appendChild(a);
          list.appendChild(li);
        });
        if (status) status.textContent = query.trim() ? hits.length + (hits.length === 1 ? " career" : " careers") + " found" : "";
        if (form.hasAttribute("data-url")) {
          var url = new URL(location.href);
          if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
          history.replaceState(null, "", url);
        }
      });
    }
    input.addEventListener("input", update);
    form.addEventListener("submit", function (e) { if (form.hasAttribute("data-url")) { e.preventDefault(); update(); } });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial && form.hasAttribute("data-url")) { input.value = initial; }
    if (input.value) update();
  }

  document.querySelectorAll("form[data-results]").forEach(attach);
  window.careerdiffSearch = search;
})();
