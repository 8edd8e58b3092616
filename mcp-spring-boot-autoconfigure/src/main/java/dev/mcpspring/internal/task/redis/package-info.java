/**
 * Internal Redis queues of the requests background tasks send to their clients, shared by
 * the instances of a scaled-out server.
 */
@NullMarked
package dev.mcpspring.internal.task.redis;

import org.jspecify.annotations.NullMarked;
