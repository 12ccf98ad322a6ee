package io.parley.deploy.local;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** The API calls end-to-end tests set their scene with, made as root. */
final class PlatformApi {

    private PlatformApi() {
    }

    /** A tenant and one group of it, as made. */
    record TenantGroup(String tenant, String group) {
    }

    /**
     * Creates a tenant (its JSON fields, e.g. {@code "name": "Acme", "encrypt_data": true}) and a group of it named
     * {@code group}.
     */
    static TenantGroup tenantWithGroup(LocalPlatform platform, String tenantFields, String group) {
        String tenant = create(platform, "tenants", "{\"tenant\": {" + tenantFields + "}}");
        return new TenantGroup(tenant, create(platform, "groups",
                "{\"group\": {\"tenant_id\": \"" + tenant + "\", \"name\": \"" + group + "\"}}"));
    }

    /** Creates a directory object ({@code tenants}, {@code groups}, ...) and returns its id from the Location. */
    static String create(LocalPlatform platform, String plural, String json) {
        String location = given().auth().preemptive().basic(SharedPlatform.ROOT, SharedPlatform.PASSWORD)
                .contentType(ContentType.JSON).body(json)
                .when().post(platform.apiUrl() + "/" + plural + ".json")
                .then().statusCode(201)
                .extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1, location.length() - ".json".length());
    }
}
