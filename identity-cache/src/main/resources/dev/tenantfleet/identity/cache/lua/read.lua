-- identity-cache: read a tagged entry (one round trip, atomic).
-- KEYS[1] = entry key, e.g. tf:t:<tenant-id>:user:<user-id>
-- ARGV[1] = prefix of the tag counters, e.g. "tf:tag:"
-- Returns the whole entry JSON {"tags":{...},"data":...} when every tag generation recorded in it still equals the
-- tag's current counter; otherwise deletes the entry and returns nil. A missing counter never matches (stale).
-- Entries that are not readable JSON of that shape are deleted too (a miss: the application reloads).
local raw = redis.call('GET', KEYS[1])
if not raw then
  return false
end
local ok, entry = pcall(cjson.decode, raw)
if not ok or type(entry) ~= 'table' or type(entry.tags) ~= 'table' then
  redis.call('DEL', KEYS[1])
  return false
end
local counters, recorded = {}, {}
for tag, generation in pairs(entry.tags) do
  counters[#counters + 1] = ARGV[1] .. tag
  recorded[#recorded + 1] = generation
end
if #counters > 0 then
  local current = redis.call('MGET', unpack(counters))
  for i = 1, #counters do
    if not current[i] or type(recorded[i]) ~= 'number' or tonumber(current[i]) ~= recorded[i] then
      redis.call('DEL', KEYS[1])
      return false
    end
  end
end
return raw
