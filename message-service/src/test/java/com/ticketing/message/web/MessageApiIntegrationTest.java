package com.ticketing.message.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.message.support.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import com.ticketing.message.messaging.MessageService;
import com.ticketing.message.messaging.SendMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class MessageApiIntegrationTest extends IntegrationTestSupport {

    @Autowired
    MessageService messages;

    private final String alice = user("alice");
    private final String bob = user("bob");
    private final String eve = user("eve");

    // ---- sending -------------------------------------------------------------------------------

    @Test
    void sendStoresTheTrimmedMessageAndAnswers201WithTheContractShape() {
        client.post().uri("/api/messages").headers(h -> h.setBearerAuth(token(alice)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("receiverId", bob, "content", "  <b>Hi</b> \"there\"  ", "transactionId", "tx-1",
                        "listingId", "l-1"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.senderId").isEqualTo(alice)
                .jsonPath("$.receiverId").isEqualTo(bob)
                .jsonPath("$.content").isEqualTo("<b>Hi</b> \"there\"")
                .jsonPath("$.transactionId").isEqualTo("tx-1")
                .jsonPath("$.listingId").isEqualTo("l-1")
                .jsonPath("$.isRead").isEqualTo(false)
                .jsonPath("$.createdAt").isNotEmpty()
                .jsonPath("$.updatedAt").isNotEmpty();
    }

    @Test
    void optionalFieldsAreReturnedAsNull() {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = sendBody(alice, "{\"receiverId\":\"" + bob + "\",\"content\":\"hello\"}")
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body).containsEntry("transactionId", null).containsEntry("listingId", null);
    }

    @Test
    void sameClientMessageIdReturnsTheStoredMessageWith200AndStoresNothingTwice() {
        Map<String, Object> body = Map.of("receiverId", bob, "content", "once", "clientMessageId", "c-1");
        String id = sendBody(alice, body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        sendBody(alice, body).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id);
        assertThat(conversation(bob, alice, "")).hasSize(1);
    }

    @Test
    void clientMessageIdReusedForAnotherMessageIsAConflict() {
        sendBody(alice, Map.of("receiverId", bob, "content", "one", "clientMessageId", "c-2")).expectStatus().isCreated();
        sendBody(alice, Map.of("receiverId", bob, "content", "two", "clientMessageId", "c-2"))
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.error.code").isEqualTo("CONFLICT");
    }

    @Test
    void emptyWhitespaceTooLongNulAndSelfAddressedContentAreRefused() {
        expectValidation(Map.of("receiverId", bob, "content", ""));
        expectValidation(Map.of("receiverId", bob, "content", " \n\t "));
        expectValidation(Map.of("receiverId", bob, "content", "x".repeat(5001)));
        expectValidation(Map.of("receiverId", bob, "content", "nul \u0000 inside"));
        expectValidation(Map.of("receiverId", alice, "content", "me"));
        expectValidation(Map.of("content", "nobody"));
        expectValidation(Map.of("receiverId", bob));
        expectValidation(Map.of("receiverId", "bob smith", "content", "bad id"));
        expectValidation(Map.of("receiverId", "b".repeat(65), "content", "long id"));
        expectValidation(Map.of("receiverId", bob, "content", "x", "clientMessageId", "has/slash"));
    }

    @Test
    void exactlyFiveThousandCharactersAfterTrimmingAreAccepted() {
        sendBody(alice, Map.of("receiverId", bob, "content", "  " + "é".repeat(5000) + "  "))
                .expectStatus().isCreated();
    }

    @Test
    void unknownFieldsWrongTypesAndMalformedJsonAreRefused() {
        expectValidationRaw("{\"receiverId\":\"" + bob + "\",\"content\":\"x\",\"admin\":true}");
        expectValidationRaw("{\"receiverId\":123,\"content\":\"x\"}");
        expectValidationRaw("{\"receiverId\":\"" + bob + "\",\"content\":[\"x\"]}");
        expectValidationRaw("{\"receiverId\":\"" + bob + "\",\"content\":true}");
        expectValidationRaw("{\"receiverId\":\"" + bob + "\",\"content\":\"x\"");
        expectValidationRaw("[]");
    }

    @Test
    void sendWithoutTokenIs401() {
        client.post().uri("/api/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("receiverId", bob, "content", "hi"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void twentyFirstSendInABurstIs429WithRetryAfterAndOtherUsersAreUnaffected() {
        String flooder = user("flooder");
        IntStream.range(0, 20).forEach(i -> sendBody(flooder, Map.of("receiverId", bob, "content", "m" + i))
                .expectStatus().isCreated());
        sendBody(flooder, Map.of("receiverId", bob, "content", "one too many"))
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                // Until the first of the twenty leaves the window (600 s in these tests).
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(500L, 600L))
                .expectBody().jsonPath("$.error.code").isEqualTo("RATE_LIMITED");
        sendBody(alice, Map.of("receiverId", bob, "content", "still fine")).expectStatus().isCreated();
    }

    // ---- reading -------------------------------------------------------------------------------

    @Test
    void conversationIsNewestFirstAndVisibleToBothPartiesOnly() {
        send(alice, bob, "first");
        send(bob, alice, "second");
        send(alice, bob, "third");
        send(alice, eve, "to eve");

        assertThat(contents(conversation(alice, bob, ""))).containsExactly("third", "second", "first");
        assertThat(contents(conversation(bob, alice, ""))).containsExactly("third", "second", "first");
        assertThat(conversation(eve, bob, "")).isEmpty();
        client.get().uri("/api/messages/conversation/" + bob).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void paginationSkipsAndCapsTheLimitAt100() {
        String carol = user("carol");
        String dave = user("dave");
        IntStream.range(0, 105).forEach(i -> insertDirectly(carol, dave, "m" + i));

        assertThat(conversation(carol, dave, "?limit=500")).hasSize(100);
        assertThat(conversation(carol, dave, "")).hasSize(50);
        assertThat(contents(conversation(carol, dave, "?limit=2&offset=0"))).containsExactly("m104", "m103");
        assertThat(contents(conversation(carol, dave, "?limit=2&offset=103"))).containsExactly("m1", "m0");
        assertThat(conversation(carol, dave, "?limit=10&offset=105")).isEmpty();
        expectGetValidation(carol, "/api/messages/conversation/" + dave + "?limit=0");
        expectGetValidation(carol, "/api/messages/conversation/" + dave + "?offset=-1");
        expectGetValidation(carol, "/api/messages/conversation/" + dave + "?limit=ten");
        expectGetValidation(carol, "/api/messages/conversation/" + carol);
    }

    @Test
    void conversationsListTheLastMessageAndUnreadCountNewestConversationFirst() {
        send(bob, alice, "bob 1");
        send(bob, alice, "bob 2");
        send(eve, alice, "eve 1");
        send(alice, eve, "alice to eve");

        client.get().uri("/api/messages/conversations").headers(h -> h.setBearerAuth(token(alice)))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].userId").isEqualTo(eve)
                .jsonPath("$[0].lastMessage.content").isEqualTo("alice to eve")
                .jsonPath("$[0].unreadCount").isEqualTo(1)
                .jsonPath("$[1].userId").isEqualTo(bob)
                .jsonPath("$[1].lastMessage.content").isEqualTo("bob 2")
                .jsonPath("$[1].unreadCount").isEqualTo(2);
        client.get().uri("/api/messages/conversations").headers(h -> h.setBearerAuth(token(bob)))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].unreadCount").isEqualTo(0);
        client.get().uri("/api/messages/conversations").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unreadCountCountsOnlyReceivedUnreadUndeletedMessages() {
        send(bob, alice, "1");
        String second = send(bob, alice, "2");
        String third = send(bob, alice, "3");
        send(alice, bob, "mine");
        markRead(alice, second).expectStatus().isOk();
        delete(bob, third).expectStatus().isNoContent();

        unreadCount(alice).isEqualTo(1);
        unreadCount(bob).isEqualTo(1);
        client.get().uri("/api/messages/unread-count").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void transactionAndListingMessagesAreTheCallersOnly() {
        String tx = "tx-" + alice;
        String listing = "listing-" + alice;
        sendBody(alice, Map.of("receiverId", bob, "content", "about tx", "transactionId", tx, "listingId", listing));
        sendBody(eve, Map.of("receiverId", bob, "content", "eve about tx", "transactionId", tx, "listingId", listing));

        assertThat(contents(list(alice, "/api/messages/transaction/" + tx))).containsExactly("about tx");
        assertThat(contents(list(bob, "/api/messages/transaction/" + tx))).containsExactly("eve about tx", "about tx");
        assertThat(list(user("stranger"), "/api/messages/transaction/" + tx)).isEmpty();
        assertThat(contents(list(alice, "/api/messages/listing/" + listing))).containsExactly("about tx");
        assertThat(contents(list(eve, "/api/messages/listing/" + listing))).containsExactly("eve about tx");
        client.get().uri("/api/messages/transaction/" + tx).exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/messages/listing/" + listing).exchange().expectStatus().isUnauthorized();
    }

    // ---- changing ------------------------------------------------------------------------------

    @Test
    void onlyTheReceiverMarksAMessageRead() {
        String id = send(alice, bob, "read me");
        markRead(alice, id).expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("FORBIDDEN");
        markRead(eve, id).expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
        client.put().uri("/api/messages/" + id + "/read").exchange().expectStatus().isUnauthorized();
        markRead(bob, id).expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(id).jsonPath("$.isRead").isEqualTo(true);
        markRead(bob, id).expectStatus().isOk().expectBody().jsonPath("$.isRead").isEqualTo(true);
        markRead(bob, "00000000-0000-0000-0000-000000000000").expectStatus().isNotFound();
        markRead(bob, "not-a-uuid").expectStatus().isNotFound();
        markRead(bob, "bad id!").expectStatus().isBadRequest();
    }

    @Test
    void markingAConversationReadCountsOnlyTheOtherUsersMessagesToTheCaller() {
        send(bob, alice, "1");
        send(bob, alice, "2");
        send(alice, bob, "mine");
        send(eve, alice, "eve's");

        markConversationRead(alice, bob).expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(2);
        markConversationRead(alice, bob).expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(0);
        markConversationRead(eve, bob).expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(0);
        unreadCount(alice).isEqualTo(1);
        unreadCount(bob).isEqualTo(1);
        markConversationRead(alice, alice).expectStatus().isBadRequest();
        client.put().uri("/api/messages/conversation/" + bob + "/read").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyTheSenderDeletesAndTheMessageDisappearsForBoth() {
        String id = send(alice, bob, "regret");
        delete(bob, id).expectStatus().isForbidden();
        delete(eve, id).expectStatus().isNotFound();
        client.delete().uri("/api/messages/" + id).exchange().expectStatus().isUnauthorized();
        delete(alice, id).expectStatus().isNoContent().expectBody().isEmpty();

        assertThat(conversation(alice, bob, "")).isEmpty();
        assertThat(conversation(bob, alice, "")).isEmpty();
        delete(alice, id).expectStatus().isNotFound();
        markRead(bob, id).expectStatus().isNotFound();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec sendBody(String sender, Object body) {
        return client.post().uri("/api/messages").headers(h -> h.setBearerAuth(token(sender)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String send(String sender, String receiver, String content) {
        return sendBody(sender, Map.of("receiverId", receiver, "content", content)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** Bulk set-up through the service itself, as if sent an hour apart (within the send limit). */
    private void insertDirectly(String sender, String receiver, String content) {
        messages.send(new SendMessage(sender, receiver, content, null, null, null),
                Instant.now().minus(Duration.ofHours(1000 - directInserts++)), false).block();
    }

    private int directInserts;

    private void expectValidation(Object body) {
        sendBody(alice, body).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION");
    }

    private void expectValidationRaw(String json) {
        sendBody(alice, json).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION");
    }

    private void expectGetValidation(String caller, String uri) {
        client.get().uri(uri).headers(h -> h.setBearerAuth(token(caller))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String caller, String uri) {
        return client.get().uri(uri).headers(h -> h.setBearerAuth(token(caller))).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> conversation(String caller, String other, String query) {
        return list(caller, "/api/messages/conversation/" + other + query);
    }

    private static List<Object> contents(List<Map<String, Object>> messages) {
        return messages.stream().map(m -> m.get("content")).toList();
    }

    private WebTestClient.ResponseSpec markRead(String caller, String id) {
        return client.put().uri("/api/messages/" + id + "/read").headers(h -> h.setBearerAuth(token(caller))).exchange();
    }

    private WebTestClient.ResponseSpec markConversationRead(String caller, String other) {
        return client.put().uri("/api/messages/conversation/" + other + "/read")
                .headers(h -> h.setBearerAuth(token(caller))).exchange();
    }

    private WebTestClient.ResponseSpec delete(String caller, String id) {
        return client.delete().uri("/api/messages/" + id).headers(h -> h.setBearerAuth(token(caller))).exchange();
    }

    private org.springframework.test.web.reactive.server.JsonPathAssertions unreadCount(String caller) {
        return client.get().uri("/api/messages/unread-count").headers(h -> h.setBearerAuth(token(caller))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.count");
    }
}
