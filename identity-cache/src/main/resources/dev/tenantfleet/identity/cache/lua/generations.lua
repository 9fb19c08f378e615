-- identity-cache: step (1) of a fill, BEFORE loading from the source of truth (one round trip, atomic).
-- KEYS[i] = tag counter key, e.g. tf:tag:user:<user-id>
-- ARGV[1] = tag TTL in milliseconds; ARGV[1 + i] = random start value for KEYS[i] if it does not exist
-- Returns the current generation of every tag, in KEYS order. A missing counter is created at its random start
-- (never 0 or 1, so a counter that expired and came back does not match a generation recorded before it expired).
-- Every counter touched gets its TTL refreshed.
local generations = {}
for i, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  if current then
    redis.call('PEXPIRE', key, ARGV[1])
    generations[i] = tonumber(current)
  else
    redis.call('SET', key, ARGV[i + 1], 'PX', ARGV[1])
    generations[i] = tonumber(ARGV[i + 1])
  end
end
return generations
