// Interoperability check of the tasks extension (io.modelcontextprotocol/tasks) with
// @modelcontextprotocol/ext-tasks on the MCP TypeScript SDK v2 client, pinned to 2026-07-28,
// against the sample app: long_job as a task to completion, long_job cancelled mid-run,
// fail_job (task-optional) ending completed with isError, and archive_reports, whose
// elicitation puts the task in input_required until the answer comes with tasks/update.
// Prints what it saw and exits non-zero on any mismatch.
//
// Every tools/call goes to the first URL; every tasks/get, tasks/update and tasks/cancel to
// the second (default: the first), so two instances on one Redis docket can be checked.
//
// Usage: node ext-tasks.mjs [url] [task-url]   (default http://localhost:8080/api/mcp)

import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { createTaskSessionFromClient } from '@modelcontextprotocol/ext-tasks/client';

const createUrl = process.argv[2] ?? 'http://localhost:8080/api/mcp';
const taskUrl = process.argv[3] ?? createUrl;
const MODERN = '2026-07-28';
const EXTENSION = 'io.modelcontextprotocol/tasks';
const TIMEOUT_MS = 30_000;
const clientInfo = { name: 'interop-ext-tasks', version: '1.0.0' };
const clientCapabilities = { elicitation: { form: {} } };
const failures = [];

function check(condition, message) {
	if (!condition) {
		failures.push(message);
		console.log(`  MISMATCH: ${message}`);
	}
}

function texts(result) {
	return (result?.content ?? []).filter((block) => block.type === 'text').map((block) => block.text);
}

// ext-tasks sends tools/call and tasks/* of 2026-07-28 through a raw dispatch of the host's:
// here one POST per request, to the URL its method belongs to, with the standard headers.
let nextId = 1;
const sent = new Map();

async function rawDispatch(request, options = {}) {
	const url = request.method === 'tools/call' ? createUrl : taskUrl;
	const name = request.method === 'tools/call' ? request.params?.name : request.params?.taskId;
	const id = nextId++;
	const key = `${request.method} -> ${new URL(url).host}`;
	sent.set(key, (sent.get(key) ?? 0) + 1);
	const response = await fetch(url, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			Accept: 'application/json, text/event-stream',
			'MCP-Protocol-Version': MODERN,
			'Mcp-Method': request.method,
			...(name === undefined ? {} : { 'Mcp-Name': name }),
			...options.context?.headers
		},
		body: JSON.stringify({ jsonrpc: '2.0', id, ...request }),
		signal: options.signal
	});
	const message = await responseMessage(response, id);
	return message.error !== undefined
		? { kind: 'error', error: message.error }
		: { kind: 'result', result: message.result };
}

// The JSON-RPC response with that id: the body, or the last event of a request-scoped SSE stream.
async function responseMessage(response, id) {
	const body = await response.text();
	const messages = (response.headers.get('content-type') ?? '').startsWith('text/event-stream')
		? body.split(/\r?\n\r?\n/)
			.map((event) => event.split(/\r?\n/).filter((line) => line.startsWith('data:'))
				.map((line) => line.slice(5).trimStart()).join('\n'))
			.filter((data) => data.length > 0)
			.map((data) => JSON.parse(data))
		: [JSON.parse(body)];
	const message = messages.find((candidate) => candidate.id === id
		&& (candidate.result !== undefined || candidate.error !== undefined));
	if (message === undefined) {
		throw new Error(`no response to request ${id} (HTTP ${response.status}): ${body.slice(0, 200)}`);
	}
	return message;
}

function within(promise, what) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took over ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Runs a tool through the session and waits for its outcome, recording the statuses seen.
async function run(session, name, args) {
	const statuses = [];
	const execution = await session.callTool(name, args);
	if (execution.kind !== 'task') {
		const { outcome } = await execution.settle();
		return { kind: execution.kind, statuses, outcome };
	}
	check(execution.serializeReference().generation === 'v2', `${name} was not a task of the extension`);
	statuses.push('created');
	const { outcome } = await within(execution.settle({
		onEvent: (event) => {
			const status = event.type === 'task' ? event.task.status : `outcome ${event.outcome.status}`;
			if (statuses.at(-1) !== status) {
				statuses.push(status);
			}
		}
	}), `${name} as a task`);
	console.log(`${name} as a task ${execution.handle.taskId}: ${statuses.join(' -> ')}`);
	return { kind: execution.kind, taskId: execution.handle.taskId, statuses, outcome };
}

const client = new Client(clientInfo, {
	capabilities: clientCapabilities,
	versionNegotiation: { mode: { pin: MODERN } }
});
await client.connect(new StreamableHTTPClientTransport(new URL(createUrl)));
const server = client.getServerVersion();
console.log(`connected to ${createUrl}: ${server?.name} ${server?.version}, protocol `
	+ `${client.getNegotiatedProtocolVersion()}; tasks/* go to ${taskUrl}`);
const extension = client.getServerCapabilities()?.extensions?.[EXTENSION];
console.log(`server/discover extensions["${EXTENSION}"]: ${JSON.stringify(extension)}`);
check(client.getNegotiatedProtocolVersion() === MODERN,
	`negotiated ${client.getNegotiatedProtocolVersion()}, expected ${MODERN}`);

const inputRequests = [];
const backgroundErrors = [];
const session = createTaskSessionFromClient(client, {
	endpointId: `interop-ext-tasks ${createUrl}`,
	rawDispatch,
	v2RequestFraming: { protocolVersion: MODERN, clientInfo, clientCapabilities },
	onInputRequest: async (request, context) => {
		inputRequests.push({ request, context });
		console.log(`  input ${context.inputId} of task ${context.taskId} (${context.delivery}): `
			+ `${request.kind} "${request.params.message}"`);
		return request.kind === 'elicitation' ? { action: 'accept', content: { confirm: true } } : { roots: [] };
	},
	onError: (error) => {
		backgroundErrors.push(error);
		console.log(`  background error: ${error.message}`);
	}
});

try {
	console.log(`session capabilities: ${JSON.stringify(session.capabilities)}`);
	check(session.capabilities.execution && session.capabilities.cancellation && session.capabilities.inputResponses,
		'the session does not see task execution, cancellation and input responses');

	const done = await run(session, 'long_job', { seconds: 1 });
	console.log(`  result: ${JSON.stringify(done.outcome.result?.structuredContent ?? texts(done.outcome.result))}`);
	check(done.kind === 'task', `long_job did not run as a task (${done.kind})`);
	check(done.outcome.status === 'completed', `long_job ended ${done.outcome.status}, expected completed`);
	check(done.outcome.result?.structuredContent?.done === true && !done.outcome.result?.isError,
		`long_job did not return {done: true}: ${JSON.stringify(done.outcome.result)}`);

	const long = await session.callTool('long_job', { seconds: 30 });
	check(long.kind === 'task', `long_job did not run as a task (${long.kind})`);
	if (long.kind === 'task') {
		const controller = session.task(long.handle.taskId);
		let view = await controller.snapshot();
		const seen = [view.status];
		await new Promise((resolve) => setTimeout(resolve, 500));
		await within(long.cancel(), 'tasks/cancel');
		seen.push('cancel acknowledged');
		const deadline = Date.now() + TIMEOUT_MS;
		while (!['completed', 'failed', 'cancelled'].includes(view.status) && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 100));
			view = await controller.snapshot();
			if (seen.at(-1) !== view.status) {
				seen.push(view.status);
			}
		}
		console.log(`long_job cancelled mid-run, task ${long.handle.taskId}: ${seen.join(' -> ')}`);
		check(seen[0] === 'working', `long_job read ${seen[0]} before the cancel, expected working`);
		check(view.status === 'cancelled', `the cancelled long_job ended ${view.status}, expected cancelled`);
	}

	const failed = await run(session, 'fail_job', {});
	console.log(`  result: ${JSON.stringify(texts(failed.outcome.result))}, isError ${failed.outcome.result?.isError}`);
	check(failed.kind === 'task', `fail_job (task-optional) did not run as a task (${failed.kind})`);
	check(failed.outcome.status === 'completed', `fail_job ended ${failed.outcome.status}, expected completed`);
	check(failed.outcome.result?.isError === true, 'fail_job did not end with isError true');

	const archived = await run(session, 'archive_reports', { region: 'NORTH' });
	console.log(`  result: ${JSON.stringify(texts(archived.outcome.result))} after ${inputRequests.length} input request(s)`);
	check(archived.kind === 'task', `archive_reports did not run as a task (${archived.kind})`);
	check(archived.statuses.includes('input_required'), 'archive_reports never read input_required');
	check(inputRequests.length === 1 && inputRequests[0].request.kind === 'elicitation'
		&& inputRequests[0].context.delivery === 'task-update' && inputRequests[0].context.taskId === archived.taskId,
	`expected 1 elicitation of the archive_reports task answered by tasks/update, got ${inputRequests.length}`);
	check(archived.outcome.status === 'completed', `archive_reports ended ${archived.outcome.status}, expected completed`);
	check(!archived.outcome.result?.isError && texts(archived.outcome.result).some((t) => t.includes('confirmed')),
		`archive_reports did not use the confirmation: ${JSON.stringify(archived.outcome.result)}`);
	check(backgroundErrors.length === 0, `${backgroundErrors.length} background error(s) in the session`);
}
catch (error) {
	failures.push(error.message);
	console.log(`  MISMATCH: ${error.stack ?? error}`);
}
finally {
	await session.close();
	await client.close();
}

console.log(`requests: ${[...sent].map(([key, count]) => `${key} x${count}`).join(', ')}`);
check([...sent.keys()].some((key) => key.startsWith('tasks/update')), 'no tasks/update was sent');

if (failures.length > 0) {
	console.log(`FAILED: ${failures.length} mismatch(es)`);
	process.exit(1);
}
console.log('OK: all checks passed');
