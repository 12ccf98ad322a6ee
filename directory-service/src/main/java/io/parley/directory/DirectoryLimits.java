package io.parley.directory;

import io.parley.common.api.text.BoundedText;

/**
 * The size bounds of what the directory takes, one per kind (docs/directory-rules.md, "Limits on input"). Text is
 * bounded in UTF-8 bytes without control characters ({@link BoundedText}), lists in
 * entries, so that what an index or an event holds provably fits it:
 * <ul>
 * <li>B-tree entries (PostgreSQL's limit: 2,704 bytes). {@code lower()} can make a text at most 1.5 times longer (a
 * two-byte capital whose small letter takes three), so a name's unique index entry, tenant id and
 * {@code lower(name)}, is at most 16 + 383 bytes; the users' list-order entry, {@code lower(name)}, id, name,
 * tenant and group, at most 383 + 255 + 48; a login's 255, an extension's or a phone number's 64 with a user,
 * client or tenant id. The users' {@code search_text}, which holds every extension, is in no B-tree (V6).</li>
 * <li>{@code directory.events} records (Kafka's limit: 1 MiB). JSON takes each byte of such text at most twice (a
 * quote or backslash). The largest event is a client's: 100 contacts of a 64-byte number and a 255-byte name, with
 * a 255-byte name, is 67,634 bytes; a user's with 255-byte name, login and e-mail, 100 extensions of 64 bytes and
 * 100 managed groups is 19,404; a tenant's with seven 1,024-byte association settings 15,737; a role's permissions
 * are the catalog's at most. The largest is under 7% of the limit.</li>
 * </ul>
 */
public final class DirectoryLimits {

    /** Names of tenants, groups, roles, users, clients and contacts; logins and e-mail addresses. */
    public static final int NAME_BYTES = BoundedText.NAME_BYTES;
    /** A tenant's call association settings ({@code fieldset_associate_calls}). */
    public static final int SETTING_BYTES = 1_024;
    /** A user's extension, a client contact's phone number: what calls are matched by. */
    public static final int NUMBER_BYTES = 64;
    /** A user's extensions and managed groups, a client's contacts. */
    public static final int LIST_ENTRIES = 100;

    private DirectoryLimits() {
    }
}
