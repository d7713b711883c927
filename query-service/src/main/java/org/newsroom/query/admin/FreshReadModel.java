package org.newsroom.query.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read model built beside the live one, in tables of its own, and swapped in for it at the end of the rebuild's
 * transaction. Readers keep the old tables until the commit. The new ones start empty in this transaction, so they
 * take {@code COPY ... FREEZE}, have no old rows to delete or to vacuum afterwards, and get their indexes once,
 * after they are filled. Everything the swap recreates (indexes, constraints, the views over the tables, privileges,
 * comments) is read from the catalog, so the migrations stay the one place that defines the read model.
 */
final class FreshReadModel {

    /** Appended to a read-model table's name for its fresh twin. */
    static final String SUFFIX = "_rebuilt";

    /** An index of a table: backing a constraint ({@code constraint} non-null), or on its own. */
    private record Index(String table, String name, String constraint, String definition) {
    }

    /** A view over the tables, recreated over the new ones. */
    private record View(String name, String definition, String comment) {
    }

    private final List<String> tables;
    private final List<Index> indexes = new ArrayList<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    private final Map<String, String> tableComments = new LinkedHashMap<>();
    private final List<String> grants = new ArrayList<>();

    private FreshReadModel(List<String> tables) {
        this.tables = tables;
    }

    /** The fresh twin of a read-model table. */
    static String fresh(String table) {
        return table + SUFFIX;
    }

    /**
     * Creates an empty twin of each table (columns, defaults, checks, storage, statistics and column comments as in
     * the table; no indexes yet), on the rebuild's transaction, and reads what the swap will need.
     *
     * @throws IllegalStateException if the tables have something the swap could not carry over: a foreign key or a
     *                               trigger
     */
    static FreshReadModel create(Connection c, List<String> tables) throws SQLException {
        FreshReadModel model = new FreshReadModel(tables);
        String[] names = tables.toArray(String[]::new);
        model.refuseWhatCannotBeCarried(c, names);
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.relname, i.relname, con.conname, pg_get_constraintdef(con.oid), pg_get_indexdef(i.oid)
                FROM pg_index x
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_class i ON i.oid = x.indexrelid
                LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid
                WHERE t.oid = ANY (?::regclass[])
                ORDER BY t.relname, i.relname""")) {
            ps.setArray(1, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    model.indexes.add(new Index(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(3) == null ? rs.getString(5) : rs.getString(4)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT v.oid, v.relname, pg_get_viewdef(v.oid), obj_description(v.oid, 'pg_class')
                FROM pg_depend d
                JOIN pg_rewrite r ON r.oid = d.objid
                JOIN pg_class v ON v.oid = r.ev_class
                WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = ANY (?::regclass[]) AND v.relkind = 'v'
                ORDER BY v.oid""")) {
            ps.setArray(1, c.createArrayOf("text", names));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    model.views.put(rs.getString(2), new View(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        List<String> relations = new ArrayList<>(tables);
        relations.addAll(model.views.keySet());
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT t.relname, obj_description(t.oid, 'pg_class'), a.privilege_type,
                       CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                       a.is_grantable, pg_get_userbyid(t.relowner) = pg_get_userbyid(a.grantee)
                FROM pg_class t LEFT JOIN LATERAL aclexplode(t.relacl) a ON true
                WHERE t.oid = ANY (?::regclass[])""")) {
            ps.setArray(1, c.createArrayOf("text", relations.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null && tables.contains(rs.getString(1))) {
                        model.tableComments.put(rs.getString(1), rs.getString(2));
                    }
                    // The owner's own privileges come with ownership.
                    if (rs.getString(3) != null && !rs.getBoolean(6)) {
                        model.grants.add("GRANT " + rs.getString(3) + " ON " + rs.getString(1) + " TO "
                                + rs.getString(4) + (rs.getBoolean(5) ? " WITH GRANT OPTION" : ""));
                    }
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("CREATE TABLE " + fresh(table) + " (LIKE " + table + " INCLUDING ALL EXCLUDING INDEXES)");
            }
        }
        return model;
    }

    private void refuseWhatCannotBeCarried(Connection c, String[] names) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT conname || ' on ' || conrelid::regclass::text FROM pg_constraint
                WHERE contype = 'f' AND (conrelid = ANY (?::regclass[]) OR confrelid = ANY (?::regclass[]))
                UNION ALL
                SELECT tgname || ' on ' || tgrelid::regclass::text FROM pg_trigger
                WHERE NOT tgisinternal AND tgrelid = ANY (?::regclass[])""")) {
            for (int i = 1; i <= 3; i++) {
                ps.setArray(i, c.createArrayOf("text", names));
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
                if (!found.isEmpty()) {
                    throw new IllegalStateException("the read model cannot be rebuilt beside the old one: a rebuild "
                            + "would not carry over these foreign keys or triggers: " + found);
                }
            }
        }
    }

    /**
     * Replaces the old tables with the fresh ones, which take their names, indexes, constraints, views, comments and
     * privileges. Waits at most {@code lockTimeoutMillis} for readers of the old tables to let go (a failure rolls
     * the whole rebuild back). Readers that come meanwhile wait for the commit and then read the new tables.
     */
    void swap(Connection c, long lockTimeoutMillis) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL lock_timeout = " + lockTimeoutMillis);
            List<String> dependents = new ArrayList<>(views.keySet());
            for (int i = dependents.size() - 1; i >= 0; i--) {
                s.execute("DROP VIEW " + dependents.get(i));
            }
            for (String table : tables) {
                s.execute("DROP TABLE " + table);
                s.execute("ALTER TABLE " + fresh(table) + " RENAME TO " + table);
            }
            for (Index index : indexes) {
                s.execute(index.constraint() == null ? index.definition()
                        : "ALTER TABLE " + index.table() + " ADD CONSTRAINT " + index.constraint() + " "
                        + index.definition());
            }
            for (View view : views.values()) {
                s.execute("CREATE VIEW " + view.name() + " AS " + view.definition());
                if (view.comment() != null) {
                    comment(c, "VIEW", view.name(), view.comment());
                }
            }
            for (Map.Entry<String, String> comment : tableComments.entrySet()) {
                comment(c, "TABLE", comment.getKey(), comment.getValue());
            }
            for (String grant : grants) {
                s.execute(grant);
            }
            s.execute("SET LOCAL lock_timeout = DEFAULT");
        }
    }

    private static void comment(Connection c, String kind, String name, String text) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format('COMMENT ON " + kind + " %I IS %L', ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, text);
            try (ResultSet rs = ps.executeQuery(); Statement s = c.createStatement()) {
                rs.next();
                s.execute(rs.getString(1));
            }
        }
    }
}
