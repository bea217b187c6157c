package com.ticketing.launcher.simulate;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.topic.Topics;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./ticketing simulate}: a marketplace publishing listing and transaction facts at a steady rate,
 * each valid by the listing rules, printing once a second what it published.
 */
public final class SimulateCommand {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream out;
    private volatile boolean stopRequested;

    SimulateCommand(PrintStream out) {
        this.out = out;
    }

    /** Entry point from the command line: parses {@code args}, publishes to Kafka until the duration ends or Ctrl-C. */
    public static int run(List<String> args, String bootstrapServers, KafkaSecurity security, PrintStream out)
            throws InterruptedException {
        SimulateOptions options;
        try {
            options = SimulateOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(SimulateOptions.USAGE);
            return 2;
        }
        SimulateCommand command = new SimulateCommand(out);
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnCtrlC = new Thread(() -> {
            command.stopRequested = true;
            try {
                finished.await(15, TimeUnit.SECONDS); // let the producer flush what is in flight
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulate-stop");
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        out.printf("Simulating a marketplace on %s: %d events/s, %d open listings, %s (seed %d)%n", bootstrapServers,
                options.rate(), options.listings(), options.duration().isZero() ? "until Ctrl-C"
                        : "for " + options.duration().toSeconds() + " s", options.seed());
        try (EventSink sink = new KafkaEventSink(bootstrapServers, security)) {
            return command.run(options, runTag(), sink);
        } finally {
            finished.countDown();
        }
    }

    /** Publishes at {@code options.rate()} events per second until the duration is over or a stop is requested. */
    int run(SimulateOptions options, String runTag, EventSink sink) {
        MarketplaceModel market = new MarketplaceModel(new Random(options.seed()), options.listings(), runTag);
        SecondReport report = new SecondReport(out);
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> lastFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long end = options.duration().isZero() ? Long.MAX_VALUE : start + options.duration().toNanos();
        long published = 0;
        long reportAt = start + SECOND;
        boolean hinted = false;
        while (!stopRequested) {
            long due = start + published * SECOND / options.rate();
            if (due >= end) {
                break;
            }
            if (due >= reportAt) { // every event of this second is out: report it
                waitUntil(reportAt);
                report.print((reportAt - start) / SECOND, failed.get(), lastFailure.getAndSet(null));
                reportAt += SECOND;
                if (!hinted && (hinted = !market.someOpenListings(3).isEmpty())) {
                    out.println("  watch one on the demo page: " + String.join(", ", market.someOpenListings(3)));
                }
                continue;
            }
            waitUntil(due);
            CloudEvent<?> event = market.next(Instant.now());
            EventType<?> type = EventTypes.byName(event.type()).orElseThrow();
            sink.send(Topics.carrying(type).orElseThrow().name(), event).whenComplete((ok, failure) -> {
                if (failure != null) {
                    failed.incrementAndGet();
                    lastFailure.set(failure.getMessage());
                }
            });
            report.count(type);
            published++;
        }
        if (report.hasEvents()) {
            report.print((reportAt - start) / SECOND, failed.get(), lastFailure.get());
        }
        out.printf("Published %d events%s%n", published, failed.get() == 0 ? "" : " (" + failed.get() + " failed)");
        return failed.get() == 0 ? 0 : 1;
    }

    private static void waitUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** A short tag in every id of one run, so repeated runs against the same Kafka never collide. */
    static String runTag() {
        long value = Math.floorMod(System.nanoTime() ^ System.currentTimeMillis() * 31, 36L * 36 * 36 * 36);
        String tag = Long.toString(value, 36);
        return "0".repeat(4 - tag.length()) + tag;
    }
}
