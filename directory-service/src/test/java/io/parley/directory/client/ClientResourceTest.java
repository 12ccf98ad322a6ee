package io.parley.directory.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.hibernate.stat.CollectionStatistics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.parley.common.embedded.KafkaTopics;
import io.parley.common.embedded.RandomText;
import io.parley.common.events.DirectoryEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ClientResourceTest {

    private static final String CLIENTS = "/api/v2/clients.json";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void createdClientIsServedWithItsContactsInOrder() {
        String tenantId = createTenant();
        String name = unique("Contoso");
        String location = given().contentType(ContentType.JSON)
                .body(client(tenantId, name, contact("+14085800150", "Main number"), contact("+14085800105", "Fax"),
                        contact("1234567890", null)))
                .when().post(CLIENTS)
                .then().statusCode(201)
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("client.client_id", equalTo(idOf(location)))
                .body("client.tenant_id", equalTo(tenantId))
                .body("client.name", equalTo(name))
                .body("client.contacts.phone_number", contains("+14085800150", "+14085800105", "1234567890"))
                .body("client.contacts.name", contains("Main number", "Fax", null))
                .body("client.contacts[2]", hasKey("name"));
    }

    @Test
    void createAnswersWithLocationAndTheSameUrlInTheBody() {
        given().contentType(ContentType.JSON)
                .body(client(createTenant(), unique("Located"), contact("100", null)))
                .when().post(CLIENTS)
                .then().statusCode(201)
                .header("Location", matchesPattern("/api/v2/clients/[0-9a-f-]{36}\\.json"))
                .body("url", matchesPattern("/api/v2/clients/[0-9a-f-]{36}\\.json"));
    }

    @Test
    void listByTenantIdShowsOnlyThatTenantsClientsOrderedByName() {
        String tenantId = createTenant();
        String other = createTenant();
        String prefix = unique("Listed");
        createClient(tenantId, prefix + " B");
        createClient(tenantId, prefix + " a");
        createClient(other, prefix + " C");

        given().queryParam("tenant_id", tenantId)
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.name", contains(prefix + " a", prefix + " B"))
                .body("clients.tenant_id", contains(tenantId, tenantId))
                .body("clients[0].contacts.phone_number", contains("555-0100"))
                .body("next_url", nullValue())
                .body("total", equalTo(2));
    }

    @Test
    void malformedTenantIdFilterIsA400NamingIt() {
        given().queryParam("tenant_id", "not-a-uuid")
                .when().get(CLIENTS)
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void searchTermMatchesPartOfTheClientNameCaseInsensitively() {
        String tenantId = createTenant();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = createClient(tenantId, "Acme " + marker.toUpperCase() + " Ltd");
        createClient(tenantId, unique("Unrelated"));

        given().queryParam("search_term", marker.toLowerCase())
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.client_id", contains(id));
    }

    @Test
    void searchTermMatchesAContactName() {
        String tenantId = createTenant();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = createClient(tenantId, unique("ByContact"), contact("555-0101", "Ms " + marker));
        createClient(tenantId, unique("Unrelated"));

        given().queryParam("search_term", marker.toUpperCase())
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.client_id", contains(id));
    }

    @Test
    void searchTermMatchesPartOfAContactPhoneNumber() {
        String tenantId = createTenant();
        String digits = String.valueOf(System.nanoTime());
        String id = createClient(tenantId, unique("ByPhone"), contact("555-0102", null),
                contact("+1" + digits + "9", "Fax"));
        createClient(tenantId, unique("Unrelated"));

        given().queryParam("search_term", digits)
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.client_id", contains(id))
                .body("clients[0].contacts.phone_number", contains("555-0102", "+1" + digits + "9"));
    }

    @Test
    void searchTermMatchesTheTenantName() {
        String tenantName = unique("Holding");
        String tenantId = createTenant(tenantName);
        String first = createClient(tenantId, unique("First"));
        String second = createClient(tenantId, unique("Second"));

        given().queryParam("search_term", tenantName.toLowerCase())
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.client_id", containsInAnyOrder(first, second));
    }

    @Test
    void searchTermAndTenantIdCombine() {
        String tenantId = createTenant();
        String other = createTenant();
        String name = unique("Combined");
        String id = createClient(tenantId, name);
        createClient(other, name);

        given().queryParam("search_term", name).queryParam("tenant_id", tenantId)
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.client_id", contains(id));
    }

    @Test
    void searchTermTakesLikeWildcardsLiterally() {
        String tenantId = createTenant();
        createClient(tenantId, unique("Wild"));

        given().queryParam("tenant_id", tenantId).queryParam("search_term", "%")
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.size()", equalTo(0));
    }

    @Test
    void listPagesWithNextUrlKeepingTheSearchAndTotalOnTheLastPage() {
        String tenantId = createTenant();
        String prefix = unique("Paged");
        createClient(tenantId, prefix + " A");
        createClient(tenantId, prefix + " B");
        createClient(tenantId, prefix + " C");
        String term = prefix.toLowerCase().replace(" ", "%20");

        given().queryParam("search_term", prefix.toLowerCase()).queryParam("tenant_id", tenantId)
                .queryParam("limit", 2)
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.name", contains(prefix + " A", prefix + " B"))
                .body("next_url", equalTo(CLIENTS + "?search_term=" + term + "&tenant_id=" + tenantId
                        + "&limit=2&start=2"))
                .body("$", not(hasKey("total")));

        given().queryParam("search_term", prefix.toLowerCase()).queryParam("tenant_id", tenantId)
                .queryParam("limit", 2).queryParam("start", 2)
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.name", contains(prefix + " C"))
                .body("clients[0].contacts.phone_number", contains("555-0100"))
                .body("next_url", nullValue())
                .body("total", equalTo(3));
    }

    @Test
    void listLoadsThePagesContactsWithoutAQueryPerClient() {
        String tenantId = createTenant();
        for (int i = 0; i < 5; i++) {
            createClient(tenantId, unique("Batched"), contact("555-01" + i, null), contact("555-02" + i, null));
        }
        CollectionStatistics contacts = entityManagerFactory.unwrap(SessionFactory.class).getStatistics()
                .getCollectionStatistics(Client.class.getName() + ".contacts");
        long fetchesBefore = contacts.getFetchCount();

        given().queryParam("tenant_id", tenantId)
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.size()", equalTo(5))
                .body("clients.contacts.flatten().size()", equalTo(10));

        // a lazy load of one client's contacts counts as a fetch; the page's join fetch does not
        assertEquals(fetchesBefore, contacts.getFetchCount());
    }

    @Test
    void updateOfTheNameAloneKeepsTheContacts() {
        String tenantId = createTenant();
        String id = createClient(tenantId, unique("Before"), contact("555-0103", "Desk"), contact("555-0104", null));
        String renamed = unique("After");

        given().contentType(ContentType.JSON).body("{\"client\": {\"name\": \"" + renamed + "\"}}")
                .when().put(location(id))
                .then().statusCode(200)
                .body("client.client_id", equalTo(id))
                .body("client.name", equalTo(renamed))
                .body("client.contacts.phone_number", contains("555-0103", "555-0104"));

        given().when().get(location(id))
                .then().statusCode(200)
                .body("client.name", equalTo(renamed))
                .body("client.contacts.name", contains("Desk", null));
    }

    @Test
    void updateWithContactsReplacesTheWholeList() {
        String tenantId = createTenant();
        String name = unique("Replaced");
        String id = createClient(tenantId, name, contact("555-0105", "Old 1"), contact("555-0106", "Old 2"),
                contact("555-0107", "Old 3"));

        given().contentType(ContentType.JSON)
                .body("{\"client\": {\"contacts\": [" + contact("555-0199", "New 1") + ", "
                        + contact("555-0105", "New 2") + "]}}")
                .when().put(location(id))
                .then().statusCode(200)
                .body("client.name", equalTo(name))
                .body("client.contacts.phone_number", contains("555-0199", "555-0105"));

        given().when().get(location(id))
                .then().statusCode(200)
                .body("client.contacts.phone_number", contains("555-0199", "555-0105"))
                .body("client.contacts.name", contains("New 1", "New 2"));
    }

    @Test
    void updateKeepingTheSameTenantIdAndNameIsAccepted() {
        String tenantId = createTenant();
        String name = unique("Same");
        String id = createClient(tenantId, name);

        given().contentType(ContentType.JSON)
                .body("{\"client\": {\"tenant_id\": \"" + tenantId + "\", \"name\": \"" + name.toUpperCase() + "\"}}")
                .when().put(location(id))
                .then().statusCode(200)
                .body("client.name", equalTo(name.toUpperCase()));
    }

    @Test
    void updateCannotMoveAClientToAnotherTenant() {
        String tenantId = createTenant();
        String id = createClient(tenantId, unique("Stays"));

        given().contentType(ContentType.JSON)
                .body("{\"client\": {\"tenant_id\": \"" + createTenant() + "\"}}")
                .when().put(location(id))
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
        given().when().get(location(id))
                .then().statusCode(200)
                .body("client.tenant_id", equalTo(tenantId));
    }

    @Test
    void updateToANameTakenInTheTenantIsRejected() {
        String tenantId = createTenant();
        String taken = unique("Taken");
        createClient(tenantId, taken);
        String id = createClient(tenantId, unique("Other"));

        given().contentType(ContentType.JSON).body("{\"client\": {\"name\": \"" + taken.toLowerCase() + "\"}}")
                .when().put(location(id))
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("taken"));
    }

    @Test
    void updateWithAnEmptyContactListIsRejected() {
        String id = createClient(createTenant(), unique("KeepsOne"));

        given().contentType(ContentType.JSON).body("{\"client\": {\"contacts\": []}}")
                .when().put(location(id))
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("contacts"))
                .body("details.fields[0].error", equalTo("blank"));
        given().when().get(location(id))
                .then().statusCode(200)
                .body("client.contacts.phone_number", contains("555-0100"));
    }

    @Test
    void updateOfAnUnknownClientIsA404() {
        given().contentType(ContentType.JSON).body("{\"client\": {\"name\": \"" + unique("Nobody") + "\"}}")
                .when().put(location(UUID.randomUUID().toString()))
                .then().statusCode(404)
                .body("error", equalTo("NotFound"));
    }

    @Test
    void deletedClientIsGone() {
        String id = createClient(createTenant(), unique("Deleted"));

        given().when().delete(location(id))
                .then().statusCode(200);
        given().when().get(location(id))
                .then().statusCode(404)
                .body("error", equalTo("NotFound"));
        given().when().delete(location(id))
                .then().statusCode(404);
    }

    @Test
    void unknownOrMalformedIdIsA404InTheErrorShape() {
        given().when().get(location(UUID.randomUUID().toString()))
                .then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("error", equalTo("NotFound"));
        given().when().get("/api/v2/clients/not-a-uuid.json")
                .then().statusCode(404)
                .body("error", equalTo("NotFound"));
    }

    @Test
    void missingTenantIdIsRejectedAsBlank() {
        given().contentType(ContentType.JSON)
                .body("{\"client\": {\"name\": \"" + unique("Orphan") + "\", \"contacts\": [" + contact("1", null)
                        + "]}}")
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields.field_name", contains("tenant_id"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void unknownTenantIdIsRejectedAsInvalid() {
        given().contentType(ContentType.JSON)
                .body(client(UUID.randomUUID().toString(), unique("Lost"), contact("1", null)))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void malformedTenantIdInTheBodyIsRejectedByName() {
        given().contentType(ContentType.JSON)
                .body(client("not-a-uuid", unique("Malformed"), contact("1", null)))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("tenant_id"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void missingOrBlankNameIsRejected() {
        String tenantId = createTenant();
        given().contentType(ContentType.JSON)
                .body("{\"client\": {\"tenant_id\": \"" + tenantId + "\", \"contacts\": [" + contact("1", null)
                        + "]}}")
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("name"))
                .body("details.fields[0].error", equalTo("blank"));
        given().contentType(ContentType.JSON)
                .body(client(tenantId, "   ", contact("1", null)))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("name"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void tooLongNameIsRejected() {
        given().contentType(ContentType.JSON)
                .body(client(createTenant(), "n".repeat(256), contact("1", null)))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("name"))
                .body("details.fields[0].error", equalTo("invalid"));
    }

    @Test
    void duplicateNameInTheSameTenantIsRejectedRegardlessOfCase() {
        String tenantId = createTenant();
        String name = unique("Twin");
        createClient(tenantId, name);

        given().contentType(ContentType.JSON)
                .body(client(tenantId, name.toUpperCase(), contact("1", null)))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields[0].field_name", equalTo("name"))
                .body("details.fields[0].error", equalTo("taken"))
                .body("details.fields[0].description", equalTo("Client with such name exists already"));
    }

    @Test
    void sameNameIsAllowedInAnotherTenant() {
        String name = unique("Shared");
        createClient(createTenant(), name);

        given().contentType(ContentType.JSON)
                .body(client(createTenant(), name, contact("1", null)))
                .when().post(CLIENTS)
                .then().statusCode(201);
    }

    @Test
    void missingContactsAreRejectedAsBlank() {
        given().contentType(ContentType.JSON)
                .body("{\"client\": {\"tenant_id\": \"" + createTenant() + "\", \"name\": \"" + unique("Mute")
                        + "\"}}")
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("contacts"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void emptyContactListIsRejectedAsBlank() {
        given().contentType(ContentType.JSON)
                .body(client(createTenant(), unique("Empty")))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("contacts"))
                .body("details.fields[0].error", equalTo("blank"));
    }

    @Test
    void contactWithoutPhoneNumberIsRejectedByIndex() {
        given().contentType(ContentType.JSON)
                .body(client(createTenant(), unique("NoPhone"), contact("555-0108", null), "{\"name\": \"Bob\"}",
                        contact(" ", "Blank")))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("contacts.1.phone_number", "contacts.2.phone_number"))
                .body("details.fields.error", contains("blank", "blank"));
    }

    @Test
    void tooLongPhoneNumberOrContactNameIsRejectedByIndex() {
        given().contentType(ContentType.JSON)
                .body(client(createTenant(), unique("Long"), contact("1".repeat(65), null),
                        contact("555-0109", "x".repeat(256))))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("contacts.0.phone_number", "contacts.1.name"))
                .body("details.fields.error", contains("invalid", "invalid"));
    }

    @Test
    void moreContactsThanAClientsEventHoldsAreRejectedNamingContacts() {
        String[] contacts = IntStream.range(0, 6_000).mapToObj(i -> contact(String.valueOf(i), null))
                .toArray(String[]::new);

        given().contentType(ContentType.JSON)
                .body(client(createTenant(), unique("Crowd"), contacts))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("contacts"))
                .body("details.fields[0].description", equalTo("must have at most 100 entries"));
    }

    @Test
    void multibyteNameLongerInBytesThanItsBoundIsRejected() {
        given().contentType(ContentType.JSON)
                .body(client(createTenant(), RandomText.cjk(86), contact("1", RandomText.cjk(86))))
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", contains("name", "contacts.0.name"))
                .body("details.fields[0].description",
                        equalTo("must be at most 255 bytes of UTF-8 text, without control characters"));
    }

    @Test
    void everyProblemIsNamedInOneResponse() {
        given().contentType(ContentType.JSON).body("{\"client\": {}}")
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("details.fields.field_name", containsInAnyOrder("tenant_id", "name", "contacts"));
    }

    @Test
    void unknownPropertyIsRejectedByName() {
        given().contentType(ContentType.JSON)
                .body("{\"client\": {\"tenant_id\": \"" + createTenant() + "\", \"name\": \"" + unique("Extra")
                        + "\", \"contacts\": [{\"phone_number\": \"1\", \"colour\": \"blue\"}]}}")
                .when().post(CLIENTS)
                .then().statusCode(400)
                .body("error", equalTo("RecordInvalid"))
                .body("details.fields[0].field_name", equalTo("contacts.0.colour"))
                .body("details.fields[0].error", equalTo("unknown"));
    }

    @Test
    void createIsPublishedToKafkaWithTheClientAndItsTenant() throws Exception {
        String tenantId = createTenant();
        String id = createClient(tenantId, unique("Published"), contact("555-0110", "Main"));

        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                value -> value.contains(id) && value.contains(DirectoryEvents.CLIENT_CREATED), Duration.ofSeconds(30))
                .orElseThrow();
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertEquals(id, record.key());
        assertEquals(DirectoryEvents.CLIENT_CREATED, event.get("type").asText());
        assertEquals(tenantId, event.get("tenantid").asText());
        assertEquals(id, event.at("/data/client/client_id").asText());
        assertEquals("555-0110", event.at("/data/client/contacts/0/phone_number").asText());
    }

    @Test
    void deleteIsPublishedWithTheClientAsItWas() throws Exception {
        String name = unique("Farewell");
        String id = createClient(createTenant(), name);
        given().when().delete(location(id)).then().statusCode(200);

        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                value -> value.contains(id) && value.contains(DirectoryEvents.CLIENT_DELETED), Duration.ofSeconds(30))
                .orElseThrow();
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertEquals(name, event.at("/data/client/name").asText());
        assertEquals("555-0100", event.at("/data/client/contacts/0/phone_number").asText());
    }

    @Test
    void updateIsPublishedWithTheClientAfterTheChange() throws Exception {
        String id = createClient(createTenant(), unique("Changing"));
        String renamed = unique("Changed");
        given().contentType(ContentType.JSON).body("{\"client\": {\"name\": \"" + renamed + "\"}}")
                .when().put(location(id))
                .then().statusCode(200);

        ConsumerRecord<String, String> record = KafkaTopics.await(kafka, DirectoryEvents.TOPIC,
                value -> value.contains(id) && value.contains(DirectoryEvents.CLIENT_UPDATED), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(renamed, new ObjectMapper().readTree(record.value()).at("/data/client/name").asText());
    }

    @Test
    void searchResultsCarryEveryContact() {
        String tenantId = createTenant();
        String id = createClient(tenantId, unique("Full"), contact("555-0111", "One"), contact("555-0112", "Two"));

        given().queryParam("tenant_id", tenantId)
                .when().get(CLIENTS)
                .then().statusCode(200)
                .body("clients.client_id", hasItem(id))
                .body("clients[0].contacts.name", contains("One", "Two"));
    }

    // helpers: every test builds its own tenant and clients, so no test depends on another's data

    private static String createClient(String tenantId, String name, String... contacts) {
        String[] body = contacts.length == 0 ? new String[] { contact("555-0100", null) } : contacts;
        return idOf(given().contentType(ContentType.JSON).body(client(tenantId, name, body))
                .when().post(CLIENTS)
                .then().statusCode(201)
                .extract().header("Location"));
    }

    private static String client(String tenantId, String name, String... contacts) {
        return "{\"client\": {\"tenant_id\": \"" + tenantId + "\", \"name\": \"" + name + "\", \"contacts\": ["
                + String.join(", ", contacts) + "]}}";
    }

    private static String contact(String phoneNumber, String name) {
        return "{\"phone_number\": \"" + phoneNumber + "\", \"name\": " + (name == null ? "null" : "\"" + name + "\"")
                + "}";
    }

    private static String createTenant() {
        return createTenant(unique("Tenant"));
    }

    private static String createTenant(String name) {
        String location = given().contentType(ContentType.JSON).body("{\"tenant\": {\"name\": \"" + name + "\"}}")
                .when().post("/api/v2/tenants.json")
                .then().statusCode(201)
                .extract().header("Location");
        return idOf(location);
    }

    private static String location(String id) {
        return "/api/v2/clients/" + id + ".json";
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1, location.length() - ".json".length());
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
