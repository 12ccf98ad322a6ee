package io.parley.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import me.tongfei.progressbar.ProgressBar;

/**
 * Creates the directory a simulation calls into, through the public API as any integrator would: per tenant a group,
 * an agent role and users with one extension each. Names carry the run's id, so runs never collide.
 */
final class DirectoryProvisioner {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI api;
    private final String authorization;

    DirectoryProvisioner(URI api, String login, String password) {
        this.api = api;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    List<Agent> provision(String run, int tenants, int usersPerTenant) {
        List<Agent> agents = new ArrayList<>();
        try (ProgressBar progress = new ProgressBar("Directory", (long) tenants * usersPerTenant)) {
            for (int t = 1; t <= tenants; t++) {
                UUID tenant = create("tenants", "tenant", json.createObjectNode()
                        .put("name", "Simulated " + run + " " + t));
                UUID group = create("groups", "group", json.createObjectNode().put("tenant_id", tenant.toString())
                        .put("name", "Contact center"));
                UUID role = create("roles", "role", json.createObjectNode().put("tenant_id", tenant.toString())
                        .put("name", "Agent").put("access_level", "user"));
                for (int u = 1; u <= usersPerTenant; u++) {
                    // extensions unique system-wide, as the default extension_uniqueness asks
                    String extension = run + String.format("%02d%04d", t % 100, u);
                    String name = "Agent " + t + "-" + u;
                    ObjectNode user = json.createObjectNode().put("name", name).put("group_id", group.toString())
                            .put("role_id", role.toString());
                    user.putObject("fieldset_recording").put("record", "always").putArray("extensions")
                            .add(extension);
                    agents.add(new Agent(tenant, create("users", "user", user), name, extension));
                    progress.step();
                }
            }
        }
        return agents;
    }

    /** What the API answers to a creation: where the new object is, {@code .../<id>.json}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Created(String url) {
    }

    /** Creates one object and returns its id, read from the {@code url} of the {@code 201}'s answer. */
    private UUID create(String plural, String singular, ObjectNode fields) {
        ObjectNode body = json.createObjectNode();
        body.set(singular, fields);
        HttpRequest request = HttpRequest.newBuilder(api.resolve("/api/v2/" + plural + ".json"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST /api/v2/" + plural + ".json answered "
                        + response.statusCode() + ": " + response.body());
            }
            String url = json.readValue(response.body(), Created.class).url();
            return UUID.fromString(url.substring(url.lastIndexOf('/') + 1, url.length() - ".json".length()));
        } catch (IOException e) {
            throw new IllegalStateException("The API at " + api + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
