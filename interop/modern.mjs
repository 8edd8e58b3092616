// Interoperability check with the MCP TypeScript SDK v2 client (@modelcontextprotocol/client)
// against the sample app, negotiating MCP 2026-07-28: lists tools, calls echo and slow_count
// (with progress), reads a resource, gets a prompt, completes an argument, and calls add_report,
// whose elicitation reaches the client as an input-required round. Exits non-zero on any mismatch.
//
// Usage: node modern.mjs [url] [pin|auto]   (default http://localhost:8080/api/mcp, pin)

import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const url = process.argv[2] ?? 'http://localhost:8080/api/mcp';
const mode = process.argv[3] ?? 'pin';
const MODERN = '2026-07-28';
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

const client = new Client(
	{ name: `interop-modern-${mode}`, version: '1.0.0' },
	{
		capabilities: { elicitation: { form: {} } },
		versionNegotiation: { mode: mode === 'auto' ? 'auto' : { pin: MODERN } }
	}
);
const elicitations = [];
client.setRequestHandler('elicitation/create', async (request) => {
	elicitations.push(request.params);
	return { action: 'accept', content: { revenue: 4321.5, orders: 77 } };
});
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
const server = client.getServerVersion();
console.log(`connected to ${url} (${mode}): ${server?.name} ${server?.version}, `
	+ `protocol ${client.getNegotiatedProtocolVersion()}`);

try {
	check(client.getNegotiatedProtocolVersion() === MODERN,
		`negotiated ${client.getNegotiatedProtocolVersion()}, expected ${MODERN}`);

	const { tools } = await client.listTools();
	const names = tools.map((tool) => tool.name);
	console.log(`tools: ${names.join(', ')}`);
	for (const name of ['echo', 'slow_count', 'add_report']) {
		check(names.includes(name), `tools/list has no ${name} tool`);
	}

	const text = 'hello from the TypeScript SDK v2';
	const echoed = await client.callTool({ name: 'echo', arguments: { text } });
	console.log(`echo: ${JSON.stringify(texts(echoed))}`);
	check(!echoed.isError && texts(echoed).includes(text), `echo did not return "${text}": ${JSON.stringify(echoed)}`);

	const progress = [];
	const counted = await client.callTool(
		{ name: 'slow_count', arguments: { count: 3, delay_ms: 100 } },
		{ onprogress: (update) => progress.push(update) }
	);
	console.log(`slow_count progress: ${progress.map((p) => `${p.progress}/${p.total}`).join(', ')}; `
		+ `result ${JSON.stringify(texts(counted))}`);
	check(progress.length === 3 && progress.every((p, i) => p.progress === i + 1 && p.total === 3),
		'progress values are not 1/3, 2/3, 3/3');
	check(texts(counted).includes('counted 3'), 'slow_count did not return "counted 3"');

	const read = await client.readResource({ uri: 'reports://r-1' });
	const body = read.contents?.[0]?.text ?? '';
	console.log(`reports://r-1: ${body.slice(0, 80)}`);
	check(body.includes('"r-1"'), 'reports://r-1 does not hold report r-1');

	const prompt = await client.getPrompt({ name: 'summarize_region_revenue', arguments: { region: 'NORTH' } });
	const promptText = prompt.messages?.[0]?.content?.text ?? '';
	console.log(`summarize_region_revenue: ${promptText.slice(0, 60)}...`);
	check(promptText.includes('NORTH'), 'the prompt does not name the region');

	const completed = await client.complete({
		ref: { type: 'ref/resource', uri: 'reports://{id}' },
		argument: { name: 'id', value: 'r-1' }
	});
	console.log(`completion of reports://{id} id=r-1: ${JSON.stringify(completed.completion.values)}`);
	check(completed.completion.values.length > 0 && completed.completion.values.every((v) => v.startsWith('r-1')),
		'the completion of a report id does not start with r-1');

	const added = await client.callTool({ name: 'add_report', arguments: { region: 'WEST', month: '2026-07' } });
	console.log(`add_report: ${JSON.stringify(texts(added))} after ${elicitations.length} elicitation(s)`);
	check(elicitations.length === 1, `expected 1 elicitation, got ${elicitations.length}`);
	check(!added.isError && texts(added).some((t) => t.includes('revenue 4321.5, 77 orders')),
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
