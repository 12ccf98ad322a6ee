package io.parley.common.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void parametersFollowTheTextTheyBelongTo() {
        Sql tenant = Sql.of("c.tenant_id = ?", "t");
        Sql number = Sql.any(List.of(Sql.of("c.from_number = ?", "1"), Sql.of("c.to_number = ?", "2")));
        Sql statement = Sql.of("SELECT c.call_id FROM call c WHERE ").append(Sql.all(List.of(tenant, number)))
                .append(" LIMIT ? OFFSET ?", 10, 20);

        assertEquals("SELECT c.call_id FROM call c WHERE (c.tenant_id = ?) AND ((c.from_number = ?) OR"
                + " (c.to_number = ?)) LIMIT ? OFFSET ?", statement.sql());
        assertEquals(List.of("t", "1", "2", 10, 20), statement.parameters());
    }

    @Test
    void noConditionsAreTrueForAllAndFalseForAny() {
        assertEquals(Sql.TRUE, Sql.all(List.of()));
        assertEquals(Sql.FALSE, Sql.any(List.of()));
    }

    @Test
    void negationAlsoHoldsWhereTheConditionIsUnknown() {
        Sql negated = Sql.of("c.duration > ?", 5).negate();

        assertEquals("NOT COALESCE((c.duration > ?), FALSE)", negated.sql());
        assertEquals(List.of(5), negated.parameters());
    }
}
