/**
 * Internal Streamable HTTP transport: the servlet endpoint, server-sent event streams
 * and asynchronous calls.
 */
@NullMarked
package dev.mcpspring.internal.web;

import org.jspecify.annotations.NullMarked;
