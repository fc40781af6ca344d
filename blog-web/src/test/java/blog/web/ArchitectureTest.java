package blog.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of CONVENTIONS.md, checked on the compiled main code of all modules. */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // blog-core's test helpers arrive as a "-tests.jar"; its main classes as a jar or folder.
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("blog");

  @Test
  void allModulesAreImported() {
    // Guards the rules below against passing vacuously on an empty import.
    assertTrue(CLASSES.contain("blog.core.post.PostRepository"));
    assertTrue(CLASSES.contain("blog.migrations.Migrations"));
    assertTrue(CLASSES.contain("blog.web.BlogApp"));
  }

  @Test
  void coreKnowsNothingOfTheWeb() {
    noClasses()
        .that()
        .resideInAPackage("blog.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..", "io.pebbletemplates..", "jakarta.servlet..", "blog.web..")
        .check(CLASSES);
  }

  @Test
  void migrationsKnowNothingOfTheOtherModules() {
    noClasses()
        .that()
        .resideInAPackage("blog.migrations..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("blog.core..", "blog.web..", "org.jdbi..", "io.javalin..")
        .check(CLASSES);
  }

  @Test
  void jdbiIsUsedOnlyInRepositoriesAndTheDatabasePackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("blog.core.db..")
        .and()
        .haveSimpleNameNotEndingWith("Repository")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.jdbi..")
        .check(CLASSES);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("blog.core.(*)..").should().beFreeOfCycles().check(CLASSES);
    slices().matching("blog.web.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theCommandLineIsAnEntryPointNothingElseUses() {
    noClasses()
        .that()
        .resideOutsideOfPackage("blog.web.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("blog.web.cli..", "picocli..")
        .check(CLASSES);
  }
}
