-- wrk script: POSTs a JSON-RPC tools/call of the echo tool, with the MCP session from the
-- environment (MCP_SESSION_ID; absent for the baseline endpoint).
wrk.method = "POST"
wrk.body = '{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hello benchmark"}}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json, text/event-stream"
local session = os.getenv("MCP_SESSION_ID")
if session ~= nil and session ~= "" then
	wrk.headers["Mcp-Session-Id"] = session
	wrk.headers["MCP-Protocol-Version"] = "2025-11-25"
end
