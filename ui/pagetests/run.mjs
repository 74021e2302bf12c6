#!/usr/bin/env node
// Page tests in a real browser: serves dist-mock/ (the page over the fake backend, built by
// `vite build --config vite.mock.config.ts`) on a random loopback port, starts Debian's chromium
// headless through playwright-core, and runs every pagetests/specs/*.spec.mjs (or the spec files
// named on the command line; PAGETEST_GREP=text keeps the tests whose name has it). Prints ✓/✗ per test, saves a screenshot of each failure in
// pagetests/out/, and exits non-zero when a test fails.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { OUT_DIR, registered, screenshot, setCurrentFile, setPages, testContext } from "./harness.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(HERE, "../dist-mock");
const OUT = OUT_DIR;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TEST_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 7_000;
/** Tests at once (PAGETEST_WORKERS); two keep both cores of a small machine busy. */
const WORKERS = Number(process.env.PAGETEST_WORKERS ?? 2);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Serves dist-mock/ on 127.0.0.1 at a port the system picks. */
function serve(root) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = resolve(root, `.${path === "/" ? "/mock.html" : path}`);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Runs one test in a fresh context: `{ ok, lines }` (what to print). */
async function runOne(browser, baseUrl, t) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "en-US", timezoneId: "UTC" });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const pageErrors = [];
  const consoleErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  const logged = [];
  const t0 = Date.now();
  try {
    await withTimeout(t.fn(testContext(page, baseUrl, (line) => logged.push(line))), TEST_TIMEOUT_MS, "the test");
    if (pageErrors.length > 0) throw new Error(`The page threw:\n${pageErrors.join("\n")}`);
    return { ok: true, lines: [`  ✓ ${t.name} (${Date.now() - t0} ms)`, ...logged] };
  } catch (error) {
    const shot = await screenshot(page, `${t.file}-${t.name}`);
    const message = error instanceof Error ? error.message : String(error);
    const lines = [`  ✗ ${t.name} (${Date.now() - t0} ms)`, ...logged, indent(message)];
    if (consoleErrors.length > 0) lines.push(indent(`Browser console errors:\n${consoleErrors.slice(0, 10).join("\n")}`));
    lines.push(indent(`Screenshot: ${relative(process.cwd(), shot)}`));
    return { ok: false, lines };
  } finally {
    await context.close();
  }
}


function indent(text, by = "    ") {
  return text
    .split("\n")
    .map((l) => by + l)
    .join("\n");
}

async function main() {
  const started = Date.now();
  if (!existsSync(join(DIST, "mock.html"))) {
    console.error("dist-mock/mock.html is missing: build it first with `npx vite build --config vite.mock.config.ts` (npm run pagetest does).");
    process.exit(2);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`No browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH.`);
    process.exit(2);
  }
  rmSync(OUT, { recursive: true, force: true });

  const specDir = join(HERE, "specs");
  const wanted = process.argv.slice(2);
  const specFiles = (wanted.length > 0 ? wanted.map((f) => resolve(f)) : readdirSync(specDir).filter((f) => f.endsWith(".spec.mjs")).sort().map((f) => join(specDir, f)));

  const server = await serve(DIST);
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  // playwright-core gives every launch a fresh temporary profile (user-data-dir) and removes it after.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });

  let passed = 0;
  const failures = [];
  let selected = [];
  try {
    // The specs loop over the pages that exist: read them from the page itself.
    {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/mock.html`);
      await page.waitForFunction(() => Array.isArray(window.__pages));
      setPages(await page.evaluate(() => window.__pages));
      await context.close();
    }
    for (const file of specFiles) {
      setCurrentFile(relative(HERE, file));
      await import(pathToFileURL(file).href);
    }

    // PAGETEST_GREP=text runs only the tests whose name contains it.
    const grep = process.env.PAGETEST_GREP;
    selected = grep ? registered.filter((t) => t.name.includes(grep)) : registered;
    // Tests run WORKERS at a time (each in its own context); output stays in the specs' order.
    const outcomes = new Array(selected.length);
    const printed = { next: 0, lastFile: "" };
    const flush = () => {
      while (printed.next < selected.length && outcomes[printed.next]) {
        const t = selected[printed.next];
        if (t.file !== printed.lastFile) {
          console.log(`\n${t.file}`);
          printed.lastFile = t.file;
        }
        for (const line of outcomes[printed.next].lines) console.log(line);
        printed.next++;
      }
    };
    let taken = 0;
    const worker = async () => {
      while (taken < selected.length) {
        const index = taken++;
        outcomes[index] = await runOne(browser, baseUrl, selected[index]);
        if (outcomes[index].ok) passed++;
        else failures.push(selected[index]);
        flush();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, WORKERS) }, worker));
  } finally {
    await browser.close();
    server.close();
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nPage tests: ${passed} passed, ${failures.length} failed, ${selected.length} total (${seconds} s)`);
  if (failures.length > 0) {
    console.log("Failed:");
    for (const t of failures) console.log(`  ✗ ${t.file} › ${t.name}`);
    process.exit(1);
  }
  if (selected.length === 0) {
    console.log("No tests were found.");
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
