package org.newsroom.query.readmodel;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.newsroom.events.EventStore;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent.ArticleIngested;
import org.newsroom.events.StoryEvent.ClaimsExtracted;
import org.newsroom.query.projection.ViewJson;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the events that article rows point at: their text is in ArticleIngested, their claims in ClaimsExtracted. */
@ApplicationScoped
public class ArticleEvents {

    /** One revision of an article as its events tell it; {@code extracted} is null until its claims are in. */
    public record Article(ArticleIngested ingested, ClaimsExtracted extracted) {
    }

    private final EventStore store;
    private final AgroalDataSource dataSource;

    public ArticleEvents(ViewJson json, AgroalDataSource dataSource) {
        this.store = json.store();
        this.dataSource = dataSource;
    }

    /** The events of these rows, by article id, read in one query. */
    public Map<UUID, Article> of(Collection<ArticleViewEntity> rows) {
        List<Long> positions = new ArrayList<>(rows.size() * 2);
        for (ArticleViewEntity row : rows) {
            positions.add(row.position);
            if (row.claimsPosition != null) {
                positions.add(row.claimsPosition);
            }
        }
        Map<Long, RecordedEvent> byPosition = new HashMap<>(positions.size() * 2);
        try (Connection c = dataSource.getConnection()) {
            for (RecordedEvent e : store.readPositions(c, positions)) {
                byPosition.put(e.position(), e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the events of " + rows.size() + " articles", e);
        }
        Map<UUID, Article> articles = new HashMap<>(rows.size() * 2);
        for (ArticleViewEntity row : rows) {
            RecordedEvent ingested = byPosition.get(row.position);
            if (ingested == null || !(ingested.event() instanceof ArticleIngested i)) {
                throw new IllegalStateException("article " + row.articleId + " points at position " + row.position
                        + ", which holds no ArticleIngested event");
            }
            RecordedEvent claims = row.claimsPosition == null ? null : byPosition.get(row.claimsPosition);
            articles.put(row.articleId, new Article(i, claims != null && claims.event() instanceof ClaimsExtracted x
                    ? x : null));
        }
        return articles;
    }

    public Article of(ArticleViewEntity row) {
        return of(List.of(row)).get(row.articleId);
    }
}
