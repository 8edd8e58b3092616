package dev.mcpspring.mounted;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.mcpspring.McpContext;
import dev.mcpspring.McpTool;
import dev.mcpspring.tasks.DocketTask;
import dev.mcpspring.tasks.TaskInfo;
import dev.mcpspring.tasks.TaskSpec;

/**
 * An existing Spring MVC application, written without MCP in mind: its own REST
 * controller, its own {@link HandlerInterceptor} on every path, its own servlet filter
 * and security. The starter is mounted inside it; nothing here sets up an MCP context.
 */
@SpringBootApplication
public class ShopApplication {

	/** Requests the application's interceptor saw, by path. */
	static final Map<String, AtomicInteger> AUDITED = new ConcurrentHashMap<>();

	/** What background restocks ran, by item. */
	static final Map<String, String> RESTOCKED = new ConcurrentHashMap<>();

	@RestController
	static class OrderController {

		@GetMapping("/orders")
		List<String> orders() {
			return List.of("order-1", "order-2");
		}

	}

	@Component
	static class RequestIdFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.setHeader("X-Request-Id", UUID.randomUUID().toString());
			chain.doFilter(request, response);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WebConfiguration implements WebMvcConfigurer {

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new HandlerInterceptor() {

				@Override
				public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
					AUDITED.computeIfAbsent(request.getRequestURI(), (path) -> new AtomicInteger()).incrementAndGet();
					return true;
				}

			});
		}

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.ignoringRequestMatchers("/ai/mcp"))
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

	/**
	 * The application's tools, added to an existing bean-style component.
	 */
	@Component
	public static class ShopTools {

		@McpTool(name = "restock", description = "Restocks an item", task = McpTool.Task.REQUIRED)
		public Restocked restock(String item, McpContext context) throws InterruptedException {
			context.progress(1, 2.0, "ordering " + item);
			Thread.sleep(50);
			return new Restocked(item, 12, isVirtual());
		}

		@McpTool(name = "restock_later", description = "Schedules a restock in the background")
		public String restockLater(String item) {
			TaskInfo task = McpContext.current()
				.docket()
				.submit(TaskSpec.builder("background_restock").arguments(Map.of("item", item)).build());
			return task.id();
		}

		@McpTool(name = "thread_kind", description = "Tells whether the call runs on a virtual thread")
		public boolean threadKind() {
			return isVirtual();
		}

		@DocketTask("background_restock")
		public void backgroundRestock(String item, McpContext context) {
			RESTOCKED.put(item, "task=" + context.taskId() + " background=" + context.isBackground());
		}

		private static boolean isVirtual() {
			try {
				return (boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread());
			}
			catch (ReflectiveOperationException ex) {
				return false;
			}
		}

	}

	/**
	 * The result of a restock.
	 *
	 * @param item the item
	 * @param quantity how many were ordered
	 * @param virtualThread whether the tool ran on a virtual thread
	 */
	public record Restocked(String item, int quantity, boolean virtualThread) {
	}

}
