package io.parley.directory.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.error.FieldErrors;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.api.time.Timezones;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.paging.PanachePages;

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
        return Page.of(request, PanachePages.of(Tenant.search(term)), uri);
    }

    public Tenant create(TenantInput input) {
        FieldErrors errors = new FieldErrors();
        if (input == null || input.name() == null) {
            errors.blank("name");
        }
        validate(input, null, errors);
        errors.throwIfAny();

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

    private void validate(TenantInput input, Tenant current, FieldErrors errors) {
        if (input == null) {
            return;
        }
        if (input.name() != null) {
            if (input.name().isBlank()) {
                errors.blank("name");
            } else {
                Tenant.findByName(input.name().strip())
                        .filter(other -> current == null || !other.id.equals(current.id))
                        .ifPresent(other -> errors.taken("name", "Tenant with such name exists already"));
            }
        }
        if (input.timezone() != null && !input.timezone().isBlank() && !Timezones.isIanaName(input.timezone())) {
            errors.invalid("timezone", "is not a known IANA timezone name");
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
