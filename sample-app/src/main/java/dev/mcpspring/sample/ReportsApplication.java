package dev.mcpspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small reporting service: a REST API under {@code /api}, and the same domain served to
 * AI agents over MCP at {@code /api/mcp}.
 */
@SpringBootApplication
public class ReportsApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReportsApplication.class, args);
	}

}
