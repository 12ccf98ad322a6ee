package io.parley.common.events.directory;

import io.parley.common.api.text.BoundedText;

/**
 * The sizes the directory takes, in characters (it bounds them in UTF-8 bytes, which are never fewer): what a
 * replica's B-tree entries and a Kafka record hold (docs/directory-rules.md, "Limits on input").
 */
final class DirectoryBounds {

    /** Names of tenants, groups, roles, users, clients and contacts; logins and e-mail addresses. */
    static final int NAME = BoundedText.NAME_BYTES;
    /** A tenant's call association settings. */
    static final int SETTING = 1_024;
    /** A user's extension, a client contact's phone number: what calls are matched by. */
    static final int NUMBER = 64;
    /** A user's extensions and managed groups, a client's contacts. */
    static final int ENTRIES = 100;

    private DirectoryBounds() {
    }
}
