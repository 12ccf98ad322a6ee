package io.parley.directory.user;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;

/** Small helpers that build directory data through the API, each name unique so that tests never collide. */
final class DirectoryFixtures {

    private DirectoryFixtures() {
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static String tenant(String settings) {
        return post("/api/v2/tenants.json", "{\"tenant\": {\"name\": \"" + unique("Tenant") + "\"" + settings + "}}");
    }

    static String tenant() {
        return tenant("");
    }

    static String group(String tenant, String name) {
        return post("/api/v2/groups.json",
                "{\"group\": {\"name\": \"" + name + "\", \"tenant_id\": \"" + tenant + "\"}}");
    }

    static String role(String tenant, String name) {
        return post("/api/v2/roles.json", "{\"role\": {\"name\": \"" + name + "\", \"tenant_id\": \"" + tenant
                + "\", \"access_level\": \"user\"}}");
    }

    /** A user with the given extra JSON members inside {@code "user": {...}}. */
    static String user(String group, String role, String name, String extra) {
        return post("/api/v2/users.json", "{\"user\": {\"name\": \"" + name + "\", \"group_id\": \"" + group
                + "\", \"role_id\": \"" + role + "\"" + extra + "}}");
    }

    static String post(String path, String body) {
        String location = given().contentType(ContentType.JSON).body(body)
                .when().post(path)
                .then().statusCode(201)
                .extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1, location.length() - ".json".length());
    }
}
