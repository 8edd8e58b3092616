package dev.mcpspring.server.task;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Carries the Spring Security context of a submitting request to the worker, serialized
 * like Spring Session does, so it can cross processes. Only loaded when Spring Security
 * is on the class path.
 */
final class SecurityContextPropagation {

	static final String SECURITY_CONTEXT = "mcp.security-context";

	private static final Log logger = LogFactory.getLog(SecurityContextPropagation.class);

	private SecurityContextPropagation() {
	}

	static void capture(Map<String, String> metadata) {
		SecurityContext context = SecurityContextHolder.getContext();
		Authentication authentication = context.getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return;
		}
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(context);
			}
			metadata.put(SECURITY_CONTEXT, Base64.getEncoder().encodeToString(bytes.toByteArray()));
		}
		catch (IOException ex) {
			logger.warn("The security context of " + authentication.getName()
					+ " cannot be serialized; background work runs with its principal name only", ex);
		}
	}

	static <T> T runWith(Map<String, String> metadata, Callable<T> work) throws Exception {
		String serialized = metadata.get(SECURITY_CONTEXT);
		if (serialized == null) {
			return work.call();
		}
		SecurityContext previous = SecurityContextHolder.getContext();
		try (ObjectInputStream in = new ObjectInputStream(
				new ByteArrayInputStream(Base64.getDecoder().decode(serialized)))) {
			SecurityContextHolder.setContext((SecurityContext) in.readObject());
		}
		try {
			return work.call();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
