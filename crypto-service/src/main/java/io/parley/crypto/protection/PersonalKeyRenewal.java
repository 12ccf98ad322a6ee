package io.parley.crypto.protection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Replaces a personal key pair in a transaction of its own, so that the replacement stays even though the request
 * that found the old pair unusable is refused (and its own transaction rolled back).
 */
@ApplicationScoped
class PersonalKeyRenewal {

    private final EntityManager entityManager;

    PersonalKeyRenewal(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void replace(PersonalKey replacement) {
        entityManager.createNativeQuery("UPDATE personal_key SET id = :id, public_key = :public,"
                + " sealed_private_key = :sealed, salt = :salt, iterations = :iterations, created_at = :created"
                + " WHERE user_id = :user")
                .setParameter("user", replacement.userId).setParameter("id", replacement.id)
                .setParameter("public", replacement.publicKey).setParameter("sealed", replacement.sealedPrivateKey)
                .setParameter("salt", replacement.salt).setParameter("iterations", replacement.iterations)
                .setParameter("created", replacement.createdAt).executeUpdate();
    }
}
