package org.nlwb.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering README.md draws, held against the compiled classes of all three modules (the app
 * module's test class path sees them all): dependencies point one way (app -> capture -> decoder),
 * no package depends on itself through others, JavaFX stays in app, native calls (jnr) stay in
 * capture, and nothing in decoder or capture reaches the command line or the window.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // In `mvn verify` the decoder and capture modules reach this class path as jars, in an IDE
        // as class folders: take both, but no test classes (decoder's test-jar holds helpers).
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("org.nlwb");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"org.nlwb.decoder.decode", "org.nlwb.capture.socket", "org.nlwb.app.ui"}) {
            org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage(pkg), "classes of " + pkg + " imported");
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.nlwb.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void javaFxOnlyInApp() {
        noClasses().that().resideOutsideOfPackage("org.nlwb.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..")
                .check(classes);
    }

    @Test
    void nativeCallsOnlyInCapture() {
        noClasses().that().resideOutsideOfPackage("org.nlwb.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("jnr..", "com.kenai.jffi..")
                .check(classes);
    }

    @Test
    void decoderIsPureAndReachesNeitherCaptureNorApp() {
        noClasses().that().resideInAPackage("org.nlwb.decoder..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nlwb.capture..", "org.nlwb.app..", "picocli..")
                .check(classes);
    }

    @Test
    void captureDoesNotReachTheApp() {
        noClasses().that().resideInAPackage("org.nlwb.capture..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nlwb.app..", "picocli..")
                .check(classes);
    }

    @Test
    void theWindowDoesNotReachTheCommandLine() {
        noClasses().that().resideInAPackage("org.nlwb.app.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.nlwb.app.cli..")
                .check(classes);
    }
}
