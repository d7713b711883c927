package org.newsroom.text;

import java.util.regex.Pattern;

/** Test oracle: phrases that only appear in page furniture, never in article claims. */
final class Boilerplate {
    private static final Pattern FURNITURE = Pattern.compile("(?i)skip to|register now|unlimited access|image:|photo:|"
            + "image source|caption for the image|remote video url|telegram channel|leave a comment|enter your|"
            + "share your comment|our standards|reporting by|alternate addresses|read more$");

    private Boilerplate() {}

    static boolean looksLike(String claimText) {
        return FURNITURE.matcher(claimText).find();
    }
}
