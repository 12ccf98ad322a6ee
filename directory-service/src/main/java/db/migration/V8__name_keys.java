package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

import io.parley.directory.persistence.NameKey;

/**
 * Names of tenants, groups, roles and clients become unique under {@link NameKey} (Unicode NFKC_Casefold), not only
 * {@code lower(name)}: each table gets {@code name_key}, computed here in Java for every existing row (PostgreSQL has
 * no NFKC_Casefold), and a unique index on it. Look-alikes that exist already are kept as they are, so that the
 * migration never fails a deployment: of each set of rows whose names share a key, the first (the System tenant, then
 * the oldest) gets the key, the others none until they are renamed; each is logged by id
 * (docs/directory-rules.md). In the migration's transaction: what it reads cannot change meanwhile.
 */
public class V8__name_keys extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V8__name_keys.class);
    private static final int BATCH = 1000;

    /** Each table, the column its names are unique within ({@code null}: the whole table), and who comes first. */
    private record Named(String table, String owner, String firstFirst) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Named named : new Named[] {
                new Named("tenant", null, "is_system DESC, created_at, id"),
                new Named("user_group", "tenant_id", "tenant_id, created_at, id"),
                new Named("role", "tenant_id", "tenant_id, created_at, id"),
                new Named("client", "tenant_id", "tenant_id, created_at, id") }) {
            fill(connection, named);
        }
    }

    private static void fill(Connection connection, Named named) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE " + named.table() + " ADD COLUMN name_key text");
        }
        String owner = named.owner() == null ? "NULL" : named.owner();
        try (Statement read = connection.createStatement();
                PreparedStatement write = connection
                        .prepareStatement("UPDATE " + named.table() + " SET name_key = ? WHERE id = ?")) {
            read.setFetchSize(BATCH); // a cursor: the rows of one owner at a time are held, never the whole table
            try (ResultSet rows = read.executeQuery("SELECT id, CAST(" + owner + " AS text), name FROM "
                    + named.table() + " ORDER BY " + named.firstFirst())) {
                Object currentOwner = null;
                Map<String, Object> keyHolders = new HashMap<>();
                int pending = 0;
                while (rows.next()) {
                    Object id = rows.getObject(1);
                    String rowOwner = rows.getString(2);
                    if (!Objects.equals(rowOwner, currentOwner)) {
                        currentOwner = rowOwner;
                        keyHolders.clear();
                    }
                    String key = NameKey.of(rows.getString(3));
                    Object holder = keyHolders.putIfAbsent(key, id);
                    if (holder != null) {
                        LOG.warnf("%s %s keeps a name that is a look-alike of %s's, without a name key: rename one"
                                + " of them", named.table(), id, holder);
                        continue;
                    }
                    write.setString(1, key);
                    write.setObject(2, id);
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                write.executeBatch();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE UNIQUE INDEX " + named.table() + "_normalized_name_key ON " + named.table() + " ("
                    + (named.owner() == null ? "" : named.owner() + ", ") + "name_key)");
        }
    }
}
