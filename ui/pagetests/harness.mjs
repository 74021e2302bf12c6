// The page tests' own small test runner API: specs register named tests with `test(name, fn)`;
// run.mjs runs them one by one, each in a fresh browser context, and reports ✓/✗.
//
// A test gets `{ page, open, axe, calls, setup }`:
//   await open("/contacts", { setup?, colorScheme? })  loads the mocked page at #/contacts and
//                                                      waits for the page's root (data-testid)
//   await axe("label")                                 fails on serious/critical axe violations
//   await calls("mirror_refresh")                      the fake backend's calls to a command
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** @type {Array<{ name: string, fn: (t: TestContext) => Promise<void>, file: string }>} */
export const registered = [];
let currentFile = "";
let knownPages = [];

/** Used by run.mjs only. */
export function setCurrentFile(file) {
  currentFile = file;
}
/** Used by run.mjs only. */
export function setPages(pages) {
  knownPages = pages;
}

/**
 * The markup the mocked page's seed (src/mock/seed.ts) puts in names, company, tags and custom
 * variables. Each would set `window.__pwned` or add an element if it were ever parsed as HTML.
 */
export const PAYLOADS = {
  img: `<img src=x onerror="window.__pwned=1">`,
  script: `<script>window.__pwned=2</script>`,
  bold: `<b data-injected="1">bold</b>`,
};

/** Fails when any payload became markup or ran. */
export async function assertInert(page, where = "the page") {
  // An injected <img src=x> fires onerror on its own; give it a moment to do so.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 100)));
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    injected: document.querySelectorAll("[data-injected]").length,
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent.includes("__pwned")).length,
  }));
  assert.deepEqual(found, { pwned: null, images: 0, injected: 0, scripts: 0 }, `a payload became markup on ${where}`);
}

/** Where failures' screenshots go (gitignored). */
export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "out");

/** Saves a screenshot of the page as pagetests/out/<name>.png; returns its path. */
export async function screenshot(page, name) {
  mkdirSync(OUT_DIR, { recursive: true });
  const path = join(OUT_DIR, `${name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").slice(0, 100)}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => undefined);
  return path;
}

/** Registers a test. */
export function test(name, fn) {
  registered.push({ name, fn, file: currentFile });
}

/** The pages of ui/src/pages/registry.ts that have a component: `[{ id, label }]`. */
export function pages() {
  return knownPages;
}

/** True when the registry has a page with this id (specs for pages not built yet skip). */
export function hasPage(id) {
  return knownPages.some((p) => p.id === id);
}

/**
 * @typedef {object} TestContext
 * @property {import("playwright-core").Page} page
 * @property {(path?: string, options?: OpenOptions) => Promise<import("playwright-core").Locator>} open
 * @property {(label?: string) => Promise<void>} axe
 * @property {(cmd: string) => Promise<Array<Record<string, unknown>>>} calls
 * @property {(line: string) => void} log  printed under the test's ✓/✗ line
 *
 * @typedef {object} OpenOptions
 * @property {(state: any) => void} [setup] runs in the page on the seeded state before the app starts
 * @property {(backend: any) => void} [backend] runs in the page on the fake backend before the app
 *   starts, e.g. `(b) => b.on("contacts_count", () => { throw { code, message, detail } })`
 * @property {"light" | "dark"} [colorScheme]
 */

/** Builds the context a test gets, over one page of a fresh browser context. */
export function testContext(page, baseUrl, log = () => undefined) {
  const open = async (path = "/", options = {}) => {
    await setColorScheme(page, options.colorScheme ?? "light");
    // Both run inside the page, so they can't use this file's variables.
    if (options.setup) await page.addInitScript(`window.__mockSetup = ${options.setup.toString()};`);
    if (options.backend) await page.addInitScript(`window.__mockBackend = ${options.backend.toString()};`);
    await page.goto(`${baseUrl}/mock.html#${path}`);
    const root = page.locator("main > [data-testid]").first();
    await root.waitFor({ state: "visible" });
    return root;
  };
  return {
    page,
    open,
    axe: (label) => checkAxe(page, label),
    calls: (cmd) => page.evaluate((c) => window.__backend.callsTo(c), cmd),
    log,
  };
}

/** Switches the emulated colour scheme (motion reduced, as in every test). */
export async function setColorScheme(page, colorScheme) {
  await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
}

/**
 * Waits (at most `ms`) until nothing in the page says it is still loading, and no CSS transition
 * is still running (a colour-scheme switch animates button colours for a frame).
 */
export async function settle(page, ms = 4000) {
  try {
    await page.waitForFunction(() => !document.querySelector('main [data-loading="true"], main [aria-busy="true"]'), null, { timeout: ms });
  } catch {
    // Something may stay busy for good (a refresh in progress); axe can still judge the page.
  }
  // page.evaluate awaits the promise (waitForFunction would take the promise itself as "true").
  const transitioning = () =>
    page.evaluate(
      () =>
        new Promise((done) =>
          requestAnimationFrame(() => requestAnimationFrame(() => done(document.getAnimations().some((a) => a instanceof CSSTransition && a.playState === "running")))),
        ),
    );
  const deadline = Date.now() + ms;
  while ((await transitioning()) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Runs axe-core in the page and fails on any serious or critical violation, listing each one. */
export async function checkAxe(page, label = "page") {
  await settle(page);
  const hasAxe = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!hasAxe) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary ?? "", html: n.html })),
    }));
  });
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length > 0) {
    const lines = [`axe found ${bad.length} serious or critical accessibility problem(s) on ${label}:`];
    for (const v of bad) {
      lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
      for (const n of v.nodes.slice(0, 6)) {
        lines.push(`    at ${n.target}`);
        lines.push(`       ${n.html.slice(0, 160)}`);
        for (const s of n.summary.split("\n").slice(0, 3)) lines.push(`       ${s.trim()}`);
      }
      if (v.nodes.length > 6) lines.push(`    …and ${v.nodes.length - 6} more`);
    }
    assert.fail(lines.join("\n"));
  }
}
