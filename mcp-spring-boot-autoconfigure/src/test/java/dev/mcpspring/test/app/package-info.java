/**
 * The application the protocol tests run against, and its tools. It scans only this
 * package (not {@code dev.mcpspring.conformance}, which holds a separate fixture
 * application). Tool names are what tests call; change them together.
 */
package dev.mcpspring.test.app;
