package org.newsroom.events;

/** The stream moved on since the caller read it: re-read and decide again. */
public class ConcurrencyConflictException extends RuntimeException {

    public ConcurrencyConflictException(String streamId, int expectedVersion, String why) {
        super("stream " + streamId + " is not at version " + expectedVersion + ": " + why);
    }
}
