package com.ticketing.gateway.recovery;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.gateway.config.GatewayProperties;
import com.ticketing.gateway.config.RecoveryProperties;
import com.ticketing.gateway.streams.GatewayStreams;
import com.ticketing.socketio.server.namespace.Namespace;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** The parts of Kafka-backed connection state recovery; the Socket.IO server takes the hook. */
@Configuration(proxyBeanMethods = false)
public class RecoveryConfiguration {

    /** The feed's position and window; a room is local when the application namespace has it. */
    @Bean
    FeedState feedState(RecoveryProperties recovery, ObjectProvider<Namespace> applicationNamespace) {
        return new FeedState(FeedLayout.ofContract(), recovery.keep(), recovery.memory().toBytes(),
                room -> applicationNamespace.getObject().adapter().hasRoom(room));
    }

    @Bean(destroyMethod = "close")
    @DependsOn("topicsAtStartup") // its topic exists before the directory reads it
    SessionStore sessionStore(GatewayProperties gateway, KafkaSecurity security, FeedState feed,
                              RecoveryProperties recovery) {
        return new SessionStore(gateway.bootstrapServers(), security, gateway.instanceId(), feed, recovery.refresh(),
                Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    KafkaOlderRecords kafkaOlderRecords(GatewayProperties gateway, KafkaSecurity security) {
        return new KafkaOlderRecords(gateway.bootstrapServers(), security, gateway.instanceId());
    }

    @Bean
    KafkaRecoveryHook kafkaRecoveryHook(FeedState feed, SessionStore sessions, GatewayStreams streams,
                                        RecoveryProperties recovery, ObjectProvider<Namespace> applicationNamespace,
                                        KafkaOlderRecords olderRecords) {
        return new KafkaRecoveryHook(feed, sessions, streams, recovery.window(), recovery.refresh(),
                recovery.catchUpTimeout(), Clock.systemUTC(), applicationNamespace::getObject, olderRecords);
    }
}
