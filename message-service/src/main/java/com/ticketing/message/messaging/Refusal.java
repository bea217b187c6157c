package com.ticketing.message.messaging;

/** Why a message operation was refused; the names are the contract's error codes. */
public enum Refusal {
    VALIDATION,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    RATE_LIMITED
}
