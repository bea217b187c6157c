package com.ticketing.launcher.bench;

import java.util.TreeMap;

/** A histogram of latencies in whole milliseconds, merged from the load workers' histograms. */
final class Latencies {

    private final TreeMap<Integer, Long> countsByMillis = new TreeMap<>();
    private long total;

    void add(int millis, long count) {
        countsByMillis.merge(millis, count, Long::sum);
        total += count;
    }

    long count() {
        return total;
    }

    /** The smallest latency that {@code fraction} of the samples do not exceed; -1 without samples. */
    int percentile(double fraction) {
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (var bucket : countsByMillis.entrySet()) {
            seen += bucket.getValue();
            if (seen >= rank) {
                return bucket.getKey();
            }
        }
        return -1;
    }
}
