package com.ticketing.socketio.server.recovery;

import com.ticketing.socketio.DisconnectReason;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Connection state recovery settings, as the reference server's {@code connectionStateRecovery}.
 *
 * @param enabled         whether CONNECT replies carry a pid and events an offset
 * @param skipMiddlewares whether a recovered socket skips the connect middlewares
 * @param hook            where sessions and events are kept, and for how long (null when disabled)
 */
public record RecoveryOptions(boolean enabled, boolean skipMiddlewares, RecoveryHook hook) {

    // As the reference server: a socket that left on purpose (either side) is not kept. A payload too
    // large is dropped like a transport error (the client sees one), so it may resume too.
    private static final Set<DisconnectReason> RECOVERABLE = EnumSet.of(
            DisconnectReason.TRANSPORT_ERROR, DisconnectReason.TRANSPORT_CLOSE, DisconnectReason.FORCED_CLOSE,
            DisconnectReason.PING_TIMEOUT, DisconnectReason.SERVER_SHUTTING_DOWN,
            DisconnectReason.FORCED_SERVER_CLOSE, DisconnectReason.PAYLOAD_TOO_LARGE);

    public RecoveryOptions {
        if (enabled) {
            Objects.requireNonNull(hook, "hook");
        }
    }

    /** Whether a socket that left for this reason is kept for recovery. */
    public boolean isRecoverable(DisconnectReason reason) {
        return RECOVERABLE.contains(reason);
    }

    /** No recovery: no pid, no offsets. */
    public static RecoveryOptions disabled() {
        return new RecoveryOptions(false, true, null);
    }

    /** Recovery kept in this process's memory for {@code window}, middlewares skipped on recovery. */
    public static RecoveryOptions inMemory(Duration window) {
        return new RecoveryOptions(true, true, new InMemoryRecoveryHook(window, Clock.systemUTC()));
    }

    /** Recovery with another store, which decides how long it keeps dropped sessions. */
    public static RecoveryOptions with(boolean skipMiddlewares, RecoveryHook hook) {
        return new RecoveryOptions(true, skipMiddlewares, hook);
    }
}
