package dev.mcpspring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when this process serves MCP ({@code mcp.server.enabled}, the default) or is a
 * worker-only process ({@code mcp.worker.enabled=true} set explicitly).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnMcpEnabledCondition.class)
public @interface ConditionalOnMcpEnabled {

}
