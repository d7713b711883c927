package org.newsroom.query.view.merge;

import org.newsroom.events.StoryEvent.DateData;
import org.newsroom.query.view.StoryView.TimelineEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The story's dated events: every date a claim's mentions resolve to, with the claims on that date, earliest
 * date first. An entry reads as its best-attested claim.
 */
public final class Timeline {

    private Timeline() {
    }

    /** @param claims in display order; {@code texts} are their canonical wordings, in the same order */
    public static List<TimelineEntry> of(List<ClaimGroup> claims, List<String> texts) {
        Map<LocalDate, List<Integer>> byDate = new TreeMap<>();
        for (int i = 0; i < claims.size(); i++) {
            // Most claims carry no date: their set is never made.
            Set<LocalDate> dates = null;
            for (Mention m : claims.get(i).mentions()) {
                List<DateData> resolved = m.claim().dates();
                if (resolved == null || resolved.isEmpty()) {
                    continue;
                }
                for (DateData d : resolved) {
                    if (d != null && d.date() != null) {
                        if (dates == null) {
                            dates = new TreeSet<>();
                        }
                        dates.add(d.date());
                    }
                }
            }
            if (dates != null) {
                for (LocalDate date : dates) {
                    byDate.computeIfAbsent(date, k -> new ArrayList<>()).add(i);
                }
            }
        }
        List<TimelineEntry> entries = new ArrayList<>();
        byDate.forEach((date, indexes) -> entries.add(new TimelineEntry(date, texts.get(indexes.get(0)),
                indexes.stream().map(i -> claims.get(i).id()).toList())));
        return entries;
    }
}
