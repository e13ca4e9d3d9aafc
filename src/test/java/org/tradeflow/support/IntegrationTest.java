package org.tradeflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server on a random port against a real PostgreSQL, with the demo data, the real BPMN and the
 * real decision tables. All integration tests share this one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class IntegrationTest {

    @Autowired
    protected Api api;

    @Autowired
    protected ProcessDriver processes;

    @Autowired
    protected Fixtures fixtures;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::username);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    /** Submits an order over the API (it must be created) and runs its process until it waits; the created order. */
    protected JsonNode submitAndRun(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        processes.runJobs(created.json().get("orderNumber").asText());
        return created.json();
    }

    /** The order as the API shows it now. */
    protected JsonNode reload(JsonNode order) {
        return api.get("/api/v1/orders/" + order.get("id").asLong()).json();
    }

    /** Confirms a shipment's dispatch, as its warehouse would. */
    protected void dispatch(JsonNode shipment) {
        Api.Response response = api.post("/api/v1/shipments/" + shipment.get("id").asLong() + "/dispatch",
                Map.of("carrier", "DHL", "trackingNumber", "JD0146" + shipment.get("id").asLong()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Submits an order, dispatches all its shipments and runs its process until it is invoiced; its one invoice. */
    protected JsonNode invoiceOf(Map<String, Object> order) {
        JsonNode created = submitAndRun(order);
        for (JsonNode shipment : reload(created).get("shipments")) {
            dispatch(shipment);
        }
        processes.runJobs(created.get("orderNumber").asText());
        processes.awaitEventsHandled();
        JsonNode found = api.get("/api/v1/invoices?orderId=" + created.get("id").asLong() + "&documentType=INVOICE").json();
        assertThat(found).as(reload(created).toString()).hasSize(1);
        return api.get("/api/v1/invoices/" + found.get(0).get("id").asLong()).json();
    }

    /** A refusal as every endpoint answers it: this status, problem+json, and a detail that names what is wrong. */
    protected static void assertProblem(Api.Response response, int status, String mentioned) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(mentioned);
    }

    /** A text variable as engine REST takes it (a task completion's decision or comment). */
    protected static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }
}
