package io.parley.crypto.grant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.ApiIds;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.error.FieldErrors;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.api.paging.PageSource;
import io.parley.common.directory.ReplicaMisses;
import io.parley.common.events.CryptoKeyEvents;
import io.parley.common.events.key.GrantRevokedData;
import io.parley.common.events.outbox.Outbox;
import io.parley.common.security.Caller;
import io.parley.common.security.SystemTenant;
import io.parley.crypto.key.EncryptKey;
import io.parley.crypto.key.EncryptKeyService;
import io.parley.crypto.key.KeyGrant;
import io.parley.crypto.key.KeyVault;
import io.parley.crypto.protection.PersonalKeys;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.ForbiddenException;

/**
 * Grant rules (reference 3.3.6-3.3.8): a key is granted to users of its tenant (or of the System tenant) by callers
 * who may change the key. For a user-mode key the granter must hold the key themselves, with their secret: the grant
 * is the key's KEK wrapped to the grantee's personal key, and nobody else can make one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class GrantService {

    /** The state of a grant as the list shows it. */
    public enum Status {
        /** Opens the key (or the key needs no personal key: app mode, or no private key). */
        ACTIVE,
        /** The user had no personal key when granted, or has a new one since (password changed): grant it again. */
        PENDING
    }

    private final EncryptKeyService keys;
    private final KeyVault vault;
    private final PersonalKeys personalKeys;
    private final SystemTenant systemTenant;
    private final Caller caller;
    private final ReplicaMisses replica;
    private final Outbox outbox;

    GrantService(EncryptKeyService keys, KeyVault vault, PersonalKeys personalKeys, SystemTenant systemTenant,
            Caller caller, ReplicaMisses replica, Outbox outbox) {
        this.keys = keys;
        this.vault = vault;
        this.personalKeys = personalKeys;
        this.systemTenant = systemTenant;
        this.caller = caller;
        this.replica = replica;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<KeyGrant> list(UUID keyId, PageRequest request, UriInfo uri) {
        EncryptKey key = keys.find(keyId).orElseThrow(() -> ApiException.notFound("Encrypt key"));
        PanacheQuery<KeyGrant> query = KeyGrant.find("keyId = ?1 ORDER BY grantedAt, userId", key.id);
        return Page.of(request,
                PageSource.counted((offset, count) -> query.range(offset, offset + count - 1).list(), query::count),
                uri);
    }

    public Status status(KeyGrant grant) {
        EncryptKey key = EncryptKey.findById(grant.keyId);
        boolean needsPersonalKey = key != null && key.isUserProtected() && key.sealedPrivateKey != null;
        return !needsPersonalKey || vault.usable(grant) ? Status.ACTIVE : Status.PENDING;
    }

    /**
     * Grants the key; a grant that exists and is usable is a conflict, a pending one is made usable when the grantee
     * has a personal key by now.
     */
    public KeyGrant grant(UUID keyId, GrantInput input, String secret) {
        EncryptKey key = keys.writable(keyId);
        UUID userId = grantee(key, input);
        Optional<KeyGrant> existing = KeyGrant.find(key.id, userId);
        if (existing.isPresent() && status(existing.get()) == Status.ACTIVE) {
            throw ApiException.conflict("InvalidState", "Such user is authorized already");
        }
        KeyGrant grant = existing.orElseGet(KeyGrant::new);
        grant.keyId = key.id;
        grant.userId = userId;
        grant.grantedBy = caller.userId();
        grant.grantedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (key.isUserProtected() && key.sealedPrivateKey != null) {
            SecretKey kek = vault.kek(key, caller.userId(), secret).orElseThrow(() -> new ForbiddenException(
                    "Only a holder of the key, with their password-derived secret, can grant it"));
            var personal = caller.is(userId) ? personalKeys.ensure(userId, secret) : personalKeys.find(userId);
            if (personal.isPresent()) {
                vault.wrapFor(grant, kek, personal.get());
            } else if (existing.isPresent()) {
                throw ApiException.conflict("InvalidState", "Such user is authorized already; the grant becomes"
                        + " usable when it is given again after the user's first sign-in");
            }
        }
        grant.persist();
        return grant;
    }

    /**
     * Deletes the grant and publishes its revocation, so that call-service drops the data keys the user opened with
     * it at once rather than when they expire.
     */
    public void revoke(UUID keyId, UUID userId) {
        EncryptKey key = keys.writable(keyId);
        if (userId == null || KeyGrant.delete("keyId = ?1 AND userId = ?2", key.id, userId) == 0) {
            throw ApiException.notFound("Authorized user");
        }
        outbox.publish(CryptoKeyEvents.TOPIC, key.tenantId.toString(), CryptoKeyEvents.GRANT_REVOKED,
                CryptoKeyEvents.VERSION, key.tenantId,
                new GrantRevokedData(new GrantRevokedData.AuthorizedUser(key.id, userId)));
    }

    /**
     * A live user of the key's tenant or of the System tenant, as the directory announced them; a user the replica
     * has not heard of yet is looked up in the directory, as the caller, so that one just created can be granted at
     * once.
     */
    private UUID grantee(EncryptKey key, GrantInput input) {
        FieldErrors errors = new FieldErrors();
        String text = input == null ? null : input.userId();
        if (text == null || text.isBlank()) {
            errors.blank("user_id").throwIfAny();
        }
        UUID userId = ApiIds.parse(text.strip()).orElse(null);
        if (userId == null) {
            errors.invalid("user_id", "must be a UUID").throwIfAny();
        }
        if (!caller.is(userId)) {
            UUID tenant = replica.userTenant(userId).orElse(null);
            if (tenant == null || !tenant.equals(key.tenantId) && !systemTenant.is(tenant)) {
                errors.invalid("user_id", "no such user in the key's tenant").throwIfAny();
            }
        }
        return userId;
    }
}
