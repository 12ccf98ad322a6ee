package io.parley.directory.tenant;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * A tenant is deleted at {@code /api/v2/tenants/{tenantId}.json} and, as the reference also writes it, at
 * {@code /api/v2/tenant/{tenantId}.json}: one resource method with a path pattern, which the OpenAPI document shows as
 * the two paths it answers.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TenantDeletePaths implements OASFilter {

    static final String PATTERN = "/api/v2/{path}/{tenantId}.json";
    static final String PLURAL = "/api/v2/tenants/{tenantId}.json";
    static final String SINGULAR = "/api/v2/tenant/{tenantId}.json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        PathItem pattern = paths.getPathItem(PATTERN);
        if (pattern == null || pattern.getDELETE() == null) {
            return;
        }
        paths.removePathItem(PATTERN);
        Operation delete = pattern.getDELETE();
        delete.getParameters().stream().filter(parameter -> "path".equals(parameter.getName())).toList()
                .forEach(delete::removeParameter);
        paths.getPathItem(PLURAL).setDELETE(delete);
        paths.addPathItem(SINGULAR, OASFactory.createPathItem().DELETE(OASFactory.createOperation()
                .operationId(delete.getOperationId() + "_singular_path").deprecated(true)
                .summary(delete.getSummary() + " (the reference's other spelling)")
                .tags(delete.getTags()).parameters(delete.getParameters()).responses(delete.getResponses())));
    }
}
