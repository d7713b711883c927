package org.newsroom.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Finds the speech cue and its speaker inside a token window of a sentence and resolves the speaker to a canonical
 * entity name, an institution phrase, or (for "he"/"she") a person of matching gender from the preceding text.
 * One instance per article, fed sentences in reading order: it remembers what each sentence was about.
 */
final class SpeakerResolver {
    /** A cue with the speaker it attributes; {@code cueStart} is the cue's offset, {@code person} whether a person speaks. */
    record Attribution(String speaker, String cue, int cueStart, boolean person) {}

    private static final Set<String> SKIPPABLE_BEFORE_CUE = Set.of("also", "later", "then", "has", "had", "have", "was",
            "is", "were", "are", "previously", "earlier", "again", "further", "repeatedly", "reportedly", "publicly",
            "recently", "once", "would", "will", "could", "may", "might", "already", "separately", "simply",
            "only", "even", "still", "subsequently", "allegedly", "just", "flatly", "explicitly");
    private static final Set<String> NOT_SPEAKERS = Set.of("it", "this", "that", "which", "who", "what", "there", "i",
            "we", "you", "one", "some", "many", "others", "all", "both", "each", "these", "those", "everyone", "nobody");
    private static final int MAX_APPOSITIVE_TOKENS = 30;
    /** Sentence-initial words lower-cased in speaker phrases ("The interior ministry" -> "the interior ministry"). */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those", "its",
            "his", "her", "their", "our", "some", "several", "many", "other", "two", "three");
    private static final Set<String> NP_POS = Set.of("PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON", "PART");

    private final String text;
    private final EntityIndex entities;
    private final IntPredicate insideQuote;
    /** The person each processed sentence was about (its speaker, else its first person mentioned outside quotes). */
    private final List<String> topics = new ArrayList<>();
    private Attribution lastAttribution;
    private int lastAttributionSentence = -2;

    SpeakerResolver(String text, EntityIndex entities, IntPredicate insideQuote) {
        this.text = text;
        this.entities = entities;
        this.insideQuote = insideQuote;
    }

    /** The first attribution whose cue lies in tokens [from, to) of the sentence and is allowed, or null. */
    Attribution find(TaggedSentence s, int from, int to, boolean requireThat, IntPredicate allowCue) {
        List<Token> tokens = s.tokens();
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            Token t = tokens.get(i);
            if (!allowCue.test(t.start())) {
                continue;
            }
            if (t.lower().equals("according") && i + 1 < tokens.size() && tokens.get(i + 1).lower().equals("to")) {
                int[] np = nounPhraseAfter(tokens, i + 2, to);
                if (np != null) {
                    return resolve(s, np, "according to", t.start());
                }
                continue;
            }
            if (!isCue(tokens, i, requireThat)) {
                continue;
            }
            if (Lexicon.PARTICIPLE_CUES.contains(t.lower())) {
                Attribution a = participleAttribution(s, i);
                if (a != null) {
                    return a;
                }
                continue;
            }
            for (int[] subject : subjectsBefore(tokens, from, i)) {
                Attribution a = resolve(s, subject, t.lower(), t.start());
                if (a != null) {
                    return a;
                }
            }
            int[] inverted = onlyPunctuation(tokens, from, i) ? nounPhraseAfter(tokens, i + 1, to) : null;
            Attribution a = inverted == null ? null : resolve(s, inverted, t.lower(), t.start());
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    /** "“…,” said Smith": the cue opens its window, so its subject follows it. */
    private static boolean onlyPunctuation(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isPunct(tokens.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Records an attribution used in sentence {@code sentenceIndex}, so later bare quotes can refer to it. */
    void remember(Attribution a, int sentenceIndex) {
        lastAttribution = a;
        lastAttributionSentence = sentenceIndex;
    }

    /**
     * Records what a finished sentence was about, for resolving later "he" and "she": its speaker, else the first
     * person it names or refers to with a pronoun outside quotations (usually the subject).
     */
    void noteSentence(TaggedSentence s, Attribution speaker) {
        if (speaker != null && speaker.person()) {
            topics.add(speaker.speaker());
            return;
        }
        for (Token t : s.tokens()) {
            if (insideQuote.test(t.start())) {
                continue;
            }
            Entity person = entities.firstPersonIn(t.start(), t.end(), insideQuote);
            if (person != null) {
                topics.add(person.name());
                return;
            }
            if (Lexicon.PRONOUNS.contains(t.lower())) {
                String referent = antecedent(genderOf(t.lower()), s.start(), s.start(), t.start());
                if (referent != null) {
                    topics.add(referent);
                }
                return;
            }
        }
    }

    /** The attribution used in this or the immediately preceding sentence, or null. */
    Attribution recent(int sentenceIndex) {
        return sentenceIndex - lastAttributionSentence <= 1 ? lastAttribution : null;
    }

    private boolean isCue(List<Token> tokens, int i, boolean requireThat) {
        Token t = tokens.get(i);
        String w = t.lower();
        if (!Lexicon.SPEECH_VERBS.contains(w) || t.pos().equals("PROPN")) {
            return false;
        }
        Token before = i > 0 ? tokens.get(i - 1) : null;
        if (t.pos().equals("NOUN") && (before == null || !(before.isProperNoun() || before.pos().equals("PRON")
                || (before.pos().equals("NOUN") && i + 1 < tokens.size() && tokens.get(i + 1).lower().equals("that"))))) {
            return false;
        }
        if (before != null && (before.lower().equals("the") || before.lower().equals("to"))) {
            return false;
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).lower().equals("by")) {
            return false;
        }
        if (!requireThat || !Lexicon.WEAK_SPEECH_VERBS.contains(w)) {
            return true;
        }
        for (int k = i + 1; k < Math.min(tokens.size(), i + 8); k++) {
            String next = tokens.get(k).lower();
            if (next.equals("that") || next.equals(":") || isQuoteMark(next)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Candidate subjects of the cue, nearest first: the phrase right before it, or, when commas intervene ("Sen. X,
     * R-Utah, whose views …, said"), the phrase before each earlier comma; party-state labels are skipped.
     */
    private List<int[]> subjectsBefore(List<Token> tokens, int from, int cue) {
        int end = cue;
        while (end > from && (SKIPPABLE_BEFORE_CUE.contains(tokens.get(end - 1).lower())
                || tokens.get(end - 1).pos().equals("ADV") || tokens.get(end - 1).pos().equals("AUX"))) {
            end--;
        }
        List<int[]> out = new ArrayList<>();
        if (end > from && tokens.get(end - 1).text().equals(",")) {
            for (int k = end - 2; k > from && k >= end - MAX_APPOSITIVE_TOKENS; k--) {
                if (tokens.get(k).text().equals(",")) {
                    int[] np = phraseBefore(tokens, from, k);
                    if (np != null && !isPartyLabel(tokens, np)) {
                        out.add(np);
                    }
                }
            }
            return out;
        }
        int[] np = phraseBefore(tokens, from, end);
        if (np != null) {
            out.add(np);
        }
        return out;
    }

    private int[] subjectBefore(List<Token> tokens, int from, int cue) {
        List<int[]> candidates = subjectsBefore(tokens, from, cue);
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** The noun phrase ending at {@code end}, extended over a prepositional phrase ("the president on Monday"). */
    private static int[] phraseBefore(List<Token> tokens, int from, int end) {
        int start = nounPhraseStart(tokens, from, end);
        if (start > from + 1 && start < end && tokens.get(start - 1).pos().equals("ADP")) {
            int outer = nounPhraseStart(tokens, from, start - 1);
            if (outer < start - 1) {
                start = outer;
                end = nounPhraseEnd(tokens, outer, end);
            }
        }
        return start < end ? trimPhrase(tokens, start, end) : null;
    }

    /** "R-Utah", "D-Conn.": a party and state label after a politician's name. */
    private static boolean isPartyLabel(List<Token> tokens, int[] np) {
        return np[1] - np[0] <= 4 && tokens.get(np[0]).text().length() == 1 && np[0] + 1 < np[1]
                && tokens.get(np[0] + 1).text().equals("-");
    }

    /**
     * A participle cue ("…, saying") takes the subject of the clause it hangs on: the comma-separated clauses before
     * it are tried from the nearest, then a person named before the sentence's first verb.
     */
    private Attribution participleAttribution(TaggedSentence s, int cue) {
        List<Token> tokens = s.tokens();
        String cueWord = tokens.get(cue).lower();
        for (int clauseStart = cue - 1; clauseStart >= 0; clauseStart--) {
            if (clauseStart > 0 && !tokens.get(clauseStart - 1).text().equals(",")) {
                continue;
            }
            int v = firstVerb(tokens, clauseStart, cue);
            int[] subject = v > clauseStart ? subjectBefore(tokens, clauseStart, v) : null;
            Attribution a = subject == null ? null : resolve(s, subject, cueWord, tokens.get(cue).start());
            if (a != null) {
                return a;
            }
        }
        int firstVerb = firstVerb(tokens, 0, cue);
        Entity person = firstVerb < 0 ? null : entities.firstPersonIn(s.start(), tokens.get(firstVerb).start(), insideQuote);
        return person == null ? null : named(person.name(), cueWord, tokens.get(cue).start());
    }

    private static int firstVerb(List<Token> tokens, int from, int to) {
        for (int v = from; v < to; v++) {
            if (tokens.get(v).pos().equals("VERB") || tokens.get(v).pos().equals("AUX")) {
                return v;
            }
        }
        return -1;
    }

    /** Walks left over noun-phrase tokens; a determiner always opens the phrase. */
    private static int nounPhraseStart(List<Token> tokens, int from, int end) {
        if (end > from && Lexicon.PRONOUNS.contains(tokens.get(end - 1).lower())) {
            return end - 1;
        }
        int start = end;
        while (start > from && inNounPhrase(tokens.get(start - 1))) {
            start--;
            if (tokens.get(start).pos().equals("DET")) {
                break;
            }
        }
        return start;
    }

    private static int nounPhraseEnd(List<Token> tokens, int start, int limit) {
        int end = start;
        while (end < limit && inNounPhrase(tokens.get(end))) {
            end++;
        }
        return end;
    }

    private int[] nounPhraseAfter(List<Token> tokens, int from, int to) {
        int start = from;
        int end = start;
        while (end < Math.min(to, tokens.size()) && (inNounPhrase(tokens.get(end)) || isOfInName(tokens, end))) {
            end++;
        }
        return end > start ? trimPhrase(tokens, start, end) : null;
    }

    /** "of" joins a title to its organisation ("head of the ministry") inside a speaker phrase. */
    private static boolean isOfInName(List<Token> tokens, int i) {
        return tokens.get(i).lower().equals("of") && i + 1 < tokens.size() && i > 0
                && (Lexicon.isTitle(tokens.get(i - 1).text()) || Lexicon.SPEAKER_HEADS.contains(tokens.get(i - 1).lower()))
                && inNounPhrase(tokens.get(i + 1));
    }

    private static boolean inNounPhrase(Token t) {
        return (NP_POS.contains(t.pos()) && !isPunct(t) && !t.lower().equals("that") && !t.lower().equals("which"))
                || t.text().equals("-") || t.text().equals(".") && t.start() > 0;
    }

    private static int[] trimPhrase(List<Token> tokens, int start, int end) {
        while (start < end && (isPunct(tokens.get(start)) || tokens.get(start).pos().equals("PART"))) {
            start++;
        }
        while (end > start && isPunct(tokens.get(end - 1))) {
            end--;
        }
        return end > start ? new int[] {start, end} : null;
    }

    private Attribution resolve(TaggedSentence s, int[] np, String cue, int cueStart) {
        List<Token> tokens = s.tokens();
        Token head = tokens.get(np[1] - 1);
        int from = tokens.get(np[0]).start();
        int to = head.end();
        String headWord = head.lower();
        if (np[1] - np[0] == 1 && Lexicon.PRONOUNS.contains(headWord)) {
            // In "…, she said" the pronoun is the main subject, so people named earlier in the sentence are not candidates.
            boolean sentenceFinal = np[0] > 0 && tokens.get(np[0] - 1).text().equals(",");
            int verb = firstVerb(tokens, 0, tokens.size());
            int subjectLimit = sentenceFinal ? s.start() : verb < 0 ? s.end() : tokens.get(verb).start();
            String antecedent = antecedent(genderOf(headWord), s.start(), subjectLimit, from);
            return antecedent == null ? null : new Attribution(antecedent, cue, cueStart, true);
        }
        if (NOT_SPEAKERS.contains(headWord) || Lexicon.SPEECH_VERBS.contains(headWord) || head.pos().equals("PRON")
                || head.pos().equals("NUM")) {
            return null;
        }
        Entity named = entities.namedBy(from, to);
        if (named != null) {
            return new Attribution(named.name(), cue, cueStart, named.type().equals("PERSON"));
        }
        Token first = tokens.get(np[0]);
        boolean startsWithDeterminer = first.pos().equals("DET") || first.lower().equals("the");
        if (Lexicon.isTitle(head.text()) && startsWithDeterminer) {
            String modifier = np[1] - np[0] >= 3 && tokens.get(np[1] - 2).isCapitalized() ? tokens.get(np[1] - 2).text() : null;
            Entity titled = entities.lastTitledBefore(Lexicon.canonicalTitle(headWord), modifier, from);
            if (titled != null) {
                return named(titled.name(), cue, cueStart);
            }
            String topic = topics.isEmpty() ? null : topics.get(topics.size() - 1);
            if (first.lower().equals("the") && topic != null && entities.titlesOf(topic).stream().allMatch(Lexicon::isHonorific)) {
                return named(topic, cue, cueStart);
            }
        }
        if (!Lexicon.SPEAKER_HEADS.contains(headWord) && !Lexicon.isTitle(head.text())) {
            return null;
        }
        String phrase = text.substring(from, to);
        if (first.start() == s.start() && (DETERMINERS.contains(first.lower()) || Lexicon.SPEAKER_HEADS.contains(first.lower()))) {
            phrase = phrase.substring(0, 1).toLowerCase(Locale.ROOT) + phrase.substring(1);
        }
        return new Attribution(phrase, cue, cueStart, Lexicon.isTitle(head.text()));
    }

    /**
     * The person a pronoun refers to: the first compatible person named earlier in the same sentence ("Ryan hammered
     * Obama for what he called …"), else the most recent compatible sentence topic, else the last compatible mention.
     */
    private String antecedent(EntityIndex.Gender gender, int sentenceStart, int subjectLimit, int before) {
        Entity inSentence = entities.firstPersonIn(sentenceStart, Math.min(before, subjectLimit), insideQuote);
        if (inSentence != null && entities.compatible(inSentence.name(), gender)) {
            return inSentence.name();
        }
        for (int i = topics.size() - 1; i >= 0; i--) {
            if (entities.compatible(topics.get(i), gender)) {
                return topics.get(i);
            }
        }
        Entity person = entities.lastPersonBefore(before, gender, insideQuote);
        return person == null ? null : person.name();
    }

    private static EntityIndex.Gender genderOf(String pronoun) {
        return pronoun.equals("he") ? EntityIndex.Gender.MALE : EntityIndex.Gender.FEMALE;
    }

    private Attribution named(String name, String cue, int cueStart) {
        return new Attribution(name, cue, cueStart, true);
    }

    static boolean isPunct(Token t) {
        return t.pos().equals("PUNCT") || !Character.isLetterOrDigit(t.text().charAt(0));
    }

    private static boolean isQuoteMark(String s) {
        return s.equals("\"") || s.equals("“") || s.equals("‘") || s.equals("'") || s.equals("«");
    }
}
