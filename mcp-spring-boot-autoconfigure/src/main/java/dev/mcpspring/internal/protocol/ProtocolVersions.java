package dev.mcpspring.internal.protocol;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * The MCP protocol revisions this server speaks, and the {@link ProtocolRevision} that
 * speaks each.
 */
public final class ProtocolVersions {

	/** The 2025-11-25 revision (tasks). */
	public static final String V2025_11_25 = "2025-11-25";

	/** The 2025-06-18 revision. */
	public static final String V2025_06_18 = "2025-06-18";

	/** The 2025-03-26 revision, assumed when a client sends no version header. */
	public static final String V2025_03_26 = "2025-03-26";

	/** The newest supported revision. */
	public static final String LATEST = V2025_11_25;

	/** Supported revisions, newest first. */
	public static final List<String> SUPPORTED = List.of(V2025_11_25, V2025_06_18, V2025_03_26);

	private static final Map<String, ProtocolRevision> REVISIONS = SUPPORTED.stream()
		.collect(Collectors.toUnmodifiableMap(Function.identity(), Mcp2025Revision::new));

	private ProtocolVersions() {
	}

	public static boolean isSupported(String version) {
		return SUPPORTED.contains(version);
	}

	/**
	 * Chooses the revision to answer a client's {@code initialize} with: the client's
	 * own when supported, the latest otherwise.
	 * @param requested the version the client asked for
	 * @return the negotiated revision
	 */
	public static ProtocolRevision negotiate(String requested) {
		ProtocolRevision revision = REVISIONS.get(isSupported(requested) ? requested : LATEST);
		Assert.state(revision != null, "Every supported version has a revision");
		return revision;
	}

}
