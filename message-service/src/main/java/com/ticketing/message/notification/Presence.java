package com.ticketing.message.notification;

/** Whether a user has a live socket on any gateway, as message-service last heard it. */
public interface Presence {

    boolean isOnline(String userId);
}
