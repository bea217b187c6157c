package com.ticketing.message.messaging;

import com.ticketing.events.payload.message.MessageRejected;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One send command from {@code messaging.message-commands}, as {@link MessageService#handleCommands} takes
 * it: a message to store, or one the rules refused already. Either way its outcome is an event through the
 * outbox ({@code message.sent} or {@code message.rejected}).
 */
public sealed interface SendCommand {

    /** The command's CloudEvent id. */
    String commandId();

    /**
     * A send that passed the rules.
     *
     * @param messageId              the id a new message gets (the gateway told the sender)
     * @param requestedAt            when the sender sent it, for the send limit
     * @param commandClientMessageId the client message id as the command gave it (null when it gave none),
     *                               for a rejection to repeat
     */
    record Send(String commandId, SendMessage request, UUID messageId, Instant requestedAt,
                String commandClientMessageId) implements SendCommand {

        /** {@code requestedAt} to the microsecond, as it is stored and read back to judge later sends. */
        public Send {
            requestedAt = requestedAt.truncatedTo(ChronoUnit.MICROS);
        }

        MessageRejected rejected(MessageRefusedException refused) {
            return new MessageRejected(commandId, request.senderId(), request.receiverId(), commandClientMessageId,
                    refused.refusal().name(), refused.getMessage());
        }
    }

    /** A command the rules refused before it reached the store. */
    record Refused(String commandId, MessageRejected rejection) implements SendCommand {
    }
}
