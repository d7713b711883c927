package org.newsroom.query.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.newsroom.events.Checkpoint;
import org.newsroom.events.RecordedEvent;
import org.newsroom.events.StoryEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The projector's checkpoint row: read it, and move it inside the transaction that applies a batch. */
@ApplicationScoped
public class Checkpoints {

    public static final String NAME = "story-view";

    private final AgroalDataSource dataSource;
    private final EntityManager entityManager;

    public Checkpoints(AgroalDataSource dataSource, EntityManager entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    /** The committed checkpoint; created at the start of the log when missing. */
    public Checkpoint read() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO projection_checkpoint (name, transaction_id, position, max_position)
                    VALUES (?, '0', 0, 0) ON CONFLICT (name) DO NOTHING
                    """)) {
                ps.setString(1, NAME);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT transaction_id::text, position FROM projection_checkpoint WHERE name = ?")) {
                ps.setString(1, NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Checkpoint(Long.parseUnsignedLong(rs.getString(1)), rs.getLong(2));
                }
            }
        }
    }

    /**
     * Moves the checkpoint from {@code from} past {@code batch} in the current transaction. Fails, rolling the
     * batch back, if the checkpoint is no longer at {@code from}: another projector got there first.
     */
    public Checkpoint advance(Checkpoint from, List<RecordedEvent> batch) {
        RecordedEvent last = batch.get(batch.size() - 1);
        long maxPosition = batch.stream().mapToLong(RecordedEvent::position).max().orElseThrow();
        entityManager.flush();
        int moved = entityManager.createNativeQuery("""
                        UPDATE projection_checkpoint
                        SET transaction_id = CAST(CAST(?1 AS text) AS xid8), position = ?2,
                            max_position = greatest(max_position, ?3), updated_at = now()
                        WHERE name = ?4 AND transaction_id = CAST(CAST(?5 AS text) AS xid8) AND position = ?6
                        """)
                .setParameter(1, Long.toUnsignedString(last.transactionId()))
                .setParameter(2, last.position())
                .setParameter(3, maxPosition)
                .setParameter(4, NAME)
                .setParameter(5, Long.toUnsignedString(from.transactionId()))
                .setParameter(6, from.position())
                .executeUpdate();
        if (moved != 1) {
            throw new IllegalStateException("checkpoint moved by another projector; batch rolled back");
        }
        // Delivered on commit only: every instance learns which views this batch changed (live pages, view cache).
        Set<UUID> stories = new TreeSet<>();
        batch.forEach(e -> {
            if (e.event() instanceof StoryEvent.ArticleAssignedToStory a) {
                stories.add(a.storyId());
            }
        });
        entityManager.createNativeQuery(
                        "SELECT CAST(pg_notify(?1, max_position || ?2) AS text) FROM projection_checkpoint WHERE name = ?3")
                .setParameter(1, ProjectionRunner.VIEWS_CHANNEL)
                .setParameter(2, ViewChange.listed(stories))
                .setParameter(3, NAME)
                .getResultList();
        return Checkpoint.at(last);
    }

    /** Back to the start of the log, in the current transaction (for a rebuild). */
    public void reset() {
        entityManager.createNativeQuery("""
                        UPDATE projection_checkpoint SET transaction_id = '0', position = 0, max_position = 0,
                            updated_at = now()
                        WHERE name = ?1
                        """)
                .setParameter(1, NAME)
                .executeUpdate();
    }
}
