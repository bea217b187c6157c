package com.ticketing.socketio.conformance;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the conformance server; the defaults are the reference test configuration.
 *
 * @param pingInterval       Engine.IO heartbeat interval
 * @param pingTimeout        how long a pong may take
 * @param maxPayload         largest message accepted, in bytes
 * @param connectTimeout     a session must join a namespace within this
 * @param recovery           whether connection state recovery is on (off in the reference setup)
 * @param recoveryWindow     how long dropped sessions and their missed events are kept
 */
@Validated
@ConfigurationProperties("conformance")
public record ConformanceProperties(
        @DefaultValue("300ms") Duration pingInterval,
        @DefaultValue("200ms") Duration pingTimeout,
        @DefaultValue("1000000") int maxPayload,
        @DefaultValue("1000ms") Duration connectTimeout,
        @DefaultValue("false") boolean recovery,
        @DefaultValue("2m") Duration recoveryWindow) {
}
