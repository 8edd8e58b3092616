/**
 * The public API of MCP Spring Boot: the annotations, context, exceptions, content and
 * result types, descriptors, registries and extension points that applications write MCP
 * servers against.
 */
@NullMarked
package dev.mcpspring;

import org.jspecify.annotations.NullMarked;
