package com.ticketing.message.command;

import com.ticketing.auth.web.Ids;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.payload.message.SendMessageCommand;
import com.ticketing.events.serde.DecodeFailure;
import com.ticketing.events.serde.EventDecodingException;
import com.ticketing.message.messaging.MessageRefusedException;
import com.ticketing.message.messaging.MessageRules;
import com.ticketing.message.messaging.MessageService;
import com.ticketing.message.messaging.SendCommand;
import com.ticketing.message.messaging.SendMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns each send command into a stored message and its {@code message.sent}, or into a
 * {@code message.rejected}; both through the outbox, so either outcome is committed with its event.
 * Idempotent: the client message id (the command id when the client gave none) is unique per sender,
 * so a redelivered command finds the stored message and queues its {@code message.sent} again under
 * the same event id.
 */
@Component
public class SendCommandHandler {

    /** How far before its record's time a command may say it was sent (the gateways' clocks may differ). */
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    private final MessageService messages;
    private final MessageRules rules;

    public SendCommandHandler(MessageService messages, MessageRules rules) {
        this.messages = messages;
        this.rules = rules;
    }

    /**
     * The command with CloudEvent id {@code commandId}, written to Kafka at {@code recordTime}, judged by the
     * rules: a message to store, or already refused. A command without a valid sender cannot be answered
     * to anybody and fails with {@link EventDecodingException} (dead letter).
     */
    public SendCommand command(String commandId, SendMessageCommand command, Instant recordTime) {
        if (command.senderId() == null || !Ids.isValid(command.senderId())) {
            throw new EventDecodingException(DecodeFailure.INVALID_DATA,
                    "send command " + commandId + " has no valid senderId");
        }
        String clientMessageId = command.clientMessageId() != null ? command.clientMessageId() : commandId;
        try {
            SendMessage request = rules.send(command.senderId(), command.receiverId(), command.content(),
                    command.transactionId(), command.listingId(), clientMessageId);
            // Judged by when the user sent it, so a backlog after an outage is judged as it was sent; the
            // record's time bounds that claim. A redelivered command is judged the same way again.
            return new SendCommand.Send(commandId, request, messageId(commandId),
                    sentAt(command.requestedAt(), recordTime), command.clientMessageId());
        } catch (MessageRefusedException refused) {
            return new SendCommand.Refused(commandId, new MessageRejected(commandId, command.senderId(),
                    command.receiverId(), command.clientMessageId(), refused.refusal().name(), refused.getMessage()));
        }
    }

    /** Handles the commands of one poll, in order, in one transaction where it can (see {@link MessageService#handleCommands}). */
    public Mono<Void> handle(List<SendCommand> commands) {
        return messages.handleCommands(commands);
    }

    /** The command's own {@code requestedAt}, but never after its record nor more than the skew before it. */
    static Instant sentAt(Instant requestedAt, Instant recordTime) {
        if (requestedAt == null || requestedAt.isAfter(recordTime)) {
            return recordTime;
        }
        Instant earliest = recordTime.minus(MAX_CLOCK_SKEW);
        return requestedAt.isBefore(earliest) ? earliest : requestedAt;
    }

    /** The gateway names the message by the command id; any other producer's id gets a fresh one. */
    private static UUID messageId(String commandId) {
        try {
            return UUID.fromString(commandId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.randomUUID();
        }
    }
}
