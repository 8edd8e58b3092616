package dev.mcpspring.dashboard;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.mcpspring.internal.docket.redis.RedisTestSupport;
import dev.mcpspring.internal.docket.redis.RequiresRedis;
import dev.mcpspring.scaleout.ScaleOutNodes;
import dev.mcpspring.tasks.Docket;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskSpec;
import dev.mcpspring.tasks.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard of one instance with the docket in Redis: it lists the tasks another
 * instance submitted and its worker ran, and its actions reach them.
 */
@RequiresRedis
class DashboardAcrossInstancesTests {

	private static final String NAME = RedisTestSupport.uniqueName("dashboard");

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final ScaleOutNodes nodes = new ScaleOutNodes(NAME);

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startInstances() {
		a = nodes.start("mcp.worker.enabled=false", "mcp.dashboard.enabled=true");
		b = nodes.start("mcp.dashboard.enabled=true");
	}

	@AfterAll
	static void stopInstances() {
		nodes.close();
	}

	@Test
	void tasksOfAnotherInstanceAreListedCancelledAndRetried() throws Exception {
		DashboardHttp http = new DashboardHttp("http://127.0.0.1:" + ScaleOutNodes.port(a));
		String token = http.token();
		Docket docket = b.getBean(Docket.class);
		TaskInfo later = docket
			.submit(TaskSpec.builder("no_such_function").runAt(Instant.now().plus(Duration.ofMinutes(10))).build());
		TaskInfo failing = docket.submit(TaskSpec.builder("no_such_function").build());
		await().atMost(WAIT).until(() -> http.get("/mcp-dashboard/api/tasks?state=failed").body().contains(failing.id()));
		assertThat(http.get("/mcp-dashboard/api/tasks?state=queued").body()).contains(later.id());

		assertThat(http.action("/mcp-dashboard/api/tasks/" + later.id() + "/cancel", token).statusCode())
			.isEqualTo(200);
		assertThat(docket.get(later.id()).map(TaskInfo::status)).contains(TaskStatus.CANCELLED);

		assertThat(http.action("/mcp-dashboard/api/tasks/" + failing.id() + "/retry", token).statusCode())
			.isEqualTo(200);
		await().atMost(WAIT)
			.until(() -> docket.get(failing.id())
				.filter((task) -> task.status() == TaskStatus.FAILED && task.attempts() == 2)
				.isPresent());
	}

}
