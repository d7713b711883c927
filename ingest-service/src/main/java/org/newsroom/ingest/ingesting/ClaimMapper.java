package org.newsroom.ingest.ingesting;

import org.newsroom.events.StoryEvent.ClaimData;
import org.newsroom.events.StoryEvent.DateData;
import org.newsroom.events.StoryEvent.EntityData;
import org.newsroom.events.StoryEvent.MentionData;
import org.newsroom.events.StoryEvent.QuantityData;
import org.newsroom.text.Claim;
import org.newsroom.text.Entity;

import java.util.ArrayList;
import java.util.List;

/** Copies the extractor's output into the event contract, which must not depend on the extractor's classes. */
public final class ClaimMapper {

    private ClaimMapper() {
    }

    public static List<ClaimData> claims(List<Claim> claims) {
        List<ClaimData> result = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            QuantityData quantity = c.quantity() == null ? null : new QuantityData(c.quantity().value(),
                    c.quantity().low(), c.quantity().high(), c.quantity().unit(), c.quantity().qualifier());
            result.add(new ClaimData("c" + i, c.kind().name(), c.text(), c.start(), c.end(), c.speaker(), c.cue(),
                    c.hedges(), c.retracted(), quantity,
                    c.dates().stream().map(d -> new DateData(d.text(), d.start(), d.end(), d.date())).toList()));
        }
        return result;
    }

    public static List<EntityData> entities(List<Entity> entities) {
        return entities.stream().map(e -> new EntityData(e.name(), e.type(), e.aliases(),
                e.mentions().stream().map(m -> new MentionData(m.start(), m.end(), m.text())).toList())).toList();
    }
}
