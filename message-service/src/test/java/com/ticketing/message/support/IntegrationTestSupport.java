package com.ticketing.message.support;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service against the JVM's embedded PostgreSQL (its own database) and the shared embedded
 * Kafka broker. Every subclass shares one application context; tests keep apart by using fresh
 * user ids ({@link #user}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S") // a loaded 2-core CI machine can be slower than the 5 s default
public abstract class IntegrationTestSupport {

    public static final String SECRET = "message-service-test-secret-long-enough-for-hs256";
    protected static final JwtIssuer TOKENS = new JwtIssuer(JwtSettings.hs256(SECRET));
    protected static final String GROUP = "message-service-it-" + UUID.randomUUID();

    @Autowired
    protected WebTestClient client;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("ticketing.database.url", () -> TestPostgres.jdbcUrl("message_it"));
        registry.add("ticketing.database.username", () -> TestPostgres.USER);
        registry.add("ticketing.database.password", () -> "");
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        registry.add("ticketing.jwt.secret", () -> SECRET);
        registry.add("ticketing.commands.group-id", () -> GROUP);
        registry.add("ticketing.outbox.poll-interval", () -> "100ms");
        // 20 per 10 minutes: the same 20 as production, in a window too long for a slow test run to see
        // a send leave it. The window's timing is unit-tested.
        registry.add("ticketing.rate-limit.send.period", () -> "600s");
    }

    /** A user id no other test uses. */
    protected static String user(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String token(String userId) {
        return TOKENS.issue(userId, false, Duration.ofHours(1));
    }
}
