package io.parley.common.sql;

import static org.jooq.impl.DSL.array;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.System.Logger.Level;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/**
 * What building a search statement costs with {@link Sql} and with jOOQ's DSL (no code generation): call-service's
 * bounded walk (search/CallQuery) with a tenant, a month and a number's digits, built, rendered and its parameters
 * listed, 20,000 times per round; prints both statements and the median of each side's rounds, and their ratio.
 * {@code ./mvnw -pl common/sql -am verify -Dtest=SqlBuildingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class SqlBuildingBenchmark {

    private static final System.Logger LOG = System.getLogger(SqlBuildingBenchmark.class.getName());
    private static final int ROUNDS = 15;
    private static final int STATEMENTS = 20_000;

    private static final UUID TENANT = UUID.randomUUID();
    private static final OffsetDateTime FROM = OffsetDateTime.parse("2026-01-01T00:00:00Z");
    private static final OffsetDateTime TO = FROM.plusDays(30);
    private static final String DIGITS = "%1234567%";

    private static Sql withSql(int offset) {
        Sql filter = Sql.all(List.of(Sql.of("c.tenant_id = ?", TENANT),
                Sql.of("c.setup_time >= ? AND c.setup_time < ?", FROM, TO)));
        Sql textParts = Sql.any(List.of(Sql.of("c.from_number LIKE ?", DIGITS), Sql.of("c.to_number LIKE ?", DIGITS)));
        String order = " ORDER BY c.setup_time DESC, c.call_id DESC";
        return Sql.of("WITH walk AS MATERIALIZED (SELECT c.call_id, c.setup_time, COALESCE((").append(textParts)
                .append("), FALSE) AS matches FROM call c WHERE ").append(filter).append(order + " LIMIT ?)", 2000)
                .append(" SELECT (SELECT count(*) FROM walk), ARRAY(SELECT c.call_id FROM walk c WHERE c.matches"
                        + order + " LIMIT ? OFFSET ?)", 50, offset);
    }

    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES);
    private static final Table<?> CALL = table(name("call")).as("c");
    private static final Field<UUID> CALL_ID = field(name("c", "call_id"), SQLDataType.UUID);
    private static final Field<OffsetDateTime> SETUP_TIME = field(name("c", "setup_time"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<UUID> TENANT_ID = field(name("c", "tenant_id"), SQLDataType.UUID);
    private static final Field<String> FROM_NUMBER = field(name("c", "from_number"), SQLDataType.VARCHAR);
    private static final Field<String> TO_NUMBER = field(name("c", "to_number"), SQLDataType.VARCHAR);

    private static Query withJooq(int offset) {
        Condition filter = TENANT_ID.eq(TENANT).and(SETUP_TIME.ge(FROM)).and(SETUP_TIME.lt(TO));
        Condition textParts = FROM_NUMBER.like(DIGITS).or(TO_NUMBER.like(DIGITS));
        CommonTableExpression<?> walk = name("walk").asMaterialized(select(CALL_ID, SETUP_TIME,
                coalesce(field(textParts), inline(false)).as("matches")).from(CALL).where(filter)
                .orderBy(SETUP_TIME.desc(), CALL_ID.desc()).limit(2000));
        return POSTGRES.with(walk).select(field(selectCount().from(name("walk"))),
                array(select(CALL_ID).from(table(name("walk")).as("c"))
                        .where(field(name("c", "matches"), Boolean.class))
                        .orderBy(SETUP_TIME.desc(), CALL_ID.desc()).limit(50).offset(offset)));
    }

    @Test
    void buildingASearchStatement() {
        Sql sql = withSql(0);
        Query jooq = withJooq(0);
        assertEquals(sql.parameters().size(), jooq.getBindValues().size());
        double[] sqlMicros = new double[ROUNDS];
        double[] jooqMicros = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            sqlMicros[round] = micros(offset -> {
                Sql statement = withSql(offset);
                return statement.sql().length() + statement.parameters().size();
            });
            jooqMicros[round] = micros(offset -> {
                Query statement = withJooq(offset);
                return statement.getSQL().length() + statement.getBindValues().size();
            });
        }
        double sqlMedian = median(sqlMicros);
        double jooqMedian = median(jooqMicros);
        LOG.log(Level.INFO, String.format("%nSql:  %s%njOOQ: %s%n%d rounds of %d statements, median per statement"
                + " (build, render, parameters): Sql %.2f us, jOOQ %.2f us, jOOQ / Sql %.0f", sql.sql(),
                jooq.getSQL(), ROUNDS, STATEMENTS, sqlMedian, jooqMedian, jooqMedian / sqlMedian));
    }

    /** Microseconds per statement over one round. */
    private static double micros(IntFunction<Integer> build) {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < STATEMENTS; i++) {
            sink += build.apply(i);
        }
        double micros = (System.nanoTime() - start) / 1e3 / STATEMENTS;
        return sink > 0 ? micros : Double.NaN; // the sink keeps the work from being optimised away
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
