package com.ticketing.gateway.block;

/** Whether a block stands between a sender and the user he addresses, and whose. */
public enum Blocking {

    /** Neither blocked the other. */
    NONE,
    /** The receiver blocked the sender (whether or not the sender blocked him too). */
    BY_RECEIVER,
    /** Only the sender blocked the receiver. */
    BY_SENDER;

    /** The contract's words for a sender whom the receiver blocked. */
    public static final String CANNOT_MESSAGE = "You cannot message this user";
}
