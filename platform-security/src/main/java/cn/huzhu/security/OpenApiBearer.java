package cn.huzhu.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In services that describe their API (springdoc), every operation needs a bearer JWT (Swagger UI offers to enter one),
 * and every operation documents the error answers the platform gives, all as RFC 9457 problem details ({@code Problem}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
class OpenApiBearer {

    static final String SCHEME = "bearer-jwt";

    @Bean
    OpenApiCustomizer bearerJwt() {
        return (OpenAPI api) -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes(
                            SCHEME,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("JWT")
                                    .description(
                                            "A token of the platform's identity provider (locally: curl -s 127.0.0.1:8089/tokens/<user>)"));
            api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }

    /** The answers every operation may give, and those that only requests with a body may give. */
    static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static final Map<String, String> BODY_ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put(
                "400",
                "Malformed request: a value of the wrong type, outside its range or list, a control character; `errors` lists the fields (at most 20, `errorCount` all)");
        ERRORS.put("401", "No valid bearer token");
        ERRORS.put("403", "The token's role may not do this");
        ERRORS.put("404", "No such resource, or not one the token's scope reaches");
        ERRORS.put("422", "Well formed, but refused by a rule of the scheme (`code` names the rule)");
        ERRORS.put("429", "Over the rate limit (`Retry-After` says when to try again)");
        BODY_ERRORS.put(
                "409",
                "In conflict with what is stored (another request with the same idempotency key, a state that moved on)");
        BODY_ERRORS.put("413", "The body is larger than allowed");
        BODY_ERRORS.put("415", "The body is not of a type the operation takes");
    }

    @Bean
    OpenApiCustomizer problemAnswers() {
        return (OpenAPI api) -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSchemas(
                            "Problem",
                            new ObjectSchema()
                                    .description("RFC 9457 problem details")
                                    .addProperty("type", new StringSchema().format("uri"))
                                    .addProperty("title", new StringSchema())
                                    .addProperty("status", new IntegerSchema())
                                    .addProperty("detail", new StringSchema())
                                    .addProperty("instance", new StringSchema())
                                    .addProperty("code", new StringSchema())
                                    .addProperty(
                                            "errors",
                                            new ArraySchema()
                                                    .items(new ObjectSchema()
                                                            .addProperty("field", new StringSchema())
                                                            .addProperty("message", new StringSchema())))
                                    .addProperty("errorCount", new IntegerSchema()));
            Content problem = new Content()
                    .addMediaType(
                            "application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
            if (api.getPaths() == null) {
                return;
            }
            api.getPaths()
                    .values()
                    .forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
                        if (operation.getResponses() == null) {
                            operation.setResponses(new ApiResponses());
                        }
                        Map<String, String> errors = new LinkedHashMap<>(ERRORS);
                        if (operation.getRequestBody() != null) {
                            errors.putAll(BODY_ERRORS);
                        }
                        errors.forEach((status, description) -> operation
                                .getResponses()
                                .computeIfAbsent(
                                        status,
                                        s -> new ApiResponse()
                                                .description(description)
                                                .content(problem)));
                    }));
        };
    }
}
