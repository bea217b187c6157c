// Drives the demo page's inbox in Debian's headless Chromium (harness.mjs). Two users sign in with pasted
// tokens: the sender writes to the reader, whose inbox shows the conversation on top with an unread
// badge and the sender's online dot (below an older conversation with a user who is not connected);
// the reader searches a word, opens the conversation from the hit (the badge clears, the sender sees
// his messages read) and blocks the sender, after which a send from either page shows the FORBIDDEN
// refusal; unblocking restores the button. Run by DemoPageE2eTest:
//   GATEWAY_URL=... READER=... READER_TOKEN=... SENDER=... SENDER_TOKEN=... OFFLINE_USER=... node inbox-page.mjs
import { run, step } from "./harness.mjs";

const reader = process.env.READER;
const sender = process.env.SENDER;
const offlineUser = process.env.OFFLINE_USER;
const SEARCHED_WORD = "paypal";
const messages = [
  "Hi! Do you still have the two tickets for Saturday?",
  "I could pay with PayPal today.",
  "Seats <b>near the stage</b> would be perfect <img src=x onerror=alert(1)>",
];
const result = {};

await run(result, async ({ open, screenshot }) => {
  async function signIn(name, user, token) {
    const page = await open(name);
    await page.fill("#token-input", token);
    await page.locator("#token-form button[type=submit]").click();
    await page.locator("#who", { hasText: user }).waitFor();
    await page.locator('#connection[data-state="online"]').waitFor();
    return page;
  }

  async function openConversation(page, peer) {
    await page.fill("#peer-input", peer);
    await page.press("#peer-input", "Enter");
    await page.locator("#chat-peer", { hasText: peer }).waitFor();
    await page.locator("#messages .empty, #messages .bubble").first().waitFor();
  }

  async function send(page, text) {
    await page.fill("#compose-input", text);
    await page.press("#compose-input", "Enter");
  }

  const conversationOf = (page, userId) => page.locator(`#conversations .conversation[data-user-id="${userId}"]`);

  step("the reader signs in: the conversation with the offline user is listed, with its badge and no online dot");
  const readerPage = await signIn("reader", reader, process.env.READER_TOKEN);
  const offlineRow = conversationOf(readerPage, offlineUser);
  await offlineRow.locator('.presence-dot[data-online="false"]').waitFor();
  await offlineRow.locator(".badge").waitFor({ state: "visible" });
  result.offlineBadge = await offlineRow.locator(".badge").textContent();

  step("the sender signs in and writes three messages to the reader");
  const senderPage = await signIn("sender", sender, process.env.SENDER_TOKEN);
  await openConversation(senderPage, reader);
  for (const text of messages) {
    await send(senderPage, text);
    await senderPage.locator('.bubble.mine[data-receipt="sent"]', { hasText: text.slice(0, 20) }).waitFor();
  }

  step("the reader's inbox: the sender's conversation on top, 3 unread, online");
  const senderRow = conversationOf(readerPage, sender);
  await readerPage.locator(`#conversations .conversation[data-user-id="${sender}"][data-unread="3"]`).waitFor();
  await senderRow.locator('.presence-dot[data-online="true"]').waitFor();
  await senderRow.locator(".badge").waitFor({ state: "visible" });
  result.inboxOrder = await readerPage.locator("#conversations .conversation")
      .evaluateAll((rows) => rows.map((row) => row.dataset.userId));
  result.unreadBadge = await senderRow.locator(".badge").textContent();
  result.totalUnread = await readerPage.locator("#inbox-unread").textContent();
  result.preview = await senderRow.locator(".conversation-preview").textContent();
  result.previewElements = await senderRow.locator(".conversation-preview *").count();
  await screenshot(readerPage, "07-inbox-unread-and-online");

  step(`the reader searches "${SEARCHED_WORD}"`);
  await readerPage.fill("#search-input", SEARCHED_WORD);
  await readerPage.press("#search-input", "Enter");
  const hit = readerPage.locator("#search-hits .hit").first();
  await hit.waitFor();
  result.searchHits = await readerPage.locator("#search-hits .hit").count();
  result.hitUser = await hit.getAttribute("data-user-id");
  result.snippet = await hit.locator(".hit-snippet").textContent();
  result.marked = await hit.locator(".hit-snippet mark").allTextContents();
  await screenshot(readerPage, "08-search-results");

  step("a click on the hit opens the conversation: the badge clears and the sender sees his messages read");
  await hit.locator("button").click();
  await readerPage.locator("#chat-peer", { hasText: sender }).waitFor();
  await readerPage.locator(".bubble.theirs", { hasText: "pay with PayPal" }).waitFor();
  result.bubblesShown = await readerPage.locator(".bubble.theirs").count();
  await readerPage.locator(`#conversations .conversation[data-user-id="${sender}"][data-unread="0"]`).waitFor();
  await senderRow.locator(".badge").waitFor({ state: "hidden" });
  result.badgeCleared = true;
  await readerPage.locator('#chat-presence[data-online="true"]').waitFor();
  await senderPage.locator('.bubble.mine[data-receipt="read"]', { hasText: "near the stage" }).waitFor();
  result.senderSawRead = true;

  step("the reader blocks the sender");
  await readerPage.locator('#block-button[data-blocked="false"]').click();
  await readerPage.locator('#block-button[data-blocked="true"]').waitFor();
  await readerPage.locator("#chat-blocked").waitFor({ state: "visible" });
  await readerPage.locator(`#conversations .conversation[data-user-id="${sender}"][data-blocked="true"] .tag.blocked`)
      .waitFor({ state: "visible" });
  result.blockButton = await readerPage.locator("#block-button").textContent();

  step("a send from the blocked sender's page is refused FORBIDDEN, and so is one from the reader's");
  await send(senderPage, "Are you still there?");
  const refused = senderPage.locator('.bubble.mine[data-receipt="failed"]', { hasText: "Are you still there?" });
  await refused.waitFor();
  result.senderRefusal = {
    receipt: await refused.locator(".receipt").textContent(),
    code: await senderPage.locator("#chat-notice").getAttribute("data-code"),
    notice: await senderPage.locator("#chat-notice").textContent(),
  };
  await send(readerPage, "Sorry, they are sold.");
  const readerRefused = readerPage.locator('.bubble.mine[data-receipt="failed"]', { hasText: "they are sold" });
  await readerRefused.waitFor();
  await readerPage.locator('#chat-notice[data-code="FORBIDDEN"]').waitFor({ state: "visible" });
  result.readerRefusal = {
    receipt: await readerRefused.locator(".receipt").textContent(),
    code: await readerPage.locator("#chat-notice").getAttribute("data-code"),
    notice: await readerPage.locator("#chat-notice").textContent(),
  };
  await screenshot(senderPage, "09-blocked-sender-refused");
  await screenshot(readerPage, "10-reader-blocked-the-sender");

  step("the reader unblocks the sender");
  await readerPage.locator('#block-button[data-blocked="true"]').click();
  await readerPage.locator('#block-button[data-blocked="false"]').waitFor();
  await readerPage.locator(`#conversations .conversation[data-user-id="${sender}"][data-blocked="false"]`).waitFor();
  result.unblocked = true;
  return result.badgeCleared && result.senderSawRead && result.unblocked;
});
