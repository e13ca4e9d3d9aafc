package org.tradeflow.workflow;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import java.util.ArrayList;

/**
 * No scripts in processes. Drools brings MVEL, which registers itself as a JSR-223 script engine, so a
 * deployed script task could run any Java. Script tasks are refused at deployment, and any other script
 * (listener, condition, mapping) finds no engine to run on.
 */
@Component
class ScriptsDisabledPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        NoScriptEngines noScripts = new NoScriptEngines();
        configuration.setScriptEngineResolver(noScripts);
        configuration.setScriptingEngines(new ScriptingEngines(noScripts));
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseScriptTask(Element scriptTaskElement, ScopeImpl scope, ActivityImpl activity) {
                throw new ProcessEngineException("Script task '" + activity.getId() + "' refused: Tradeflow runs no scripts; "
                        + "use a service task with a delegate");
            }
        });
    }

    /** Resolves no script engine, whatever is on the classpath. */
    private static final class NoScriptEngines implements ScriptEngineResolver {
        private final ScriptEngineManager empty = new ScriptEngineManager(null);

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // nothing is registered: scripts stay disabled
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return empty;
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            throw new ProcessEngineException("Scripts are disabled in Tradeflow (language '" + language + "')");
        }
    }
}
