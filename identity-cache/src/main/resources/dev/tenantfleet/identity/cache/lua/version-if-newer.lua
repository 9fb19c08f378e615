-- identity-cache: everything that depends on "is this event's version newer than the last one applied to the entity?"
-- (one round trip, atomic), so the comparison is written once. Three uses:
--   check:      KEYS = {version key};                  ARGV = {version, 'check'}
--   record:     KEYS = {version key};                  ARGV = {version, version TTL ms}
--   invalidate: KEYS = {version key, tag counter keys}; ARGV = {version, version TTL ms, tag TTL ms, random starts}
-- KEYS[1] = version key of the entity, e.g. tf:ver:user:<user-id>; KEYS[1 + i] = tag counter keys to invalidate
-- ARGV[1] = the event's version (decimal, >= 1); ARGV[2] = 'check', or the version TTL in milliseconds;
-- ARGV[3] = tag TTL in ms; ARGV[3 + i] = random start value for KEYS[1 + i] if it does not exist
-- Returns 0 for a duplicate or an older version (nothing changed). Otherwise 'check' returns 1 and changes nothing;
-- the other uses invalidate every tag (as invalidate.lua), then record the version (effect and record are one atomic
-- step), and return 1.
local function newer(a, b) -- a > b for decimal strings of non-negative integers without leading zeros (exact)
  if #a ~= #b then
    return #a > #b
  end
  return a > b
end
local last = redis.call('GET', KEYS[1])
if last and not newer(ARGV[1], last) then
  return 0
end
if ARGV[2] == 'check' then
  return 1
end
for i = 2, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('INCR', KEYS[i])
    redis.call('PEXPIRE', KEYS[i], ARGV[3])
  else
    redis.call('SET', KEYS[i], ARGV[i + 2], 'PX', ARGV[3])
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
