package org.tradeflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * The text of a request outside its body (path, query parameters) reaches the database only without control
 * characters: PostgreSQL refuses NUL, and no identifier, code or search term means one. Refused with the
 * parameter named, before any controller runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestText extends OncePerRequestFilter {

    /** The index of the first control character other than tab, line feed and carriage return; -1 if none. */
    static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") && !path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = java.net.URLDecoder.decode(request.getRequestURI(), java.nio.charset.StandardCharsets.UTF_8);
        if (firstControlCharacter(path) >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0 || path.indexOf('\t') >= 0) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "Invalid request", "The path contains a control character", null);
            return;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                if (firstControlCharacter(value) >= 0 || firstControlCharacter(parameter.getKey()) >= 0) {
                    Problems.write(response, HttpStatus.BAD_REQUEST, "Invalid parameter", parameter.getKey()
                            + ": contains a control character", parameter.getKey());
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
