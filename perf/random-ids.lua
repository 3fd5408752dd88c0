-- Requests PREFIX .. id .. SUFFIX for ids picked at random from a file, one id per line.
-- Usage: wrk -s perf/random-ids.lua URL -- IDS_FILE PREFIX [SUFFIX]
local ids = {}
local prefix, suffix

function init(args)
  for line in io.lines(args[1]) do
    ids[#ids + 1] = line
  end
  prefix = args[2]
  suffix = args[3] or ""
end

function request()
  return wrk.format("GET", prefix .. ids[math.random(#ids)] .. suffix)
end
