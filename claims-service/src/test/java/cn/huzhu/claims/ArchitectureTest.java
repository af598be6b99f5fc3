package cn.huzhu.claims;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.huzhu.claims", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The benefit engine is plain Java: it is tested and benchmarked alone, and any service can run it. */
    @ArchTest
    static final ArchRule engineIsPlainJava = noClasses().that().resideInAPackage("..engine..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "cn.huzhu.claims.engine..");

    @ArchTest
    static final ArchRule commandModelIsFreeOfFrameworks = noClasses().that().resideInAPackage("..command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "org.apache.kafka..", "cn.huzhu.contracts..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule controllersUseGatewaysOnly = noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "cn.huzhu.claims.messaging..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Projection");
}
