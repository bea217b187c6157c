package com.ticketing.gateway.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;

/** The JSON bodies of the forwarded REST paths (contract section 4), as OpenAPI component schemas. */
final class ApiSchemas {

    static final String MESSAGE = "Message";
    static final String MESSAGES_LIST = "MessageList";
    static final String SEND_MESSAGE = "SendMessageRequest";
    static final String CONVERSATIONS = "ConversationList";
    static final String SEARCH_RESULTS = "MessageSearchResults";
    static final String REPORT_MESSAGE = "ReportMessageRequest";
    static final String BLOCKED_USERS = "BlockedUserList";
    static final String COUNT = "Count";
    static final String MONEY = "Money";
    static final String LISTING = "Listing";
    static final String TRANSACTION = "Transaction";
    static final String ERROR = "Error";

    private ApiSchemas() {
    }

    static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    static void addTo(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        components.addSchemas(MONEY, new ObjectSchema().description("A decimal string plus an ISO-4217 currency")
                .addProperty("amount", new StringSchema().example("120.00"))
                .addProperty("currency", new StringSchema().example("USD")).required(List.of("amount", "currency")));
        components.addSchemas(MESSAGE, new ObjectSchema()
                .addProperty("id", new StringSchema())
                .addProperty("senderId", new StringSchema())
                .addProperty("receiverId", new StringSchema())
                .addProperty("content", new StringSchema())
                .addProperty("transactionId", new StringSchema().nullable(true))
                .addProperty("listingId", new StringSchema().nullable(true))
                .addProperty("isRead", new BooleanSchema())
                .addProperty("createdAt", new DateTimeSchema())
                .addProperty("updatedAt", new DateTimeSchema()));
        components.addSchemas(MESSAGES_LIST, new ArraySchema().items(ref(MESSAGE)));
        components.addSchemas(SEND_MESSAGE, new ObjectSchema()
                .addProperty("receiverId", new StringSchema().example("bob"))
                .addProperty("content", new StringSchema().minLength(1).maxLength(5000).example("Are the seats together?"))
                .addProperty("transactionId", new StringSchema())
                .addProperty("listingId", new StringSchema())
                .required(List.of("receiverId", "content")));
        components.addSchemas(CONVERSATIONS, new ArraySchema().items(new ObjectSchema()
                .addProperty("userId", new StringSchema())
                .addProperty("lastMessage", ref(MESSAGE))
                .addProperty("unreadCount", new IntegerSchema())));
        components.addSchemas(SEARCH_RESULTS, new ArraySchema().items(new ObjectSchema()
                .addProperty("message", ref(MESSAGE))
                .addProperty("snippet", new StringSchema().description("The matching part of the content"))));
        components.addSchemas(REPORT_MESSAGE, new ObjectSchema()
                .addProperty("reason", new StringSchema().minLength(1).maxLength(1000).example("Asked to pay outside the site"))
                .required(List.of("reason")));
        components.addSchemas(BLOCKED_USERS, new ArraySchema().items(new ObjectSchema()
                .addProperty("userId", new StringSchema())
                .addProperty("blockedAt", new DateTimeSchema())));
        components.addSchemas(COUNT, new ObjectSchema().addProperty("count", new IntegerSchema()));
        components.addSchemas(LISTING, new ObjectSchema()
                .addProperty("listingId", new StringSchema())
                .addProperty("sellerId", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new StringSchema()._enum(List.of("active", "sold", "expired", "suspended")))
                .addProperty("quantity", new IntegerSchema())
                .addProperty("price", ref(MONEY))
                .addProperty("version", new IntegerSchema().format("int64"))
                .addProperty("createdAt", new DateTimeSchema())
                .addProperty("updatedAt", new DateTimeSchema()));
        components.addSchemas(TRANSACTION, new ObjectSchema()
                .addProperty("transactionId", new StringSchema())
                .addProperty("listingId", new StringSchema())
                .addProperty("buyerId", new StringSchema())
                .addProperty("sellerId", new StringSchema())
                .addProperty("quantity", new IntegerSchema())
                .addProperty("amount", ref(MONEY))
                .addProperty("status", new StringSchema()._enum(List.of("pending", "payment_received",
                        "payment_confirmed", "completed", "disputed", "cancelled")))
                .addProperty("version", new IntegerSchema().format("int64"))
                .addProperty("createdAt", new DateTimeSchema())
                .addProperty("updatedAt", new DateTimeSchema()));
        components.addSchemas(ERROR, new ObjectSchema().addProperty("error", new ObjectSchema()
                .addProperty("code", new StringSchema()._enum(List.of("VALIDATION", "UNAUTHORIZED", "FORBIDDEN",
                        "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "UNAVAILABLE")))
                .addProperty("message", new StringSchema())));
        api.setComponents(components);
    }
}
