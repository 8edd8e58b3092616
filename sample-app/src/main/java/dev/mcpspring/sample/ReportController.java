package dev.mcpspring.sample;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The reporting REST API the application had before it served MCP.
 */
@RestController
@RequestMapping("/reports")
public class ReportController {

	private final ReportRepository reports;

	public ReportController(ReportRepository reports) {
		this.reports = reports;
	}

	@GetMapping
	public List<Report> list(@RequestParam(required = false) Region region) {
		return this.reports.findAll(region);
	}

	@GetMapping("/{id}")
	public Report get(@PathVariable String id) {
		return this.reports.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No report " + id));
	}

}
