package io.parley.call.muting;

import java.sql.SQLException;
import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.parley.common.api.ApiIds;
import io.parley.common.api.error.ApiException;
import io.parley.common.security.Caller;
import io.quarkus.security.PermissionsAllowed;

/**
 * Pause and resume recording ({@code ?action=mute|unmute}) of a call (reference 3.1.8) or of a user's current active
 * call (reference 3.7.7): {@code 200} once the command to the recorder is recorded; see docs/muting.md.
 */
@Path("/api/v2")
public class MutingResource {

    private final Muting muting;
    private final Caller caller;

    MutingResource(Muting muting, Caller caller) {
        this.muting = muting;
        this.caller = caller;
    }

    @PermissionsAllowed("calls:pause_recording")
    @POST
    @Path("calls/{callId}.json/muting")
    public Response call(@PathParam("callId") String callId, @QueryParam("action") String action)
            throws SQLException {
        MutingAction requested = MutingAction.of(action);
        muting.call(caller, ApiIds.parse(callId).orElseThrow(() -> ApiException.notFound("Call")), requested);
        return Response.ok().build();
    }

    @PermissionsAllowed("calls:pause_recording")
    @POST
    @Path("users/{userId}.json/muting")
    public Response user(@PathParam("userId") String userId, @QueryParam("action") String action)
            throws SQLException {
        MutingAction requested = MutingAction.of(action);
        UUID user = ApiIds.parse(userId).orElseThrow(() -> ApiException.notFound("Active call of the user"));
        muting.usersActiveCall(caller, user, requested);
        return Response.ok().build();
    }
}
