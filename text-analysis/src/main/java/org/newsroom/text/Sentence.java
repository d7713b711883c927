package org.newsroom.text;

/** A sentence as a half-open character range of the normalized text. */
public record Sentence(int start, int end) {}
