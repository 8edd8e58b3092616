package dev.mcpspring.internal.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;


/**
 * The {@link McpSessionListener listeners} of a {@link McpSessionStore}: one failing
 * listener does not keep the others from freeing what they hold.
 */
public final class McpSessionListeners {

	private static final Log logger = LogFactory.getLog(McpSessionListeners.class);

	private final List<McpSessionListener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Registers a listener.
	 * @param listener the listener
	 */
	public void add(McpSessionListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Tells every listener that a session ended.
	 * @param sessionId the session id
	 * @param local whether this process ended it or noticed its expiry
	 */
	public void sessionEnded(String sessionId, boolean local) {
		for (McpSessionListener listener : this.listeners) {
			try {
				listener.sessionEnded(sessionId, local);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not free what session " + sessionId + " held", ex);
			}
		}
	}

}
