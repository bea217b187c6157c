package com.ticketing.auth.web;

/** The one JSON error shape of every REST endpoint: {@code {"error":{"code","message"}}}. */
public record ApiErrorBody(Detail error) {

    /** The code and a human-readable message. */
    public record Detail(String code, String message) {
    }

    public static ApiErrorBody of(ErrorCode code, String message) {
        return new ApiErrorBody(new Detail(code.name(), message));
    }
}
