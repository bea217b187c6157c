package com.ticketing.message.command;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.serde.DecodeFailure;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.serde.EventDecodingException;
import com.ticketing.message.messaging.SendCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code messaging.message-commands} a poll at a time: the poll's commands are handled in one
 * transaction, and the listener returns only once their outcomes are committed in PostgreSQL, so the
 * offsets (committed after the listener returned) never run ahead of the store. A record that cannot be
 * decoded ends the batch there: the commands before it are handled, it goes to the dead-letter topic
 * unchanged, and the ones after it come again. A failure to store (PostgreSQL down) is retried by the
 * container's error handler from the batch's first record, with back-off.
 */
@Component
public class SendCommandListener {

    private final SendCommandHandler handler;
    private final CommandProperties properties;

    public SendCommandListener(SendCommandHandler handler, CommandProperties properties) {
        this.handler = handler;
        this.properties = properties;
    }

    @KafkaListener(id = "message-commands", topics = "messaging.message-commands",
            groupId = "${ticketing.commands.group-id}", containerFactory = CommandConsumerConfiguration.FACTORY,
            autoStartup = "${ticketing.commands.enabled:true}", batch = "true")
    public void onCommands(List<ConsumerRecord<byte[], byte[]>> records) {
        List<SendCommand> commands = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            SendCommand command;
            try {
                command = decode(record);
            } catch (EventDecodingException undecodable) {
                handle(commands, records);
                throw new BatchListenerFailedException(undecodable.getMessage(), undecodable, record);
            }
            commands.add(command);
        }
        handle(commands, records);
    }

    private SendCommand decode(ConsumerRecord<byte[], byte[]> record) {
        CloudEvent<?> event = EventCodec.decode(record.value());
        if (!event.is(EventTypes.MESSAGE_SEND_REQUESTED)) {
            throw new EventDecodingException(DecodeFailure.UNKNOWN_TYPE,
                    record.topic() + " carries send commands, not " + event.type());
        }
        return handler.command(event.id(), event.dataAs(EventTypes.MESSAGE_SEND_REQUESTED),
                Instant.ofEpochMilli(record.timestamp()));
    }

    /** Handles the commands decoded so far, all of them or none: a failure names the batch's first record. */
    private void handle(List<SendCommand> commands, List<ConsumerRecord<byte[], byte[]>> records) {
        if (commands.isEmpty()) {
            return;
        }
        try {
            // A Kafka consumer thread, not an event loop: waiting for the commit here is what keeps the offset honest.
            handler.handle(commands).block(properties.handleTimeout());
        } catch (RuntimeException failed) {
            // Whatever the cause, it is the batch's, not its first record's: retried, never dead-lettered.
            throw new BatchListenerFailedException("handling " + commands.size() + " send commands failed",
                    new BatchFailedException(failed), records.get(0));
        }
    }

    /**
     * A batch's commands could not be stored (PostgreSQL out of reach, or a fault of ours: the commands of a
     * batch the database refuses are handled one by one and answered). The container retries it with back-off
     * from its first record; classified retryable, so no cause found below it sends that record to the DLQ.
     */
    static final class BatchFailedException extends RuntimeException {

        BatchFailedException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
