-- identity-cache: record a version AFTER the event's effect is durable (atomic compare-and-set).
-- KEYS[1] = version key of the entity; ARGV[1] = the version (decimal, >= 1); ARGV[2] = TTL in milliseconds
-- Stores ARGV[1] only if it is newer than the stored version (or none is stored); returns 1 if stored, else 0.
local function newer(a, b)
  if #a ~= #b then
    return #a > #b
  end
  return a > b
end
local last = redis.call('GET', KEYS[1])
if last and not newer(ARGV[1], last) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
