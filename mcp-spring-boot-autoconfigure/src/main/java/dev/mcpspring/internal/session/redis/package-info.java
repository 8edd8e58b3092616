/**
 * Internal Redis store of MCP sessions, shared by the instances of a scaled-out server.
 */
@NullMarked
package dev.mcpspring.internal.session.redis;

import org.jspecify.annotations.NullMarked;
