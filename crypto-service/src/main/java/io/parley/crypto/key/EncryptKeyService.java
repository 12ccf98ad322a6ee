package io.parley.crypto.key;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import io.parley.common.api.error.ApiException;
import io.parley.common.api.error.FieldErrors;
import io.parley.common.api.paging.Page;
import io.parley.common.api.paging.PageRequest;
import io.parley.common.api.paging.PageSource;
import io.parley.common.api.text.BoundedText;
import io.parley.common.directory.ReplicaMisses;
import io.parley.common.events.CryptoKeyEvents;
import io.parley.common.events.outbox.Outbox;
import io.parley.common.security.Caller;
import io.parley.crypto.protection.CryptoConfig;
import io.parley.crypto.protection.PersonalKeys;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.ForbiddenException;

/**
 * Key rules (reference 3.3): keys are generated or imported for a tenant in the caller's reach; at most one key of a
 * tenant is active, and activating one deactivates the other in the same transaction; the creator of a user-mode key
 * is granted it. Every change is published on {@code crypto.keys}, public half only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class EncryptKeyService {

    static final Set<Integer> KEY_LENGTHS = Set.of(1024, 2048, 4096);
    static final int DEFAULT_KEY_LENGTH = 2048;
    /** The fewest bits of a key generated or imported unless the operator allows 1024 ({@link CryptoConfig}). */
    static final int MIN_BITS = 2048;
    static final String SHORT_KEYS_REFUSED = "RSA keys of fewer than " + MIN_BITS + " bits are refused; 1024-bit keys"
            + " only where the operator sets PARLEY_CRYPTO_ALLOW_1024_BIT_KEYS=true (parley.crypto.allow-1024-bit-keys)";
    /**
     * An imported key in PEM, ASCII: a private key of the largest size read (16,384 bits) takes about 12,700
     * characters. Neither it nor its password is stored as sent: the bound only keeps parsing cheap.
     */
    static final int PEM_CHARACTERS = 32 * 1024;
    static final int PASSWORD_CHARACTERS = 1_024;
    private static final String GENERATE = "generate";
    private static final String IMPORT = "import";

    private final Outbox outbox;
    private final KeyVault vault;
    private final PersonalKeys personalKeys;
    private final Caller caller;
    private final ReplicaMisses replica;
    private final KeyDerivations derivations;
    private final int minBits;

    EncryptKeyService(Outbox outbox, KeyVault vault, PersonalKeys personalKeys, Caller caller,
            ReplicaMisses replica, KeyDerivations derivations, CryptoConfig config) {
        this.outbox = outbox;
        this.vault = vault;
        this.personalKeys = personalKeys;
        this.caller = caller;
        this.replica = replica;
        this.derivations = derivations;
        this.minBits = config.allow1024BitKeys() ? KeyMaterial.MIN_BITS : MIN_BITS;
    }

    /** The key, when it exists and the caller sees it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<EncryptKey> find(UUID id) {
        return EncryptKey.<EncryptKey> findByIdOptional(id).filter(key -> KeyAccess.sees(caller, key.tenantId));
    }

    /** A key the caller does not see is missing; one they see but may not change is refused. */
    public EncryptKey writable(UUID id) {
        EncryptKey key = find(id).orElseThrow(() -> ApiException.notFound("Encrypt key"));
        if (!KeyAccess.changes(caller, key.tenantId)) {
            throw new ForbiddenException();
        }
        return key;
    }

    /** {@link #writable}, locked until the transaction ends: changes of one key take their revisions in turn. */
    private EncryptKey writableForUpdate(UUID id) {
        EncryptKey.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return writable(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EncryptKey> search(String term, UUID tenantId, PageRequest request, UriInfo uri) {
        PanacheQuery<EncryptKey> query = EncryptKey.search(term, tenantId, KeyAccess.listedTenant(caller));
        return Page.of(request,
                PageSource.counted((offset, count) -> query.range(offset, offset + count - 1).list(), query::count),
                uri);
    }

    public EncryptKey create(EncryptKeyInput input, String secret) {
        if (!KeyAccess.changes(caller, caller.tenantId())) {
            throw new ForbiddenException();
        }
        FieldErrors errors = new FieldErrors();
        if (input == null) {
            errors.blank("name").blank("add_type").throwIfAny();
        }
        if (input.name() == null || input.name().isBlank()) {
            errors.blank("name");
        } else {
            errors.text("name", input.name().strip(), BoundedText.NAME_BYTES);
        }
        UUID tenantId = tenant(input.tenantId(), errors);
        String mode = input.protectionMode() == null ? EncryptKey.USER : input.protectionMode();
        if (!EncryptKey.USER.equals(mode) && !EncryptKey.APP.equals(mode)) {
            errors.invalid("protection_mode", "must be user or app");
        }
        KeyHalves halves = halves(input, errors);
        errors.throwIfAny();

        EncryptKey key = new EncryptKey();
        key.id = UUID.randomUUID();
        key.tenantId = tenantId;
        key.name = input.name().strip();
        key.protectionMode = mode;
        key.publicKey = halves.publicKey().getEncoded();
        key.fingerprint = KeyMaterial.fingerprint(halves.publicKey());
        key.keyLength = halves.publicKey().getModulus().bitLength();
        key.createdBy = caller.userId();
        key.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        key.active = false;
        Optional<SecretKey> kek = halves.privateKey() == null ? Optional.empty()
                : vault.seal(key, halves.privateKey());
        key.persist();
        grantCreator(key, kek, secret);
        publish(CryptoKeyEvents.KEY_CREATED, key);
        if (Boolean.TRUE.equals(input.isActive())) {
            activate(key);
        }
        return key;
    }

    /** Changes the name and activity the update supplies. */
    public EncryptKey update(UUID id, EncryptKeyInput.Update input) {
        EncryptKey key = writableForUpdate(id);
        if (input == null) {
            return key;
        }
        if (input.name() != null && input.name().isBlank()) {
            throw ApiException.invalidField("name", "blank", "can't be blank");
        }
        if (input.name() != null) {
            new FieldErrors().text("name", input.name().strip(), BoundedText.NAME_BYTES).throwIfAny();
        }
        boolean changed = false;
        if (input.name() != null && !input.name().strip().equals(key.name)) {
            key.name = input.name().strip();
            changed = true;
        }
        if (Boolean.TRUE.equals(input.isActive()) && !key.active) {
            activate(key); // publishes the key's update
            changed = false;
        } else if (Boolean.FALSE.equals(input.isActive()) && key.active) {
            key.active = false;
            changed = true;
        }
        if (changed) {
            publish(CryptoKeyEvents.KEY_UPDATED, key);
        }
        return key;
    }

    public void delete(UUID id) {
        EncryptKey key = writableForUpdate(id);
        EncryptKeyView before = EncryptKeyView.of(key);
        KeyGrant.delete("keyId", key.id);
        key.delete();
        outbox.publish(CryptoKeyEvents.TOPIC, before.tenantId().toString(), CryptoKeyEvents.KEY_DELETED,
                CryptoKeyEvents.VERSION, before.tenantId(), key.revision + 1, before.event());
    }

    /**
     * Makes the key its tenant's active key and the previous one inactive, under a lock of the tenant's keys so that
     * two activations at once cannot both win or both lose.
     */
    private void activate(EncryptKey key) {
        EncryptKey.getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:lock))) AS locked")
                .setParameter("lock", "encrypt_key:" + key.tenantId).getSingleResult();
        Optional<EncryptKey> previous = EncryptKey.<EncryptKey> find("tenantId = ?1 AND active = true", key.tenantId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .filter(other -> !other.id.equals(key.id));
        previous.ifPresent(other -> {
            other.active = false;
            EncryptKey.flush(); // before the new one is set: the unique index allows one active key per tenant
            publish(CryptoKeyEvents.KEY_UPDATED, other);
        });
        key.active = true;
        EncryptKey.flush();
        publish(CryptoKeyEvents.KEY_UPDATED, key);
    }

    /** A new key's halves: generated, or read from what was imported (without a private half when none was sent). */
    private record KeyHalves(RSAPublicKey publicKey, PrivateKey privateKey) {
    }

    /** The halves {@code add_type} asks for; {@code null} when the request is refused (reasons in {@code errors}). */
    private KeyHalves halves(EncryptKeyInput input, FieldErrors errors) {
        RSAPublicKey publicKey = null;
        PrivateKey privateKey = null;
        if (input.addType() == null || input.addType().isBlank()) {
            errors.blank("add_type");
        } else if (GENERATE.equals(input.addType())) {
            Integer length = keyLength(input, errors);
            if (length != null && !errors.has("key_length")) {
                errors.throwIfAny(); // generating a large key is slow: not for a request refused anyway
                KeyPair pair = KeyMaterial.generate(length);
                publicKey = (RSAPublicKey) pair.getPublic();
                privateKey = pair.getPrivate();
            }
        } else if (IMPORT.equals(input.addType())) {
            boolean tooLong = atMost("public_key", input.publicKey(), PEM_CHARACTERS, errors)
                    | atMost("private_key", input.privateKey(), PEM_CHARACTERS, errors)
                    | atMost("private_key_password", input.privateKeyPassword(), PASSWORD_CHARACTERS, errors);
            if (input.publicKey() == null || input.publicKey().isBlank()) {
                errors.blank("public_key");
            } else if (!tooLong) {
                try {
                    publicKey = KeyMaterial.readPublic(input.publicKey());
                    if (publicKey.getModulus().bitLength() < minBits) {
                        errors.invalid("public_key", SHORT_KEYS_REFUSED);
                        return null; // and its private half is not decrypted
                    }
                    if (input.privateKey() != null && !input.privateKey().isBlank()) {
                        RSAPrivateKey imported = KeyMaterial.readPrivate(input.privateKey(),
                                input.privateKeyPassword(), derivations);
                        if (!KeyMaterial.matches(publicKey, imported)) {
                            errors.invalid("public_key", "does not match private_key");
                        }
                        privateKey = imported;
                    }
                } catch (KeyMaterial.InvalidKey e) {
                    errors.add(e.field, e.code, e.getMessage());
                }
            }
        } else {
            errors.invalid("add_type", "must be generate or import");
        }
        return publicKey == null ? null : new KeyHalves(publicKey, privateKey);
    }

    /** Records an error for a value longer than {@code characters}; true if it is. */
    private static boolean atMost(String field, String value, int characters, FieldErrors errors) {
        if (value != null && value.length() > characters) {
            errors.invalid(field, "must be at most " + characters + " characters");
            return true;
        }
        return false;
    }

    /**
     * The key's tenant: the caller's own when none is named; a named one must be in the caller's reach and exist. A
     * tenant the replica has not heard of yet is looked up in the directory, as the caller, so that a tenant just
     * created through the API takes keys at once; one out of the caller's reach is refused without asking.
     */
    private UUID tenant(UUID named, FieldErrors errors) {
        if (named == null || named.equals(caller.tenantId())) {
            return caller.tenantId();
        }
        if (!KeyAccess.changes(caller, named) || !replica.tenantExists(named)) {
            errors.invalid("tenant_id", "no such tenant");
        }
        return named;
    }

    private Integer keyLength(EncryptKeyInput input, FieldErrors errors) {
        Integer length = input.keyLength() != null ? input.keyLength() : input.keyLenght();
        if (input.keyLength() != null && input.keyLenght() != null && !input.keyLength().equals(input.keyLenght())) {
            errors.invalid("key_length", "key_length and key_lenght disagree");
            return null;
        }
        if (length == null) {
            return DEFAULT_KEY_LENGTH;
        }
        String field = input.keyLength() != null ? "key_length" : "key_lenght";
        if (!KEY_LENGTHS.contains(length)) {
            errors.invalid(field, minBits > 1024 ? "must be 2048 or 4096" : "must be 1024, 2048 or 4096");
            return null;
        }
        if (length < minBits) {
            errors.invalid(field, SHORT_KEYS_REFUSED);
            return null;
        }
        return length;
    }

    /**
     * The creator holds the key from the start: for a user-mode key, the KEK wrapped to their personal key (made now
     * from their secret if they have none), which is what keeps the key openable at all.
     */
    private void grantCreator(EncryptKey key, Optional<SecretKey> kek, String secret) {
        KeyGrant grant = new KeyGrant();
        grant.keyId = key.id;
        grant.userId = caller.userId();
        grant.grantedBy = caller.userId();
        grant.grantedAt = key.createdAt;
        if (kek.isPresent()) {
            vault.wrapFor(grant, kek.get(), personalKeys.ensure(caller.userId(), secret)
                    .orElseThrow(() -> ApiException.conflict("InvalidState", "A user-mode key needs its creator's"
                            + " password-derived secret, which the gateway adds to requests it forwards")));
        }
        grant.persist();
    }

    /**
     * Publishes a change of the key: a key's first event carries its revision 1, each later one the next (under the
     * key's row lock, taken by {@link #writableForUpdate} or the activation).
     */
    private void publish(String type, EncryptKey key) {
        if (!CryptoKeyEvents.KEY_CREATED.equals(type)) {
            key.revision++;
        }
        outbox.publish(CryptoKeyEvents.TOPIC, key.tenantId.toString(), type, CryptoKeyEvents.VERSION, key.tenantId,
                key.revision, EncryptKeyView.of(key).event());
    }
}
