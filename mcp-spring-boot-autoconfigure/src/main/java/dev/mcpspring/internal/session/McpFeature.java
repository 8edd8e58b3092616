package dev.mcpspring.internal.session;

import java.util.Map;

/**
 * A part of the server (tools, tasks, resources, ...) that contributes methods and
 * capabilities.
 */
public interface McpFeature {

	/**
	 * Adds this feature's entries to the server capabilities; called for every
	 * {@code initialize}, so a feature may offer only what is registered at the time.
	 * @param capabilities the capabilities, by name
	 */
	void contributeCapabilities(Map<String, Object> capabilities);

	/**
	 * Returns the request methods this feature handles.
	 * @return handlers by method name
	 */
	Map<String, McpRequestHandler> requestHandlers();

	/**
	 * Returns the notification methods this feature handles.
	 * @return handlers by method name
	 */
	default Map<String, McpRequestHandler> notificationHandlers() {
		return Map.of();
	}

}
