// Drives the gateway's demo page in Debian's headless Chromium (playwright-core, no browser download).
// Alice and Bob sign in with the demo buttons in two browser contexts, chat (typing indicator, read
// receipt), and Alice watches a listing whose price drop must flash. Run by DemoPageE2eTest:
//   GATEWAY_URL=http://localhost:3000 LISTING_ID=lst-1 SCREENSHOT_DIR=../../../target/screenshots node demo-page.mjs
// Protocol on stdout, one JSON object per line:
//   {"step": "..."}                              progress
//   {"await": "price-change", "listingId": ...}  the caller publishes a price drop for the listing now
//   {"result": {...}}                            last line; the process exits 0 when result.ok
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";

const gateway = process.env.GATEWAY_URL ?? "http://localhost:3000";
const listingId = process.env.LISTING_ID;
const shots = path.resolve(process.env.SCREENSHOT_DIR ?? "screenshots");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TIMEOUT = 30_000;

const say = (value) => process.stdout.write(JSON.stringify(value) + "\n");
const step = (text) => say({ step: text });
const result = { ok: false, typingSeen: false, readReceipt: false, replyRead: false, priceFlash: false,
  price: null, screenshots: [], pageErrors: [] };

fs.mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function screenshot(page, name, options = {}) {
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  result.screenshots.push(file);
}

async function openAs(user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on("pageerror", (error) => result.pageErrors.push(`${user}: ${error.message}`));
  page.on("console", (message) => message.type() === "error" && result.pageErrors.push(`${user}: ${message.text()}`));
  await page.goto(gateway);
  await page.locator(`#demo-user-buttons button[data-user="${user}"]`).click();
  await page.locator("#who", { hasText: user }).waitFor();
  await page.locator('#connection[data-state="online"]').waitFor();
  return page;
}

let alice;
let bob;
try {
  step("sign in as alice and bob with the demo buttons");
  const signInPage = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await signInPage.goto(gateway);
  await signInPage.locator("#demo-user-buttons button").first().waitFor();
  await screenshot(signInPage, "01-sign-in");
  alice = await openAs("alice");
  bob = await openAs("bob");

  step(`alice watches ${listingId}`);
  await alice.fill("#listing-input", listingId);
  await alice.press("#listing-input", "Enter");
  const card = alice.locator(`.listing[data-listing-id="${listingId}"]`);
  const price = card.locator('[data-field="price"]');
  await price.filter({ hasNotText: "—" }).waitFor();
  const priceBefore = await price.textContent();

  step("alice and bob open their conversation");
  await alice.fill("#peer-input", "bob");
  await alice.press("#peer-input", "Enter");
  await bob.fill("#peer-input", "alice");
  await bob.press("#peer-input", "Enter");
  await alice.locator("#messages .empty, #messages .bubble").first().waitFor();
  await bob.locator("#messages .empty, #messages .bubble").first().waitFor();

  step("bob types: alice sees the typing indicator");
  await bob.locator("#compose-input").pressSequentially("Hi Alice! Are the two seats in row F together?", { delay: 15 });
  await alice.locator("#typing", { hasText: "bob is typing" }).waitFor({ state: "visible" });
  result.typingSeen = true;
  await screenshot(alice, "02-alice-sees-bob-typing");

  step("bob sends: alice receives it and reads it, bob sees the read receipt");
  await bob.press("#compose-input", "Enter");
  await alice.locator(".bubble.theirs", { hasText: "Are the two seats in row F together?" }).waitFor();
  await alice.locator("#typing").waitFor({ state: "hidden" });
  await bob.locator('.bubble.mine[data-receipt="read"]', { hasText: "row F" }).waitFor();
  result.readReceipt = true;
  await screenshot(bob, "03-bob-sees-read-receipt");

  step("alice answers; bob reads it too");
  await alice.locator("#compose-input").pressSequentially("Yes, side by side, aisle seats.", { delay: 10 });
  await bob.locator("#typing", { hasText: "alice is typing" }).waitFor({ state: "visible" });
  await alice.press("#compose-input", "Enter");
  await bob.locator(".bubble.theirs", { hasText: "aisle seats" }).waitFor();
  await alice.locator('.bubble.mine[data-receipt="read"]', { hasText: "aisle seats" }).waitFor();
  result.replyRead = true;

  step("a price drop is published: alice's watched price flashes");
  say({ await: "price-change", listingId });
  await card.locator('[data-field="price"].flash-down').waitFor();
  await card.locator('.delta[data-direction="down"]').waitFor();
  result.price = await price.textContent();
  result.priceFlash = result.price !== priceBefore;
  await screenshot(alice, "04-alice-price-drop-flash");

  step("final screens, and the phone layout");
  await screenshot(bob, "05-bob-chat");
  await alice.setViewportSize({ width: 390, height: 844 });
  await screenshot(alice, "06-alice-phone", { fullPage: true });
  result.ok = result.typingSeen && result.readReceipt && result.replyRead && result.priceFlash;
} catch (error) {
  result.error = String(error?.message ?? error).split("\n").slice(0, 6).join(" | ");
  for (const [name, page] of [["alice", alice], ["bob", bob]]) {
    if (page) await screenshot(page, `failure-${name}`).catch(() => {});
  }
} finally {
  await browser.close();
  say({ result });
  process.exit(result.ok ? 0 : 1);
}
