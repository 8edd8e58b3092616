'use strict';
(function () {
	const meta = (name) => document.querySelector('meta[name="' + name + '"]').getAttribute('content');
	const base = meta('mcp-dashboard-base');
	const token = meta('mcp-dashboard-token');
	const csrfHeader = meta('mcp-dashboard-csrf-header');
	const csrfToken = meta('mcp-dashboard-csrf-token');
	const STATES = ['QUEUED', 'RUNNING', 'INPUT_REQUIRED', 'COMPLETED', 'FAILED', 'CANCELLED'];
	const LABELS = { QUEUED: 'queued', RUNNING: 'running', INPUT_REQUIRED: 'waiting for input', COMPLETED: 'completed', FAILED: 'failed', CANCELLED: 'cancelled' };
	const SVG = 'http://www.w3.org/2000/svg';
	const $ = (id) => document.getElementById(id);
	let source = null;
	let last = null;
	let found = null;

	function el(tag, text, className) {
		const node = document.createElement(tag);
		if (text !== undefined && text !== null) {
			node.textContent = String(text);
		}
		if (className) {
			node.className = className;
		}
		return node;
	}

	function time(value) {
		return value ? new Date(value).toLocaleTimeString() : '';
	}

	function connect() {
		if (source) {
			source.close();
		}
		const state = $('state').value;
		source = new EventSource(base + '/api/events' + (state ? '?state=' + encodeURIComponent(state) : ''));
		source.addEventListener('snapshot', (event) => {
			$('connection').textContent = 'live';
			$('connection').className = 'connection live';
			last = JSON.parse(event.data);
			render();
		});
		source.onerror = () => {
			$('connection').textContent = 'reconnecting…';
			$('connection').className = 'connection';
		};
	}

	function render() {
		if (!last) {
			return;
		}
		renderCounts(last.stats);
		renderChart(last.history);
		renderTasks(last.tasks.tasks);
		renderWorkers(last.workers);
	}

	function renderCounts(stats) {
		const cards = $('counts');
		cards.replaceChildren();
		for (const state of STATES) {
			const card = el('div', null, 'card');
			card.append(el('b', stats.tasks[state] || 0), el('span', LABELS[state]));
			cards.append(card);
		}
		const total = el('div', null, 'card');
		total.append(el('b', stats.finishedTotal), el('span', 'finished in total'));
		cards.append(total);
	}

	function renderChart(samples) {
		const svg = $('chart');
		svg.replaceChildren();
		if (!samples.length) {
			return;
		}
		const width = 600;
		const height = 120;
		const max = Math.max(1, ...samples.map((s) => Math.max(s.queued, s.running, s.finished)));
		const step = samples.length > 1 ? width / (samples.length - 1) : width;
		const y = (v) => height - 4 - (v / max) * (height - 8);
		const barWidth = Math.max(1, step * 0.8);
		samples.forEach((sample, i) => {
			if (sample.finished > 0) {
				const bar = document.createElementNS(SVG, 'rect');
				bar.setAttribute('class', 'finished');
				bar.setAttribute('x', String(i * step - barWidth / 2));
				bar.setAttribute('y', String(y(sample.finished)));
				bar.setAttribute('width', String(barWidth));
				bar.setAttribute('height', String(height - 4 - y(sample.finished)));
				svg.append(bar);
			}
		});
		for (const key of ['queued', 'running']) {
			const line = document.createElementNS(SVG, 'polyline');
			line.setAttribute('class', key);
			line.setAttribute('points', samples.map((s, i) => (i * step) + ',' + y(s[key])).join(' '));
			svg.append(line);
		}
	}

	function renderTasks(tasks) {
		const search = $('search').value.trim();
		let shown = search ? tasks.filter((task) => task.id.includes(search)) : tasks;
		if (search && !shown.length && found && found.id === search) {
			shown = [found];
		}
		const body = $('tasks').tBodies[0];
		body.replaceChildren();
		if (!shown.length) {
			const row = el('tr');
			const cell = el('td', search ? 'No task with this id' : 'No tasks', 'muted');
			cell.colSpan = 11;
			row.append(cell);
			body.append(row);
			return;
		}
		for (const task of shown) {
			const row = el('tr');
			row.dataset.taskId = task.id;
			const id = el('td', task.id, 'id');
			id.title = task.function;
			const state = el('td');
			state.append(el('span', LABELS[task.state] || task.state, 'state ' + task.state));
			const progress = el('td');
			if (task.progress !== null && task.progress !== undefined) {
				const bar = el('progress');
				bar.max = task.total || 100;
				bar.value = task.progress;
				progress.append(bar, el('span', ' ' + task.progress + (task.total ? ' / ' + task.total : ''), 'progress-value'));
			}
			const message = el('td', task.error || task.statusMessage || '', 'message');
			const actions = el('td');
			if (['QUEUED', 'RUNNING', 'INPUT_REQUIRED'].includes(task.state)) {
				actions.append(button('Cancel', 'cancel', () => act('/api/tasks/' + encodeURIComponent(task.id) + '/cancel', 'Cancelled ' + task.id)));
			}
			if (task.state === 'FAILED') {
				actions.append(button('Retry', 'retry', () => act('/api/tasks/' + encodeURIComponent(task.id) + '/retry', 'Retrying ' + task.id)));
			}
			row.append(id, state, progress, message, el('td', task.owner || '', 'owner'), el('td', task.attempts),
				el('td', task.worker || ''), el('td', time(task.createdAt)), el('td', time(task.updatedAt)),
				el('td', time(task.finishedAt)), actions);
			body.append(row);
		}
	}

	function renderWorkers(workers) {
		const body = $('workers').tBodies[0];
		body.replaceChildren();
		if (!workers.length) {
			const row = el('tr');
			const cell = el('td', 'No worker claimed tasks recently', 'muted');
			cell.colSpan = 3;
			row.append(cell);
			body.append(row);
		}
		for (const worker of workers) {
			const row = el('tr');
			row.append(el('td', worker.id, 'id'), el('td', time(worker.lastSeen)),
				el('td', worker.runningTaskIds.length ? worker.runningTaskIds.join(', ') : '—', 'id'));
			body.append(row);
		}
	}

	function button(label, name, action) {
		const node = el('button', label, name);
		node.type = 'button';
		node.dataset.action = name;
		node.addEventListener('click', action);
		return node;
	}

	async function act(path, done) {
		const headers = { 'X-MCP-Dashboard-Token': token };
		if (csrfHeader) {
			headers[csrfHeader] = csrfToken;
		}
		try {
			const response = await fetch(base + path, { method: 'POST', headers, credentials: 'same-origin' });
			const body = await response.json();
			$('notice').textContent = response.ok ? (body.purged !== undefined ? 'Purged ' + body.purged + ' tasks' : done) : body.error;
		}
		catch (error) {
			$('notice').textContent = 'The action failed: ' + error.message;
		}
	}

	async function lookup() {
		const search = $('search').value.trim();
		found = null;
		if (search.length >= 8) {
			const response = await fetch(base + '/api/tasks?id=' + encodeURIComponent(search), { credentials: 'same-origin' });
			if (response.ok) {
				const page = await response.json();
				found = page.tasks[0] || null;
			}
		}
		render();
	}

	$('state').addEventListener('change', connect);
	$('search').addEventListener('input', lookup);
	$('filters').addEventListener('submit', (event) => event.preventDefault());
	$('purge').addEventListener('click', () => act('/api/purge-finished', 'Purged'));
	connect();
})();
