package com.ticketing.message.command;

import com.ticketing.auth.web.Ids;
import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.payload.message.SendMessageCommand;
import com.ticketing.events.serde.DecodeFailure;
import com.ticketing.events.serde.EventDecodingException;
import com.ticketing.message.messaging.MessageRefusedException;
import com.ticketing.message.messaging.MessageRules;
import com.ticketing.message.messaging.MessageService;
import com.ticketing.message.messaging.Refusal;
import com.ticketing.message.messaging.SendMessage;
import com.ticketing.message.messaging.WriteRateLimits;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Turns one send command into a stored message and its {@code message.sent}, or into a
 * {@code message.rejected}; both through the outbox, so either outcome is committed with its event.
 * Idempotent: the client message id (the command id when the client gave none) is unique per sender,
 * so a redelivered command finds the stored message and queues its {@code message.sent} again under
 * the same event id.
 */
@Component
public class SendCommandHandler {

    private final MessageService messages;
    private final MessageRules rules;
    private final WriteRateLimits limits;

    public SendCommandHandler(MessageService messages, MessageRules rules, WriteRateLimits limits) {
        this.messages = messages;
        this.rules = rules;
        this.limits = limits;
    }

    /**
     * Handles the command with CloudEvent id {@code commandId}. A command without a valid sender
     * cannot be answered to anybody and fails with {@link EventDecodingException} (dead letter).
     */
    public Mono<Void> handle(String commandId, SendMessageCommand command) {
        if (command.senderId() == null || !Ids.isValid(command.senderId())) {
            return Mono.error(new EventDecodingException(DecodeFailure.INVALID_DATA,
                    "send command " + commandId + " has no valid senderId"));
        }
        String clientMessageId = command.clientMessageId() != null ? command.clientMessageId() : commandId;
        SendMessage request;
        try {
            request = rules.send(command.senderId(), command.receiverId(), command.content(), command.transactionId(),
                    command.listingId(), clientMessageId);
        } catch (MessageRefusedException refused) {
            return reject(commandId, command, refused);
        }
        // A retry of a stored message is not counted again; a new send counts against the limit REST sends use too.
        return messages.isKnown(request.senderId(), request.clientMessageId())
                .flatMap(retry -> retry || limits.trySend(request.senderId()).allowed()
                        ? messages.send(request, messageId(commandId), true).then()
                        : Mono.<Void>error(rateLimited()))
                .onErrorResume(MessageRefusedException.class, refused -> reject(commandId, command, refused));
    }

    private static MessageRefusedException rateLimited() {
        return new MessageRefusedException(Refusal.RATE_LIMITED, "Too many messages, socket and REST together; retry later");
    }

    /** The gateway names the message by the command id; any other producer's id gets a fresh one. */
    private static UUID messageId(String commandId) {
        try {
            return UUID.fromString(commandId);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.randomUUID();
        }
    }

    private Mono<Void> reject(String commandId, SendMessageCommand command, MessageRefusedException refused) {
        return messages.reject(commandId, new MessageRejected(commandId, command.senderId(), command.receiverId(),
                command.clientMessageId(), refused.refusal().name(), refused.getMessage()));
    }
}
