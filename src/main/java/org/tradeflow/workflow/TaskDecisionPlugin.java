package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tradeflow.order.OrderLifecycle;

/**
 * Gives the engine services that let people decide only what their task's form asks (see
 * {@link TaskDecisionGuard}). Every caller gets them: Tasklist, engine REST and our own code.
 */
@Component
class TaskDecisionPlugin extends AbstractProcessEnginePlugin {

    private final TaskDecisionGuard guard;
    private final ObjectProvider<TaskBriefing> briefing;
    private final ObjectMapper objectMapper;

    TaskDecisionPlugin(ObjectProvider<OrderLifecycle> orders, ObjectProvider<TaskBriefing> briefing, ObjectMapper objectMapper) {
        // the capabilities depend on the engine, so they are looked up when a task is decided, not when the engine is built
        this.guard = new TaskDecisionGuard(objectMapper, orders::getObject);
        this.briefing = briefing;
        this.objectMapper = objectMapper;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTaskService(new DecisionTaskService(guard));
        configuration.setFormService(new DecisionFormService(guard, briefing::getObject, objectMapper));
    }
}
