package com.ticketing.message.messaging;

import com.ticketing.message.store.SendStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a new message may stay: not while either user blocks the other (FORBIDDEN), not beyond the send
 * limit (RATE_LIMITED). One judge for a send stored first and judged after (REST) and for a batch of
 * commands judged before anything is stored ({@link Batch}).
 */
final class SendAdmission {

    static final String BLOCKED_BY_RECEIVER = "You cannot message this user";
    static final String BLOCKED_BY_SENDER = "You blocked this user; unblock them to send messages";

    private final SendLimit limit;

    SendAdmission(SendLimit limit) {
        this.limit = limit;
    }

    SendLimit limit() {
        return limit;
    }

    /**
     * Why a message from {@code senderId} to {@code receiverId} sent at {@code requestedAt} may not stay, or null.
     *
     * @param blockers   which of the two users blocks the other
     * @param otherSends the sender's other send times strictly within a period of {@code requestedAt}, ascending
     */
    MessageRefusedException refusal(Set<String> blockers, String receiverId, Instant requestedAt,
                                    List<Instant> otherSends) {
        if (blockers.contains(receiverId)) {
            return new MessageRefusedException(Refusal.FORBIDDEN, BLOCKED_BY_RECEIVER);
        }
        if (!blockers.isEmpty()) {
            return new MessageRefusedException(Refusal.FORBIDDEN, BLOCKED_BY_SENDER);
        }
        Duration wait = limit.refusal(requestedAt, otherSends);
        return wait == null ? null : new MessageRefusedException(Refusal.RATE_LIMITED,
                "Too many messages, socket and REST together: at most " + limit.capacity() + " per "
                        + limit.period().toSeconds() + " s", wait);
    }

    /** A judge for one batch, over what {@link SendStore#lockAndJudge} read. */
    Batch batch(SendStore.Judged judged) {
        return new Batch(judged);
    }

    /**
     * One batch's sends judged in order, each against what was stored before the batch and the sends of
     * the batch admitted before it: the outcome a send would have had alone, in the same order.
     */
    final class Batch {

        private final SendStore.Judged judged;
        private final Set<SendStore.Pair> admittedClientIds = new HashSet<>();
        private final Map<String, List<Instant>> sendTimes = new HashMap<>();

        private Batch(SendStore.Judged judged) {
            this.judged = judged;
            judged.sendTimes().forEach((sender, times) -> sendTimes.put(sender, new ArrayList<>(times)));
        }

        /** Whether the sender stored a message under this client message id already, before or in this batch. */
        boolean alreadyStored(SendMessage request) {
            SendStore.Pair clientId = new SendStore.Pair(request.senderId(), request.clientMessageId());
            return judged.storedClientIds().contains(clientId) || admittedClientIds.contains(clientId);
        }

        /** Why a new message may not stay, or null. */
        MessageRefusedException refusal(SendMessage request, Instant requestedAt) {
            Set<String> blockers = new HashSet<>(2);
            if (judged.blocks().contains(new SendStore.Pair(request.receiverId(), request.senderId()))) {
                blockers.add(request.receiverId());
            }
            if (judged.blocks().contains(new SendStore.Pair(request.senderId(), request.receiverId()))) {
                blockers.add(request.senderId());
            }
            List<Instant> around = new ArrayList<>();
            Instant after = limit.from(requestedAt);
            Instant before = limit.until(requestedAt);
            for (Instant sent : sendTimes(request.senderId())) {
                if (sent.isAfter(after) && sent.isBefore(before)) {
                    around.add(sent);
                }
            }
            return SendAdmission.this.refusal(blockers, request.receiverId(), requestedAt, around);
        }

        /** Counts an admitted send for the rest of the batch. */
        void admit(SendMessage request, Instant requestedAt) {
            admittedClientIds.add(new SendStore.Pair(request.senderId(), request.clientMessageId()));
            List<Instant> times = sendTimes(request.senderId());
            int at = Collections.binarySearch(times, requestedAt);
            times.add(at < 0 ? -at - 1 : at, requestedAt);
        }

        private List<Instant> sendTimes(String senderId) {
            return sendTimes.computeIfAbsent(senderId, sender -> new ArrayList<>());
        }
    }
}
