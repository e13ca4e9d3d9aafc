package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.invoicing.InvoicingService;

@Component
class MarkOrderInvoicedDelegate implements JavaDelegate {

    private final InvoicingService invoicing;

    MarkOrderInvoicedDelegate(InvoicingService invoicing) {
        this.invoicing = invoicing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        invoicing.markOrderInvoiced(ProcessVariables.orderId(execution));
    }
}
