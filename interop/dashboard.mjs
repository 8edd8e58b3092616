// Browser check of the task dashboard with headless Chromium (Debian's chromium, driven by
// playwright-core): against sample-app, the page lists a running task started over MCP, its
// progress moves without a reload, its cancel button cancels it (checked with MCP tasks/get),
// a failed task is retried from the page, and a hostile error message shows as text; against
// the secured test application, a user without ROLE_MCP_ADMIN is refused and an admin is not.
// Saves a screenshot of the page.
//
// Usage: node dashboard.mjs <sample-app base, e.g. http://localhost:8080/api> <secured base> [screenshot.png]

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { chromium } from 'playwright-core';

const [base, secured, screenshot] = process.argv.slice(2);
if (!base || !secured) {
	console.error('usage: node dashboard.mjs <sample-app base> <secured base> [screenshot.png]');
	process.exit(2);
}
const failures = [];

function check(condition, message) {
	console.log(`  ${condition ? 'ok' : 'MISMATCH'}: ${message}`);
	if (!condition) {
		failures.push(message);
	}
}

async function eventually(what, probe, timeout = 20000) {
	const deadline = Date.now() + timeout;
	for (;;) {
		const value = await probe();
		if (value) {
			return value;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out waiting for ${what}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function startTask(tasks, name, args) {
	const stream = tasks.callToolStream({ name, arguments: args }, CallToolResultSchema, { task: { ttl: 300000 } });
	const created = (await stream.next()).value;
	return { taskId: created.task.taskId, stream };
}

function basic(user) {
	return `Basic ${Buffer.from(`${user}:secret`).toString('base64')}`;
}

// A status message with markup, from a task of the secured application, shows as text.
async function checkHostileMessage(page, authorization) {
	const dialogs = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		dialog.dismiss();
	});
	const hostile = new Client({ name: 'interop-dashboard-hostile', version: '1.0.0' });
	await hostile.connect(new StreamableHTTPClientTransport(new URL(`${secured}/mcp`),
		{ requestInit: { headers: { Authorization: authorization } } }));
	try {
		const task = await startTask(hostile.experimental.tasks, 'hostile_progress', {});
		const row = page.locator(`tr[data-task-id="${task.taskId}"]`);
		await row.locator('.state.RUNNING').waitFor({ timeout: 20000 });
		await page.waitForFunction((id) => document.querySelector(`tr[data-task-id="${id}"] td.message`)?.textContent,
			task.taskId, { timeout: 10000 });
		const message = await row.locator('td.message').textContent();
		check(message === '<img src=x onerror=alert(1)><script>alert(2)</script>',
			`a status message with markup shows as text: ${message}`);
		check(await row.locator('img, script').count() === 0, 'it made no element');
		check(dialogs.length === 0, 'it ran no script');
		await hostile.experimental.tasks.cancelTask(task.taskId);
		await task.stream.return();
	}
	finally {
		await hostile.close().catch(() => {});
	}
}

const userDataDir = mkdtempSync(join(tmpdir(), 'mcp-dashboard-chromium-'));
// A fresh profile: playwright passes it to Chromium as --user-data-dir.
const context = await chromium.launchPersistentContext(userDataDir, {
	executablePath: '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	viewport: { width: 1400, height: 1000 },
});
const client = new Client({ name: 'interop-dashboard', version: '1.0.0' }, { defaultTaskPollInterval: 200 });
try {
	await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
	const tasks = client.experimental.tasks;
	const page = await context.newPage();
	const pageErrors = [];
	page.on('pageerror', (error) => pageErrors.push(error.message));
	page.on('response', (answer) => answer.status() >= 400 && pageErrors.push(`${answer.status()} ${answer.url()}`));

	const running = await startTask(tasks, 'long_job', { seconds: 120 });
	console.log(`long_job task ${running.taskId}`);
	const response = await page.goto(`${base}/mcp-dashboard`);
	check(response.status() === 200, `the dashboard answers ${response.status()}`);
	check(/script-src 'self'/.test(response.headers()['content-security-policy'] ?? ''), 'the page has a Content-Security-Policy');
	const row = page.locator(`tr[data-task-id="${running.taskId}"]`);
	await row.locator('.state.RUNNING').waitFor({ timeout: 20000 });
	check(true, 'the page lists the running task');
	const progress = row.locator('.progress-value');
	const before = Number((await progress.textContent()).trim().split(' ')[0]);
	await page.waitForFunction(([id, value]) => {
		const cell = document.querySelector(`tr[data-task-id="${id}"] .progress-value`);
		return cell && Number(cell.textContent.trim().split(' ')[0]) > value;
	}, [running.taskId, before], { timeout: 10000 });
	const after = Number((await progress.textContent()).trim().split(' ')[0]);
	check(after > before, `its progress moves without a reload (${before} -> ${after})`);

	const flaky = await startTask(tasks, 'flaky_job', { key: `dashboard-${Date.now()}` });
	for await (const message of flaky.stream) {
		if (message.type === 'result' || message.type === 'error') {
			break;
		}
	}
	const failed = await tasks.getTask(flaky.taskId);
	check(failed.status === 'failed', `flaky_job task ${flaky.taskId} failed (${failed.status})`);
	const flakyRow = page.locator(`tr[data-task-id="${flaky.taskId}"]`);
	await flakyRow.locator('.state.FAILED').waitFor({ timeout: 20000 });

	const other = await startTask(tasks, 'long_job', { seconds: 120 });
	await page.locator(`tr[data-task-id="${other.taskId}"] .state.RUNNING`).waitFor({ timeout: 20000 });
	await page.waitForTimeout(3500);
	if (screenshot) {
		await page.screenshot({ path: screenshot, fullPage: true });
		console.log(`screenshot: ${screenshot}`);
	}

	await row.locator('button[data-action="cancel"]').click();
	const cancelled = await eventually('the cancelled status over MCP', async () => {
		const task = await tasks.getTask(running.taskId);
		return task.status === 'cancelled' ? task : null;
	});
	check(cancelled.status === 'cancelled', `the cancel button cancelled the task (tasks/get: ${cancelled.status}, "${cancelled.statusMessage}")`);
	await row.locator('.state.CANCELLED').waitFor({ timeout: 10000 });

	await flakyRow.locator('button[data-action="retry"]').click();
	const retried = await eventually('the retried task to complete', async () => {
		const task = await tasks.getTask(flaky.taskId);
		return task.status === 'completed' ? task : null;
	});
	check(retried.status === 'completed', `the retry button ran the failed task again (tasks/get: ${retried.status})`);
	await flakyRow.locator('.state.COMPLETED').waitFor({ timeout: 10000 });
	await tasks.cancelTask(other.taskId);
	await running.stream.return();
	await other.stream.return();
	check(pageErrors.length === 0, `no script errors on the page${pageErrors.length ? ': ' + pageErrors.join('; ') : ''}`);
	await page.close();

	for (const [user, expected] of [['user', 403], ['admin', 200]]) {
		const securedPage = await context.newPage();
		await securedPage.setExtraHTTPHeaders({ Authorization: basic(user) });
		const answer = await securedPage.goto(`${secured}/mcp-dashboard`);
		check(answer.status() === expected, `the secured application answers ${user} with ${answer.status()} (expected ${expected})`);
		if (expected === 200) {
			await securedPage.locator('#connection.live').waitFor({ timeout: 10000 });
			check(true, 'the admin sees the live page');
			await checkHostileMessage(securedPage, basic('admin'));
		}
		await securedPage.close();
	}
}
catch (error) {
	failures.push(error.message);
	console.log(`  FAILED: ${error.stack}`);
}
finally {
	await client.close().catch(() => {});
	await context.close();
	rmSync(userDataDir, { recursive: true, force: true });
}

if (failures.length > 0) {
	console.log(`dashboard: ${failures.length} mismatch(es)`);
	process.exit(1);
}
console.log('dashboard: all checks passed');
