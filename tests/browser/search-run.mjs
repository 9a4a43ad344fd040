// Prints, as JSON, the site's own search.js answers to queries:
//   node search-run.mjs SITE_DIR LIMIT QUERY...
// Each answer: { query, slugs: [...], bytes, gzipped }. Works with older
// search.js files too, which answered with a bare list of hits.
import { loadSearch } from "./static-search.mjs";

const [site, limit, ...queries] = process.argv.slice(2);
const { search } = await loadSearch(site);
const answers = [];
for (const query of queries) {
  const found = await search(query, Number(limit));
  const hits = Array.isArray(found.hits) ? found.hits : Object.values(found).filter((h) => h && h.slug);
  answers.push({ query, slugs: hits.map((h) => h.slug), bytes: found.bytes, gzipped: found.gzipped });
}
console.log(JSON.stringify(answers));
