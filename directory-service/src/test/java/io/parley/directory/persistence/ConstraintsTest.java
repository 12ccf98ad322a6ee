package io.parley.directory.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    @Test
    void violationOfTheNamedConstraintIsRecognisedThroughWrappers() {
        PersistenceException failure = new PersistenceException("flush failed",
                new ConstraintViolationException("duplicate key", new SQLException(), "user_group_name_key"));

        assertTrue(Constraints.violated(failure, "user_group_name_key"));
    }

    @Test
    void violationOfAnotherConstraintOrAnotherFailureIsNot() {
        assertFalse(Constraints.violated(
                new ConstraintViolationException("fk", new SQLException(), "user_group_tenant_id_fkey"),
                "user_group_name_key"));
        assertFalse(Constraints.violated(new PersistenceException("lost connection"), "user_group_name_key"));
    }
}
