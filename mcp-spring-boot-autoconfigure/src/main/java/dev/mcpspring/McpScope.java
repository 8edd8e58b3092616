package dev.mcpspring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the OAuth 2.0 scopes a token needs to call an {@link McpTool}, read an
 * {@link McpResource} or get an {@link McpPrompt}, when the application is an OAuth2
 * resource server. On a type, it applies to every such method of the type that does not
 * declare its own. A request whose token lacks one of the scopes is answered
 * {@code 403} with a {@code WWW-Authenticate: Bearer error="insufficient_scope"}
 * challenge naming them, so that the client can ask for them. Background tasks are
 * checked when they are submitted, not when a worker runs them.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpScope {

	/**
	 * The scopes a token needs, all of them (the names without the {@code SCOPE_} prefix
	 * of Spring Security's authorities).
	 * @return the scopes
	 */
	String[] value();

}
