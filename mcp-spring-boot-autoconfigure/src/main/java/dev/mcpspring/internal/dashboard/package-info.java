/**
 * Internal task dashboard: the page, its JSON API and live updates, and who may see it.
 */
@NullMarked
package dev.mcpspring.internal.dashboard;

import org.jspecify.annotations.NullMarked;
