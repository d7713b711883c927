package org.newsroom.events;

/** An event with the same id is already in the log: the append was a repeat and added nothing. */
public class DuplicateEventException extends RuntimeException {

    public DuplicateEventException(String detail) {
        super(detail);
    }
}
