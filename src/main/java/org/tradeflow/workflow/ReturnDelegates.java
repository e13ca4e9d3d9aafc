package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tradeflow.returns.Returns;

/** The service tasks of processes/return-authorisation.bpmn: each hands its step to {@link Returns}. */
@Configuration(proxyBeanMethods = false)
class ReturnDelegates {

    @Bean
    JavaDelegate authoriseReturnDelegate(Returns returns) {
        // approved in Tasklist, the approver authorises; without approval, the table did on the request
        return execution -> returns.authorise(returnId(execution), decidedBy(execution, "returns.xlsx"),
                (String) execution.getVariable(OrderToCashProcess.Variables.DECISION_COMMENT));
    }

    @Bean
    JavaDelegate rejectReturnDelegate(Returns returns) {
        return execution -> returns.reject(returnId(execution), decidedBy(execution, "?"), ProcessVariables.comment(execution));
    }

    @Bean
    JavaDelegate closeReturnReceiptDelegate(Returns returns) {
        return execution -> execution.setVariable(ReturnProcess.GOODS_BACK,
                returns.closeReceipt(returnId(execution), String.valueOf(execution.getVariable(ReturnProcess.RECEIPT_PERIOD))));
    }

    @Bean
    JavaDelegate applyReturnInspectionDelegate(Returns returns) {
        return execution -> {
            String outcome = String.valueOf(execution.getVariable(ReturnProcess.INSPECTION_OUTCOME));
            returns.inspectAll(returnId(execution),
                    ReturnProcess.RECORDED_PER_LINE.equals(outcome) ? null : Returns.Inspection.valueOf(outcome),
                    decidedBy(execution, "?"), ProcessVariables.comment(execution));
        };
    }

    @Bean
    JavaDelegate creditReturnDelegate(Returns returns) {
        return execution -> returns.credit(returnId(execution));
    }

    private static long returnId(DelegateExecution execution) {
        return ((Number) execution.getVariable(ReturnProcess.RETURN_ID)).longValue();
    }

    /** Who completed the task that led here (the job executor has nobody signed in). */
    private static String decidedBy(DelegateExecution execution, String nobody) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? nobody : authentication.getUserId();
    }
}
