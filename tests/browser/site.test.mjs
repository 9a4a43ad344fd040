// Browser tests of the built site (public/, or $SITE_DIR): search while
// typing, the comparison tool, a pair page on a phone, and axe-core on the
// main page types. Debian's Chromium, driven by playwright-core; the site is
// served from this machine's loopback by a tiny static server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const site = process.env.SITE_DIR || join(here, "../../public");
const artifacts = join(here, "artifacts");
const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain", ".svg": "image/svg+xml" };
// A second build of the same content with `[pairs] policy = "similar"`,
// where most pairs have no page and the tool shows the build's verdicts.
const similarSite = process.env.SIMILAR_SITE_DIR;
const servers = [];
let browser, base, similarBase;

// Serves `dir` on a free loopback port; returns its base URL.
async function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path.endsWith("/") ? path + "index.html" : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": types[".html"] });
      res.end(await readFile(join(dir, "404.html")));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}/`;
}

before(async () => {
  assert.ok(existsSync(join(site, "index.html")), `no built site at ${site}: run cargo xtask build first`);
  await mkdir(artifacts, { recursive: true });
  base = await serve(site);
  if (similarSite) similarBase = await serve(similarSite);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  servers.forEach((s) => s.close());
});

async function page(viewport = { width: 1280, height: 900 }) {
  const p = await browser.newPage({ viewport });
  const offsite = [];
  p.on("request", (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });
  p.offsite = offsite;
  return p;
}

test("search shows results while typing and opens a career", async () => {
  const p = await page();
  await p.goto(base + "search.html");
  await p.locator("#q").pressSequentially("pyth", { delay: 60 });
  await p.waitForFunction(() => document.querySelectorAll("#results li").length > 0);
  await p.locator("#q").pressSequentially("on", { delay: 60 });
  await p.waitForFunction(() => [...document.querySelectorAll("#results a")].some((a) => a.textContent === "Software Developers"));
  assert.match(p.url(), /\?q=python$/);
  await p.screenshot({ path: join(artifacts, "search-python.png") });
  await p.locator("#results a", { hasText: "Software Developers" }).first().click();
  await p.waitForURL(/careers\/software-developers\.html$/);
  assert.equal(await p.locator("h1").textContent(), "Software Developers");
  assert.deepEqual(p.offsite, [], "no requests to other hosts");
  await p.close();
});

test("search shows more careers on request, in the order it ranks them", async () => {
  const p = await page();
  await p.goto(base + "search.html?q=nurse");
  await p.waitForFunction(() => document.querySelectorAll("#results li").length > 0);
  const titles = () => p.$$eval("#results .result-title", (as) => as.map((a) => a.textContent));
  const first = await titles();
  assert.equal(first.length, 20);
  assert.ok(await p.locator("#more").isVisible(), "more careers match than are shown");
  await p.click("#more");
  await p.waitForFunction(() => document.querySelectorAll("#results li").length > 20);
  const all = await titles();
  assert.deepEqual(all.slice(0, 20), first, "the first careers stay where they were");
  assert.match(await p.locator("#status").textContent(), new RegExp(`(${all.length} careers match\\.|the best ${all.length} are shown)`));
  await p.close();
});

test("search opened from disk says it needs the site served, not that nothing matches", async () => {
  const p = await browser.newPage();
  await p.goto(pathToFileURL(join(site, "search.html")).href + "?q=python");
  const status = p.locator("#status");
  await p.waitForFunction(() => document.getElementById("status").textContent !== "");
  const said = await status.textContent();
  const unavailable = await p.locator("form.search").getAttribute("data-unavailable");
  assert.ok(unavailable, "the form gives the words for an index it cannot load");
  assert.equal(said, unavailable);
  assert.equal(await p.locator("#results li").count(), 0);
  await p.close();
});

test("the comparison tool lands on the pair page", async () => {
  const p = await page();
  await p.goto(base + "compare.html");
  await p.waitForFunction(() => document.querySelectorAll("#career-titles option").length > 0);
  await p.fill("#pick-a", "Software Developers");
  await p.fill("#pick-b", "Computer Programmers");
  await p.click("#picker button");
  await p.waitForURL(/compare\/computer-programmers-vs-software-developers\.html$/);
  assert.match(await p.locator("h1").textContent(), /Computer Programmers\s+vs\s+Software Developers/);
  await p.screenshot({ path: join(artifacts, "pair-desktop.png"), fullPage: true });
  await p.close();
});

test("a comparison asked for in the other order, or one without a page, is still shown", async () => {
  const p = await page();
  await p.goto(base + "compare/software-developers-vs-computer-programmers.html");
  await p.waitForURL(/compare\/computer-programmers-vs-software-developers\.html$/);
  assert.match(await p.locator("h1").textContent(), /Computer Programmers\s+vs\s+Software Developers/);
  // The default site gives only similar pairs a page: the tool shows the rest.
  await p.goto(base + "compare/registered-nurses-vs-software-developers.html");
  await p.waitForURL(/compare\.html\?a=registered-nurses&b=software-developers$/);
  await p.waitForSelector("#result:not([hidden])");
  assert.equal(await p.locator("#result-h").textContent(), "Registered Nurses vs Software Developers");
  await p.close();
});

test("figures borrowed from a wider occupation are said to be so under the glance table", async () => {
  const p = await page();
  await p.goto(base + "compare/clinical-data-managers-vs-clinical-research-coordinators.html");
  const notes = await p.$$eval("#glance-h ~ p.note", (ps) => ps.map((para) => para.textContent));
  assert.equal(notes.length, 2, `${notes}`);
  assert.match(notes[0], /^Clinical Data Managers: .*BLS's figures? for Data Scientists/);
  assert.match(notes[1], /^Clinical Research Coordinators: .*BLS's figures? for Natural Sciences Managers/);
  // Careers with figures of their own get no such note.
  await p.goto(base + "compare/data-scientists-vs-statisticians.html");
  assert.equal(await p.locator("#glance-h ~ p.note").count(), 0);
  await p.close();
});

test("a move's gaps say whether each is a skill or a knowledge area, as O*NET rates both Mathematics", async () => {
  const p = await page();
  await p.goto(base + "compare/bookkeeping-accounting-and-auditing-clerks-vs-desktop-publishers.html");
  const gaps = await p.$$eval("#move-h ~ .two p", (ps) => ps
    .filter((para) => para.textContent === "Skills and knowledge to raise:")
    .flatMap((para) => [...para.nextElementSibling.querySelectorAll("li")].map((li) => li.textContent)));
  assert.ok(gaps.length > 0, "the move lists gaps");
  for (const gap of gaps) assert.match(gap, /^[A-Z][^()]* \((skill|knowledge)\): level \d\.\d → \d\.\d of 7$/);
  const maths = gaps.filter((gap) => gap.startsWith("Mathematics ("));
  assert.equal(new Set(maths).size, maths.length, `no two gaps read alike: ${maths}`);
  await p.close();
});

test("the glance table highlights the value of the side with the edge", async () => {
  const p = await page();
  await p.goto(base + "compare/computer-programmers-vs-software-developers.html");
  const rows = await p.$$eval("table.glance tbody tr", (trs) => trs.map((tr) => {
    const [a, b] = [...tr.querySelectorAll("td")].map((td) => getComputedStyle(td));
    return { edge: tr.className, a: [a.fontWeight, a.backgroundColor], b: [b.fontWeight, b.backgroundColor] };
  }));
  const plain = rows.find((r) => r.edge === "edge-tie" || r.edge === "edge-unknown" || r.edge === "edge-neutral");
  assert.ok(plain, "a row without a winner");
  assert.ok(rows.some((r) => r.edge === "edge-a" || r.edge === "edge-b"), "a row with a winner");
  for (const r of rows) {
    const winner = r.edge === "edge-a" ? r.a : r.edge === "edge-b" ? r.b : null;
    const other = r.edge === "edge-a" ? r.b : r.a;
    if (winner) {
      assert.equal(winner[0], "600", `${r.edge}: the winning value is bold`);
      assert.notEqual(winner[1], other[1], `${r.edge}: the winning value has its own background`);
      assert.deepEqual(other, plain.a, `${r.edge}: the other value looks like a plain cell`);
    } else {
      assert.deepEqual(r.a, r.b, `${r.edge}: neither value is highlighted`);
    }
  }
  await p.close();
});

test("a pair page fits a phone", async () => {
  const p = await page({ width: 375, height: 740 });
  await p.goto(base + "compare/ai-middleware-engineer-vs-ai-model-routing-engineer.html");
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
  assert.ok(await p.locator("h3", { hasText: /^Shared \(\d+\)$/ }).isVisible(), "the shared column is on screen");
  await p.screenshot({ path: join(artifacts, "pair-phone.png"), fullPage: true });
  await p.close();
});

test("axe-core finds no accessibility violations", async () => {
  const axe = await readFile(join(here, "node_modules/axe-core/axe.min.js"), "utf8");
  const pages = ["index.html", "careers/software-developers.html", "compare/ai-middleware-engineer-vs-ai-model-routing-engineer.html",
    "search.html?q=python", "compare.html", "roadmaps/software-developers.html", "skills/python.html"];
  for (const path of pages) {
    const p = await page();
    await p.goto(base + path);
    await p.addScriptTag({ content: axe });
    const result = await p.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`);
    assert.deepEqual(found, [], `${path}`);
    await p.close();
  }
});

test("with the similar pair policy the tool shows pairs that have no page", { skip: !similarSite && "SIMILAR_SITE_DIR not set" }, async () => {
  const p = await page();
  await p.goto(similarBase + "compare.html?a=software-developers&b=civil-engineers");
  await p.waitForFunction(() => document.querySelectorAll("#career-titles option").length > 0);
  assert.equal(await p.inputValue("#pick-a"), "Software Developers", "state comes from the URL");
  // A URL that names two careers shows the comparison without a click.
  await p.waitForSelector("#result:not([hidden])");
  assert.match(p.url(), /compare\.html\?a=software-developers&b=civil-engineers/);
  const median = p.locator("#result-rows tr", { hasText: "Median pay" });
  // The cells are the theme's macros' rendering, as on pair pages.
  assert.deepEqual(await median.locator("td").allTextContents(), ["$135,980/yr", "$100,840/yr", "Software Developers (higher)"]);
  assert.equal(await median.getAttribute("class"), "edge-a", "the row is marked like a pair page's");
  assert.equal(await p.locator("#result-h").textContent(), "Software Developers vs Civil Engineers");
  // Two imported careers share O*NET technologies, as their pair pages say.
  assert.match(await p.locator("#result-skills").textContent(), /^They share \d+ technolog(y|ies) \(\d+% overlap\)\.$/);
  await p.screenshot({ path: join(artifacts, "tool-similar-policy.png"), fullPage: true });
  await p.close();
});
