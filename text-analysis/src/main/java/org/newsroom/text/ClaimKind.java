package org.newsroom.text;

/** The kinds of check-worthy claims. */
public enum ClaimKind { QUOTE, REPORTED, QUANTITY, STATEMENT }
