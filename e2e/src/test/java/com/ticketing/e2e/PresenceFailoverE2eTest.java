package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An instance that dies without saying goodbye leaves presence within 10 s of its last heartbeat. */
class PresenceFailoverE2eTest {

    @Test
    void killingAnInstanceClearsItsSocketsFromPresence() throws Exception {
        E2eStack stack = E2eStack.get();
        String survivor = stack.gateway(0);
        String doomed = stack.gateway(3);
        String carol = "carol-" + UUID.randomUUID().toString().substring(0, 6);
        try (ClientAgent agent = new ClientAgent()) {
            agent.connect(carol + "-survivor", survivor, stack.token(carol), List.of("websocket"));
            agent.connect(carol + "-doomed", doomed, stack.token(carol), List.of("websocket"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sockets(survivor, carol)).isEqualTo(2));

            stack.kill(3);
            long killedAt = System.nanoTime();

            await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(100)) // the contract: 10 s; slack for a loaded machine
                    .untilAsserted(() -> assertThat(sockets(survivor, carol)).isEqualTo(1));
            System.out.printf("presence cleanup after kill -9 of a gateway: %.1f s%n", (System.nanoTime() - killedAt) / 1e9);
        }
    }

    private static int sockets(String gateway, String user) {
        var answer = Rest.call("GET", gateway + "/api/presence/users/" + user, E2eStack.get().token(user), null);
        return answer.body().path("sockets").size();
    }
}
