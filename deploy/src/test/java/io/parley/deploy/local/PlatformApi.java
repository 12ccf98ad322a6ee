package io.parley.deploy.local;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;

/** The API calls end-to-end tests set their scene with, made as root. */
final class PlatformApi {

    private PlatformApi() {
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
