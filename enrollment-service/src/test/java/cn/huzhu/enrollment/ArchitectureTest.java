package cn.huzhu.enrollment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.huzhu.enrollment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandModelIsFreeOfFrameworks = noClasses()
            .that()
            .resideInAPackage("..command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "org.apache.kafka..",
                    "cn.huzhu.contracts..",
                    "com.fasterxml.jackson..");

    /** The command model has a room per aggregate (member, unit, roster, plan, province, target, batch); rooms do not lean on each other in a circle. */
    @ArchTest
    static final ArchRule commandRoomsHaveNoCycles =
            slices().matching("cn.huzhu.enrollment.command.(*)..").should().beFreeOfCycles();

    /** What every room shares (who acts, refusals, districts, categories) sits at the command package's root and knows no room. */
    @ArchTest
    static final ArchRule sharedVocabularyKnowsNoRoom = noClasses()
            .that()
            .resideInAPackage("cn.huzhu.enrollment.command")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("cn.huzhu.enrollment.command.*..");

    @ArchTest
    static final ArchRule controllersUseGatewaysOnly = noClasses()
            .that()
            .resideInAPackage("..web..")
            .and()
            .haveSimpleNameEndingWith("Controller")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "cn.huzhu.enrollment.messaging..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Projection");

    @ArchTest
    static final ArchRule domainEventsStayInside = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("cn.huzhu.contracts..");

    /**
     * Commands and events name members, units, enrolments, plans and rosters by typed ids (ADR 0037), so one cannot be
     * passed for another. A target's command and event keep text ids: the target's event is the answer of its endpoint.
     */
    @ArchTest
    static final ArchRule commandsAndEventsTakeTypedIds = fields().that()
            .areDeclaredInClassesThat()
            .haveNameMatching(
                    "cn\\.huzhu\\.enrollment\\.command\\.(member|unit|roster|plan|province|batch)\\.\\w+(Command|Event)")
            .and()
            .haveNameMatching("(plan|member|unit|enrollment|roster)Id")
            .should()
            .notHaveRawType(String.class);
}
