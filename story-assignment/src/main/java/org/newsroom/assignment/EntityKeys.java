package org.newsroom.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Match keys of an entity name: the normalized full name and, for a multi-word name, its last word, so that
 * "Trump" in one report meets "Donald J. Trump" in another and "F.B.I." meets "FBI".
 */
final class EntityKeys {

    private static final int MIN_SURNAME_LENGTH = 3;

    private EntityKeys() {
    }

    static List<String> of(String name) {
        String full = normalize(name);
        if (full.isEmpty()) {
            return List.of();
        }
        int space = full.lastIndexOf(' ');
        List<String> keys = new ArrayList<>(2);
        keys.add(full);
        if (space > 0 && full.length() - space - 1 >= MIN_SURNAME_LENGTH) {
            keys.add(full.substring(space + 1));
        }
        return keys;
    }

    /** Lower case, dots and apostrophes dropped, a possessive 's and a leading "the" removed, words single-spaced. */
    static String normalize(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("’s", "").replace("'s", "");
        StringBuilder out = new StringBuilder(lower.length());
        boolean pendingSpace = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '.' || c == '\'' || c == '’') {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            } else {
                pendingSpace = true;
            }
        }
        if (out.length() > 4 && out.substring(0, 4).equals("the ")) {
            out.delete(0, 4);
        }
        return out.toString();
    }
}
