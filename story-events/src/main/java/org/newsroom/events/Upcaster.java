package org.newsroom.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Brings stored event data up to the current schema of its type, one version step at a time. Old rows are never
 * rewritten (the log is append-only); they are upgraded as they are read.
 */
final class Upcaster {

    /** For each type, the steps from schema version i+1 to i+2 (index 0 upgrades version 1 to 2). */
    private static final Map<String, List<UnaryOperator<ObjectNode>>> STEPS = Map.of(
            StoryEvent.ArticleAssignedToStory.TYPE, List.of(
                    v1 -> {
                        v1.putObject("signals");
                        return v1;
                    }));

    private Upcaster() {
    }

    /** Whether data of this schema version is already current: then it is read straight into its type. */
    static boolean current(String type, int schemaVersion) {
        return schemaVersion - 1 >= STEPS.getOrDefault(type, List.of()).size();
    }

    static ObjectNode upcast(String type, int schemaVersion, ObjectNode data) {
        List<UnaryOperator<ObjectNode>> steps = STEPS.getOrDefault(type, List.of());
        ObjectNode current = data;
        for (int version = schemaVersion; version - 1 < steps.size(); version++) {
            current = steps.get(version - 1).apply(current);
        }
        return current;
    }
}
