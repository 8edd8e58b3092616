/**
 * Internal JSON-RPC wire types and JSON plumbing: messages, errors, the JSON mapper and
 * body parsing.
 */
@NullMarked
package dev.mcpspring.internal.wire;

import org.jspecify.annotations.NullMarked;
