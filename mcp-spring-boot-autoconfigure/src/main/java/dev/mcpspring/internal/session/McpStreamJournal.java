package dev.mcpspring.internal.session;

import java.util.List;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * The events of the SSE streams of sessions, kept where every instance reads them (Redis),
 * so that a client resumes a stream with {@code Last-Event-ID} on any instance. A stream
 * is named by its session and an id of its own; its events have the sequences 1, 2, 3,
 * ... (the event id is {@code <stream id>-<sequence>}), only the latest are kept, and a
 * stream expires with its session. A session has at most one standalone (GET) stream,
 * shared by every instance: messages for the session go there from any instance, and the
 * instance that holds the client's connection is told.
 */
public interface McpStreamJournal {

	/**
	 * Appends an event to a stream.
	 * @param sessionId the session
	 * @param streamId the stream
	 * @param floor a sequence the new one must exceed (the last one the caller knows of)
	 * @param json the message
	 * @param last whether it ends the stream (the response of a POSTed request)
	 * @return the sequence of the event
	 */
	long append(String sessionId, String streamId, long floor, String json, boolean last);

	/**
	 * Appends a message to the session's standalone stream, wherever it is held.
	 * @param sessionId the session
	 * @param json the message
	 * @return whether the session has a standalone stream (else the message is dropped)
	 */
	boolean appendToStandalone(String sessionId, String json);

	/**
	 * Returns the id of the session's standalone stream, making the given one it when the
	 * session has none.
	 * @param sessionId the session
	 * @param candidate the id of a new stream
	 * @return the id of the standalone stream
	 */
	String standalone(String sessionId, String candidate);

	/**
	 * Returns the id of the session's standalone stream.
	 * @param sessionId the session
	 * @return the id, or {@code null} when the session has none
	 */
	@Nullable String standaloneId(String sessionId);

	/**
	 * Returns the sequence of the last event of a stream.
	 * @param sessionId the session
	 * @param streamId the stream
	 * @return the sequence (0 when it has none yet), or -1 when there is no such stream
	 */
	long lastSequence(String sessionId, String streamId);

	/**
	 * Reads the events of a stream after a sequence, oldest first.
	 * @param sessionId the session
	 * @param streamId the stream
	 * @param after the sequence of the last event the reader has
	 * @param count the most events to read
	 * @return the events (fewer than asked at the end of the stream)
	 */
	List<Event> read(String sessionId, String streamId, long after, int count);

	/**
	 * Deletes the streams of an ended session.
	 * @param sessionId the session
	 */
	void delete(String sessionId);

	/**
	 * Deletes streams of a session that ended and need no resumption.
	 * @param sessionId the session
	 * @param streamIds the streams
	 */
	void delete(String sessionId, List<String> streamIds);

	/**
	 * Registers what is told, on this instance, when another instance appended to a
	 * stream.
	 * @param listener takes the session id and the stream id
	 */
	void onAppended(BiConsumer<String, String> listener);

	/**
	 * One event of a stream.
	 *
	 * @param sequence its sequence
	 * @param json the message
	 * @param last whether it ends the stream
	 */
	record Event(long sequence, String json, boolean last) {
	}

}
