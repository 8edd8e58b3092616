package dev.mcpspring.internal.oauth;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.mcpspring.McpPrompt;
import dev.mcpspring.McpResource;
import dev.mcpspring.McpScope;
import dev.mcpspring.McpTool;
import dev.mcpspring.internal.method.AnnotatedMethodRegistrar;
import dev.mcpspring.internal.method.McpListFilter;
import dev.mcpspring.internal.resource.UriTemplate;
import dev.mcpspring.internal.web.McpRequestAuthorizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scopes that {@link McpScope} declares for tools, prompts and resources, collected
 * by its registrars, and the check of each {@code tools/call}, {@code prompts/get} and
 * {@code resources/read} against the scopes of the caller's token (its {@code SCOPE_}
 * authorities): a token lacking one is refused with an {@code insufficient_scope}
 * challenge naming all the scopes the request needs.
 */
public class McpScopes implements McpRequestAuthorizer {

	private static final String SCOPE_PREFIX = "SCOPE_";

	private final Map<String, List<String>> tools = new ConcurrentHashMap<>();

	private final Map<String, List<String>> prompts = new ConcurrentHashMap<>();

	private final Map<String, List<String>> resources = new ConcurrentHashMap<>();

	private final Map<String, List<String>> resourceTemplates = new ConcurrentHashMap<>();

	private final Map<UriTemplate, List<String>> parsedTemplates = new ConcurrentHashMap<>();

	private final McpResourceUrls urls;

	/**
	 * Creates the scopes.
	 * @param urls the endpoint's URLs, for the challenge's {@code resource_metadata}
	 */
	public McpScopes(McpResourceUrls urls) {
		this.urls = urls;
	}

	/**
	 * Returns the registrar that collects the scopes of tools.
	 * @return the registrar
	 */
	public AnnotatedMethodRegistrar<McpTool> toolRegistrar() {
		return new ScopeRegistrar<>(McpTool.class,
				(method, tool) -> this.tools.put(tool.name().isEmpty() ? method.getName() : tool.name(),
						scopes(method)));
	}

	/**
	 * Returns the registrar that collects the scopes of prompts.
	 * @return the registrar
	 */
	public AnnotatedMethodRegistrar<McpPrompt> promptRegistrar() {
		return new ScopeRegistrar<>(McpPrompt.class,
				(method, prompt) -> this.prompts.put(prompt.name().isEmpty() ? method.getName() : prompt.name(),
						scopes(method)));
	}

	/**
	 * Returns the registrar that collects the scopes of resources and resource templates.
	 * @return the registrar
	 */
	public AnnotatedMethodRegistrar<McpResource> resourceRegistrar() {
		return new ScopeRegistrar<>(McpResource.class, (method, resource) -> {
			if (UriTemplate.isTemplate(resource.uri())) {
				this.resourceTemplates.put(resource.uri(), scopes(method));
				this.parsedTemplates.put(UriTemplate.parse(resource.uri()), scopes(method));
			}
			else {
				this.resources.put(resource.uri(), scopes(method));
			}
		});
	}

	/**
	 * Returns every declared scope.
	 * @return the scopes, in a stable order
	 */
	public Set<String> declared() {
		Set<String> all = new TreeSet<>();
		List<Collection<List<String>>> groups = List.of(this.tools.values(), this.prompts.values(),
				this.resources.values(), this.resourceTemplates.values());
		groups.forEach((group) -> group.forEach(all::addAll));
		return all;
	}

	/**
	 * Returns the list filter that leaves out what the caller's token may not use.
	 * @return the filter
	 */
	public McpListFilter listFilter() {
		return (kind, key) -> {
			Map<String, List<String>> declared = switch (kind) {
				case TOOL -> this.tools;
				case PROMPT -> this.prompts;
				case RESOURCE -> this.resources;
				case RESOURCE_TEMPLATE -> this.resourceTemplates;
			};
			List<String> required = declared.getOrDefault(key, List.of());
			return required.isEmpty() || granted().containsAll(required);
		};
	}

	@Override
	public @Nullable Refusal check(String method, ObjectNode params, HttpServletRequest request) {
		List<String> required = required(method, params);
		if (required.isEmpty()) {
			return null;
		}
		Set<String> granted = granted();
		List<String> missing = required.stream().filter((scope) -> !granted.contains(scope)).toList();
		if (missing.isEmpty()) {
			return null;
		}
		String description = "The request needs the scope" + ((missing.size() > 1) ? "s " : " ")
				+ String.join(" ", missing);
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("error", "insufficient_scope");
		parameters.put("error_description", description);
		parameters.put("scope", String.join(" ", required));
		parameters.put("resource_metadata", this.urls.metadataUrl(request));
		return new Refusal(BearerChallenge.of(parameters), "Forbidden: insufficient_scope: " + description);
	}

	private List<String> required(String method, ObjectNode params) {
		return switch (method) {
			case "tools/call" -> byName(this.tools, params.get("name"));
			case "prompts/get" -> byName(this.prompts, params.get("name"));
			case "resources/read" -> resource(params.get("uri"));
			default -> List.of();
		};
	}

	private static List<String> byName(Map<String, List<String>> scopes, @Nullable JsonNode name) {
		return (name != null && name.isString()) ? scopes.getOrDefault(name.stringValue(), List.of()) : List.of();
	}

	private List<String> resource(@Nullable JsonNode uri) {
		if (uri == null || !uri.isString()) {
			return List.of();
		}
		List<String> exact = this.resources.get(uri.stringValue());
		if (exact != null) {
			return exact;
		}
		Set<String> scopes = new LinkedHashSet<>();
		this.parsedTemplates.forEach((template, declared) -> {
			if (template.match(uri.stringValue()) != null) {
				scopes.addAll(declared);
			}
		});
		return new ArrayList<>(scopes);
	}

	private static Set<String> granted() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Set<String> scopes = new LinkedHashSet<>();
		if (authentication != null && authentication.isAuthenticated()) {
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				String name = authority.getAuthority();
				if (name != null && name.startsWith(SCOPE_PREFIX)) {
					scopes.add(name.substring(SCOPE_PREFIX.length()));
				}
			}
		}
		return scopes;
	}

	private static List<String> scopes(Method method) {
		McpScope scope = AnnotatedElementUtils.findMergedAnnotation(method, McpScope.class);
		if (scope == null) {
			scope = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), McpScope.class);
		}
		return (scope != null) ? List.of(scope.value()) : List.of();
	}

	/**
	 * Records the scopes of the methods carrying one annotation.
	 */
	private static final class ScopeRegistrar<A extends Annotation> implements AnnotatedMethodRegistrar<A> {

		private final Class<A> annotationType;

		private final BiConsumer<Method, A> record;

		ScopeRegistrar(Class<A> annotationType, BiConsumer<Method, A> record) {
			this.annotationType = annotationType;
			this.record = record;
		}

		@Override
		public Class<A> annotationType() {
			return this.annotationType;
		}

		@Override
		public void register(Object bean, Method method, A annotation) {
			this.record.accept(method, annotation);
		}

	}

}
