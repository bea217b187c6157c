package com.ticketing.auth.web;

import java.util.regex.Pattern;

/** The one rule for ids that clients send (user, listing, transaction, message ids), in every service. */
public final class Ids {

    /** Letters, digits and {@code _ . : @ -}, 1 to 64 characters. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** Throws a 400 {@link ApiException} naming the field if {@code id} is not valid. */
    public static String require(String field, String id) {
        if (!isValid(id)) {
            throw ApiException.validation(problem(field));
        }
        return id;
    }

    /** What a client is told when {@code field} breaks the rule. */
    public static String problem(String field) {
        return field + " must be 1 to 64 letters, digits or _ . : @ -";
    }
}
