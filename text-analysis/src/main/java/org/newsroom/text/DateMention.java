package org.newsroom.text;

import java.time.LocalDate;

/** A date expression in the text and the calendar date it resolves to (null when it cannot be resolved). */
public record DateMention(String text, int start, int end, LocalDate date) {}
