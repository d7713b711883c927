package org.newsroom.query.view;

/**
 * A JSON output that takes remembered values by reference: a serializer that writes a value it has kept as ASCII JSON
 * hands the string over instead of copying its bytes, and the sink puts it in its place.
 */
public interface PieceSink {

    /** The next bytes of the output are {@code asciiJson}, after whatever was written before. */
    void piece(String asciiJson);
}
