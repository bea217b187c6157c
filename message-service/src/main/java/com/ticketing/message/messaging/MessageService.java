package com.ticketing.message.messaging;

import com.ticketing.auth.web.Ids;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.notification.PushRequests;
import com.ticketing.message.outbox.Outbox;
import com.ticketing.message.store.ConversationStore;
import com.ticketing.message.store.MessageStore;
import com.ticketing.message.store.NewMessage;
import com.ticketing.message.store.ReportStore;
import com.ticketing.message.store.SendStore;
import com.ticketing.message.store.StoredMessage;
import io.r2dbc.spi.R2dbcException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every change to messages: each one stores the change, the conversation summaries it affects and its
 * events (through the {@link Outbox}) in one transaction, so an event exists exactly when its change was
 * committed and a summary always equals a recount. Each change of a conversation holds the conversation's
 * lock ({@link ConversationStore#lock}) from its first statement on, so a conversation's history, the events
 * its changes emit and the order its changes committed in are one order (a redelivered command's
 * {@code message.sent}, queued again under its first id, comes after newer events; consumers drop it as a
 * repeat). Reads are {@link MessageReads}.
 */
public class MessageService {

    private static final Logger log = LoggerFactory.getLogger(MessageService.class);

    private final MessageStore store;
    private final SendStore sends;
    private final ConversationStore conversations;
    private final ReportStore reports;
    private final PushRequests pushRequests;
    private final Outbox outbox;
    private final Changes changes;
    private final SendAdmission admission;
    private final Clock clock;

    public MessageService(MessageStore store, SendStore sends, ConversationStore conversations, ReportStore reports,
                          PushRequests pushRequests, Outbox outbox, Changes changes, SendLimit sendLimit,
                          Clock clock) {
        this.store = store;
        this.sends = sends;
        this.conversations = conversations;
        this.reports = reports;
        this.pushRequests = pushRequests;
        this.outbox = outbox;
        this.changes = changes;
        this.admission = new SendAdmission(sendLimit);
        this.clock = clock;
    }

    /**
     * Stores a message and its {@code message.sent} event, counts it in the conversation's summaries and
     * asks for a push when the receiver is offline. Refused FORBIDDEN while either user blocks the other
     * (the insert is rolled back). A second send with the same sender and
     * client message id returns the stored message ({@code created == false}) if it asks for the same
     * message, else refuses with CONFLICT; with {@code reemitOnReplay} the replay queues the
     * {@code message.sent} event again (same event id), for a redelivered socket command.
     */
    public Mono<SendOutcome> send(SendMessage request, boolean reemitOnReplay) {
        return send(request, now(), reemitOnReplay);
    }

    /** As {@link #send(SendMessage, boolean)} for a message the sender sent at {@code requestedAt}. */
    public Mono<SendOutcome> send(SendMessage request, Instant requestedAt, boolean reemitOnReplay) {
        return send(request, UUID.randomUUID(), requestedAt, reemitOnReplay);
    }

    /**
     * As {@link #send(SendMessage, boolean)}, storing a new message under {@code messageId}: a socket
     * command's id, which the gateway already told the sender, so the acknowledgement and the stored
     * message name the same message. The send limit judges it by {@code requestedAt}, against the
     * sender's stored messages (the window is the table, under a lock on the sender): a backlog stored
     * late is judged as it was sent, a refusal stays a refusal on redelivery, and a replay is never refused.
     */
    public Mono<SendOutcome> send(SendMessage request, UUID messageId, Instant requestedAt, boolean reemitOnReplay) {
        NewMessage message = newMessage(request, messageId, requestedAt);
        SendLimit limit = admission.limit();
        Mono<SendOutcome> work = sends.lock(message.senderId(), message.receiverId())
                .then(sends.store(message, sentRow(message), limit.from(message.requestedAt()),
                        limit.until(message.requestedAt()), windowLimit(limit)))
                .flatMap(stored -> admissible(stored, message.requestedAt())
                        .then(afterStored(stored, message))
                        .thenReturn(new SendOutcome(stored.message(), true)))
                .switchIfEmpty(Mono.defer(() -> replay(request, reemitOnReplay)));
        return changes.committed(work).onErrorMap(MessageService::isValueRefusedByStore, refused -> {
            // The rules should have caught whatever the database refuses; answer the sender rather than
            // fail the request (or stall a command partition) on a value that can never be stored.
            log.warn("PostgreSQL refused a message from {} that passed the rules", request.senderId(), refused);
            return storeRefused();
        });
    }

    /**
     * Handles a batch of send commands in one transaction, in their order: each is stored with its
     * {@code message.sent} (a redelivered one re-emits it), or answered with {@code message.rejected}, exactly
     * as it would have been alone. One transaction and one round trip to judge them all
     * ({@link SendStore#lockAndJudge}) instead of two round trips and a commit per command around its store.
     * Should the batch fail for any reason but the store being out of reach, each command is handled again
     * alone: one command PostgreSQL refuses costs its batch the speed-up, not its outcome. A single command
     * is handled alone from the start.
     */
    public Mono<Void> handleCommands(List<SendCommand> commands) {
        if (commands.isEmpty()) {
            return Mono.empty();
        }
        if (commands.size() == 1) {
            return handleAlone(commands.get(0));
        }
        Set<String> conversationKeys = new HashSet<>();
        List<SendStore.Window> windows = new ArrayList<>();
        Set<SendStore.Pair> clientIds = new HashSet<>();
        Set<SendStore.Pair> pairs = new HashSet<>();
        SendLimit limit = admission.limit();
        for (SendCommand command : commands) {
            if (command instanceof SendCommand.Send send) {
                SendMessage request = send.request();
                conversationKeys.add(ConversationKey.of(request.senderId(), request.receiverId()));
                windows.add(new SendStore.Window(request.senderId(), limit.from(send.requestedAt()),
                        limit.until(send.requestedAt()), windowLimit(limit)));
                clientIds.add(new SendStore.Pair(request.senderId(), request.clientMessageId()));
                pairs.add(new SendStore.Pair(request.senderId(), request.receiverId()));
            } else if (command instanceof SendCommand.Refused refused && inConversation(refused.rejection())) {
                conversationKeys.add(ConversationKey.of(refused.rejection().senderId(), refused.rejection().receiverId()));
            }
        }
        Mono<Void> work = sends.lockAndJudge(conversationKeys, windows, clientIds, pairs)
                .map(admission::batch)
                .flatMap(batch -> Flux.fromIterable(commands).concatMap(command -> handle(command, batch)).then());
        return changes.committed(work)
                .onErrorResume(failure -> !(failure instanceof StoreUnavailableException), failure -> {
                    log.warn("A batch of {} send commands failed; handling each alone: {}", commands.size(),
                            failure.toString());
                    return Flux.fromIterable(commands).concatMap(this::handleAlone).then();
                });
    }

    /**
     * One command in a transaction of its own, as a REST send: stored and judged in one statement, rolled back
     * if refused (then its rejection is queued). Cheaper than a batch of one, whose judging statement would
     * save no round trip.
     */
    private Mono<Void> handleAlone(SendCommand command) {
        if (command instanceof SendCommand.Send send) {
            return send(send.request(), send.messageId(), send.requestedAt(), true).then()
                    .onErrorResume(MessageRefusedException.class,
                            refused -> reject(send.commandId(), send.rejected(refused)));
        }
        SendCommand.Refused refused = (SendCommand.Refused) command;
        return reject(refused.commandId(), refused.rejection());
    }

    private Mono<Void> handle(SendCommand command, SendAdmission.Batch batch) {
        if (command instanceof SendCommand.Refused refused) {
            return queueRejected(refused.commandId(), refused.rejection());
        }
        SendCommand.Send send = (SendCommand.Send) command;
        SendMessage request = send.request();
        if (batch.alreadyStored(request)) {
            return replayCommand(send);
        }
        MessageRefusedException refused = batch.refusal(request, send.requestedAt());
        if (refused != null) {
            return queueRejected(send.commandId(), send.rejected(refused));
        }
        batch.admit(request, send.requestedAt());
        return Mono.defer(() -> {
            NewMessage message = newMessage(request, send.messageId(), send.requestedAt());
            // Judged already: the statement's own window read is not needed (an empty one costs nothing).
            return sends.store(message, sentRow(message), message.requestedAt(), message.requestedAt(), 0)
                    .flatMap(stored -> afterStored(stored, message).thenReturn(stored))
                    .switchIfEmpty(Mono.defer(() -> replayCommand(send).then(Mono.empty())))
                    .then();
        });
    }

    private Mono<Void> replayCommand(SendCommand.Send send) {
        return replay(send.request(), true).then()
                .onErrorResume(MessageRefusedException.class,
                        refused -> queueRejected(send.commandId(), send.rejected(refused)));
    }

    /**
     * How many of the sender's other sends around one send the store reads: within a period either side of
     * it, a sender held to the limit has at most twice its capacity (and a send or two that raced a lower
     * limit's deploy).
     */
    private static int windowLimit(SendLimit limit) {
        return 2 * limit.capacity() + 2;
    }

    private NewMessage newMessage(SendMessage request, UUID messageId, Instant requestedAt) {
        return new NewMessage(messageId, request.senderId(), request.receiverId(), request.content(),
                request.transactionId(), request.listingId(), request.clientMessageId(), now(),
                requestedAt.truncatedTo(ChronoUnit.MICROS));
    }

    /** The {@code message.sent} of a message stored at the time it asks for. */
    private static Outbox.Row sentRow(NewMessage message) {
        StoredMessage expected = message.storedAt(message.createdAt());
        return Outbox.row(Topics.MESSAGE_EVENTS, MessageEvents.key(expected), MessageEvents.sent(expected));
    }

    private static MessageRefusedException storeRefused() {
        return MessageRefusedException.invalid("The message store refused a value of this message");
    }

    /** What follows a new message's store in its transaction: its event if it got another time, a push request. */
    private Mono<Void> afterStored(SendStore.NewlyStored stored, NewMessage message) {
        return queuedAtItsTime(stored.message(), message.storedAt(message.createdAt()))
                .then(pushRequests.afterSent(stored.message(), stored.receiver()));
    }

    /**
     * A new message stays unless either user blocks the other (FORBIDDEN) or it would exceed the send
     * limit (RATE_LIMITED); a retry of a message stored before a block is answered by the replay instead.
     */
    private Mono<Void> admissible(SendStore.NewlyStored stored, Instant requestedAt) {
        MessageRefusedException refused = admission.refusal(stored.blockers(), stored.message().receiverId(),
                requestedAt, stored.sendTimes());
        return refused == null ? Mono.empty() : Mono.error(refused);
    }

    /**
     * The store queued {@code message.sent} as encoded for the time the message was to get; a message stored
     * later than that (the conversation's newest was not older) has its event queued here, for its own time.
     */
    private Mono<Void> queuedAtItsTime(StoredMessage stored, StoredMessage expected) {
        return stored.createdAt().equals(expected.createdAt()) ? Mono.empty()
                : outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(stored), MessageEvents.sent(stored));
    }

    private Mono<SendOutcome> replay(SendMessage request, boolean reemit) {
        return store.findByClientMessageId(request.senderId(), request.clientMessageId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("insert conflicted but no row found")))
                .flatMap(stored -> {
                    if (!sameMessage(stored, request)) {
                        return Mono.error(new MessageRefusedException(Refusal.CONFLICT,
                                "clientMessageId " + request.clientMessageId() + " was used for another message"));
                    }
                    Mono<Void> event = reemit && !stored.isDeleted()
                            ? outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(stored), MessageEvents.sent(stored))
                            : Mono.empty();
                    return event.thenReturn(new SendOutcome(stored, false));
                });
    }

    private static boolean sameMessage(StoredMessage stored, SendMessage request) {
        return stored.receiverId().equals(request.receiverId()) && stored.content().equals(request.content())
                && Objects.equals(stored.transactionId(), request.transactionId())
                && Objects.equals(stored.listingId(), request.listingId());
    }

    /** Queues {@code message.rejected} for a refused send command. */
    public Mono<Void> reject(String commandId, MessageRejected rejection) {
        Mono<Void> lock = inConversation(rejection) ? conversations.lock(rejection.senderId(), rejection.receiverId())
                : Mono.empty();
        return changes.committed(lock.then(Mono.defer(() -> queueRejected(commandId, rejection))));
    }

    /** Whether a rejection belongs to a conversation (its receiver is a valid id), or only to its sender. */
    private static boolean inConversation(MessageRejected rejection) {
        return rejection.receiverId() != null && Ids.isValid(rejection.receiverId());
    }

    /** Queues {@code message.rejected} under its conversation's key, in a transaction holding that conversation's lock. */
    private Mono<Void> queueRejected(String commandId, MessageRejected rejection) {
        String key = inConversation(rejection) ? ConversationKey.of(rejection.senderId(), rejection.receiverId())
                : rejection.senderId();
        return outbox.append(Topics.MESSAGE_EVENTS, key, MessageEvents.rejected(commandId, key, now(), rejection));
    }

    /** The receiver marks one message read; reading it again changes nothing and emits nothing. */
    public Mono<StoredMessage> markRead(String readerId, String messageId) {
        Mono<StoredMessage> work = visibleLocked(readerId, messageId).flatMap(message -> {
            if (!message.receiverId().equals(readerId)) {
                return Mono.error(new MessageRefusedException(Refusal.FORBIDDEN, "Only the receiver may mark a message read"));
            }
            if (message.isRead()) {
                return Mono.just(message);
            }
            return store.markRead(message.id(), now())
                    .flatMap(read -> conversations.recordRead(readerId, read.senderId(), 1)
                            .then(outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(read), MessageEvents.read(read)))
                            .thenReturn(read));
        });
        return changes.committed(work);
    }

    /** Marks every unread message from {@code otherUserId} to the reader read; returns how many. */
    public Mono<Integer> markConversationRead(String readerId, String otherUserId) {
        String other = MessageRules.otherParty(readerId, otherUserId);
        Mono<Integer> work = conversations.lock(readerId, other).then(Mono.defer(() -> {
            Instant at = now();
            return store.markConversationRead(readerId, other, at)
                    .map(Long::intValue)
                    .flatMap(count -> count == 0 ? Mono.just(0)
                            : conversations.recordRead(readerId, other, count)
                            .then(outbox.append(Topics.MESSAGE_EVENTS, ConversationKey.of(readerId, other),
                                    MessageEvents.conversationRead(readerId, other, at, count)))
                            .thenReturn(count));
        }));
        return changes.committed(work);
    }

    /** The sender deletes one of his messages (soft deletion); it disappears from every read. */
    public Mono<Void> delete(String userId, String messageId) {
        Mono<Void> work = visibleLocked(userId, messageId).flatMap(message -> {
            if (!message.senderId().equals(userId)) {
                return Mono.error(new MessageRefusedException(Refusal.FORBIDDEN, "Only the sender may delete a message"));
            }
            return store.softDelete(message.id(), now())
                    .flatMap(deleted -> conversations.recordDeleted(deleted)
                            .then(outbox.append(Topics.MESSAGE_EVENTS, MessageEvents.key(deleted),
                                    MessageEvents.deleted(deleted))));
        });
        return changes.committed(work);
    }

    /**
     * The receiver reports a message for moderation: {@code message.reported} on
     * {@code moderation.reports} with the content as it is now. Reporting it again changes nothing.
     */
    public Mono<Void> report(String reporterId, String messageId, String reason) {
        String why = MessageRules.reportReason(reason);
        Mono<Void> work = visibleLocked(reporterId, messageId).flatMap(message -> {
            if (!message.receiverId().equals(reporterId)) {
                return Mono.error(new MessageRefusedException(Refusal.FORBIDDEN, "Only the receiver may report a message"));
            }
            Instant at = now();
            return reports.insertUnlessReported(message.id(), reporterId, why, message.content(), at)
                    .flatMap(created -> created
                            ? outbox.append(Topics.MODERATION_REPORTS, message.id().toString(),
                            MessageEvents.reported(message, why, at))
                            : Mono.empty());
        });
        return changes.committed(work);
    }

    /**
     * The message locked for change, if it exists, is not deleted and the user is one of its two parties.
     * Its conversation's lock is taken first, as every change of a conversation takes it: before any row lock.
     */
    private Mono<StoredMessage> visibleLocked(String userId, String messageId) {
        UUID id = MessageRules.messageId("messageId", messageId);
        return (id == null ? Mono.<StoredMessage>empty() : store.findById(id))
                .filter(message -> message.involves(userId))
                .flatMap(message -> conversations.lock(message.senderId(), message.receiverId()).then(store.lockById(id)))
                .filter(message -> !message.isDeleted())
                .switchIfEmpty(Mono.error(() -> new MessageRefusedException(Refusal.NOT_FOUND, "Message not found")));
    }

    /**
     * Whether PostgreSQL refused a value of the statement (SQLSTATE class 22, data exception, such as a
     * NUL in text; or 23, integrity constraint violation), as opposed to failing for a reason of its own.
     */
    private static boolean isValueRefusedByStore(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
                return r2dbc.getSqlState().startsWith("22") || r2dbc.getSqlState().startsWith("23");
            }
        }
        return false;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
