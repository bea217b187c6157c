package com.ticketing.message.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.message.messaging.MessageService;
import com.ticketing.message.messaging.SendMessage;
import com.ticketing.message.support.IntegrationTestSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Search over the caller's own messages, and keyset paging that stays exact while messages arrive. */
class SearchAndPagingApiIntegrationTest extends IntegrationTestSupport {

    @Autowired
    MessageService messages;

    private final String buyer = user("buyer");
    private final String seller = user("seller");
    private final String other = user("other");

    @Test
    void searchFindsTheCallersMessagesWithEveryWordNewestFirstWithASnippet() {
        store(buyer, seller, "Are the seats in row F next to each other?");
        store(seller, buyer, "Yes, row F seats 11 and 12, next to the aisle");
        store(buyer, seller, "Great, and the parking pass?");

        List<Map<String, Object>> hits = search(buyer, "row seats");
        assertThat(hits).extracting(hit -> content(hit)).containsExactly(
                "Yes, row F seats 11 and 12, next to the aisle", "Are the seats in row F next to each other?");
        assertThat(hits).allSatisfy(hit -> assertThat((String) hit.get("snippet")).contains("row").contains("seats"));
        assertThat(search(seller, "ROW, seats!")).hasSize(2);
        assertThat(search(buyer, "parking aisle")).isEmpty();
    }

    @Test
    void searchNeverReturnsAnotherPairsMessages() {
        store(seller, other, "secret parking code 4711");
        store(other, seller, "thanks for the parking code");

        assertThat(search(buyer, "parking code")).isEmpty();
        assertThat(search(seller, "parking code")).hasSize(2);
        assertThat(search(other, "4711")).hasSize(1);
    }

    @Test
    void searchLeavesOutDeletedMessagesAndPagesWithBefore() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(store(i % 2 == 0 ? buyer : seller, i % 2 == 0 ? seller : buyer, "ticket number " + i));
        }
        messages.delete(buyer, ids.get(6)).block();

        List<Map<String, Object>> first = list(buyer, "/api/messages/search?q=ticket&limit=4");
        assertThat(first).extracting(SearchAndPagingApiIntegrationTest::content)
                .containsExactly("ticket number 5", "ticket number 4", "ticket number 3", "ticket number 2");
        String last = id(first.get(3));
        assertThat(list(buyer, "/api/messages/search?q=ticket&limit=4&before=" + last))
                .extracting(SearchAndPagingApiIntegrationTest::content).containsExactly("ticket number 1", "ticket number 0");
    }

    @Test
    void searchWithoutWordsOrWithAStrangersAnchorIsRefused() {
        String strangers = store(seller, other, "ticket");
        client.get().uri(uri -> uri.path("/api/messages/search").queryParam("q", "  ").build())
                .headers(h -> h.setBearerAuth(token(buyer))).exchange().expectStatus().isBadRequest();
        client.get().uri(uri -> uri.path("/api/messages/search").queryParam("q", "... !?").build())
                .headers(h -> h.setBearerAuth(token(buyer))).exchange().expectStatus().isBadRequest();
        expectStatus(buyer, "/api/messages/search", 400);
        expectStatus(buyer, "/api/messages/search?q=ticket&before=" + strangers, 404);
    }

    @Test
    void pagingBackWithBeforeWhileNewMessagesArriveSeesEveryMessageExactlyOnce() {
        for (int i = 0; i < 25; i++) {
            store(i % 2 == 0 ? buyer : seller, i % 2 == 0 ? seller : buyer, "old " + i);
        }
        List<String> seen = new ArrayList<>();
        List<Map<String, Object>> page = list(buyer, "/api/messages/conversation/" + seller + "?limit=10");
        int arrived = 0;
        while (!page.isEmpty()) {
            page.forEach(message -> seen.add((String) message.get("content")));
            store(seller, buyer, "new " + arrived++); // arrives while the client pages back
            page = list(buyer, "/api/messages/conversation/" + seller + "?limit=10&before=" + id(page.get(page.size() - 1)));
        }
        Set<String> distinct = new HashSet<>(seen);
        assertThat(seen).hasSize(25).hasSameSizeAs(distinct).allSatisfy(content -> assertThat(content).startsWith("old "));
        assertThat(seen.get(0)).isEqualTo("old 24");
        assertThat(seen.get(24)).isEqualTo("old 0");
    }

    @Test
    void pagingByBeforeRefusesAMessageOfAnotherConversationAndOffsetTogether() {
        String mine = store(buyer, seller, "hi");
        String strangers = store(seller, other, "hi");
        expectStatus(buyer, "/api/messages/conversation/" + seller + "?before=" + strangers, 404);
        expectStatus(buyer, "/api/messages/conversation/" + seller + "?before=" + mine + "&offset=0", 400);
        assertThat(list(buyer, "/api/messages/conversation/" + seller + "?before=" + mine)).isEmpty();
    }

    private String store(String sender, String receiver, String content) {
        return messages.send(new SendMessage(sender, receiver, content, null, null, null), false)
                .block().message().id().toString();
    }

    private List<Map<String, Object>> search(String caller, String words) {
        return client.get().uri(uri -> uri.path("/api/messages/search").queryParam("q", words).build())
                .headers(h -> h.setBearerAuth(token(caller))).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> list(String caller, String uri) {
        return client.get().uri(uri).headers(h -> h.setBearerAuth(token(caller))).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private void expectStatus(String caller, String uri, int status) {
        client.get().uri(uri).headers(h -> h.setBearerAuth(token(caller))).exchange().expectStatus().isEqualTo(status)
                .expectBody().jsonPath("$.error.code").isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static String content(Map<String, Object> entry) {
        Object message = entry.get("message");
        return (String) (message instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("content") : entry.get("content"));
    }

    @SuppressWarnings("unchecked")
    private static String id(Map<String, Object> entry) {
        Object message = entry.get("message");
        return (String) (message instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("id") : entry.get("id"));
    }

    private static final org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new org.springframework.core.ParameterizedTypeReference<>() {
            };
}
