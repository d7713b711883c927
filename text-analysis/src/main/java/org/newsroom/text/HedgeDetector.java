package org.newsroom.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Detects hedging ("reportedly", "without evidence") and retraction cues ("retracted", "later corrected") in a span. */
final class HedgeDetector {
    private static final Pattern HEDGES = Pattern.compile("(?i)\\b(reportedly|allegedly|purportedly|supposedly|apparently|"
            + "(?:is|are|was|were) (?:widely )?(?:believed|thought|said|reported|understood|alleged|estimated) to|"
            + "it is (?:widely )?(?:believed|thought|understood|alleged)|believed to|thought to|"
            + "without (?:providing |giving |offering |presenting |citing )?(?:any )?evidence|"
            + "(?:did|does|has) not (?:provide|give|offer|present|cite|produce) (?:any )?(?:evidence|proof)|"
            + "unconfirmed|unverified|could not be (?:independently )?verified|"
            + "cannot be (?:independently )?verified|not (?:been )?independently verified|unsubstantiated|"
            + "it (?:is|was) (?:not )?(?:clear|unclear)|may have|might have|appears? to|appeared to|seems? to|seemed to|"
            + "according to (?:unconfirmed|preliminary) (?:reports?|figures|data))\\b");
    private static final Pattern RETRACTION = Pattern.compile("(?i)\\b(retract(?:ed|s|ing)?|(?:later |subsequently )corrected|"
            + "withdr(?:ew|awn) (?:a|the|its|his|her|their) (?:statement|claim|report|remark|comment)s?|walked back|"
            + "backtracked|deleted (?:a|the) (?:tweet|post|statement)|issued a correction|correction:|rescinded)\\b");

    /** Every match of {@link #HEDGES} contains one of these ("alleged" in "allegedly", "verified" in "unverified"). */
    private static final LiteralPrefilter HEDGE_WORDS = new LiteralPrefilter("reportedly", "alleged", "purportedly",
            "supposedly", "apparently", "believed", "thought", "understood", "said to", "reported to", "estimated to",
            "evidence", "proof", "unconfirmed", "verified", "unsubstantiated", "clear", "may have", "might have", "appear",
            "seem", "according to");
    /** Every match of {@link #RETRACTION} contains one of these. */
    private static final LiteralPrefilter RETRACTION_WORDS = new LiteralPrefilter("retract", "corrected", "withdr",
            "walked back", "backtracked", "deleted", "correction", "rescinded");

    private HedgeDetector() {}

    static List<String> hedges(String span) {
        if (!HEDGE_WORDS.mayMatch(span)) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = HEDGES.matcher(span);
        while (m.find()) {
            found.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return new ArrayList<>(found);
    }

    static boolean retracted(String span) {
        return RETRACTION_WORDS.mayMatch(span) && RETRACTION.matcher(span).find();
    }
}
