package io.parley.deploy.local;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A tenant whose calls find it by its agents' extensions (the default association): a group, an agent role and
 * agents, each with an extension no other test uses, made through the API as root.
 */
record CallCenter(String tenant, String name, String group, String role, List<UUID> agents,
        List<String> extensions) {

    static CallCenter create(LocalPlatform platform, int agents) {
        String name = "Call center " + UUID.randomUUID();
        PlatformApi.TenantGroup scene = PlatformApi.tenantWithGroup(platform, "\"name\": \"" + name + "\"", "Agents");
        String role = PlatformApi.create(platform, "roles", """
                {"role": {"tenant_id": "%s", "name": "Agent", "access_level": "user",
                 "permissions": {"calls": ["view"]}}}""".formatted(scene.tenant()));
        CallCenter center = new CallCenter(scene.tenant(), name, scene.group(), role, new ArrayList<>(),
                new ArrayList<>());
        for (int i = 0; i < agents; i++) {
            center.addAgent(platform);
        }
        return center;
    }

    /** Adds an agent with an extension of its own; returns the user's id. */
    UUID addAgent(LocalPlatform platform) {
        String extension = Integer.toString(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
        UUID agent = UUID.fromString(PlatformApi.create(platform, "users", """
                {"user": {"name": "Agent %s", "group_id": "%s", "role_id": "%s",
                 "fieldset_recording": {"record": "always", "extensions": ["%s"]}}}"""
                .formatted(extension, group, role, extension)));
        agents.add(agent);
        extensions.add(extension);
        return agent;
    }
}
