package io.parley.directory.user;

import static io.parley.directory.DirectoryFixtures.createGroup;
import static io.parley.directory.DirectoryFixtures.createRole;
import static io.parley.directory.DirectoryFixtures.createTenant;
import static io.parley.directory.DirectoryFixtures.createUser;
import static io.parley.directory.DirectoryFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.parley.directory.access.UserScope;
import io.parley.directory.user.UserSearch.Criteria;
import io.parley.directory.user.UserSearch.Plan;
import io.quarkus.test.junit.QuarkusTest;

/** A partial-match search finds the same pages, in the same order, whichever plan the estimate picks. */
@QuarkusTest
class UserSearchPlansTest {

    @Inject
    UserSearch search;

    @Test
    @Transactional
    void bothPlansServeTheSamePagesInNameOrder() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Floor"));
        String role = createRole(tenant, unique("Agent"));
        for (String name : List.of("Susan Zeta", "Aaron Susanto", "susan alpha", "Bella Moss", "Susannah Brown",
                "Carl Busan", "SUSAN MID", "Dora Lee", "Susan Beta", "Zoe Susa")) {
            createUser(group, role, name, "");
        }
        UUID tenantId = UUID.fromString(tenant);

        for (Criteria criteria : List.of(
                new Criteria("susa", null, null, null, null, tenantId),
                new Criteria(null, "SUSAN", null, null, null, tenantId),
                new Criteria("usan", "a", null, null, UUID.fromString(group), null),
                new Criteria("no such user", null, null, null, null, tenantId))) {
            for (int offset = 0; offset < 10; offset += 3) {
                List<User> walked = search.source(criteria, UserScope.ALL, Plan.WALK_IN_ORDER).fetch(offset, 3);
                List<User> collected = search.source(criteria, UserScope.ALL, Plan.COLLECT_THEN_SORT).fetch(offset, 3);
                List<User> bounded = search.source(criteria, UserScope.ALL, Plan.BOUNDED_WALK_THEN_COLLECT).fetch(offset, 3);
                // a walk too short for the page: it is collected instead
                List<User> overBudget = search.source(criteria, UserScope.ALL, Plan.BOUNDED_WALK_THEN_COLLECT, 2).fetch(offset,
                        3);
                List<User> chosen = search.source(criteria, UserScope.ALL).fetch(offset, 3);

                assertEquals(ids(walked), ids(collected), criteria + " at " + offset);
                assertEquals(ids(walked), ids(bounded), criteria + " at " + offset);
                assertEquals(ids(walked), ids(overBudget), criteria + " at " + offset);
                assertEquals(ids(walked), ids(chosen), criteria + " at " + offset);
            }
        }
        assertEquals(7,
                search.source(new Criteria("susa", null, null, null, null, tenantId), UserScope.ALL).fetch(0, 20).size());
    }

    @Test
    @Transactional
    void aPageWhoseWalkMissedStillShowsUsersAddedSince() {
        String tenant = createTenant();
        String group = createGroup(tenant, unique("Floor"));
        String role = createRole(tenant, unique("Agent"));
        for (String name : List.of("Anna One", "Bert Two", "Cleo Three", "Zed Susanto")) {
            createUser(group, role, name, "");
        }
        Criteria susans = new Criteria("susa", null, null, null, null, UUID.fromString(tenant));
        // a walk of two users cannot find the page: the search collects it, and remembers to next time
        assertEquals(1, search.source(susans, UserScope.ALL, Plan.BOUNDED_WALK_THEN_COLLECT, 2).fetch(0, 2).size());

        createUser(group, role, "Abel Susa", "");
        List<User> page = search.source(susans, UserScope.ALL, Plan.BOUNDED_WALK_THEN_COLLECT, 2).fetch(0, 2);

        assertEquals(List.of("Abel Susa", "Zed Susanto"), page.stream().map(user -> user.name).toList());
    }

    private static List<UUID> ids(List<User> users) {
        return users.stream().map(user -> user.id).toList();
    }
}
