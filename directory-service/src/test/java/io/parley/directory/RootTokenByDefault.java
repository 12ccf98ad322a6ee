package io.parley.directory;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.embedded.IdentityTokens;
import io.parley.directory.role.Permissions;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every test request goes out with a root caller's identity token, as the gateway would send it, unless the test
 * says otherwise ({@code given().auth().oauth2(...)} or {@code auth().none()}). A fresh token per test: tokens are
 * short-lived.
 */
public class RootTokenByDefault implements QuarkusTestBeforeEachCallback {

    /** A root caller: ids of its own (root's scope does not depend on them), every permission, UTC. */
    public static final CallerIdentity ROOT = new CallerIdentity(UUID.randomUUID(), UUID.randomUUID(), null,
            UUID.randomUUID(), "root", "root", List.of(), allPermissions(), "UTC");

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.oauth2(IdentityTokens.of(ROOT));
    }

    private static Set<String> allPermissions() {
        return Permissions.CATALOG.entrySet().stream()
                .flatMap(entry -> entry.getValue().stream().map(operation -> entry.getKey() + ":" + operation))
                .collect(Collectors.toSet());
    }
}
