package io.parley.directory.bootstrap;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What a new installation starts with: the System tenant, a root role and one root user. */
@ConfigMapping(prefix = "parley.bootstrap")
public interface BootstrapConfig {

    @WithDefault("System")
    String systemTenantName();

    /** Login of the root user created on first start ({@code PARLEY_BOOTSTRAP_ROOT_LOGIN}). */
    @WithDefault("root")
    String rootLogin();

    /**
     * Password of the root user created on first start ({@code PARLEY_BOOTSTRAP_ROOT_PASSWORD}); required then, not
     * read afterwards.
     */
    Optional<String> rootPassword();
}
