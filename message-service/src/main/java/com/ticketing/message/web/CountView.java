package com.ticketing.message.web;

/** {@code {"count": n}}. */
public record CountView(long count) {
}
