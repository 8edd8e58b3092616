package dev.mcpspring.internal.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Carries the caller's Spring Security context from the container thread to the thread
 * that runs an MCP call. Does nothing without Spring Security on the class path.
 */
final class SecurityContextCarrier {

	private static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder",
			SecurityContextCarrier.class.getClassLoader());

	private SecurityContextCarrier() {
	}

	/**
	 * Captures the current thread's security context.
	 * @return the context, or {@code null}
	 */
	static @Nullable Object capture() {
		return PRESENT ? Security.capture() : null;
	}

	/**
	 * Binds a captured context to the current thread.
	 * @param captured the context, or {@code null}
	 */
	static void bind(@Nullable Object captured) {
		if (captured != null) {
			Security.bind(captured);
		}
	}

	/**
	 * Clears what {@link #bind(Object)} bound.
	 * @param captured the context bound, or {@code null}
	 */
	static void clear(@Nullable Object captured) {
		if (captured != null) {
			Security.clear();
		}
	}

	private static final class Security {

		static @Nullable Object capture() {
			SecurityContext context = SecurityContextHolder.getContext();
			return (context.getAuthentication() != null) ? context : null;
		}

		static void bind(Object captured) {
			SecurityContextHolder.setContext((SecurityContext) captured);
		}

		static void clear() {
			SecurityContextHolder.clearContext();
		}

	}

}
