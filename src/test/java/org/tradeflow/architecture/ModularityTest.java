package org.tradeflow.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.tradeflow.TradeflowApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package of {@code org.tradeflow} is an application module: no cycles between modules and no
 * use of another module's internals. The module documentation is written to
 * {@code target/spring-modulith-docs} on every build (the README links it).
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(TradeflowApplication.class);

    @Test
    void modulesRespectTheirBorders() {
        modules.verify();
    }

    @Test
    void theOrderDeskCoordinatesOrderFulfilmentAndInventoryWhileAllocationOnlyReservesStock() {
        assertThat(modules.getModuleByName("orderdesk")).isPresent();
        assertThat(modules.getModuleByName("sourcing")).isPresent();
        assertThat(modules.getModuleByName("reporting")).as("the rule-impact preview lives in rules").isEmpty();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
