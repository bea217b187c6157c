package com.ticketing.message.messaging;

/** A message operation the rules refuse; the REST layer and the command consumer each map it to their answer. */
public class MessageRefusedException extends RuntimeException {

    private final Refusal refusal;

    public MessageRefusedException(Refusal refusal, String message) {
        super(message, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    static MessageRefusedException invalid(String message) {
        return new MessageRefusedException(Refusal.VALIDATION, message);
    }
}
