package dev.mcpspring;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Rebuilds the submitter's Spring Security {@link Authentication} for a background task,
 * from what the task carries: the principal's name and the names of its granted
 * authorities (never a serialized object). Without a bean of this type the worker sets
 * an authenticated {@code UsernamePasswordAuthenticationToken} of that name and those
 * authorities (no credentials). Implement it to load the full user, for example from a
 * {@code UserDetailsService}; return {@code null} to run the task without an
 * authentication.
 */
@FunctionalInterface
public interface McpTaskAuthenticationResolver {

	/**
	 * Rebuilds an authentication.
	 * @param name the principal's name ({@code Authentication.getName()} at submission)
	 * @param authorities the granted authorities' names at submission
	 * @return the authentication to run the task with, or {@code null}
	 */
	@Nullable Authentication resolve(String name, List<String> authorities);

}
