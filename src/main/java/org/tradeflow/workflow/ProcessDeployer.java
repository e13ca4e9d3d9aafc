package org.tradeflow.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deploys the BPMN in {@code processes/} from the file system, so a process change needs no build. Unchanged
 * files create no new version (duplicate filtering); a changed one becomes the new latest version.
 */
@Component
class ProcessDeployer extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final ProcessProperties properties;

    ProcessDeployer(ProcessProperties properties) {
        this.properties = properties;
    }

    /** Runs once the engine is built, before its job executor starts. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        List<Path> files = processFiles(properties.dir());
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name("tradeflow-processes")
                .source(properties.dir().toAbsolutePath().toString())
                .enableDuplicateFiltering(true);
        for (Path file : files) {
            try {
                deployment.addInputStream(file.getFileName().toString(), Files.newInputStream(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Deployment deployed = ProcessOriginPlugin.fromProcessFolder(deployment::deploy);
        log.info("Processes from {} deployed as {} ({} files)", properties.dir().toAbsolutePath(), deployed.getId(), files.size());
    }

    private static List<Path> processFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Process folder not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".bpmn") || f.toString().endsWith(".form")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ConfigurationProperties("tradeflow.processes")
    record ProcessProperties(Path dir) {
        ProcessProperties {
            dir = dir == null ? Path.of("processes") : dir;
        }
    }
}
