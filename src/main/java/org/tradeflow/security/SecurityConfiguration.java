package org.tradeflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * API callers (ERP, webshop, EDI gateway) authenticate with HTTP Basic against the same identities as
 * Tasklist. The Camunda webapps keep their own session login; everything else needs a user.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The group allowed to change decision tables. */
    static final String RULE_ADMINS = "rule-admins";
    /** Warehouses and 3PLs confirm dispatches and book receipts; the order desk may do it for them. */
    static final String WAREHOUSE = "warehouse";
    static final String ORDER_DESK = "order-desk";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            // the identity store could not answer (database down): not the caller's fault, and worth a retry
            if (e instanceof AuthenticationServiceException) {
                response.setHeader("Retry-After", "10");
                writeProblem(objectMapper, response, HttpStatus.SERVICE_UNAVAILABLE,
                        "Credentials cannot be checked right now; try again shortly");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"tradeflow\"");
            writeProblem(objectMapper, response, HttpStatus.UNAUTHORIZED, "Authentication required");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                writeProblem(objectMapper, response, HttpStatus.FORBIDDEN, "Your role does not allow this");
        return http
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/engine-rest/**", "/camunda/**"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(requests -> requests
                        // Camunda's first-admin setup page would let anyone create an administrator.
                        .requestMatchers("/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**").denyAll()
                        // The webapps authenticate through their own login form and session.
                        .requestMatchers("/camunda/**", "/", "/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/rules/**").hasAuthority(RULE_ADMINS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/rules/**").hasAuthority(RULE_ADMINS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/shipments/*/dispatch", "/api/v1/shipments/*/returns")
                        .hasAnyAuthority(WAREHOUSE, ORDER_DESK)
                        .requestMatchers(HttpMethod.POST, "/api/v1/receipts", "/api/v1/stock-adjustments").hasAnyAuthority(WAREHOUSE, ORDER_DESK)
                        // calling orders off or cutting them is the order desk's (and its integration users') job
                        .requestMatchers(HttpMethod.POST, "/api/v1/orders/*/cancel", "/api/v1/orders/*/changes",
                                "/api/v1/orders/*/substitution").hasAuthority(ORDER_DESK)
                        .anyRequest().authenticated())
                .build();
    }

    private static void writeProblem(ObjectMapper objectMapper, jakarta.servlet.http.HttpServletResponse response,
                                     HttpStatus status, String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
    }
}
