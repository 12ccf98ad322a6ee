package io.parley.directory.client;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.error.ApiException;
import io.parley.common.api.error.FieldErrors;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.api.paging.PageSource;
import io.parley.common.events.DirectoryEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.directory.OnCreate;
import io.parley.directory.access.Access;
import io.parley.directory.paging.PanachePages;
import io.parley.directory.persistence.Constraints;
import io.parley.directory.persistence.UniquelyNamed;
import io.parley.directory.tenant.TenantOwnership;
import io.quarkus.security.ForbiddenException;

/**
 * Client rules: a client belongs to an existing tenant for good, its name is unique within the tenant, it has at
 * least one contact with a phone number; every change is published as an event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ClientService {

    private static final List<String> UNIQUE_NAME = List.of("client_name_key", "client_normalized_name_key");

    private final Outbox outbox;
    private final Validator validator;

    ClientService(Outbox outbox, Validator validator) {
        this.outbox = outbox;
        this.validator = validator;
    }

    /** The client, when it exists and the caller sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Client> find(Access access, UUID id) {
        return Client.findWithContacts(id).filter(client -> access.clients().includes(client.tenantId, client.id));
    }

    /** A page of clients with their contacts loaded, in two queries whatever the page size. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Client> search(Access access, UUID tenantId, String term, PageRequest request, UriInfo uri) {
        PageSource<Client> matching = PanachePages.of(Client.search(tenantId, term, access.clients()));
        return Page.of(request, new PageSource<>() {
            @Override
            public List<Client> fetch(int offset, int count) {
                List<Client> clients = matching.fetch(offset, count);
                Client.fetchContacts(clients);
                return clients;
            }

            @Override
            public long countUpTo(long cap) {
                return matching.countUpTo(cap);
            }
        }, uri);
    }

    public Client create(Access access, ClientInput given) {
        ClientInput input = Objects.requireNonNullElse(given, ClientInput.ABSENT);
        FieldErrors errors = new FieldErrors();
        TenantOwnership.checkOnCreate(input.tenantId(), access.writableTenantObjects(), errors);
        errors.violations(validator.validate(input, OnCreate.class, Default.class));
        validate(input, null, errors);
        errors.throwIfAny();

        Client client = new Client();
        client.id = UUID.randomUUID();
        client.tenantId = input.tenantId();
        client.rename(input.name().strip());
        client.contacts.addAll(contacts(input.contacts()));
        client.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        client.persist();
        Constraints.flushAnswering(UNIQUE_NAME,
                () -> ApiException.invalidField("name", "taken", "Client with such name exists already"));
        publish(DirectoryEvents.CLIENT_CREATED, client, client.revision);
        return client;
    }

    /** Changes the fields supplied; empty when the caller sees no such client. */
    public Optional<Client> update(Access access, UUID id, ClientInput input) {
        Optional<Client> found = findForUpdate(access, id);
        if (found.isEmpty()) {
            return found;
        }
        Client client = found.get();
        mayChange(access, client);
        FieldErrors errors = new FieldErrors();
        if (input != null) {
            TenantOwnership.checkOnUpdate(input.tenantId(), client.tenantId, errors);
            errors.violations(validator.validate(input));
            validate(input, client, errors);
        }
        errors.throwIfAny();

        if (input != null && input.name() != null) {
            client.rename(input.name().strip());
        }
        if (input != null && input.contacts() != null) {
            client.contacts.clear();
            client.contacts.addAll(contacts(input.contacts()));
        }
        Constraints.flushAnswering(UNIQUE_NAME,
                () -> ApiException.invalidField("name", "taken", "Client with such name exists already"));
        client.revision++;
        publish(DirectoryEvents.CLIENT_UPDATED, client, client.revision);
        return Optional.of(client);
    }

    /** Deletes the client and its contacts; empty when the caller sees no such client. */
    public Optional<Client> delete(Access access, UUID id) {
        Optional<Client> found = findForUpdate(access, id);
        found.ifPresent(client -> {
            mayChange(access, client);
            publish(DirectoryEvents.CLIENT_DELETED, client, client.revision + 1);
            client.delete();
        });
        return found;
    }

    /** The client, locked until the transaction ends: changes of one client take their revisions one after the other. */
    private Optional<Client> findForUpdate(Access access, UUID id) {
        Client.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return find(access, id);
    }

    /** A client the caller sees but may not change (a manager's or agent's tenant's) is refused. */
    private static void mayChange(Access access, Client client) {
        if (!access.writableTenantObjects().includes(client.tenantId, client.id)) {
            throw new ForbiddenException();
        }
    }

    /**
     * Checks what the input's constraints leave to the client's rules: no contact is {@code null}, and a valid new
     * name is free within the client's tenant, or the input's on create (skipped when that tenant does not exist).
     */
    private static void validate(ClientInput input, Client current, FieldErrors errors) {
        if (input.name() != null && !errors.has("name")) {
            String name = input.name().strip();
            UUID tenantId = current != null ? current.tenantId : input.tenantId();
            if (tenantId != null && !errors.has("tenant_id") && UniquelyNamed.isNewName(current, name)) {
                Client.findByName(tenantId, name)
                        .filter(other -> current == null || !other.id.equals(current.id))
                        .ifPresent(other -> errors.taken("name", "Client with such name exists already"));
            }
        }
        if (input.contacts() != null) {
            for (int index = 0; index < input.contacts().size(); index++) {
                if (input.contacts().get(index) == null) {
                    errors.blank("contacts." + index + ".phone_number");
                }
            }
        }
    }

    private static List<ClientContact> contacts(List<ClientInput.Contact> input) {
        List<ClientContact> contacts = new ArrayList<>();
        for (ClientInput.Contact contact : input) {
            String name = contact.name() == null || contact.name().isBlank() ? null : contact.name().strip();
            contacts.add(new ClientContact(contact.phoneNumber().strip(), name));
        }
        return contacts;
    }

    private void publish(String type, Client client, long revision) {
        outbox.publish(DirectoryEvents.TOPIC, client.id.toString(), type, DirectoryEvents.VERSION, client.tenantId,
                revision, ClientView.of(client).event());
    }
}
