package org.incidentatlas.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rooms and the one direction of their dependencies (docs/architecture.md). */
@AnalyzeClasses(packages = "org.incidentatlas", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule modelAndIoDoNotUseJavaFx = noClasses()
            .that().resideInAnyPackage("org.incidentatlas.model..", "org.incidentatlas.io..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.gluonhq..", "java.awt..");

    @ArchTest
    static final ArchRule viewModelHasNoNodes = noClasses()
            .that().resideInAPackage("org.incidentatlas.viewmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                    "javafx.application..", "com.gluonhq..");

    @ArchTest
    static final ArchRule dependenciesPointInward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("app").definedBy("org.incidentatlas.app..")
            .layer("views").definedBy("org.incidentatlas.map..", "org.incidentatlas.timeline..",
                    "org.incidentatlas.details..", "org.incidentatlas.browse..",
                    "org.incidentatlas.story..")
            .layer("ui").definedBy("org.incidentatlas.ui..")
            .layer("viewmodel").definedBy("org.incidentatlas.viewmodel..")
            .layer("io").definedBy("org.incidentatlas.io..")
            .layer("model").definedBy("org.incidentatlas.model..")
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("views").mayOnlyBeAccessedByLayers("app")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("app", "views")
            .whereLayer("viewmodel").mayOnlyBeAccessedByLayers("app", "views", "ui")
            .whereLayer("io").mayOnlyBeAccessedByLayers("app", "views", "viewmodel")
            .whereLayer("model").mayOnlyBeAccessedByLayers("app", "views", "ui", "viewmodel", "io");

    @ArchTest
    static final ArchRule viewsDoNotTalkToEachOther = noClasses()
            .that().resideInAnyPackage("org.incidentatlas.map..", "org.incidentatlas.details..",
                    "org.incidentatlas.browse..", "org.incidentatlas.story..")
            .should().dependOnClassesThat().resideInAnyPackage("org.incidentatlas.timeline..")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.incidentatlas.app..");

    @ArchTest
    static final ArchRule timelineDoesNotTalkToOtherViews = noClasses()
            .that().resideInAPackage("org.incidentatlas.timeline..")
            .should().dependOnClassesThat().resideInAnyPackage("org.incidentatlas.map..",
                    "org.incidentatlas.details..");
}
