package org.newsroom.text;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** General English news vocabulary: honorifics, titles, organisation words, speech verbs, countries. */
final class Lexicon {
    static final Set<String> HONORIFICS = words("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady",
            "mx", "messrs");
    static final Set<String> TITLES = words("president", "vice", "secretary", "minister", "chancellor", "senator", "sen",
            "rep", "representative", "congressman", "congresswoman", "gov", "governor", "general", "gen", "judge", "justice",
            "chairman", "chairwoman", "chair", "chief", "prime", "premier", "pope", "king", "queen", "prince", "princess",
            "mayor", "ambassador", "spokesman", "spokeswoman", "spokesperson", "director", "commissioner", "attorney",
            "leader", "sheikh", "rabbi", "father", "professor", "officer", "colonel", "col", "lt", "lieutenant", "captain",
            "capt", "sgt", "sergeant", "deputy", "speaker", "emir", "sultan", "ayatollah", "chief", "ceo", "founder",
            "commander", "adm", "admiral", "marshal", "coach", "bishop", "cardinal", "archbishop", "president-elect",
            "candidate", "nominee", "counsel", "head", "mp", "lawmaker", "envoy", "foreign", "defence", "defense",
            "interior", "finance", "state", "former", "ex-president", "first", "lady", "reverend", "rev", "gen.");
    static final Set<String> ORG_WORDS = words("organization", "organisation", "ministry", "council", "party", "agency",
            "bank", "university", "committee", "department", "union", "alliance", "company", "inc", "corp", "corporation",
            "ltd", "group", "news", "times", "post", "journal", "court", "congress", "senate", "parliament", "assembly",
            "army", "forces", "force", "bureau", "office", "institute", "foundation", "association", "federation",
            "commission", "board", "service", "services", "network", "fund", "trust", "church", "league", "club", "team",
            "house", "administration", "government", "police", "coalition", "movement", "front", "kremlin", "pentagon",
            "nations", "treaty", "center", "centre", "society", "press", "tv", "radio", "channel", "media", "exchange",
            "school", "college", "hospital", "authority", "department", "cabinet", "guard", "navy", "command", "embassy",
            "foundation", "caucus", "mission", "delegation", "secretariat", "directorate", "campaign", "airlines", "motors", "republicans", "democrats");
    static final Set<String> PLACE_WORDS = words("city", "province", "region", "state", "county", "island", "islands",
            "river", "mountains", "valley", "street", "square", "avenue", "district", "republic", "oblast", "sea", "ocean",
            "bay", "strait", "peninsula", "desert", "lake", "coast", "capital");
    /**
     * Country names as the JDK knows them in English (ISO 3166), plus the short forms, constituent countries and
     * regions that news writing uses.
     */
    static final Set<String> COUNTRIES = countries("bosnia", "congo", "czech republic", "ivory coast", "myanmar",
            "palestine", "us", "u.s.", "uk", "u.k.", "usa", "america", "britain", "great britain", "england",
            "scotland", "wales", "europe", "asia", "africa", "latin america", "middle east", "central asia",
            "western europe", "eastern europe", "north america", "south america", "the west", "gaza", "west bank",
            "hong kong", "kashmir", "tibet", "siberia", "caucasus", "balkans", "scandinavia", "kosovo", "crimea");
    /** Verbs and phrases that introduce speech or an attributed statement. */
    static final Set<String> SPEECH_VERBS = words("said", "says", "say", "saying", "told", "tells", "tell", "telling",
            "added", "adds", "stated", "states", "claimed", "claims", "claim", "noted", "notes", "insisted", "insists",
            "stressed", "stresses", "argued", "argues", "explained", "explains", "warned", "warns", "wrote", "writes",
            "asked", "asks", "declared", "declares", "announced", "announces", "alleged", "alleges", "underlined",
            "continued", "replied", "responded", "tweeted", "posted", "acknowledged", "admitted", "conceded", "recalled",
            "suggested", "urged", "vowed", "promised", "emphasized", "emphasised", "remarked", "commented", "observed",
            "reiterated", "confirmed", "denied", "denies", "asserted", "asserts", "contended", "maintained", "predicted",
            "estimated", "reported", "reports", "believes", "thinks", "testified", "told", "indicated", "revealed",
            "disclosed", "cautioned", "charged", "boasted", "complained", "lamented", "quipped", "joked", "shouted",
            "yelled", "whispered", "mused", "pointed", "described", "informed", "assured", "accused", "blamed", "called",
            "calls", "saying", "telling", "adding", "noting", "writing", "calling", "arguing", "insisting", "claiming",
            "warning", "stressing", "explaining", "asking", "describing", "declaring", "tweeting", "acknowledging",
            "admitting", "alleging", "accusing", "urging", "vowing");
    /** Participles whose speaker is the subject of the clause they hang on ("X did Y, saying …"). */
    static final Set<String> PARTICIPLE_CUES = words("saying", "telling", "adding", "noting", "writing", "calling",
            "arguing", "insisting", "claiming", "warning", "stressing", "explaining", "asking", "describing", "declaring",
            "tweeting", "arguing", "acknowledging", "admitting", "alleging", "accusing", "urging", "vowing");
    /** Speech verbs that only attribute speech when followed by a that-clause or quote (not "blamed X for Y"). */
    static final Set<String> WEAK_SPEECH_VERBS = words("called", "calls", "saying", "telling", "adding", "noting",
            "writing", "calling", "arguing", "insisting", "claiming", "warning", "stressing", "explaining", "asking",
            "describing", "declaring", "tweeting", "acknowledging", "admitting", "alleging", "accusing", "urging",
            "vowing", "accused", "blamed", "described", "pointed", "informed", "assured",
            "believes", "thinks", "predicted", "estimated", "reported", "reports", "confirmed", "denied", "denies",
            "charged", "continued", "posted", "asked", "asks", "promised", "vowed", "urged", "suggested", "indicated",
            "announced", "announces", "maintained", "observed", "recalled");
    static final Set<String> PRONOUNS = words("he", "she");
    /** Head nouns of institutional or anonymous speakers ("the interior ministry", "a UN spokesperson"). */
    static final Set<String> SPEAKER_HEADS = words("ministry", "spokesperson", "spokesman", "spokeswoman", "official",
            "officials", "authorities", "police", "government", "office", "statement", "president", "minister", "leader",
            "agency", "army", "military", "kremlin", "pentagon", "department", "committee", "council", "court", "embassy",
            "source", "sources", "analysts", "analyst", "experts", "expert", "witnesses", "witness", "residents",
            "resident", "activists", "activist", "lawyer", "attorney", "prosecutors", "prosecutor", "spokespeople",
            "administration", "campaign", "report", "survey", "study", "group", "organization", "organisation", "party",
            "company", "firm", "bank", "union", "observers", "diplomats", "diplomat", "aide", "aides", "senator",
            "governor", "mayor", "secretary", "chairman", "chief", "director", "board", "commission", "media", "agency",
            "newspaper", "outlet", "website", "channel", "broadcaster", "representative", "lawmakers", "lawmaker",
            "ministers", "leaders", "officers", "officer", "troops", "forces", "protesters", "organizers", "organisers",
            "doctors", "doctor", "health", "service", "services", "team", "foundation", "institute", "researchers",
            "scientists", "economists", "investigators", "judge", "people", "critics", "supporters", "democrats",
            "republicans", "opponents", "colleagues", "friends", "family", "daughter", "son", "wife", "husband",
            "mother", "father", "counterpart", "premier", "chancellor", "king", "queen", "prince", "pope", "house",
            "white", "dpa", "press", "news", "radio", "television", "tv", "times", "post", "journal", "network");

    /** Honorifics and titles that imply a gender, for resolving "he" and "she". */
    static final Set<String> MALE_TITLES = words("mr", "sir", "lord", "king", "prince", "congressman", "spokesman",
            "chairman", "father", "brother", "sheikh", "emir", "sultan", "pope", "cardinal", "bishop", "archbishop", "rabbi");
    static final Set<String> FEMALE_TITLES = words("mrs", "ms", "miss", "dame", "lady", "queen", "princess",
            "congresswoman", "spokeswoman", "chairwoman", "mother", "sister", "duchess", "first lady");
    /** Common given names with a strong gender association (general knowledge, used only as a fallback). */
    static final Set<String> MALE_NAMES = words("james", "john", "robert", "michael", "william", "david", "richard",
            "joseph", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "antony", "mark", "donald",
            "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
            "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin",
            "scott", "brandon", "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack",
            "dennis", "jerry", "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle",
            "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean",
            "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert",
            "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell",
            "elijah", "louis", "bobby", "philip", "johnny", "barack", "bill", "mitt", "mitch", "newt", "rick", "ted",
            "chuck", "mike", "jim", "tom", "bob", "dick", "rand", "marco", "jeb", "bernie", "vladimir", "sergei", "sergey",
            "dmitry", "alexei", "boris", "mikhail", "ivan", "nikolai", "xi", "emmanuel", "francois", "pierre",
            "olaf", "helmut", "recep", "narendra", "mohammed", "muhammad", "ahmed", "ali", "hassan", "hussein", "omar",
            "benjamin", "yair", "volodymyr", "viktor", "giuseppe", "matteo", "pedro",
            "luis", "carlos", "jair", "luiz", "andres", "justin", "scott", "shinzo", "fumio");
    static final Set<String> FEMALE_NAMES = words("mary", "patricia", "jennifer", "linda", "elizabeth", "barbara",
            "susan", "jessica", "sarah", "karen", "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly",
            "emily", "donna", "michelle", "carol", "amanda", "dorothy", "melissa", "deborah", "stephanie", "rebecca",
            "sharon", "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela", "emma",
            "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel", "carolyn", "janet", "catherine",
            "maria", "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "victoria", "kelly", "lauren",
            "christina", "joan", "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha",
            "gloria", "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice", "abigail", "alice",
            "judy", "sophia", "grace", "denise", "amber", "doris", "marilyn", "danielle", "beverly", "isabella",
            "theresa", "diana", "natalie", "brittany", "charlotte", "marie", "kayla", "alexis", "lori", "hillary",
            "nikki", "kamala", "elise", "kirsten", "kristen", "dianne", "tammy", "maxine", "ilhan", "alexandria", "sarah",
            "condoleezza", "madeleine", "angela", "ursula", "theresa", "jacinda", "sanna", "giorgia", "marine",
            "christine", "kristalina", "liz", "sue", "beth", "kate", "jane", "anne", "claire", "julia", "irina",
            "olga", "natalia", "svetlana", "tatiana", "yulia", "maria", "fatima", "aisha", "mei", "indira", "benazir",
            "melania", "ivanka", "michele", "malia", "sasha", "stormy");

    private static final Set<String> CALENDAR = words("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    private Lexicon() {}

    static boolean isCalendarWord(String word) {
        return CALENDAR.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    /** Builds a set tolerating duplicates, which keeps the word lists easy to extend. */
    private static Set<String> words(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    private static Set<String> countries(String... otherNames) {
        Set<String> names = new HashSet<>(Arrays.asList(otherNames));
        for (String code : Locale.getISOCountries()) {
            names.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(names);
    }

    static boolean isTitle(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace(".", "");
        return TITLES.contains(w) || HONORIFICS.contains(w);
    }

    private static final Map<String, String> TITLE_ABBREVIATIONS = Map.ofEntries(
            Map.entry("gov", "governor"), Map.entry("sen", "senator"),
            Map.entry("rep", "representative"), Map.entry("gen", "general"),
            Map.entry("col", "colonel"), Map.entry("lt", "lieutenant"),
            Map.entry("capt", "captain"), Map.entry("sgt", "sergeant"),
            Map.entry("adm", "admiral"), Map.entry("rev", "reverend"),
            Map.entry("prof", "professor"), Map.entry("premier", "prime"));

    /** Lower-case title with abbreviations expanded, so "Gov. Pence" and "the governor" match. */
    static String canonicalTitle(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace(".", "");
        return TITLE_ABBREVIATIONS.getOrDefault(w, w);
    }

    static boolean isHonorific(String word) {
        return HONORIFICS.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
    }
}
