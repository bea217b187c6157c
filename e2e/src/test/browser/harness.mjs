// What the page scripts share: Debian's headless Chromium through playwright-core (no browser download),
// the protocol on stdout (one JSON object per line: {"step"}, {"await"}, and {"result"} last), screenshots
// into SCREENSHOT_DIR, and every page's errors and console errors collected into result.pageErrors.
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";

export const gateway = process.env.GATEWAY_URL ?? "http://localhost:3000";
export const TIMEOUT = 30_000;
const shots = path.resolve(process.env.SCREENSHOT_DIR ?? "screenshots");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const say = (value) => process.stdout.write(JSON.stringify(value) + "\n");
export const step = (text) => say({ step: text });

/**
 * Runs scenario({ open, screenshot }) in a fresh browser and prints {result}; result.ok is what the
 * scenario returns. A failure is reported in result.error, with a screenshot of each page opened so far.
 * The process exits 0 when result.ok.
 */
export async function run(result, scenario) {
  Object.assign(result, { ok: false, screenshots: [], pageErrors: [] });
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const pages = new Map(); // name -> page

  /** A page of its own (a new browser context) named name, at the gateway's demo page. */
  async function open(name) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on("pageerror", (error) => result.pageErrors.push(`${name}: ${error.message}`));
    page.on("console", (message) => message.type() === "error" && result.pageErrors.push(`${name}: ${message.text()}`));
    pages.set(name, page);
    await page.goto(gateway);
    return page;
  }

  async function screenshot(page, name, options = {}) {
    const file = path.join(shots, `${name}.png`);
    await page.screenshot({ path: file, ...options });
    result.screenshots.push(file);
  }

  try {
    result.ok = (await scenario({ open, screenshot })) === true;
  } catch (error) {
    result.ok = false;
    result.error = String(error?.message ?? error).split("\n").slice(0, 6).join(" | ");
    for (const [name, page] of pages) {
      await screenshot(page, `failure-${name}`).catch(() => {});
    }
  } finally {
    await browser.close();
    say({ result });
    process.exit(result.ok ? 0 : 1);
  }
}
