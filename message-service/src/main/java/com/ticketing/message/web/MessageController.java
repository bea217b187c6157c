package com.ticketing.message.web;

import com.ticketing.message.messaging.WriteRateLimits;
import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.web.ApiErrorBody;
import com.ticketing.auth.web.ApiException;
import com.ticketing.events.payload.message.MessageView;
import com.ticketing.message.messaging.MessageProperties;
import com.ticketing.message.messaging.MessageReads;
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

    static final int SEARCH_PAGE_SIZE = 20;

    private final MessageService messages;
    private final MessageReads reads;
    private final MessageRules rules;
    private final WriteRateLimits rateLimits;
    private final MessageProperties properties;

    public MessageController(MessageService messages, MessageReads reads, MessageRules rules,
                             WriteRateLimits rateLimits, MessageProperties properties) {
        this.messages = messages;
        this.reads = reads;
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
    @ApiResponse(responseCode = "429", description = "Too many sends, socket and REST together (RATE_LIMITED)", headers = @Header(name = "Retry-After", description = "seconds"), content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public Mono<ResponseEntity<MessageView>> send(@Parameter(hidden = true) AuthenticatedUser user,
                                                  @RequestBody SendMessageBody body) {
        return Mono.defer(() -> {
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
        return Flux.defer(() -> reads.conversations(user.userId(), page(limit, offset)))
                .map(ConversationView::of).collectList();
    }

    @GetMapping("/conversation/{userId}")
    @Operation(summary = "Messages between the caller and userId, newest first",
            description = "With before={messageId}: the page of messages older than that one (keyset paging, "
                    + "stable while new messages arrive; the id of the last message of the previous page). "
                    + "offset is still accepted, but not together with before.")
    @ApiResponse(responseCode = "404", description = "before names no message of this conversation (NOT_FOUND)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public Mono<List<MessageView>> conversation(@Parameter(hidden = true) AuthenticatedUser user,
                                                @PathVariable String userId,
                                                @Parameter(description = "default 50, at most 100") @RequestParam(required = false) Integer limit,
                                                @RequestParam(required = false) Long offset,
                                                @Parameter(description = "a message id: the page older than it") @RequestParam(required = false) String before) {
        return views(Flux.defer(() -> {
            if (before == null) {
                return reads.conversation(user.userId(), userId, page(limit, offset));
            }
            if (offset != null) {
                throw ApiException.validation("before and offset cannot be combined");
            }
            return reads.conversationBefore(user.userId(), userId, before, page(limit, 0L).limit());
        }));
    }

    @GetMapping("/search")
    @Operation(summary = "The caller's messages (sent or received) matching all the words, newest first",
            description = "Each hit carries a plain-text snippet of the content around the match. Page on with "
                    + "before={id of the last hit}.")
    @ApiResponse(responseCode = "404", description = "before names none of the caller's messages (NOT_FOUND)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public Mono<List<SearchHitView>> search(@Parameter(hidden = true) AuthenticatedUser user,
                                            @Parameter(description = "the words, 1 to 200 characters") @RequestParam(required = false) String q,
                                            @Parameter(description = "default 20, at most 100") @RequestParam(required = false) Integer limit,
                                            @Parameter(description = "a message id: hits older than it") @RequestParam(required = false) String before) {
        return Flux.defer(() -> reads.search(user.userId(), q, before,
                        Math.min(limit == null ? SEARCH_PAGE_SIZE : positive(limit), properties.maxPageSize())))
                .map(SearchHitView::of).collectList();
    }

    @PostMapping("/{messageId}/report")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report a message for moderation; only its receiver may",
            description = "202: a message.reported event with the content as it is now goes to moderation.reports. "
                    + "Reporting a message again changes nothing.")
    @ApiResponse(responseCode = "202", description = "Reported")
    @ApiResponse(responseCode = "403", description = "The caller is the sender (FORBIDDEN)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "No such message in the caller's conversations (NOT_FOUND)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public Mono<Void> report(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String messageId,
                             @RequestBody(required = false) ReportBody body) {
        return Mono.defer(() -> {
            WriteRateLimits.enforce(rateLimits.tryOtherWrite(user.userId()));
            return messages.report(user.userId(), messageId, body == null ? null : body.reason());
        });
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many received messages the caller has not read")
    public Mono<CountView> unreadCount(@Parameter(hidden = true) AuthenticatedUser user) {
        return reads.unreadCount(user.userId()).map(CountView::new);
    }

    @PutMapping("/{messageId}/read")
    @Operation(summary = "Mark one message read; only its receiver may")
    @ApiResponse(responseCode = "403", description = "The caller is the sender (FORBIDDEN)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "No such message in the caller's conversations (NOT_FOUND)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public Mono<MessageView> markRead(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String messageId) {
        return Mono.defer(() -> {
            WriteRateLimits.enforce(rateLimits.tryOtherWrite(user.userId()));
            return messages.markRead(user.userId(), messageId);
        }).map(StoredMessage::view);
    }

    @PutMapping("/conversation/{userId}/read")
    @Operation(summary = "Mark every message from userId to the caller read")
    public Mono<CountView> markConversationRead(@Parameter(hidden = true) AuthenticatedUser user,
                                                @PathVariable String userId) {
        return Mono.defer(() -> {
            WriteRateLimits.enforce(rateLimits.tryOtherWrite(user.userId()));
            return messages.markConversationRead(user.userId(), userId);
        }).map(CountView::new);
    }

    @GetMapping("/transaction/{transactionId}")
    @Operation(summary = "The caller's messages about a transaction, newest first")
    public Mono<List<MessageView>> aboutTransaction(@Parameter(hidden = true) AuthenticatedUser user,
                                                    @PathVariable String transactionId,
                                                    @RequestParam(required = false) Integer limit,
                                                    @RequestParam(required = false) Long offset) {
        return views(Flux.defer(() -> reads.aboutTransaction(user.userId(), transactionId, page(limit, offset))));
    }

    @GetMapping("/listing/{listingId}")
    @Operation(summary = "The caller's messages about a listing, newest first")
    public Mono<List<MessageView>> aboutListing(@Parameter(hidden = true) AuthenticatedUser user,
                                                @PathVariable String listingId,
                                                @RequestParam(required = false) Integer limit,
                                                @RequestParam(required = false) Long offset) {
        return views(Flux.defer(() -> reads.aboutListing(user.userId(), listingId, page(limit, offset))));
    }

    @DeleteMapping("/{messageId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a message; only its sender may")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "The caller is the receiver (FORBIDDEN)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    @ApiResponse(responseCode = "404", description = "No such message in the caller's conversations (NOT_FOUND)", content = @Content(schema = @Schema(implementation = ApiErrorBody.class)))
    public Mono<Void> delete(@Parameter(hidden = true) AuthenticatedUser user, @PathVariable String messageId) {
        return Mono.defer(() -> {
            WriteRateLimits.enforce(rateLimits.tryOtherWrite(user.userId()));
            return messages.delete(user.userId(), messageId);
        });
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw ApiException.validation("limit must be at least 1");
        }
        return limit;
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
}
