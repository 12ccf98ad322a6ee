package io.parley.call.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import io.parley.call.TestCalls;
import io.parley.common.api.error.ApiException;
import io.parley.common.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A search the database cannot finish within the time limit is a clear 400, not a stall or a 500; the limit holds for
 * all of a search's statements together.
 */
@QuarkusTest
class SearchTimeoutTest {

    @Inject
    DataSource dataSource;

    @Test
    void aSearchOverItsTimeLimitIsAnsweredSearchTimeout() {
        TestCalls.call(UUID.randomUUID(), "2026-03-01T10:00:00Z").store(dataSource);
        // a condition that takes a second per call, against a limit of 50 ms
        Sql slow = Sql.of("pg_sleep(1) IS NOT NULL");
        CallSearch everything = CallSearch.of(new MultivaluedHashMap<>(), ZoneOffset.UTC);

        ApiException refused = assertThrows(ApiException.class, () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return CallQuery.prepare(connection, slow, everything, Duration.ofMillis(50)).fetch(0, 21);
            }
        }));

        assertEquals(400, refused.status());
        assertEquals("SearchTimeout", refused.error().error());
    }

    @Test
    void aCountGetsOnlyWhatThePageLeftOfTheSearchsTime() {
        UUID call = TestCalls.call(UUID.randomUUID(), "2026-03-01T10:00:00Z").store(dataSource);
        // reading the call takes 0.6 s: the page alone fits in the limit of a second, the page and its count do not
        Sql slow = Sql.of("c.call_id = ? AND pg_sleep(0.6) IS NOT NULL", call);
        CallSearch everything = CallSearch.of(new MultivaluedHashMap<>(), ZoneOffset.UTC);

        ApiException refused = assertThrows(ApiException.class, () -> QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                CallQuery query = CallQuery.prepare(connection, slow, everything, Duration.ofSeconds(1));
                assertEquals(List.of(call), query.fetch(0, 21));
                return query.countUpTo(1000); // as for max_total_calc
            }
        }));

        assertEquals(400, refused.status());
        assertEquals("SearchTimeout", refused.error().error());
    }
}
