package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * Orders whose process started on the first order-to-cash model (its gateways call beans, its fulfilment loop reads
 * a list of shipment numbers, its cancellation has no steps) still run to their end after the new model is deployed.
 */
class FirstModelInstancesTest extends IntegrationTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Test
    void ordersStartedOnTheFirstModelAreInvoicedOrCancelledAsBefore() {
        String sku = fixtures.product(Map.of("WH-DE", 100));
        ProcessDefinition first = deploy(Path.of("src/test/resources/processes-v1/order-to-cash.bpmn"));
        JsonNode shipped;
        JsonNode cancelled;
        try {
            shipped = created(anOrder().forAccount("ACME-DE").line(sku, 10).body());
            cancelled = created(anOrder().forAccount("ACME-DE").line(sku, 4).body());
        } finally {
            deploy(Path.of("processes/order-to-cash.bpmn")); // every later order starts on the current model again
        }
        String shippedNumber = shipped.get("orderNumber").asText();
        String cancelledNumber = cancelled.get("orderNumber").asText();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(shippedNumber).singleResult()
                .getProcessDefinitionId()).isEqualTo(first.getId());

        processes.runJobs(shippedNumber);
        processes.runJobs(cancelledNumber);
        JsonNode allocated = reload(shipped);
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(shippedNumber)
                .singleResult().getId(), "newShipments")).isEqualTo(shippedNumber + "-S1");
        dispatch(allocated.get("shipments").get(0));
        processes.runJobs(shippedNumber);
        assertThat(reload(shipped).get("status").asText()).isEqualTo("INVOICED");
        assertThat(processes.isEnded(shippedNumber)).isTrue();

        Api.Response cancel = api.post("/api/v1/orders/" + cancelled.get("id").asLong() + "/cancel", Map.of("reason", "ordered twice"));
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancel.json().get("statusReason").asText()).contains("by demo: ordered twice", "1 shipment(s) released");
        assertThat(cancel.json().get("shipments").get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(processes.isEnded(cancelledNumber)).isTrue();
        assertThat(fixtures.reserved(sku, "WH-DE")).isZero();
    }

    @Test
    void aCancellationOnTheCurrentModelRunsItsStepsInTheProcess() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        JsonNode order = submitAndRun(anOrder().forAccount("ACME-DE").line(sku, 4).body());
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(order.get("orderNumber").asText())
                .singleResult().getId();

        Api.Response cancel = api.post("/api/v1/orders/" + order.get("id").asLong() + "/cancel", Map.of("reason", "too late for the fair"));

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.json().get("statusReason").asText()).contains("by demo: too late for the fair", "1 shipment(s) released");
        assertThat(fixtures.reserved(sku, "WH-DE")).isZero();
        assertThat(historyOf(instance)).contains("ServiceTaskCancelShipments", "ServiceTaskMarkCancelledOrder",
                "EndEventCancelledOnRequest");
    }

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    private java.util.List<String> historyOf(String instance) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance).finished().list().stream()
                .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
    }

    private JsonNode created(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Deploys this model with the forms, as the processes folder is deployed; the model becomes the latest version. */
    private ProcessDefinition deploy(Path model) {
        DeploymentBuilder deployment = repository.createDeployment().name("tradeflow-processes");
        try (Stream<Path> forms = Files.list(Path.of("processes"))) {
            add(deployment, "order-to-cash.bpmn", model);
            forms.filter(file -> file.toString().endsWith(".form")).forEach(file -> add(deployment, file.getFileName().toString(), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = ProcessOriginPlugin.fromProcessFolder(deployment::deploy).getId();
        return repository.createProcessDefinitionQuery().deploymentId(id).processDefinitionKey("order-to-cash").singleResult();
    }

    private static void add(DeploymentBuilder deployment, String name, Path file) {
        try {
            InputStream in = Files.newInputStream(file);
            deployment.addInputStream(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
