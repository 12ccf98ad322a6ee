package io.parley.directory.tenant;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.error.ApiError.FieldError;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.api.paging.PageSource;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;

/** Tenant rules: names unique system-wide, timezones real IANA names, every change published as an event. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class TenantService {

    private final Outbox outbox;

    TenantService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Tenant> find(UUID id) {
        return Tenant.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Tenant> search(String term, PageRequest request, UriInfo uri) {
        return Page.of(request, new PageSource<>() {
            @Override
            public List<Tenant> fetch(int offset, int count) {
                return Tenant.search(term, offset, count);
            }

            @Override
            public long countUpTo(long cap) {
                return Tenant.countMatching(term, cap);
            }
        }, uri);
    }

    public Tenant create(TenantInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null || input.name() == null) {
            errors.add(new FieldError("name", "blank", "can't be blank"));
        }
        validate(input, null, errors);
        reject(errors);

        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.name = input.name().strip();
        tenant.timezone = blankToNull(input.timezone());
        tenant.encryptData = input.encryptData();
        tenant.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        tenant.persist();
        publish(DirectoryEvents.TENANT_CREATED, tenant);
        return tenant;
    }

    /** Creates the System tenant of a new installation. */
    public Tenant createSystemTenant(String name) {
        Tenant tenant = create(new TenantInput(name, null, null));
        tenant.system = true;
        return tenant;
    }

    private void validate(TenantInput input, Tenant current, List<FieldError> errors) {
        if (input == null) {
            return;
        }
        if (input.name() != null) {
            if (input.name().isBlank()) {
                errors.add(new FieldError("name", "blank", "can't be blank"));
            } else {
                Tenant.findByName(input.name().strip())
                        .filter(other -> current == null || !other.id.equals(current.id))
                        .ifPresent(other -> errors.add(new FieldError("name", "taken",
                                "Tenant with such name exists already")));
            }
        }
        if (input.timezone() != null && !input.timezone().isBlank() && !isZone(input.timezone())) {
            errors.add(new FieldError("timezone", "invalid", "is not a known IANA timezone name"));
        }
    }

    private static boolean isZone(String name) {
        try {
            return ZoneId.getAvailableZoneIds().contains(name) && ZoneId.of(name) != null;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static void reject(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.stream().distinct().toList());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void publish(String type, Tenant tenant) {
        outbox.publish(DirectoryEvents.TOPIC, tenant.id.toString(), type, DirectoryEvents.VERSION, tenant.id,
                new TenantView.Document(TenantView.of(tenant)));
    }
}
