package com.ticketing.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void fanoutDefaultsAreTheDocumentedLoadPoints() {
        BenchOptions options = BenchOptions.parse(List.of("fanout"));

        assertThat(options.scenario()).isEqualTo(BenchOptions.Scenario.FANOUT);
        assertThat(options.sockets()).isEqualTo(5_000);
        assertThat(options.listings()).isEqualTo(100);
        assertThat(options.rates()).containsExactly(100, 250, 500, 1000);
        assertThat(options.servers()).containsExactly(ServerKind.GATEWAY, ServerKind.NODE);
        assertThat(String.join(" ", options.gatewayOpts())).isEqualTo(BenchOptions.DEFAULT_GATEWAY_OPTS);
    }

    @Test
    void messagesMeasureTheGatewayPipelineAtTheIssuesRatesAfterAMinuteOfWarmUp() {
        BenchOptions options = BenchOptions.parse(List.of("messages"));

        assertThat(options.scenario()).isEqualTo(BenchOptions.Scenario.MESSAGES);
        assertThat(options.rates()).containsExactly(200, 500, 1000);
        assertThat(options.seconds()).isEqualTo(30);
        assertThat(options.warmup()).isEqualTo(60);
        assertThat(options.servers()).containsExactly(ServerKind.GATEWAY);
        assertThat(BenchOptions.parse(List.of("messages", "--rates", "1000")).rates()).containsExactly(1000);
    }

    @Test
    void inboxMeasuresOneAndFourClientsAfterAMinuteOfWarmUp() {
        BenchOptions options = BenchOptions.parse(List.of("inbox"));

        assertThat(options.scenario()).isEqualTo(BenchOptions.Scenario.INBOX);
        assertThat(options.clients()).containsExactly(1, 4);
        assertThat(options.seconds()).isEqualTo(20);
        assertThat(options.warmup()).isEqualTo(60);
        assertThat(BenchOptions.parse(List.of("inbox", "--clients", "4, 8")).clients()).containsExactly(4, 8);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("inbox", "--clients", "0")))
                .hasMessageContaining("--clients must be 1 to 256");
    }

    @Test
    void idleDefaultsToFifteenThousandConnections() {
        assertThat(BenchOptions.parse(List.of("idle")).sockets()).isEqualTo(15_000);
    }

    @Test
    void gatewayOptsAreSplitIntoSeparateJvmArguments() {
        BenchOptions options = BenchOptions.parse(List.of("fanout", "--only", "gateway",
                "--gateway-opts", " -Xmx512m   -XX:+UseParallelGC ", "--rates", "500"));

        assertThat(options.gatewayOpts()).containsExactly("-Xmx512m", "-XX:+UseParallelGC");
        assertThat(options.servers()).containsExactly(ServerKind.GATEWAY);
        assertThat(options.rates()).containsExactly(500);
    }

    @Test
    void warmupRunsAtTheMiddleRate() {
        assertThat(BenchOptions.parse(List.of("fanout", "--rates", "1000,100,500,250")).warmupRate()).isEqualTo(500);
        assertThat(BenchOptions.parse(List.of("fanout", "--rates", "100")).warmupRate()).isEqualTo(100);
    }

    @Test
    void unknownServersAndOptionsAreRefusedByName() {
        assertThatThrownBy(() -> BenchOptions.parse(List.of("fanout", "--only", "deno")))
                .hasMessageContaining("gateway or node");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("fanout", "--sockts", "5")))
                .hasMessageContaining("unknown option --sockts");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("fanout", "--rates", "100,fast")))
                .hasMessageContaining("--rates needs a number");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("soak"))).hasMessageContaining("unknown benchmark soak");
    }
}
