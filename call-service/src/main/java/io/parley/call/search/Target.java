package io.parley.call.search;

import java.util.List;
import java.util.function.Function;

import io.parley.common.sql.Sql;

/**
 * Where the values of a search attribute are: columns of the call, any of which may match ({@code phone_number} is
 * {@code from_number} or {@code to_number}), or a column of rows related to the call (participants, their users,
 * files), any of which may match. Data Parley does not hold is an SQL constant: no value, or a count of 0.
 */
record Target(String related, List<String> expressions) {

    static final String PARTICIPANTS = "call_participant p WHERE p.call_id = c.call_id";
    static final String PARTICIPANTS_USERS = "call_participant p JOIN known_user u ON u.id = p.user_id"
            + " WHERE p.call_id = c.call_id";
    static final String FILES = "call_file f WHERE f.call_id = c.call_id";

    /** Text, id and number data Parley does not hold (yet): never there. */
    static final Target NO_TEXT = columns("CAST(NULL AS text)");
    static final Target NO_ID = columns("CAST(NULL AS uuid)");
    static final Target NO_NUMBER = columns("CAST(NULL AS numeric)");
    static final Target NO_FLAG = columns("CAST(NULL AS boolean)");
    /** Counts of things Parley does not hold (yet): always 0. */
    static final Target ZERO = columns("0");

    static Target columns(String... expressions) {
        return new Target(null, List.of(expressions));
    }

    static Target related(String rows, String expression) {
        return new Target(rows, List.of(expression));
    }

    /** The calls for which the test holds for any of the values. */
    Sql any(Function<String, Sql> test) {
        Sql any = Sql.any(expressions.stream().map(test).toList());
        return related == null ? any
                : new Sql("EXISTS (SELECT 1 FROM " + related + " AND (" + any.sql() + "))",
                        any.parameters());
    }
}
