package org.tradeflow.workflow;

import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.exception.NotAllowedException;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The engine's runtime service without its variable setters: a process's ids, priorities and outcomes are
 * written by its own delegates only, never from outside (engine REST, Cockpit or our own code). What a person
 * decides reaches a process through their task's form ({@link DecisionTaskService}).
 */
final class ProcessOwnedVariablesRuntimeService extends RuntimeServiceImpl {

    private static final String OWN_VARIABLES = "Process variables are the process's own: they are set by its service tasks "
            + "and by the decisions of its tasks' forms, never directly";

    @Override
    public void setVariable(String executionId, String variableName, Object value) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void setVariableLocal(String executionId, String variableName, Object value) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void setVariables(String executionId, Map<String, ?> variables) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void setVariablesLocal(String executionId, Map<String, ?> variables) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public Batch setVariablesAsync(List<String> processInstanceIds, ProcessInstanceQuery processInstanceQuery,
                                   HistoricProcessInstanceQuery historicProcessInstanceQuery, Map<String, ?> variables) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public Batch setVariablesAsync(List<String> processInstanceIds, Map<String, ?> variables) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public Batch setVariablesAsync(ProcessInstanceQuery processInstanceQuery, Map<String, ?> variables) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public Batch setVariablesAsync(HistoricProcessInstanceQuery historicProcessInstanceQuery, Map<String, ?> variables) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void removeVariable(String executionId, String variableName) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void removeVariableLocal(String executionId, String variableName) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void removeVariables(String executionId, Collection<String> variableNames) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void removeVariablesLocal(String executionId, Collection<String> variableNames) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void updateVariables(String executionId, Map<String, ?> modifications, Collection<String> deletions) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void updateVariablesLocal(String executionId, Map<String, ?> modifications, Collection<String> deletions) {
        throw new NotAllowedException(OWN_VARIABLES);
    }

    @Override
    public void signal(String executionId, Map<String, Object> processVariables) {
        refuseVariables(processVariables);
        super.signal(executionId, processVariables);
    }

    @Override
    public void signal(String executionId, String signalName, Object signalData, Map<String, Object> processVariables) {
        refuseVariables(processVariables);
        super.signal(executionId, signalName, signalData, processVariables);
    }

    private static void refuseVariables(Map<String, Object> variables) {
        if (variables != null && !variables.isEmpty()) {
            throw new NotAllowedException(OWN_VARIABLES);
        }
    }
}
