// careerdiff search on a static site. The build wrote the relevance
// model's numbers (see the search crate): each term's points per career in
// small JSON shards, the careers rated on each O*NET skill and knowledge
// area, and which titles a query can be. This file adds them up exactly as
// `careerdiff search` does, so the browser and the terminal agree.
(function () {
  "use strict";
  var root = document.documentElement.getAttribute("data-root") || "";
  var cache = {};
  var SHOWN = 20, REASONED = 20, MAX_REASONS = 3;

  // A file of the index. A shard that is not there is a term no career
  // has; a `required` file that is not there, or any file the browser
  // cannot fetch at all (a page opened from disk, a dropped connection),
  // fails the search, and is fetched again next time.
  function load(path, required) {
    if (!cache[path]) {
      cache[path] = fetch(root + path).then(function (r) {
        if (r.ok) return r.json();
        if (required) throw new Error(path + ": HTTP " + r.status);
        return {};
      }).catch(function (e) {
        delete cache[path];
        throw e;
      });
    }
    return cache[path];
  }

  // The search crate's `fold` and `terms`, line for line.
  function fold(w) {
    if (w.length <= 3 || w.charAt(w.length - 1) !== "s" || /[0-9]/.test(w)) return w;
    if (/ies$/.test(w)) {
      var stem = w.slice(0, -3);
      if (!/[ea]$/.test(stem)) return stem + "y";
    }
    if (/es$/.test(w) && !/(aes|ees|oes)$/.test(w)) return w.slice(0, -1);
    if (/(us|ss|is)$/.test(w)) return w;
    return w.slice(0, -1);
  }

  function terms(text) {
    return text.split(/[^A-Za-z0-9]+/).filter(Boolean).map(function (w) { return fold(w.toLowerCase()); });
  }

  function slugOf(entry) {
    return entry[2] || entry[0].toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  // The shard holding `term`: three letters of its first word, one more
  // while the shard says it is split.
  function shard(term, len) {
    len = len || 3;
    var word = term.split(" ")[0];
    return load("search/w/" + word.slice(0, len) + ".json").then(function (s) {
      return s[""] && word.length > len ? shard(term, len + 1) : s;
    });
  }

  function uniq(list) {
    var seen = {};
    return list.filter(function (x) { return seen.hasOwnProperty(x) ? false : (seen[x] = true); });
  }

  // The items a query names: each item's longest phrase found in it.
  function namedItems(items, all) {
    var named = [];
    items.forEach(function (item, idx) {
      var best = null;
      item[3].forEach(function (phrase) {
        for (var start = 0; start + phrase.length <= all.length; start++) {
          var hit = phrase.every(function (t, i) { return all[start + i] === t; });
          if (hit) {
            if (!best || phrase.length > best.len || (phrase.length === best.len && start < best.start)) best = { len: phrase.length, start: start };
            break;
          }
        }
      });
      if (best) named.push({ item: idx, share: best.len / all.length, start: best.start, len: best.len });
    });
    // Terms within a longer phrase that names another item name only that
    // one: "computer science" is not the Science skill.
    return named.filter(function (n) {
      return !named.some(function (m) { return m.len > n.len && m.start <= n.start && n.start + n.len <= m.start + m.len; });
    });
  }

  function completions(shard, prefix, prominence) {
    var words = Object.keys(shard).filter(function (w) { return w.indexOf(prefix) === 0 && w.indexOf(" ") < 0; });
    words.sort(function (a, b) { return shard[b].length - shard[a].length || (a < b ? -1 : 1); });
    var best = {};
    words.slice(0, 3).forEach(function (w) {
      shard[w].forEach(function (p) { if (!best[p[0]] || best[p[0]][1] < p[1]) best[p[0]] = p; });
    });
    return Object.keys(best).map(function (c) { return best[c]; })
      .sort(function (a, b) { return b[1] - a[1] || prominence[a[0]] - prominence[b[0]]; });
  }

  function ratingPoints(weight, share, r) {
    return Math.round(weight * share * r[1] * r[2] / 35 * 100);
  }

  function oneDecimal(x) { return (Math.round(x * 10) / 10).toFixed(1); }

  function ratingReason(item, r) {
    var i = Math.round(r[1] * 10) / 10;
    var label = i >= 5 ? "extremely important" : i >= 4 ? "very important" : i >= 3 ? "important" : i >= 2 ? "somewhat important" : "not important";
    var kind = item[1] === "knowledge" ? " knowledge" : "";
    return "rated " + label + " on " + item[0] + kind + " (" + oneDecimal(i) + " of 5; level " + oneDecimal(r[2]) + " of 7)";
  }

  // The careers for `query`, best first, with why each matched, and how
  // many match in all: { hits: [...], total: n }.
  function search(query, limit) {
    var all = terms(query);
    if (!all.length) return Promise.resolve({ hits: [], total: 0 });
    var words = uniq(all);
    var pairs = [];
    for (var p = 0; p + 1 < all.length; p++) pairs.push(all[p] + " " + all[p + 1]);
    var scored = words.concat(uniq(pairs));
    return Promise.all([load("search/careers.json", true), load("search/items.json", true)].concat(scored.map(function (t) { return shard(t); })))
      .then(function (loaded) {
        var careers = loaded[0], itemsFile = loaded[1], shards = loaded.slice(2);
        var postings = scored.map(function (t, k) { return shards[k][t] || []; });
        // While a visitor types, the last word may be unfinished: when it
        // is no term at all, its three commonest completions stand in for
        // it. `careerdiff search` takes words as typed.
        var last = words.indexOf(all[all.length - 1]);
        if (!/\s$/.test(query) && all[all.length - 1].length >= 3 && !postings[last].length) {
          postings[last] = completions(shards[last], all[all.length - 1], careers.prominence);
        }
        var named = namedItems(itemsFile.items || [], all);
        return Promise.all(named.map(function (n) { return load("search/r/" + itemsFile.items[n.item][2] + ".json"); }))
          .then(function (ratingLists) {
            return rank(query, all, words.length, scored, postings, named, ratingLists, itemsFile, careers, shards[0], limit);
          });
      });
  }

  function rank(query, all, nWords, scored, postings, named, ratingLists, itemsFile, careers, firstShard, limit) {
    var by = {};
    function entry(c) { return by[c] || (by[c] = { career: +c, points: 0, matched: {} }); }
    postings.forEach(function (list, k) {
      list.forEach(function (p) {
        var e = entry(p[0]);
        e.points += p[1];
        if (k < nWords && p[1] > 0) e.matched[k] = true;
      });
    });
    var ratingsOf = named.map(function () { return {}; });
    named.forEach(function (n, j) {
      var covered = [];
      for (var at = n.start; at < n.start + n.len; at++) covered.push(scored.indexOf(all[at]));
      (ratingLists[j] || []).forEach(function (r) {
        var e = entry(r[0]);
        ratingsOf[j][r[0]] = r;
        e.points += ratingPoints(itemsFile.weight, n.share, r);
        if (r[1] >= itemsFile.match) covered.forEach(function (k) { e.matched[k] = true; });
      });
    });
    var titles = {};
    (firstShard["=" + all.join(" ")] || []).forEach(function (t) { titles[t[0]] = t[1]; });
    var order = Object.keys(by).map(function (c) {
      var e = by[c];
      e.title = titles[e.career] || 0;
      e.count = Object.keys(e.matched).length;
      return e;
    }).filter(function (e) { return e.count > 0; });
    order.sort(function (a, b) {
      return b.title - a.title || b.count - a.count || b.points - a.points ||
        careers.prominence[a.career] - careers.prominence[b.career];
    });
    var hits = order.slice(0, limit).map(function (e) {
      var rated = [];
      named.forEach(function (n, j) {
        var r = ratingsOf[j][e.career];
        if (r && r[1] >= itemsFile.match) rated.push([ratingPoints(itemsFile.weight, n.share, r), ratingReason(itemsFile.items[n.item], r)]);
      });
      rated.sort(function (a, b) { return b[0] - a[0]; });
      var byTerm = [];
      postings.slice(0, nWords).forEach(function (list, k) {
        for (var i = 0; i < list.length && i < REASONED; i++) {
          if (list[i][0] === e.career) { if (list[i][1] > 0 && list[i][2]) byTerm.push([list[i][1], k, list[i][2]]); break; }
        }
      });
      byTerm.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
      var reasons = uniq(rated.map(function (r) { return r[1]; }).concat(byTerm.map(function (t) { return t[2]; }))).slice(0, MAX_REASONS);
      var career = careers.careers[e.career];
      return {
        slug: slugOf(career),
        title: career[0],
        category: career[1] >= 0 ? careers.categories[career[1]] : null,
        score: e.points / 100,
        matched_terms: e.count,
        reasons: reasons
      };
    });
    return { hits: hits, total: order.length };
  }

  // `text` with each {name} replaced by values[name].
  function fill(text, values) {
    return (text || "").replace(/\{(\w+)\}/g, function (all, name) { return values.hasOwnProperty(name) ? values[name] : all; });
  }

  // The page's form gives the career pages' URL and every word shown.
  function render(form, list, hits) {
    list.textContent = "";
    hits.forEach(function (hit) {
      var li = document.createElement("li"), a = document.createElement("a");
      li.className = "result";
      a.className = "result-title";
      a.href = fill(form.getAttribute("data-career-url"), { slug: hit.slug });
      a.textContent = hit.title;
      li.appendChild(a);
      if (hit.category) {
        var cat = document.createElement("span");
        cat.className = "result-category";
        cat.textContent = " " + hit.category;
        li.appendChild(cat);
      }
      if (hit.reasons.length) {
        var why = document.createElement("p");
        why.className = "result-why";
        why.textContent = hit.reasons.slice(0, 2).join(" · ");
        li.appendChild(why);
      }
      list.appendChild(li);
    });
  }

  function countText(form, query, found) {
    if (!query.trim()) return "";
    var says = function (name, values) { return fill(form.getAttribute("data-" + name), values); };
    if (!found.total) return says("none", { query: query.trim() });
    var count = says(found.total === 1 ? "one" : "many", { n: found.total });
    return says(found.total > found.hits.length ? "some" : "all", { count: count, shown: found.hits.length });
  }

  // Live results under every search form: typing shows results at once.
  function attach(form) {
    var input = form.querySelector("input[type=search]");
    var list = document.getElementById(form.getAttribute("data-results"));
    var status = document.getElementById(form.getAttribute("data-status"));
    // The button that shows the next careers, where the form names one.
    var more = document.getElementById(form.getAttribute("data-more"));
    if (!input || !list) return;
    var latest = 0, limit = SHOWN;
    function update() {
      var query = input.value, ticket = ++latest;
      search(query, limit).then(function (found) {
        if (ticket !== latest) return;
        render(form, list, found.hits);
        if (status) status.textContent = countText(form, query, found);
        if (more) more.hidden = found.total <= found.hits.length;
        if (form.hasAttribute("data-url")) {
          var url = new URL(location.href);
          if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
          history.replaceState(null, "", url);
        }
      }, function () {
        // No index to search: say so, rather than that nothing matches.
        if (ticket !== latest) return;
        render(form, list, []);
        if (status) status.textContent = form.getAttribute("data-unavailable") || "";
        if (more) more.hidden = true;
      });
    }
    input.addEventListener("input", function () { limit = SHOWN; update(); });
    if (more) more.addEventListener("click", function () { limit += SHOWN; update(); });
    form.addEventListener("submit", function (e) { if (form.hasAttribute("data-url")) { e.preventDefault(); update(); } });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial && form.hasAttribute("data-url")) { input.value = initial; }
    if (input.value) update();
  }

  if (typeof document !== "undefined" && document.querySelectorAll) {
    document.querySelectorAll("form[data-results]").forEach(attach);
  }
  window.careerdiffSearch = search;
})();
