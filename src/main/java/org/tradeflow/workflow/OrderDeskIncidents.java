package org.tradeflow.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tradeflow.order.OrderLifecycle;

import java.util.ArrayList;

/**
 * When a step of an order's process has failed its last retry, the order desk hears of it at once: the order's
 * audit trail says which step failed and why, and a task "Investigate ..." waits in the order desk's Tasklist
 * until the job is retried (or the process ends). Camunda's own incident handling (Cockpit) stays as it is.
 */
@Component
class OrderDeskIncidents extends AbstractProcessEnginePlugin implements IncidentHandler {

    static final String ORDER_DESK = "order-desk";
    private static final int MAX_MESSAGE = 500;

    private final ObjectProvider<OrderLifecycle> orders;

    OrderDeskIncidents(ObjectProvider<OrderLifecycle> orders) {
        this.orders = orders;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // beside the default handler, which still creates the incident
        configuration.setCompositeIncidentHandlersEnabled(true);
        if (configuration.getCustomIncidentHandlers() == null) {
            configuration.setCustomIncidentHandlers(new ArrayList<>());
        }
        configuration.getCustomIncidentHandlers().add(this);
    }

    @Override
    public String getIncidentHandlerType() {
        return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext incident, String message) {
        CommandContext context = Context.getCommandContext();
        ExecutionEntity execution = incident.getExecutionId() == null ? null
                : context.getExecutionManager().findExecutionById(incident.getExecutionId());
        if (execution == null || !(execution.getVariable(OrderToCashProcess.Variables.ORDER_ID) instanceof Number orderId)) {
            return null;
        }
        String step = stepName(execution, incident.getActivityId());
        String why = message == null ? "no message" : message.length() <= MAX_MESSAGE ? message
                : message.substring(0, MAX_MESSAGE - 3) + "...";
        String orderNumber = CamundaProcessProblems.orderNumberOf(execution.getProcessBusinessKey());
        orders.getObject().note(orderId.longValue(), "PROCESS_INCIDENT", step + " failed on every retry: " + why
                + "; the order desk has a task to investigate");
        if (context.getTaskManager().findTaskById(taskId(incident)) == null) {
            TaskEntity task = new TaskEntity(taskId(incident));
            task.setName("Investigate " + execution.getProcessBusinessKey() + " · " + step + " failed");
            task.setDescription(step + " failed on every retry for order " + orderNumber + ": " + why + ". Fix the cause, "
                    + "then retry the job in Cockpit (Incidents), or cancel the order. This task goes away when the job is retried.");
            task.setPriority(80);
            asTradeflow(context, () -> {
                new SaveTaskCmd(task).execute(context);
                task.addCandidateGroup(ORDER_DESK);
            });
        }
        return null; // the default handler has created the incident
    }

    @Override
    public void resolveIncident(IncidentContext incident) {
        removeTask(incident, "the job was retried");
    }

    @Override
    public void deleteIncident(IncidentContext incident) {
        removeTask(incident, "the process ended");
    }

    private static void removeTask(IncidentContext incident, String why) {
        CommandContext context = Context.getCommandContext();
        if (context.getTaskManager().findTaskById(taskId(incident)) != null) {
            asTradeflow(context, () -> new DeleteTaskCmd(taskId(incident), why, false).execute(context));
        }
    }

    /** The desk's task is Tradeflow's doing, not the permission of whoever's retry or failure led here. */
    private static void asTradeflow(CommandContext context, Runnable work) {
        context.disableAuthorizationCheck();
        try {
            work.run();
        } finally {
            context.enableAuthorizationCheck();
        }
    }

    /** One investigation per failing step of an execution. */
    private static String taskId(IncidentContext incident) {
        return "stuck-" + incident.getExecutionId();
    }

    private static String stepName(ExecutionEntity execution, String activityId) {
        ActivityImpl activity = activityId == null ? null : execution.getProcessDefinition().findActivity(activityId);
        return activity == null || activity.getName() == null ? String.valueOf(activityId) : activity.getName();
    }
}
