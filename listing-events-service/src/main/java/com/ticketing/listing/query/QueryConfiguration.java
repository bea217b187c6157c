package com.ticketing.listing.query;

import com.ticketing.listing.stream.StreamsRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Wires the interactive queries and the forwarding to peer instances. */
@Configuration(proxyBeanMethods = false)
public class QueryConfiguration {

    @Bean
    StateQuery stateQuery(StreamsRunner runner) {
        return new StateQuery(runner);
    }

    @Bean
    StateAnswers stateAnswers(StateQuery query, QueryProperties properties) {
        return new StateAnswers(query, new PeerForwarder(WebClient.builder(), properties.forwardTimeout()));
    }
}
