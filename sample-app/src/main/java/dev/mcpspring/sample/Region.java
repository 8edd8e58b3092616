package dev.mcpspring.sample;

/**
 * Sales regions.
 */
public enum Region {

	NORTH, SOUTH, EAST, WEST

}
