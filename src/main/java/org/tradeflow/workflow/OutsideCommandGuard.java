package org.tradeflow.workflow;

import org.camunda.bpm.engine.exception.NotAllowedException;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What people (callers signed in through engine REST, Tasklist or Cockpit) may not ask the engine to do, for
 * administrators too: write or remove variables, move a process by messages or signals, modify, migrate, restart
 * or delete instances, or throw errors at tasks. A process's ids, priorities and outcomes are its own, and it moves
 * only through its service tasks and its tasks' decisions ({@link TaskDecisionGuard}); operators retry failed jobs
 * in Cockpit and cancel or change orders through the order API. Our own code calls the engine without a signed-in
 * user and is not affected. Checked before every command, whichever service or endpoint issued it.
 */
@Component
class OutsideCommandGuard extends AbstractProcessEnginePlugin {

    private static final List<Class<?>> REFUSED = List.of(
            SetExecutionVariablesCmd.class, PatchExecutionVariablesCmd.class, RemoveExecutionVariablesCmd.class,
            SetTaskVariablesCmd.class, PatchTaskVariablesCmd.class, RemoveTaskVariablesCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class,
            CorrelateMessageCmd.class, CorrelateAllMessageCmd.class, CorrelateAllMessageBatchCmd.class,
            MessageEventReceivedCmd.class, SignalEventReceivedCmd.class, SignalCmd.class,
            ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
            ProcessInstanceModificationBatchCmd.class, StartProcessInstanceAtActivitiesCmd.class,
            MigrateProcessInstanceCmd.class, MigrateProcessInstanceBatchCmd.class,
            RestartProcessInstancesCmd.class, RestartProcessInstancesBatchCmd.class,
            DeleteProcessInstanceCmd.class, DeleteProcessInstancesCmd.class, DeleteProcessInstanceBatchCmd.class,
            HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new Guard(configuration));
    }

    private static final class Guard extends CommandInterceptor {
        private final ProcessEngineConfigurationImpl configuration;

        Guard(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            if (configuration.getIdentityService().getCurrentAuthentication() != null
                    && REFUSED.stream().anyMatch(type -> type.isInstance(command))) {
                throw new NotAllowedException("Tradeflow's processes move only through their own steps and their tasks' "
                        + "decisions; " + command.getClass().getSimpleName().replaceFirst("Cmd$", "")
                        + " is not allowed from outside (retry failed jobs in Cockpit; cancel or change orders through the order API)");
            }
            return next.execute(command);
        }
    }
}
