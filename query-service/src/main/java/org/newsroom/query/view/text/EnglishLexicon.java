package org.newsroom.query.view.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The little general English the merger needs: stopwords, negators, irregular verbs, a few synonyms, verb families
 * for counted events and personal titles. Nothing here is about a particular story.
 */
public final class EnglishLexicon {

    private EnglishLexicon() {
    }

    public static final Set<String> STOPWORDS = words(
            "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "as", "of", "at", "by", "for", "with",
            "about", "against", "between", "into", "through", "during", "before", "after", "above", "below", "to",
            "from", "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "once", "here",
            "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other",
            "some", "such", "only", "own", "same", "too", "very", "can", "will", "just", "should", "would", "could",
            "may", "might", "must", "shall", "be", "is", "are", "was", "were", "been", "being", "have", "has", "had",
            "having", "do", "does", "did", "doing", "i", "me", "my", "myself", "we", "our", "ours", "ourselves",
            "you", "your", "yours", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
            "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that",
            "these", "those", "am", "also", "said", "say", "says", "saying", "told", "tell", "tells", "stated",
            "state", "states", "added", "add", "according", "mr", "mrs", "ms", "dr", "while", "because", "until",
            "within", "without", "upon", "via", "per", "like", "yet", "still", "even", "well", "of", "course", "s",
            "t", "one", "ones", "whether", "though", "although", "since", "onto", "across", "among", "around");

    /** Words that turn a statement into its opposite. */
    public static final Set<String> NEGATORS = words("not", "no", "never", "neither", "nor", "none", "nobody",
            "nothing", "cannot");

    private static final Map<String, String> IRREGULAR = pairs(
            "made", "make", "took", "take", "taken", "take", "went", "go", "gone", "go", "began", "begin",
            "begun", "begin", "held", "hold", "arose", "arise", "arisen", "arise", "came", "come", "became",
            "become", "gave", "give", "given", "give", "got", "get", "gotten", "get", "left", "leave", "knew",
            "know", "known", "know", "thought", "think", "brought", "bring", "sought", "seek", "fought", "fight",
            "caught", "catch", "ran", "run", "saw", "see", "seen", "see", "met", "meet", "sent", "send", "spent",
            "spend", "built", "build", "lost", "lose", "kept", "keep", "fled", "flee", "shot", "shoot", "struck",
            "strike", "won", "win", "wrote", "write", "written", "write", "spoke", "speak", "spoken", "speak",
            "broke", "break", "broken", "break", "fell", "fall", "fallen", "fall", "led", "lead", "paid", "pay",
            "rose", "rise", "risen", "rise", "shaken", "shake", "shook", "shake", "children", "child", "men", "man",
            "women", "woman");

    /** Near-synonyms of everyday English, mapped to one representative. */
    private static final Map<String, String> SYNONYMS = pairs(
            "let", "allow", "permit", "allow", "permitted", "allow", "tolerate", "allow", "interfere", "intervene",
            "interference", "intervene", "intervention", "intervene", "meddle", "intervene", "try", "attempt",
            "tried", "attempt", "effort", "attempt", "bid", "attempt", "start", "begin", "started", "begin",
            "commence", "begin", "finish", "end", "ended", "end", "large", "big", "huge", "big", "soldier", "troop",
            "soldiers", "troop", "troops", "troop", "home", "home", "homes", "home", "destabilise", "destabilize",
            "overthrow", "topple", "toppled", "topple", "assert", "claim", "insist", "claim", "vow", "pledge",
            "vowed", "pledge", "promise", "pledge", "protect", "defend", "protection", "defend", "defence", "defend",
            "defense", "defend", "colour", "color", "colours", "color", "region", "region", "nation", "country",
            "nations", "country", "countries", "country", "anybody", "anyone", "somebody", "someone",
            "percent", "percent", "kid", "child", "kids", "child");

    /** Verbs and nouns of counted events, in families: "killed", "died", "dead" all count deaths. */
    private static final Map<String, String> FAMILIES = pairs(
            "kill", "deaths", "killed", "deaths", "killing", "deaths", "killings", "deaths", "die", "deaths",
            "died", "deaths", "dead", "deaths", "death", "deaths", "deaths", "deaths", "fatality", "deaths",
            "fatalities", "deaths", "casualty", "casualties", "casualties", "casualties", "slain", "deaths",
            "perished", "deaths", "murdered", "deaths", "lives", "deaths",
            "detain", "detentions", "detained", "detentions", "detention", "detentions", "detentions", "detentions",
            "arrest", "detentions", "arrested", "detentions", "arrests", "detentions", "custody", "detentions",
            "jailed", "detentions", "imprisoned", "detentions", "apprehended", "detentions", "captured",
            "detentions",
            "injure", "injuries", "injured", "injuries", "injury", "injuries", "injuries", "injuries", "wounded",
            "injuries", "hurt", "injuries", "hospitalized", "injuries", "hospitalised", "injuries",
            "evacuated", "displaced", "displaced", "displaced", "fled", "displaced", "homeless", "displaced",
            "missing", "missing", "disappeared", "missing");

    private static final Set<String> FAMILY_NAMES = Set.copyOf(FAMILIES.values());

    /** Verbs that only carry a counted event ("taken into custody", "believed to have been killed"). */
    public static final Set<String> LIGHT_VERBS = words("take", "taken", "took", "get", "got", "report",
            "reported", "confirm", "confirmed", "believe", "believed", "estimate", "estimated", "say", "said",
            "have", "been", "be", "total", "least", "nearly", "almost", "about", "around", "some", "more", "than",
            "over", "under", "approximately", "roughly", "number", "toll", "people", "person", "persons",
            "individuals", "others", "including", "so", "far", "now", "tally", "figure", "deployed", "sent",
            "stationed", "dispatched", "involved", "total");

    /** Words that end the name of an organisation, whose leading words are not titles: "Interior Ministry". */
    public static final Set<String> ORGANISATION_WORDS = words("ministry", "department", "office", "agency",
            "council", "committee", "service", "services", "police", "army", "government", "court", "party",
            "commission", "bureau", "administration", "house", "parliament", "senate", "forces", "force", "board",
            "authority", "authorities", "organization", "organisation", "union", "bank", "company", "group");

    /** Wire agencies known by more than one name. */
    private static final Map<String, String> WIRE_NAMES = pairs("agence france presse", "afp",
            "agence france-presse", "afp", "associated press", "ap", "the associated press", "ap",
            "thomson reuters", "reuters", "deutsche presse agentur", "dpa", "deutsche presse-agentur", "dpa",
            "agenzia nazionale stampa associata", "ansa", "press association", "pa", "united press international",
            "upi", "bloomberg news", "bloomberg", "xinhua news agency", "xinhua", "kyodo news", "kyodo",
            "europa press", "europa press", "efe", "efe");

    /** Words that name a figure. */
    private static final Set<String> NUMBER_WORDS = words("dozen", "dozens", "score", "scores", "hundred",
            "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "tens");

    /** Words that stand before a name without being part of it: "President", "Mr", "Secretary of State". */
    public static final Set<String> TITLES = words("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor",
            "sir", "dame", "lord", "lady", "president", "vice", "prime", "minister", "chancellor", "secretary",
            "senator", "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
            "king", "queen", "prince", "princess", "pope", "general", "gen", "colonel", "col", "captain", "capt",
            "lieutenant", "lt", "sergeant", "sgt", "admiral", "adm", "judge", "justice", "chief", "spokesman",
            "spokeswoman", "spokesperson", "premier", "ambassador", "deputy", "former", "ex", "late", "rev",
            "reverend", "father", "sheikh", "emir", "ayatollah", "commissioner", "director", "chairman",
            "chairwoman", "chair", "leader", "speaker", "attorney", "state", "foreign", "defence", "defense",
            "interior", "finance", "health", "officer", "commander", "head", "ceo", "founder", "candidate",
            "nominee", "secretary-general", "st", "saint");

    /** Groups that speak without a name: "officials", "police", "witnesses". */
    public static final Set<String> UNNAMED_GROUPS = words("officials", "official", "authorities", "authority",
            "police", "sources", "source", "witnesses", "witness", "residents", "analysts", "analyst", "experts",
            "expert", "observers", "people", "diplomats", "diplomat", "aides", "aide", "activists", "critics",
            "protesters", "organizers", "organisers", "investigators", "prosecutors", "lawyers", "doctors", "medics",
            "rescuers", "statement", "report", "reports", "media", "agency");

    /** Pronouns an extractor may leave as a speaker: they name nobody. */
    public static final Set<String> PRONOUNS = words("he", "she", "they", "it", "we", "i", "you", "him", "her",
            "them", "this", "that");

    /** One spelling per wire agency, lowercase. */
    public static String wire(String name) {
        String lower = name.trim().toLowerCase(java.util.Locale.ROOT);
        return WIRE_NAMES.getOrDefault(lower, lower);
    }

    /** Whether a term is the name of a counted-event family. */
    public static boolean isFamily(String term) {
        return FAMILY_NAMES.contains(term);
    }

    /** Whether a qualifier states the figure itself in words: "several hundred", "dozens". */
    public static boolean namesAFigure(String qualifier) {
        for (String word : qualifier.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
            if (NUMBER_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    public static String irregular(String word) {
        return IRREGULAR.getOrDefault(word, word);
    }

    public static String synonym(String word) {
        return SYNONYMS.getOrDefault(word, word);
    }

    /** The family of a counted-event word, or null. */
    public static String family(String word) {
        return FAMILIES.get(word);
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return Map.copyOf(map);
    }
}
