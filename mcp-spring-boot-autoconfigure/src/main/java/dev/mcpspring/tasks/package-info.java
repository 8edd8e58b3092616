/**
 * The public API of the docket, the store and queue of tasks that run in the background:
 * submitting, claiming, listing and following tasks.
 */
@NullMarked
package dev.mcpspring.tasks;

import org.jspecify.annotations.NullMarked;
