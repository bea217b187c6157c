package com.ticketing.gateway.presence.web;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.web.ApiException;
import com.ticketing.auth.web.ErrorCode;
import com.ticketing.gateway.presence.PresenceService;
import com.ticketing.gateway.presence.PresentSocket;
import com.ticketing.auth.web.Ids;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/presence/**}: who is online (contract section 4). */
@RestController
@RequestMapping("/api/presence")
@Tag(name = "Presence")
@SecurityRequirement(name = "bearer")
public class PresenceController {

    private final PresenceService presence;

    public PresenceController(PresenceService presence) {
        this.presence = presence;
    }

    /** A user's presence; the sockets are shown to the user himself and to admins only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserPresenceResponse(String userId, boolean online, List<PresentSocket> sockets) {
    }

    /** The number of distinct users online. */
    public record CountResponse(long count) {
    }

    @GetMapping("/users/{userId}")
    @Operation(summary = "Whether a user is online; his sockets for himself or an admin")
    public UserPresenceResponse user(@PathVariable String userId, AuthenticatedUser caller) {
        Ids.require("userId", userId);
        List<PresentSocket> sockets = unavailableWhileStarting(() -> presence.getUserSockets(userId));
        boolean maySeeSockets = caller.userId().equals(userId) || caller.isAdmin();
        return new UserPresenceResponse(userId, !sockets.isEmpty(), maySeeSockets ? sockets : null);
    }

    @GetMapping("/online-count")
    @Operation(summary = "Distinct users online across every gateway (admin only)")
    public CountResponse onlineCount(AuthenticatedUser caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only admins may read the online count");
        }
        return new CountResponse(unavailableWhileStarting(presence::getOnlineUsersCount));
    }

    private static <T> T unavailableWhileStarting(Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException notReady) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "Presence is not available yet, retry shortly");
        }
    }
}
