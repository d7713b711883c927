package org.newsroom.query.view.merge;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * One merged claim before it is shown: its mentions in canonical order, the wording that represents it, and the
 * interval its figures agree on.
 */
public record ClaimGroup(String id, List<Mention> mentions, Mention canonical, QuantityRange range,
                         List<String> outlets, int independentSources) {

    public Mention first() {
        return mentions.get(0);
    }

    public QuantityTopic topic() {
        return canonical.topic() != null ? canonical.topic()
                : mentions.stream().map(Mention::topic).filter(t -> t != null).findFirst().orElse(null);
    }

    public boolean retracted() {
        return mentions.stream().allMatch(Mention::retracted);
    }

    /**
     * The id of a claim is that of its earliest mention — article, span, kind and figure — so it stays the same
     * when later articles join the claim.
     */
    public static String idOf(Mention first, int occurrence) {
        var c = first.claim();
        String key = "claim|" + first.source().id() + "|" + c.start() + "|" + c.end() + "|" + c.kind()
                + (c.quantity() == null ? "" : "|" + c.quantity().value() + "|" + c.quantity().unit())
                + (occurrence == 0 ? "" : "|" + occurrence);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
