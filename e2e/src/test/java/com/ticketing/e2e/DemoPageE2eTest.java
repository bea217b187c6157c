package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.launcher.faults.LoadBalancer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo page at {@code /} in a real headless Chromium (the scripts in {@code src/test/browser/}):
 * Alice and Bob sign in with the demo buttons (the gateway runs with {@code TICKETING_DEMO_ENABLED=true}),
 * chat with typing indicators and read receipts, and a price drop published to Kafka flashes on the
 * page watching the listing; the inbox lists conversations with unread badges and online dots, finds
 * messages and blocks; a page whose connection drops resumes and says how many missed updates it recovered.
 * Screenshots land in {@code target/screenshots/}.
 */
class DemoPageE2eTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path BROWSER_PROJECT = Path.of(System.getProperty("browser.project", "src/test/browser"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    @Test
    void aliceAndBobChatWithTypingAndReadReceiptsAndAWatchedPriceDropFlashes() throws Exception {
        assertThat(CHROMIUM).as("headless Chromium is needed: apt-get install -y chromium").isExecutable();
        E2eStack stack = E2eStack.get();
        String gateway = stack.gateway(0);
        String listingId = "lst-page-" + UUID.randomUUID().toString().substring(0, 8);

        try (Marketplace market = new Marketplace()) {
            market.listingCreated(listingId, "sam", 2, "120.00");
            String token = stack.token("walter");
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Rest.call("GET", gateway + "/api/listings/" + listingId, token, null).status() == 200);

            JsonNode result = runBrowser("demo-page.mjs", gateway, Map.of("LISTING_ID", listingId),
                    () -> market.priceChanged(listingId, "99.00"));

            assertThat(result.get("pageErrors")).as("errors in the page's console").isEmpty();
            assertThat(result.get("typingSeen").asBoolean()).as("alice saw bob typing: %s", result).isTrue();
            assertThat(result.get("readReceipt").asBoolean()).as("bob saw the read receipt: %s", result).isTrue();
            assertThat(result.get("replyRead").asBoolean()).as("alice saw her reply read: %s", result).isTrue();
            assertThat(result.get("priceFlash").asBoolean()).as("the price drop flashed: %s", result).isTrue();
            assertThat(result.get("price").asString()).contains("99.00");
            assertThat(result.get("ok").asBoolean()).as(result.toString()).isTrue();
            for (JsonNode screenshot : result.get("screenshots")) {
                assertThat(Path.of(screenshot.asString())).isNotEmptyFile();
            }
        }
    }

    /**
     * Fresh users, so nothing another test did to alice or bob shows: the reader has an older conversation
     * with a user who never connects, then the sender (signed in on his own page) writes to him.
     */
    @Test
    void theInboxShowsUnreadBadgesAndOnlineDotsFindsMessagesClearsOnOpenAndBlockingRefusesSends() throws Exception {
        assertThat(CHROMIUM).as("headless Chromium is needed: apt-get install -y chromium").isExecutable();
        E2eStack stack = E2eStack.get();
        String gateway = stack.gateway(0);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String reader = "rhea-" + suffix;
        String sender = "sam-" + suffix;
        String offline = "otto-" + suffix;
        String readerToken = stack.token(reader);
        Rest.Answer sent = Rest.call("POST", gateway + "/api/messages", stack.token(offline),
                JSON.writeValueAsString(Map.of("receiverId", reader, "content", "Is parking included with the tickets?")));
        assertThat(sent.status()).as("%s", sent.body()).isEqualTo(201);

        JsonNode result = runBrowser("inbox-page.mjs", gateway, Map.of("READER", reader, "READER_TOKEN", readerToken,
                "SENDER", sender, "SENDER_TOKEN", stack.token(sender), "OFFLINE_USER", offline), () -> { });

        assertThat(result.get("pageErrors")).as("errors in the page's console").isEmpty();
        assertThat(result.get("ok").asBoolean()).as(result.toString()).isTrue();
        assertThat(strings(result.get("inboxOrder"))).as("newest conversation first").containsExactly(sender, offline);
        assertThat(result.get("unreadBadge").asString()).isEqualTo("3");
        assertThat(result.get("offlineBadge").asString()).isEqualTo("1");
        assertThat(result.get("totalUnread").asString()).isEqualTo("4");
        assertThat(result.get("preview").asString()).as("user text is shown as text, never parsed")
                .contains("Seats <b>near the stage</b>").contains("<img src=x");
        assertThat(result.get("previewElements").asInt()).isZero();
        assertThat(result.get("searchHits").asInt()).as("only one message says PayPal").isEqualTo(1);
        assertThat(result.get("hitUser").asString()).isEqualTo(sender);
        assertThat(result.get("snippet").asString()).contains("pay with PayPal");
        assertThat(strings(result.get("marked"))).containsExactly("PayPal");
        assertThat(result.get("bubblesShown").asInt()).isEqualTo(3);
        assertThat(result.get("blockButton").asString()).isEqualTo("Unblock");
        JsonNode senderRefusal = result.get("senderRefusal");
        assertThat(senderRefusal.get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(senderRefusal.get("notice").asString()).isEqualTo("You cannot message this user");
        assertThat(senderRefusal.get("receipt").asString()).contains("You cannot message this user");
        JsonNode readerRefusal = result.get("readerRefusal");
        assertThat(readerRefusal.get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(readerRefusal.get("notice").asString()).contains("You blocked this user");
        assertThat(readerRefusal.get("receipt").asString()).contains("You blocked this user");
        for (JsonNode screenshot : result.get("screenshots")) {
            assertThat(Path.of(screenshot.asString())).isNotEmptyFile();
        }

        // What the page showed is what the server holds: read on open, the block lifted again.
        JsonNode conversations = Rest.call("GET", gateway + "/api/messages/conversations", readerToken, null).body();
        assertThat(unreadCounts(conversations)).containsExactly(Map.entry(sender, 0L), Map.entry(offline, 1L));
        assertThat(Rest.call("GET", gateway + "/api/users/blocked", readerToken, null).body()).isEmpty();
    }

    @Test
    void aPageWhoseConnectionDropsResumesAndSaysHowManyMissedUpdatesItRecovered() throws Exception {
        assertThat(CHROMIUM).as("headless Chromium is needed: apt-get install -y chromium").isExecutable();
        E2eStack stack = E2eStack.get();
        String gateway = stack.gateway(0);
        int port = java.net.URI.create(gateway).getPort();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String user = "rita-" + suffix;
        String listingId = "lst-toast-" + suffix;
        try (Marketplace market = new Marketplace(); LoadBalancer balancer = new LoadBalancer(port)) {
            market.listingCreated(listingId, "sam", 2, "120.00");
            String token = stack.token(user);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    Rest.call("GET", gateway + "/api/listings/" + listingId, token, null).status() == 200);

            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            JsonNode result = runBrowser("reconnect-page.mjs", balancer.url(), Map.of("USER_ID", user,
                    "USER_TOKEN", token, "LISTING_ID", listingId), () -> {
                if (asked.incrementAndGet() == 1) {
                    market.priceChanged(listingId, "115.00"); // received live: the page now holds an offset
                    return;
                }
                balancer.route(1); // nothing listens there: the page cannot get back for now
                balancer.dropConnections();
                for (String price : List.of("110.00", "105.00", "101.00")) {
                    market.priceChanged(listingId, price);
                }
                // The page stays away until the last change is committed (the service answers with it), then
                // briefly more: the gateway's feed reads committed updates within a poll, so all three are replayed.
                await().atMost(Duration.ofSeconds(30)).until(() -> Rest.call("GET", gateway + "/api/listings/"
                        + listingId, token, null).body().path("price").path("amount").asString("").equals("101.00"));
                sleepQuietly(500);
                balancer.route(port);
            });

            // The reconnection attempts that meet the cut network fail to load; nothing else may go wrong.
            assertThat(strings(result.get("pageErrors"))).as("errors in the page's console")
                    .allMatch(error -> error.contains("Failed to load resource: net::ERR_"));
            assertThat(result.get("ok").asBoolean()).as(result.toString()).isTrue();
            // Each change is a listing:updated and a listing:price_changed: six events the page had missed.
            assertThat(result.get("toast").asString()).isEqualTo("Reconnected, 6 missed updates recovered");
            assertThat(result.get("price").asString()).contains("101.00");
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<Map.Entry<String, Long>> unreadCounts(JsonNode conversations) {
        List<Map.Entry<String, Long>> counts = new ArrayList<>();
        conversations.forEach(conversation ->
                counts.add(Map.entry(conversation.get("userId").asString(), conversation.get("unreadCount").asLong())));
        return counts;
    }

    /**
     * Runs a page script with {@code env} on top of the gateway's URL, the screenshot directory and Chromium's
     * path; whenever it asks ({@code {"await": ...}}), {@code onAwait} runs; answers its final result line.
     */
    private static JsonNode runBrowser(String script, String gateway, Map<String, String> env, Runnable onAwait)
            throws Exception {
        Files.createDirectories(SCREENSHOTS);
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(BROWSER_PROJECT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        builder.environment().put("GATEWAY_URL", gateway);
        builder.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        builder.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        Process node = builder.start();
        List<String> progress = new ArrayList<>();
        JsonNode result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode message = JSON.readTree(line);
                if (message.has("await")) {
                    onAwait.run();
                } else if (message.has("result")) {
                    result = message.get("result");
                } else {
                    progress.add(line);
                }
            }
        } finally {
            if (!node.waitFor(30, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
        assertThat(result).as("the page script ended without a result; progress: %s", progress).isNotNull();
        return result;
    }
}
