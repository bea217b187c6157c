package com.ticketing.socketio.conformance;

import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.server.EngineIoServer;
import com.ticketing.socketio.engine.webflux.EngineIoWebFlux;
import com.ticketing.socketio.engine.webflux.NettyWebSocketUpgrade;
import com.ticketing.socketio.server.SocketIoOptions;
import com.ticketing.socketio.server.SocketIoServer;
import com.ticketing.socketio.server.recovery.RecoveryOptions;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Wires the conformance server: Socket.IO at {@code /socket.io/}, a bare Engine.IO echo at
 * {@code /engine.io/}, both with the reference heartbeat, payload limit and any-origin CORS.
 */
@Configuration(proxyBeanMethods = false)
public class ConformanceConfiguration {

    @Bean(destroyMethod = "close")
    public SocketIoServer socketIoServer(ConformanceProperties properties) {
        SocketIoOptions options = SocketIoOptions.defaults().withConnectTimeout(properties.connectTimeout());
        if (properties.recovery()) {
            options = options.withRecovery(RecoveryOptions.inMemory(properties.recoveryWindow()));
        }
        SocketIoServer io = new SocketIoServer(options);
        ConformanceHandlers.register(io);
        return io;
    }

    @Bean(destroyMethod = "close")
    public EngineIoServer socketIoEngine(ConformanceProperties properties, SocketIoServer io) {
        return new EngineIoServer(engineOptions(properties), io);
    }

    @Bean(destroyMethod = "close")
    public EngineIoServer echoEngine(ConformanceProperties properties) {
        return new EngineIoServer(engineOptions(properties), new EchoHandler());
    }

    @Bean
    public RouterFunction<ServerResponse> conformanceRoutes(EngineIoServer socketIoEngine, EngineIoServer echoEngine) {
        return EngineIoWebFlux.router(socketIoEngine, "/socket.io/")
                .and(EngineIoWebFlux.router(echoEngine, "/engine.io/"));
    }

    /** Both engines' WebSocket upgrades are taken below Spring, on the Netty connection itself. */
    @Bean
    public NettyServerCustomizer engineIoWebSockets(EngineIoServer socketIoEngine, EngineIoServer echoEngine) {
        return server -> NettyWebSocketUpgrade.install(server,
                Map.of("/socket.io/", socketIoEngine, "/engine.io/", echoEngine));
    }

    private static EngineIoOptions engineOptions(ConformanceProperties properties) {
        return EngineIoOptions.defaults()
                .withHeartbeat(properties.pingInterval(), properties.pingTimeout())
                .withMaxPayload(properties.maxPayload())
                .withCors(EngineIoOptions.Cors.anyOrigin(false));
    }
}
