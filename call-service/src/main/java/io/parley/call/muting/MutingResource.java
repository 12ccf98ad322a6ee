package io.parley.call.muting;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.parley.common.api.ApiIds;
import io.parley.common.api.error.ApiException;
import io.parley.common.api.openapi.ApiDocument;
import io.parley.common.security.Caller;
import io.quarkus.security.PermissionsAllowed;

/**
 * Pause and resume recording ({@code ?action=mute|unmute}) of a call (reference 3.1.8) or of a user's current active
 * call (reference 3.7.7): {@code 200} once the command to the recorder is recorded; see docs/muting.md.
 */
@Tag(name = "Calls", description = "Reference 3.1")
@APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
@APIResponse(responseCode = "429", ref = ApiDocument.TOO_MANY_REQUESTS)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
@Path("/api/v2")
public class MutingResource {

    private final Muting muting;
    private final Caller caller;

    MutingResource(Muting muting, Caller caller) {
        this.muting = muting;
        this.caller = caller;
    }

    @Operation(operationId = "mute_call", summary = "Pause or resume the recording of an active call")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT, description = "The call is no longer active")
    @PermissionsAllowed("calls:pause_recording")
    @POST
    @Path("calls/{callId}.json/muting")
    public Response call(@PathParam("callId") String callId,
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, enumeration = { "mute",
                    "unmute" })) @QueryParam("action") String action) {
        MutingAction requested = MutingAction.of(action);
        muting.call(caller, ApiIds.parse(callId).orElseThrow(() -> ApiException.notFound("Call")), requested);
        return Response.ok().build();
    }

    @Operation(operationId = "mute_user", summary = "Pause or resume the recording of the user's active call")
    @APIResponse(responseCode = "200", ref = ApiDocument.DONE)
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND, description = "No such user, or no active call of the user")
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT, description = "The call ended meanwhile")
    @PermissionsAllowed("calls:pause_recording")
    @POST
    @Path("users/{userId}.json/muting")
    public Response user(@PathParam("userId") String userId,
            @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, enumeration = { "mute",
                    "unmute" })) @QueryParam("action") String action) {
        MutingAction requested = MutingAction.of(action);
        UUID user = ApiIds.parse(userId).orElseThrow(() -> ApiException.notFound("Active call of the user"));
        muting.usersActiveCall(caller, user, requested);
        return Response.ok().build();
    }
}
