package com.ticketing.message.command;

import com.ticketing.events.kafka.DurableProducer;
import com.ticketing.events.serde.EventDecodingException;
import com.ticketing.events.topic.DeadLetterHeaders;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.kafka.KafkaTopicsConfiguration.ProvisionedTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The command consumer's container: raw bytes in (so a dead letter is the refused record unchanged),
 * batches of at most {@code max-batch} records, no auto-commit, one offset commit per batch after the
 * listener returned, endless retries with exponential back-off for failures such as PostgreSQL being
 * down, and straight to
 * {@code messaging.message-commands.dlq} (with {@code dlq.*} reason headers) for undecodable records.
 */
@Configuration(proxyBeanMethods = false)
public class CommandConsumerConfiguration {

    static final String FACTORY = "commandContainerFactory";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<byte[], byte[]> commandContainerFactory(
            KafkaProperties kafka, CommandProperties properties, ProvisionedTopics topics) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxBatch());
        var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()));
        factory.setConcurrency(properties.concurrency());
        factory.setBatchListener(true);
        // Offsets are committed after each poll's records are all stored: never ahead of the store, and
        // a redelivery after a crash is harmless because handling a command is idempotent.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(errorHandler(kafka, properties));
        return factory;
    }

    private static DefaultErrorHandler errorHandler(KafkaProperties kafka, CommandProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters(kafka), backOff);
        handler.addNotRetryableExceptions(EventDecodingException.class);
        // Checked before its causes: a failed batch is retried even if a cause is one the handler gives up on.
        handler.addRetryableExceptions(SendCommandListener.BatchFailedException.class);
        return handler;
    }

    private static DeadLetterPublishingRecoverer deadLetters(KafkaProperties kafka) {
        Map<String, Object> config = DurableProducer.config(kafka.buildProducerProperties(), "message-service-dlq",
                Duration.ofSeconds(30), Duration.ofMillis(5));
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config,
                new ByteArraySerializer(), new ByteArraySerializer()));
        String deadLetterTopic = Topics.MESSAGE_COMMANDS.deadLetter().name();
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(deadLetterTopic, record.partition()));
        recoverer.setHeadersFunction(CommandConsumerConfiguration::reasonHeaders);
        return recoverer;
    }

    static Headers reasonHeaders(ConsumerRecord<?, ?> record, Exception failure) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof EventDecodingException)) {
            cause = cause.getCause();
        }
        String reason = cause instanceof EventDecodingException decoding ? decoding.failure().name() : "PROCESSING_ERROR";
        String message = cause != null ? cause.getMessage() : String.valueOf(failure.getMessage());
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.MESSAGE, message.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.REFUSED_BY, "message-service".getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
