package io.parley.common.events.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Migrations that were edited after they had landed (call-service V1 and V2, directory-service V5): a database
 * migrated with an earlier form of such a file holds that form's checksum, which Flyway's validation refuses, and
 * may lack what the edit added. Each earlier form is listed in the service's {@value #LIST}, with the script that
 * brings a database made by it to what the landed form makes; where the service's history holds that version with
 * exactly that earlier checksum, the script runs and the checksum becomes the landed one, in one transaction. Any
 * other checksum is left to Flyway's validation to refuse.
 * <p>
 * A line of the list: {@code <version> <earlier checksum> <landed checksum> <script>}, {@code -} for no script.
 */
final class EarlierMigrationVersions {

    static final String LIST = "db/earlier-versions.txt";

    private EarlierMigrationVersions() {
    }

    record EarlierVersion(String version, int earlierChecksum, int landedChecksum, String script) {
    }

    static void upgrade(Configuration service) {
        List<EarlierVersion> earlier = listed(service.getClassLoader());
        if (earlier.isEmpty()) {
            return;
        }
        try (Connection connection = SharedMigrations.open(service)) {
            String schema = SharedMigrations.quote(SharedMigrations.schema(service, connection));
            String history = schema + "." + SharedMigrations.quote(service.getTable());
            if (!SharedMigrations.exists(connection, history)) {
                return;
            }
            for (EarlierVersion version : earlier) {
                upgrade(connection, schema, history, version, service.getClassLoader());
            }
        } catch (SQLException e) {
            throw new FlywayException("Cannot upgrade earlier forms of landed migrations: " + e.getMessage(), e);
        }
    }

    private static void upgrade(Connection connection, String schema, String history, EarlierVersion version,
            ClassLoader classLoader) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + history + " SET checksum = ? WHERE version = ? AND checksum = ? AND success")) {
            update.setInt(1, version.landedChecksum());
            update.setString(2, version.version());
            update.setInt(3, version.earlierChecksum());
            if (update.executeUpdate() == 1 && !"-".equals(version.script())) {
                try (Statement script = connection.createStatement()) {
                    // as Flyway runs a migration: in the service's schema
                    script.execute("SET LOCAL search_path TO " + schema);
                    script.execute(read(classLoader, version.script()));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("version " + version.version() + " (" + version.script() + "): " + e.getMessage(),
                    e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static List<EarlierVersion> listed(ClassLoader classLoader) {
        List<EarlierVersion> versions = new ArrayList<>();
        try {
            for (URL list : Collections.list(classLoader.getResources(LIST))) {
                try (InputStream in = list.openStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String content = line.strip();
                        if (content.isEmpty() || content.startsWith("#")) {
                            continue;
                        }
                        String[] fields = content.split("\\s+");
                        versions.add(new EarlierVersion(fields[0], Integer.parseInt(fields[1]),
                                Integer.parseInt(fields[2]), fields[3]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LIST, e);
        }
        return versions;
    }

    private static String read(ClassLoader classLoader, String resource) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new FlywayException(resource + " is missing");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return String.join("\n", reader.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
