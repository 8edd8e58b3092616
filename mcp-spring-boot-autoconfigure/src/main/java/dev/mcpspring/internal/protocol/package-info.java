/**
 * Internal MCP protocol handling: the dispatcher of requests and notifications,
 * initialization and protocol version negotiation.
 */
@NullMarked
package dev.mcpspring.internal.protocol;

import org.jspecify.annotations.NullMarked;
