package io.parley.gateway.authentication;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.parley.common.api.identity.CallerIdentity;
import io.parley.gateway.GatewayConfig;
import io.parley.gateway.identity.IdentityTokenSigner;
import io.parley.gateway.identity.RenewingToken;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
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
    /** The directory's answer as the API's JSON; a property added to it later is ignored. */
    private final ObjectReader identities;

    DirectoryAuthenticator(Vertx vertx, GatewayConfig config, IdentityTokenSigner signer, ObjectMapper mapper) {
        this.config = config;
        this.identities = mapper.readerFor(CallerIdentity.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
                    case 200 -> Future.succeededFuture(Optional.of(identity(response.body().getBytes())));
                    case 401 -> Future.succeededFuture(Optional.empty());
                    default -> Future.failedFuture(
                            new IllegalStateException("directory answered " + response.statusCode()));
                });
    }

    private CallerIdentity identity(byte[] body) {
        try {
            return identities.readValue(body);
        } catch (IOException e) {
            // not the parser's message, which may quote the answer
            throw new IllegalStateException("directory answered an identity that cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
