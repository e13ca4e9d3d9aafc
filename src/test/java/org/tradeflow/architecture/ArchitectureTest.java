package org.tradeflow.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The borders of the house (see DESIGN.md and STYLE.md), checked on every build. */
@AnalyzeClasses(packages = "org.tradeflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** A move to a Camunda 7 fork (Operaton, CIB seven) stays a one-package change. */
    @ArchTest
    static final ArchRule onlyWorkflowTalksToCamunda = noClasses()
            .that().resideOutsideOfPackage("org.tradeflow.workflow..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..");

    /** Capabilities hand facts to the rules package; only it compiles and runs Drools. */
    @ArchTest
    static final ArchRule onlyRulesTalksToDrools = noClasses()
            .that().resideOutsideOfPackage("org.tradeflow.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    /** Infrastructure serves the capabilities, never the other way round. */
    @ArchTest
    static final ArchRule capabilitiesDoNotReachIntoWorkflow = noClasses()
            .that().resideOutsideOfPackages("org.tradeflow.workflow..", "org.tradeflow")
            .should().dependOnClassesThat().resideInAPackage("org.tradeflow.workflow..");
}
