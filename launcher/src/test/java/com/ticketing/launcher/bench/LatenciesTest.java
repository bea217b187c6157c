package com.ticketing.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentileIsTheSmallestLatencyCoveringThatShareOfSamples() {
        Latencies latencies = new Latencies();
        latencies.add(5, 90);
        latencies.add(40, 9);
        latencies.add(900, 1);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentile(0.50)).isEqualTo(5);
        assertThat(latencies.percentile(0.90)).isEqualTo(5);
        assertThat(latencies.percentile(0.99)).isEqualTo(40);
        assertThat(latencies.percentile(1.0)).isEqualTo(900);
    }

    @Test
    void bucketsFromSeveralWorkersAddUp() {
        Latencies latencies = new Latencies();
        latencies.add(7, 1);
        latencies.add(7, 1);
        latencies.add(3, 2);

        assertThat(latencies.percentile(0.50)).isEqualTo(3);
        assertThat(latencies.percentile(0.75)).isEqualTo(7);
    }

    @Test
    void noSamplesHaveNoPercentile() {
        assertThat(new Latencies().percentile(0.99)).isEqualTo(-1);
    }
}
