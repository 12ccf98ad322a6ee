package io.parley.common.events.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Migrations of tables that grow to millions of rows (call-service's: calls, their participants and files) must not
 * block them while they run (docs/configuration.md, "Upgrading a running system"): an index is created or dropped
 * {@code CONCURRENTLY}, alone in a migration Flyway runs outside a transaction ({@code <script>.conf} holding
 * {@code executeInTransaction=false}); a CHECK or foreign-key constraint is added {@code NOT VALID} and validated by
 * a later migration of its own; a unique or primary key is added {@code USING INDEX} an index built concurrently
 * before. Versions up to {@value #LANDED_BEFORE_THE_RULES} landed before these rules and are
 * frozen as they are (V9 rebuilds indexes of {@code call} in one transaction).
 */
class LargeTableMigrationsTest {

    static final String LARGE_TABLE_MIGRATIONS = "call-service/src/main/resources/db/migration";
    static final int LANDED_BEFORE_THE_RULES = 10;

    private static final Pattern VERSION = Pattern.compile("V(\\d+)(?:_\\d+)*__.+\\.sql");
    private static final Pattern INDEX_CHANGE = Pattern
            .compile("\\b(CREATE\\s+(UNIQUE\\s+)?INDEX|DROP\\s+INDEX|REINDEX)\\b(?<rest>[^;]*)");
    private static final Pattern CONSTRAINT_ADDED = Pattern
            .compile("\\bADD\\s+(CONSTRAINT\\s+\\S+\\s+)?(CHECK|FOREIGN\\s+KEY)\\b[^;]*");
    private static final Pattern KEY_ADDED = Pattern
            .compile("\\bADD\\s+(CONSTRAINT\\s+\\S+\\s+)?(UNIQUE|PRIMARY\\s+KEY)\\b[^;]*");

    @Test
    void migrationsAfterTheRulesKeepThem() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path script : scripts(LandedMigrationsTest.repository().resolve(LARGE_TABLE_MIGRATIONS))) {
            Matcher version = VERSION.matcher(script.getFileName().toString());
            if (version.matches() && Integer.parseInt(version.group(1)) > LANDED_BEFORE_THE_RULES) {
                problems.addAll(problems(script));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theRulesCatchABlockingIndexBuildAndAConstraintValidatedUnderLock(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path index = Files.writeString(dir.resolve("V11__call_index.sql"),
                "CREATE INDEX call_recorder_idx ON call (recorder_id);\n");
        Path constraint = Files.writeString(dir.resolve("V12__call_check.sql"),
                "ALTER TABLE call ADD CONSTRAINT call_port_check CHECK (from_port >= 0);\n");
        Path key = Files.writeString(dir.resolve("V13__call_key.sql"),
                "ALTER TABLE call ADD CONSTRAINT call_protocol_id_key UNIQUE (protocol_call_id);\n");
        assertEquals(2, problems(index).size(), problems(index).toString()); // not concurrent, in a transaction
        assertEquals(1, problems(constraint).size(), problems(constraint).toString());
        assertEquals(1, problems(key).size(), problems(key).toString());

        Files.writeString(index, "SET lock_timeout = '10s';\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS call_recorder_idx ON call (recorder_id);\n");
        Files.writeString(dir.resolve("V11__call_index.sql.conf"), "executeInTransaction=false\n");
        Files.writeString(constraint,
                "ALTER TABLE call ADD CONSTRAINT call_port_check CHECK (from_port >= 0) NOT VALID;\n");
        Files.writeString(key,
                "ALTER TABLE call ADD CONSTRAINT call_protocol_id_key UNIQUE USING INDEX call_protocol_id_idx;\n");
        assertEquals(List.of(), problems(index));
        assertEquals(List.of(), problems(constraint));
        assertEquals(List.of(), problems(key));
    }

    static List<String> problems(Path script) throws IOException {
        String name = script.getFileName().toString();
        String sql = withoutComments(Files.readString(script)).toUpperCase(Locale.ROOT);
        List<String> problems = new ArrayList<>();
        Matcher index = INDEX_CHANGE.matcher(sql);
        boolean changesIndexes = false;
        while (index.find()) {
            changesIndexes = true;
            if (!index.group("rest").strip().startsWith("CONCURRENTLY")) {
                problems.add(name + ": " + index.group(1) + " without CONCURRENTLY blocks the table's writes");
            }
        }
        if (changesIndexes) {
            Path conf = script.resolveSibling(name + ".conf");
            if (!Files.exists(conf) || !Files.readString(conf).replace(" ", "").contains("executeInTransaction=false")) {
                problems.add(name + ": an index change needs " + name + ".conf with executeInTransaction=false");
            }
            long statements = Stream.of(sql.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                    .filter(s -> !s.startsWith("SET ") && !s.startsWith("RESET ")).count();
            if (statements > 1) {
                problems.add(name + ": an index change is the only statement of its migration");
            }
        }
        Matcher constraint = CONSTRAINT_ADDED.matcher(sql);
        while (constraint.find()) {
            if (!constraint.group().contains("NOT VALID")) {
                problems.add(name + ": a constraint is added NOT VALID, then validated in a migration of its own");
            }
        }
        Matcher key = KEY_ADDED.matcher(sql);
        while (key.find()) {
            if (!key.group().contains("USING INDEX")) {
                problems.add(name + ": a unique or primary key is added USING INDEX, built CONCURRENTLY before");
            }
        }
        if (sql.contains("VALIDATE CONSTRAINT") && Stream.of(sql.split(";")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.startsWith("SET ") && !s.startsWith("RESET ")).count() > 1) {
            problems.add(name + ": VALIDATE CONSTRAINT is the only statement of its migration");
        }
        return problems;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?m)--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static List<Path> scripts(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }
}
