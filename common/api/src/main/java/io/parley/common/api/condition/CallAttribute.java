package io.parley.common.api.condition;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The call attributes a condition names, each mapped to the call field a recorder reports (docs/recorder-events.md).
 * Names follow the reference's example ({@code BroadWorks-serviceProviderID}, {@code BroadWorks-groupID}): a prefix
 * for the source of the id, a dash, then the id in camel case; a condition may write them in any case.
 */
public enum CallAttribute {

    BROADWORKS_SERVICE_PROVIDER("BroadWorks-serviceProviderID", "broadworks_sp_id"),
    BROADWORKS_GROUP("BroadWorks-groupID", "broadworks_group_id"),
    BROADWORKS_USER("BroadWorks-userID", "broadworks_user_id"),
    METASWITCH_SYSTEM("Metaswitch-system", "metaswitch_system"),
    METASWITCH_GROUP("Metaswitch-group", "metaswitch_group"),
    METASWITCH_USER("Metaswitch-user", "metaswitch_user"),
    CISCO_NEAREND_PARTITION("Cisco-nearEndPartition", "cisco_nearend_partition"),
    CISCO_FAREND_PARTITION("Cisco-farEndPartition", "cisco_farend_partition"),
    CISCO_NEAREND_GUID("Cisco-nearEndGUID", "cisco_nearend_guid"),
    CISCO_FAREND_GUID("Cisco-farEndGUID", "cisco_farend_guid"),
    CISCO_NEAREND_REFCI("Cisco-nearEndRefCI", "cisco_nearend_refci"),
    CISCO_FAREND_REFCI("Cisco-farEndRefCI", "cisco_farend_refci"),
    CISCO_PHONE_IP("Cisco-phoneIP", "cisco_phone_ip"),
    SIP_CALL_ID("SIP-callID", "protocol_call_id"),
    SIP_FROM_HOST("SIP-fromHost", "from_id", Source.SIP_URI_HOST),
    SIP_TO_HOST("SIP-toHost", "to_id", Source.SIP_URI_HOST),
    FROM_ID("Call-fromID", "from_id"),
    TO_ID("Call-toID", "to_id"),
    FROM_NUMBER("Call-fromNumber", "from_number"),
    TO_NUMBER("Call-toNumber", "to_number"),
    FROM_NAME("Call-fromName", "from_name"),
    TO_NAME("Call-toName", "to_name"),
    FROM_IP("Call-fromIP", "from_ip"),
    TO_IP("Call-toIP", "to_ip"),
    FROM_MAC("Call-fromMAC", "from_mac"),
    TO_MAC("Call-toMAC", "to_mac"),
    AGENT_ID("Call-agentID", "agent_id"),
    AGENT_NAME("Call-agentName", "agent_name"),
    DIRECTION("Call-direction", "protocol_call_direction"),
    VOIP_PROTOCOL("Call-voipProtocol", "voip_protocol");

    /** Where an attribute's text comes from in its call field. */
    public enum Source {
        /** The field itself; a number field (direction, voip protocol) as its decimal text, e.g. {@code "1"}. */
        VALUE,
        /** The host part of the field's SIP URI, in any case, as the {@code sip_uri_host} mode reads it. */
        SIP_URI_HOST
    }

    /** The host of a SIP id or URI, as the {@code sip_uri_host} mode reads it: {@code sip:102@pbx.example.com:5060}. */
    private static final Pattern SIP_HOST = Pattern.compile("@([^:;>]+)");

    private static final Map<String, CallAttribute> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(attribute -> key(attribute.attributeName), Function.identity()));

    /** How a condition names the attribute. */
    public final String attributeName;
    /** The call field (a recorder event's name, and call-service's column) the attribute reads. */
    public final String field;
    public final Source source;

    CallAttribute(String attributeName, String field) {
        this(attributeName, field, Source.VALUE);
    }

    CallAttribute(String attributeName, String field, Source source) {
        this.attributeName = attributeName;
        this.field = field;
        this.source = source;
    }

    /**
     * The attribute's text in a call whose call fields, by name, {@code fields} gives; {@code null} when the call has
     * not reported it (or, for a host, its field holds no SIP URI).
     */
    public String valueIn(Function<String, Object> fields) {
        Object value = fields.apply(field);
        if (value == null) {
            return null;
        }
        String text = value.toString();
        if (source == Source.VALUE) {
            return text;
        }
        Matcher host = SIP_HOST.matcher(text);
        return host.find() ? host.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** The attribute a condition names, in any case. */
    public static Optional<CallAttribute> named(String name) {
        return Optional.ofNullable(BY_NAME.get(key(name)));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
