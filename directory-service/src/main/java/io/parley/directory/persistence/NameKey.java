package io.parley.directory.persistence;

import java.util.regex.Pattern;

import com.ibm.icu.text.Normalizer2;

/**
 * A name as the directory's uniqueness rules compare it: Unicode's NFKC_Casefold (ICU), which maps every case
 * variant and compatibility form to one string and drops default-ignorable characters, with runs of white space made
 * one space and none at the ends. So "ſystem", "ＳＹＳＴＥＭ", "Sys&shy;tem" (a soft hyphen inside) and "SYSTEM" all
 * have the key "system", and "Straße" that of "STRASSE". Letters of different scripts that merely look alike (a
 * Cyrillic "С" for a Latin "C") keep keys of their own: they are different letters to Unicode too.
 * <p>
 * Unicode keeps normalization and case folding stable for assigned characters, so a key stored once stays the key of
 * its name when ICU is upgraded.
 */
public final class NameKey {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private NameKey() {
    }

    public static String of(String name) {
        return WHITE_SPACE.matcher(NFKC_CASEFOLD.normalize(name)).replaceAll(" ").strip();
    }
}
