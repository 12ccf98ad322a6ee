package io.parley.call.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.ZoneOffset;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import io.parley.common.sql.Sql;

/**
 * Which searches {@link CallQuery} plans itself (parts of texts the planner cannot estimate) and which it leaves to
 * the database; the results are the same either way (AdvancedSearchTest), the time at ten million calls is not.
 */
class CallSearchPlanningTest {

    @Test
    void aNumbersBeginningIsLeftToTheDatabase() {
        assertEquals(Sql.TRUE, search("phone_number__starts_with", "+1555").textParts());
        assertEquals(Sql.TRUE, search("phone_number_from__starts_with", "1234").textParts());
    }

    @Test
    void aNumberOnBothSidesIsLookedUpInEachSidesIndex() {
        assertEquals(2, search("phone_number__starts_with", "+1555").indexLookups().size());
        assertEquals(2, search("phone_number__equal_to", "+15551234567").indexLookups().size());
        assertEquals(Sql.TRUE, search("phone_number__equal_to", "+15551234567").condition());
        // one side is one index: a condition like any other
        assertEquals(List.of(), search("phone_number_to__starts_with", "+1555").indexLookups());
        assertEquals(List.of(), search("phone_number__starts_with", "sip").indexLookups());
        assertEquals(List.of(), search("phone_name__equal_to", "Jane").indexLookups());
    }

    @Test
    void partsTheIndexesCannotCountArePlannedHere() {
        assertNotEquals(Sql.TRUE, search("phone_number__includes", "1234").textParts());
        assertNotEquals(Sql.TRUE, search("phone_number__ends_with", "1234").textParts());
        // letters are searched in any case (ILIKE), which the numbers' B-trees do not serve
        assertNotEquals(Sql.TRUE, search("phone_number__starts_with", "sip").textParts());
        // names have no B-tree for their beginnings
        assertNotEquals(Sql.TRUE, search("phone_name__starts_with", "1234").textParts());
        assertNotEquals(Sql.TRUE, basic("search_term", "1234").textParts());
    }

    private static CallSearch search(String parameter, String value) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.add("advanced_search", "1");
        query.add(parameter, value);
        return CallSearch.of(query, ZoneOffset.UTC);
    }

    private static CallSearch basic(String parameter, String value) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        query.add(parameter, value);
        return CallSearch.of(query, ZoneOffset.UTC);
    }
}
