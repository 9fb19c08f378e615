-- identity-cache: mirror a tenant status from tenant.events, ordered by event time (atomic compare-and-set).
-- KEYS[1] = tenant status key, e.g. tf:tenant-status:<tenant-id>
-- ARGV[1] = the new value {"status":"READ_ONLY","at":"<at>","eventId":"<id>"}; ARGV[2] = <at>; ARGV[3] = TTL in ms
-- <at> is RFC 3339 UTC with exactly nine fractional digits (2025-03-20T07:16:13.884512000Z), so string order is
-- time order. Stores the value unless the stored one is at the same time or later; returns 1 if stored, else 0.
local raw = redis.call('GET', KEYS[1])
if raw then
  local ok, stored = pcall(cjson.decode, raw)
  if ok and type(stored) == 'table' and type(stored.at) == 'string' and stored.at >= ARGV[2] then
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1
