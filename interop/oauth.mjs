// OAuth interoperability check with the MCP TypeScript SDK client against the sample app
// (profile oauth) and the test authorization server: given only the MCP URL and a
// client's credentials, the SDK gets 401, reads the protected resource metadata, discovers
// the authorization server, obtains a token for the resource (RFC 8707) and retries; then
// lists the tools and runs long_job as a task. Once with the client-credentials grant
// (client mcp-client), once with the authorization code grant and PKCE (public client
// mcp-pkce), the browser's part (login form as alice, redirect with the code) scripted over
// HTTP. Prints every HTTP request with its status. Exits non-zero on any mismatch.
//
// Usage: node oauth.mjs [url]   (default http://127.0.0.1:8080/api/mcp)

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { ClientCredentialsProvider } from '@modelcontextprotocol/sdk/client/auth-extensions.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';

const url = new URL(process.argv[2] ?? 'http://127.0.0.1:8080/api/mcp');
const REDIRECT_URI = 'http://127.0.0.1:8976/callback';
const failures = [];

function check(condition, message) {
	if (!condition) {
		failures.push(message);
		console.log(`  MISMATCH: ${message}`);
	}
}

// The wire, as the SDK sees it: each request's method, URL and status.
function loggingFetch(label) {
	return async (input, init) => {
		const response = await fetch(input, init);
		const target = (input instanceof Request) ? input.url : String(input);
		const method = init?.method ?? ((input instanceof Request) ? input.method : 'GET');
		const bearer = new Headers(init?.headers ?? {}).has('authorization') ? ' (with Authorization)' : '';
		console.log(`  [${label}] ${method} ${target}${bearer} -> ${response.status}`);
		return response;
	};
}

async function listToolsAndRunTask(client) {
	const { tools } = await client.listTools();
	console.log(`  tools: ${tools.map((tool) => tool.name).join(', ')}`);
	check(tools.some((tool) => tool.name === 'long_job'), 'tools/list lacks long_job');
	const seen = [];
	let result;
	for await (const message of client.experimental.tasks.callToolStream({ name: 'long_job', arguments: { seconds: 0.5 } },
		CallToolResultSchema, { task: { ttl: 60000 } })) {
		if (message.type === 'taskCreated') {
			seen.push('created');
		}
		else if (message.type === 'taskStatus') {
			seen.push(message.task.status);
		}
		else if (message.type === 'result') {
			result = message.result;
			seen.push('result');
		}
		else if (message.type === 'error') {
			seen.push(`error(${message.error.message})`);
		}
	}
	console.log(`  long_job as a task: ${seen.join(' -> ')}: ${JSON.stringify(result?.structuredContent)}`);
	check(result?.structuredContent?.done === true, 'long_job did not return {"done": true}');
}

function decode(token) {
	return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

function checkToken(provider) {
	const claims = decode(provider.tokens().access_token);
	console.log(`  token: iss=${claims.iss} aud=${JSON.stringify(claims.aud)} scope=${JSON.stringify(claims.scope)}`);
	check([claims.aud].flat().includes(url.href), `token audience ${JSON.stringify(claims.aud)} is not ${url.href}`);
	check([claims.scope].flat().includes('mcp.tools'), `token scope ${JSON.stringify(claims.scope)} lacks mcp.tools`);
}

async function clientCredentials() {
	console.log(`client credentials (mcp-client), given only ${url}:`);
	// No expectedIssuer: the point is that the client finds the authorization server itself.
	// The scope is the client's own: with this grant SDK 1.32 asks for the scope of its
	// client metadata, not the one of the challenge.
	const provider = new ClientCredentialsProvider({ clientId: 'mcp-client', clientSecret: 'mcp-client-secret',
		scope: 'mcp.tools' });
	const client = new Client({ name: 'interop-oauth-cc', version: '1.0.0' }, { defaultTaskPollInterval: 200 });
	await client.connect(new StreamableHTTPClientTransport(url,
		{ authProvider: provider, fetch: loggingFetch('sdk') }));
	checkToken(provider);
	await listToolsAndRunTask(client);
	await client.close();
}

// A public client, registered beforehand as mcp-pkce; its "browser" logs in as alice.
class ScriptedBrowserProvider {
	constructor() {
		this.code = undefined;
	}

	get redirectUrl() {
		return REDIRECT_URI;
	}

	get clientMetadata() {
		return { client_name: 'interop-oauth-pkce', redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: 'none',
			grant_types: ['authorization_code'], response_types: ['code'] };
	}

	clientInformation() {
		return { client_id: 'mcp-pkce' };
	}

	tokens() {
		return this._tokens;
	}

	saveTokens(tokens) {
		this._tokens = tokens;
	}

	saveCodeVerifier(verifier) {
		this._verifier = verifier;
	}

	codeVerifier() {
		return this._verifier;
	}

	async redirectToAuthorization(authorizationUrl) {
		this.code = await scriptedLogin(authorizationUrl);
	}
}

// The user's browser: follows the authorization URL, logs in on the form, and returns the
// code of the redirect to the client's redirect URI.
async function scriptedLogin(authorizationUrl) {
	const cookies = new Map();
	const browse = async (target, init = {}) => {
		const headers = new Headers(init.headers ?? {});
		headers.set('accept', 'text/html');
		if (cookies.size > 0) {
			headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
		}
		const response = await fetch(target, { ...init, headers, redirect: 'manual' });
		for (const cookie of response.headers.getSetCookie()) {
			const [pair] = cookie.split(';');
			const at = pair.indexOf('=');
			cookies.set(pair.slice(0, at), pair.slice(at + 1));
		}
		console.log(`  [browser] ${init.method ?? 'GET'} ${target} -> ${response.status}`
			+ (response.headers.has('location') ? ` Location: ${response.headers.get('location')}` : ''));
		return response;
	};
	const next = (response) => new URL(response.headers.get('location'), authorizationUrl).href;
	check(authorizationUrl.searchParams.get('code_challenge_method') === 'S256', 'the authorization URL has no S256 PKCE');
	check(authorizationUrl.searchParams.get('resource') === url.href, 'the authorization URL has no resource indicator');
	const toLogin = await browse(authorizationUrl.href);
	const loginPage = await (await browse(next(toLogin))).text();
	const csrf = /name="_csrf" type="hidden" value="([^"]+)"/.exec(loginPage)?.[1];
	check(csrf !== undefined, 'the login page has no CSRF token');
	const loggedIn = await browse(next(toLogin), { method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: 'alice', password: 'alice-secret', _csrf: csrf ?? '' }).toString() });
	const redirect = await browse(next(loggedIn));
	const location = new URL(redirect.headers.get('location') ?? REDIRECT_URI);
	check(location.href.startsWith(REDIRECT_URI), `redirected to ${location.href}, not to ${REDIRECT_URI}`);
	return location.searchParams.get('code') ?? undefined;
}

async function authorizationCode() {
	console.log(`authorization code with PKCE (mcp-pkce, user alice), given only ${url}:`);
	const provider = new ScriptedBrowserProvider();
	const transport = new StreamableHTTPClientTransport(url, { authProvider: provider, fetch: loggingFetch('sdk') });
	try {
		await new Client({ name: 'interop-oauth-pkce', version: '1.0.0' }).connect(transport);
		check(false, 'connected without authorization');
	}
	catch (error) {
		if (!(error instanceof UnauthorizedError)) {
			throw error;
		}
	}
	check(provider.code !== undefined, 'the browser got no authorization code');
	await transport.finishAuth(provider.code);
	checkToken(provider);
	const client = new Client({ name: 'interop-oauth-pkce', version: '1.0.0' }, { defaultTaskPollInterval: 200 });
	await client.connect(new StreamableHTTPClientTransport(url, { authProvider: provider, fetch: loggingFetch('sdk') }));
	await listToolsAndRunTask(client);
	await client.close();
}

try {
	await clientCredentials();
	await authorizationCode();
}
catch (error) {
	failures.push(String(error));
	console.log(`  ERROR: ${error?.stack ?? error}`);
}
if (failures.length > 0) {
	console.log(`FAILED: ${failures.length} mismatch(es)`);
	process.exit(1);
}
console.log('OK: both grants discovered the authorization server, obtained a token for the resource and ran a task');
