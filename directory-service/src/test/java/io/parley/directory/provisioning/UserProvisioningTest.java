package io.parley.directory.provisioning;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.createUser;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.parley.common.embedded.DatabaseSessions;
import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.LogCapture;
import io.parley.common.embedded.RefusingTrigger;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.ProvisioningRequests;
import io.parley.common.events.inbox.RetryInPlace;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Requests for users from recorded calls, read from the real broker, become users as the tenant's settings say. */
@QuarkusTest
class UserProvisioningTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String databaseUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String databasePassword;

    @Inject
    DataSource dataSource;

    @Test
    void aRequestOfATenantThatProvisionsCreatesTheUserInTheProvisionGroupWithTheProvisionRole() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Provisioned"));
        String role = createRole(tenant, unique("Agent"));
        provisionInto(tenant, group, role);
        String extension = extension();

        request(tenant, extension, "Dana Agent");

        List<String> users = awaitUsersWith(extension, 1);
        given().get("/api/v2/users/" + users.get(0) + ".json").then().statusCode(200)
                .body("user.name", equalTo("Dana Agent"))
                .body("user.tenant_id", equalTo(tenant))
                .body("user.group_id", equalTo(group))
                .body("user.role_id", equalTo(role))
                .body("user.fieldset_login.can_login", equalTo(false))
                .body("user.fieldset_recording.extensions", contains(extension));
        assertTrue(KafkaTopics.await(kafka, DirectoryEvents.TOPIC, value -> value.contains(DirectoryEvents.USER_CREATED)
                && value.contains(users.get(0)), Duration.ofSeconds(30)).isPresent());
    }

    @Test
    void aNamelessRequestNamesTheUserAfterTheExtensionAndARepeatedOneCreatesNoSecondUser() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Provisioned"));
        String role = createRole(tenant, unique("Agent"));
        provisionInto(tenant, group, role);
        String extension = extension();

        request(tenant, extension, null);
        List<String> users = awaitUsersWith(extension, 1);
        awaitDecided(request(tenant, extension, "Someone Else"));

        assertEquals(users, awaitUsersWith(extension, 1));
        given().get("/api/v2/users/" + users.get(0) + ".json").then().body("user.name", equalTo("Extension " + extension));
    }

    @Test
    void aTenantThatDoesNotProvisionOrAnExtensionAUserHoldsGetsNoUser() {
        String plain = createTenant();
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Provisioned"));
        String role = createRole(tenant, unique("Agent"));
        provisionInto(tenant, group, role);
        String held = extension();
        createUser(group, role, "Existing Agent", ", \"fieldset_recording\": {\"extensions\": [\"" + held + "\"]}");
        String unprovisioned = extension();

        awaitDecided(request(plain, unprovisioned, "Nobody"));
        awaitDecided(request(tenant, held, "Duplicate"));

        assertEquals(List.of(), awaitUsersWith(unprovisioned, 0));
        assertEquals(1, awaitUsersWith(held, 1).size());
    }

    @Test
    void aRequestTheDatabaseRefusesIsSetAsideNamingTheFieldWithoutLoggingItAndTheNextOneIsApplied() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Provisioned"));
        String role = createRole(tenant, unique("Agent"));
        provisionInto(tenant, group, role);
        String marker = unique("secret");
        String next = extension();

        try (LogCapture log = LogCapture.of("");
                RefusingTrigger trigger = RefusingTrigger.on(dataSource, "directory.app_user", "name", marker)) {
            request(tenant, extension(), marker);
            request(tenant, next, "Next Agent");

            ConsumerRecord<String, String> dead = KafkaTopics.await(kafka, "directory.provisioning.dlq",
                    value -> value.contains(marker), Duration.ofSeconds(30)).orElseThrow();
            assertEquals("The database refused the event: SQLSTATE 54000 (program limit exceeded), table"
                    + " directory.app_user, column name",
                    new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8));
            assertEquals(1, awaitUsersWith(next, 1).size());
            assertTrue(log.lines().stream().noneMatch(line -> line.contains(marker)), String.join("\n", log.lines()));
        }
    }

    @Test
    void requestsWaitWhileTheDatabaseEndsTheServicesSessionsAndEachIsAppliedOnce() throws Exception {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Provisioned"));
        String role = createRole(tenant, unique("Agent"));
        provisionInto(tenant, group, role);
        List<String> extensions = List.of(extension(), extension(), extension());

        try (DatabaseSessions sessions = DatabaseSessions.open(databaseUrl, databaseUser, databasePassword);
                LogCapture log = LogCapture.of(RetryInPlace.class.getName())) {
            sessions.keepTerminatingOthers();
            extensions.forEach(extension -> request(tenant, extension, null));
            await().atMost(Duration.ofSeconds(30)).until(() -> log.lines().stream()
                    .anyMatch(line -> line.contains("SQLSTATE 57P01") || line.contains("SQLSTATE 08")));
        }
        // the pool's idle connections were ended too: each would answer one request 503 (docs/reliability.md), in
        // this test and the next ones, as many as earlier tests made the pool hold
        ((AgroalDataSource) dataSource).flush(AgroalDataSource.FlushMode.ALL);

        for (String extension : extensions) {
            assertEquals(1, awaitUsersWith(extension, 1).size());
        }
        assertTrue(KafkaTopics.all(kafka, "directory.provisioning.dlq").stream()
                .noneMatch(dead -> extensions.stream().anyMatch(dead.value()::contains)));
    }

    private static void provisionInto(String tenant, String group, String role) {
        given().contentType(ContentType.JSON).body("""
                {"tenant": {"fieldset_associate_calls": {"associate_calls": "sip_uri_host",
                  "sip_uri_host": "pbx.example.com", "record_unknown_users": "record", "auto_provision": true,
                  "provision_group_id": "%s", "provision_role_id": "%s"}}}
                """.formatted(group, role)).put("/api/v2/tenants/" + tenant + ".json").then().statusCode(200);
    }

    /** @return the request's event id */
    private UUID request(String tenant, String extension, String name) {
        UUID eventId = UUID.randomUUID();
        KafkaTopics.send(kafka, ProvisioningRequests.TOPIC, tenant, """
                {"event_id": "%s", "type": "%s", "version": 1, "occurred_at": "2026-03-01T10:00:00Z",
                 "tenant_id": "%s", "data": {"tenant_id": "%s", "extension": "%s", "name": %s,
                 "call_id": "%s"}}
                """.formatted(eventId, ProvisioningRequests.USER_REQUESTED, tenant, tenant, extension,
                name == null ? "null" : "\"" + name + "\"", UUID.randomUUID()));
        return eventId;
    }

    /** Waits until the directory applied the request, whatever it decided. */
    private void awaitDecided(UUID eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection
                            .prepareStatement("SELECT 1 FROM processed_event WHERE event_id = ?")) {
                query.setObject(1, eventId);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    private static List<String> awaitUsersWith(String extension, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().queryParam("extension", extension)
                .get("/api/v2/users.json").then().statusCode(200).extract().<String> jsonPath()
                .getList("users.user_id"), users -> users.size() == count);
    }

    private static String extension() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }
}
