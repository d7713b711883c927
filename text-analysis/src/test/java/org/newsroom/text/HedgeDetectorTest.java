package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HedgeDetectorTest {
    /** One phrase per alternative of the patterns, in mixed case: the literal prefilters must let all of them through. */
    @Test
    void everyAlternativeIsStillFound() {
        List<String> hedged = List.of("He Reportedly left.", "ALLEGEDLY stolen.", "purportedly real", "supposedly done",
                "Apparently so.", "They were widely Said to agree.", "It is Reported to be", "is estimated to cost",
                "it is widely understood", "Believed to be dead", "thought to be", "without citing any evidence",
                "Did not provide any proof", "unconfirmed", "Unverified claims", "could not be independently verified",
                "cannot be verified", "has not been independently verified", "unsubstantiated", "It was not clear",
                "it is unclear", "may have", "Might Have", "appears to", "appear to", "appeared to", "seems to",
                "seemed to", "According to preliminary figures");
        for (String s : hedged) {
            assertEquals(1, HedgeDetector.hedges("Officials said that " + s + " on Monday.").size(), s);
        }
        assertEquals(List.of(), HedgeDetector.hedges("The minister said the bridge would open on Monday."));
        for (String s : List.of("Retracted", "retracts", "later corrected", "WITHDREW the claim", "withdrawn their remarks",
                "walked back", "backtracked", "deleted the tweet", "issued a correction", "rescinded")) {
            assertTrue(HedgeDetector.retracted("The agency " + s + " on Monday."), s);
        }
    }
}
