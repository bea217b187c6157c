package com.ticketing.message.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.block.BlockKey;
import com.ticketing.events.payload.block.UserBlocked;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.support.EventTopicReader;
import com.ticketing.message.support.IntegrationTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Blocking at the REST edge: the block refuses sends both ways, is listed, and feeds messaging.user-blocks. */
class BlockingApiIntegrationTest extends IntegrationTestSupport {

    private static EventTopicReader blockFeed;

    private final String alice = user("alice");
    private final String mallory = user("mallory");

    @BeforeAll
    static void readFeed() {
        blockFeed = new EventTopicReader(Topics.USER_BLOCKS.name());
    }

    @AfterAll
    static void closeFeed() {
        blockFeed.close();
    }

    @Test
    void aBlockedUsersRestSendIsForbiddenAndTheBlockersToo() {
        block(alice, mallory).expectStatus().isNoContent();

        send(mallory, alice, "pay me outside the site").expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.error.message").isEqualTo("You cannot message this user");
        send(alice, mallory, "why?").expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("FORBIDDEN");
        assertThat(conversation(alice, mallory)).isEmpty();
    }

    @Test
    void unblockingLetsMessagesThroughAgain() {
        block(alice, mallory).expectStatus().isNoContent();
        unblock(alice, mallory).expectStatus().isNoContent();

        send(mallory, alice, "sorry").expectStatus().isCreated();
        assertThat(conversation(alice, mallory)).hasSize(1);
    }

    @Test
    void theBlockListShowsWhomTheCallerBlocksNewestFirstAndNotWhoBlocksHim() {
        String bob = user("bob");
        block(alice, mallory).expectStatus().isNoContent();
        block(alice, bob).expectStatus().isNoContent();

        List<Map<String, Object>> blocked = blocked(alice);
        assertThat(blocked).extracting(entry -> entry.get("userId")).containsExactly(bob, mallory);
        assertThat(blocked).allSatisfy(entry -> assertThat(entry.get("blockedAt")).isNotNull());
        assertThat(blocked(mallory)).isEmpty();
    }

    @Test
    void blockingTwiceEmitsOneFactAndUnblockingOneMore() {
        block(alice, mallory).expectStatus().isNoContent();
        block(alice, mallory).expectStatus().isNoContent();
        unblock(alice, mallory).expectStatus().isNoContent();
        unblock(alice, mallory).expectStatus().isNoContent();

        String key = BlockKey.of(alice, mallory);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(blockFeed.poll(r -> key.equals(r.key())))
                .extracting(r -> r.event().type())
                .containsExactly(EventTypes.USER_BLOCKED.name(), EventTypes.USER_UNBLOCKED.name()));
        var blockedFact = blockFeed.poll(r -> key.equals(r.key())).get(0).event();
        assertThat(blockedFact.subject()).isEqualTo(key);
        assertThat(blockedFact.data()).isInstanceOfSatisfying(UserBlocked.class, fact -> {
            assertThat(fact.blockerId()).isEqualTo(alice);
            assertThat(fact.blockedId()).isEqualTo(mallory);
        });
    }

    @Test
    void blockingYourselfOrAMalformedIdIsInvalid() {
        block(alice, alice).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION");
        block(alice, "bad id!").expectStatus().isBadRequest();
        client.put().uri("/api/users/" + mallory + "/block").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec block(String blocker, String blocked) {
        return client.put().uri("/api/users/{id}/block", blocked).headers(h -> h.setBearerAuth(token(blocker))).exchange();
    }

    private WebTestClient.ResponseSpec unblock(String blocker, String blocked) {
        return client.delete().uri("/api/users/{id}/block", blocked).headers(h -> h.setBearerAuth(token(blocker))).exchange();
    }

    private WebTestClient.ResponseSpec send(String sender, String receiver, String content) {
        return client.post().uri("/api/messages").headers(h -> h.setBearerAuth(token(sender)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("receiverId", receiver, "content", content))
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> blocked(String caller) {
        return client.get().uri("/api/users/blocked").headers(h -> h.setBearerAuth(token(caller))).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> conversation(String caller, String other) {
        return client.get().uri("/api/messages/conversation/" + other).headers(h -> h.setBearerAuth(token(caller)))
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }
}
