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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The text of a request outside its body (path, query parameters) reaches the database only without control
 * characters: PostgreSQL refuses NUL, and no identifier, code or search term means one. Every path is checked as
 * it is served (decoded: an encoded character cannot slip past), and the refusal names the parameter, before any
 * controller, engine resource or webapp runs.
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
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = decode(request.getRequestURI());
        if (firstControlCharacter(path) >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0 || path.indexOf('\t') >= 0) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "Invalid request", "The path contains a control character", null);
            return;
        }
        // the query string only: a form body is read by whoever it is for, not here
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            String name = decode(parts[0]);
            String value = parts.length > 1 ? decode(parts[1]) : "";
            if (firstControlCharacter(name) >= 0 || firstControlCharacter(value) >= 0) {
                Problems.write(response, HttpStatus.BAD_REQUEST, "Invalid parameter", name + ": contains a control character", name);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Percent-decoded; a malformed escape is kept as written (it then holds no control character of its own). */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
