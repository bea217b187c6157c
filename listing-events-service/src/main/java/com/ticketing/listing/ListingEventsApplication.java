package com.ticketing.listing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The listing-events-service: Kafka Streams topologies for listings and transactions, and their REST queries. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ListingEventsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ListingEventsApplication.class, args);
    }
}
