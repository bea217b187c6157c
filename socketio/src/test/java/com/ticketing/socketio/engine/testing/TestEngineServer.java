package com.ticketing.socketio.engine.testing;

import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.server.EngineIoServer;
import com.ticketing.socketio.engine.webflux.EngineIoWebFlux;
import com.ticketing.socketio.engine.webflux.NettyWebSocketUpgrade;
import java.net.URI;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real Reactor Netty server on a random port serving only the Engine.IO router and its WebSocket
 * upgrade below Spring, as the services mount them, with a {@link RecordingHandler}; no Spring Boot.
 */
public final class TestEngineServer implements AutoCloseable {

    public static final String PATH = "/engine.io/";

    private final RecordingHandler handler;
    private final EngineIoServer engine;
    private final DisposableServer http;

    public TestEngineServer(EngineIoOptions options) {
        this(options, handshake -> true);
    }

    public TestEngineServer(EngineIoOptions options, Predicate<HandshakeData> allowRequest) {
        this.handler = new RecordingHandler(true);
        this.engine = new EngineIoServer(options, handler, allowRequest);
        ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(
                RouterFunctions.toHttpHandler(EngineIoWebFlux.router(engine, PATH)));
        this.http = NettyWebSocketUpgrade.install(HttpServer.create(), Map.of(PATH, engine))
                .host("127.0.0.1").port(0).handle(adapter).bindNow();
    }

    public RecordingHandler handler() {
        return handler;
    }

    public EngineIoServer engine() {
        return engine;
    }

    /** The Engine.IO URL with this query, e.g. {@code "EIO=4&transport=polling"}. */
    public URI uri(String query) {
        return URI.create("http://127.0.0.1:" + http.port() + PATH + "?" + query);
    }

    public URI webSocketUri(String query) {
        return URI.create("ws://127.0.0.1:" + http.port() + PATH + "?" + query);
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        engine.close();
        http.disposeNow();
    }
}
