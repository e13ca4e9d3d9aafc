package org.tradeflow.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Clock;
import java.util.List;

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

    /**
     * What time it is comes from the {@code Clock} bean (TimeConfiguration), so tests and every node agree on it:
     * {@code Instant.now()}, {@code LocalDate.now()}, {@code now(zone)} and the like read the system clock behind its back.
     */
    @ArchTest
    static final ArchRule timeComesFromTheClockBean = noClasses()
            .should().callMethodWhere(DescribedPredicate.describe("now() without a Clock argument",
                    (JavaMethodCall call) -> call.getTarget().getName().equals("now") && !takesOnlyAClock(call.getTarget().getRawParameterTypes())));

    private static boolean takesOnlyAClock(List<JavaClass> parameters) {
        return parameters.size() == 1 && parameters.get(0).isEquivalentTo(Clock.class);
    }
}
