package org.jvirt.tests.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules of DESIGN.md, checked on the compiled classes of every module of the reactor
 * ({@code * /target/classes} and {@code plugins/ * /target/classes}), so a new driver is checked
 * without touching this test.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importReactor() throws IOException {
        Path root = Path.of(System.getProperty("jvirt.root", "..")).toAbsolutePath().normalize();
        List<Path> outputs;
        try (Stream<Path> top = Files.list(root); Stream<Path> plugins = Files.isDirectory(root.resolve("plugins"))
                ? Files.list(root.resolve("plugins")) : Stream.empty()) {
            outputs = Stream.concat(top, plugins)
                    .map(m -> m.resolve("target/classes"))
                    .filter(Files::isDirectory)
                    .toList();
        }
        classes = new ClassFileImporter().importPaths(outputs);
    }

    @Test
    void theReactorIsActuallyImported() {
        for (String pkg : List.of("org.jvirt.api", "org.jvirt.spi", "org.jvirt.core", "org.jvirt.conf",
                "org.jvirt.driver.test", "org.jvirt.cli", "org.jvirt.plugin.example")) {
            assertTrue(classes.containPackage(pkg), pkg + " was not imported; the rules below would be vacuous");
        }
        assertFalse(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.jvirt.tests")
                && c.getSimpleName().endsWith("Test")), "test classes must not be imported");
    }

    @Test
    void apiAndSpiDependOnlyOnTheJdk() {
        ArchRule rule = classes().that().resideInAnyPackage("org.jvirt.api..", "org.jvirt.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jvirt.api..", "org.jvirt.spi..")
                .because("the stable API never exposes JAXB, pf4j, JNA or a driver's class (DESIGN.md)");
        rule.check(classes);
    }

    @Test
    void driversDoNotDependOnEachOther() {
        slices().matching("org.jvirt.driver.(*)..").should().notDependOnEachOther()
                .because("a driver never imports another driver (DESIGN.md)")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void cliNeverDependsOnADriver() {
        noClasses().that().resideInAPackage("org.jvirt.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jvirt.driver..", "org.jvirt.plugin..")
                .because("jvirsh finds drivers only through Virt.open")
                .check(classes);
    }

    @Test
    void theXmlModelKnowsNoHypervisorDriver() {
        noClasses().that().resideInAPackage("org.jvirt.conf..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jvirt.driver..", "org.jvirt.plugin..",
                        "org.jvirt.cli..", "org.jvirt.daemon..", "com.sun.jna..")
                .because("native translation lives in the driver; the XML model knows no hypervisor")
                .check(classes);
    }

    @Test
    void coreKnowsNoDriverNorItsUsers() {
        noClasses().that().resideInAPackage("org.jvirt.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jvirt.driver..", "org.jvirt.plugin..",
                        "org.jvirt.cli..", "org.jvirt.daemon..")
                .because("core finds drivers only through ServiceLoader and plugins")
                .check(classes);
    }

    @Test
    void pluginsUseOnlyWhatTheHostShares() {
        classes().that().resideInAPackage("org.jvirt.plugin..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jvirt.api..", "org.jvirt.spi..",
                        "org.jvirt.core..", "org.jvirt.conf..", "org.pf4j..", "org.slf4j..", "org.jvirt.plugin..")
                .because("a plugin's class loader shares only these packages with the host")
                .check(classes);
    }
}
