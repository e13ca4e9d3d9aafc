package org.tradeflow.workflow;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import org.tradeflow.order.OrderProcessProblems;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads from the engine which orders' processes are stuck: a job that failed and will be retried, or one whose
 * retries ran out (an incident in Cockpit). The order's API view, its list filter and the metric all ask here.
 */
@Component
class CamundaProcessProblems implements OrderProcessProblems {

    /** Shipment processes have the order number and -S1, -S2 ... as business key. */
    private static final Pattern SHIPMENT_SUFFIX = Pattern.compile("-S\\d+$");
    private static final int MAX_MESSAGE = 500;

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    /** Activity names by process definition and activity id: definitions never change once deployed. */
    private final Map<String, String> activityNames = new ConcurrentHashMap<>();

    CamundaProcessProblems(RuntimeService runtime, ManagementService management, RepositoryService repository) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
    }

    @Override
    public List<ProcessProblem> of(String orderNumber) {
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(orderNumber + "%")
                .list().stream().filter(instance -> orderNumber.equals(orderNumberOf(instance.getBusinessKey()))).toList();
        List<ProcessProblem> problems = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            Map<String, Incident> incidents = runtime.createIncidentQuery().processInstanceId(instance.getId()).list().stream()
                    .filter(incident -> incident.getConfiguration() != null)
                    .collect(Collectors.toMap(Incident::getConfiguration, Function.identity(), (a, b) -> a));
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).withException().list()) {
                Incident incident = incidents.get(job.getId());
                String activity = job.getFailedActivityId();
                problems.add(new ProcessProblem(instance.getProcessDefinitionId().replaceFirst(":.*", ""),
                        activityName(instance.getProcessDefinitionId(), activity), publicMessage(job),
                        job.getRetries(), incident != null, incident == null ? null : incident.getIncidentTimestamp().toInstant()));
            }
        }
        return problems;
    }

    @Override
    public Set<String> orderNumbers() {
        Set<String> instanceIds = management.createJobQuery().withException().list().stream()
                .map(Job::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (instanceIds.isEmpty()) {
            return Set.of();
        }
        Set<String> orderNumbers = new HashSet<>();
        runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()
                .forEach(instance -> orderNumbers.add(orderNumberOf(instance.getBusinessKey())));
        orderNumbers.remove(null);
        return orderNumbers;
    }

    static String orderNumberOf(String businessKey) {
        return businessKey == null ? null : SHIPMENT_SUFFIX.matcher(businessKey).replaceFirst("");
    }

    private String activityName(String processDefinitionId, String activityId) {
        if (activityId == null) {
            return "(unknown step)";
        }
        return activityNames.computeIfAbsent(processDefinitionId + "#" + activityId, key -> {
            FlowElement element = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(activityId);
            return element == null || element.getName() == null ? activityId : element.getName();
        });
    }

    /**
     * What a failure says to the order's readers: our own refusals in their words; anything else (a bug, the
     * database) only that it was technical, with the details left to the order desk's task and Cockpit.
     */
    private String publicMessage(Job job) {
        String stacktrace = management.getJobExceptionStacktrace(job.getId());
        String thrown = stacktrace == null ? "" : stacktrace.lines().findFirst().orElse("");
        return thrown.startsWith("org.tradeflow.") ? shortened(job.getExceptionMessage())
                : "A technical error; the order desk's task and Cockpit have the details";
    }

    private static String shortened(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
