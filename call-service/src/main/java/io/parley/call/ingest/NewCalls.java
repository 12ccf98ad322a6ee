package io.parley.call.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.parley.call.association.CallAssociation;
import io.parley.call.association.CallAssociation.NewCall;
import io.parley.call.association.CallAssociation.RecorderTenant;
import io.parley.call.ingest.RecorderEvent.Part;

/**
 * The calls a batch stores for the first time whose stored values are known before they are written, so that they
 * can be associated as they are stored ({@link CallAssociation#ofNewCalls}): a call of one row ({@link CallRows}),
 * each of its participants given one number at most. A call of several rows, or a participant given two numbers, is
 * stored first and associated from what was stored.
 */
final class NewCalls {

    private NewCalls() {
    }

    /** @param recorders the tenant of the recorder of each call a tenant's recorder reported */
    static List<NewCall> of(List<CallRows.Row> rows, List<RecorderEvent> events, Set<UUID> stored,
            Map<UUID, RecorderTenant> recorders) {
        Map<UUID, CallRows.Row> single = new LinkedHashMap<>();
        Set<UUID> several = new HashSet<>(stored);
        for (CallRows.Row row : rows) {
            if (!several.contains(row.callId()) && single.put(row.callId(), row) != null) {
                single.remove(row.callId());
                several.add(row.callId());
            }
        }
        Map<UUID, Map<String, String>> numbers = new HashMap<>();
        for (RecorderEvent event : events) {
            if (single.containsKey(event.callId())) {
                Map<String, String> ofCall = numbers.computeIfAbsent(event.callId(), call -> new LinkedHashMap<>());
                for (Part participant : event.participants()) {
                    if (!given(ofCall, participant.id(), (String) participant.fields().get("party_number"))) {
                        single.remove(event.callId());
                    }
                }
            }
        }
        List<NewCall> calls = new ArrayList<>(single.size());
        single.forEach((call, row) -> calls.add(new NewCall(call, row.fields(), numbers.getOrDefault(call, Map.of()),
                recorders.get(call))));
        return calls;
    }

    /** Records a participant's number; false if it was given another one before. */
    private static boolean given(Map<String, String> numbers, String participant, String number) {
        String before = numbers.get(participant);
        if (before == null) {
            numbers.put(participant, number);
            return true;
        }
        return number == null || Objects.equals(before, number);
    }
}
