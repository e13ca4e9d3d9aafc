package org.tradeflow.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tradeflow.invoicing.PriceCorrectionWorkflow;
import org.tradeflow.invoicing.PriceCorrections;

import java.util.stream.Collectors;

/** Starts the sales manager's decision on a price correction, in the caller's transaction. */
@Component
class CamundaPriceCorrectionWorkflow implements PriceCorrectionWorkflow {

    /** The form shows this many lines; the API shows all of them. */
    private static final int LINES_SHOWN = 50;

    private final RuntimeService runtime;

    CamundaPriceCorrectionWorkflow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(PriceCorrections.Briefing correction) {
        String summary = "**" + correction.accountName() + "** (" + correction.accountCode() + ") disputes invoice **"
                + correction.invoiceNumber() + "**: " + correction.reason() + " · asked by " + correction.requestedBy()
                + " · credit **" + correction.creditNet() + " " + correction.currency() + "** before tax";
        String lines = correction.lines().stream().limit(LINES_SHOWN)
                .map(line -> "- line " + line.get("line") + " " + line.get("sku") + ": " + line.get("quantity") + " × "
                        + line.get("billed") + " → " + line.get("corrected"))
                .collect(Collectors.joining("\n"))
                + (correction.lines().size() > LINES_SHOWN ? "\n- … and " + (correction.lines().size() - LINES_SHOWN) + " more lines" : "");
        ProcessOriginPlugin.forAnAcceptedRequest(() -> runtime.startProcessInstanceByKey(PriceCorrectionProcess.PROCESS_KEY,
                "PC-" + correction.correctionId(), Variables.putValue(PriceCorrectionProcess.CORRECTION_ID, correction.correctionId())
                        .putValue(ProcessVariables.REQUESTED_BY, correction.requestedBy())
                        .putValue(PriceCorrectionProcess.SUMMARY, summary)
                        .putValue(PriceCorrectionProcess.LINES, lines)));
    }
}
