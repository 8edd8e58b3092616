package dev.mcpspring.test.app;

/**
 * An enum argument.
 */
public enum Priority {

	LOW, MEDIUM, HIGH

}
