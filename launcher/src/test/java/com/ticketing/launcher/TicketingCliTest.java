package com.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.auth.AuthFailure;
import com.ticketing.auth.JwtValidator;
import com.ticketing.auth.TokenCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketingCliTest {

    private static final String SECRET = "a-secret-configured-for-this-test-run-0123";
    private final Map<String, String> environment = Map.of("TICKETING_JWT_SECRET", SECRET);

    @Test
    void tokenIsSignedWithTheConfiguredSecret() throws Exception {
        String token = run("token", "alice");

        TokenCheck check = new JwtValidator(LocalDefaults.jwtSettings(environment)).check(token);

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Valid.class, valid -> {
            assertThat(valid.user().userId()).isEqualTo("alice");
            assertThat(valid.user().isAdmin()).isFalse();
        });
    }

    @Test
    void kafkaAclsPrintsTheCommandsThatGiveEachServiceOnlyItsTopics() throws Exception {
        List<String> lines = run("kafka-acls", "--gateway", "User:gw").lines().toList();

        String prefix = "kafka-acls.sh --bootstrap-server localhost:9092 --command-config admin.properties --add ";
        assertThat(lines).contains(
                prefix + "--allow-principal User:gw --operation Write --topic messaging.message-commands",
                prefix + "--allow-principal User:gw --operation Read --topic realtime.listing-updates",
                prefix + "--allow-principal User:gw --operation Read --group gateway- --resource-pattern-type prefixed",
                prefix + "--allow-principal User:ticketing-message-service --operation Write --topic messaging.message-events",
                prefix + "--allow-principal User:ticketing-listing-events-service --operation Write"
                        + " --transactional-id listing-events-service- --resource-pattern-type prefixed");
        assertThat(lines).allMatch(line -> line.startsWith(prefix));
        assertThat(lines.stream().filter(line -> line.endsWith("--operation Write --topic messaging.message-commands")))
                .as("only the gateway writes commands").containsExactly(
                        prefix + "--allow-principal User:gw --operation Write --topic messaging.message-commands");
    }

    @Test
    void adminTokenCarriesTheAdminRole() throws Exception {
        TokenCheck check = new JwtValidator(LocalDefaults.jwtSettings(environment)).check(run("token", "root", "--admin"));

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Valid.class, valid -> assertThat(valid.user().isAdmin()).isTrue());
    }

    @Test
    void negativeTtlMintsAnAlreadyExpiredToken() throws Exception {
        TokenCheck check = new JwtValidator(LocalDefaults.jwtSettings(environment)).check(run("token", "bob", "--ttl", "-120"));

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Refused.class,
                refused -> assertThat(refused.failure()).isEqualTo(AuthFailure.EXPIRED));
    }

    @Test
    void withoutAConfiguredSecretTheDevelopmentSecretSignsTokensTheLocalStackAccepts() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TicketingCli.run(new String[] {"token", "alice"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8));

        TokenCheck check = new JwtValidator(LocalDefaults.jwtSettings(Map.of())).check(out.toString(StandardCharsets.UTF_8).strip());

        assertThat(check).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void publishReadsEachLineAndReportsBadOnesByNumber(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.json");
        Files.writeString(file, """
                {"specversion":"1.0","id":"e1","source":"/m","type":"ticketing.listing.created.v1","time":"2026-11-28T10:00:00Z","subject":"lst-1","data":{"sellerId":"s","title":"t","quantity":2,"price":{"amount":"10.00","currency":"USD"}}}

                {"specversion":"1.0","id":"e2","source":"/m","type":"ticketing.listing.exploded.v1","time":"2026-11-28T10:00:00Z","subject":"lst-1","data":{}}
                not json
                {"specversion":"1.0","id":"e3","source":"/m","type":"ticketing.message.sent.v1","time":"2026-11-28T10:00:00Z","subject":"a:b","data":{"message":{"id":"m","senderId":"a","receiverId":"b","content":"forged","isRead":false,"createdAt":"2026-11-28T10:00:00Z","updatedAt":"2026-11-28T10:00:00Z"}}}
                """);
        List<String> errors = new ArrayList<>();

        List<PublishCommand.Outgoing> events = PublishCommand.read(file, errors);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.topic().name()).isEqualTo("marketplace.listing-events");
            assertThat(event.line()).isEqualTo(1);
        });
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("line 3:").contains("UNKNOWN_TYPE");
        assertThat(errors.get(1)).startsWith("line 4:").contains("MALFORMED_JSON");
        assertThat(errors.get(2)).startsWith("line 5:").contains("not a marketplace event");
    }

    @Test
    void unknownCommandPrintsUsage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = TicketingCli.run(new String[] {"fly"}, environment, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: ./ticketing");
    }

    private String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TicketingCli.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
