package io.parley.common.embedded.architecture;

import java.util.regex.Pattern;

import com.tngtech.archunit.library.freeze.ViolationLineMatcher;

/**
 * Compares a recorded violation with a new one as the same when they differ only in source line numbers or in how
 * many dependencies a cycle's edge has (cycles are recorded without their dependencies, see each service's
 * archunit.properties): moving code, or one more call along a recorded cycle, is no new violation; a new cycle or a
 * new edge is. Named by {@code freeze.lineMatcher} in each service's archunit.properties.
 */
public final class StableViolationLines implements ViolationLineMatcher {

    private static final Pattern LINE_NUMBER = Pattern.compile("\\.java:\\d+\\)");
    private static final Pattern OMITTED = Pattern.compile("\\(\\d+ further dependencies have been omitted\\.\\.\\.\\)");

    @Override
    public boolean matches(String recorded, String found) {
        return normalized(recorded).equals(normalized(found));
    }

    private static String normalized(String line) {
        return OMITTED.matcher(LINE_NUMBER.matcher(line).replaceAll(".java)")).replaceAll("(more dependencies)");
    }
}
