package com.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How ./ticketing local notices a service that ended after READY. */
class ServiceProcessTest {

    @TempDir
    Path logs;

    @Test
    void theFirstServiceThatEndedIsFoundWithItsExitCode() throws Exception {
        ServiceProcess lasting = ServiceProcess.startCommand("lasting", List.of("sleep", "60"), 1, "/", Map.of(), logs);
        ServiceProcess crashing = ServiceProcess.startCommand("crashing", List.of("sh", "-c", "exit 3"), 2, "/",
                Map.of(), logs);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> ServiceProcess.firstEnded(List.of(lasting, crashing)).isPresent());

            assertThat(ServiceProcess.firstEnded(List.of(lasting, crashing))).contains(crashing);
            assertThat(crashing.exitValue()).isEqualTo(3);
            assertThat(lasting.isAlive()).isTrue();
        } finally {
            lasting.close();
        }
        assertThat(lasting.isAlive()).isFalse();
    }
}
