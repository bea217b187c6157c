package com.ticketing.message.outbox;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Moves committed outbox rows to Kafka: in one database transaction it claims the oldest rows
 * ({@code FOR UPDATE SKIP LOCKED}), publishes them, waits for the broker's acknowledgements and only
 * then deletes them. A crash anywhere before the commit leaves the rows for the next run, so every
 * event is published at least once; a crash between the broker's ack and the commit republishes
 * with the same CloudEvent id, which consumers use as their idempotency key.
 * <p>
 * A transaction-scoped advisory lock lets one relay at a time publish, so events keep the order
 * in which they were written even with several service instances. Runs on its own thread.
 */
public class OutboxRelay implements OutboxSignal {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Advisory lock key of the relay ("msgoutbx"). */
    static final long RELAY_LOCK = 0x6d73676f75746278L;

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;
    private final Object wakeUp = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(DatabaseClient db, TransactionalOperator transactions, OutboxPublisher publisher,
                       OutboxProperties properties) {
        this.db = db;
        this.transactions = transactions;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Publishes one batch; emits how many rows were published and deleted (0 if another relay holds the lock). */
    public Mono<Integer> relayBatch() {
        Mono<Integer> batch = tryLock().flatMap(locked -> locked ? claim().collectList().flatMap(this::publishAndDelete)
                : Mono.just(0));
        return transactions.transactional(batch);
    }

    /** Publishes batches until the outbox is empty; emits the total. */
    public Mono<Integer> drain() {
        return relayBatch().expand(count -> count < properties.batchSize() ? Mono.empty() : relayBatch())
                .reduce(0, Integer::sum);
    }

    private Mono<Boolean> tryLock() {
        return db.sql("SELECT pg_try_advisory_xact_lock(:key) AS locked")
                .bind("key", RELAY_LOCK)
                .map((row, meta) -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                .one();
    }

    private Flux<OutboxEntry> claim() {
        return db.sql("""
                        SELECT id, event_id, topic, record_key, event_type, payload FROM message_outbox
                         ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
                        """)
                .bind("limit", properties.batchSize())
                .map((row, meta) -> new OutboxEntry(row.get("id", Long.class), row.get("event_id", String.class),
                        row.get("topic", String.class), row.get("record_key", String.class),
                        row.get("event_type", String.class), row.get("payload", String.class)))
                .all();
    }

    private Mono<Integer> publishAndDelete(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.just(0);
        }
        Long[] ids = entries.stream().map(OutboxEntry::id).toArray(Long[]::new);
        return publisher.publish(entries)
                .then(db.sql("DELETE FROM message_outbox WHERE id = ANY(:ids)").bind("ids", ids).fetch().rowsUpdated())
                .thenReturn(entries.size());
    }

    /** Starts the relay thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the relay thread after its current batch; rows not yet published stay in the table. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            thread.join(properties.publishTimeout().multipliedBy(4).toMillis()); // a batch's bound, and then some
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Asks the relay to look at the table now rather than at its next poll. */
    @Override
    public void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            Duration pause = properties.pollInterval();
            try {
                int relayed = relayBacklog();
                if (relayed > 0) {
                    log.debug("Relayed {} outbox events", relayed);
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay failed, retrying in {}: {}", properties.errorBackoff(), e.toString());
                pause = properties.errorBackoff();
            }
            awaitWork(pause);
        }
    }

    /**
     * Batches until the table is empty or the relay stops. Each batch has a bound of its own, so a long
     * backlog no longer times out in the middle of a healthy batch (which rolled back a batch already handed
     * to the producer and published it again). Only a batch that itself stalls past the bound (the database,
     * or a send the publisher's own timeout did not end) is cancelled and published again: at least once.
     */
    private int relayBacklog() {
        Duration bound = properties.publishTimeout().multipliedBy(3);
        int total = 0;
        while (running) {
            Integer relayed = relayBatch().block(bound);
            int count = relayed == null ? 0 : relayed;
            total += count;
            if (count < properties.batchSize()) {
                break;
            }
        }
        return total;
    }

    private void awaitWork(Duration pause) {
        synchronized (wakeUp) {
            try {
                if (!woken && running) {
                    wakeUp.wait(Math.max(1, pause.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }
}
