package org.tradeflow.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tradeflow.returns.ReturnWorkflow;
import org.tradeflow.returns.Returns;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Drives processes/return-authorisation.bpmn, in the caller's transaction. */
@Component
class CamundaReturnWorkflow implements ReturnWorkflow {

    /** The forms show this many lines; the API shows all of them. */
    private static final int LINES_SHOWN = 50;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Duration receiptPeriod;

    CamundaReturnWorkflow(RuntimeService runtime, TaskService tasks,
                          @Value("${tradeflow.returns.receipt-period:30d}") Duration receiptPeriod) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.receiptPeriod = receiptPeriod;
    }

    @Override
    public void start(Returns.Briefing request) {
        String summary = "**" + request.accountName() + "** (" + request.accountCode() + ") wants to return goods of order **"
                + request.orderNumber() + "**: " + request.reasonCode() + (request.comment() == null ? "" : ", " + request.comment())
                + " · asked by " + request.requestedBy() + " · " + request.rule();
        String lines = request.lines().stream().limit(LINES_SHOWN).map(line -> "- " + line).collect(Collectors.joining("\n"))
                + (request.lines().size() > LINES_SHOWN ? "\n- … and " + (request.lines().size() - LINES_SHOWN) + " more lines" : "");
        ProcessOriginPlugin.forAnAcceptedRequest(() -> runtime.startProcessInstanceByKey(ReturnProcess.PROCESS_KEY,
                ReturnProcess.businessKey(request.returnId()), Variables.putValue(ReturnProcess.RETURN_ID, request.returnId())
                        .putValue(ProcessVariables.REQUESTED_BY, request.requestedBy())
                        .putValue(ReturnProcess.APPROVAL_NEEDED, request.approvalNeeded())
                        .putValue(ReturnProcess.INSPECTION_NEEDED, request.inspectionNeeded())
                        .putValue(ReturnProcess.RECEIPT_PERIOD, receiptPeriod.toString())
                        .putValue(ReturnProcess.SUMMARY, summary)
                        .putValue(ReturnProcess.LINES, lines)));
    }

    @Override
    public void goodsBack(long returnId) {
        runtime.createMessageCorrelation(ReturnProcess.MESSAGE_GOODS_BACK)
                .processInstanceBusinessKey(ReturnProcess.businessKey(returnId))
                .correlateAllWithResult();
    }

    @Override
    public void inspected(long returnId) {
        Task inspection = tasks.createTaskQuery().processInstanceBusinessKey(ReturnProcess.businessKey(returnId))
                .taskDefinitionKey(OrderToCashProcess.UserTask.UserTaskInspectReturn.name()).singleResult();
        if (inspection == null) {
            throw new IllegalStateException("Return " + returnId + " is received but its process waits for no inspection");
        }
        tasks.complete(inspection.getId(), Map.of(ReturnProcess.INSPECTION_OUTCOME, ReturnProcess.RECORDED_PER_LINE));
    }
}
