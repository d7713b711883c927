package org.newsroom.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Removes page furniture (navigation, prompts, captions, credits, repeated headline) from paragraphs by general rules. */
final class FurnitureFilter {
    /** Result: the body paragraphs kept and the paragraphs removed (the latter still carry wire credits). */
    record Result(List<String> body, List<String> removed) {}

    private static final Pattern SKIP_NAV = Pattern.compile("(?i)^(\\d+\\.\\s*)?(skip|jump|go) to (the )?(main )?(content|menu|navigation|search|footer|more)\\b.*");
    private static final Pattern NUMBERED_SHORT = Pattern.compile("^\\d{1,2}\\.\\s+\\S+(\\s+\\S+){0,5}$");
    private static final Pattern BREADCRUMB = Pattern.compile("^[^.!?:;]{1,30}(\\s+[/>›»|]\\s+[^.!?:;/>›»|]{1,30}){1,6}$");
    private static final Pattern PROMPT = Pattern.compile("(?i)^(register|sign up|sign in|log in|subscribe|join|follow us|"
            + "download (the|our)|click here|tap here|share (this|your|on)|leave a (comment|reply)|please enter|post a comment|"
            + "view comments|show comments|comments?\\s*(\\(\\d+\\))?$|advertisement|story continues|continue reading|read more|read next|"
            + "related( articles| stories| coverage)?:?$|recommended|most read|trending|watch:|listen:|video:|remote video url|"
            + "our standards:|reporting by|additional reporting by|writing by|written by|editing by|edited by|compiled by|"
            + "copyright|©|all rights reserved|get (the|our) latest|sign up for|newsletter|we use cookies|this article (was|is)|"
            + "supported by|skip advertisement|send us your|have a (news )?tip|contact us|email:|reuters.com)\\b.*");
    private static final Pattern PROMO_ANYWHERE = Pattern.compile("(?i)(\\bfor free\\b.*\\baccess\\b|\\bunlimited access\\b|"
            + "\\bnewsletter\\b|\\b(telegram|whatsapp|youtube|instagram|tiktok) channel\\b|\\bdelivered (straight )?to your inbox\\b|"
            + "\\bsubscribe (now|today|to)\\b|\\bfollow us on\\b|\\bdownload our app\\b|\\bcontributed (reporting|to this report)\\b)");
    /** Every match of {@link #PROMO_ANYWHERE} contains one of these. */
    private static final LiteralPrefilter PROMO_WORDS = new LiteralPrefilter("free", "unlimited", "newsletter", "channel",
            "inbox", "subscribe", "follow", "download", "contributed");
    private static final Pattern CAPTION_START = Pattern.compile("(?i)^((image|photo|picture|pictured|photograph|video|"
            + "image source|image caption|media caption|source|credit|credits|getty images|gallery)\\s*[:,|]"
            + "|caption for the image|file (photo|image|picture)\\b).*");
    private static final Pattern CAPTION_LABEL_ONLY = Pattern.compile("(?i)^(image caption|media caption|caption for the image|caption)\\s*[:,]?$");
    /** A photo credit ending the line, possibly glued to the caption ("…on the borderImage: Name/Agency"). */
    private static final Pattern CREDIT_END = Pattern.compile("((?:\\b(?i:image|photo|picture|photograph|credit|foto)"
            + "|(?<=\\p{Ll})(?:Image|Photo|Picture|Photograph|Credit|Foto))s?\\s*:\\s*([^.]|\\.(?!\\s)){2,120}"
            + "|(?i:\\b(via|/)\\s*(reuters|afp|ap|getty images|epa|ap photo)\\b[^\\p{L}]*|\\bgetty images\\b[^\\p{L}]*"
            + "|\\(ap photo[^)]*\\)|/picture alliance\\b.*))$");
    /** Every match of {@link #CREDIT_END} contains one of these ("photograph" and "(ap photo" contain "photo"). */
    private static final LiteralPrefilter CREDIT_WORDS = new LiteralPrefilter("image", "photo", "picture", "credit", "foto",
            "via", "/");
    private static final Pattern BULLET = Pattern.compile("^[•·▪●◦‣*–-]\\s*");
    private static final Pattern LABELLED_LINK = Pattern.compile("^\\p{Lu}{3,}(\\s+\\p{Lu}{2,})*\\s*(:|\\s+[“\"‘'])");
    private static final Pattern DATE_ONLY = Pattern.compile("(?i)^(updated:?\\s*|published:?\\s*)?((mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?"
            + "((\\d{1,2}\\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2}(st|nd|rd|th)?,?\\s+)?\\d{4}|\\d{4}-\\d{2}-\\d{2})"
            + "([, ]+\\d{1,2}[:.]\\d{2}.*)?$");
    private static final Pattern AGENCY_CREDIT_LINE = Pattern.compile("^[a-z]{1,4}(/[a-z]{1,4})*\\s*\\([^)]{2,60}\\)$");
    private static final Pattern TRAILING_PROMPT = Pattern.compile("\\s*(Read more|READ MORE|Read More|Continue reading)\\s*$");
    private static final LiteralPrefilter PROMPT_WORDS = new LiteralPrefilter("read more", "continue reading");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern TERMINAL = Pattern.compile("[.!?\"”’»)]$");

    private FurnitureFilter() {}

    static Result filter(List<String> paragraphs, String title) {
        List<String> body = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        boolean captionFollows = false;
        for (int i = 0; i < paragraphs.size(); i++) {
            String p = paragraphs.get(i);
            boolean drop = captionFollows || isFurniture(paragraphs, i)
                    || (body.isEmpty() && title != null && sameHeadline(p, title))
                    || (isUnterminated(p) && i + 1 < paragraphs.size() && isCaptionCredit(paragraphs.get(i + 1)));
            captionFollows = CAPTION_LABEL_ONLY.matcher(p).matches();
            (drop ? removed : body).add(drop ? p : stripTrailingPrompt(p));
        }
        while (!body.isEmpty() && isTailFurniture(body.get(body.size() - 1))) {
            removed.add(body.remove(body.size() - 1));
        }
        return new Result(body, removed);
    }

    private static boolean isFurniture(List<String> paragraphs, int i) {
        String p = paragraphs.get(i);
        if (SKIP_NAV.matcher(p).matches() || isCaptionCredit(p) || DATE_ONLY.matcher(p).matches()
                || AGENCY_CREDIT_LINE.matcher(p).matches()) {
            return true;
        }
        if (wordCount(p) <= 30 && (PROMPT.matcher(p).matches()
                || PROMO_WORDS.mayMatch(p) && PROMO_ANYWHERE.matcher(p).find())) {
            return true;
        }
        if (BREADCRUMB.matcher(p).matches() && !TERMINAL.matcher(p).find()) {
            return true;
        }
        if (NUMBERED_SHORT.matcher(p).matches() && (neighbourMatches(paragraphs, i, NUMBERED_SHORT))) {
            return true;
        }
        if (BULLET.matcher(p).find()) {
            String item = BULLET.matcher(p).replaceFirst("");
            return LABELLED_LINK.matcher(item).find();
        }
        return false;
    }

    private static boolean isCaptionCredit(String p) {
        return CAPTION_START.matcher(p).matches() && wordCount(p) <= 40
                || CREDIT_WORDS.mayMatch(p) && CREDIT_END.matcher(p).find();
    }

    private static boolean neighbourMatches(List<String> paragraphs, int i, Pattern pattern) {
        return (i > 0 && pattern.matcher(paragraphs.get(i - 1)).matches())
                || (i + 1 < paragraphs.size() && pattern.matcher(paragraphs.get(i + 1)).matches());
    }

    /** Short unpunctuated lines at the very end are link lists, app badges or section labels, not body. */
    private static boolean isTailFurniture(String p) {
        return (isUnterminated(p) && wordCount(p) <= 12) || p.endsWith(":");
    }

    private static boolean isUnterminated(String p) {
        return !TERMINAL.matcher(p).find();
    }

    private static String stripTrailingPrompt(String p) {
        return PROMPT_WORDS.mayMatch(p) ? TRAILING_PROMPT.matcher(p).replaceFirst("") : p;
    }

    static boolean sameHeadline(String paragraph, String title) {
        String a = squash(paragraph);
        String b = squash(title);
        return !b.isEmpty() && (a.equals(b) || (a.length() < b.length() + 20 && a.startsWith(b)));
    }

    private static String squash(String s) {
        return NOT_ALPHANUMERIC.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Words of the trimmed text: runs of characters other than regex {@code \s} (space, \t, \n, \x0B, \f, \r). */
    static int wordCount(String s) {
        String t = s.trim();
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean space = c == ' ' || (c >= '\t' && c <= '\r');
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
