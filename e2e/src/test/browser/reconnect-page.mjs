// Drives the demo page through a dropped connection in Debian's headless Chromium (harness.mjs): a user
// signs in with a pasted token and watches a listing; the test's load balancer then cuts every connection
// and keeps the gateway out of reach while three price changes are published; once it lets the page back,
// the page resumes its session and says how many missed updates it recovered, and the card shows the last
// price without the listing being watched again. Run by DemoPageE2eTest:
//   GATEWAY_URL=... USER_ID=... USER_TOKEN=... LISTING_ID=... node reconnect-page.mjs
// Besides the harness's protocol: {"await": "first-change"} asks the caller to publish one price change
// now (an event the page receives live, as any page does before its connection drops: a socket that has
// received no event has no offset to resume from, with this gateway as with Node's socket.io), then
// {"await": "cut"} to cut the connection, publish three changes while the page is away, and let it back.
import { run, say, step } from "./harness.mjs";

const user = process.env.USER_ID;
const listingId = process.env.LISTING_ID;
const result = {};

await run(result, async ({ open, screenshot }) => {
  step(`${user} signs in and watches ${listingId}`);
  const page = await open(user);
  await page.fill("#token-input", process.env.USER_TOKEN);
  await page.locator("#token-form button[type=submit]").click();
  await page.locator("#who", { hasText: user }).waitFor();
  await page.locator('#connection[data-state="online"]').waitFor();
  await page.fill("#listing-input", listingId);
  await page.press("#listing-input", "Enter");
  const price = page.locator(`.listing[data-listing-id="${listingId}"] [data-field="price"]`);
  await price.filter({ hasNotText: "—" }).waitFor();

  step("a first price change arrives live");
  say({ await: "first-change" });
  await price.filter({ hasText: "115.00" }).waitFor();

  step("the connection drops; prices change while the page is away; it comes back");
  say({ await: "cut" });
  await page.locator('#connection[data-state="offline"]').waitFor();
  result.wentOffline = true;
  const toast = page.locator(".toast", { hasText: "Reconnected" });
  await toast.waitFor();
  result.toast = await toast.textContent();
  await page.locator('#connection[data-state="online"]').waitFor();
  await price.filter({ hasText: "101.00" }).waitFor();
  result.price = await price.textContent();
  await screenshot(page, "11-reconnected-missed-updates-recovered");
  return true;
});
