package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo page at {@code /} in a real headless Chromium ({@code src/test/browser/demo-page.mjs}):
 * Alice and Bob sign in with the demo buttons (the gateway runs with {@code TICKETING_DEMO_ENABLED=true}),
 * chat with typing indicators and read receipts, and a price drop published to Kafka flashes on the
 * page watching the listing. Screenshots land in {@code target/screenshots/}.
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

            JsonNode result = runBrowser(gateway, listingId, () -> market.priceChanged(listingId, "99.00"));

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

    /** Runs the page script; when it asks, {@code publishPriceDrop} runs; answers its final result line. */
    private static JsonNode runBrowser(String gateway, String listingId, Runnable publishPriceDrop) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        ProcessBuilder builder = new ProcessBuilder("node", "demo-page.mjs").directory(BROWSER_PROJECT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("GATEWAY_URL", gateway);
        builder.environment().put("LISTING_ID", listingId);
        builder.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        builder.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        Process node = builder.start();
        List<String> progress = new ArrayList<>();
        JsonNode result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode message = JSON.readTree(line);
                if (message.has("await")) {
                    publishPriceDrop.run();
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
