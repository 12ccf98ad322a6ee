package io.parley.common.api.openapi;

/** The names of what the public API's OpenAPI document shares (package-info): security scheme, schemas, parameters, answers. */
public final class ApiDocument {

    public static final String BASIC = "basic";
    public static final String DATE_TIME = "DateTime";
    /** The API's date-time form (also given as the schema of {@code OffsetDateTime}, META-INF/microprofile-config). */
    public static final String DATE_TIME_FORM = "ISO 8601 with a numeric offset without a colon, in the API user's "
            + "timezone; inputs also take RFC 3339";
    public static final String DATE_TIME_EXAMPLE = "2014-06-10T13:45:51+0800";
    public static final String LIMIT = "limit";
    public static final String START = "start";
    public static final String MAX_TOTAL_CALC = "max_total_calc";
    public static final String CREATED = "Created";
    public static final String DONE = "Done";
    public static final String INVALID = "Invalid";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String UNAVAILABLE = "Unavailable";

    private ApiDocument() {
    }
}
