package com.ticketing.launcher.simulate;

import com.ticketing.events.envelope.EventType;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** Counts what was published in the current second and prints it as one line, grouped by aggregate. */
final class SecondReport {

    private final PrintStream out;
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private long total;
    private int inWindow;

    SecondReport(PrintStream out) {
        this.out = out;
    }

    void count(EventType<?> type) {
        counts.computeIfAbsent(type.aggregate(), a -> new TreeMap<>()).merge(type.fact(), 1, Integer::sum);
        inWindow++;
        total++;
    }

    boolean hasEvents() {
        return inWindow > 0;
    }

    /** e.g. {@code [  3s]  20 events  listing: created 4, price_changed 9 | transaction: created 3, ...  total 60}. */
    void print(long second, long failed, String lastFailure) {
        StringBuilder line = new StringBuilder(String.format("[%4ds] %4d events ", second, inWindow));
        String separator = " ";
        for (var aggregate : counts.entrySet()) {
            line.append(separator).append(aggregate.getKey()).append(": ");
            line.append(String.join(", ", aggregate.getValue().entrySet().stream()
                    .map(fact -> fact.getKey() + " " + fact.getValue()).toList()));
            separator = " | ";
        }
        line.append("  total ").append(total);
        if (failed > 0) {
            line.append(", failed ").append(failed).append(lastFailure == null ? "" : " (" + lastFailure + ")");
        }
        out.println(line);
        counts.clear();
        inWindow = 0;
    }
}
