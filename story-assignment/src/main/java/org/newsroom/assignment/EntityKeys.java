package org.newsroom.assignment;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Match keys of an entity name: the normalized full name and, for a multi-word name, its last word, so that
 * "Trump" in one report meets "Donald J. Trump" in another and "F.B.I." meets "FBI".
 */
final class EntityKeys {

    private static final int MIN_SURNAME_LENGTH = 3;
    /** Names recur across articles and stories: each is normalized once while the cache is under this size. */
    private static final int CACHE_LIMIT = 100_000;
    private static final Map<String, String[]> CACHE = new ConcurrentHashMap<>();

    private EntityKeys() {
    }

    /** The keys of {@code name}, full name first; none for a name without letters or digits. Do not modify. */
    static String[] of(String name) {
        String[] keys = CACHE.get(name);
        if (keys == null) {
            keys = compute(name);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(name, keys);
        }
        return keys;
    }

    private static String[] compute(String name) {
        String full = normalize(name);
        if (full.isEmpty()) {
            return new String[0];
        }
        int space = full.lastIndexOf(' ');
        return space > 0 && full.length() - space - 1 >= MIN_SURNAME_LENGTH
                ? new String[] {full, full.substring(space + 1)}
                : new String[] {full};
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
