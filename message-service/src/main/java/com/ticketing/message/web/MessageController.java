package com.ticketing.message.web;

import com.ticketing.auth.ratelimit.RateLimitDecision;
import com.ticketing.message.messaging.WriteRateLimits;
import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.web.ApiErrorBody;
import com.ticketing.auth.web.ApiException;
import com.ticketing.events.payload.message.MessageView;
import com.ticketing.message.messaging.MessageProperties;
import com.ticketing.message.messaging.MessageRules;
import com.ticketing.message.messaging.MessageService;
import com.ticketing.message.messaging.SendMessage;
import com.ticketing.message.store.Page;
import com.ticketing.message.store.StoredMessage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The message endpoints of contract section 4. The caller comes from the bearer token; every read
 * and change is limited to conversations he belongs to; lists are newest first.
 */
@RestController
@RequestMapping("/api/messages")
@Tag(name = "messages", description = "Direct messages between users")
@SecurityRequirement(name = WebConfiguration.BEARER)
@ApiResponse(responseCode = "400", description = "Invalid input (VALIDATION)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
@ApiResponse(responseCode = "401", description = "Missing, expired or invalid token (UNAUTHORIZED)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
public class MessageController {

    private final MessageService messages;
    private final MessageRules rules;
    private final WriteRateLimits rateLimits;
    private final MessageProperties properties;

    public MessageController(MessageService messages, MessageRules rules, WriteRateLimits rateLimits,
                             MessageProperties properties) {
        this.messages = messages;
        this.rules = rules;
        this.rateLimits = rateLimits;
        this.properties = properties;
    }

    @PostMapping
    @Operation(summary = "Send a message",
            description = "201 with the stored message. With a clientMessageId already used by the caller for the "
                    + "same message: 200 with the stored message and nothing stored again; for another message: 409.")
    @ApiResponse(responseCode = "201", description = "Stored")
    @ApiResponse(responseCode = "200", description = "Idempotent replay of an earlier send with the same clientMessageId")
    @ApiResponse(responseCode = "409", description = "clientMessageId already used for another message (CONFLICT)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    @ApiResponse(responseCode = "429", description = "Too many sends (RATE_LIMITED)", headers = @Header(name = "Retry-After", description = "seconds"), content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public Mono<ResponseEntity<MessageView>> send(@Parameter(hidden = true) AuthenticatedUser user,
                                                  @RequestBody SendMessageBody body) {
        return Mono.defer(() -> {
            limited(rateLimits.trySend(user.userId()));
            SendMessage request = rules.send(user.userId(), body.receiverId(), body.content(), body.transactionId(),
                    body.listingId(), body.clientMessageId());
            return messages.send(request, false);
        }).map(outcome -> ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.message().view()));
    }

    @GetMapping("/conversations")
    @Operation(summary = "The caller's conversations, newest conversation first, with the last message and his unread count")
    public Mono<List<ConversationView>> conversations(@Parameter(hidden = true) AuthenticatedUser user,
                                                      @Parameter(description = "at most 100") @RequestParam(required = false) Integer limit,
                                                      @RequestParam(required = false) Long offset) {
        return Flux.defer(() -> messages.conversations(user.userId(), page(limit, offset)))
                .map(ConversationView::of).collectList();
    }

    @GetMapping("/conversation/{userId}")
    @Operation(summary = "Messages between the caller and userId, newest first")
    public Mono<List<MessageView>> conversation(@Parameter(hidden = true) AuthenticatedUser user,
                                                @PathVariable String userId,
                                                @Parameter(description = "default 50, at most 100") @RequestParam(required = false) Integer limit,
                                                @RequestParam(required = false) Long offset) {
        return views(Flux.defer(() -> messages.conversation(user.userId(), userId, page(limit, offset))));
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many received messages the caller has not read")
    public Mono<CountView> unreadCount(@Parameter(hidden = true) AuthenticatedUser user) {
        return messages.unreadCount(user.userId()).map(CountView::new);
    }

    @PutMapping("/{messageId}/read")
    @Operation(summary = "Mark one message read; only its receiver may")
    @ApiResponse(responseCode = "403", description = "The caller is the sender (FORBIDDEN)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "No such message in the caller's conversations (NOT_FOUND)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public Mono<MessageView> markRead(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String messageId) {
        return Mono.defer(() -> {
            limited(rateLimits.tryOtherWrite(user.userId()));
            return messages.markRead(user.userId(), messageId);
        }).map(StoredMessage::view);
    }

    @PutMapping("/conversation/{userId}/read")
    @Operation(summary = "Mark every message from userId to the caller read")
    public Mono<CountView> markConversationRead(@Parameter(hidden = true) AuthenticatedUser user,
                                                @PathVariable String userId) {
        return Mono.defer(() -> {
            limited(rateLimits.tryOtherWrite(user.userId()));
            return messages.markConversationRead(user.userId(), userId);
        }).map(CountView::new);
    }

    @GetMapping("/transaction/{transactionId}")
    @Operation(summary = "The caller's messages about a transaction, newest first")
    public Mono<List<MessageView>> aboutTransaction(@Parameter(hidden = true) AuthenticatedUser user,
                                                    @PathVariable String transactionId,
                                                    @RequestParam(required = false) Integer limit,
                                                    @RequestParam(required = false) Long offset) {
        return views(Flux.defer(() -> messages.aboutTransaction(user.userId(), transactionId, page(limit, offset))));
    }

    @GetMapping("/listing/{listingId}")
    @Operation(summary = "The caller's messages about a listing, newest first")
    public Mono<List<MessageView>> aboutListing(@Parameter(hidden = true) AuthenticatedUser user,
                                                @PathVariable String listingId,
                                                @RequestParam(required = false) Integer limit,
                                                @RequestParam(required = false) Long offset) {
        return views(Flux.defer(() -> messages.aboutListing(user.userId(), listingId, page(limit, offset))));
    }

    @DeleteMapping("/{messageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a message; only its sender may")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "The caller is the receiver (FORBIDDEN)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "No such message in the caller's conversations (NOT_FOUND)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public Mono<Void> delete(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String messageId) {
        return Mono.defer(() -> {
            limited(rateLimits.tryOtherWrite(user.userId()));
            return messages.delete(user.userId(), messageId);
        });
    }

    private static Mono<List<MessageView>> views(Flux<StoredMessage> messages) {
        return messages.map(StoredMessage::view).collectList();
    }

    /** Default page size when no limit is given; larger limits are capped, not refused. */
    private Page page(Integer limit, Long offset) {
        int size = limit == null ? properties.defaultPageSize() : limit;
        long skip = offset == null ? 0 : offset;
        if (size < 1) {
            throw ApiException.validation("limit must be at least 1");
        }
        if (skip < 0) {
            throw ApiException.validation("offset must not be negative");
        }
        return new Page(Math.min(size, properties.maxPageSize()), skip);
    }

    private static void limited(RateLimitDecision decision) {
        if (!decision.allowed()) {
            throw ApiException.rateLimited(decision.retryAfter());
        }
    }
}
