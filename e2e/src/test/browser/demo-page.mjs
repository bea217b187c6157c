// Drives the gateway's demo page in Debian's headless Chromium (harness.mjs). Alice and Bob sign in with
// the demo buttons in two browser contexts, chat (typing indicator, read receipt), and Alice watches a
// listing whose price drop must flash. Run by DemoPageE2eTest:
//   GATEWAY_URL=http://localhost:3000 LISTING_ID=lst-1 SCREENSHOT_DIR=../../../target/screenshots node demo-page.mjs
// Besides the harness's protocol: {"await": "price-change", "listingId": ...} asks the caller to publish a
// price drop for the listing now.
import { run, say, step } from "./harness.mjs";

const listingId = process.env.LISTING_ID;
const result = { typingSeen: false, readReceipt: false, replyRead: false, priceFlash: false, price: null };

await run(result, async ({ open, screenshot }) => {
  async function openAs(user) {
    const page = await open(user);
    await page.locator(`#demo-user-buttons button[data-user="${user}"]`).click();
    await page.locator("#who", { hasText: user }).waitFor();
    await page.locator('#connection[data-state="online"]').waitFor();
    return page;
  }

  step("sign in as alice and bob with the demo buttons");
  const signInPage = await open("sign-in");
  await signInPage.locator("#demo-user-buttons button").first().waitFor();
  await screenshot(signInPage, "01-sign-in");
  const alice = await openAs("alice");
  const bob = await openAs("bob");

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
  return result.typingSeen && result.readReceipt && result.replyRead && result.priceFlash;
});
