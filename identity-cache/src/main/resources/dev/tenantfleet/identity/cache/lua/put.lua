-- identity-cache: step (3) of a fill, AFTER loading (one round trip, atomic).
-- KEYS[1] = entry key; KEYS[1 + i] = tag counter key of the i-th tag recorded in the entry
-- ARGV[1] = entry JSON {"tags":{"<tag>":<generation>,...},"data":<payload>} (generations from step 1)
-- ARGV[2] = entry TTL in milliseconds; ARGV[3] = tag TTL in milliseconds
-- ARGV[3 + i] = the generation recorded for KEYS[1 + i] (the same number as in the JSON)
-- Writes the entry only if every recorded generation is still current: a tag invalidated since step (1) would make
-- the entry stale on its first read anyway, so it is not written at all. Refreshes the TTL of every tag counter.
-- Returns 1 when written, 0 when refused.
for i = 2, #KEYS do
  local current = redis.call('GET', KEYS[i])
  if not current or tonumber(current) ~= tonumber(ARGV[i + 2]) then
    return 0
  end
end
for i = 2, #KEYS do
  redis.call('PEXPIRE', KEYS[i], ARGV[3])
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
