package org.tradeflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tradeflow.web.Problems;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API callers (ERP, webshop, EDI gateway) authenticate with HTTP Basic against the same identities as Tasklist,
 * on every request: the API creates no session and honours none, so a browser's cookies never act for it. A
 * state-changing call must say it is one (a JSON or spreadsheet body, or an X-Requested-With header), which a
 * form on another site cannot. The Camunda webapps keep their own session login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The group allowed to change decision tables. */
    static final String RULE_ADMINS = "rule-admins";
    /** Warehouses and 3PLs confirm dispatches and book receipts; the order desk may do it for them. */
    static final String WAREHOUSE = "warehouse";
    static final String ORDER_DESK = "order-desk";
    /** Receivables: payments, refunds and credit. */
    static final String FINANCE = "finance";
    /** Trading partners' EDI gateways post X12 interchanges; the order desk reads them and their quarantine. */
    static final String EDI = "edi";

    /** Who may do what beyond being signed in; the 403 names the roles a call needs. */
    private static final List<RoleRule> ROLE_RULES = List.of(
            new RoleRule("change decision tables", HttpMethod.PUT, List.of("/api/v1/rules/**"), List.of(RULE_ADMINS)),
            new RoleRule("change decision tables", HttpMethod.POST, List.of("/api/v1/rules/**"), List.of(RULE_ADMINS)),
            new RoleRule("book dispatches and returns", HttpMethod.POST,
                    List.of("/api/v1/shipments/*/dispatch", "/api/v1/shipments/*/returns"), List.of(WAREHOUSE, ORDER_DESK)),
            new RoleRule("book receipts and stock counts", HttpMethod.POST,
                    List.of("/api/v1/receipts", "/api/v1/stock-adjustments"), List.of(WAREHOUSE, ORDER_DESK)),
            new RoleRule("book payments", HttpMethod.POST, List.of("/api/v1/payments", "/api/v1/payments/**"), List.of(FINANCE)),
            new RoleRule("send EDI interchanges", HttpMethod.POST, List.of("/api/v1/edi/**"), List.of(EDI)),
            new RoleRule("read EDI interchanges", HttpMethod.GET, List.of("/api/v1/edi/**"), List.of(EDI, ORDER_DESK)),
            new RoleRule("set up EDI trading partners", HttpMethod.PUT, List.of("/api/v1/edi/partners/**"), List.of(EDI)),
            new RoleRule("import bank statements", HttpMethod.POST, List.of("/api/v1/bank-statements"), List.of(FINANCE)),
            new RoleRule("read bank statements", HttpMethod.GET, List.of("/api/v1/bank-statements/**"), List.of(FINANCE)),
            new RoleRule("ask for price corrections", HttpMethod.POST, List.of("/api/v1/invoices/*/price-corrections"),
                    List.of(ORDER_DESK, FINANCE)),
            new RoleRule("ask for returns", HttpMethod.POST, List.of("/api/v1/returns"), List.of(ORDER_DESK)),
            new RoleRule("record inspections of returned goods", HttpMethod.POST, List.of("/api/v1/returns/*/inspection"),
                    List.of(WAREHOUSE)),
            new RoleRule("dispute invoices", HttpMethod.POST, List.of("/api/v1/invoices/*/dispute"), List.of(ORDER_DESK, FINANCE)),
            new RoleRule("lift invoice disputes", HttpMethod.DELETE, List.of("/api/v1/invoices/*/dispute"), List.of(FINANCE)),
            new RoleRule("set credit limits", HttpMethod.PUT, List.of("/api/v1/accounts/*/credit-limit"), List.of(FINANCE)),
            new RoleRule("set billing details and payment terms", HttpMethod.PUT, List.of("/api/v1/accounts/*/billing"),
                    List.of(FINANCE)),
            // calling orders off or cutting them is the order desk's (and its integration users') job
            new RoleRule("cancel or change orders", HttpMethod.POST, List.of("/api/v1/orders/*/cancel",
                    "/api/v1/orders/*/changes", "/api/v1/orders/*/substitution"), List.of(ORDER_DESK)));

    /** Content types a plain HTML form (or a no-cors fetch) can send from another site. */
    private static final Set<String> FORM_CONTENT_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            // the identity store could not answer (database down): not the caller's fault, and worth a retry
            if (e instanceof AuthenticationServiceException) {
                response.setHeader("Retry-After", "10");
                Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "Credentials cannot be checked right now; try again shortly", null);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"tradeflow\"");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Sign in with HTTP Basic as a Tradeflow user", null);
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                Problems.write(response, HttpStatus.FORBIDDEN, "Forbidden", whyForbidden(request), null);
        return http
                // by path, whichever servlet serves it (engine REST is Jersey, not Spring MVC)
                .securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html"))
                .csrf(csrf -> csrf.disable()) // no session, no cookie: nothing for a forged request to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ExplicitStateChange(), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/health/**"))
                            .permitAll();
                    ROLE_RULES.forEach(rule -> requests.requestMatchers(rule.matcher()).hasAnyAuthority(rule.roles().toArray(String[]::new)));
                    requests.anyRequest().authenticated();
                })
                .build();
    }

    /** The Camunda webapps (Tasklist, Cockpit, Admin) authenticate through their own login form and session. */
    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // the webapps' own CsrfPreventionFilter guards /camunda/api
                .authorizeHttpRequests(requests -> requests
                        // Camunda's first-admin setup page would let anyone create an administrator.
                        .requestMatchers(paths("/camunda/api/admin/setup/**", "/camunda/app/admin/*/setup/**")).denyAll()
                        .requestMatchers(paths("/camunda/**", "/", "/error")).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    private static RequestMatcher paths(String... patterns) {
        List<RequestMatcher> matchers = java.util.Arrays.stream(patterns)
                .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern)).toList();
        return request -> matchers.stream().anyMatch(matcher -> matcher.matches(request));
    }

    private static String whyForbidden(HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String roles = caller == null ? "none" : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .sorted().collect(Collectors.joining(", "));
        return ROLE_RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst()
                .map(rule -> "To " + rule.what() + " you need the role " + String.join(" or ", rule.roles())
                        + (caller == null ? "" : "; " + caller.getName() + " has " + (roles.isEmpty() ? "no roles" : roles)))
                .orElse("Your roles (" + roles + ") do not allow this");
    }

    private record RoleRule(String what, HttpMethod method, List<String> patterns, List<String> roles) {
        RequestMatcher matcher() {
            List<RequestMatcher> matchers = patterns.stream()
                    .map(pattern -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(method, pattern)).toList();
            return request -> matchers.stream().anyMatch(matcher -> matcher.matches(request));
        }
    }

    /**
     * A POST carries a body a form cannot send (JSON, a spreadsheet, EDI) or the header X-Requested-With: a page
     * on another site can make a signed-in browser post a form, but not either of those.
     */
    private static final class ExplicitStateChange extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String contentType = request.getContentType() == null ? ""
                    : request.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
            boolean formLike = contentType.isEmpty() || FORM_CONTENT_TYPES.contains(contentType);
            // PUT, PATCH and DELETE cannot be sent across sites without the browser asking first (CORS, never allowed)
            if ("POST".equals(request.getMethod()) && formLike && request.getHeader("X-Requested-With") == null) {
                Problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                        "A state-changing call carries a JSON body (Content-Type: application/json) or the header "
                                + "X-Requested-With; " + (contentType.isEmpty() ? "this one has neither"
                                : contentType + " is what a form on another site could send"), "Content-Type");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
