package com.ticketing.launcher.faults;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.Money;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.listing.ListingPriceChanged;
import com.ticketing.events.topic.Topics;
import com.ticketing.launcher.simulate.EventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Plays the marketplace: creates a run's listings, then changes their prices in turn at a steady rate
 * through the real input topic, counting per listing the changes the broker acknowledged. Every accepted
 * change is one version of the listing, so listing i must end at version 1 + its acknowledged changes.
 */
final class MarketplaceLoad implements AutoCloseable {

    private static final String SOURCE = "/faults/marketplace";

    private final EventSink sink;
    private final List<String> listings;
    private final AtomicLongArray accepted;
    private final AtomicLong failed = new AtomicLong();
    private final List<CompletableFuture<Void>> inFlight = new ArrayList<>();
    private volatile boolean publishing;
    private Thread publisher;

    MarketplaceLoad(EventSink sink, List<String> listings) {
        this.sink = sink;
        this.listings = List.copyOf(listings);
        this.accepted = new AtomicLongArray(listings.size());
    }

    /** Publishes every listing's {@code listing.created} and waits for the broker to have them all. */
    void createListings() {
        CompletableFuture.allOf(listings.stream().map(id -> publish(EventTypes.LISTING_CREATED, id,
                new ListingCreated("fault-seller", "Fault suite listing " + id, 100, Money.of("500.00", "USD"))))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Starts changing prices, {@code perSecond} changes a second over all listings, until {@link #stop}. */
    void start(int perSecond) {
        publishing = true;
        publisher = new Thread(() -> run(perSecond), "fault-marketplace");
        publisher.setDaemon(true);
        publisher.start();
    }

    private void run(int perSecond) {
        long began = System.nanoTime();
        long sent = 0;
        while (publishing) {
            long due = (System.nanoTime() - began) * perSecond / TimeUnit.SECONDS.toNanos(1);
            for (; sent < due && publishing; sent++) {
                int listing = (int) (sent % listings.size());
                String price = (400 + (sent / listings.size()) % 100) + ".00"; // each change of a listing differs
                CompletableFuture<Void> ack = publish(EventTypes.LISTING_PRICE_CHANGED, listings.get(listing),
                        new ListingPriceChanged(Money.of(price, "USD")))
                        .whenComplete((ok, failure) -> {
                            if (failure == null) {
                                accepted.incrementAndGet(listing);
                            } else {
                                failed.incrementAndGet();
                            }
                        });
                synchronized (inFlight) {
                    inFlight.add(ack);
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops publishing and waits until the broker has answered every change sent. */
    void stop() throws InterruptedException {
        publishing = false;
        publisher.join();
        List<CompletableFuture<Void>> sent;
        synchronized (inFlight) {
            sent = List.copyOf(inFlight);
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
    }

    /** Each listing's last version: created (1) plus every change the broker acknowledged. */
    Map<String, Long> finalVersions() {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (int i = 0; i < listings.size(); i++) {
            versions.put(listings.get(i), 1 + accepted.get(i));
        }
        return versions;
    }

    long acceptedChanges() {
        long sum = 0;
        for (int i = 0; i < listings.size(); i++) {
            sum += accepted.get(i);
        }
        return sum;
    }

    /** Changes the broker refused or did not acknowledge in time (their fate is unknown to the marketplace). */
    long failedChanges() {
        return failed.get();
    }

    private <T> CompletableFuture<Void> publish(EventType<T> type, String listingId, T data) {
        return sink.send(Topics.carrying(type).orElseThrow().name(), CloudEvent.of(type, SOURCE, listingId, data));
    }

    @Override
    public void close() {
        publishing = false;
        sink.close();
    }
}
