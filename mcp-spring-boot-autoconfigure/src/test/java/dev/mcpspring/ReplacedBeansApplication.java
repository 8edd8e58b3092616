package dev.mcpspring;

import java.time.Duration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import dev.mcpspring.internal.docket.InMemoryDocket;
import dev.mcpspring.internal.docket.TaskFunctionRegistry;
import dev.mcpspring.internal.docket.Worker;
import dev.mcpspring.internal.docket.WorkerObserver;
import dev.mcpspring.internal.wire.McpJson;
import dev.mcpspring.tasks.Docket;

/**
 * An application that brings its own docket and worker beans; auto-configuration backs
 * off, and every request and task must see these beans.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ReplacedBeansApplication {

	/** The name of the thread that created the beans at startup. */
	static volatile String startupThread;

	@Bean
	Docket userDocket() {
		startupThread = Thread.currentThread().getName();
		return new UserDocket();
	}

	@Bean
	Worker userWorker(Docket userDocket, TaskFunctionRegistry functions) {
		return new Worker("user-worker", userDocket, functions,
				new Worker.Settings(2, Duration.ofMinutes(1), Duration.ofSeconds(5), false), WorkerObserver.NONE);
	}

	@Bean
	SecurityFilterChain openSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	BeanProbe beanProbe() {
		return new BeanProbe();
	}

	/**
	 * The application's docket: an in-memory docket of its own class.
	 */
	static class UserDocket extends InMemoryDocket {

		UserDocket() {
			super(McpJson.mapper(), Duration.ofMinutes(5), Duration.ofMinutes(1), 100);
		}

	}

	/**
	 * Reports which docket and worker the context of the call holds.
	 */
	static class BeanProbe {

		@McpTool(name = "which_beans", description = "Reports the beans in the context", task = McpTool.Task.OPTIONAL)
		public BeansSeen whichBeans(McpContext context) {
			McpContext current = McpContext.current();
			return new BeansSeen(current.docket().getClass().getSimpleName(),
					current.worker().map(Worker::id).orElse(null), Thread.currentThread().getName(), startupThread,
					current.isBackground());
		}

	}

	/**
	 * What a call saw.
	 *
	 * @param docket the docket's class
	 * @param worker the worker's id
	 * @param thread the thread that ran the call
	 * @param startupThread the thread that created the beans
	 * @param background whether the call ran as a task
	 */
	public record BeansSeen(String docket, String worker, String thread, String startupThread, boolean background) {
	}

}
