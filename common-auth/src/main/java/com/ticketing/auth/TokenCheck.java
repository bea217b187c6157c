package com.ticketing.auth;

/** The outcome of checking a token: a user, or a refusal with its reason. */
public sealed interface TokenCheck {

    /** The token is valid. */
    record Valid(AuthenticatedUser user) implements TokenCheck {
    }

    /** The token is refused; {@code detail} is for logs only, never for clients. */
    record Refused(AuthFailure failure, String detail) implements TokenCheck {
    }
}
