package io.parley.directory.role;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The documented catalog and the one validation applies are the same, resource by resource, in the same order. */
class PermissionsCatalogDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "permissions-catalog.md");
    private static final Pattern LINE = Pattern.compile("^- `([a-z_]+)`: ([a-z_, ]+)$");

    @Test
    void documentListsExactlyTheCatalog() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOCUMENT)) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                documented.put(matcher.group(1), Arrays.asList(matcher.group(2).split(", ")));
            }
        }
        assertEquals(List.copyOf(Permissions.CATALOG.entrySet()), List.copyOf(documented.entrySet()));
    }
}
