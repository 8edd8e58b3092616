/**
 * Internal Redis implementation of the docket, shared by the instances of a scaled-out
 * application.
 */
@NullMarked
package dev.mcpspring.internal.docket.redis;

import org.jspecify.annotations.NullMarked;
