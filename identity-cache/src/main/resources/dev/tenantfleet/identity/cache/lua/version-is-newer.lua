-- identity-cache: is this version newer than the last one applied to the entity? (read only)
-- KEYS[1] = version key of the entity; ARGV[1] = the version (decimal, >= 1)
-- Returns 1 when no version is recorded or ARGV[1] is greater than it (exact decimal comparison), else 0.
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
return 1
