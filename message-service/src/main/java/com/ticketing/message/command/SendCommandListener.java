package com.ticketing.message.command;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.serde.DecodeFailure;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.serde.EventDecodingException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code messaging.message-commands}. Returns only once the command's outcome is committed
 * in PostgreSQL, so the offset (committed after each poll's records are handled) never runs ahead of
 * the store; failures are retried by the container's error handler, undecodable records go to the
 * dead-letter topic unchanged.
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
            autoStartup = "${ticketing.commands.enabled:true}")
    public void onCommand(ConsumerRecord<byte[], byte[]> record) {
        CloudEvent<?> event = EventCodec.decode(record.value());
        if (!event.is(EventTypes.MESSAGE_SEND_REQUESTED)) {
            throw new EventDecodingException(DecodeFailure.UNKNOWN_TYPE,
                    record.topic() + " carries send commands, not " + event.type());
        }
        // A Kafka consumer thread, not an event loop: waiting for the commit here is what keeps the offset honest.
        handler.handle(event.id(), event.dataAs(EventTypes.MESSAGE_SEND_REQUESTED), Instant.ofEpochMilli(record.timestamp()))
                .block(properties.handleTimeout());
    }
}
