package dev.mcpspring.scaleout;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScaleOutNodeApplication} in a JVM of its own, started from the test class
 * path, so that a test can kill it ({@code kill -9}) or stop it gracefully
 * ({@code SIGTERM}). Its output goes to a file that failures print.
 */
final class NodeProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private NodeProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a web node without a worker: it serves MCP on the given port.
	 * @param name a name for the logs
	 * @param docket the docket name
	 * @param port the port of its web server
	 * @return the started process (not yet ready; see {@link #awaitStarted})
	 */
	static NodeProcess startWeb(String name, String docket, int port) throws IOException {
		return start(name, docket, "--server.port=" + port, "--mcp.worker.enabled=false");
	}

	/**
	 * Starts a worker-only node: no web server, no MCP endpoint.
	 * @param name a name for the logs
	 * @param docket the docket name
	 * @param properties more properties, as {@code key=value}
	 * @return the started process (not yet ready; see {@link #awaitStarted})
	 */
	static NodeProcess startWorker(String name, String docket, String... properties) throws IOException {
		List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--spring.main.keep-alive=true", "--mcp.server.enabled=false", "--mcp.worker.enabled=true",
				"--mcp.worker.id=" + name));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		return start(name, docket, arguments.toArray(String[]::new));
	}

	private static NodeProcess start(String name, String docket, String... arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-cp");
		command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
		command.add(ScaleOutNodeApplication.class.getName());
		command.add("--mcp.docket.name=" + docket);
		command.addAll(List.of(arguments));
		Path log = Files.createTempFile("mcp-" + name + "-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new NodeProcess(name, process, log);
	}

	/**
	 * Waits until the application has started.
	 * @param timeout the longest to wait
	 * @return this process
	 */
	NodeProcess awaitStarted(Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!output().contains("Started ScaleOutNodeApplication")) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited during startup:\n" + output());
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.name + " did not start within " + timeout + ":\n" + output());
			}
			Thread.sleep(50);
		}
		return this;
	}

	long pid() {
		return this.process.pid();
	}

	String name() {
		return this.name;
	}

	/**
	 * Kills the process at once ({@code SIGKILL}): no shutdown hook runs.
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

	/**
	 * Stops the process gracefully ({@code SIGTERM}) and waits for it to exit.
	 * @param timeout the longest to wait
	 * @return the exit code
	 */
	int terminate(Duration timeout) throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException(this.name + " did not stop within " + timeout);
		}
		return this.process.exitValue();
	}

	String output() throws IOException {
		return Files.readString(this.log);
	}

	@Override
	public void close() throws Exception {
		if (this.process.isAlive()) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		File file = this.log.toFile();
		file.delete();
	}

}
