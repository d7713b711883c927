package org.newsroom.text;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds news agencies credited in datelines, bylines and credit lines, normalized to canonical names. */
final class WireCreditDetector {
    /** Short acronyms are only credits when written in capitals, so "ap" or "pa" inside words never match. */
    private static final Set<String> CASE_SENSITIVE = Set.of("AP", "PA", "AA", "CP", "UPI", "ANI", "PTI", "TT", "APA", "CNA");
    private static final Map<String, String> AGENCIES = agencies();
    private static final Pattern CONTEXTS = Pattern.compile("\\(([^()]{2,80})\\)"
            + "|(?i:\\b(?:via|photo|photos|image|picture|credit|source|foto)\\s*[:,]?\\s*)([^()]{2,120})$"
            + "|[-–—]\\s*([\\p{L} .&-]{2,40})$"
            + "|^([\\p{L} .&-]{2,40}?)\\s+contributed\\b"
            + "|^([\\p{L} .&-]{2,40}?)\\s*$");
    private static final Pattern PIECE_SPLIT = Pattern.compile("\\s*(?:[,/;&|]|\\band\\b|\\bvia\\b|\\bfor\\b)\\s*");

    private WireCreditDetector() {}

    /** Credits from sources that are credit lines in their entirety (dateline, removed furniture). */
    static List<String> detect(List<String> creditLines, List<String> bodyParagraphs) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : creditLines) {
            scan(line, found, true);
        }
        if (!bodyParagraphs.isEmpty()) {
            scan(bodyParagraphs.get(bodyParagraphs.size() - 1), found, false);
        }
        return List.copyOf(found);
    }

    private static void scan(String line, Set<String> found, boolean wholeLineIsCredit) {
        Matcher m = CONTEXTS.matcher(line);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                String segment = m.group(g);
                boolean trailingOnly = g == 1 && !wholeLineIsCredit && m.end() != line.length();
                if (segment != null && !trailingOnly && (wholeLineIsCredit || g != 5)) {
                    addPieces(segment, found);
                }
            }
        }
    }

    private static void addPieces(String segment, Set<String> found) {
        for (String piece : PIECE_SPLIT.split(segment.trim())) {
            String name = piece.replaceAll("^(?i)(the|photo|image)\\s+|[\\s.]+$", "").trim();
            String key = CASE_SENSITIVE.contains(name.toUpperCase(Locale.ROOT)) ? name : name.toLowerCase(Locale.ROOT);
            String canonical = AGENCIES.get(key);
            if (canonical != null) {
                found.add(canonical);
            }
        }
    }

    private static Map<String, String> agencies() {
        Map<String, String> m = new LinkedHashMap<>();
        add(m, "Reuters", "reuters", "thomson reuters");
        add(m, "Associated Press", "AP", "associated press", "ap photo");
        add(m, "AFP", "afp", "agence france-presse", "agence france presse");
        add(m, "Bloomberg", "bloomberg", "bloomberg news");
        add(m, "dpa", "dpa", "deutsche presse-agentur");
        add(m, "EFE", "efe");
        add(m, "ANSA", "ansa");
        add(m, "Kyodo", "kyodo", "kyodo news");
        add(m, "Jiji Press", "jiji", "jiji press");
        add(m, "Xinhua", "xinhua", "xinhua news agency");
        add(m, "TASS", "tass", "itar-tass");
        add(m, "RIA Novosti", "ria novosti", "ria");
        add(m, "Interfax", "interfax");
        add(m, "Sputnik", "sputnik");
        add(m, "Anadolu Agency", "anadolu", "anadolu agency", "AA");
        add(m, "Yonhap", "yonhap");
        add(m, "Press Trust of India", "PTI", "press trust of india");
        add(m, "ANI", "ANI");
        add(m, "IANS", "ians");
        add(m, "United Press International", "UPI", "united press international");
        add(m, "PA Media", "PA", "pa media", "press association");
        add(m, "Australian Associated Press", "aap", "australian associated press");
        add(m, "Canadian Press", "CP", "canadian press");
        add(m, "Europa Press", "europa press");
        add(m, "Lusa", "lusa");
        add(m, "Bernama", "bernama");
        add(m, "Antara", "antara");
        add(m, "IRNA", "irna");
        add(m, "KCNA", "kcna");
        add(m, "Ukrinform", "ukrinform");
        add(m, "PAP", "pap");
        add(m, "MTI", "mti");
        add(m, "APA", "APA");
        add(m, "Belga", "belga");
        add(m, "ANP", "anp");
        add(m, "NTB", "ntb");
        add(m, "TT", "TT");
        add(m, "Ritzau", "ritzau");
        add(m, "Prensa Latina", "prensa latina");
        add(m, "Notimex", "notimex");
        add(m, "WAFA", "wafa");
        add(m, "Saudi Press Agency", "spa", "saudi press agency");
        add(m, "WAM", "wam");
        add(m, "KUNA", "kuna");
        add(m, "MENA", "mena");
        add(m, "Central News Agency", "CNA", "central news agency");
        add(m, "Dow Jones Newswires", "dow jones", "dow jones newswires");
        add(m, "EPA", "epa", "epa-efe");
        return Map.copyOf(m);
    }

    private static void add(Map<String, String> m, String canonical, String... aliases) {
        for (String alias : aliases) {
            m.put(CASE_SENSITIVE.contains(alias) ? alias : alias.toLowerCase(Locale.ROOT), canonical);
        }
    }
}
