package io.parley.gateway.authentication;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.gateway.GatewayConfig;
import io.parley.gateway.identity.IdentityTokenSigner;
import io.parley.gateway.identity.RenewingToken;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * Asks the directory whether credentials identify a user who may use the API now. The answer is the caller's
 * identity, empty for credentials the directory refuses, or a failure when the directory cannot answer. The gateway
 * shows its own identity token: the directory answers nobody else.
 */
@ApplicationScoped
public class DirectoryAuthenticator {

    static final String PATH = "/internal/v1/authenticate";

    private final WebClient client;
    private final GatewayConfig config;
    private final RenewingToken gatewayToken;

    DirectoryAuthenticator(Vertx vertx, GatewayConfig config, IdentityTokenSigner signer) {
        this.config = config;
        this.gatewayToken = RenewingToken.forGateway(signer);
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds()));
    }

    public Future<Optional<CallerIdentity>> authenticate(BasicCredentials credentials) {
        return client.requestAbs(HttpMethod.POST, config.directoryUrl().resolve(PATH).toString())
                .timeout(config.idleTimeout().toMillis())
                .putHeader(HttpHeaders.AUTHORIZATION.toString(), "Bearer " + gatewayToken.value())
                .sendJsonObject(new JsonObject().put("login", credentials.login()).put("password",
                        credentials.password()))
                .compose(response -> switch (response.statusCode()) {
                    case 200 -> Future.succeededFuture(Optional.of(identity(response.bodyAsJsonObject())));
                    case 401 -> Future.succeededFuture(Optional.empty());
                    default -> Future.failedFuture(
                            new IllegalStateException("directory answered " + response.statusCode()));
                });
    }

    private static CallerIdentity identity(JsonObject body) {
        return new CallerIdentity(
                uuid(body.getString("user_id")),
                uuid(body.getString("tenant_id")),
                uuid(body.getString("group_id")),
                uuid(body.getString("role_id")),
                body.getString("login"),
                body.getString("access_level"),
                body.getJsonArray("managed_groups", new JsonArray()).stream().map(id -> uuid((String) id)).toList(),
                body.getJsonArray("permissions", new JsonArray()).stream().map(String.class::cast)
                        .collect(Collectors.toSet()),
                body.getString("timezone"));
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
