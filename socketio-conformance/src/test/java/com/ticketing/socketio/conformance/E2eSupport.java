package com.ticketing.socketio.conformance;

import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** The conformance server on a random port, plus a way to run a Node client script against it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(E2eHandlers.class)
abstract class E2eSupport {

    @LocalServerPort
    int port;

    String url() {
        return "http://localhost:" + port;
    }

    /** Runs {@code script} with the server URL and these arguments; its JSON result. */
    JsonNode node(String script, String... args) {
        return node(Duration.ofSeconds(30), script, args);
    }

    JsonNode node(Duration timeout, String script, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = url();
        System.arraycopy(args, 0, all, 1, args.length);
        return NodeScript.run(timeout, script, all);
    }
}
