package com.ticketing.message.support;

import com.ticketing.message.messaging.Changes;
import com.ticketing.message.messaging.MessageService;
import com.ticketing.message.messaging.SendLimit;
import com.ticketing.message.notification.NotificationProperties;
import com.ticketing.message.notification.Presence;
import com.ticketing.message.notification.PushRequests;
import com.ticketing.message.outbox.Outbox;
import com.ticketing.message.outbox.OutboxSignal;
import com.ticketing.message.store.ConversationStore;
import com.ticketing.message.store.MessageStore;
import com.ticketing.message.store.ReportStore;
import com.ticketing.message.store.SendStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** A {@link MessageService} over a test database, wired as the application wires it, without Spring. */
public final class TestMessageServices {

    private TestMessageServices() {
    }

    /** With a send limit no test set-up reaches. */
    public static MessageService messageService(DatabaseClient db, TransactionalOperator transactions, Presence presence) {
        return messageService(db, transactions, presence, new SendLimit(1_000_000, Duration.ofSeconds(10)));
    }

    public static MessageService messageService(DatabaseClient db, TransactionalOperator transactions, Presence presence,
                                                SendLimit sendLimit) {
        return messageService(db, transactions, presence, sendLimit, Clock.systemUTC());
    }

    public static MessageService messageService(DatabaseClient db, TransactionalOperator transactions, Presence presence,
                                                SendLimit sendLimit, Clock clock) {
        ConversationStore conversations = new ConversationStore(db);
        Outbox outbox = new Outbox(db);
        return new MessageService(new MessageStore(db), new SendStore(db), conversations, new ReportStore(db),
                new PushRequests(presence, conversations, outbox,
                        new NotificationProperties(true, Duration.ofMinutes(1), 100, 4)),
                outbox, new Changes(transactions, OutboxSignal.NONE), sendLimit, clock);
    }
}
