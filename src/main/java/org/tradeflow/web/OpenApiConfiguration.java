package org.tradeflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public API's OpenAPI document ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI tradeflowApi() {
        return new OpenAPI()
                .info(new Info().title("Tradeflow API").version("v1")
                        .description("Orders, price quotes, catalog, accounts and dispatch confirmations. "
                                + "Errors are application/problem+json (RFC 9457); a refused request changes nothing."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
