package dev.mcpspring.test;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/**
 * A response read while it is still arriving: the server-to-client stream of an HTTP
 * GET, or the SSE response of a POSTed request. Events are collected on the HTTP
 * client's threads as they arrive; tests take them with {@link #next(Duration)} and
 * friends, which fail (rather than hang) after the given timeout. Close it to end the
 * stream from the client side.
 */
public final class McpEventStream implements AutoCloseable {

	private static final SseEvent END = new SseEvent(null, null, null, null);

	private final CompletableFuture<HttpResponse.ResponseInfo> info = new CompletableFuture<>();

	private final CompletableFuture<Void> ended = new CompletableFuture<>();

	private final BlockingQueue<SseEvent> queue = new LinkedBlockingQueue<>();

	private final List<SseEvent> received = new ArrayList<>();

	private final StringBuilder body = new StringBuilder();

	private volatile Flow.Subscription subscription;

	McpEventStream() {
	}

	/**
	 * Returns the body handler that feeds this stream.
	 * @return the handler
	 */
	HttpResponse.BodyHandler<Void> handler() {
		return (responseInfo) -> {
			this.info.complete(responseInfo);
			SseParser parser = new SseParser(this::arrived);
			return BodySubscribers.fromLineSubscriber(new LineSubscriber(parser), (subscriber) -> null,
					StandardCharsets.UTF_8, null);
		};
	}

	/**
	 * Records that the request failed before a response arrived.
	 * @param failure the failure
	 */
	void failed(Throwable failure) {
		this.info.completeExceptionally(failure);
		this.ended.completeExceptionally(failure);
		this.queue.add(END);
	}

	/**
	 * Waits for the response headers.
	 * @param timeout how long to wait
	 * @return this stream
	 */
	McpEventStream awaitHeaders(Duration timeout) {
		responseInfo(timeout);
		return this;
	}

	/**
	 * Returns the HTTP status.
	 * @return the status
	 */
	public int status() {
		return responseInfo(Duration.ofSeconds(10)).statusCode();
	}

	/**
	 * Returns the response headers.
	 * @return the headers
	 */
	public HttpHeaders headers() {
		return responseInfo(Duration.ofSeconds(10)).headers();
	}

	/**
	 * Returns the {@code Content-Type} header.
	 * @return the content type, or {@code null}
	 */
	public String contentType() {
		return headers().firstValue("Content-Type").orElse(null);
	}

	/**
	 * Takes the next event.
	 * @param timeout how long to wait for it
	 * @return the event
	 * @throws AssertionError when none arrives in time or the stream ended
	 */
	public SseEvent next(Duration timeout) {
		SseEvent event;
		try {
			event = this.queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for an event", ex);
		}
		if (event == null) {
			throw new AssertionError("No event within " + timeout + "; received so far: " + received());
		}
		if (event == END) {
			this.queue.add(END);
			throw new AssertionError("The stream ended; received: " + received());
		}
		return event;
	}

	/**
	 * Takes events until one carries a message that matches, skipping the others.
	 * @param condition what the message must satisfy
	 * @param timeout how long to wait in all
	 * @return the message
	 * @throws AssertionError when none arrives in time or the stream ended
	 */
	public JsonNode nextMessage(Predicate<JsonNode> condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("No matching message within " + timeout + "; received: " + received());
			}
			SseEvent event = next(Duration.ofNanos(left));
			if (event.hasMessage()) {
				JsonNode message = event.json();
				if (condition.test(message)) {
					return message;
				}
			}
		}
	}

	/**
	 * Takes events until a notification of the given method arrives.
	 * @param method the method
	 * @param timeout how long to wait in all
	 * @return the notification
	 */
	public JsonNode nextNotification(String method, Duration timeout) {
		return nextMessage((message) -> method.equals(message.path("method").asString()), timeout);
	}

	/**
	 * Asserts that no event carrying a message arrives within the given time.
	 * @param period how long to watch
	 */
	public void assertNoMessageWithin(Duration period) {
		long deadline = System.nanoTime() + period.toNanos();
		while (true) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return;
			}
			SseEvent event;
			try {
				event = this.queue.poll(left, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			if (event == END) {
				this.queue.add(END);
				return;
			}
			if (event != null && event.hasMessage()) {
				throw new AssertionError("Unexpected message: " + event.data());
			}
		}
	}

	/**
	 * Waits until the server ends the response.
	 * @param timeout how long to wait
	 * @return every event received on the stream
	 * @throws AssertionError when the response does not end in time
	 */
	public List<SseEvent> awaitEnd(Duration timeout) {
		try {
			this.ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("The stream did not end within " + timeout + "; received: " + received());
		}
		catch (ExecutionException ex) {
			// the connection failed: what was received is still the answer
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		return received();
	}

	/**
	 * Returns whether the server has ended the response.
	 * @return whether it ended
	 */
	public boolean isEnded() {
		return this.ended.isDone();
	}

	/**
	 * Returns every event received so far, including those already taken.
	 * @return the events
	 */
	public List<SseEvent> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	/**
	 * Returns the raw body received so far, line by line.
	 * @return the body text
	 */
	public String body() {
		synchronized (this.received) {
			return this.body.toString();
		}
	}

	/**
	 * Ends the stream from the client side.
	 */
	@Override
	public void close() {
		Flow.Subscription current = this.subscription;
		if (current != null) {
			current.cancel();
		}
		this.ended.complete(null);
		this.queue.add(END);
	}

	private HttpResponse.ResponseInfo responseInfo(Duration timeout) {
		try {
			return this.info.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new AssertionError("No response headers within " + timeout);
		}
		catch (ExecutionException ex) {
			throw new AssertionError("The request failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private void arrived(SseEvent event) {
		synchronized (this.received) {
			this.received.add(event);
		}
		this.queue.add(event);
	}

	private final class LineSubscriber implements Flow.Subscriber<String> {

		private final SseParser parser;

		LineSubscriber(SseParser parser) {
			this.parser = parser;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			McpEventStream.this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			synchronized (McpEventStream.this.received) {
				McpEventStream.this.body.append(line).append('\n');
			}
			this.parser.line(line);
		}

		@Override
		public void onError(Throwable failure) {
			this.parser.end();
			McpEventStream.this.ended.completeExceptionally(failure);
			McpEventStream.this.queue.add(END);
		}

		@Override
		public void onComplete() {
			this.parser.end();
			McpEventStream.this.ended.complete(null);
			McpEventStream.this.queue.add(END);
		}

	}

}
