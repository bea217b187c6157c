package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The validated settings of an {@link EngineIoServer}; defaults are those of the reference server
 * except {@code maxPayload}, which follows our contract (1,000,000 bytes).
 *
 * @param pingInterval       how often the server sends a ping
 * @param pingTimeout        how long the server waits for the pong before closing with "ping timeout"
 * @param upgradeTimeout     how long a probing WebSocket may take to complete an upgrade
 * @param maxPayload         the largest HTTP body or WebSocket message accepted, in bytes
 * @param transports         the transports clients may use ({@code polling}, {@code websocket})
 * @param allowUpgrades      whether polling sessions are offered the upgrade to WebSocket
 * @param cors               CORS policy for polling requests; {@link Cors#DISABLED} sends no CORS headers
 * @param maxOutboundPackets packets a session may have waiting to be written before it is closed
 * @param maxOutboundBytes   bytes a session may have waiting to be written before it is closed
 */
public record EngineIoOptions(Duration pingInterval, Duration pingTimeout, Duration upgradeTimeout,
                              int maxPayload, Set<String> transports, boolean allowUpgrades, Cors cors,
                              int maxOutboundPackets, long maxOutboundBytes) {

    private static final Set<String> KNOWN_TRANSPORTS = Set.of(EngineIoProtocol.POLLING, EngineIoProtocol.WEBSOCKET);

    public EngineIoOptions {
        requirePositive(pingInterval, "pingInterval");
        requirePositive(pingTimeout, "pingTimeout");
        requirePositive(upgradeTimeout, "upgradeTimeout");
        if (maxPayload <= 0) {
            throw new IllegalArgumentException("maxPayload must be positive, was " + maxPayload);
        }
        transports = Set.copyOf(transports);
        if (transports.isEmpty() || !KNOWN_TRANSPORTS.containsAll(transports)) {
            throw new IllegalArgumentException("transports must be a non-empty subset of " + KNOWN_TRANSPORTS
                    + ", was " + transports);
        }
        Objects.requireNonNull(cors, "cors");
        if (maxOutboundPackets <= 0 || maxOutboundBytes <= 0) {
            throw new IllegalArgumentException("outbound limits must be positive");
        }
    }

    /** The reference defaults: ping every 25 s, 20 s to answer, 10 s to upgrade, 1,000,000 bytes. */
    public static EngineIoOptions defaults() {
        return new EngineIoOptions(Duration.ofSeconds(25), Duration.ofSeconds(20), Duration.ofSeconds(10),
                1_000_000, KNOWN_TRANSPORTS, true, Cors.DISABLED, 10_000, 256L * 1024);
    }

    /** A copy with other heartbeat timings. */
    public EngineIoOptions withHeartbeat(Duration interval, Duration timeout) {
        return new EngineIoOptions(interval, timeout, upgradeTimeout, maxPayload, transports, allowUpgrades, cors,
                maxOutboundPackets, maxOutboundBytes);
    }

    /** A copy with another upgrade timeout. */
    public EngineIoOptions withUpgradeTimeout(Duration timeout) {
        return new EngineIoOptions(pingInterval, pingTimeout, timeout, maxPayload, transports, allowUpgrades, cors,
                maxOutboundPackets, maxOutboundBytes);
    }

    /** A copy with another payload limit. */
    public EngineIoOptions withMaxPayload(int bytes) {
        return new EngineIoOptions(pingInterval, pingTimeout, upgradeTimeout, bytes, transports, allowUpgrades, cors,
                maxOutboundPackets, maxOutboundBytes);
    }

    /** A copy allowing only these transports. */
    public EngineIoOptions withTransports(String... names) {
        return new EngineIoOptions(pingInterval, pingTimeout, upgradeTimeout, maxPayload, Set.of(names),
                allowUpgrades, cors, maxOutboundPackets, maxOutboundBytes);
    }

    /** A copy with another CORS policy. */
    public EngineIoOptions withCors(Cors policy) {
        return new EngineIoOptions(pingInterval, pingTimeout, upgradeTimeout, maxPayload, transports, allowUpgrades,
                policy, maxOutboundPackets, maxOutboundBytes);
    }

    /** A copy with other outbound queue limits. */
    public EngineIoOptions withOutboundLimits(int packets, long bytes) {
        return new EngineIoOptions(pingInterval, pingTimeout, upgradeTimeout, maxPayload, transports, allowUpgrades,
                cors, packets, bytes);
    }

    /** Whether clients may use the named transport. */
    public boolean allows(String transport) {
        return transport != null && transports.contains(transport);
    }

    /** The upgrades offered to a session opened on {@code transport} (the open packet's "upgrades"). */
    public List<String> upgradesFrom(String transport) {
        return allowUpgrades && EngineIoProtocol.POLLING.equals(transport) && allows(EngineIoProtocol.WEBSOCKET)
                ? List.of(EngineIoProtocol.WEBSOCKET) : List.of();
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }

    /**
     * Which cross-origin requests may use polling.
     *
     * @param enabled        whether CORS headers are sent at all
     * @param anyOrigin      whether every origin is allowed (the origin is then echoed)
     * @param allowedOrigins the allowed origins when not {@code anyOrigin}
     * @param credentials    whether {@code Access-Control-Allow-Credentials: true} is sent
     */
    public record Cors(boolean enabled, boolean anyOrigin, List<String> allowedOrigins, boolean credentials) {

        /** No CORS headers; browsers then refuse cross-origin polling. */
        public static final Cors DISABLED = new Cors(false, false, List.of(), false);

        public Cors {
            allowedOrigins = List.copyOf(allowedOrigins);
        }

        /** Every origin allowed. */
        public static Cors anyOrigin(boolean credentials) {
            return new Cors(true, true, List.of(), credentials);
        }

        /** Only the listed origins allowed. */
        public static Cors origins(List<String> origins, boolean credentials) {
            return new Cors(true, false, origins, credentials);
        }

        /** Whether a request from {@code origin} gets CORS headers. */
        public boolean allows(String origin) {
            return enabled && origin != null && (anyOrigin || allowedOrigins.contains(origin));
        }
    }
}
