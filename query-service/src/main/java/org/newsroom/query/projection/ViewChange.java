package org.newsroom.query.projection;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What one projector commit changed, as its {@code NOTIFY} payload says: the read model's position, and the stories
 * whose views changed ({@code null}: any story, when they are too many to list or the payload is not understood).
 */
public record ViewChange(long projectedPosition, Set<UUID> stories) {

    /** A notification payload must stay under 8000 bytes; 37 per story id. */
    static final int MAX_LISTED = 150;

    /** What follows the position in the payload: the story ids, or "*". */
    static String listed(Collection<UUID> stories) {
        return stories.size() > MAX_LISTED ? " *"
                : stories.stream().map(id -> " " + id).collect(Collectors.joining());
    }

    public static ViewChange parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.strip().split(" ");
        try {
            long position = Long.parseLong(parts[0]);
            if (parts.length > 1 && parts[1].equals("*")) {
                return new ViewChange(position, null);
            }
            Set<UUID> stories = new HashSet<>();
            for (int i = 1; i < parts.length; i++) {
                stories.add(UUID.fromString(parts[i]));
            }
            return new ViewChange(position, stories);
        } catch (RuntimeException e) {
            return new ViewChange(0, null);
        }
    }

    public boolean touches(UUID storyId) {
        return stories == null || stories.contains(storyId);
    }
}
