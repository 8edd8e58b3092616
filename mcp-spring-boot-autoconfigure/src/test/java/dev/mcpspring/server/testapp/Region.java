package dev.mcpspring.server.testapp;

/**
 * Sales regions, completed from the enum constants.
 */
public enum Region {

	NORTH, SOUTH, EAST, WEST

}
