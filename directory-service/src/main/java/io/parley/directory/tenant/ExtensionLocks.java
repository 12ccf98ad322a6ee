package io.parley.directory.tenant;

import java.sql.PreparedStatement;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * Serializes the writes that decide whether an extension is free. Extension uniqueness is no plain key: whether two
 * users may share an extension depends on both tenants' {@code extension_uniqueness}, so no index can hold it, and
 * two requests that each checked before the other committed would both assign it. So a user write that assigns
 * extensions locks each of them, by a hash of its text whatever the tenants' modes, and checks only then; the next
 * writer of the same extension waits for that commit and sees it. A tenant switching to {@code systemwide} changes
 * the rule for extensions it does not hold itself: it takes the uniqueness lock exclusively, which every extension
 * assignment holds shared (assignments never wait for one another on it), and so checks its users' extensions
 * against all that were assigned before and none that are assigned after it under the old rule.
 * <p>
 * Transaction-scoped advisory locks of the two-key space: ({@code "EU"}, 0) for the uniqueness lock and
 * ({@code "EX"}, hash) for extensions, taken in one order (the uniqueness lock first, then extensions by hash) so
 * that writers never deadlock. Both are taken before any row lock of the transaction, tenant rows included.
 */
@ApplicationScoped
public class ExtensionLocks {

    /** The first key of every extension lock: "EX". */
    private static final int EXTENSIONS = 0x4558;
    /** The first key of the uniqueness lock: "EU". */
    private static final int UNIQUENESS = 0x4555;

    private final EntityManager entityManager;

    ExtensionLocks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Taken by a user write before it checks the extensions it assigns. */
    public void lockForAssigning(Collection<String> extensions) {
        if (extensions.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement uniqueness = connection
                    .prepareStatement("SELECT pg_advisory_xact_lock_shared(?, 0)")) {
                uniqueness.setInt(1, UNIQUENESS);
                uniqueness.execute();
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT count(pg_advisory_xact_lock(?, key))"
                    + " FROM (SELECT DISTINCT hashtext(e) AS key FROM unnest(?::text[]) e ORDER BY key) keys")) {
                lock.setInt(1, EXTENSIONS);
                lock.setArray(2, connection.createArrayOf("text", extensions.toArray()));
                lock.execute();
            }
        });
    }

    /** Taken by a tenant update that switches to {@code systemwide}, before it looks for shared extensions. */
    public void lockForSwitchingToSystemwide() {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement uniqueness = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
                uniqueness.setInt(1, UNIQUENESS);
                uniqueness.execute();
            }
        });
    }
}
