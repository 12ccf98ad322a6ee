package io.parley.directory.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.junit.jupiter.api.Test;

/**
 * The directory-service rows of docs/permissions.md are exactly the endpoints the compiled resources serve, each with
 * the permission (or gateway group) its annotation names.
 */
class PermissionsMatrixDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "permissions.md");
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern ROW = Pattern.compile(
            "^\\| (GET|POST|PUT|DELETE) \\| `([^`]+)` \\| (.+?) \\| directory-service \\|.*$");
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName PERMISSIONS = DotName.createSimple("io.quarkus.security.PermissionsAllowed");
    private static final DotName ROLES = DotName.createSimple("jakarta.annotation.security.RolesAllowed");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");

    @Test
    void documentListsEveryDirectoryEndpointWithTheAnnotatedPermission() throws IOException {
        Set<String> served = served();
        assertFalse(served.isEmpty());
        assertEquals(String.join("\n", served), String.join("\n", documented()));
    }

    private static Set<String> documented() throws IOException {
        Set<String> rows = new TreeSet<>();
        for (String line : Files.readAllLines(DOCUMENT)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.add(row.group(1) + " " + normalize(row.group(2)) + " -> " + row.group(3).replace("`", ""));
            }
        }
        return rows;
    }

    private static Set<String> served() throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        Index index = indexer.complete();
        Set<String> rows = new TreeSet<>();
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = path.target().asClass();
            for (MethodInfo method : resource.methods()) {
                for (String verb : METHODS) {
                    if (method.hasDeclaredAnnotation(DotName.createSimple("jakarta.ws.rs." + verb))) {
                        AnnotationInstance sub = method.declaredAnnotation(PATH);
                        String full = join(path.value().asString(), sub == null ? "" : sub.value().asString());
                        for (String alternative : alternatives(full)) {
                            rows.add(verb + " " + normalize(alternative) + " -> " + needs(method));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static String needs(MethodInfo method) {
        AnnotationInstance permissions = method.declaredAnnotation(PERMISSIONS);
        if (permissions != null) {
            return String.join(" or ", permissions.value().asStringArray());
        }
        AnnotationInstance roles = method.declaredAnnotation(ROLES);
        if (roles != null) {
            return "group " + String.join(", ", roles.value().asStringArray());
        }
        return "nothing";
    }

    private static String join(String base, String sub) {
        String joined = (base.endsWith("/") ? base : base + "/") + (sub.startsWith("/") ? sub.substring(1) : sub);
        return joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code {path: tenants|tenant}/x} stands for {@code tenants/x} and {@code tenant/x}. */
    private static List<String> alternatives(String path) {
        Matcher choice = Pattern.compile("\\{\\w+: ?([\\w|]+)\\}").matcher(path);
        if (!choice.find()) {
            return List.of(path);
        }
        List<String> paths = new ArrayList<>();
        for (String option : choice.group(1).split("\\|")) {
            paths.addAll(alternatives(path.substring(0, choice.start()) + option + path.substring(choice.end())));
        }
        return paths;
    }

    /** Path parameters compared by position, not by name: {@code {userId}} and {@code {user_id}} are the same. */
    private static String normalize(String path) {
        return Arrays.stream(path.split("/")).map(part -> part.replaceAll("\\{[^}]*\\}", "{}"))
                .collect(Collectors.joining("/"));
    }
}
