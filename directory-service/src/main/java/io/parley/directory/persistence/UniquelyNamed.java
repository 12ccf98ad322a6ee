package io.parley.directory.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/**
 * An object whose name is unique among its peers (tenants system-wide; groups, roles and clients within their tenant)
 * under {@link NameKey}: a unique index of its table holds the key, so that a request that slips past the service's
 * check is stopped by the database. A second unique index, on {@code lower(name)}, refuses what PostgreSQL's own case
 * mapping makes equal where it differs from Unicode's folding (a dotted capital I in some locales).
 */
@MappedSuperclass
public abstract class UniquelyNamed extends PanacheEntityBase {

    /** The condition an object of the same name meets, with the parameters of {@link #sameName}. */
    protected static final String SAME_NAME = "(nameKey = :nameKey OR lower(name) = lower(:name))";

    /** Set with {@link #rename}, which keeps {@link #nameKey} with it. */
    @Column(nullable = false)
    public String name;

    /**
     * The name's {@link NameKey}. Null only for a look-alike of another object's name that existed before the key
     * did ({@code V8__name_keys}, docs/directory-rules.md), until it is renamed.
     */
    @Column(name = "name_key")
    public String nameKey;

    /** Gives the object a name; the name it has already keeps the key it has. */
    public void rename(String newName) {
        if (isNewName(this, newName)) {
            name = newName;
            nameKey = NameKey.of(newName);
        }
    }

    /** Whether {@code name} is new to {@code named} (null for an object being created): then it must be free. */
    public static boolean isNewName(UniquelyNamed named, String name) {
        return named == null || !name.equals(named.name);
    }

    protected static Parameters sameName(String name) {
        return Parameters.with("nameKey", NameKey.of(name)).and("name", name);
    }
}
