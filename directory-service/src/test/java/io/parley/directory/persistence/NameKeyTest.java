package io.parley.directory.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** Which names are the same name: Unicode NFKC_Casefold, white space made single, nothing else. */
class NameKeyTest {

    @Test
    void caseWidthAndCompatibilityFormsAreOneName() {
        for (String name : new String[] { "System", "SYSTEM", "system", "\u017Fystem",
                "\uFF33\uFF59\uFF53\uFF54\uFF45\uFF4D" }) {
            assertEquals("system", NameKey.of(name), name);
        }
        assertEquals("kelvin", NameKey.of("\u212Aelvin"));
        assertEquals("file", NameKey.of("\uFB01le"));
    }

    @Test
    void sharpSIsSs() {
        assertEquals(NameKey.of("STRASSE"), NameKey.of("Stra\u00DFe"));
        assertEquals(NameKey.of("STRASSE"), NameKey.of("STRA\u1E9EE"));
    }

    @Test
    void invisibleCharactersCountForNothingAndSpacesForOne() {
        assertEquals("system", NameKey.of("Sys\u00ADtem"));
        assertEquals("system", NameKey.of("SYSTEM\u200B"));
        assertEquals("head office", NameKey.of("Head\u00A0 \u3000Office "));
    }

    @Test
    void lettersOfAnotherScriptMakeAnotherName() {
        assertNotEquals(NameKey.of("System"), NameKey.of("\u0405ystem")); // Cyrillic capital dze
    }
}
