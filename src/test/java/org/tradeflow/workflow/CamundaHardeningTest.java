package org.tradeflow.workflow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Camunda 7.24 CE gets no more fixes, so the ways in that it leaves open are closed here and kept closed. */
class CamundaHardeningTest extends IntegrationTest {

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTestDeployments() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void processWithAScriptTaskIsRefusedEvenFromTheProcessFolder() {
        BpmnModelInstance scripted = Bpmn.createExecutableProcess("scripted").camundaHistoryTimeToLive(1)
                .startEvent().scriptTask().scriptFormat("mvel").scriptText("System.getProperty(\"user.name\")")
                .endEvent().done();

        assertThatThrownBy(() -> deployAsTheProcessFolderWould("scripted.bpmn", scripted))
                .hasMessageContaining("Tradeflow runs no scripts");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("scripted").count()).isZero();
    }

    @Test
    void nobodyDeploysOverEngineRestNotEvenAnAdministrator() {
        String hostile = Bpmn.convertToString(Bpmn.createExecutableProcess("hostile").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaExpression("${''.getClass().forName('java.lang.Runtime').getRuntime()"
                        + ".exec('touch /tmp/pwned')}").endEvent().done());

        Api.Response deployed = api.postBytesAs("demo", "demo", "/engine-rest/deployment/create",
                "multipart/form-data; boundary=tradeflow", multipart("hostile.bpmn", hostile),
                Map.of("X-Requested-With", "Camunda Modeler")); // past the cross-site check: the engine must refuse it

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(400);
        assertThat(deployed.isProblem()).isTrue();
        assertThat(deployed.json().get("detail").asText()).contains("processes folder only");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("hostile").count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "${''.getClass().forName('java.lang.Runtime') != null}",
            "${execution.processEngineServices.runtimeService != null}",
            "${execution.getProcessEngineServices() != null}",
            "${execution.processEngine.processEngineConfiguration.dataSource != null}",
            "${substitutions.getClass() != null}",
            "${processLists.hashCode() != 0}",
            "${orderIntake != null}"})
    void anExpressionCannotLeaveTheProcessesOwnCode(String expression) {
        deployAsTheProcessFolderWould("expressions.bpmn", Bpmn.createExecutableProcess("expressions").camundaHistoryTimeToLive(1)
                .startEvent().exclusiveGateway().condition("escape", expression)
                .serviceTask("Escaped").camundaExpression("${true}").endEvent()
                .moveToLastGateway().condition("stayed", "${true}").userTask("Stayed").endEvent()
                .done());

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("expressions", Map.of("orderId", 1L)))
                .isInstanceOf(ProcessEngineException.class)
                .satisfies(refused -> assertThat(refused).hasStackTraceContaining(expression.contains("orderIntake")
                        ? "Cannot resolve identifier 'orderIntake'" : "Expressions may not"));
    }

    @Test
    void anExpressionCannotNameABeanTheProcessesDoNotUse() {
        deployAsTheProcessFolderWould("bean.bpmn", Bpmn.createExecutableProcess("bean").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaExpression("${orderIntake.hashCode()}").endEvent().done());

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("bean", Map.of("orderId", 1L)))
                .hasStackTraceContaining("Unknown property used in expression: ${orderIntake.hashCode()}");
    }

    @Test
    void theProcessesHelpersStillWork() {
        deployAsTheProcessFolderWould("helper.bpmn", Bpmn.createExecutableProcess("helper").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Ship").multiInstance().camundaCollection("${processLists.of('S1, S2')}")
                .camundaElementVariable("shipmentNumber").multiInstanceDone().endEvent().done());

        String instance = runtime.startProcessInstanceByKey("helper", Map.of("orderId", 1L)).getId();

        assertThat(runtime.createExecutionQuery().processInstanceId(instance).activityId("Ship").count()).isEqualTo(2);
    }

    @Test
    void orderProcessesAreNeverStartedByHand() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("order-to-cash").count();

        Api.Response started = api.postAs("demo", "demo", "/engine-rest/process-definition/key/order-to-cash/start",
                Map.of("variables", Map.of("orderId", Map.of("value", 1, "type", "Long"))));
        Api.Response withoutOrder = api.postAs("demo", "demo", "/engine-rest/process-definition/key/shipment-fulfilment/start",
                Map.of());
        Api.Response correction = api.postAs("demo", "demo", "/engine-rest/process-definition/key/price-correction/start",
                Map.of("variables", Map.of("priceCorrectionId", Map.of("value", 1, "type", "Long"))));
        Api.Response call = api.postAs("demo", "demo", "/engine-rest/process-definition/key/dunning/start",
                Map.of("variables", Map.of("invoiceId", Map.of("value", 1, "type", "Long"))));
        Api.Response startable = api.getAs("demo", "demo", "/engine-rest/process-definition?startableInTasklist=true&latestVersion=true");

        assertThat(started.status()).as(started.body()).isEqualTo(400);
        assertThat(started.json().get("detail").asText()).contains("not by hand");
        assertThat(withoutOrder.status()).as(withoutOrder.body()).isEqualTo(400);
        assertThat(correction.status()).as("a price correction is asked for through the API, then decided").isEqualTo(400);
        assertThat(call.status()).as("finance's call is started by the dunning run's final notice").isEqualTo(400);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("order-to-cash").count()).isEqualTo(before);
        assertThat(startable.status()).as(startable.body()).isEqualTo(200);
        assertThat(startable.json().findValuesAsText("key")).doesNotContain("order-to-cash", "shipment-fulfilment", "dunning");
        assertThat(api.getAs("demo", "demo", "/engine-rest/process-definition?latestVersion=true").json().findValuesAsText("key"))
                .as("deployed, only not offered").contains("order-to-cash", "shipment-fulfilment");
        // the list Tasklist's "Start process" dialog asks for, in a signed-in Tasklist session
        java.net.http.HttpResponse<String> offered = org.tradeflow.support.TasklistSession.signIn(api.port(), "oscar", "demo")
                .get("/process-definition?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true");
        assertThat(offered.statusCode()).as(offered.body()).isEqualTo(200);
        assertThat(offered.body()).doesNotContain("\"order-to-cash\"", "\"shipment-fulfilment\"");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("order-to-cash"))
                .hasMessageContaining("not by hand");
    }

    @Test
    void nobodyCanCreateTheFirstAdministratorThroughTheWebapp() {
        int status = api.postAs("nobody", "nothing", "/camunda/api/admin/setup/default/user/create",
                Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "x"))).status();

        assertThat(status).isIn(401, 403);
        assertThat(api.getAnonymously("/camunda/api/admin/setup/default/user/create").status()).isIn(401, 403);
    }

    private void deployAsTheProcessFolderWould(String name, BpmnModelInstance model) {
        Deployment deployment = ProcessOriginPlugin.fromProcessFolder(() ->
                repository.createDeployment().addModelInstance(name, model).deploy());
        deployments.add(deployment.getId());
    }

    private static byte[] multipart(String fileName, String content) {
        return ("--tradeflow\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nhostile\r\n"
                + "--tradeflow\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--tradeflow--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
