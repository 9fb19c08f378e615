-- identity-cache: plain GET through the script port (used for the status mirror and version look-ups).
-- KEYS[1] = the key. Returns its value or nil.
return redis.call('GET', KEYS[1])
