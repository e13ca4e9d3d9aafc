package org.tradeflow.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.tradeflow.allocation.AllocationPriorities;
import org.tradeflow.fulfilment.ShipmentDispatched;
import org.tradeflow.order.OrderWorkflow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Starts and steers the order processes; every call joins the caller's transaction. */
@Component
class CamundaOrderWorkflow implements OrderWorkflow {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AllocationPriorities priorities;

    CamundaOrderWorkflow(RuntimeService runtime, TaskService tasks, AllocationPriorities priorities) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.priorities = priorities;
    }

    @Override
    public void start(long orderId, String orderNumber) {
        runtime.startProcessInstanceByKey(OrderToCashProcess.PROCESS_KEY, orderNumber,
                Variables.putValue(OrderToCashProcess.Variables.ORDER_ID, orderId)
                        .putValue(OrderToCashProcess.Variables.ORDER_NUMBER, orderNumber)
                        .putValue(OrderToCashProcess.Variables.ALLOCATION_PRIORITY, priorities.assign(orderId)));
    }

    @Override
    public void cancelled(String orderNumber, String reason) {
        retryable(orderNumber, () -> runtime.createMessageCorrelation(OrderToCashProcess.MESSAGE_ORDER_CANCELLED)
                .processInstanceBusinessKey(orderNumber)
                .setVariable(OrderToCashProcess.Variables.CANCEL_REASON, reason)
                .correlateAllWithResult());
    }

    /** The process was moving on in another transaction: the caller's transaction rolls back and answers 409. */
    private static <T> T retryable(String orderNumber, Supplier<T> engineCall) {
        try {
            return engineCall.get();
        } catch (OptimisticLockingException busy) {
            throw new OptimisticLockingFailureException("Order " + orderNumber + " changed meanwhile; try again", busy);
        }
    }

    @Override
    public boolean substitutionAnswered(String orderNumber, boolean accepted, String comment) {
        Task question = tasks.createTaskQuery().processInstanceBusinessKey(orderNumber)
                .taskDefinitionKey(OrderToCashProcess.UserTask.UserTaskConfirmSubstitution.name()).singleResult();
        if (question == null) {
            return false;
        }
        return retryable(orderNumber, () -> {
            OrderToCashProcess.UserTask task = OrderToCashProcess.UserTask.UserTaskConfirmSubstitution;
            tasks.complete(question.getId(), Variables.putValue(task.decisionVariable().orElseThrow(),
                            accepted ? task.goAhead() : "DECLINE")
                    .putValue(OrderToCashProcess.Variables.DECISION_COMMENT, comment));
            return true;
        });
    }

    @Override
    public void shipmentCancelled(String shipmentNumber) {
        retryable(shipmentNumber, () -> runtime.createMessageCorrelation(OrderToCashProcess.MESSAGE_SHIPMENT_CANCELLED)
                .processInstanceBusinessKey(shipmentNumber)
                .correlateAllWithResult());
    }

    @Override
    public List<String> stockArrived(List<String> orderNumbers) {
        List<String> woken = new ArrayList<>();
        for (String orderNumber : orderNumbers) {
            boolean waiting = !retryable(orderNumber, () -> runtime.createMessageCorrelation(OrderToCashProcess.MESSAGE_STOCK_ARRIVED)
                    .processInstanceBusinessKey(orderNumber)
                    .correlateAllWithResult()).isEmpty();
            if (waiting) {
                woken.add(orderNumber);
            }
        }
        return woken;
    }

    @Override
    public boolean creditRestored(String orderNumber) {
        return !retryable(orderNumber, () -> runtime.createMessageCorrelation(OrderToCashProcess.MESSAGE_CREDIT_RESTORED)
                .processInstanceBusinessKey(orderNumber)
                .correlateAllWithResult()).isEmpty();
    }

    /** In the dispatch transaction: the shipment's process goes on to invoicing. */
    @EventListener
    void dispatched(ShipmentDispatched dispatched) {
        String shipmentNumber = dispatched.shipmentNumber();
        runtime.createMessageCorrelation(OrderToCashProcess.MESSAGE_SHIPMENT_DISPATCHED)
                .processInstanceBusinessKey(shipmentNumber)
                .correlate();
    }
}
