package com.ticketing.message.web;

import com.ticketing.events.payload.message.MessageView;
import com.ticketing.message.store.MessageSearch;

/** One entry of {@code GET /api/messages/search}: the message and a plain-text snippet around the match. */
public record SearchHitView(MessageView message, String snippet) {

    static SearchHitView of(MessageSearch.SearchHit hit) {
        return new SearchHitView(hit.message().view(), hit.snippet());
    }
}
