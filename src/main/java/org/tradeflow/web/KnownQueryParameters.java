package org.tradeflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the endpoint does not take is refused (400), not ignored: {@code ?orderNo=SO-1} or
 * {@code ?stauts=SHIPPED} would otherwise answer with every order, and the caller would act on the wrong list.
 * The parameters an endpoint takes are its handler method's {@code @RequestParam}s, so this needs no list per endpoint.
 */
class KnownQueryParameters implements HandlerInterceptor {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final Map<HandlerMethod, Set<String>> known = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        Set<String> taken = known.computeIfAbsent(method, KnownQueryParameters::parameters);
        if (taken == null) {
            return true; // takes any parameter (a @RequestParam Map)
        }
        for (String name : Collections.list(request.getParameterNames())) {
            if (!taken.contains(name)) {
                Problems.write(response, HttpStatus.BAD_REQUEST, "Invalid parameter", name + ": unknown parameter; "
                        + (taken.isEmpty() ? "this endpoint takes none" : "this endpoint takes " + String.join(", ", taken)), name);
                return false;
            }
        }
        return true;
    }

    /** The names of the method's query parameters, sorted; null when it takes them all. */
    private static Set<String> parameters(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                return null;
            }
            String name = !param.name().isEmpty() ? param.name() : param.value();
            names.add(!name.isEmpty() ? name : parameter.getParameterName());
        }
        return names;
    }
}
