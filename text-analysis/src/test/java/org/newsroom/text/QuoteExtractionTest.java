package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteExtractionTest {
    private static List<Claim> claims(String text, ClaimKind kind) {
        return TestAnalyzer.analyze(text).claims().stream().filter(c -> c.kind() == kind).toList();
    }

    @Test
    void straightCurlyAndGuillemetQuotesWithSameSentenceSpeaker() {
        List<Claim> q = claims("Opposition leader Maria Lopez spoke to reporters on Tuesday.\n\n"
                + "\"We will keep fighting for fair elections,\" Lopez said.\n\n"
                + "“The count was rigged from the start,” said Lopez.\n\n"
                + "«Nobody will silence us now», Lopez told the crowd.", ClaimKind.QUOTE);
        assertEquals(3, q.size());
        assertEquals("We will keep fighting for fair elections", q.get(0).text());
        q.forEach(c -> assertEquals("Maria Lopez", c.speaker()));
        assertEquals("said", q.get(0).cue());
        assertEquals("told", q.get(2).cue());
    }

    @Test
    void quoteSplitAroundAttributionIsOneClaim() {
        List<Claim> q = claims("“The economy is growing,” the finance minister said, “and unemployment is falling.”",
                ClaimKind.QUOTE);
        assertEquals(1, q.size());
        assertEquals("The economy is growing,” the finance minister said, “and unemployment is falling.", q.get(0).text());
        assertEquals("the finance minister", q.get(0).speaker());
    }

    @Test
    void pronounSpeakerResolvesToLastNamedPersonOfMatchingGender() {
        List<Claim> q = claims("Senator Anna Berg criticised the plan on Monday. Mr. John Field defended it.\n\n"
                + "“This plan will hurt families across the country,” she said.\n\n"
                + "“It is the only responsible choice we have,” he said.", ClaimKind.QUOTE);
        assertEquals(2, q.size());
        assertEquals("Anna Berg", q.get(0).speaker());
        assertEquals("John Field", q.get(1).speaker());
    }

    @Test
    void quoteWithoutAttributionContinuesThePreviousSpeaker() {
        List<Claim> q = claims("“We are ready to talk at any time,” Prime Minister Ravi Shah said.\n\n"
                + "“But we will not accept any preconditions from anyone.”", ClaimKind.QUOTE);
        assertEquals(2, q.size());
        assertEquals("Ravi Shah", q.get(1).speaker());
    }

    @Test
    void multiSentenceQuoteSpansSentences() {
        List<Claim> q = claims("“The threat did not arise from protests. It arose because forces took advantage,” Putin said.",
                ClaimKind.QUOTE);
        assertEquals(1, q.size());
        assertEquals("The threat did not arise from protests. It arose because forces took advantage", q.get(0).text());
    }

    @Test
    void scareQuotesAreNotQuotesButStaySearchableInReportedClaims() {
        AnalyzedArticle a = TestAnalyzer.analyze("The minister said the troops would stay for a \"limited time\" only.");
        assertTrue(a.claims().stream().noneMatch(c -> c.kind() == ClaimKind.QUOTE));
        Claim reported = a.claims().stream().filter(c -> c.kind() == ClaimKind.REPORTED).findFirst().orElseThrow();
        assertTrue(reported.text().contains("\"limited time\""));
        assertEquals("the minister", reported.speaker());
    }

    @Test
    void singleCurlyQuotesOnlyWhenClearlyAQuote() {
        AnalyzedArticle a = TestAnalyzer.analyze("The company’s chief executive said the workers’ strike was illegal.");
        assertTrue(a.claims().stream().noneMatch(c -> c.kind() == ClaimKind.QUOTE));
    }

    @Test
    void reportedSpeechAndAccordingTo() {
        List<Claim> r = claims("According to the interior ministry, 500 people were detained.\n\n"
                + "The health minister told the conference that hospitals were full.\n\n"
                + "Ahmed Karimi claimed without evidence that the vote was rigged.", ClaimKind.REPORTED);
        assertEquals(3, r.size());
        assertEquals("the interior ministry", r.get(0).speaker());
        assertEquals("according to", r.get(0).cue());
        assertEquals("the health minister", r.get(1).speaker());
        assertEquals("told", r.get(1).cue());
        assertEquals("Ahmed Karimi", r.get(2).speaker());
        assertEquals(List.of("without evidence"), r.get(2).hedges());
    }

    @Test
    void hedgesAndRetractions() {
        AnalyzedArticle a = TestAnalyzer.analyze("Several hundred people are believed to have been killed.\n\n"
                + "On Sunday, the information ministry retracted a statement that said more than 164 people had died.");
        Claim believed = a.claims().get(0);
        assertTrue(believed.hedges().contains("are believed to"), believed.hedges().toString());
        Claim retracted = a.claims().stream().filter(c -> c.text().contains("164")).findFirst().orElseThrow();
        assertTrue(retracted.retracted());
    }

    @Test
    void questionsAreNotStatements() {
        AnalyzedArticle a = TestAnalyzer.analyze("Will the government in Berlin survive the coming winter?");
        assertTrue(a.claims().isEmpty());
        Claim s = TestAnalyzer.analyze("The government in Berlin approved the new budget after a long debate.").claims().get(0);
        assertEquals(ClaimKind.STATEMENT, s.kind());
        assertNull(s.speaker());
    }
}
