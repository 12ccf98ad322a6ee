package io.parley.call.call;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.parley.call.Callers;
import io.parley.call.Rows;
import io.parley.call.TestCalls;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who reaches which calls (docs/permissions.md): the permission each endpoint needs, and the access level's scope;
 * a call outside it is absent from lists and {@code 404} to view or delete.
 */
@QuarkusTest
class CallAccessTest {

    @Inject
    DataSource dataSource;

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();

    @Test
    void rootReachesTheCallsOfEveryTenant() {
        UUID call = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z"));
        UUID othersCall = store(TestCalls.call(otherTenant, "2026-03-01T10:00:00Z"));

        assertEquals(List.of(call), ids(Callers.root(), "?tenant_id=" + tenant));
        assertEquals(List.of(othersCall), ids(Callers.root(), "?tenant_id=" + otherTenant));
        view(Callers.root(), othersCall).then().statusCode(200);
    }

    @Test
    void aTenantsAdministratorReachesItsTenantsCallsOnly() {
        UUID call = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z"));
        UUID othersCall = store(TestCalls.call(otherTenant, "2026-03-01T10:00:00Z"));
        String administrator = Callers.system(tenant, Callers.CALLS);

        assertEquals(List.of(call), ids(administrator, ""));
        assertEquals(List.of(), ids(administrator, "?tenant_id=" + otherTenant));
        view(administrator, othersCall).then().statusCode(404);
        delete(administrator, othersCall).then().statusCode(404);
        assertFalse(Rows.first(dataSource, "SELECT * FROM call WHERE call_id = ?", othersCall).isEmpty());
    }

    @Test
    void aSystemUserOfTheSystemTenantReachesEveryTenantsCallsWhateverItsName() {
        UUID systemTenant = UUID.randomUUID();
        TestCalls.systemTenant(dataSource, systemTenant, "Head office");
        UUID othersCall = store(TestCalls.call(otherTenant, "2026-03-01T10:00:00Z"));
        String systemWide = Callers.system(systemTenant, Callers.CALLS);

        assertEquals(List.of(othersCall), ids(systemWide, "?tenant_id=" + otherTenant));
        view(systemWide, othersCall).then().statusCode(200);
    }

    /** Only the directory's mark makes the System tenant: a name that looks like its name, or is it, does not. */
    @Test
    void aSystemUserOfATenantNamedLikeTheSystemTenantReachesItsOwnTenantsCallsOnly() {
        UUID othersCall = store(TestCalls.call(otherTenant, "2026-03-01T10:00:00Z"));
        for (String name : List.of("\u017Fystem", "System", "SYSTEM")) {
            UUID lookAlike = UUID.randomUUID();
            TestCalls.tenant(dataSource, lookAlike, name);
            UUID ownCall = store(TestCalls.call(lookAlike, "2026-03-01T10:00:00Z"));
            String administrator = Callers.system(lookAlike, Callers.CALLS);

            assertEquals(List.of(ownCall), ids(administrator, ""), name);
            assertEquals(List.of(), ids(administrator, "?tenant_id=" + otherTenant), name);
            view(administrator, othersCall).then().statusCode(404);
        }
    }

    @Test
    void aManagerReachesTheCallsOfItsGroupsAndItsGroupsUsersAndItsOwn() {
        UUID managed = UUID.randomUUID();
        UUID otherGroup = UUID.randomUUID();
        UUID manager = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        TestCalls.user(dataSource, member, tenant, managed, "Member", "member-" + member);
        UUID groupsCall = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").set("group_id", managed));
        UUID membersCall = store(TestCalls.call(tenant, "2026-03-01T11:00:00Z").set("group_id", otherGroup)
                .participant(UUID.randomUUID(), "200").participant(member, "100"));
        UUID ownCall = store(TestCalls.call(tenant, "2026-03-01T12:00:00Z").participant(manager, "300"));
        UUID otherGroupsCall = store(TestCalls.call(tenant, "2026-03-01T13:00:00Z").set("group_id", otherGroup));
        String token = Callers.manager(manager, tenant, List.of(managed));

        assertEquals(List.of(ownCall, membersCall, groupsCall), ids(token, ""));
        view(token, otherGroupsCall).then().statusCode(404);
        delete(token, membersCall).then().statusCode(200);
    }

    @Test
    void aUserReachesItsOwnCallsOnly() {
        UUID agent = UUID.randomUUID();
        UUID own = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").participant(agent, "100"));
        UUID colleagues = store(TestCalls.call(tenant, "2026-03-01T11:00:00Z").participant(UUID.randomUUID(), "101"));
        String token = Callers.user(agent, tenant, Callers.OWN_CALLS);

        assertEquals(List.of(own), ids(token, ""));
        view(token, colleagues).then().statusCode(404);
        delete(token, colleagues).then().statusCode(404);
        delete(token, own).then().statusCode(200);
    }

    @Test
    void callsOwnPermissionsLimitAnAdministratorToItsOwnCalls() {
        UUID administrator = UUID.randomUUID();
        UUID own = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z").participant(administrator, "100"));
        UUID others = store(TestCalls.call(tenant, "2026-03-01T11:00:00Z"));
        String token = Callers.token(administrator, tenant, "system", List.of(), Set.of("calls_own:view"), "UTC");

        assertEquals(List.of(own), ids(token, ""));
        view(token, others).then().statusCode(404);
    }

    @Test
    void withoutTheCallsPermissionsTheAnswerIs403() {
        UUID call = store(TestCalls.call(tenant, "2026-03-01T10:00:00Z"));
        String viewer = Callers.system(tenant, Set.of("calls:view", "users:delete"));
        String nobody = Callers.system(tenant, Set.of("users:view"));

        given().auth().oauth2(nobody).when().get("/api/v2/calls.json")
                .then().statusCode(403).body(equalTo("Access is denied"));
        view(nobody, call).then().statusCode(403);
        delete(viewer, call).then().statusCode(403).body(equalTo("Access is denied"));
    }

    private UUID store(TestCalls.Call call) {
        return call.store(dataSource);
    }

    private static List<UUID> ids(String token, String query) {
        return given().auth().oauth2(token).urlEncodingEnabled(false).when().get("/api/v2/calls.json" + query)
                .then().statusCode(200).extract().jsonPath().getList("calls.call_id", String.class).stream()
                .map(UUID::fromString).toList();
    }

    private static io.restassured.response.Response view(String token, UUID call) {
        return given().auth().oauth2(token).when().get("/api/v2/calls/" + call + ".json");
    }

    private static io.restassured.response.Response delete(String token, UUID call) {
        return given().auth().oauth2(token).when().delete("/api/v2/calls/" + call + ".json");
    }
}
