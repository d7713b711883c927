package org.newsroom.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WireCreditDetectorTest {
    private static List<String> credits(String text) {
        return TestAnalyzer.analyze(text).wireCredits();
    }

    @Test
    void detectsAgenciesInDatelinesCreditLinesAndBylines() {
        assertEquals(List.of("Reuters"), credits("NUR-SULTAN, Jan. 10 (Reuters) – The president spoke to the nation."));
        assertEquals(List.of("Bloomberg", "AFP"), credits("MOSCOW/ALMATY (BLOOMBERG, AFP) - The president spoke to the nation."));
        assertEquals(List.of("Associated Press"), credits("The president spoke to the nation on Monday. — AP"));
        assertEquals(List.of("Associated Press"), credits("The president spoke to the nation.\n\nAssociated Press contributed to this report."));
        assertEquals(List.of("Reuters"), credits("The president at the meeting. Kremlin via REUTERS\n\nThe president spoke to the nation."));
        assertEquals(List.of("Reuters", "AFP", "Associated Press"), credits("The president spoke to the nation.\n\nrc/rt (Reuters, AFP, AP)"));
    }

    @Test
    void agencyNamesInBodyTextAreNotCredits() {
        assertEquals(List.of(), credits("A spokesperson told Reuters that the talks had failed and AP could not confirm it."));
    }
}
