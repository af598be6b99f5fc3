package cn.huzhu.claims;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Set;

@AnalyzeClasses(packages = "cn.huzhu.claims", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The benefit engine is plain Java: it is tested and benchmarked alone, and any service can run it. It speaks the
     * domain vocabulary (money), a module of plain Java without dependencies.
     */
    @ArchTest
    static final ArchRule engineIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..engine..")
            .should()
            .dependOnClassesThat()
            .resideOutsideOfPackages("java..", "cn.huzhu.claims.engine..", "cn.huzhu.vocabulary..");

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

    /**
     * One room per aggregate: the claim (and the handler that gathers its facts), the benefit account, the lifetime
     * ledger, the stay register. The claim's room asks the others; none of them knows the claim's, and no cycle forms.
     */
    @ArchTest
    static final ArchRule commandRoomsHaveNoCycles =
            slices().matching("cn.huzhu.claims.command.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule accountsLedgersAndStaysKnowNoClaim = noClasses()
            .that()
            .resideInAnyPackage(
                    "cn.huzhu.claims.command.account..",
                    "cn.huzhu.claims.command.ledger..",
                    "cn.huzhu.claims.command.stay..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("cn.huzhu.claims.command.claim..");

    /** What the rooms share (who acts) sits at the command package's root and knows no room. */
    @ArchTest
    static final ArchRule sharedVocabularyKnowsNoRoom = noClasses()
            .that()
            .resideInAPackage("cn.huzhu.claims.command")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("cn.huzhu.claims.command.*..");

    @ArchTest
    static final ArchRule controllersUseGatewaysOnly = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.jdbc..", "cn.huzhu.claims.messaging..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Projection");

    /**
     * Commands, events and aggregates name what they refer to by typed ids (ADR 0037): a member's id cannot be passed
     * where a claim's is meant. The hospital's own settlement id stays its text.
     */
    @ArchTest
    static final ArchRule commandsAndEventsTakeTypedIds = fields().that()
            .areDeclaredInClassesThat()
            .resideInAPackage("..claims.command..")
            .and()
            .haveNameMatching("(claim|member|enrollment|plan|account|ledger|register)Id")
            .should()
            .notHaveRawType(String.class);

    /**
     * Stored events own their shape (ADR 0035): no field of a claims event, nor of the records it stores, is a type of
     * the benefit engine, so the engine can rename or retype its fields without changing what was stored. Events map
     * from and to engine types in methods.
     */
    @ArchTest
    static final ArchRule storedEventsOwnTheirShape = classes()
            .that()
            .resideInAPackage("cn.huzhu.claims.command..")
            .and()
            .haveSimpleNameEndingWith("Event")
            .should(new ArchCondition<JavaClass>("store no type of the engine in their fields") {
                @Override
                public void check(JavaClass event, ConditionEvents events) {
                    storedFields(event, new HashSet<>(), event, events);
                }
            });

    private static void storedFields(JavaClass owner, Set<JavaClass> seen, JavaClass event, ConditionEvents events) {
        if (!seen.add(owner)) {
            return;
        }
        for (JavaField field : owner.getFields()) {
            if (field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)) {
                continue;
            }
            for (JavaClass type : field.getType().getAllInvolvedRawTypes()) {
                if (type.getPackageName().startsWith("cn.huzhu.claims.engine")) {
                    events.add(SimpleConditionEvent.violated(
                            event,
                            event.getSimpleName() + " stores engine type " + type.getName() + " in "
                                    + field.getFullName()));
                } else if (type.getPackageName().startsWith("cn.huzhu.claims.command")) {
                    storedFields(type, seen, event, events);
                }
            }
        }
    }
}
