package com.ticketing.socketio.conformance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Socket.IO conformance server: the reference test configuration of the official protocol
 * suites, on the same protocol code as the gateway.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConformanceServer {

    public static void main(String[] args) {
        SpringApplication.run(ConformanceServer.class, args);
    }
}
