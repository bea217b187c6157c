package com.ticketing.message.block;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.web.ApiErrorBody;
import com.ticketing.message.messaging.WriteRateLimits;
import com.ticketing.message.web.WebConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Blocking of contract section 4: {@code PUT/DELETE /api/users/{userId}/block}, {@code GET /api/users/blocked}. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "blocking", description = "Blocking users: no messages and no typing either way")
@SecurityRequirement(name = WebConfiguration.BEARER)
@ApiResponse(responseCode = "400", description = "Invalid user id, or the caller's own (VALIDATION)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
@ApiResponse(responseCode = "401", description = "Missing, expired or invalid token (UNAUTHORIZED)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
public class BlockController {

    private final BlockService blocks;
    private final WriteRateLimits rateLimits;

    public BlockController(BlockService blocks, WriteRateLimits rateLimits) {
        this.blocks = blocks;
        this.rateLimits = rateLimits;
    }

    @PutMapping("/{userId}/block")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Block a user: neither of you can message or type to the other until you unblock")
    public Mono<Void> block(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String userId) {
        return Mono.defer(() -> {
            WriteRateLimits.enforce(rateLimits.tryOtherWrite(user.userId()));
            return blocks.block(user.userId(), userId);
        });
    }

    @DeleteMapping("/{userId}/block")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Unblock a user (no error when there was no block)")
    public Mono<Void> unblock(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String userId) {
        return Mono.defer(() -> {
            WriteRateLimits.enforce(rateLimits.tryOtherWrite(user.userId()));
            return blocks.unblock(user.userId(), userId);
        });
    }

    @GetMapping("/blocked")
    @Operation(summary = "The users the caller blocks, newest block first")
    public Mono<List<BlockedView>> blocked(@Parameter(hidden = true) AuthenticatedUser user) {
        return blocks.blockedBy(user.userId()).map(block -> new BlockedView(block.userId(), block.blockedAt()))
                .collectList();
    }

    /** One entry of {@code GET /api/users/blocked}. */
    public record BlockedView(String userId, Instant blockedAt) {
    }
}
