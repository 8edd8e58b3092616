package dev.mcpspring.internal.docket;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Thread factories for the background threads of dockets and workers: daemon threads,
 * named with a prefix and a counter.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/**
	 * Returns a factory of daemon threads named {@code <prefix><n>}.
	 * @param prefix the name prefix
	 * @return the factory
	 */
	public static ThreadFactory named(String prefix) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(prefix);
		factory.setDaemon(true);
		return factory;
	}

}
