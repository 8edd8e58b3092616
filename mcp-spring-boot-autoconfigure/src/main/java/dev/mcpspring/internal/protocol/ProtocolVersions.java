package dev.mcpspring.internal.protocol;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * The MCP protocol revisions this server speaks, and the {@link ProtocolRevision} that
 * speaks each: the legacy, session-based 2025 revisions, negotiated on
 * {@code initialize}, and the modern, stateless 2026-07-28, which every request claims
 * on its own.
 */
public final class ProtocolVersions {

	/** The header that carries the protocol version of a request. */
	public static final String HEADER = "MCP-Protocol-Version";

	/** The 2026-07-28 revision (stateless). */
	public static final String V2026_07_28 = Mcp2026Revision.VERSION;

	/** The 2025-11-25 revision (tasks). */
	public static final String V2025_11_25 = "2025-11-25";

	/** The 2025-06-18 revision. */
	public static final String V2025_06_18 = "2025-06-18";

	/** The 2025-03-26 revision, assumed when a client sends no version header. */
	public static final String V2025_03_26 = "2025-03-26";

	/** The newest revision {@code initialize} negotiates. */
	public static final String LATEST = V2025_11_25;

	/** The session-based revisions {@code initialize} negotiates, newest first. */
	public static final List<String> LEGACY = List.of(V2025_11_25, V2025_06_18, V2025_03_26);

	/** The stateless revisions, newest first. */
	public static final List<String> MODERN = List.of(V2026_07_28);

	/** Every supported revision, newest first, as {@code server/discover} lists them. */
	public static final List<String> ALL = List.of(V2026_07_28, V2025_11_25, V2025_06_18, V2025_03_26);

	private static final Mcp2026Revision MODERN_REVISION = new Mcp2026Revision();

	private static final Map<String, ProtocolRevision> REVISIONS = LEGACY.stream()
		.collect(Collectors.toUnmodifiableMap(Function.identity(), Mcp2025Revision::new));

	private ProtocolVersions() {
	}

	/**
	 * Returns whether a version is one of the session-based revisions, which a request
	 * in a session may name in its header.
	 * @param version the version
	 * @return whether it is a legacy revision
	 */
	public static boolean isSupported(String version) {
		return LEGACY.contains(version);
	}

	/**
	 * Returns the revision of stateless requests.
	 * @return the 2026-07-28 revision
	 */
	public static Mcp2026Revision modern() {
		return MODERN_REVISION;
	}

	/**
	 * Chooses the revision to answer a client's {@code initialize} with: the client's
	 * own when it is a legacy revision, the latest legacy one otherwise (also for a
	 * client that asks for 2026-07-28, which has no {@code initialize}).
	 * @param requested the version the client asked for
	 * @return the negotiated revision
	 */
	public static ProtocolRevision negotiate(String requested) {
		ProtocolRevision revision = REVISIONS.get(isSupported(requested) ? requested : LATEST);
		Assert.state(revision != null, "Every supported version has a revision");
		return revision;
	}

}
