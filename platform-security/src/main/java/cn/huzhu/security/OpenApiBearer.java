package cn.huzhu.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In services that describe their API (springdoc), every operation needs a bearer JWT: Swagger UI offers to enter one. */
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
            api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .bearerFormat("JWT").description("A token of the platform's identity provider (locally: curl -s 127.0.0.1:8089/tokens/<user>)"));
            api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
