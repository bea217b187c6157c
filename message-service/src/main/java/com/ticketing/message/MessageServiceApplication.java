package com.ticketing.message;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Direct messages: PostgreSQL store, REST API, send commands from sockets, message events through an outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MessageServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MessageServiceApplication.class, args);
    }
}
