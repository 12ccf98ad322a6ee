package io.parley.call.search;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The advanced search's conditions in the OpenAPI document: one query parameter {@code PARAM__OPERATOR} for every
 * parameter of Table 1 ({@link Attributes}) and every operator of its type (Table 2, {@link Type}), made from the
 * tables the search reads, so that the document names exactly the conditions the search takes.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AdvancedSearchParameters implements OASFilter {

    static final String CALLS = "/api/v2/calls.json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        PathItem calls = openAPI.getPaths().getPathItem(CALLS);
        Operation search = calls == null ? null : calls.getGET();
        if (search == null) {
            return;
        }
        Schema conditions = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        for (Attribute attribute : Attributes.all()) {
            for (String operator : attribute.type().operators()) {
                conditions.addProperty(attribute.name() + AdvancedSearch.SEPARATOR + operator,
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .description(attribute.type().wireName() + " parameter " + attribute.name()
                                        + ", operator " + operator));
            }
        }
        search.addParameter(OASFactory.createParameter().name("conditions").in(Parameter.In.QUERY)
                .style(Parameter.Style.FORM).explode(true).schema(conditions)
                .description("With advanced_search=1: conditions PARAM__OPERATOR=VALUE, combined with AND (reference"
                        + " 3.1.4, Tables 1 and 2; docs/calls.md)"));
    }
}
