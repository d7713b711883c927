package org.newsroom.events;

/**
 * How far a reader has read: the (transaction id, position) of the last event it processed.
 * The log is read in this order, not by position alone, so a late-committing transaction is never skipped.
 */
public record Checkpoint(long transactionId, long position) {

    public static final Checkpoint START = new Checkpoint(0, 0);

    /** Where a reader stands once it has processed {@code event}. */
    public static Checkpoint at(RecordedEvent event) {
        return new Checkpoint(event.transactionId(), event.position());
    }

    /** Whether this point comes after {@code other} in the order the log is read. */
    public boolean isAfter(Checkpoint other) {
        int byTransaction = Long.compareUnsigned(transactionId, other.transactionId);
        return byTransaction > 0 || byTransaction == 0 && position > other.position;
    }
}
