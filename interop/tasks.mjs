// Tasks interoperability check with the MCP TypeScript SDK client against the sample app:
// runs tools as tasks with client.experimental.tasks (callToolStream, getTask,
// getTaskResult, listTasks, cancelTask) and prints what it saw. Exits non-zero on any
// mismatch.
//
// Usage: node tasks.mjs [url]   (default http://localhost:8080/api/mcp)

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';

const url = process.argv[2] ?? 'http://localhost:8080/api/mcp';
const failures = [];

function check(condition, message) {
	if (!condition) {
		failures.push(message);
		console.log(`  MISMATCH: ${message}`);
	}
}

async function stream(tasks, name, args, options) {
	const seen = [];
	let taskId;
	let result;
	let error;
	for await (const message of tasks.callToolStream({ name, arguments: args }, CallToolResultSchema, options)) {
		if (message.type === 'taskCreated') {
			taskId = message.task.taskId;
			seen.push(`created(ttl=${message.task.ttl}, pollInterval=${message.task.pollInterval})`);
		}
		else if (message.type === 'taskStatus') {
			seen.push(message.task.status);
		}
		else if (message.type === 'result') {
			result = message.result;
			seen.push('result');
		}
		else if (message.type === 'error') {
			error = message.error;
			seen.push(`error(${message.error.message})`);
		}
	}
	console.log(`${name} as a task: ${seen.join(' -> ')}`);
	return { taskId, result, error };
}

const client = new Client({ name: 'interop-tasks', version: '1.0.0' }, { defaultTaskPollInterval: 200 });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
const tasks = client.experimental.tasks;
console.log(`connected to ${url}: tasks capability ${JSON.stringify(client.getServerCapabilities()?.tasks)}`);

try {
	const { tools } = await client.listTools();
	const support = Object.fromEntries(tools.map((tool) => [tool.name, tool.execution?.taskSupport]));
	console.log(`taskSupport: ${JSON.stringify(support)}`);
	check(support.long_job === 'required', 'long_job is not task-required');
	check(support.slow_count === 'optional', 'slow_count is not task-optional');
	check(support.echo === 'forbidden', 'echo is not task-forbidden');

	const longJob = await stream(tasks, 'long_job', { seconds: 0.5 }, { task: { ttl: 60000 } });
	console.log(`long_job result: ${JSON.stringify(longJob.result)}`);
	check(longJob.result?.structuredContent?.done === true, 'long_job did not return {"done": true}');
	check(longJob.result?._meta?.['io.modelcontextprotocol/related-task']?.taskId === longJob.taskId,
		'long_job result lacks the related-task _meta');

	const counted = await stream(tasks, 'slow_count', { count: 3, delay_ms: 50 }, { task: {} });
	console.log(`slow_count result: ${JSON.stringify(counted.result?.content)}`);
	check(counted.result?.content?.[0]?.text === 'counted 3', 'slow_count as a task did not return "counted 3"');

	const failed = await stream(tasks, 'fail_job', {}, { task: {} });
	check(failed.error !== undefined, 'fail_job as a task did not end in an error');
	const failedTask = await tasks.getTask(failed.taskId);
	console.log(`fail_job task: ${failedTask.status} (${failedTask.statusMessage})`);
	check(failedTask.status === 'failed', `fail_job task status is ${failedTask.status}`);
	const failedResult = await tasks.getTaskResult(failed.taskId, CallToolResultSchema);
	console.log(`fail_job result: ${JSON.stringify(failedResult.content)} isError=${failedResult.isError}`);
	check(failedResult.isError === true, 'fail_job result is not isError');

	const longRunning = tasks.callToolStream({ name: 'long_job', arguments: { seconds: 30 } }, CallToolResultSchema,
		{ task: { ttl: 60000 } });
	const created = (await longRunning.next()).value;
	const cancelled = await tasks.cancelTask(created.task.taskId);
	console.log(`cancelTask: ${cancelled.status} (${cancelled.statusMessage})`);
	check(cancelled.status === 'cancelled', `cancelled task status is ${cancelled.status}`);
	const afterCancel = await tasks.getTask(created.task.taskId);
	check(afterCancel.status === 'cancelled', `task status after cancel is ${afterCancel.status}`);
	await longRunning.return();

	try {
		await tasks.cancelTask(created.task.taskId);
		check(false, 'cancelling a cancelled task did not fail');
	}
	catch (error) {
		console.log(`cancelTask again: error ${error.code} (${error.message})`);
		check(error.code === -32602, `cancelling a terminal task gave code ${error.code}`);
	}

	const listed = await tasks.listTasks();
	const ids = listed.tasks.map((task) => task.taskId);
	console.log(`listTasks: ${listed.tasks.map((task) => `${task.taskId.slice(0, 8)}:${task.status}`).join(', ')}`);
	for (const id of [longJob.taskId, counted.taskId, failed.taskId, created.task.taskId]) {
		check(ids.includes(id), `listTasks misses task ${id}`);
	}

	try {
		await tasks.getTask('0000000000000000');
		check(false, 'getTask of an unknown id did not fail');
	}
	catch (error) {
		console.log(`getTask unknown: error ${error.code}`);
		check(error.code === -32602, `getTask of an unknown id gave code ${error.code}`);
	}
}
finally {
	await client.close();
}

if (failures.length > 0) {
	console.log(`FAILED: ${failures.length} mismatch(es)`);
	process.exit(1);
}
console.log('OK: all checks passed');
