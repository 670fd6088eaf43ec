package dev.cairn;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies that feature packages only use each other's public types and form no cycles. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(CairnApplication.class);

    @Test
    void featureModules_respectBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
