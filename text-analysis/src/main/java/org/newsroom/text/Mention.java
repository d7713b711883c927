package org.newsroom.text;

/** One occurrence of an entity; {@code text} equals the text between start and end. */
public record Mention(int start, int end, String text) {}
