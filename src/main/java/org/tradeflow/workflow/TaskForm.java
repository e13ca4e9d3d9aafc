package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a deployed Camunda Form (processes/*.form) lets a person enter: its editable fields, each with the
 * values it accepts. Read-only fields and text, tables and headings are for display; only the inputs may
 * become process variables when the task is completed.
 */
record TaskForm(String id, Map<String, Input> inputs, Set<String> displayKeys) {

    /** Text fields are capped even when the form sets no maximum: a comment is not a document. */
    static final int DEFAULT_MAX_LENGTH = 2000;
    private static final Set<String> TEXT = Set.of("textfield", "textarea");
    private static final Set<String> CHOICE = Set.of("radio", "select");

    /**
     * One editable field. {@code values} is empty for free text; {@code requiredWhenDecision} names the decision
     * value (such as REJECT) for which this field must be filled in (form property {@code requiredWhenDecision}).
     */
    record Input(String key, String type, Set<String> values, boolean required, int maxLength, String requiredWhenDecision) {

        boolean isText() {
            return TEXT.contains(type);
        }

        boolean isChoice() {
            return CHOICE.contains(type);
        }

        boolean isCheckbox() {
            return "checkbox".equals(type);
        }
    }

    static TaskForm parse(byte[] json, ObjectMapper objectMapper) {
        JsonNode form;
        try {
            form = objectMapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("A deployed form is not JSON", e);
        }
        Map<String, Input> inputs = new LinkedHashMap<>();
        Set<String> display = new HashSet<>();
        collect(form.path("components"), inputs, display);
        return new TaskForm(form.path("id").asText(), Map.copyOf(inputs), Set.copyOf(display));
    }

    private static void collect(JsonNode components, Map<String, Input> inputs, Set<String> display) {
        for (JsonNode component : components) {
            collect(component.path("components"), inputs, display); // groups nest their fields
            String key = component.path("key").asText("");
            if (key.isEmpty()) {
                continue;
            }
            if (component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)) {
                display.add(key);
                continue;
            }
            String type = component.path("type").asText();
            Set<String> values = new LinkedHashSet<>();
            component.path("values").forEach(value -> values.add(value.path("value").asText()));
            JsonNode validate = component.path("validate");
            inputs.put(key, new Input(key, type, Set.copyOf(values), validate.path("required").asBoolean(false),
                    validate.path("maxLength").asInt(DEFAULT_MAX_LENGTH),
                    component.path("properties").path("requiredWhenDecision").asText(null)));
        }
    }

    Optional<Input> input(String key) {
        return Optional.ofNullable(inputs.get(key));
    }
}
