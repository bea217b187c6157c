package com.ticketing.launcher.faults;

import java.time.Duration;
import java.util.List;

/**
 * The load and the timing of every scenario: how many sockets follow how many listings, how many price
 * changes and messages a second, how long the load runs before the fault and after the part is back,
 * and how long a stopped part stays away.
 */
record Pace(int sockets, int listings, int updatesPerSecond, int messagesPerSecond, Duration before,
            Duration after, Duration outage) {

    /** The load: 200 sockets on 20 listings, 500 updates/s, 100 messages/s; parts away for 30 s. */
    static final Pace FULL = new Pace(200, 20, 500, 100, Duration.ofSeconds(15), Duration.ofSeconds(20),
            Duration.ofSeconds(30));
    /** What CI runs: the same checks on less load and shorter windows. */
    static final Pace SHORT = new Pace(40, 8, 100, 20, Duration.ofSeconds(6), Duration.ofSeconds(10),
            Duration.ofSeconds(10));

    static Pace from(List<String> args) {
        Pace base = args.contains("--short") ? SHORT : FULL;
        return new Pace(option(args, "--sockets", base.sockets), option(args, "--listings", base.listings),
                option(args, "--rate", base.updatesPerSecond), option(args, "--messages", base.messagesPerSecond),
                base.before, base.after, Duration.ofSeconds(option(args, "--outage", (int) base.outage.toSeconds())));
    }

    String describe() {
        return sockets + " sockets, " + updatesPerSecond + " upd/s, " + messagesPerSecond + " msg/s";
    }

    private static int option(List<String> args, String name, int fallback) {
        int index = args.indexOf(name);
        if (index < 0) {
            return fallback;
        }
        if (index + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a number");
        }
        return Integer.parseInt(args.get(index + 1));
    }
}
