package io.parley.directory.access;

import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.common.api.identity.IdentityToken;
import io.parley.common.embedded.IdentityTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Every directory endpoint against a matrix of callers (docs/permissions.md): root; a {@code system} administrator of
 * tenant A; a {@code system} administrator of the System tenant; a manager of group G in tenant A; an agent
 * ({@code user} level) in G; a caller whose role lacks the permission. Tenant B is the other customer. One directory
 * is built for the whole class, as root, through the API.
 */
@QuarkusTest
class AccessMatrixTest {

    private static final String DIRECTORY_OPERATIONS = "view,add,edit,delete";

    /** The directory every test reads; built once. */
    private static World world;

    @TestHTTPResource(value = "health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    record World(String tenantA, String tenantB, String systemTenant, String groupG, String groupH, String groupB,
            String systemGroup, String adminRole, String managerRole, String agentRole, String roleB,
            String adminA, String managerA, String agentA, String memberG, String memberH, String userB,
            String systemAdmin, String rootUser, String clientA, String clientB,
            CallerIdentity admin, CallerIdentity manager, CallerIdentity agent, CallerIdentity systemWide) {
    }

    @BeforeEach
    void buildTheDirectoryOnce() {
        if (world == null) {
            world = build();
        }
    }

    // --- tokens ---

    @Test
    void requestWithoutATokenIsUnauthorized() {
        given().auth().none().when().get("/api/v2/users.json").then().statusCode(401);
        given().auth().none().contentType(ContentType.JSON).body("{\"tenant\": {\"name\": \"x\"}}")
                .when().post("/api/v2/tenants.json").then().statusCode(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() {
        String forged = IdentityTokens.forCaller(world.admin()).claim(IdentityToken.ACCESS_LEVEL, "root")
                .signedWith(IdentityTokens.untrustedKey()).sign();
        as(forged).get("/api/v2/users.json").then().statusCode(401);
    }

    @Test
    void alteredTokenIsUnauthorized() {
        String token = IdentityTokens.of(world.agent());
        String[] parts = token.split("\\.");
        String raised = IdentityTokens.forCaller(world.agent()).claim(IdentityToken.ACCESS_LEVEL, "root").sign()
                .split("\\.")[1];
        as(parts[0] + "." + raised + "." + parts[2]).get("/api/v2/users.json").then().statusCode(401);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        as(IdentityTokens.forCaller(world.admin()).expiredFor(Duration.ofMinutes(5)).sign())
                .get("/api/v2/users.json").then().statusCode(401);
    }

    @Test
    void tokenForAnotherAudienceOrFromAnotherIssuerIsUnauthorized() {
        as(IdentityTokens.forCaller(world.admin()).claim("aud", "someone-else").sign())
                .get("/api/v2/users.json").then().statusCode(401);
        as(IdentityTokens.forCaller(world.admin()).claim("iss", "someone-else").sign())
                .get("/api/v2/users.json").then().statusCode(401);
    }

    @Test
    void malformedTokenIsUnauthorized() {
        as("not-a-jwt").get("/api/v2/users.json").then().statusCode(401);
    }

    @Test
    void healthAndMetricsNeedNoTokenOnTheManagementPort() {
        given().auth().none().when().get(ready).then().statusCode(200);
        given().auth().none().when().get(metrics).then().statusCode(200);
    }

    @Test
    void healthMetricsAndOpenApiAreNotOnTheApiPort() {
        for (String path : new String[] { "/q/health/ready", "/q/metrics", "/q/openapi" }) {
            as(IdentityTokens.of(io.parley.directory.RootTokenByDefault.ROOT)).get(path).then().statusCode(404);
        }
    }

    @Test
    void onlyTheGatewayChecksCredentials() {
        String body = "{\"login\": \"root\", \"password\": \"wrong\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/internal/v1/authenticate")
                .then().statusCode(403);
        given().auth().none().contentType(ContentType.JSON).body(body).when().post("/internal/v1/authenticate")
                .then().statusCode(401);
        given().auth().oauth2(IdentityTokens.gateway()).contentType(ContentType.JSON).body(body)
                .when().post("/internal/v1/authenticate").then().statusCode(401);
    }

    // --- permissions ---

    @Test
    void everyDirectoryEndpointRefusesARoleWithoutItsPermission() {
        CallerIdentity nothing = caller(world.adminA(), world.tenantA(), world.groupH(), world.adminRole(), "system",
                List.of(), Set.of("calls:view"));
        String any = UUID.randomUUID().toString();
        for (String resource : List.of("users", "groups", "roles", "tenants", "clients")) {
            String list = "/api/v2/" + resource + ".json";
            String one = "/api/v2/" + resource + "/" + any + ".json";
            denied(as(nothing).get(list));
            denied(as(nothing).contentType(ContentType.JSON).body("{}").post(list));
            denied(as(nothing).get(one));
            denied(as(nothing).contentType(ContentType.JSON).body("{}").put(one));
            denied(as(nothing).delete(one));
        }
        denied(as(nothing).delete("/api/v2/tenant/" + any + ".json"));
    }

    @Test
    void permissionToViewDoesNotAllowChanging() {
        CallerIdentity viewer = caller(world.adminA(), world.tenantA(), world.groupH(), world.adminRole(), "system",
                List.of(), Set.of("users:view"));
        as(viewer).get("/api/v2/users/" + world.memberG() + ".json").then().statusCode(200);
        denied(as(viewer).contentType(ContentType.JSON).body("{\"user\": {\"name\": \"Renamed\"}}")
                .put("/api/v2/users/" + world.memberG() + ".json"));
    }

    // --- root and system-wide ---

    @Test
    void rootSeesEveryTenant() {
        as(IdentityTokens.of(io.parley.directory.RootTokenByDefault.ROOT)).get("/api/v2/tenants.json?limit=1000")
                .then().statusCode(200)
                .body("tenants.tenant_id", hasItems(world.tenantA(), world.tenantB(), world.systemTenant()));
    }

    @Test
    void systemAdministratorOfTheSystemTenantSeesEveryTenantsObjects() {
        as(world.systemWide()).get("/api/v2/tenants.json?limit=1000").then().statusCode(200)
                .body("tenants.tenant_id", hasItems(world.tenantA(), world.tenantB(), world.systemTenant()));
        as(world.systemWide()).get("/api/v2/users/" + world.userB() + ".json").then().statusCode(200);
        as(world.systemWide()).get("/api/v2/clients/" + world.clientA() + ".json").then().statusCode(200);
    }

    @Test
    void systemAdministratorOfTheSystemTenantCreatesAndDeletesTenants() {
        String location = as(world.systemWide()).contentType(ContentType.JSON)
                .body("{\"tenant\": {\"name\": \"" + unique("Made by system") + "\"}}")
                .post("/api/v2/tenants.json").then().statusCode(201).extract().header("Location");
        as(world.systemWide()).delete(location).then().statusCode(200);
    }

    @Test
    void systemAdministratorCannotTouchTheRootUser() {
        denied(as(world.systemWide()).contentType(ContentType.JSON)
                .body("{\"user\": {\"fieldset_login\": {\"password\": \"taken-over\"}}}")
                .put("/api/v2/users/" + world.rootUser() + ".json"));
        denied(as(world.systemWide()).delete("/api/v2/users/" + world.rootUser() + ".json"));
    }

    // --- system administrator of tenant A ---

    @Test
    void tenantAdministratorListsOnlyItsTenant() {
        as(world.admin()).get("/api/v2/tenants.json").then().statusCode(200)
                .body("tenants.tenant_id", containsInAnyOrder(world.tenantA()));
        for (String resource : List.of("users", "groups", "roles", "clients")) {
            as(world.admin()).get("/api/v2/" + resource + ".json?limit=1000").then().statusCode(200)
                    .body(resource + ".tenant_id", not(empty()))
                    .body(resource + ".tenant_id.unique()", containsInAnyOrder(world.tenantA()));
            as(world.admin()).get("/api/v2/" + resource + ".json?tenant_id=" + world.tenantB()).then()
                    .statusCode(200).body(resource, empty()).body("total", equalTo(0));
        }
    }

    @Test
    void tenantAdministratorGetsNotFoundForAnotherTenantsObjects() {
        for (String path : List.of("users/" + world.userB(), "groups/" + world.groupB(), "roles/" + world.roleB(),
                "tenants/" + world.tenantB(), "clients/" + world.clientB())) {
            String url = "/api/v2/" + path + ".json";
            as(world.admin()).get(url).then().statusCode(404);
            as(world.admin()).contentType(ContentType.JSON).body("{}").put(url).then().statusCode(404);
            as(world.admin()).delete(url).then().statusCode(404);
        }
        as(world.admin()).delete("/api/v2/tenant/" + world.tenantB() + ".json").then().statusCode(404);
    }

    @Test
    void tenantAdministratorCannotCreateInAnotherTenant() {
        fieldRefused(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"group\": {\"tenant_id\": \"" + world.tenantB() + "\", \"name\": \"Intruders\"}}")
                .post("/api/v2/groups.json"), "tenant_id");
        fieldRefused(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"tenant_id\": \"" + world.tenantB() + "\", \"name\": \"Intruder\","
                        + " \"access_level\": \"user\"}}")
                .post("/api/v2/roles.json"), "tenant_id");
        fieldRefused(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"client\": {\"tenant_id\": \"" + world.tenantB() + "\", \"name\": \"Intruder\","
                        + " \"contacts\": [{\"phone_number\": \"1\"}]}}")
                .post("/api/v2/clients.json"), "tenant_id");
        fieldRefused(as(world.admin()).contentType(ContentType.JSON)
                .body(user("Intruder", world.groupB(), world.roleB()))
                .post("/api/v2/users.json"), "group_id");
    }

    @Test
    void tenantAdministratorCannotMoveAUserIntoAnotherTenantsGroupOrRole() {
        fieldRefused(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"user\": {\"group_id\": \"" + world.groupB() + "\"}}")
                .put("/api/v2/users/" + world.memberH() + ".json"), "group_id");
        fieldRefused(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"user\": {\"role_id\": \"" + world.roleB() + "\"}}")
                .put("/api/v2/users/" + world.memberH() + ".json"), "role_id");
    }

    @Test
    void tenantAdministratorManagesItsOwnTenantsObjects() {
        String group = as(world.admin()).contentType(ContentType.JSON)
                .body("{\"group\": {\"tenant_id\": \"" + world.tenantA() + "\", \"name\": \"" + unique("Team")
                        + "\"}}")
                .post("/api/v2/groups.json").then().statusCode(201).extract().header("Location");
        as(world.admin()).contentType(ContentType.JSON).body("{\"group\": {\"timezone\": \"Europe/Paris\"}}")
                .put(group).then().statusCode(200);
        as(world.admin()).delete(group).then().statusCode(200);
    }

    @Test
    void tenantAdministratorSeesButCannotChangeOrCreateTenants() {
        as(world.admin()).get("/api/v2/tenants/" + world.tenantA() + ".json").then().statusCode(200);
        denied(as(world.admin()).contentType(ContentType.JSON).body("{\"tenant\": {\"timezone\": \"UTC\"}}")
                .put("/api/v2/tenants/" + world.tenantA() + ".json"));
        denied(as(world.admin()).delete("/api/v2/tenants/" + world.tenantA() + ".json"));
        denied(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"tenant\": {\"name\": \"" + unique("Own") + "\"}}").post("/api/v2/tenants.json"));
    }

    @Test
    void tenantAdministratorCannotRaiseItsOwnRoleOrGrantMoreThanItHolds() {
        denied(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"permissions\": {\"calls\": [\"delete\"]}}}")
                .put("/api/v2/roles/" + world.adminRole() + ".json"));
        denied(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"tenant_id\": \"" + world.tenantA() + "\", \"name\": \"" + unique("Super")
                        + "\", \"access_level\": \"root\"}}")
                .post("/api/v2/roles.json"));
        denied(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"tenant_id\": \"" + world.tenantA() + "\", \"name\": \"" + unique("Deleter")
                        + "\", \"access_level\": \"user\", \"permissions\": {\"calls\": [\"delete\"]}}}")
                .post("/api/v2/roles.json"));
        denied(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"user\": {\"role_id\": \"" + world.agentRole() + "\"}}")
                .put("/api/v2/users/" + world.adminA() + ".json"));
    }

    // --- manager of group G ---

    @Test
    void managerSeesTheUsersOfItsManagedGroupsAndItself() {
        as(world.manager()).get("/api/v2/users.json?limit=1000").then().statusCode(200)
                .body("users.user_id", containsInAnyOrder(world.agentA(), world.memberG(), world.managerA()));
        as(world.manager()).get("/api/v2/users/" + world.memberH() + ".json").then().statusCode(404);
        as(world.manager()).get("/api/v2/users/" + world.userB() + ".json").then().statusCode(404);
        // search_term matches names: the name finds the user for a caller who sees it, and not for the manager
        String outsideName = given().get("/api/v2/users/" + world.memberH() + ".json").then().statusCode(200)
                .extract().path("user.name");
        as(world.admin()).queryParam("search_term", outsideName).get("/api/v2/users.json").then().statusCode(200)
                .body("users.user_id", containsInAnyOrder(world.memberH()));
        as(world.manager()).queryParam("search_term", outsideName).get("/api/v2/users.json").then().statusCode(200)
                .body("users", empty());
    }

    @Test
    void managerSeesItsManagedGroupsAndItsTenantsRolesReadOnly() {
        as(world.manager()).get("/api/v2/groups.json").then().statusCode(200)
                .body("groups.group_id", containsInAnyOrder(world.groupG()));
        as(world.manager()).get("/api/v2/groups/" + world.groupH() + ".json").then().statusCode(404);
        as(world.manager()).get("/api/v2/roles.json?limit=1000").then().statusCode(200)
                .body("roles.tenant_id.unique()", containsInAnyOrder(world.tenantA()));
        denied(as(world.manager()).contentType(ContentType.JSON).body("{\"group\": {\"name\": \"Renamed\"}}")
                .put("/api/v2/groups/" + world.groupG() + ".json"));
        fieldRefused(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"group\": {\"tenant_id\": \"" + world.tenantA() + "\", \"name\": \"" + unique("Mine")
                        + "\"}}")
                .post("/api/v2/groups.json"), "tenant_id");
        denied(as(world.manager()).contentType(ContentType.JSON).body("{\"client\": {\"name\": \"Renamed\"}}")
                .put("/api/v2/clients/" + world.clientA() + ".json"));
    }

    @Test
    void managerChangesUsersOnlyWithinItsManagedGroups() {
        as(world.manager()).contentType(ContentType.JSON).body("{\"user\": {\"email\": \"g@example.com\"}}")
                .put("/api/v2/users/" + world.memberG() + ".json").then().statusCode(200);
        fieldRefused(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"group_id\": \"" + world.groupH() + "\"}}")
                .put("/api/v2/users/" + world.memberG() + ".json"), "group_id");
        fieldRefused(as(world.manager()).contentType(ContentType.JSON)
                .body(user("Outside", world.groupH(), world.agentRole())).post("/api/v2/users.json"), "group_id");
        as(world.manager()).contentType(ContentType.JSON).body("{\"user\": {\"name\": \"Renamed\"}}")
                .put("/api/v2/users/" + world.memberH() + ".json").then().statusCode(404);
        String created = as(world.manager()).contentType(ContentType.JSON)
                .body(user(unique("New agent"), world.groupG(), world.agentRole())).post("/api/v2/users.json")
                .then().statusCode(201).extract().header("Location");
        as(world.manager()).delete(created).then().statusCode(200);
    }

    @Test
    void managerCannotRaiseItselfOrHandOutAHigherRole() {
        denied(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"managed_groups\": [\"" + world.groupG() + "\", \"" + world.groupH() + "\"]}}")
                .put("/api/v2/users/" + world.managerA() + ".json"));
        denied(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"role_id\": \"" + world.adminRole() + "\"}}")
                .put("/api/v2/users/" + world.memberG() + ".json"));
        fieldRefused(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"managed_groups\": [\"" + world.groupH() + "\"]}}")
                .put("/api/v2/users/" + world.memberG() + ".json"), "managed_groups");
    }

    // --- nobody grants what they do not hold ---

    @Test
    void managerCannotCreateOrMoveAUserOntoARoleHoldingAPermissionItLacks() {
        String deleter = role(world.tenantA(), "user", Set.of("calls:delete"));
        denied(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"name\": \"" + unique("Planted") + "\", \"group_id\": \"" + world.groupG()
                        + "\", \"role_id\": \"" + deleter + "\", \"fieldset_login\": {\"can_login\": true,"
                        + " \"login\": \"" + unique("planted").replace(' ', '-') + "\", \"password\": \"chosen\"}}}")
                .post("/api/v2/users.json"));
        String agent = user(world.groupG(), world.agentRole(), List.of());
        denied(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"role_id\": \"" + deleter + "\"}}").put("/api/v2/users/" + agent + ".json"));
        given().get("/api/v2/users/" + agent + ".json").then().statusCode(200)
                .body("user.role_id", equalTo(world.agentRole()));
    }

    @Test
    void managerCannotChangeOrDeleteAUserHoldingAPermissionItLacks() {
        String keyGranter = user(world.groupG(), role(world.tenantA(), "user", Set.of("encrypt_keys:grant")),
                List.of());
        denied(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"fieldset_login\": {\"password\": \"taken-over\"}}}")
                .put("/api/v2/users/" + keyGranter + ".json"));
        denied(as(world.manager()).delete("/api/v2/users/" + keyGranter + ".json"));
    }

    @Test
    void managerCannotChangeAUserManagingGroupsOutsideItsOwn() {
        String managerOfH = user(world.groupG(), world.agentRole(), List.of(world.groupH()));
        denied(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"fieldset_login\": {\"password\": \"taken-over\"}}}")
                .put("/api/v2/users/" + managerOfH + ".json"));
        denied(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"role_id\": \"" + world.managerRole() + "\"}}")
                .put("/api/v2/users/" + managerOfH + ".json"));
    }

    @Test
    void managerHandsOutManagedGroupsOnlyWithinItsOwn() {
        fieldRefused(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"name\": \"" + unique("Manager of H") + "\", \"group_id\": \"" + world.groupG()
                        + "\", \"role_id\": \"" + world.agentRole() + "\", \"managed_groups\": [\"" + world.groupH()
                        + "\"]}}")
                .post("/api/v2/users.json"), "managed_groups");
        String created = as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"name\": \"" + unique("Manager of G") + "\", \"group_id\": \"" + world.groupG()
                        + "\", \"role_id\": \"" + world.agentRole() + "\", \"managed_groups\": [\"" + world.groupG()
                        + "\"]}}")
                .post("/api/v2/users.json").then().statusCode(201).extract().header("Location");
        as(world.manager()).get(created).then().statusCode(200).body("user.managed_groups", contains(world.groupG()));
    }

    @Test
    void nullManagedGroupIsInvalidEvenOnOneself() {
        fieldRefused(as(world.agent()).contentType(ContentType.JSON).body("{\"user\": {\"managed_groups\": [null]}}")
                .put("/api/v2/users/" + world.agentA() + ".json"), "managed_groups");
        fieldRefused(as(world.manager()).contentType(ContentType.JSON)
                .body("{\"user\": {\"managed_groups\": [\"" + world.groupG() + "\", null]}}")
                .put("/api/v2/users/" + world.memberG() + ".json"), "managed_groups");
    }

    @Test
    void tenantAdministratorCannotAddAPermissionItLacksToARoleUsersHold() {
        String role = role(world.tenantA(), "user", Set.of("users:view"));
        user(world.groupH(), role, List.of());
        denied(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"permissions\": {\"users\": [\"view\"], \"calls\": [\"delete\"]}}}")
                .put("/api/v2/roles/" + role + ".json"));
        as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"permissions\": {\"users\": [\"view\", \"edit\"]}}}")
                .put("/api/v2/roles/" + role + ".json").then().statusCode(200)
                .body("role.permissions.users", contains("view", "edit"));
    }

    @Test
    void tenantAdministratorCannotRaiseOrChangeARoleHoldingAPermissionItLacks() {
        String deleter = role(world.tenantA(), "user", Set.of("calls:delete"));
        denied(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"access_level\": \"system\"}}").put("/api/v2/roles/" + deleter + ".json"));
        denied(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"name\": \"" + unique("Renamed") + "\"}}").put("/api/v2/roles/" + deleter + ".json"));
        denied(as(world.admin()).delete("/api/v2/roles/" + deleter + ".json"));
        given().get("/api/v2/roles/" + deleter + ".json").then().statusCode(200)
                .body("role.access_level", equalTo("user"));
    }

    @Test
    void holdingAnOperationOnCallsHoldsItOnOwnCalls() {
        as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"tenant_id\": \"" + world.tenantA() + "\", \"name\": \"" + unique("Own calls")
                        + "\", \"access_level\": \"user\", \"permissions\": {\"calls_own\": [\"view\"]}}}")
                .post("/api/v2/roles.json").then().statusCode(201);
        denied(as(world.admin()).contentType(ContentType.JSON)
                .body("{\"role\": {\"tenant_id\": \"" + world.tenantA() + "\", \"name\": \"" + unique("Own delete")
                        + "\", \"access_level\": \"user\", \"permissions\": {\"calls_own\": [\"delete\"]}}}")
                .post("/api/v2/roles.json"));
    }

    // --- error texts ---

    @Test
    void refusedLoginOrExtensionSaysNothingOfWhereItIsHeld() {
        String ownLogin = unique("own").replace(' ', '-');
        String otherLogin = unique("other").replace(' ', '-');
        String ownExtension = String.valueOf(100_000_000 + (int) (Math.random() * 1e8));
        String otherExtension = String.valueOf(200_000_000 + (int) (Math.random() * 1e8));
        create("/api/v2/users.json", "{\"user\": {\"name\": \"" + unique("Holder") + "\", \"group_id\": \""
                + world.groupH() + "\", \"role_id\": \"" + world.agentRole() + "\", \"fieldset_login\": {\"login\": \""
                + ownLogin + "\"}, \"fieldset_recording\": {\"extensions\": [\"" + ownExtension + "\"]}}}");
        create("/api/v2/users.json", "{\"user\": {\"name\": \"" + unique("Holder") + "\", \"group_id\": \""
                + world.groupB() + "\", \"role_id\": \"" + world.roleB() + "\", \"fieldset_login\": {\"login\": \""
                + otherLogin + "\"}, \"fieldset_recording\": {\"extensions\": [\"" + otherExtension + "\"]}}}");

        String login = "fieldset_login.login";
        String extensions = "fieldset_recording.extensions";
        String ownLoginText = refusalText(ownLogin, null, login);
        String otherLoginText = refusalText(otherLogin, null, login);
        String ownExtensionText = refusalText(null, ownExtension, extensions);
        String otherExtensionText = refusalText(null, otherExtension, extensions);
        assertEquals(ownLoginText, otherLoginText);
        assertEquals(ownExtensionText.replace(ownExtension, "N"), otherExtensionText.replace(otherExtension, "N"));
        for (String text : List.of(otherLoginText, otherExtensionText)) {
            assertThat(text, not(containsStringIgnoringCase("user")));
            assertThat(text, not(containsStringIgnoringCase("tenant")));
        }
    }

    /** The description of the admin's refused attempt to give a new user of H this login or extension. */
    private static String refusalText(String login, String extension, String field) {
        String fieldsets = login != null ? "\"fieldset_login\": {\"login\": \"" + login + "\"}"
                : "\"fieldset_recording\": {\"extensions\": [\"" + extension + "\"]}";
        return as(world.admin()).contentType(ContentType.JSON)
                .body("{\"user\": {\"name\": \"" + unique("Taker") + "\", \"group_id\": \"" + world.groupH()
                        + "\", \"role_id\": \"" + world.agentRole() + "\", " + fieldsets + "}}")
                .post("/api/v2/users.json").then().statusCode(400)
                .body("details.fields.field_name", contains(field)).body("details.fields.error", contains("taken"))
                .extract().path("details.fields[0].description");
    }

    // --- agent (user level) ---

    @Test
    void agentSeesOnlyItselfAndWhatItBelongsTo() {
        as(world.agent()).get("/api/v2/users.json").then().statusCode(200)
                .body("users.user_id", containsInAnyOrder(world.agentA()));
        as(world.agent()).get("/api/v2/users/" + world.memberG() + ".json").then().statusCode(404);
        as(world.agent()).get("/api/v2/groups.json").then().statusCode(200)
                .body("groups.group_id", containsInAnyOrder(world.groupG()));
        as(world.agent()).get("/api/v2/roles.json").then().statusCode(200)
                .body("roles.role_id", containsInAnyOrder(world.agentRole()));
        as(world.agent()).get("/api/v2/tenants.json").then().statusCode(200)
                .body("tenants.tenant_id", containsInAnyOrder(world.tenantA()));
        as(world.agent()).get("/api/v2/clients.json").then().statusCode(200)
                .body("clients.client_id", containsInAnyOrder(world.clientA()));
        as(world.agent()).get("/api/v2/clients/" + world.clientB() + ".json").then().statusCode(404);
    }

    @Test
    void agentEditsItsOwnDetailsButNotItsRole() {
        as(world.agent()).contentType(ContentType.JSON).body("{\"user\": {\"email\": \"me@example.com\"}}")
                .put("/api/v2/users/" + world.agentA() + ".json").then().statusCode(200);
        denied(as(world.agent()).contentType(ContentType.JSON)
                .body("{\"user\": {\"role_id\": \"" + world.managerRole() + "\"}}")
                .put("/api/v2/users/" + world.agentA() + ".json"));
        fieldRefused(as(world.agent()).contentType(ContentType.JSON)
                .body(user("Friend", world.groupG(), world.agentRole())).post("/api/v2/users.json"), "group_id");
    }

    // --- dates ---

    @Test
    void datesAreShownInTheCallersTimezone() {
        CallerIdentity inShanghai = caller(world.adminA(), world.tenantA(), world.groupH(), world.adminRole(),
                "system", List.of(), directoryPermissions(), "Asia/Shanghai");
        String id = as(world.admin()).contentType(ContentType.JSON)
                .body("{\"user\": {\"name\": \"Dated\", \"group_id\": \"" + world.groupH() + "\", \"role_id\": \""
                        + world.agentRole() + "\", \"fieldset_login\": {\"valid_till\": \"2030-10-01T00:00:00Z\"}}}")
                .post("/api/v2/users.json").then().statusCode(201).extract().header("Location");
        as(inShanghai).get(id).then().statusCode(200)
                .body("user.fieldset_login.valid_till", equalTo("2030-10-01T08:00:00+0800"));
        as(world.admin()).get(id).then().statusCode(200)
                .body("user.fieldset_login.valid_till", equalTo("2030-10-01T00:00:00+0000"));
    }

    // --- helpers ---

    private static RequestSpecification as(CallerIdentity caller) {
        return as(IdentityTokens.of(caller));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).when();
    }

    private static void denied(io.restassured.response.Response response) {
        response.then().statusCode(403).contentType(startsWith("text/plain")).body(equalTo("Access is denied"));
    }

    private static ValidatableResponse fieldRefused(io.restassured.response.Response response, String field) {
        return response.then().statusCode(400).body("details.fields.field_name", hasItems(field));
    }

    private static String user(String name, String group, String role) {
        return "{\"user\": {\"name\": \"" + name + "\", \"group_id\": \"" + group + "\", \"role_id\": \"" + role
                + "\"}}";
    }

    private static Set<String> directoryPermissions() {
        Set<String> permissions = new LinkedHashSet<>();
        for (String resource : List.of("users", "groups", "roles", "tenants", "clients")) {
            Arrays.stream(DIRECTORY_OPERATIONS.split(",")).forEach(op -> permissions.add(resource + ":" + op));
        }
        return permissions;
    }

    private static String permissionsJson(Set<String> permissions) {
        return permissions.stream().collect(Collectors.groupingBy(name -> name.split(":")[0],
                Collectors.mapping(name -> "\"" + name.split(":")[1] + "\"", Collectors.joining(", ", "[", "]"))))
                .entrySet().stream().map(entry -> "\"" + entry.getKey() + "\": " + entry.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static CallerIdentity caller(String user, String tenant, String group, String role, String level,
            List<String> managed, Set<String> permissions) {
        return caller(user, tenant, group, role, level, managed, permissions, "UTC");
    }

    private static CallerIdentity caller(String user, String tenant, String group, String role, String level,
            List<String> managed, Set<String> permissions, String timezone) {
        return new CallerIdentity(UUID.fromString(user), UUID.fromString(tenant), UUID.fromString(group),
                UUID.fromString(role), "login-" + user, level, managed.stream().map(UUID::fromString).toList(),
                permissions, timezone);
    }

    private static String create(String path, String body) {
        String location = given().contentType(ContentType.JSON).body(body).when().post(path)
                .then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1, location.length() - ".json".length());
    }

    private static String tenant() {
        return create("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"" + unique("Tenant") + "\"}}");
    }

    private static String group(String tenant) {
        return create("/api/v2/groups.json", "{\"group\": {\"tenant_id\": \"" + tenant + "\", \"name\": \""
                + unique("Group") + "\"}}");
    }

    private static String role(String tenant, String level, Set<String> permissions) {
        return create("/api/v2/roles.json", "{\"role\": {\"tenant_id\": \"" + tenant + "\", \"name\": \""
                + unique("Role") + "\", \"access_level\": \"" + level + "\", \"permissions\": "
                + permissionsJson(permissions) + "}}");
    }

    private static String user(String group, String role, List<String> managed) {
        String managedJson = managed.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ", "[", "]"));
        return create("/api/v2/users.json", "{\"user\": {\"name\": \"" + unique("User") + "\", \"group_id\": \""
                + group + "\", \"role_id\": \"" + role + "\", \"managed_groups\": " + managedJson + "}}");
    }

    private static String client(String tenant) {
        return create("/api/v2/clients.json", "{\"client\": {\"tenant_id\": \"" + tenant + "\", \"name\": \""
                + unique("Client") + "\", \"contacts\": [{\"phone_number\": \"+1555" + (int) (Math.random() * 1e6)
                + "\"}]}}");
    }

    private static World build() {
        String system = given().queryParam("search_term", "System").when().get("/api/v2/tenants.json")
                .then().statusCode(200).extract().path("tenants.find { it.name == 'System' }.tenant_id");
        String rootUser = given().queryParam("login", "root").when().get("/api/v2/users.json")
                .then().statusCode(200).extract().path("users[0].user_id");
        String a = tenant();
        String b = tenant();
        String g = group(a);
        String h = group(a);
        String gb = group(b);
        String systemGroup = group(system);
        Set<String> adminPermissions = directoryPermissions();
        adminPermissions.add("calls:view");
        Set<String> managerPermissions = Set.of("users:view", "users:add", "users:edit", "users:delete",
                "groups:view", "groups:edit", "groups:add", "roles:view", "tenants:view", "clients:view",
                "clients:edit");
        Set<String> agentPermissions = Set.of("users:view", "users:edit", "users:add", "groups:view", "roles:view",
                "tenants:view", "clients:view");
        String adminRole = role(a, "system", adminPermissions);
        String managerRole = role(a, "managed_groups", managerPermissions);
        String agentRole = role(a, "user", agentPermissions);
        String roleB = role(b, "user", agentPermissions);
        String systemRole = role(system, "system", directoryPermissions());
        String adminA = user(h, adminRole, List.of());
        String managerA = user(h, managerRole, List.of(g));
        String agentA = user(g, agentRole, List.of());
        String memberG = user(g, agentRole, List.of());
        String memberH = user(h, agentRole, List.of());
        String userB = user(gb, roleB, List.of());
        String systemAdmin = user(systemGroup, systemRole, List.of());
        String clientA = client(a);
        String clientB = client(b);
        return new World(a, b, system, g, h, gb, systemGroup, adminRole, managerRole, agentRole, roleB, adminA,
                managerA, agentA, memberG, memberH, userB, systemAdmin, rootUser, clientA, clientB,
                caller(adminA, a, h, adminRole, "system", List.of(), adminPermissions),
                caller(managerA, a, h, managerRole, "managed_groups", List.of(g), managerPermissions),
                caller(agentA, a, g, agentRole, "user", List.of(), agentPermissions),
                caller(systemAdmin, system, systemGroup, systemRole, "system", List.of(), directoryPermissions()));
    }
}
