package cn.huzhu.payout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "cn.huzhu.payout", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Payouts and recoveries decide in plain Axon aggregates: no web, Kafka, JSON or published contract in them. */
    @ArchTest
    static final ArchRule commandModelIsFreeOfFrameworks = noClasses()
            .that()
            .resideInAPackage("..payout.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "jakarta.persistence..",
                    "org.apache.kafka..",
                    "cn.huzhu.contracts..",
                    "com.fasterxml.jackson..");

    /** One room per aggregate (payout, recovery, batch), no room leaning on another in a cycle. */
    @ArchTest
    static final ArchRule commandRoomsHaveNoCycles =
            slices().matching("cn.huzhu.payout.command.(*)..").should().beFreeOfCycles();

    /**
     * Commands, events and aggregates name what they refer to by typed ids (ADR 0037), so a member's id cannot be passed
     * where a payout's is meant; the ids' texts appear only where they leave (views, records, the bank).
     */
    @ArchTest
    static final ArchRule commandsAndEventsTakeTypedIds = fields().that()
            .areDeclaredInClassesThat()
            .resideInAPackage("..payout.command..")
            .and()
            .haveNameMatching("(payout|claim|member|batch|recovery|enrollment|plan)Id")
            .should()
            .notHaveRawType(String.class);

    /** What the rooms share (the ids of payouts, transfers and batches) sits at the command package's root and knows no room. */
    @ArchTest
    static final ArchRule sharedIdsKnowNoRoom = noClasses()
            .that()
            .resideInAPackage("cn.huzhu.payout.command")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("cn.huzhu.payout.command.*..");

    /** The bank is an edge: its gateway knows transfers and answers, nothing of payouts' commands, views or web. */
    @ArchTest
    static final ArchRule bankGatewayKnowsOnlyTheBank = noClasses()
            .that()
            .resideInAPackage("..payout.bank..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "cn.huzhu.payout.command..",
                    "cn.huzhu.payout.query..",
                    "cn.huzhu.payout.web..",
                    "cn.huzhu.payout.messaging..",
                    "cn.huzhu.payout.dispatch..",
                    "cn.huzhu.payout.notify..");

    /** Controllers go through command gateways and query views, never straight to Kafka or the dispatcher's internals. */
    @ArchTest
    static final ArchRule controllersUseGatewaysAndViews = noClasses()
            .that()
            .resideInAPackage("..payout.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("cn.huzhu.payout.messaging..", "org.apache.kafka..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Projection");

    /** The published contracts' classes are read where records arrive or leave (messaging, notify, the query side's listeners), not in decisions, the bank or the web. */
    @ArchTest
    static final ArchRule contractsStayAtTheEdges = noClasses()
            .that()
            .resideInAnyPackage("..payout.command..", "..payout.bank..", "..payout.dispatch..", "..payout.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("cn.huzhu.contracts..");
}
