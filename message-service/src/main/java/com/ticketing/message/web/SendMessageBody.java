package com.ticketing.message.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/messages}; unknown fields and wrong types are refused with 400. */
@Schema(description = "A message to send")
public record SendMessageBody(
        @Schema(description = "The receiving user", requiredMode = Schema.RequiredMode.REQUIRED, example = "bob",
                maxLength = 64, pattern = "[A-Za-z0-9_.:@-]{1,64}") String receiverId,
        @Schema(description = "The text; trimmed, 1 to 5,000 characters", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "Are the tickets still available?") String content,
        @Schema(description = "Transaction the message is about", nullable = true) String transactionId,
        @Schema(description = "Listing the message is about", nullable = true) String listingId,
        @Schema(description = "Idempotency key chosen by the client: a retry with the same key returns the stored "
                + "message with 200 instead of storing a second one", nullable = true) String clientMessageId) {
}
