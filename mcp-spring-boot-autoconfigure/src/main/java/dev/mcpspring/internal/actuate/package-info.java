/**
 * The Actuator endpoint {@code mcp}: what the server offers, its sessions, and its
 * docket's tasks and workers.
 */
@NullMarked
package dev.mcpspring.internal.actuate;

import org.jspecify.annotations.NullMarked;
