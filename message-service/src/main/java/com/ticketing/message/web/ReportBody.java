package com.ticketing.message.web;

/** The body of {@code POST /api/messages/{messageId}/report}. */
public record ReportBody(String reason) {
}
