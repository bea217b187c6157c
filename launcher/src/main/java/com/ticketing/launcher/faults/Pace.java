package com.ticketing.launcher.faults;

import static com.ticketing.launcher.TicketingCli.intOption;

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
        return new Pace(intOption(args, "--sockets", base.sockets), intOption(args, "--listings", base.listings),
                intOption(args, "--rate", base.updatesPerSecond), intOption(args, "--messages", base.messagesPerSecond),
                base.before, base.after, Duration.ofSeconds(intOption(args, "--outage", (int) base.outage.toSeconds())));
    }

    String describe() {
        return sockets + " sockets, " + updatesPerSecond + " upd/s, " + messagesPerSecond + " msg/s";
    }
}
