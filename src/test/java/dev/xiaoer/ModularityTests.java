package dev.xiaoer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(XiaoerApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndAllowedDependencies() {
        MODULES.verify();
    }

    @Test
    void domainCodeKnowsNothingOfWebOrInfrastructure() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.xiaoer");
        noClasses().that().resideInAPackage("dev.xiaoer.*.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.xiaoer.*.web..", "dev.xiaoer.*.infra..",
                        "org.springframework.web..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
