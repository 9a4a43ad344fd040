// Checks a sample of every kind of page of the built site (public/, or
// $SITE_DIR) with the Nu Html Checker (the W3C validator: `vnu.jar` from the
// npm package `vnu-jar`, run by the machine's Java in one JVM for all pages).
// The sample is deterministic: per kind, the first pages in name order and
// the rest spread evenly over the kind. Prints a summary per kind and every
// error, and exits 1 when any page has an error; warnings are counted only.
import { readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import vnuJar from "vnu-jar";

const here = dirname(fileURLToPath(import.meta.url));
const site = process.env.SITE_DIR || join(here, "../../public");

// Each kind of page: what its path looks like and how many to check. A page
// that matches no kind is checked as "other", so a new kind is never missed.
const KINDS = [
  { kind: "home", match: (p) => p === "index.html", limit: 1 },
  { kind: "search", match: (p) => p === "search.html", limit: 1 },
  { kind: "tool", match: (p) => p === "compare.html", limit: 1 },
  { kind: "404", match: (p) => p === "404.html", limit: 1 },
  { kind: "career", match: (p) => p.startsWith("careers/"), limit: 60 },
  { kind: "roadmap", match: (p) => p.startsWith("roadmaps/"), limit: 30 },
  { kind: "pair", match: (p) => p.startsWith("compare/"), limit: 120 },
  { kind: "skill", match: (p) => p.startsWith("skills/"), limit: 60 },
  { kind: "collection", match: (p) => p.startsWith("collections/"), limit: 20 },
  { kind: "other", match: () => true, limit: 20 },
];
// How many of a kind's sample are its first pages; the rest are spread out.
const HEAD = 10;

async function htmlFiles(dir, prefix = "") {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = prefix + entry.name;
    if (entry.isDirectory()) found.push(...(await htmlFiles(join(dir, entry.name), path + "/")));
    else if (entry.name.endsWith(".html")) found.push(path);
  }
  return found;
}

// The first `HEAD` paths, then `limit - HEAD` evenly spaced over the rest.
function sample(paths, limit) {
  if (paths.length <= limit) return paths;
  const head = paths.slice(0, HEAD);
  const rest = paths.slice(HEAD);
  const n = limit - HEAD;
  return head.concat(Array.from({ length: n }, (_, i) => rest[Math.floor((i * rest.length) / n)]));
}

// Runs vnu.jar once over every file; resolves to its JSON messages.
function check(files) {
  const args = ["-jar", String(vnuJar), "--format", "json", "--exit-zero-always", ...files];
  return new Promise((resolve, reject) => {
    const java = spawn(process.env.JAVA || "java", args, { stdio: ["ignore", "inherit", "pipe"] });
    let out = "";
    java.stderr.on("data", (chunk) => (out += chunk));
    java.on("error", reject);
    java.on("close", (code) => {
      try {
        resolve(JSON.parse(out).messages);
      } catch {
        reject(new Error(`vnu.jar exited with ${code} and no JSON report:\n${out}`));
      }
    });
  });
}

if (!existsSync(join(site, "index.html"))) {
  console.error(`no built site at ${site}: run cargo xtask build first`);
  process.exit(2);
}
const byKind = new Map(KINDS.map((k) => [k.kind, []]));
for (const path of (await htmlFiles(site)).sort()) {
  byKind.get(KINDS.find((k) => k.match(path)).kind).push(path);
}
const kindOf = new Map();
const files = [];
for (const { kind, limit } of KINDS) {
  for (const path of sample(byKind.get(kind), limit)) {
    kindOf.set(join(site, path), kind);
    files.push(join(site, path));
  }
}

const started = Date.now();
const messages = await check(files);
const counts = new Map(KINDS.map((k) => [k.kind, { errors: 0, warnings: 0, pages: new Set() }]));
const warnings = new Map();
let errors = 0;
for (const m of messages) {
  const file = m.url ? fileURLToPath(m.url) : "";
  const where = `${relative(site, file) || "(no file)"}:${m.lastLine ?? 0}:${m.firstColumn ?? m.lastColumn ?? 0}`;
  const count = counts.get(kindOf.get(file)) || counts.get("other");
  if (m.type === "info" && m.subType === "warning") {
    count.warnings++;
    warnings.set(m.message, (warnings.get(m.message) || 0) + 1);
  } else if (m.type === "error" || m.type === "non-document-error") {
    count.errors++;
    count.pages.add(file);
    errors++;
    console.error(`${where}: ${m.message}`);
  }
}

for (const { kind } of KINDS) {
  const total = byKind.get(kind).length;
  if (!total) continue;
  const c = counts.get(kind);
  const checked = sample(byKind.get(kind), KINDS.find((k) => k.kind === kind).limit).length;
  console.log(`${kind.padEnd(10)} ${String(checked).padStart(4)} of ${String(total).padStart(5)} pages: `
    + `${c.errors} errors in ${c.pages.size} pages, ${c.warnings} warnings`);
}
for (const [message, n] of warnings) console.log(`warning ×${n}: ${message}`);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`Nu Html Checker: ${files.length} pages, ${errors} errors, `
  + `${[...warnings.values()].reduce((a, b) => a + b, 0)} warnings in ${seconds} s`);
process.exit(errors ? 1 : 0);
