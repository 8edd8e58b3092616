-- The Redis docket's operations, one script so that they share their helpers. Every
-- change of a task happens here, atomically: check and set never race between processes.
--
-- ARGV[1] is the operation, ARGV[2] the docket's key prefix (mcp.docket.name); the other
-- arguments depend on the operation. Keys are derived from the prefix, so the docket
-- runs on a standalone Redis or behind Sentinel, not on Redis Cluster.
--
-- Keys (P = prefix):
--   P:stream       stream of ready work (field t = task id), read by the consumer group
--   P:scheduled    sorted set of task ids by due time (ms), moved to the stream when due
--   P:task:<id>    hash of one task (see RedisTaskCodec); expires ttl after it finishes,
--                  or after it waited ttl for input (fields in:<key>, the unanswered
--                  requests, and ans:<key>, the answers)
--   P:idem:<h>     idempotency key -> task id (h: sha-256 of owner and key); expires
--                  with its task
--   P:owner:<h>    sorted set (lexicographic, score 0) of "<created>:<id>" per owner (h:
--                  sha-256 of the owner, so owners never make other keys)
--   P:owner:<h>:active  set of the owner's unfinished task ids (max-active-per-owner)
--   P:owner:<h>:done    sorted set of the owner's finished task ids by finish time (ms);
--                  beyond the task's "keep" (max-retained-per-owner) the oldest go
--   P:anonymous    (and :active, :done) the same for the anonymous tasks of
--                  unauthenticated clients, counted together as one owner's
--                  (max-active-anonymous, max-retained-anonymous); never listed
--   P:expiries     sorted set of "<owner index key>\n<member>" by expiry (ms), to tidy
--                  the indexes when finished tasks, or tasks waiting for input, expire
--                  (the owner index key is P:all for tasks without an owner)
--   P:all          sorted set (lexicographic, score 0) of "<created>:<id>" of every task
--   P:state:<s>    the same per state (queued, running, input_required, completed,
--                  failed, cancelled): every change of state moves the member, so the
--                  sizes are the exact counts (after expired members are swept)
--   P:totals       hash: submitted, finished (counts since the docket was created)
--   P:events       channel of status changes and cancellations: task id and status only,
--                  with an HMAC; the Java side signs each message and passes it in, this
--                  script publishes it when the change happens (the key never reaches Redis)
--   P:session:<id> sessions (RedisMcpSessionStore), never touched here
--
-- Optional string arguments are written "v:<text>", or "n" for none. Timestamps ("now",
-- "run at") are nanoseconds since the epoch; "ms" arguments are milliseconds.

local op = ARGV[1]
local prefix = ARGV[2]
local stream = prefix .. ':stream'
local scheduled = prefix .. ':scheduled'
local expiries = prefix .. ':expiries'
local events = prefix .. ':events'
local all = prefix .. ':all'
local totals = prefix .. ':totals'
local states = { 'queued', 'running', 'input_required', 'completed', 'failed', 'cancelled' }
local expiring = { 'input_required', 'completed', 'failed', 'cancelled' }

local function task_key(id)
	return prefix .. ':task:' .. id
end

local function terminal(status)
	return status == 'completed' or status == 'failed' or status == 'cancelled'
end

local function state_key(state)
	return prefix .. ':state:' .. state
end

-- Where a task is for an operator: a working task is running while it has a lease.
local function state_of(status, leased)
	if status == 'working' then
		return leased and 'running' or 'queued'
	end
	return status
end

-- The index member ("<created>:<id>") of a task, from its purge field.
local function member_of(purge)
	if purge then
		return string.match(purge, '\n([^\n]*)$')
	end
	return nil
end

-- Moves a task's member from the set of one state to another's.
local function move(purge, from, to)
	local member = member_of(purge)
	if member and from ~= to then
		redis.call('ZREM', state_key(from), member)
		redis.call('ZADD', state_key(to), 0, member)
	end
end

local function opt(value)
	if value == 'n' then
		return nil
	end
	return string.sub(value, 3)
end

local function set_or_delete(key, field, value)
	if value == nil then
		redis.call('HDEL', key, field)
	else
		redis.call('HSET', key, field, value)
	end
end

-- Removes a stream entry that is done with: out of the group's pending list and the stream.
local function drop(group, entry)
	redis.call('XACK', stream, group, entry)
	redis.call('XDEL', stream, entry)
end

-- Puts a task in the stream when due, else in the scheduled set.
local function enqueue(key, id, run_at_ms, now_ms)
	if tonumber(run_at_ms) <= tonumber(now_ms) then
		local entry = redis.call('XADD', stream, '*', 't', id)
		redis.call('HSET', key, 'entry', entry)
	else
		redis.call('HDEL', key, 'entry')
		redis.call('ZADD', scheduled, run_at_ms, id)
	end
end

-- Purges a finished task before its ttl (its owner keeps too many finished ones, or an
-- operator purges every finished task) with its index entries. Returns 1 when purged.
local function evict(id)
	local key = task_key(id)
	local fields = redis.call('HMGET', key, 'status', 'idem', 'purge', 'okey')
	if not fields[1] or not terminal(fields[1]) then
		return 0
	end
	redis.call('DEL', key)
	if fields[2] and redis.call('GET', fields[2]) == id then
		redis.call('DEL', fields[2])
	end
	if fields[3] then
		local owner_key, member = string.match(fields[3], '^(.*)\n([^\n]*)$')
		if owner_key then
			redis.call('ZREM', owner_key, member)
			redis.call('ZREM', all, member)
			redis.call('ZREM', state_key(fields[1]), member)
		end
		redis.call('ZREM', expiries, fields[3])
	end
	if fields[4] then
		redis.call('ZREM', fields[4] .. ':done', id)
	end
	return 1
end

-- Applies the retention of a task that reached a terminal status: the hash and the
-- idempotency key expire after the task's ttl; the owner index is tidied by 'sweep'.
-- The task no longer counts as its owner's unfinished task; beyond the owner's retained
-- count, the owner's own oldest finished tasks go.
local function retain(key, now_ms)
	local fields = redis.call('HMGET', key, 'ttl', 'idem', 'purge', 'okey', 'keep', 'id')
	local ttl = math.max(tonumber(fields[1]), 1)
	redis.call('HINCRBY', totals, 'finished', 1)
	redis.call('PEXPIRE', key, ttl)
	if fields[2] then
		redis.call('PEXPIRE', fields[2], ttl)
	end
	if fields[3] then
		redis.call('ZADD', expiries, tonumber(now_ms) + ttl, fields[3])
	end
	if fields[4] then
		redis.call('SREM', fields[4] .. ':active', fields[6])
		local done = fields[4] .. ':done'
		redis.call('ZADD', done, now_ms, fields[6])
		local keep = tonumber(fields[5])
		while redis.call('ZCARD', done) > keep do
			-- Never this task (keep is at least 1), even when others finished in the same ms
			local oldest = redis.call('ZRANGE', done, 0, 1)
			local victim = (oldest[1] == fields[6]) and oldest[2] or oldest[1]
			redis.call('ZREM', done, victim)
			evict(victim)
		end
	end
end

-- Submits tasks, several in one call (submissions of concurrent callers), one after the
-- other as if submitted apart. ARGV: for each task, the count of its arguments, then id,
-- owner index key, owner member, idempotency key, run at (ms), now (ms), most unfinished
-- tasks per owner, then the hash's field/value pairs. Returns for each task, in order, the
-- id of the task: an existing task's when the idempotency key names a live one; '' when
-- the owner has too many unfinished tasks.
local function submit(a, last)
	local id, owner_key, owner_member, idem = ARGV[a], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3]
	local key = task_key(id)
	if redis.call('EXISTS', key) == 1 then
		-- Run again after a lost reply (clients resend commands after a reconnect)
		return id
	end
	if idem ~= '' then
		local existing = redis.call('GET', idem)
		if existing and redis.call('EXISTS', task_key(existing)) == 1 then
			return existing
		end
	end
	if owner_key ~= '' then
		local active = owner_key .. ':active'
		local max_active = tonumber(ARGV[a + 6])
		if redis.call('SCARD', active) >= max_active then
			-- Tidy first: ids whose task is gone or finished no longer count
			for _, other in ipairs(redis.call('SMEMBERS', active)) do
				local status = redis.call('HGET', task_key(other), 'status')
				if not status or terminal(status) then
					redis.call('SREM', active, other)
				end
			end
			if redis.call('SCARD', active) >= max_active then
				return ''
			end
		end
		redis.call('SADD', active, id)
	end
	if idem ~= '' then
		redis.call('SET', idem, id)
	end
	redis.call('HSET', key, unpack(ARGV, a + 7, last))
	if owner_key ~= '' then
		redis.call('ZADD', owner_key, 0, owner_member)
	end
	redis.call('ZADD', all, 0, owner_member)
	redis.call('ZADD', state_key('queued'), 0, owner_member)
	enqueue(key, id, ARGV[a + 4], ARGV[a + 5])
	return id, true
end

if op == 'submit' then
	local ids = {}
	local a = 3
	local created = 0
	while a <= #ARGV do
		local count = tonumber(ARGV[a])
		local id, new = submit(a + 1, a + count)
		if new then
			created = created + 1
		end
		table.insert(ids, id)
		a = a + count + 1
	end
	if created > 0 then
		redis.call('HINCRBY', totals, 'submitted', created)
	end
	return ids
end

-- Starts tasks for a worker. Op 'claim': entries the worker read from the stream (ARGV:
-- group, consumer, now, now ms, then entry id/task id pairs). Op 'take': new entries read
-- here, without waiting, so that a busy stream costs one call per batch (ARGV: group,
-- consumer, now, now ms, most entries). Op 'recover': the
-- entries already delivered to this consumer, read again in case a reply was lost
-- (ARGV: group, consumer, now, now ms, entries to read, most tasks to start, then the
-- leases this process knows, which are left out). Op 'reclaim': entries whose
-- worker stopped renewing them (ARGV: group, consumer, now, now ms, min idle ms,
-- cursor, count). Returns {next cursor, {kind, hash...}...}: kind 'started',
-- 'redelivered' or 'failed' (given up after too many redeliveries); 'take' returns the
-- number of entries it read in place of the cursor.
if op == 'claim' or op == 'take' or op == 'recover' or op == 'reclaim' then
	local group, consumer, now, now_ms = ARGV[3], ARGV[4], ARGV[5], ARGV[6]
	local entries = {}
	local known = {}
	local limit = nil
	local cursor = '0-0'
	local function collect(items)
		for _, item in ipairs(items) do
			local id = nil
			local values = item[2]
			if type(values) == 'table' then
				for i = 1, #values, 2 do
					if values[i] == 't' then
						id = values[i + 1]
					end
				end
			end
			if id then
				table.insert(entries, { item[1], id })
			else
				redis.call('XACK', stream, group, item[1])
			end
		end
	end
	if op == 'reclaim' then
		local claimed = redis.call('XAUTOCLAIM', stream, group, consumer, ARGV[7], ARGV[8], 'COUNT', ARGV[9])
		cursor = claimed[1]
		collect(claimed[2])
	elseif op == 'recover' then
		limit = tonumber(ARGV[8])
		for i = 9, #ARGV do
			known[ARGV[i]] = true
		end
		local read = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', ARGV[7], 'STREAMS', stream, '0')
		if read then
			collect(read[1][2])
		end
	elseif op == 'take' then
		local read = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', ARGV[7], 'STREAMS', stream, '>')
		if read then
			collect(read[1][2])
			cursor = tostring(#read[1][2])
		else
			cursor = '0'
		end
	else
		for i = 7, #ARGV, 2 do
			table.insert(entries, { ARGV[i], ARGV[i + 1] })
		end
	end
	local out = {}
	for _, item in ipairs(entries) do
		if limit and #out >= limit then
			break
		end
		local entry, id = item[1], item[2]
		local key = task_key(id)
		local state = redis.call('HMGET', key, 'status', 'entry', 'lease', 'worker', 'attempts', 'maxAttempts', 'purge')
		if not state[1] or terminal(state[1]) or state[2] ~= entry then
			drop(group, entry)
		elseif state[3] and op ~= 'reclaim' then
			-- Read again (after a lost reply): already started by this consumer.
			if state[4] == consumer and not known[state[3]] then
				table.insert(out, { 'started', redis.call('HGETALL', key) })
			end
		else
			local attempts = tonumber(state[5])
			local kind = state[3] and 'redelivered' or 'started'
			if state[3] and attempts >= tonumber(state[6]) + 2 then
				drop(group, entry)
				redis.call('HSET', key, 'status', 'failed', 'message',
					'The task\'s worker stopped responding ' .. attempts .. ' times', 'updatedAt', now,
					'finishedAt', now)
				redis.call('HDEL', key, 'lease', 'worker', 'entry', 'result', 'error')
				move(state[7], state_of(state[1], true), 'failed')
				retain(key, now_ms)
				table.insert(out, { 'failed', redis.call('HGETALL', key) })
			else
				attempts = attempts + 1
				if state[3] then
					redis.call('HSET', key, 'message', 'Redelivered: its worker stopped responding')
				end
				redis.call('HSET', key, 'status', 'working', 'updatedAt', now, 'attempts', attempts, 'lease',
					entry .. '/' .. attempts, 'worker', consumer)
				redis.call('HDEL', key, 'finishedAt', 'result', 'error')
				move(state[7], state_of(state[1], state[3]), 'running')
				table.insert(out, { kind, redis.call('HGETALL', key) })
			end
		end
	end
	return { cursor, out }
end

-- Renews leases: resets the idle time of the entries whose lease is still current.
-- ARGV: group, consumer, then entry id/task id/lease triples. Returns {renewed count}.
if op == 'heartbeat' then
	local group, consumer = ARGV[3], ARGV[4]
	local renewed = 0
	for i = 5, #ARGV, 3 do
		if redis.call('HGET', task_key(ARGV[i + 1]), 'lease') == ARGV[i + 2] then
			redis.call('XCLAIM', stream, group, consumer, 0, ARGV[i], 'JUSTID')
			renewed = renewed + 1
		end
	end
	return { renewed }
end

-- ARGV: id, now, progress, total, message (optional strings), lease. Returns {1} when
-- recorded; {0} when the task finished or the lease is stale (redelivered meanwhile).
if op == 'progress' then
	local key = task_key(ARGV[3])
	local state = redis.call('HMGET', key, 'status', 'lease')
	if not state[1] or terminal(state[1]) or state[2] ~= ARGV[8] then
		return { 0 }
	end
	set_or_delete(key, 'progress', opt(ARGV[5]))
	set_or_delete(key, 'total', opt(ARGV[6]))
	local message = opt(ARGV[7])
	if message ~= nil then
		redis.call('HSET', key, 'message', message)
	end
	redis.call('HSET', key, 'updatedAt', ARGV[4])
	return { 1 }
end

-- ARGV: id, now, status, message (optional), lease, event to publish. Returns {hash...}
-- when changed; {} when unchanged, finished, or the lease is stale.
if op == 'status' then
	local key = task_key(ARGV[3])
	local state = redis.call('HMGET', key, 'status', 'lease', 'purge')
	if not state[1] or terminal(state[1]) or state[1] == ARGV[5] or state[2] ~= ARGV[7] then
		return {}
	end
	redis.call('HSET', key, 'status', ARGV[5], 'updatedAt', ARGV[4])
	move(state[3], state_of(state[1], true), state_of(ARGV[5], true))
	set_or_delete(key, 'message', opt(ARGV[6]))
	redis.call('PUBLISH', events, ARGV[8])
	return redis.call('HGETALL', key)
end

-- Records how runs ended, several in one call (a worker's runs that ended together).
-- ARGV: group, then for each run 12 arguments: id, lease, outcome ('finish' or 'retry'),
-- now, now ms, status, message, result, error (optional strings), run at ms, run at, event
-- to publish when the task finishes. Each run is checked and recorded on its own: a
-- stale lease leaves the others recorded. Returns one reply per run, in order: {0} when
-- the lease is stale or the task was cancelled meanwhile, else {1, progress, total}
-- (finished) or {2, progress, total} (scheduled for another try), '' for no progress:
-- the worker knows the rest of the task, so the hash is not sent back.
local function finish(group, a)
	local id, lease = ARGV[a], ARGV[a + 1]
	local key = task_key(id)
	local state = redis.call('HMGET', key, 'lease', 'status', 'lastLease', 'purge', 'progress', 'total')
	if state[1] ~= lease then
		if state[3] == lease and state[2] then
			-- Run again after a lost reply: answer as the first run did
			return { terminal(state[2]) and 1 or 2, state[5] or '', state[6] or '' }
		end
		return { 0 }
	end
	drop(group, string.match(lease, '^(.*)/'))
	local unset = { 'lease', 'worker', 'entry' }
	if terminal(state[2]) then
		redis.call('HDEL', key, unpack(unset))
		return { 0 }
	end
	local now, now_ms = ARGV[a + 3], ARGV[a + 4]
	local set = { 'lastLease', lease, 'updatedAt', now }
	local function put(field, value)
		if value == nil then
			table.insert(unset, field)
		else
			table.insert(set, field)
			table.insert(set, value)
		end
	end
	put('message', opt(ARGV[a + 6]))
	if ARGV[a + 2] == 'retry' then
		put('status', 'working')
		put('runAt', ARGV[a + 10])
		table.insert(unset, 'finishedAt')
		table.insert(unset, 'result')
		table.insert(unset, 'error')
		redis.call('HDEL', key, unpack(unset))
		redis.call('HSET', key, unpack(set))
		move(state[4], state_of(state[2], true), 'queued')
		enqueue(key, id, ARGV[a + 9], now_ms)
		return { 2, state[5] or '', state[6] or '' }
	end
	put('status', ARGV[a + 5])
	put('finishedAt', now)
	put('result', opt(ARGV[a + 7]))
	put('error', opt(ARGV[a + 8]))
	redis.call('HDEL', key, unpack(unset))
	redis.call('HSET', key, unpack(set))
	move(state[4], state_of(state[2], true), ARGV[a + 5])
	retain(key, now_ms)
	redis.call('PUBLISH', events, ARGV[a + 11])
	return { 1, state[5] or '', state[6] or '' }
end

if op == 'finish' then
	local replies = {}
	for a = 4, #ARGV, 12 do
		table.insert(replies, finish(ARGV[3], a))
	end
	return replies
end

-- The hashes of tasks, read together. ARGV: ids. Returns one {hash...} per id, in order
-- ({} for a task that is gone).
if op == 'read' then
	local hashes = {}
	for i = 3, #ARGV do
		table.insert(hashes, redis.call('HGETALL', task_key(ARGV[i])))
	end
	return hashes
end

local function waits_for_input(key)
	for _, field in ipairs(redis.call('HKEYS', key)) do
		if string.sub(field, 1, 3) == 'in:' then
			return true
		end
	end
	return false
end

-- Sets how long a task waiting for input is kept without an answer (ms), or keeps it.
local function input_deadline(key, ttl, idem, purge, now_ms)
	if ttl then
		redis.call('PEXPIRE', key, math.max(tonumber(ttl), 1))
	else
		redis.call('PERSIST', key)
	end
	if purge then
		if ttl then
			redis.call('ZADD', expiries, tonumber(now_ms) + math.max(tonumber(ttl), 1), purge)
		else
			redis.call('ZREM', expiries, purge)
		end
	end
	if idem then
		if ttl then
			redis.call('PEXPIRE', idem, math.max(tonumber(ttl), 1))
		else
			redis.call('PERSIST', idem)
		end
	end
end

-- Ends a run that asked the client for input: the task waits, off the stream and without
-- a lease, until 'answer' has every answer; unanswered for its ttl, it expires. The run
-- does not count as an attempt. ARGV:
-- group, id, lease, now, message, event to publish, then key/request pairs. Returns {}
-- when the lease is stale or the task finished meanwhile, else {hash...}.
if op == 'wait' then
	local group, id, lease = ARGV[3], ARGV[4], ARGV[5]
	local key = task_key(id)
	local state = redis.call('HMGET', key, 'lease', 'status', 'ttl', 'idem', 'purge')
	if state[1] ~= lease then
		return {}
	end
	drop(group, string.match(lease, '^(.*)/'))
	redis.call('HDEL', key, 'lease', 'worker', 'entry')
	if terminal(state[2]) then
		return {}
	end
	for i = 9, #ARGV, 2 do
		if redis.call('HEXISTS', key, 'ans:' .. ARGV[i]) == 0 then
			redis.call('HSET', key, 'in:' .. ARGV[i], ARGV[i + 1])
		end
	end
	redis.call('HSET', key, 'status', 'input_required', 'message', ARGV[7], 'updatedAt', ARGV[6])
	move(state[5], state_of(state[2], true), 'input_required')
	if tonumber(redis.call('HGET', key, 'attempts')) > 0 then
		redis.call('HINCRBY', key, 'attempts', -1)
	end
	input_deadline(key, state[3], state[4], state[5], math.floor(tonumber(ARGV[6]) / 1000000))
	redis.call('PUBLISH', events, ARGV[8])
	return redis.call('HGETALL', key)
end

-- Records answers to a waiting task's input requests; answers to keys it does not wait
-- for are ignored. With every request answered, the task is queued to run again. ARGV:
-- id, now, now ms, message, event to publish when queued, then key/answer pairs.
-- Returns {} when unknown, else {queued (0 or 1), hash...}.
if op == 'answer' then
	local id = ARGV[3]
	local key = task_key(id)
	local state = redis.call('HMGET', key, 'status', 'ttl', 'idem', 'purge', 'lease')
	if not state[1] then
		return {}
	end
	if state[1] ~= 'input_required' then
		return { 0, redis.call('HGETALL', key) }
	end
	for i = 8, #ARGV, 2 do
		if redis.call('HDEL', key, 'in:' .. ARGV[i]) == 1 then
			redis.call('HSET', key, 'ans:' .. ARGV[i], ARGV[i + 1])
		end
	end
	redis.call('HSET', key, 'updatedAt', ARGV[4])
	if waits_for_input(key) then
		input_deadline(key, state[2], state[3], state[4], ARGV[5])
		return { 0, redis.call('HGETALL', key) }
	end
	input_deadline(key, nil, state[3], state[4], ARGV[5])
	redis.call('HSET', key, 'status', 'working', 'message', ARGV[6], 'runAt', ARGV[4])
	move(state[4], 'input_required', state_of('working', state[5]))
	enqueue(key, id, ARGV[5], ARGV[5])
	redis.call('PUBLISH', events, ARGV[7])
	return { 1, redis.call('HGETALL', key) }
end

-- Gives a claimed task back to the queue. ARGV: group, id, lease, now, now ms, message.
-- Returns {1} when requeued.
if op == 'release' then
	local group, id, lease = ARGV[3], ARGV[4], ARGV[5]
	local key = task_key(id)
	local state = redis.call('HMGET', key, 'lease', 'status', 'purge')
	if state[1] ~= lease then
		return { 0 }
	end
	drop(group, string.match(lease, '^(.*)/'))
	redis.call('HDEL', key, 'lease', 'worker', 'entry')
	if terminal(state[2]) then
		return { 0 }
	end
	move(state[3], state_of(state[2], true), state_of(state[2], false))
	redis.call('HSET', key, 'message', ARGV[8], 'updatedAt', ARGV[6], 'runAt', ARGV[6])
	enqueue(key, id, ARGV[7], ARGV[7])
	return { 1 }
end

-- ARGV: id, now, now ms, message, event to publish when running, event when queued. Returns {} when unknown or finished, else
-- {running (0 or 1), hash...}. A running task keeps its lease and entry until its worker
-- stops it and reports; a queued entry is dropped when a worker reads it.
if op == 'cancel' then
	local id = ARGV[3]
	local key = task_key(id)
	local state = redis.call('HMGET', key, 'status', 'lease', 'purge')
	if not state[1] or terminal(state[1]) then
		return {}
	end
	redis.call('HSET', key, 'status', 'cancelled', 'message', ARGV[6], 'updatedAt', ARGV[4], 'finishedAt', ARGV[4])
	move(state[3], state_of(state[1], state[2]), 'cancelled')
	redis.call('ZREM', scheduled, id)
	retain(key, ARGV[5])
	redis.call('PUBLISH', events, state[2] and ARGV[7] or ARGV[8])
	return { state[2] and 1 or 0, redis.call('HGETALL', key) }
end

-- Moves due scheduled tasks to the stream. ARGV: now ms, limit. Returns {due time (ms) of
-- the next scheduled task, or ''}.
if op == 'promote' then
	local due = redis.call('ZRANGEBYSCORE', scheduled, '-inf', ARGV[3], 'LIMIT', 0, ARGV[4])
	for _, id in ipairs(due) do
		redis.call('ZREM', scheduled, id)
		local key = task_key(id)
		local state = redis.call('HMGET', key, 'status', 'lease')
		if state[1] and not terminal(state[1]) and not state[2] then
			local entry = redis.call('XADD', stream, '*', 't', id)
			redis.call('HSET', key, 'entry', entry)
		end
	end
	local next = redis.call('ZRANGE', scheduled, 0, 0, 'WITHSCORES')
	return { next[2] or '' }
end

-- Removes expired tasks from the indexes, up to limit; a task that Redis has not expired
-- yet (another clock) is looked at again when it does. Returns how many were looked at.
local function sweep(now_ms, limit)
	local expired = redis.call('ZRANGEBYSCORE', expiries, '-inf', now_ms, 'LIMIT', 0, limit)
	for _, item in ipairs(expired) do
		local owner_key, member = string.match(item, '^(.*)\n([^\n]*)$')
		local id = member and string.match(member, '([^:]+)$')
		local ttl = id and redis.call('PTTL', task_key(id)) or -2
		if ttl > 0 then
			redis.call('ZADD', expiries, tonumber(now_ms) + ttl, item)
		else
			if ttl == -2 and owner_key then
				redis.call('ZREM', owner_key, member)
				redis.call('ZREM', owner_key .. ':done', id)
				redis.call('ZREM', all, member)
				for _, state in ipairs(expiring) do
					redis.call('ZREM', state_key(state), member)
				end
			end
			redis.call('ZREM', expiries, item)
		end
	end
	return #expired
end

-- Removes expired tasks from the indexes. ARGV: now ms, limit. Returns {count}.
if op == 'sweep' then
	return { sweep(ARGV[3], tonumber(ARGV[4])) }
end

-- One page of an index of "<created>:<id>" members (score 0), oldest first or newest
-- first, after a cursor ('' for the first page); members whose task is gone are removed.
-- Looks at 10000 members at most. Returns {next cursor or '', {hash...}...}.
local function index_page(index, cursor, limit, newest_first)
	local range = newest_first and 'ZREVRANGEBYLEX' or 'ZRANGEBYLEX'
	local from = (cursor == '') and (newest_first and '+' or '-') or ('(' .. cursor)
	local to = newest_first and '-' or '+'
	local page = {}
	local last = ''
	local scanned = 0
	while scanned < 10000 do
		local members = redis.call(range, index, from, to, 'LIMIT', 0, limit + 1)
		if #members == 0 then
			return { '', page }
		end
		for _, member in ipairs(members) do
			local flat = redis.call('HGETALL', task_key(string.match(member, '([^:]+)$')))
			if #flat == 0 then
				redis.call('ZREM', index, member)
			else
				if #page == limit then
					return { last, page }
				end
				table.insert(page, flat)
				last = member
			end
			from = '(' .. member
		end
		scanned = scanned + #members
	end
	return { string.sub(from, 2), page }
end

-- One page of an owner's tasks, oldest first. ARGV: owner index key, cursor ('' for the
-- first page), limit. Returns {next cursor or '', {hash...}...}.
if op == 'list' then
	return index_page(ARGV[3], ARGV[4], tonumber(ARGV[5]), false)
end

-- Returns {stream length, pending entries, scheduled tasks}. ARGV: group.
if op == 'counts' then
	local length = redis.call('XLEN', stream)
	local pending = 0
	if length > 0 then
		local ok, summary = pcall(redis.call, 'XPENDING', stream, ARGV[3])
		if ok then
			pending = summary[1]
		end
	end
	return { length, pending, redis.call('ZCARD', scheduled) }
end

-- Removes a worker's consumer from the group when it holds no pending entries.
-- ARGV: group, consumer. Returns {1} when removed.
if op == 'retire' then
	local ok, pending = pcall(redis.call, 'XPENDING', stream, ARGV[3], '-', '+', 1, ARGV[4])
	if ok and #pending == 0 then
		redis.call('XGROUP', 'DELCONSUMER', stream, ARGV[3], ARGV[4])
		return { 1 }
	end
	return { 0 }
end

-- One page of every owner's tasks, newest first, of one state or of all. ARGV: state
-- ('' for all), cursor ('' for the first page), limit. Returns {next cursor or '',
-- {hash...}...}.
if op == 'tasks' then
	local index = (ARGV[3] == '') and all or state_key(ARGV[3])
	return index_page(index, ARGV[4], tonumber(ARGV[5]), true)
end

-- Counts the tasks in each state, after sweeping expired ones (up to limit). ARGV: now
-- ms, limit. Returns {more to sweep (0 or 1), count per state (queued, running,
-- input_required, completed, failed, cancelled), submitted, finished}.
if op == 'stats' then
	local limit = tonumber(ARGV[4])
	local out = { (sweep(ARGV[3], limit) == limit) and 1 or 0 }
	for _, state in ipairs(states) do
		table.insert(out, redis.call('ZCARD', state_key(state)))
	end
	local counted = redis.call('HMGET', totals, 'submitted', 'finished')
	table.insert(out, tonumber(counted[1] or 0))
	table.insert(out, tonumber(counted[2] or 0))
	return out
end

-- The consumers of the group that read or renewed leases within the given time, or hold
-- entries, with the tasks they run (of the first 1000 running). Consumers idle for a day
-- without entries are removed. ARGV: group, most idle ms, most workers. Returns
-- {{consumer, idle ms, {task id...}}...}.
if op == 'workers' then
	local ok, consumers = pcall(redis.call, 'XINFO', 'CONSUMERS', stream, ARGV[3])
	if not ok then
		return {}
	end
	local out = {}
	local seen = {}
	for _, consumer in ipairs(consumers) do
		local info = {}
		for i = 1, #consumer, 2 do
			info[consumer[i]] = consumer[i + 1]
		end
		if info.pending > 0 or info.idle <= tonumber(ARGV[4]) then
			if #out < tonumber(ARGV[5]) then
				local worker = { info.name, info.idle, {} }
				table.insert(out, worker)
				seen[info.name] = worker
			end
		elseif info.idle > 86400000 then
			redis.call('XGROUP', 'DELCONSUMER', stream, ARGV[3], info.name)
		end
	end
	for _, member in ipairs(redis.call('ZRANGE', state_key('running'), 0, 999)) do
		local id = string.match(member, '([^:]+)$')
		local worker = seen[redis.call('HGET', task_key(id), 'worker')]
		if worker then
			table.insert(worker[3], id)
		end
	end
	return out
end

-- Queues a failed task again under its id, as a new attempt: its result and error are
-- cleared, it no longer expires. ARGV: id, now, now ms, message, event to publish.
-- Returns {} when unknown or not failed, else {hash...}.
if op == 'retry' then
	local id = ARGV[3]
	local key = task_key(id)
	local state = redis.call('HMGET', key, 'status', 'idem', 'purge', 'okey')
	if state[1] ~= 'failed' then
		return {}
	end
	redis.call('HSET', key, 'status', 'working', 'message', ARGV[6], 'updatedAt', ARGV[4], 'runAt', ARGV[4])
	redis.call('HDEL', key, 'finishedAt', 'result', 'error', 'lastLease')
	redis.call('PERSIST', key)
	if state[2] and redis.call('GET', state[2]) == id then
		redis.call('PERSIST', state[2])
	end
	if state[3] then
		redis.call('ZREM', expiries, state[3])
	end
	if state[4] then
		redis.call('ZREM', state[4] .. ':done', id)
		redis.call('SADD', state[4] .. ':active', id)
	end
	move(state[3], 'failed', 'queued')
	enqueue(key, id, ARGV[5], ARGV[5])
	redis.call('PUBLISH', events, ARGV[7])
	return redis.call('HGETALL', key)
end

-- Purges finished tasks with their index entries, up to limit of each finished state.
-- ARGV: limit. Returns {purged, more (0 or 1)}.
if op == 'purge' then
	local limit = tonumber(ARGV[3])
	local purged = 0
	local more = 0
	for _, state in ipairs(expiring) do
		if state ~= 'input_required' then
			local members = redis.call('ZRANGE', state_key(state), 0, limit - 1)
			if #members == limit then
				more = 1
			end
			for _, member in ipairs(members) do
				purged = purged + evict(string.match(member, '([^:]+)$'))
				redis.call('ZREM', state_key(state), member)
			end
		end
	end
	return { purged, more }
end

return redis.error_reply('Unknown docket operation ' .. tostring(op))
