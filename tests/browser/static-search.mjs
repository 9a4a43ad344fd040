// Runs the published site's own search.js outside a browser: the script is
// evaluated as it is, with `fetch` reading the built site's files, so tests
// and `cargo xtask search-check` measure exactly what visitors run.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

/// The `search(query, limit)` of `siteDir`'s search.js; each answer also
/// says how many bytes the query fetched, as stored (`bytes`) and gzipped
/// as static hosts serve JSON (`gzipped`).
export async function loadSearch(siteDir) {
  const source = await readFile(join(siteDir, "search.js"), "utf8");
  let fetched = 0, gzipped = 0;
  const fetch = async (path) => {
    try {
      const bytes = await readFile(join(siteDir, path));
      fetched += bytes.length;
      gzipped += gzipSync(bytes).length;
      return { ok: true, json: async () => JSON.parse(bytes.toString("utf8")) };
    } catch {
      return { ok: false, json: async () => ({}) };
    }
  };
  const document = { documentElement: { getAttribute: () => "" }, querySelectorAll: () => [] };
  return {
    // Each call starts with an empty cache, as a visitor's first query does.
    search: async (query, limit) => {
      const fresh = vm.createContext({ window: {}, document, fetch, URL, URLSearchParams, Promise });
      vm.runInContext(source, fresh, { filename: "search.js" });
      fetched = 0;
      gzipped = 0;
      const found = await fresh.window.careerdiffSearch(query, limit);
      return { ...found, bytes: fetched, gzipped };
    },
  };
}
