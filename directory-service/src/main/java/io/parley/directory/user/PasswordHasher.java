package io.parley.directory.user;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Hashes and checks passwords with bcrypt (Elytron), slow on purpose. */
@ApplicationScoped
public class PasswordHasher {

    /** Password hashing settings. */
    @ConfigMapping(prefix = "parley.passwords")
    public interface Config {
        /** bcrypt cost factor (log2 of the rounds); OWASP asks for 10 or more. */
        @WithDefault("12")
        int bcryptCost();
    }

    private final int cost;
    /** Checked when no user matches a login, so that an unknown login takes as long as a wrong password. */
    private final String decoy;

    PasswordHasher(Config config) {
        this.cost = config.bcryptCost();
        this.decoy = BcryptUtil.bcryptHash("decoy-password", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    public boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash);
    }

    /** Spends the time of one check without a user to check against. */
    public void spendCheckTime(String password) {
        BcryptUtil.matches(password, decoy);
    }
}
