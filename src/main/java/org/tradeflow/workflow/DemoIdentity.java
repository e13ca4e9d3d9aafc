package org.tradeflow.workflow;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Demo users and groups (password {@code demo}, demo profile only) with the Tasklist access and task filters
 * each approver group needs. The admin {@code demo} comes from {@code camunda.bpm.admin-user}.
 */
@Component
@Profile("demo")
@Order(1)
class DemoIdentity implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentity.class);
    private static final String DEMO_ADMIN = "demo";
    private static final String DEMO_PASSWORD = "demo";

    /** Approver groups and their one demo member. */
    private static final Map<String, String> GROUPS = Map.of(
            "sales-managers", "sam",
            "finance", "fiona",
            "order-desk", "oscar",
            "rule-admins", "rita",
            "warehouse", "wendy");

    /** Integration groups (no tasks, no Tasklist) and their one demo user: the EDI gateway of the demo partners. */
    private static final Map<String, String> INTEGRATION_GROUPS = Map.of("edi", "edi");

    /** Where each demo person works: their task deadlines are shown in this zone. */
    private static final Map<String, String> TIME_ZONES = Map.of("sam", "Europe/Berlin", "fiona", "Europe/London",
            "oscar", "Europe/Amsterdam", "rita", "Europe/Berlin", "wendy", "Europe/Berlin");

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    DemoIdentity(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUPS.forEach((group, user) -> {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                createGroup(group);
                createUser(user, group);
                identity.createMembership(DEMO_ADMIN, group);
                log.info("Demo group {} with user {} created", group, user);
            }
        });
        INTEGRATION_GROUPS.forEach((group, user) -> {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                var created = identity.newGroup(group);
                created.setName(group);
                created.setType("SYSTEM");
                identity.saveGroup(created);
                createUser(user, group);
                identity.createMembership(DEMO_ADMIN, group);
                log.info("Demo integration group {} with user {} created", group, user);
            }
        });
    }

    private void createGroup(String groupId) {
        var group = identity.newGroup(groupId);
        group.setName(groupId);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(groupId, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(groupId, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        Filter filter = filters.newTaskFilter("Tasks for " + groupId)
                .setProperties(Map.of("description", "Open tasks of the " + groupId + " group", "priority", 10))
                .setQuery(tasks.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks());
        filters.saveFilter(filter);
        grant(groupId, Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void createUser(String userId, String groupId) {
        User user = identity.newUser(userId);
        user.setFirstName(Character.toUpperCase(userId.charAt(0)) + userId.substring(1));
        user.setLastName("(" + groupId + ")");
        user.setPassword(DEMO_PASSWORD);
        user.setEmail(userId + "@tradeflow.example");
        identity.saveUser(user);
        identity.setUserInfo(userId, UserTimeZones.INFO_KEY, TIME_ZONES.getOrDefault(userId, "Europe/Berlin"));
        identity.createMembership(userId, groupId);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permissions permission) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizations.saveAuthorization(authorization);
    }
}
