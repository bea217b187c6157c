package com.ticketing.launcher.simulate;

import java.time.Duration;
import java.util.List;

/**
 * The options of {@code ./ticketing simulate}.
 *
 * @param rate     events per second (1 to 10,000)
 * @param listings open listings the market keeps (1 to 100,000)
 * @param duration how long to run; {@link Duration#ZERO} runs until Ctrl-C
 * @param seed     seeds the market, so a run can be repeated (ids stay unique per run)
 */
public record SimulateOptions(int rate, int listings, Duration duration, long seed) {

    public static final String USAGE = "usage: ./ticketing simulate [--rate N] [--listings N] [--duration S] [--seed N]";

    public SimulateOptions {
        if (rate < 1 || rate > 10_000) {
            throw new IllegalArgumentException("--rate must be 1 to 10000 events per second, was " + rate);
        }
        if (listings < 1 || listings > 100_000) {
            throw new IllegalArgumentException("--listings must be 1 to 100000, was " + listings);
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("--duration must be 0 (until Ctrl-C) or more seconds");
        }
    }

    /** Parses the arguments after {@code simulate}; defaults: 20 events/s, 300 listings, until Ctrl-C. */
    public static SimulateOptions parse(List<String> args) {
        int rate = 20;
        int listings = 300;
        long seconds = 0;
        long seed = System.nanoTime();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a number" : "unexpected " + name);
            }
            String value = args.get(++i);
            try {
                switch (name) {
                    case "--rate" -> rate = Integer.parseInt(value);
                    case "--listings" -> listings = Integer.parseInt(value);
                    case "--duration" -> seconds = Long.parseLong(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number, was " + value);
            }
        }
        return new SimulateOptions(rate, listings, Duration.ofSeconds(seconds), seed);
    }
}
