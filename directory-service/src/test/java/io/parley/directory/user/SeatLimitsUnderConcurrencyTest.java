package io.parley.directory.user;

import static io.parley.directory.Concurrently.post;
import static io.parley.directory.Concurrently.put;
import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.parley.directory.Concurrently;
import io.parley.directory.Concurrently.Outcome;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A tenant's seat limits hold against users taking seats at once, and against the limit being lowered meanwhile. */
@QuarkusTest
class SeatLimitsUnderConcurrencyTest {

    private static final int REQUESTS = 8;
    private static final String SEAT = ", \"fieldset_licensing\": {\"recording_seat\": true}";

    @Test
    void usersTakingSeatsAtOnceGetNoMoreThanTheLimitAndTheRestAreRefusedAsSequentially() throws Exception {
        String tenant = createTenant(", \"fieldset_licensing\": {\"recording_seats\": 3}");
        String body = seatTaker(tenant);

        List<Outcome> outcomes = Concurrently.run(REQUESTS, i -> post("/api/v2/users.json", body));

        Outcome sequential = Concurrently.run(List.of(post("/api/v2/users.json", body))).get(0);
        assertEquals(400, sequential.status());
        assertTrue(sequential.body().contains("\"field_name\":\"fieldset_licensing.recording_seat\""),
                sequential.body());
        assertEquals(3, outcomes.stream().filter(outcome -> outcome.status() == 201).count(), outcomes.toString());
        outcomes.stream().filter(outcome -> outcome.status() != 201)
                .forEach(outcome -> assertEquals(sequential, outcome));
        assertEquals(3, holders(tenant));
    }

    @Test
    void limitLoweredWhileUsersTakeSeatsIsNeverBelowTheSeatsHeld() throws Exception {
        // each round a new tenant: one lost race is enough to leave more holders than the limit
        for (int round = 0; round < 3; round++) {
            String tenant = createTenant(", \"fieldset_licensing\": {\"recording_seats\": " + REQUESTS + "}");
            String body = seatTaker(tenant);
            List<Callable<Outcome>> actions = new ArrayList<>();
            for (int i = 1; i < REQUESTS; i++) {
                actions.add(post("/api/v2/users.json", body));
            }
            actions.add(REQUESTS / 2, put("/api/v2/tenants/" + tenant + ".json",
                    "{\"tenant\": {\"fieldset_licensing\": {\"recording_seats\": 2}}}"));

            List<Outcome> outcomes = Concurrently.run(actions);

            Integer limit = given().get("/api/v2/tenants/" + tenant + ".json").then().statusCode(200)
                    .extract().path("tenant.fieldset_licensing.recording_seats");
            assertTrue(holders(tenant) <= limit, holders(tenant) + " seats held, limit " + limit + ": " + outcomes);
            assertTrue(outcomes.stream().allMatch(outcome -> outcome.status() < 500), outcomes.toString());
        }
    }

    private static String seatTaker(String tenant) {
        return "{\"user\": {\"name\": \"Seat taker\", \"group_id\": \"" + createGroup(tenant, unique("G"))
                + "\", \"role_id\": \"" + createRole(tenant, unique("R")) + "\"" + SEAT + "}}";
    }

    private static long holders(String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM app_user WHERE tenant_id = ?1 AND recording_seat")
                .setParameter(1, UUID.fromString(tenant)).getSingleResult()).longValue());
    }
}
