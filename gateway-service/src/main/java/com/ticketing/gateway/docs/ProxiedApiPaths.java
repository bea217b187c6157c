package com.ticketing.gateway.docs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds the REST paths the gateway forwards to message-service and listing-events-service (contract
 * section 4) to the gateway's OpenAPI description, and drops the catch-all patterns of the routing
 * and Socket.IO router functions, which are not endpoints a client calls.
 */
final class ProxiedApiPaths implements OpenApiCustomizer {

    static final String MESSAGES = "Messages";
    static final String USERS = "Users";
    static final String LISTINGS = "Listings";
    static final String TRANSACTIONS = "Transactions";

    @Override
    public void customise(OpenAPI api) {
        Paths paths = api.getPaths() == null ? new Paths() : api.getPaths();
        paths.keySet().removeIf(path -> path.contains("*") || path.startsWith("/socket.io"));
        ApiSchemas.addTo(api);

        paths.addPathItem("/api/messages", new PathItem().post(op(MESSAGES, "Send a direct message", "sendMessage")
                .requestBody(new RequestBody().required(true).content(json(ApiSchemas.ref(ApiSchemas.SEND_MESSAGE))))
                .responses(answers("201", "The stored message", ApiSchemas.MESSAGE, "400", "429", "503"))));
        paths.addPathItem("/api/messages/conversations", new PathItem().get(op(MESSAGES,
                "The caller's conversations, newest first", "listConversations")
                .responses(answers("200", "One entry per other user", ApiSchemas.CONVERSATIONS))));
        paths.addPathItem("/api/messages/conversation/{userId}", new PathItem().get(op(MESSAGES,
                "Messages between the caller and userId, newest first", "getConversation")
                .addParametersItem(pathParam("userId")).addParametersItem(queryInt("limit", 50, "At most 100"))
                .addParametersItem(queryInt("offset", 0, "Messages to skip"))
                .addParametersItem(queryString("before", "Only messages older than this one (keyset paging)"))
                .responses(answers("200", "The messages", ApiSchemas.MESSAGES_LIST, "400"))));
        paths.addPathItem("/api/messages/search", new PathItem().get(op(MESSAGES,
                "The caller's messages (sent or received) matching all the words, newest first", "searchMessages")
                .addParametersItem(queryString("q", "The words to match").required(true))
                .addParametersItem(queryInt("limit", 20, "How many results"))
                .addParametersItem(queryString("before", "Only messages older than this one (keyset paging)"))
                .responses(answers("200", "The matching messages with a snippet", ApiSchemas.SEARCH_RESULTS, "400"))));
        paths.addPathItem("/api/messages/conversation/{userId}/read", new PathItem().put(op(MESSAGES,
                "Mark every message from userId to the caller read", "markConversationRead")
                .addParametersItem(pathParam("userId"))
                .responses(answers("200", "How many were marked", ApiSchemas.COUNT, "400"))));
        paths.addPathItem("/api/messages/unread-count", new PathItem().get(op(MESSAGES,
                "How many messages to the caller are unread", "unreadCount")
                .responses(answers("200", "The count", ApiSchemas.COUNT))));
        paths.addPathItem("/api/messages/{messageId}/read", new PathItem().put(op(MESSAGES,
                "Mark a message read (its receiver only); the sender gets message:read", "markMessageRead")
                .addParametersItem(pathParam("messageId"))
                .responses(answers("200", "The message", ApiSchemas.MESSAGE, "403", "404"))));
        paths.addPathItem("/api/messages/{messageId}/report", new PathItem().post(op(MESSAGES,
                "Report a message for moderation (its receiver only)", "reportMessage")
                .addParametersItem(pathParam("messageId"))
                .requestBody(new RequestBody().required(true).content(json(ApiSchemas.ref(ApiSchemas.REPORT_MESSAGE))))
                .responses(answers("202", "Reported", null, "400", "403", "404"))));
        paths.addPathItem("/api/messages/{messageId}", new PathItem().delete(op(MESSAGES,
                "Delete a message (its sender only)", "deleteMessage")
                .addParametersItem(pathParam("messageId"))
                .responses(answers("204", "Deleted", null, "403", "404"))));
        paths.addPathItem("/api/messages/transaction/{transactionId}", new PathItem().get(op(MESSAGES,
                "The caller's messages about a transaction", "messagesOfTransaction")
                .addParametersItem(pathParam("transactionId"))
                .responses(answers("200", "The messages", ApiSchemas.MESSAGES_LIST, "400"))));
        paths.addPathItem("/api/messages/listing/{listingId}", new PathItem().get(op(MESSAGES,
                "The caller's messages about a listing", "messagesOfListing")
                .addParametersItem(pathParam("listingId"))
                .responses(answers("200", "The messages", ApiSchemas.MESSAGES_LIST, "400"))));
        paths.addPathItem("/api/users/{userId}/block", new PathItem()
                .put(op(USERS, "Block userId: neither may message or type to the other", "blockUser")
                        .addParametersItem(pathParam("userId"))
                        .responses(answers("204", "Blocked", null, "400")))
                .delete(op(USERS, "Lift the caller's block of userId", "unblockUser")
                        .addParametersItem(pathParam("userId"))
                        .responses(answers("204", "Unblocked", null, "400"))));
        paths.addPathItem("/api/users/blocked", new PathItem().get(op(USERS,
                "The users the caller blocked", "listBlockedUsers")
                .responses(answers("200", "One entry per blocked user", ApiSchemas.BLOCKED_USERS))));
        paths.addPathItem("/api/listings/{listingId}", new PathItem().get(op(LISTINGS,
                "A listing's current state (any signed-in user)", "getListing")
                .addParametersItem(pathParam("listingId"))
                .responses(answers("200", "The listing", ApiSchemas.LISTING, "404", "503"))));
        paths.addPathItem("/api/transactions/{transactionId}", new PathItem().get(op(TRANSACTIONS,
                "A transaction's current state (buyer, seller or admin)", "getTransaction")
                .addParametersItem(pathParam("transactionId"))
                .responses(answers("200", "The transaction", ApiSchemas.TRANSACTION, "403", "404", "503"))));
        api.setPaths(paths);
    }

    private static Operation op(String tag, String summary, String operationId) {
        return new Operation().addTagsItem(tag).summary(summary).operationId(operationId);
    }

    private static Parameter pathParam(String name) {
        return new Parameter().in("path").name(name).required(true)
                .schema(new StringSchema().pattern("^[A-Za-z0-9_.:@-]{1,64}$"));
    }

    private static Parameter queryInt(String name, int defaultValue, String description) {
        return new Parameter().in("query").name(name).required(false).description(description)
                .schema(new IntegerSchema()._default(defaultValue).minimum(java.math.BigDecimal.ZERO));
    }

    private static Parameter queryString(String name, String description) {
        return new Parameter().in("query").name(name).required(false).description(description)
                .schema(new StringSchema());
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }

    /** The success answer, the errors every path shares (401) and the extra error statuses given. */
    private static ApiResponses answers(String status, String description, String schema, String... errors) {
        ApiResponse success = new ApiResponse().description(description);
        if (schema != null) {
            success.content(json(ApiSchemas.ref(schema)));
        }
        ApiResponses responses = new ApiResponses().addApiResponse(status, success);
        responses.addApiResponse("401", error("Missing, expired or invalid token"));
        for (String error : errors) {
            responses.addApiResponse(error, error(ERROR_DESCRIPTIONS.get(error)));
        }
        return responses;
    }

    private static final Map<String, String> ERROR_DESCRIPTIONS = Map.of(
            "400", "Invalid input (VALIDATION)",
            "403", "Not allowed for the caller (FORBIDDEN)",
            "404", "No such resource (NOT_FOUND)",
            "429", "Too many messages; see Retry-After (RATE_LIMITED)",
            "503", "The service behind the gateway is unavailable (UNAVAILABLE)");

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(json(ApiSchemas.ref(ApiSchemas.ERROR)));
    }
}
