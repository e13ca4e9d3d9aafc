package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Refuses request bodies whose {@code orQueries} carry {@code *Expression} keys: a reported way around
 * {@code enableExpressionsInAdhocQueries=false} in Camunda 7 task queries (and filters, which store them).
 */
class QueryExpressionGuard extends OncePerRequestFilter {

    private static final int MAX_INSPECTED_BYTES = 1024 * 1024;
    private final ObjectMapper objectMapper = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Every body is inspected, whatever its declared type: the engine accepts "Application/JSON" too.
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BYTES + 1);
        if (body.length > MAX_INSPECTED_BYTES || smugglesExpression(body)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"Bad request\",\"status\":400,"
                    + "\"detail\":\"Expressions are not allowed in queries (orQueries *Expression)\"}");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    boolean smugglesExpression(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        try {
            return containsOrQueryExpression(objectMapper.readTree(body), false);
        } catch (IOException notJson) {
            return false; // the engine answers malformed JSON itself
        }
    }

    private static boolean containsOrQueryExpression(JsonNode node, boolean insideOrQueries) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (insideOrQueries && name.endsWith("Expression")) {
                    return true;
                }
                if (containsOrQueryExpression(node.get(name), insideOrQueries || "orQueries".equals(name))) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsOrQueryExpression(element, insideOrQueries)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onAllDataRead(); // the whole body is already in memory
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
