package io.parley.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.parley.common.api.crypto.KeySecret;
import io.parley.common.api.identity.IdentityToken;
import io.parley.common.embedded.ScrapedMetrics;
import io.parley.gateway.identity.PemKeys;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;

/**
 * The gateway in front of stand-in services: what it forwards instead of the password, what it caches, what drops
 * the cache, and when it stops checking passwords.
 */
@QuarkusTest
@TestProfile(GatewayAuthenticationTest.StandInServices.class)
class GatewayAuthenticationTest {

    /**
     * Every service is the stand-in; three failures per login and address, addresses otherwise effectively unlimited.
     * 127.0.0.1 is a trusted proxy whose {@code X-Forwarded-For} names the client; other loopback addresses are
     * clients that connect directly.
     */
    public static class StandInServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.gateway.directory-url", FakeServices.url(),
                    "parley.gateway.call-url", FakeServices.url(),
                    "parley.gateway.crypto-url", FakeServices.url(),
                    "parley.gateway.throttle.login-address-failures", "3",
                    "parley.gateway.throttle.address-failures", "1000",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    private static final KafkaProducer<String, String> EVENTS = producer();

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @AfterAll
    static void closeProducer() {
        EVENTS.close();
    }

    @Test
    void theServiceGetsASignedIdentityTokenInsteadOfThePassword() throws Exception {
        String login = login();
        String authorization = given().auth().preemptive().basic(login, FakeServices.PASSWORD)
                .when().get("/api/v2/users.json")
                .then().statusCode(200)
                .body("authorization_headers", equalTo(1))
                .extract().path("authorization");

        assertTrue(authorization.startsWith("Bearer "), authorization);
        JwtClaims claims = verified(authorization.substring("Bearer ".length()));
        assertEquals(FakeServices.userId(login).toString(), claims.getSubject());
        assertEquals(login, claims.getStringClaimValue("upn"));
        assertEquals(FakeServices.TENANT.toString(), claims.getStringClaimValue(IdentityToken.TENANT_ID));
        assertEquals("Europe/Berlin", claims.getStringClaimValue(IdentityToken.TIMEZONE));
        assertEquals(List.of("users:view"), claims.getStringListClaimValue(IdentityToken.PERMISSIONS));
        assertFalse(claims.hasClaim("groups"));
    }

    @Test
    void theGatewayShowsItsOwnTokenToTheCredentialCheck() throws Exception {
        given().auth().preemptive().basic(login(), FakeServices.PASSWORD)
                .when().get("/api/v2/users.json")
                .then().statusCode(200);

        JwtClaims claims = verified(FakeServices.lastCheckAuthorization().substring("Bearer ".length()));
        assertEquals("gateway", claims.getSubject());
        assertEquals(List.of(IdentityToken.GATEWAY_GROUP), claims.getStringListClaimValue("groups"));
    }

    @Test
    void aBearerTokenFromTheClientIsRefusedNotPassedOn() {
        String token = given().auth().preemptive().basic(login(), FakeServices.PASSWORD)
                .when().get("/api/v2/users.json")
                .then().statusCode(200)
                .extract().path("authorization");

        given().header("Authorization", token) // a genuine identity token, replayed from outside
                .when().get("/api/v2/users.json")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic realm="));
    }

    @Test
    void aSignedPlaybackUrlIsForwardedWithoutCredentialsAndWithItsQueryAndRange() {
        given().header("Authorization", "Bearer forged").header("Range", "bytes=0-99")
                .when().get("/calls/file/e03f497d-bdff-1019-102b-f5caab54f081/signed?expires=1&key=k&sign=s")
                .then().statusCode(200)
                .body("path", equalTo("/calls/file/e03f497d-bdff-1019-102b-f5caab54f081/signed"))
                .body("query", equalTo("expires=1&key=k&sign=s"))
                .body("range", equalTo("bytes=0-99"))
                .body("authorization_headers", equalTo(0));
        given().when().post("/calls/file/e03f497d-bdff-1019-102b-f5caab54f081/signed").then().statusCode(404);
        given().when().get("/calls/file/e03f497d-bdff-1019-102b-f5caab54f081/other").then().statusCode(404);
    }

    @Test
    void verifiedCredentialsAreCheckedOnceThenServedFromTheCache() {
        String login = login();
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(login, FakeServices.PASSWORD)
                    .when().get("/api/v2/tenants.json")
                    .then().statusCode(200);
        }
        assertEquals(1, FakeServices.checks(login));
    }

    @Test
    void anEventAboutTheUserMakesTheNextRequestCheckAgain() {
        String login = login();
        given().auth().preemptive().basic(login, FakeServices.PASSWORD)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(200);
        assertEquals(1, FakeServices.checks(login));

        // the gateway reads from the latest offset: publish until its consumer has joined and sees one
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            publishUserUpdated(FakeServices.userId(login));
            given().auth().preemptive().basic(login, FakeServices.PASSWORD)
                    .when().get("/api/v2/tenants.json")
                    .then().statusCode(200);
            return FakeServices.checks(login) > 1;
        });
    }

    @Test
    void repeatedFailuresOfALoginGet429WithRetryAfterBeforeThePasswordIsChecked() {
        String login = login();
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(login, "guess-" + i)
                    .when().get("/api/v2/tenants.json")
                    .then().statusCode(401);
        }
        given().auth().preemptive().basic(login, FakeServices.PASSWORD)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .contentType("application/json")
                .body("error", equalTo("TooManyRequests"));
        assertEquals(3, FakeServices.checks(login), "the fourth attempt was not checked");
    }

    @Test
    void signInsAreCountedByOutcomeAndCachedCredentialsAsCacheHits() {
        String login = login();
        Map<String, String> succeeded = Map.of("outcome", "success", "service", "gateway");
        Map<String, String> hits = Map.of("cache", "credentials", "result", "hit", "service", "gateway");
        Map<String, String> misses = Map.of("cache", "credentials", "result", "miss", "service", "gateway");
        ScrapedMetrics before = ScrapedMetrics.of(metrics);

        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(login, FakeServices.PASSWORD)
                    .when().get("/api/v2/tenants.json")
                    .then().statusCode(200);
        }

        ScrapedMetrics after = ScrapedMetrics.of(metrics);
        assertEquals(3, after.value("parley_authentication_total", succeeded)
                - before.value("parley_authentication_total", succeeded));
        assertEquals(2, after.value("cache_gets_total", hits) - before.value("cache_gets_total", hits));
        assertEquals(1, after.value("cache_gets_total", misses) - before.value("cache_gets_total", misses));
    }

    @Test
    void failedAndThrottledSignInsAreCounted() {
        String login = login();
        Map<String, String> failed = Map.of("outcome", "failure", "service", "gateway");
        Map<String, String> throttled = Map.of("outcome", "throttled", "service", "gateway");
        ScrapedMetrics before = ScrapedMetrics.of(metrics);

        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(login, "guess-" + i)
                    .when().get("/api/v2/tenants.json")
                    .then().statusCode(401);
        }
        given().auth().preemptive().basic(login, "guess-3")
                .when().get("/api/v2/tenants.json")
                .then().statusCode(429);

        ScrapedMetrics after = ScrapedMetrics.of(metrics);
        assertEquals(3, after.value("parley_authentication_total", failed)
                - before.value("parley_authentication_total", failed));
        assertEquals(1, after.value("parley_authentication_total", throttled)
                - before.value("parley_authentication_total", throttled));
        assertEquals(1, after.value("parley_throttled_requests_total", Map.of("service", "gateway"))
                - before.value("parley_throttled_requests_total", Map.of("service", "gateway")));
    }

    @Test
    void aUserWhoseCredentialsAreCachedIsNotLockedOutByAnothersGuesses() {
        String login = login();
        given().auth().preemptive().basic(login, FakeServices.PASSWORD)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            given().auth().preemptive().basic(login, "guess-" + i)
                    .when().get("/api/v2/tenants.json");
        }
        given().auth().preemptive().basic(login, FakeServices.PASSWORD)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(200);
    }

    @Test
    void aStrangerFailingAUsersPasswordDoesNotKeepThatUserOut() {
        String login = login();
        for (int i = 0; i < 3; i++) {
            from("127.0.0.2").auth().preemptive().basic(login, "guess-" + i)
                    .when().get("/api/v2/tenants.json")
                    .then().statusCode(401);
        }
        from("127.0.0.2").auth().preemptive().basic(login, "guess-3")
                .when().get("/api/v2/tenants.json")
                .then().statusCode(429);

        from("127.0.0.3").auth().preemptive().basic(login, FakeServices.PASSWORD)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(200);
    }

    @Test
    void aForwardedHeaderFromAClientThatIsNoTrustedProxyChangesNothing() {
        String login = login();
        for (int i = 0; i < 3; i++) {
            from("127.0.0.4").header("X-Forwarded-For", "198.51.100." + i)
                    .auth().preemptive().basic(login, "guess-" + i)
                    .when().get("/api/v2/tenants.json")
                    .then().statusCode(401);
        }
        from("127.0.0.4").header("X-Forwarded-For", "198.51.100.99")
                .auth().preemptive().basic(login, FakeServices.PASSWORD)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(429);
    }

    @Test
    void behindATrustedProxyTheClientItNamesIsCounted() {
        String login = login();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100.7")
                    .auth().preemptive().basic(login, "guess-" + i)
                    .when().get("/api/v2/tenants.json")
                    .then().statusCode(401);
        }
        given().header("X-Forwarded-For", "198.51.100.7")
                .auth().preemptive().basic(login, FakeServices.PASSWORD)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(429);
        given().header("X-Forwarded-For", "198.51.100.8")
                .auth().preemptive().basic(login, FakeServices.PASSWORD)
                .when().get("/api/v2/tenants.json")
                .then().statusCode(200);
    }

    @Test
    void rangeHeadersReachTheService() {
        given().auth().preemptive().basic(login(), FakeServices.PASSWORD).header("Range", "bytes=100-199")
                .when().get("/api/v2/calls/" + UUID.randomUUID() + ".json/file")
                .then().statusCode(200)
                .body("range", equalTo("bytes=100-199"));
    }

    @Test
    void recorderEventsReachTheCallServiceWithTheIdentityTokenOnlyWithCredentials() {
        given().auth().preemptive().basic(login(), FakeServices.PASSWORD).contentType("application/json")
                .body("{}")
                .when().post("/recorder/v1/events")
                .then().statusCode(200)
                .body("path", equalTo("/recorder/v1/events"))
                .body("authorization", startsWith("Bearer "));

        given().contentType("application/json").body("{}")
                .when().post("/recorder/v1/events")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic realm="));
    }

    @Test
    void theKeySecretGoesToCryptoServiceAndAudioPlaybackOnlyAndNeverFromTheClient() {
        String login = login();
        String secret = KeySecret.derive(FakeServices.userId(login), FakeServices.PASSWORD);
        for (String path : new String[] { "/api/v2/encrypt_keys.json",
                "/api/v2/encrypt_keys/" + UUID.randomUUID() + "/authorized_users.json",
                "/api/v2/calls/" + UUID.randomUUID() + ".json/file" }) {
            given().auth().preemptive().basic(login, FakeServices.PASSWORD).header(KeySecret.HEADER, "forged")
                    .when().get(path)
                    .then().statusCode(200).body("key_secret", equalTo(secret));
        }
        for (String path : new String[] { "/api/v2/tenants.json", "/api/v2/calls.json",
                "/api/v2/calls/" + UUID.randomUUID() + ".json" }) {
            given().auth().preemptive().basic(login, FakeServices.PASSWORD).header(KeySecret.HEADER, "forged")
                    .when().get(path)
                    .then().statusCode(200).body("key_secret", nullValue());
        }
    }

    private static String login() {
        return "user-" + UUID.randomUUID();
    }

    /** A request whose connection comes from this loopback address (any of 127.0.0.0/8 reaches the gateway). */
    private static RequestSpecification from(String address) {
        try {
            // Apache HttpClient 4's parameter for the address a connection is made from
            return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", InetAddress.getByName(address))));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    private static JwtClaims verified(String token) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(PemKeys.publicKey(GatewayTestInfrastructure.identityKeys()))
                .setExpectedIssuer(IdentityToken.ISSUER)
                .setExpectedAudience(IdentityToken.AUDIENCE)
                .build()
                .processToClaims(token);
    }

    private static void publishUserUpdated(UUID userId) throws Exception {
        String event = """
                {"event_id": "%s", "type": "user.updated", "version": 1, "occurred_at": "2026-11-28T12:36:45+0000",
                 "tenant_id": "%s", "data": {"user": {"user_id": "%s", "is_active": false}}}"""
                .formatted(UUID.randomUUID(), FakeServices.TENANT, userId);
        EVENTS.send(new ProducerRecord<>("directory.events", userId.toString(), event)).get();
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, GatewayTestInfrastructure.kafkaBootstrapServers());
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
