package dev.mcpspring.internal.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mcpspring.McpTaskAuthenticationResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Carries the submitter's Spring Security authentication to the worker as plain data:
 * the principal's name and its authorities' names. The worker rebuilds an
 * {@link Authentication} from them, through the application's
 * {@link McpTaskAuthenticationResolver} when there is one. Only loaded when Spring
 * Security is on the class path.
 */
final class SecurityContextPropagation {

	private static final String NAME = "name";

	private static final String AUTHORITIES = "authorities";

	private SecurityContextPropagation() {
	}

	static void capture(ObjectNode secrets) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return;
		}
		ObjectNode captured = secrets.putObject(TaskPropagation.AUTHENTICATION);
		captured.put(NAME, authentication.getName());
		ArrayNode authorities = captured.putArray(AUTHORITIES);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			if (authority.getAuthority() != null) {
				authorities.add(authority.getAuthority());
			}
		}
	}

	static <T> T runWith(@Nullable JsonNode captured, @Nullable McpTaskAuthenticationResolver resolver,
			Callable<T> work)
			throws Exception {
		if (captured == null || !captured.path(NAME).isString()) {
			return work.call();
		}
		String name = captured.get(NAME).asString();
		List<String> authorities = new ArrayList<>();
		captured.path(AUTHORITIES).forEach((authority) -> authorities.add(authority.asString()));
		Authentication authentication = (resolver != null) ? resolver.resolve(name, List.copyOf(authorities))
				: UsernamePasswordAuthenticationToken.authenticated(name, null,
						AuthorityUtils.createAuthorityList(authorities));
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			return work.call();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
