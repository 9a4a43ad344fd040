// The published site's search.js ranks as `careerdiff search` does: for
// real queries (titles, skills, lay words, tools, tasks, synonyms), the
// browser's top five and their reasons are the terminal's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSearch } from "./static-search.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const site = process.env.SITE_DIR || join(repo, "public");
const bin = process.env.CAREERDIFF_BIN || join(resolve(repo, process.env.CARGO_TARGET_DIR || "target"), "release", "careerdiff");
const content = process.env.CONTENT_DIR || join(repo, "content");

export const QUERIES = [
  "nurse", "registered nurse", "software engineer", "accountant", "mechanic", "oil wells", "first aid",
  "programming", "coding", "sap", "excel", "wiring", "law", "negotiation", "fixing machines", "math",
  "python", "vector database", "welding", "truck driver", "teacher", "machine learning", "customer service",
  "electrician", "statistics", "carpentry", "stethoscope", "forklift", "social perceptiveness", "semantic caching",
  "physics", "astronomy", "history", "physical therapy", "psychology", "therapy", "computer science",
];

function terminal(query) {
  const out = execFileSync(bin, ["search", "--content", content, "--json", "--limit", "5", query], { encoding: "utf8" });
  return JSON.parse(out).map((h) => ({ slug: h.slug, reasons: h.reasons }));
}

test("the site's search.js gives the terminal's top five, with the same reasons", async () => {
  const { search } = await loadSearch(site);
  let same = 0;
  const differences = [];
  for (const query of QUERIES) {
    const browser = (await search(query, 5)).hits.map((h) => ({ slug: h.slug, reasons: [...h.reasons] }));
    const expected = terminal(query);
    if (JSON.stringify(browser) === JSON.stringify(expected)) same += 1;
    else differences.push({ query, browser, expected });
  }
  console.log(`search agreement: ${same} of ${QUERIES.length} queries give the same top five and reasons`);
  assert.deepEqual(differences, []);
});

test("a query downloads at most 100 KB as served (gzip)", async () => {
  const { search } = await loadSearch(site);
  const sizes = [];
  for (const query of QUERIES) {
    const found = await search(query, 20);
    sizes.push({ query, bytes: found.bytes, gzipped: found.gzipped });
  }
  sizes.sort((a, b) => a.gzipped - b.gzipped);
  const typical = sizes[Math.floor(sizes.length / 2)];
  const worst = sizes[sizes.length - 1];
  const show = (s) => `${s.gzipped} bytes gzipped, ${s.bytes} stored ("${s.query}")`;
  console.log(`download per query: typical ${show(typical)}, worst ${show(worst)}`);
  assert.ok(worst.gzipped <= 100_000, show(worst));
});
