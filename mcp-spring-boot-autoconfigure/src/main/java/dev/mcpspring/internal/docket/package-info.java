/**
 * Internal implementations of the docket: the in-memory docket, the worker that runs
 * tasks and the key that protects what leaves the process.
 */
@NullMarked
package dev.mcpspring.internal.docket;

import org.jspecify.annotations.NullMarked;
