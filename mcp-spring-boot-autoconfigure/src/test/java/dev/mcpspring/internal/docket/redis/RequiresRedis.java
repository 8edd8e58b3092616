package dev.mcpspring.internal.docket.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the Redis server on {@code 127.0.0.1:6379}. Without one the
 * tests are skipped locally, and fail when the environment variable {@code CI} is set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RedisServerCondition.class)
public @interface RequiresRedis {

}
