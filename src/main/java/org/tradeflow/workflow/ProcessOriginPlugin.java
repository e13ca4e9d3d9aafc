package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.exception.NotAllowedException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.function.Supplier;

/**
 * Where processes and their instances come from. Deployments come from the processes folder only
 * ({@link ProcessDeployer}): engine REST, Cockpit or Modeler cannot deploy, so nobody can bring an expression
 * of their own. Expressions reach only the beans the processes use ({@link ProcessExpressionManager}). And an
 * instance starts only from the order intake, for a captured order, or for a request the server accepted (a price
 * correction): never by hand from Tasklist or engine REST.
 */
@Component
class ProcessOriginPlugin extends AbstractProcessEnginePlugin {

    private static final ThreadLocal<Boolean> DEPLOYING_FROM_FOLDER = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<Boolean> STARTING_FOR_A_REQUEST = ThreadLocal.withInitial(() -> false);

    private final ApplicationContext applicationContext;

    ProcessOriginPlugin(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    /** Runs a deployment of the processes folder: the one way a deployment is accepted. */
    static <T> T fromProcessFolder(Supplier<T> deployment) {
        DEPLOYING_FROM_FOLDER.set(true);
        try {
            return deployment.get();
        } finally {
            DEPLOYING_FROM_FOLDER.remove();
        }
    }

    /** Starts a process of a request the server accepted (a price correction): the other way an instance may start. */
    static <T> T forAnAcceptedRequest(Supplier<T> start) {
        STARTING_FOR_A_REQUEST.set(true);
        try {
            return start.get();
        } finally {
            STARTING_FOR_A_REQUEST.remove();
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(deployment -> {
            // deployments already stored are parsed again into the cache after a restart: only new ones are checked
            if (deployment.isNew() && !DEPLOYING_FROM_FOLDER.get()) {
                throw new NotAllowedException("Deployments come from the server's processes folder only; '"
                        + deployment.getName() + "' was refused");
            }
        });
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                // built in, so that no "skip custom listeners" start can leave it out
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                        (ExecutionListener) ProcessOriginPlugin::startedByTheIntake);
            }
        });
        configuration.setExpressionManager(new ProcessExpressionManager(applicationContext));
    }

    /**
     * People (authenticated callers) never start an instance; the intake and the call activities of a running order
     * do (a call activity may run in an operator's command, when the operator retries its job), with an order id.
     */
    private static void startedByTheIntake(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        boolean byAPerson = execution.getSuperExecution() == null && Context.getCommandContext().getAuthenticatedUserId() != null;
        boolean ofAnOrder = execution.getVariable(OrderToCashProcess.Variables.ORDER_ID) instanceof Number;
        if (byAPerson || !(ofAnOrder || STARTING_FOR_A_REQUEST.get())) {
            throw new NotAllowedException("'" + execution.getProcessDefinitionId().replaceFirst(":.*", "")
                    + "' is started by the server for a captured order or an accepted request, not by hand");
        }
    }
}
