package dev.mcpspring;

import java.util.List;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The library's package graph: no cycles, and every dependency points down the layers
 * that docs/ARCHITECTURE.md draws.
 */
class ArchitectureTests {

	/** The library's packages, top to bottom: a package may only use packages after it. */
	private static final List<String> LAYERS = List.of("dev.mcpspring.autoconfigure",
			"dev.mcpspring.internal.dashboard", "dev.mcpspring.internal.observability", "dev.mcpspring.internal.actuate",
			"dev.mcpspring.internal.oauth", "dev.mcpspring.internal.web", "dev.mcpspring.internal.protocol",
			"dev.mcpspring.internal.task.redis", "dev.mcpspring.internal.task", "dev.mcpspring.internal.completion",
			"dev.mcpspring.internal.tool",
			"dev.mcpspring.internal.resource", "dev.mcpspring.internal.prompt", "dev.mcpspring.internal.session.redis",
			"dev.mcpspring.internal.session", "dev.mcpspring.internal.method", "dev.mcpspring",
			"dev.mcpspring.internal.docket.redis", "dev.mcpspring.internal.docket", "dev.mcpspring.tasks",
			"dev.mcpspring.internal.wire");

	private static final JavaClasses LIBRARY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.mcpspring");

	@Test
	void packagesAreFreeOfCycles() {
		slices().assignedFrom(packages()).should().beFreeOfCycles().check(LIBRARY);
	}

	@Test
	void everyPackageIsALayer() {
		classes().should(beInALayer()).check(LIBRARY);
	}

	@Test
	void dependenciesPointDownTheLayers() {
		classes().should(dependOnlyOnLowerLayers()).check(LIBRARY);
	}

	private static SliceAssignment packages() {
		return new SliceAssignment() {

			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				return SliceIdentifier.of(javaClass.getPackageName());
			}

			@Override
			public String getDescription() {
				return "one slice per package";
			}

		};
	}

	private static ArchCondition<JavaClass> beInALayer() {
		return new ArchCondition<>("be in a package of the layer list") {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				if (!LAYERS.contains(javaClass.getPackageName())) {
					events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
							+ " is in a package that is not in ArchitectureTests.LAYERS (nor in docs/ARCHITECTURE.md)"));
				}
			}

		};
	}

	private static ArchCondition<JavaClass> dependOnlyOnLowerLayers() {
		return new ArchCondition<>("depend only on their own package or on packages below it") {

			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				int layer = LAYERS.indexOf(javaClass.getPackageName());
				for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getPackageName();
					int targetLayer = LAYERS.indexOf(target);
					if (targetLayer >= 0 && layer >= 0 && targetLayer < layer) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
								+ ": " + target + " is above " + javaClass.getPackageName()));
					}
				}
			}

		};
	}

}
