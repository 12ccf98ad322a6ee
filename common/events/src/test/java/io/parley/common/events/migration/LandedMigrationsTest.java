package io.parley.common.events.migration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Landed migrations are frozen: every migration file of every module ({@code src/main/resources/db/}, SQL scripts
 * and their {@code .sql.conf}; {@code src/main/java/db/}, Java migrations) is listed with its SHA-256 in
 * {@value #LOCK}, and a file that changed, went away or is not listed fails here. A database migrated with a file's earlier
 * form would fail Flyway's validation or lack
 * what the edit added; a change is a new migration (docs/configuration.md, "Migrations").
 */
class LandedMigrationsTest {

    static final String LOCK = "docs/migrations.lock";

    @Test
    void everyMigrationFileIsAsItLanded() throws IOException {
        Path repository = repository();
        Map<String, String> locked = locked(repository.resolve(LOCK));
        Map<String, String> present = present(repository);
        List<String> problems = new ArrayList<>();
        locked.forEach((path, checksum) -> {
            if (!present.containsKey(path)) {
                problems.add(path + " is listed in " + LOCK + " but gone: a landed migration is never removed");
            } else if (!present.get(path).equals(checksum)) {
                problems.add(path + " changed after it landed: restore it (git checkout) and put the change in a "
                        + "new migration");
            }
        });
        present.keySet().stream().filter(path -> !locked.containsKey(path)).forEach(path -> problems.add(path
                + " is not in " + LOCK + ": once it is final, add it from the repository's root with "
                + "`sha256sum " + path + " >> " + LOCK + "`"));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theLockListsEveryModulesMigrations() throws IOException {
        Map<String, String> locked = locked(repository().resolve(LOCK));
        for (String location : List.of("common/events/src/main/resources/db/parley-events/",
                "common/directory-replica/src/main/resources/db/parley-directory-replica/",
                "call-service/src/main/resources/db/migration/", "crypto-service/src/main/resources/db/migration/",
                "directory-service/src/main/resources/db/migration/")) {
            assertTrue(locked.keySet().stream().anyMatch(path -> path.startsWith(location)), location);
        }
    }

    /** The repository's root: the first directory up from the module's that holds {@code mvnw}. */
    static Path repository() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("Not inside the repository: " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    /** {@code sha256sum}'s lines: the checksum, two spaces, the path from the repository's root. */
    private static Map<String, String> locked(Path lock) throws IOException {
        Map<String, String> locked = new TreeMap<>();
        for (String line : Files.readAllLines(lock)) {
            if (!line.isBlank()) {
                String[] fields = line.split("\\s+\\*?", 2);
                locked.put(fields[1].strip(), fields[0]);
            }
        }
        return locked;
    }

    /** The migration files of every module (a directory with a {@code pom.xml}, up to two levels down). */
    private static Map<String, String> present(Path repository) throws IOException {
        Map<String, String> present = new TreeMap<>();
        List<Path> modules;
        try (Stream<Path> poms = Files.find(repository, 3, (path, attributes) -> path.endsWith("pom.xml"))) {
            modules = poms.map(Path::getParent).toList();
        }
        for (Path module : modules) {
            for (Path db : List.of(module.resolve("src/main/resources/db"), module.resolve("src/main/java/db"))) {
                if (!Files.isDirectory(db)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(db)) {
                    files.filter(Files::isRegularFile).filter(LandedMigrationsTest::isMigration)
                            .forEach(file -> present.put(repository.relativize(file).toString().replace('\\', '/'),
                                    sha256(read(file))));
                }
            }
        }
        return present;
    }

    private static boolean isMigration(Path file) {
        String name = file.toString();
        return name.endsWith(".sql") || name.endsWith(".sql.conf") || name.endsWith(".java");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
