package com.ticketing.auth;

/** Why a token was refused, with the message clients see (contract section 3). */
public enum AuthFailure {
    MISSING("Authentication required"),
    EXPIRED("Token expired"),
    INVALID("Invalid token"),
    /** A valid signature on a {@code sub} that breaks the id rule, so that the user could never be addressed. */
    INVALID_SUBJECT("Invalid token: " + com.ticketing.auth.web.Ids.problem("sub"));

    private final String clientMessage;

    AuthFailure(String clientMessage) {
        this.clientMessage = clientMessage;
    }

    /** The message a refused client gets in {@code connect_error} or the 401 body. */
    public String clientMessage() {
        return clientMessage;
    }
}
