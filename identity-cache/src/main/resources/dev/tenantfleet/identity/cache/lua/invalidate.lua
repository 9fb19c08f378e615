-- identity-cache: invalidate one tag in O(1) (one round trip, atomic, touches exactly one key: KEYS[1]).
-- KEYS[1] = tag counter key; ARGV[1] = tag TTL in milliseconds; ARGV[2] = random start value if it does not exist
-- Bumps the generation (every entry that recorded the old one is now stale, however many there are) or, if the
-- counter is missing (every entry that carried it is stale already), creates it at a random start. Refreshes the TTL.
-- Returns the new generation.
local generation
if redis.call('EXISTS', KEYS[1]) == 1 then
  generation = redis.call('INCR', KEYS[1])
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
else
  generation = tonumber(ARGV[2])
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[1])
end
return generation
