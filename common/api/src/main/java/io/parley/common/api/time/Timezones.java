package io.parley.common.api.time;

import java.time.ZoneId;

/** Timezone settings of tenants, groups and users are IANA names, such as {@code Europe/London}. */
public final class Timezones {

    private Timezones() {
    }

    public static boolean isIanaName(String name) {
        return name != null && ZoneId.getAvailableZoneIds().contains(name);
    }
}
