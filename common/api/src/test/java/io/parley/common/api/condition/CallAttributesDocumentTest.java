package io.parley.common.api.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The attributes documented for conditions and those the parser reads are the same, in the same order. */
class CallAttributesDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "..", "docs", "recorder-events.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z-]+)` \\| `([a-z_]+)` \\|.*$");

    @Test
    void documentListsExactlyTheAttributes() throws IOException {
        List<String> documented = Files.readAllLines(DOCUMENT).stream().map(ROW::matcher).filter(Matcher::matches)
                .map(row -> row.group(1) + " " + row.group(2)).toList();
        assertEquals(Arrays.stream(CallAttribute.values()).map(attribute -> attribute.attributeName + " "
                + attribute.field).toList(), documented);
    }
}
