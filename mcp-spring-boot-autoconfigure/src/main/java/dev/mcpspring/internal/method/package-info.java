/**
 * Internal support for annotated methods shared by the MCP features: scanning, argument
 * binding and conversion, schema generation and pagination.
 */
@NullMarked
package dev.mcpspring.internal.method;

import org.jspecify.annotations.NullMarked;
