package org.tradeflow.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Camunda 7.24 CE gets no more fixes, so the ways in that it leaves open are closed here and kept closed. */
class CamundaHardeningTest extends IntegrationTest {

    @Autowired
    RepositoryService repository;

    @Test
    void processWithAScriptTaskIsRefusedAtDeployment() {
        BpmnModelInstance scripted = Bpmn.createExecutableProcess("scripted").camundaHistoryTimeToLive(1)
                .startEvent().scriptTask().scriptFormat("mvel").scriptText("System.getProperty(\"user.name\")")
                .endEvent().done();

        assertThatThrownBy(() -> repository.createDeployment().addModelInstance("scripted.bpmn", scripted).deploy())
                .hasMessageContaining("Tradeflow runs no scripts");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("scripted").count()).isZero();
    }

    @Test
    void nobodyCanCreateTheFirstAdministratorThroughTheWebapp() {
        int status = api.postAs("nobody", "nothing", "/camunda/api/admin/setup/default/user/create",
                Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "x"))).status();

        assertThat(status).isIn(401, 403);
        assertThat(api.getAnonymously("/camunda/api/admin/setup/default/user/create").status()).isIn(401, 403);
    }
}
