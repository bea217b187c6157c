package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.launcher.TicketingCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The thin thread: a {@code listing.created} CloudEvent published with {@code ./ticketing publish}
 * lands on {@code marketplace.listing-events}, passes through listing-events-service onto
 * {@code realtime.listing-updates}, and reaches a subscribed socket through the gateway.
 */
class ThinThreadE2eTest {

    @Test
    void publishedListingCreatedReachesASubscribedSocket() throws Exception {
        E2eStack stack = E2eStack.get();
        String gateway = stack.gateway(0);
        String listingId = "lst-thin-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("listing-created", ".json");
        Files.writeString(file, """
                {"specversion":"1.0","id":"%s","source":"/marketplace/listings","type":"ticketing.listing.created.v1","time":"%s","subject":"%s","datacontenttype":"application/json","data":{"sellerId":"sam","title":"Two tickets","quantity":2,"price":{"amount":"120.00","currency":"USD"}}}
                """.formatted(UUID.randomUUID(), Instant.now(), listingId));

        try (ClientAgent agent = new ClientAgent()) {
            ClientAgent.Client watcher = agent.connect("thin-watcher", gateway, stack.token("walter"), List.of("websocket"));
            assertThat(watcher.emitWithAck("subscribe:listing", listingId).get("ok").asBoolean()).isTrue();

            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit = TicketingCli.run(new String[] {"publish", file.toString()},
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", E2eStack.kafka()), new PrintStream(output, true, StandardCharsets.UTF_8));

            assertThat(exit).as(output.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(output.toString(StandardCharsets.UTF_8)).contains("marketplace.listing-events");
            var update = watcher.awaitEvent("listing:updated", Duration.ofSeconds(30)).arg();
            assertThat(update.get("listingId").asString()).isEqualTo(listingId);
            assertThat(update.get("version").asLong()).isEqualTo(1);
            assertThat(update.at("/price/amount").asString()).isEqualTo("120.00");
        }
    }

    @Test
    void aFileWithAnInvalidLinePublishesNothingAndSaysWhichLine() throws Exception {
        Path file = Files.createTempFile("bad-events", ".json");
        Files.writeString(file, "{\"not\":\"an event\"}\n");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = TicketingCli.run(new String[] {"publish", file.toString()},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", E2eStack.kafka()), new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("line 1:").contains("Nothing published");
    }
}
