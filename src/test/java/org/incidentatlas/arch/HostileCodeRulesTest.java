package org.incidentatlas.arch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What a hostile file must never be able to reach, held for all main code: Jackson's polymorphic ("default")
 * typing, Java deserialization, running programs, and HTML rendering.
 */
@AnalyzeClasses(packages = "org.incidentatlas", importOptions = ImportOption.DoNotIncludeTests.class)
class HostileCodeRulesTest {
    /** Default typing lets a file name the class to instantiate ("@class"): the classic Jackson gadget hole. */
    @ArchTest
    static final ArchRule noJacksonDefaultTyping = noClasses()
            .should().callMethodWhere(target(nameMatching("(?i).*defaultTyping.*")))
            .because("a file must never choose which class Jackson instantiates");

    @ArchTest
    static final ArchRule noPolymorphicTypeAnnotationsOrValidators = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.annotation.JsonTypeInfo")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.fasterxml.jackson.annotation.JsonSubTypes")
            .orShould().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson.databind.jsontype..")
            .because("no type information is ever read from input");

    @ArchTest
    static final ArchRule noJavaDeserialization = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream");

    @ArchTest
    static final ArchRule nothingIsExecuted = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
            .orShould().callMethodWhere(target(nameMatching("exec"))
                    .and(target(HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(Runtime.class)))))
            .because("opening a file never runs anything");

    @ArchTest
    static final ArchRule noHtmlRendering = noClasses()
            .should().dependOnClassesThat().resideInAPackage("javafx.scene.web..")
            .because("no text from a file is ever interpreted as HTML");
}
