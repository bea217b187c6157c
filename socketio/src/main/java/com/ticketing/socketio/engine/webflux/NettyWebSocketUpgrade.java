package com.ticketing.socketio.engine.webflux;

import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.server.EngineIoRequestException;
import com.ticketing.socketio.engine.server.EngineIoServer;
import com.ticketing.socketio.engine.server.EngineRequest;
import com.ticketing.socketio.engine.server.EngineSession;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Takes valid Engine.IO WebSocket upgrades below Spring and Reactor Netty's HTTP layer, so that an
 * idle connection costs a Netty channel, its WebSocket codec and the session, and keeps nothing of
 * the handshake but the few values the session needs (Reactor Netty's and Spring's WebSocket
 * sessions retain the whole request: its URI, headers and the operations around them).
 *
 * <p>Requests it does not take (other paths, polling, refused upgrades) go on to WebFlux unchanged,
 * where the Engine.IO router answers them, refusals with the reference server's error.
 *
 * <pre>{@code
 * HttpServer server = NettyWebSocketUpgrade.install(HttpServer.create(), Map.of("/socket.io/", engine));
 * }</pre>
 */
@ChannelHandler.Sharable
public final class NettyWebSocketUpgrade extends ChannelInboundHandlerAdapter {

    private static final String NAME = "engineio.upgrade";

    /** By path without the trailing slash. */
    private final Map<String, EngineIoServer> engines = new HashMap<>();

    private NettyWebSocketUpgrade(Map<String, EngineIoServer> enginesByPath) {
        enginesByPath.forEach((path, engine) -> engines.put(withoutTrailingSlash(path), engine));
    }

    /** {@code server} with the handler on every connection, right behind the HTTP codec. */
    public static HttpServer install(HttpServer server, Map<String, EngineIoServer> enginesByPath) {
        NettyWebSocketUpgrade upgrade = new NettyWebSocketUpgrade(enginesByPath);
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, NAME, upgrade);
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && isWebSocketUpgrade(request)) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            EngineIoServer engine = engines.get(withoutTrailingSlash(uri.path()));
            if (engine != null && take(ctx, engine, request, uri)) {
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** Upgrades when the engine accepts the request as it stands; false leaves it to WebFlux. */
    private boolean take(ChannelHandlerContext ctx, EngineIoServer engine, HttpRequest request, QueryStringDecoder uri) {
        EngineSession existing;
        HandshakeData handshake = null;
        try {
            existing = engine.verify(new EngineRequest(request.method().name(), first(uri, "EIO"),
                    first(uri, "transport"), sid(uri), true, request.headers().get(HttpHeaderNames.ORIGIN)));
            if (!EngineIoProtocol.WEBSOCKET.equals(first(uri, "transport"))) {
                return false;
            }
            if (existing == null) {
                handshake = handshakeData(request, uri, ctx.channel());
                engine.authorize(handshake);
            }
        } catch (EngineIoRequestException refused) {
            return false; // WebFlux answers it, as it answers every refused request
        }
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                "ws://" + request.headers().get(HttpHeaderNames.HOST) + uri.path(), null, false,
                engine.options().maxPayload()).newHandshaker(request);
        if (handshaker == null) {
            return false;
        }
        upgrade(ctx, engine, request, handshaker, existing, handshake);
        return true;
    }

    private void upgrade(ChannelHandlerContext ctx, EngineIoServer engine, HttpRequest request,
                         WebSocketServerHandshaker handshaker, EngineSession existing, HandshakeData handshake) {
        Channel channel = ctx.channel();
        ChannelPipeline pipeline = ctx.pipeline();
        removeReactorHandlersAfter(pipeline);
        NettyWebSocketLink link = new NettyWebSocketLink(channel);
        NettyWebSocketConnection connection = new NettyWebSocketConnection(link);
        int maxPayload = engine.options().maxPayload();
        pipeline.addAfter(NAME, "engineio.utf8", new Utf8FrameValidator());
        pipeline.addAfter("engineio.utf8", "engineio.aggregator", new WebSocketFrameAggregator(maxPayload));
        pipeline.addAfter("engineio.aggregator", "engineio.websocket", connection);
        pipeline.remove(this);
        DefaultFullHttpRequest full = new DefaultFullHttpRequest(request.protocolVersion(), HttpMethod.GET,
                request.uri(), Unpooled.EMPTY_BUFFER, request.headers(), EmptyHttpHeaders.INSTANCE);
        handshaker.handshake(channel, full).addListener(done -> {
            if (!done.isSuccess()) {
                channel.close();
                return;
            }
            // Reactor Netty reads on demand; the connection now reads whatever arrives, as WebSockets do.
            channel.config().setAutoRead(true);
            if (existing == null) {
                connection.start(engine.openWebSocket(handshake, link));
            } else {
                connection.start(existing);
                existing.probe(link);
            }
        });
    }

    /** The connection is ours from now on: Reactor Netty's HTTP handling (traffic, bridge) leaves it. */
    private static void removeReactorHandlersAfter(ChannelPipeline pipeline) {
        List<String> names = pipeline.names();
        List<String> after = new ArrayList<>(names.subList(names.indexOf(NAME) + 1, names.size()));
        for (String name : after) {
            if (name.startsWith("reactor.") && pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
    }

    private static boolean isWebSocketUpgrade(HttpRequest request) {
        return HttpMethod.GET.equals(request.method())
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static HandshakeData handshakeData(HttpRequest request, QueryStringDecoder uri, Channel channel) {
        InetSocketAddress remote = channel.remoteAddress() instanceof InetSocketAddress address ? address : null;
        return EngineRequests.handshakeData(uri.parameters(), request.headers()::getAll, remote);
    }

    private static String first(QueryStringDecoder uri, String name) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String sid(QueryStringDecoder uri) {
        String sid = first(uri, "sid");
        return sid == null || sid.isEmpty() ? null : sid;
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
