package com.ticketing.gateway.socket;

import com.ticketing.auth.JwtSettings;
import com.ticketing.auth.JwtValidator;
import com.ticketing.events.serde.EventJson;
import com.ticketing.gateway.block.BlockDirectory;
import com.ticketing.gateway.config.LimitsProperties;
import com.ticketing.gateway.config.RecoveryProperties;
import com.ticketing.gateway.config.SocketIoProperties;
import com.ticketing.gateway.recovery.KafkaRecoveryHook;
import com.ticketing.gateway.recovery.SessionStore;
import com.ticketing.socketio.server.recovery.RecoveryOptions;
import com.ticketing.gateway.fanout.RoomBroadcaster;
import com.ticketing.gateway.fanout.UpdateRouter;
import com.ticketing.gateway.message.PendingSends;
import com.ticketing.gateway.presence.PresenceAnnouncer;
import com.ticketing.gateway.presence.PresenceService;
import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.server.EngineIoServer;
import com.ticketing.socketio.engine.webflux.EngineIoWebFlux;
import com.ticketing.socketio.engine.webflux.NettyWebSocketUpgrade;
import com.ticketing.socketio.server.SocketIoOptions;
import com.ticketing.socketio.server.SocketIoOptions.InboundLimits;
import com.ticketing.socketio.server.SocketIoServer;
import com.ticketing.socketio.server.namespace.Namespace;
import io.micrometer.core.instrument.Gauge;
import tools.jackson.databind.DeserializationFeature;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Mounts the Socket.IO server at {@code /socket.io/}: Engine.IO options from {@code ticketing.socketio.*},
 * the application namespace {@code /} guarded by the {@link ConnectionGate}, and the broadcaster the
 * update feed uses. Any other namespace is refused with "Invalid namespace".
 */
@Configuration(proxyBeanMethods = false)
public class SocketIoConfiguration {

    @Bean(destroyMethod = "close")
    SocketIoServer socketIoServer(SocketIoProperties properties, RecoveryProperties recovery, KafkaRecoveryHook hook) {
        return new SocketIoServer(SocketIoOptions.defaults()
                // Recovery runs the gate first: a resumed socket is the same user with a valid token.
                .withRecovery(recovery.enabled() ? RecoveryOptions.with(false, hook) : RecoveryOptions.disabled())
                .withConnectTimeout(properties.connectTimeout())
                .withAckTimeout(properties.ackTimeout())
                // The events' mapping for what we emit, strict about what clients send (no trailing garbage).
                .withMapper(EventJson.mapper().rebuild().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build())
                .withInboundLimits(new InboundLimits(InboundLimits.DEFAULTS.maxPendingPacketBytes(),
                        InboundLimits.DEFAULTS.attachmentTimeout(), InboundLimits.DEFAULTS.maxPreConnectMessageBytes(),
                        properties.maxPreConnectSessionsPerAddress(), Set.copyOf(properties.trustedProxies()))));
    }

    @Bean
    Namespace applicationNamespace(SocketIoServer io, JwtValidator validator, JwtSettings jwt,
                                   SocketIoProperties properties, LimitsProperties limits, LocalSockets localSockets,
                                   PresenceService presence, PresenceAnnouncer announcer, List<SocketFeature> features,
                                   SessionStore sessions, KafkaRecoveryHook recovery, MeterRegistry meters) {
        Namespace namespace = io.namespace("/").use(new ConnectionGate(validator, properties, limits, localSockets,
                presence, meters));
        ConnectionHandler.attachTo(namespace, features, announcer, localSockets, sessions, recovery,
                properties.maxSocketsPerUser(), jwt.clockSkew());
        return namespace;
    }

    @Bean(destroyMethod = "close")
    EngineIoServer engineIoServer(SocketIoServer io, SocketIoProperties properties, MeterRegistry meters) {
        List<String> origins = properties.corsOrigins();
        EngineIoOptions.Cors cors = origins.contains("*") ? EngineIoOptions.Cors.anyOrigin(false)
                : EngineIoOptions.Cors.origins(origins, properties.corsCredentialsAllowed());
        EngineIoServer engine = new EngineIoServer(EngineIoOptions.defaults()
                .withHeartbeat(properties.pingInterval(), properties.pingTimeout())
                .withMaxPayload(properties.maxPayload())
                .withCors(cors)
                .withOutboundLimits(properties.maxOutboundPackets(), properties.maxOutboundBytes().toBytes()), io,
                io::admits); // a client address may hold only so many sessions without a CONNECT
        Gauge.builder("gateway.engineio.sessions", engine, EngineIoServer::sessionCount).register(meters);
        return engine;
    }

    /** WebSocket upgrades are taken below Spring, on the Netty connection: an idle socket keeps no request. */
    @Bean
    NettyServerCustomizer engineIoWebSockets(EngineIoServer engine) {
        return server -> NettyWebSocketUpgrade.install(server, Map.of("/socket.io/", engine));
    }

    @Bean
    @Order(0)
    RouterFunction<ServerResponse> socketIoRoutes(EngineIoServer engine) {
        return EngineIoWebFlux.router(engine, "/socket.io/");
    }

    @Bean
    RoomBroadcaster roomBroadcaster(Namespace applicationNamespace) {
        return (rooms, event, payload) -> applicationNamespace.to(rooms.toArray(String[]::new)).emit(event, payload);
    }

    @Bean
    UpdateRouter updateRouter(RoomBroadcaster rooms, PendingSends pendingSends, Namespace applicationNamespace,
                              BlockDirectory blocks) {
        return new UpdateRouter(rooms, pendingSends, applicationNamespace.adapter()::hasRoom, blocks::isBlockedEitherWay);
    }
}
