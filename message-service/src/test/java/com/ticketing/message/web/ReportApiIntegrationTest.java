package com.ticketing.message.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.events.payload.moderation.MessageReported;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.support.EventTopicReader;
import com.ticketing.message.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reporting a message: only its receiver may; moderation gets the content as it was when reported, once. */
class ReportApiIntegrationTest extends IntegrationTestSupport {

    private static EventTopicReader reports;

    private final String seller = user("seller");
    private final String scammer = user("scammer");

    @BeforeAll
    static void readReports() {
        reports = new EventTopicReader(Topics.MODERATION_REPORTS.name());
    }

    @AfterAll
    static void closeReports() {
        reports.close();
    }

    @Test
    void theReceiversReportReachesModerationWithTheContentEvenAfterTheSenderDeletedIt() {
        String id = send(scammer, seller, "Wire me the money, skip the site");

        report(seller, id, "asks to pay outside the platform").expectStatus().isAccepted();
        client.delete().uri("/api/messages/" + id).headers(h -> h.setBearerAuth(token(scammer))).exchange()
                .expectStatus().isNoContent();
        report(seller, id, "again").expectStatus().isNotFound(); // deleted: gone for both users

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reports.poll(r -> id.equals(r.key())))
                .singleElement().satisfies(record -> assertThat(record.event().data())
                        .isEqualTo(new MessageReported(id, seller, scammer, "asks to pay outside the platform",
                                "Wire me the money, skip the site"))));
    }

    @Test
    void reportingTwiceEmitsOneReport() {
        String id = send(scammer, seller, "Hi");
        report(seller, id, "spam").expectStatus().isAccepted();
        report(seller, id, "spam, twice").expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(30)).until(() -> !reports.poll(r -> id.equals(r.key())).isEmpty());
        String other = send(scammer, seller, "marker");
        report(seller, other, "spam").expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> !reports.poll(r -> other.equals(r.key())).isEmpty());
        assertThat(reports.poll(r -> id.equals(r.key()))).hasSize(1);
    }

    @Test
    void theSenderAndStrangersCannotReport() {
        String id = send(scammer, seller, "Hello");
        report(scammer, id, "me").expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("FORBIDDEN");
        report(user("stranger"), id, "nosy").expectStatus().isNotFound();
    }

    @Test
    void aReportNeedsAReason() {
        String id = send(scammer, seller, "Hello");
        report(seller, id, "   ").expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION");
        report(seller, id, "x".repeat(1001)).expectStatus().isBadRequest();
        client.post().uri("/api/messages/" + id + "/report").headers(h -> h.setBearerAuth(token(seller)))
                .exchange().expectStatus().isBadRequest();
    }

    private String send(String sender, String receiver, String content) {
        return client.post().uri("/api/messages").headers(h -> h.setBearerAuth(token(sender)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receiverId", receiver, "content", content))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private WebTestClient.ResponseSpec report(String caller, String id, String reason) {
        return client.post().uri("/api/messages/" + id + "/report").headers(h -> h.setBearerAuth(token(caller)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", reason)).exchange();
    }
}
