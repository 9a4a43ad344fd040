// Live reload in a real browser, as a user meets it: `careerdiff serve` on
// a copy of a small content folder, a career page open in Chromium (Debian's,
// driven by playwright-core, launched as site.test.mjs launches it), and the
// career's file edited and saved. The page must reload by itself and show
// the edit; a broken save must bring up the error box naming the file and
// the broken line over the last good page; the fix must take it away again.
// Needs the release binary: ${CARGO_TARGET_DIR:-target}/release/careerdiff.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "../..");
const binary = join(resolve(repo, process.env.CARGO_TARGET_DIR || "target"), "release/careerdiff");
// A complete content folder of four careers (tests/fixtures/ok itself holds
// several fixtures, not one content folder). No themes/ folder goes beside
// it, so `theme = "default"` is the theme built into the binary.
const fixture = join(repo, "tests/fixtures/ok/small");
const slug = "statisticians";
const WAIT = 15_000;

let tmp, career, server, browser, base, page;
// Navigations of the open page's main frame (its own reloads among them).
let reloads = 0;
let stderr = "";
let marks = 0;

// Starts `careerdiff serve` and resolves with the base URL it prints.
function startServer(content) {
  const child = spawn(binary, ["serve", "--content", content, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stderr.setEncoding("utf8").on("data", (chunk) => { stderr += chunk; });
  const url = new Promise((ok, fail) => {
    let out = "";
    const timer = setTimeout(() => fail(new Error(`serve printed no address in 15 s; stdout: ${out}; stderr: ${stderr}`)), WAIT);
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      out += chunk;
      const m = out.match(/^serving (\d+) careers at (http:\/\/127\.0\.0\.1:\d+\/) \(live reload on;/m);
      if (m) {
        clearTimeout(timer);
        ok({ careers: Number(m[1]), url: m[2] });
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`serve exited (${code ?? signal}) before serving; stdout: ${out}; stderr: ${stderr}`));
    });
  });
  return { child, url };
}

// Stops the server: SIGTERM, as Ctrl-C would, then SIGKILL after 8 s.
async function stopServer(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((ok) => child.once("exit", ok));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
  await exited;
  clearTimeout(timer);
}

before(async () => {
  assert.ok(existsSync(binary), `no careerdiff binary at ${binary}: run cargo build --release first`);
  tmp = await mkdtemp(join(tmpdir(), "careerdiff-live-reload-"));
  const content = join(tmp, "content");
  await cp(fixture, content, { recursive: true });
  career = join(content, "careers", `${slug}.md`);
  const started = startServer(content);
  server = started.child;
  const { careers, url } = await started.url;
  assert.equal(careers, 4, "the server reads the copied content folder");
  base = url;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    try {
      await stopServer(server);
    } finally {
      if (tmp) await rm(tmp, { recursive: true, force: true });
    }
  }
});

// Marks the document now shown, so that a wait can tell a reloaded
// document (a new one, without the mark) from the same one.
async function mark() {
  await page.evaluate((id) => { window.__liveReloadMark = id; }, ++marks);
}

// What the page shows: h1, title, the error box (if any), and the mark.
function shown() {
  return page.evaluate(() => {
    const box = document.getElementById("careerdiff-problem");
    return {
      h1: document.querySelector("h1")?.textContent ?? null,
      title: document.title,
      mark: window.__liveReloadMark ?? null,
      box: box && {
        role: box.getAttribute("role"),
        text: box.textContent,
        locations: [...box.querySelectorAll("code.careerdiff-problem-location")].map((c) => c.textContent),
        sources: [...box.querySelectorAll("pre")].map((p) => p.textContent),
      },
    };
  });
}

// Saves `text` as the career's file, as an editor does (the file written in
// place), and waits until a reloaded document satisfies `ready(arg)` (run in
// the page; `arg` goes as JSON). Never reloads the page itself. Returns the
// time from the save to then, in ms, as text with how much of it passed
// before the page began to reload (its new document's time origin).
async function saveAndWait(text, ready, arg) {
  await mark();
  const navigations = reloads;
  const t0 = performance.now();
  const savedAt = performance.timeOrigin + t0;
  await writeFile(career, text);
  // A new document, fully parsed, and what the caller waits for in it.
  const expression = `!("__liveReloadMark" in window) && document.readyState !== "loading" && (${ready})(${JSON.stringify(arg)})`;
  await page.waitForFunction(expression, undefined, { timeout: WAIT, polling: 10 }).catch(async (e) => {
    throw new Error(`${e.message}\npage shows: ${JSON.stringify(await shown().catch(() => null))}\nserver stderr:\n${stderr}`);
  });
  const total = Math.round(performance.now() - t0);
  // The reloaded document's own clock: when it began (the reload), got its
  // page, and first painted; the test's wait adds its own delay to `total`.
  const times = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    response: performance.getEntriesByType("navigation")[0]?.responseEnd,
    paint: performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime,
  }));
  const ms = (t) => (t === undefined ? "?" : `${Math.round(t)} ms`);
  const began = times.origin - savedAt;
  return `${ms(times.paint === undefined ? undefined : began + times.paint)} to first paint of the reloaded page `
    + `(the reload began ${ms(began)} after the save, its page came ${ms(times.response)} later, `
    + `painted ${ms(times.paint)} after the reload began; ${reloads - navigations} navigation(s) since the save; `
    + `the test saw it after ${total} ms)`;
}

// In the page: the h1 is `want.h1`, and the error box is there or not.
const titleIs = (want) => document.querySelector("h1")?.textContent === want.h1
  && !!document.getElementById("careerdiff-problem") === want.box;
// In the page: the error box names `where` (a file and line, `name.md:2:`).
const boxNames = (where) => [...document.querySelectorAll("#careerdiff-problem code")].some((c) => c.textContent.includes(where));

let original;
// The steps build on each other: each one says whether it got through, so
// that a later one fails saying so rather than on a file it did not expect.
let done = 0;
const titleLine = (text) => text.split("\n").findIndex((l) => /^title = "/.test(l)) + 1;

test("a saved edit reloads the open page, which shows it", async () => {
  original = await readFile(career, "utf8");
  page.on("framenavigated", (frame) => { if (frame === page.mainFrame()) reloads++; });
  const response = await page.goto(base + `careers/${slug}.html`);
  assert.equal(response.status(), 200);
  const before = await shown();
  assert.equal(before.h1, "Statisticians");
  assert.match(before.title, /^Statisticians\b/);
  assert.equal(before.box, null, "no error box on a good site");
  const scripts = await page.$$eval("script", (all) => all.filter((s) => s.textContent.includes("/_careerdiff/reload")).length);
  assert.equal(scripts, 1, "the page carries the reload script");
  const navigations = reloads;

  const edited = original.replace(/^title = "Statisticians"$/m, 'title = "Survey Methodologists"');
  assert.ok(edited !== original, "the fixture's title line was found");
  const ms = await saveAndWait(edited, titleIs, { h1: "Survey Methodologists", box: false });
  console.log(`live reload: save to new title shown: ${ms}`);

  const after = await shown();
  assert.equal(after.h1, "Survey Methodologists");
  assert.match(after.title, /^Survey Methodologists\b/);
  assert.ok(!after.title.includes("Statisticians"), `the old title is gone from <title>: ${after.title}`);
  assert.equal(after.box, null);
  assert.ok(reloads > navigations, "the page was navigated again (reloaded), by itself");
  assert.equal(page.url(), base + `careers/${slug}.html`, "still the same page");
  assert.equal(server.exitCode, null, "the server still runs");
  done = 1;
});

let broken, brokenLine, brokenText;

test("a broken save shows the error box with file and line over the last good page", async () => {
  assert.equal(done, 1, "the edit step before got through");
  const good = await readFile(career, "utf8");
  brokenLine = titleLine(good);
  assert.ok(brokenLine > 1, "the title is inside the front matter, after its opening line");
  brokenText = 'title = "Survey Methodologists';
  broken = good.replace(/^title = "Survey Methodologists"$/m, brokenText);
  assert.ok(broken !== good, "the edited title line was found");
  const before = stderr.length;
  // Waits for the box of the finished save (not one of a half-written file).
  const ms = await saveAndWait(broken, boxNames, `${slug}.md:${brokenLine}:`);
  console.log(`live reload: broken save to error box shown: ${ms}`);

  const now = await shown();
  assert.ok(now.box, "the error box is shown");
  assert.equal(now.box.role, "alert");
  assert.match(now.box.text, /could not be rebuilt; this is the last good version/);
  assert.equal(now.box.locations.length, 1, `one problem: ${JSON.stringify(now.box.locations)}`);
  const location = now.box.locations[0];
  const at = location.match(/^(.*):(\d+):(\d+)$/);
  assert.ok(at, `file:line:column in ${location}`);
  assert.equal(resolve(at[1]), career, "the box names the career's file");
  assert.equal(Number(at[2]), brokenLine, "the box names the broken line");
  assert.ok(Number(at[3]) >= 1);
  assert.deepEqual(now.box.sources, [brokenText], "the box shows the broken line itself");
  // Under the box, the last good site: the previous title, not the broken one.
  assert.equal(now.h1, "Survey Methodologists");
  const body = await page.evaluate(() => document.body.firstElementChild?.id);
  assert.equal(body, "careerdiff-problem", "the box is first thing in the body");
  // The terminal says it too.
  const printed = stderr.slice(before);
  assert.match(printed, new RegExp(`${slug}\\.md:${brokenLine}:\\d+`), `the terminal names file and line:\n${printed}`);
  assert.equal(server.exitCode, null, "the server still runs");
  done = 2;
});

test("the fix reloads the page without the box and with the fixed content", async () => {
  assert.equal(done, 2, "the broken-save step before got through");
  const fixed = broken.replace(`${brokenText}\n`, 'title = "Statistical Methodologists"\n');
  assert.ok(fixed !== broken, "the broken line was found");
  const ms = await saveAndWait(fixed, titleIs, { h1: "Statistical Methodologists", box: false });
  console.log(`live reload: fix to fixed page shown: ${ms}`);

  const now = await shown();
  assert.equal(now.box, null, "the error box is gone");
  assert.equal(await page.locator("[role=alert]#careerdiff-problem").count(), 0);
  assert.equal(now.h1, "Statistical Methodologists");
  assert.match(now.title, /^Statistical Methodologists\b/);
  assert.ok(!now.title.includes("Survey"), `the previous title is gone: ${now.title}`);
  // Another page of the site has the fix too (the whole site was rebuilt).
  const other = await browser.newPage();
  try {
    await other.goto(base + "index.html");
    assert.ok(await other.locator("a", { hasText: "Statistical Methodologists" }).count() >= 1, "the home page lists the new title");
    assert.equal(await other.locator("#careerdiff-problem").count(), 0);
  } finally {
    await other.close();
  }
  assert.equal(server.exitCode, null, "the server still runs");
});
