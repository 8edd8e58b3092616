/**
 * Internal MCP sessions: exchanges, session stores, requests to the client and the
 * context of a call.
 */
@NullMarked
package dev.mcpspring.internal.session;

import org.jspecify.annotations.NullMarked;
