/**
 * Internal MCP authorization for OAuth2 resource servers: protected resource metadata,
 * bearer challenges, audience and scope checks.
 */
@NullMarked
package dev.mcpspring.internal.oauth;

import org.jspecify.annotations.NullMarked;
