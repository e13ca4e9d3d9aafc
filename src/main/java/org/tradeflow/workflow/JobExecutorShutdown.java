package org.tradeflow.workflow;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * On shutdown the job executor stops acquiring first, while its thread pool still runs what it took: otherwise
 * it keeps locking jobs that the closing pool no longer accepts, and they wait out their lock after a restart.
 */
@Component
class JobExecutorShutdown implements ApplicationListener<ContextClosedEvent> {

    private final ProcessEngineConfigurationImpl engineConfiguration;

    JobExecutorShutdown(ProcessEngineConfigurationImpl engineConfiguration) {
        this.engineConfiguration = engineConfiguration;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        JobExecutor jobExecutor = engineConfiguration.getJobExecutor();
        if (jobExecutor != null && jobExecutor.isActive()) {
            jobExecutor.shutdown();
        }
    }
}
