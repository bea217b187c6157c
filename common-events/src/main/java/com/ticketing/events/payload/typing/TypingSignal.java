package com.ticketing.events.payload.typing;

/** {@code typing.started} / {@code typing.stopped}: {@code userId} is (no longer) typing to {@code receiverId}. */
public record TypingSignal(String userId, String receiverId) {
}
