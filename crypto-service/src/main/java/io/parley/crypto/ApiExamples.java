package io.parley.crypto;

/**
 * The reference's request and answer examples for encryption keys and their authorized users, as the OpenAPI
 * document shows them (docs/openapi.md). Answers are completed with the fields Parley always serves where the
 * reference's example leaves some out, so that each is a valid answer (Redocly and the contract tests check them).
 */
public final class ApiExamples {

    private static final String ENCRYPT_KEY_OBJECT = """
            {"key_id": "e9780258-f061-11e5-b9d7-e03f497dbdff", "is_active": false,
             "fingerprint": "cb874f07fe39656cf88150e569b5b9e8", "tenant_id": "11111111-1111-1111-1111-111111111111",
             "public_key": "MIGfMA0GCSqGSIb3DQEBAQUAA4GNA...", "name": "Encrypt key new", "protection_mode": "user",
             "key_length": 1024, "has_private_key": true}""";
    /** Reference 3.3.2, with the fields the reference's example leaves out. */
    public static final String ENCRYPT_KEY = "{\"encrypt_key\": " + ENCRYPT_KEY_OBJECT + "}";
    /** Reference 3.3.1, the last page, with the key of 3.3.2. */
    public static final String ENCRYPT_KEYS = "{\"next_url\": null, \"total\": 1, \"encrypt_keys\": ["
            + ENCRYPT_KEY_OBJECT + "]}";
    /** Reference 3.3.3, generate (with its spelling {@code key_lenght}). */
    public static final String ENCRYPT_KEY_GENERATE = """
            {"encrypt_key": {"name": "New encrypt key", "is_active": true, "add_type": "generate", "key_lenght": 2048}}""";
    /** Reference 3.3.3, import. */
    public static final String ENCRYPT_KEY_IMPORT = """
            {"encrypt_key": {"name": "New encrypt key", "is_active": true, "add_type": "import",
             "public_key": "MIGfMA0GCSqGSIb3DQEBAQ...", "private_key": "RheQwd3Y6cdLyH4MFMxN61K6K/lyoyB...",
             "private_key_password": "secret"}}""";
    /** Reference 3.3.4. */
    public static final String ENCRYPT_KEY_UPDATE = """
            {"encrypt_key": {"name": "New name for encrypt key", "is_active": false}}""";
    /** Reference 3.3.6. */
    public static final String GRANT = """
            {"user": {"user_id": "5b139cee-f13a-11e5-9615-e03f497dbdff"}}""";
    /** Reference 3.3.8, with each grant's status. */
    public static final String AUTHORIZED_USERS = """
            {"next_url": null, "total": 2, "users": [
             {"user_id": "2c4b823a-8ce4-11e5-93b6-e03f497dbdff", "status": "active"},
             {"user_id": "5a5b525a-7ce5-11e5-83b6-a66f445dbdea", "status": "pending"}]}""";

    private ApiExamples() {
    }
}
