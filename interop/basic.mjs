// Basic interoperability check with the MCP TypeScript SDK client against the sample app:
// lists tools, calls echo, slow_count (with progress) and add_report (which elicits the report's
// figures through a server-to-client request). Exits non-zero on any mismatch.
//
// Usage: node basic.mjs [url]   (default http://localhost:8080/api/mcp)

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema, ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const url = process.argv[2] ?? 'http://localhost:8080/api/mcp';
const failures = [];

function check(condition, message) {
	if (!condition) {
		failures.push(message);
		console.log(`  MISMATCH: ${message}`);
	}
}

function texts(result) {
	return (result.content ?? []).filter((block) => block.type === 'text').map((block) => block.text);
}

const client = new Client({ name: 'interop-basic', version: '1.0.0' }, { capabilities: { elicitation: {} } });
const elicitations = [];
client.setRequestHandler(ElicitRequestSchema, async (request) => {
	elicitations.push(request.params);
	return { action: 'accept', content: { revenue: 1234.5, orders: 42 } };
});
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
const server = client.getServerVersion();
console.log(`connected to ${url}: ${server?.name} ${server?.version}`);

try {
	const { tools } = await client.listTools();
	const names = tools.map((tool) => tool.name);
	console.log(`tools: ${names.join(', ')}`);
	check(names.includes('echo'), 'tools/list has no echo tool');
	check(names.includes('slow_count'), 'tools/list has no slow_count tool');

	const text = 'hello from the TypeScript SDK';
	const echoed = await client.callTool({ name: 'echo', arguments: { text } });
	console.log(`echo: ${JSON.stringify(texts(echoed))}`);
	check(!echoed.isError, `echo returned isError: ${JSON.stringify(echoed)}`);
	check(texts(echoed).includes(text), `echo did not return "${text}"`);

	const progress = [];
	const counted = await client.callTool(
		{ name: 'slow_count', arguments: { count: 3, delay_ms: 100 } },
		CallToolResultSchema,
		{ onprogress: (update) => progress.push(update) }
	);
	const shown = progress.map((p) => `${p.progress}/${p.total}${p.message ? ` (${p.message})` : ''}`);
	console.log(`slow_count progress: ${shown.join(', ')}`);
	console.log(`slow_count result: ${JSON.stringify(texts(counted))}`);
	check(progress.length === 3, `expected 3 progress notifications, got ${progress.length}`);
	check(
		progress.every((p, i) => p.progress === i + 1 && p.total === 3),
		'progress values are not 1/3, 2/3, 3/3'
	);
	check(!counted.isError, `slow_count returned isError: ${JSON.stringify(counted)}`);
	check(texts(counted).includes('counted 3'), 'slow_count did not return "counted 3"');

	const added = await client.callTool({ name: 'add_report', arguments: { region: 'EAST', month: '2026-08' } });
	console.log(`add_report: ${JSON.stringify(texts(added))} after ${elicitations.length} elicitation(s)`);
	check(elicitations.length === 1, `expected 1 elicitation, got ${elicitations.length}`);
	check(!added.isError && texts(added).some((t) => t.includes('revenue 1234.5, 42 orders')),
		`add_report did not use the elicited figures: ${JSON.stringify(added)}`);
}
finally {
	await client.close();
}

if (failures.length > 0) {
	console.log(`FAILED: ${failures.length} mismatch(es)`);
	process.exit(1);
}
console.log('OK: all checks passed');
