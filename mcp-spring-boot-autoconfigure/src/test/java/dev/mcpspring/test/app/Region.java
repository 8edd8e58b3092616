package dev.mcpspring.test.app;

/**
 * Sales regions, completed from the enum constants.
 */
public enum Region {

	NORTH, SOUTH, EAST, WEST

}
