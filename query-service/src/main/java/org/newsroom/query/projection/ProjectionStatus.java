package org.newsroom.query.projection;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Where the read model stands in the log, read from the checkpoint row so that every replica answers the same. */
@ApplicationScoped
public class ProjectionStatus {

    private final AgroalDataSource dataSource;

    public ProjectionStatus(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The highest global position the read model reflects. */
    public long projectedPosition() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT max_position FROM projection_checkpoint WHERE name = ?")) {
            ps.setString(1, Checkpoints.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Whether the event at {@code position} has been applied (events are applied in commit order, not position order). */
    public boolean hasApplied(long position) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT (e.transaction_id, e.position) <= (p.transaction_id, p.position)
                FROM events e, projection_checkpoint p
                WHERE e.position = ? AND p.name = ?
                """)) {
            ps.setLong(1, position);
            ps.setString(2, Checkpoints.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Events in the log that the read model has not applied yet. */
    public long lag() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH p AS (SELECT coalesce(max(transaction_id::text), '0')::xid8 AS x, coalesce(max(position), 0) AS pos
                           FROM projection_checkpoint WHERE name = ?)
                SELECT count(*) FROM events e, p
                WHERE e.transaction_id > p.x OR (e.transaction_id = p.x AND e.position > p.pos)
                """)) {
            ps.setString(1, Checkpoints.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
