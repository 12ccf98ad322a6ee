/**
 * What every service's part of the public API's OpenAPI document shares (docs/openapi.md): the title, HTTP Basic
 * authentication on every operation (checked by the gateway), the paging parameters of every list, the API's
 * date-time form, and the answers any operation may give, in the API's error shape. Resources refer to these by name,
 * e.g. {@code @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)}. The scanner reads a shared definition
 * only from a package, hence here.
 */
@OpenAPIDefinition(info = @Info(title = "Parley REST API", version = "2", description = """
        The MiaRec REST API v2 as Parley serves it (/api/v2), and the recorders' API (/recorder/v1). Every request \
        is authenticated with HTTP Basic. Single objects are wrapped in their singular name, lists in their plural \
        with next_url and total (docs/api-conventions.md)."""), security = @SecurityRequirement(name = ApiDocument.BASIC), components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = ApiDocument.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic", description = "An API user's login and password"), schemas = @Schema(name = ApiDocument.DATE_TIME, type = SchemaType.STRING, description = ApiDocument.DATE_TIME_FORM, examples = ApiDocument.DATE_TIME_EXAMPLE), parameters = {
        @Parameter(name = ApiDocument.LIMIT, in = ParameterIn.QUERY, description = "Objects per page; above "
                + PageRequest.MAX_LIMIT + " served as "
                + PageRequest.MAX_LIMIT, schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = ""
                        + PageRequest.DEFAULT_LIMIT)),
        @Parameter(name = ApiDocument.START, in = ParameterIn.QUERY, description = "Offset of the page's first object", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0")),
        @Parameter(name = ApiDocument.MAX_TOTAL_CALC, in = ParameterIn.QUERY, description = "Count matching objects up to start plus this many, and give the count as total on every page; at most "
                + PageRequest.MAX_TOTAL_CALC, schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) }, responses = {
                        @APIResponse(name = ApiDocument.CREATED, responseCode = "201", description = "Created", headers = @Header(name = "Location", description = "The new object's path", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "url", properties = @SchemaProperty(name = "url", type = SchemaType.STRING)), examples = @ExampleObject(name = "created", value = "{\"url\": \"/api/v2/users/0a6c2d1e-5b8f-4c3e-9d7a-2f1e0b9c8d7e.json\"}"))),
                        @APIResponse(name = ApiDocument.DONE, responseCode = "200", description = "Done; no body"),
                        @APIResponse(name = ApiDocument.INVALID, responseCode = "400", description = "Not valid: an unknown or ill-formed parameter or property, or a broken rule", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "taken", value = """
                                {"error": "RecordInvalid", "description": "Record validation errors", "details": {"fields": \
                                [{"field_name": "name", "error": "taken", "description": "Group with such name exists already"}]}}"""))),
                        @APIResponse(name = ApiDocument.UNAUTHORIZED, responseCode = "401", description = "Missing or wrong credentials, or a user who may not log in", headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING))),
                        @APIResponse(name = ApiDocument.FORBIDDEN, responseCode = "403", description = "Authenticated, but the role does not permit this operation", content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "denied", value = "Access is denied"))),
                        @APIResponse(name = ApiDocument.NOT_FOUND, responseCode = "404", description = "No such object, or one outside the caller's scope", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "missing", value = "{\"error\": \"NotFound\", \"description\": \"User not found\"}"))),
                        @APIResponse(name = ApiDocument.CONFLICT, responseCode = "409", description = "The object's state does not allow this now", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class), examples = @ExampleObject(name = "authorized", value = "{\"error\": \"InvalidState\", \"description\": \"Such user is authorized already\"}"))),
                        @APIResponse(name = ApiDocument.UNSUPPORTED_MEDIA_TYPE, responseCode = "415", description = "A request body that is not application/json", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class))),
                        @APIResponse(name = ApiDocument.TOO_MANY_REQUESTS, responseCode = "429", description = "Too many failed sign-ins for this login or from this address; retry after Retry-After seconds", headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class))),
                        @APIResponse(name = ApiDocument.UNAVAILABLE, responseCode = "503", description = "A service or store cannot answer now; retry after Retry-After seconds", headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class))) }))
package io.parley.common.api.openapi;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import io.parley.common.api.error.ApiError;
import io.parley.common.api.paging.PageRequest;
