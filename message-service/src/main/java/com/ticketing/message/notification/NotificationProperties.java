package com.ticketing.message.notification;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Push requests for offline receivers: {@code ticketing.notifications.*}.
 *
 * @param enabled          whether message-service emits {@code notification.requested} at all
 * @param perConversation  at most one request per receiver and conversation within this time
 * @param previewLength    characters of the message's content in the request's preview
 * @param silenceFactor    a gateway silent for this many of its heartbeat intervals holds no live socket
 */
@Validated
@ConfigurationProperties("ticketing.notifications")
public record NotificationProperties(boolean enabled, @NotNull Duration perConversation, int previewLength,
                                     int silenceFactor) {

    public NotificationProperties {
        if (perConversation.isNegative() || previewLength < 1 || silenceFactor < 2) {
            throw new IllegalArgumentException("notifications: per-conversation must not be negative, "
                    + "preview-length at least 1, silence-factor at least 2");
        }
    }
}
