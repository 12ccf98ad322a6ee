package io.parley.call.association;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.parley.common.api.condition.Condition;
import io.parley.common.api.condition.ConditionException;
import io.parley.common.api.condition.ConditionParser;

/**
 * The tenants whose {@code associate_calls} is {@code condition}, with their conditions parsed, as the replica holds
 * them: read once per association, in its transaction, so that a tenant changed meanwhile counts from the next batch
 * on. Conditions are parsed once per text (a tenant's condition changes rarely, its calls come all day).
 */
@ApplicationScoped
public class TenantConditions {

    private static final Logger LOG = Logger.getLogger(TenantConditions.class);

    /** In the order in which association breaks ties between tenants: the lowest id first. */
    private static final String LIVE = """
            SELECT id, associate_calls_condition FROM known_tenant
            WHERE deleted_at IS NULL AND associate_calls = 'condition' ORDER BY id""";

    /** Enough for every condition tenant of a large platform; a text refused is kept too, as empty. */
    private final Cache<String, Optional<Condition>> parsed = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The condition tenants of the moment, read once for the association of a batch. */
    public Conditions read(Connection connection) throws SQLException {
        List<TenantCondition> tenants = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(LIVE); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                UUID tenant = rows.getObject(1, UUID.class);
                parsed.get(rows.getString(2), text -> parse(tenant, text))
                        .ifPresent(condition -> tenants.add(new TenantCondition(tenant, condition)));
            }
        }
        return new Conditions(List.copyOf(tenants));
    }

    /**
     * A condition the directory accepted parses; one that does not (saved by a directory of another version) matches
     * no call, and says so once.
     */
    private static Optional<Condition> parse(UUID tenant, String text) {
        try {
            return Optional.of(ConditionParser.parse(text));
        } catch (ConditionException e) {
            LOG.warnf("Tenant %s's associate_calls_condition matches no call: %s", tenant, e.getMessage());
            return Optional.empty();
        }
    }

    private record TenantCondition(UUID tenantId, Condition condition) {
    }

    /** The condition tenants, lowest id first. */
    public static final class Conditions {

        private final List<TenantCondition> tenants;

        private Conditions(List<TenantCondition> tenants) {
            this.tenants = tenants;
        }

        boolean isEmpty() {
            return tenants.isEmpty();
        }

        /**
         * The first tenant, by id, whose condition the call matches; {@code null} if none.
         *
         * @param fields the call's fields by name; {@code null} for one not reported
         */
        UUID firstMatching(Function<String, Object> fields) {
            for (TenantCondition tenant : tenants) {
                if (tenant.condition().matches(fields)) {
                    return tenant.tenantId();
                }
            }
            return null;
        }
    }
}
