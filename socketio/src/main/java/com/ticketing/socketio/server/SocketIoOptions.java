package com.ticketing.socketio.server;

import com.ticketing.socketio.packet.PacketJson;
import com.ticketing.socketio.server.adapter.Adapter;
import com.ticketing.socketio.server.adapter.AdapterContext;
import com.ticketing.socketio.server.adapter.InMemoryAdapter;
import com.ticketing.socketio.server.recovery.RecoveryOptions;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.ObjectMapper;

/**
 * Settings of the Socket.IO layer.
 *
 * @param connectTimeout   a session that has not joined any namespace by then is closed
 * @param ackTimeout       how long {@code emitWithAck} waits when no timeout is given
 * @param maxAttachments   the most binary attachments one inbound packet may announce
 * @param mapper           maps emitted arguments to JSON and parses inbound payloads
 * @param recovery         connection state recovery, disabled by default
 * @param adapterFactory   builds the rooms adapter of each namespace
 * @param inbound          what a client may send, before and after CONNECT
 */
public record SocketIoOptions(Duration connectTimeout, Duration ackTimeout, int maxAttachments,
                              ObjectMapper mapper, RecoveryOptions recovery,
                              Function<AdapterContext, Adapter> adapterFactory, InboundLimits inbound) {

    /**
     * What a client may send: the bytes one packet may hold while its binary attachments are on
     * their way, how long they may take, the largest message of a session that has not completed a
     * CONNECT yet (which may send no binary at all), and how many such sessions one client address
     * may hold ({@link SocketIoServer#admits}: the peer's address, or the client hop of
     * X-Forwarded-For when the peer is one of the trusted proxies).
     */
    public record InboundLimits(int maxPendingPacketBytes, Duration attachmentTimeout, int maxPreConnectMessageBytes,
                                int maxPreConnectSessionsPerAddress, Set<String> trustedProxies) {

        /** The contract's: 1,000,000 bytes, 10 s, 16 KB, 50 sessions; no trusted proxy. */
        public static final InboundLimits DEFAULTS = new InboundLimits(1_000_000, Duration.ofSeconds(10), 16 * 1024,
                50, Set.of());

        public InboundLimits {
            if (maxPendingPacketBytes <= 0 || maxPreConnectMessageBytes <= 0 || maxPreConnectSessionsPerAddress <= 0) {
                throw new IllegalArgumentException("inbound limits must be positive");
            }
            requirePositive(attachmentTimeout, "attachmentTimeout");
            trustedProxies = Set.copyOf(trustedProxies);
        }
    }

    public SocketIoOptions {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(ackTimeout, "ackTimeout");
        if (maxAttachments < 0) {
            throw new IllegalArgumentException("maxAttachments must not be negative");
        }
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(adapterFactory, "adapterFactory");
        Objects.requireNonNull(inbound, "inbound");
    }

    /** The reference server's defaults: 45 s connect timeout, recovery off, in-memory rooms. */
    public static SocketIoOptions defaults() {
        return new SocketIoOptions(Duration.ofSeconds(45), Duration.ofSeconds(10), 16,
                PacketJson.strictMapper(), RecoveryOptions.disabled(), InMemoryAdapter::new, InboundLimits.DEFAULTS);
    }

    public SocketIoOptions withConnectTimeout(Duration value) {
        return new SocketIoOptions(value, ackTimeout, maxAttachments, mapper, recovery, adapterFactory, inbound);
    }

    public SocketIoOptions withAckTimeout(Duration value) {
        return new SocketIoOptions(connectTimeout, value, maxAttachments, mapper, recovery, adapterFactory, inbound);
    }

    public SocketIoOptions withMaxAttachments(int value) {
        return new SocketIoOptions(connectTimeout, ackTimeout, value, mapper, recovery, adapterFactory, inbound);
    }

    public SocketIoOptions withMapper(ObjectMapper value) {
        return new SocketIoOptions(connectTimeout, ackTimeout, maxAttachments, value, recovery, adapterFactory, inbound);
    }

    public SocketIoOptions withRecovery(RecoveryOptions value) {
        return new SocketIoOptions(connectTimeout, ackTimeout, maxAttachments, mapper, value, adapterFactory, inbound);
    }

    public SocketIoOptions withAdapterFactory(Function<AdapterContext, Adapter> value) {
        return new SocketIoOptions(connectTimeout, ackTimeout, maxAttachments, mapper, recovery, value, inbound);
    }

    public SocketIoOptions withInboundLimits(InboundLimits value) {
        return new SocketIoOptions(connectTimeout, ackTimeout, maxAttachments, mapper, recovery, adapterFactory, value);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
