-- A mix of finder searches for wrk: need domains, a city, a radius, and now and then a language,
-- an age, a yes/no filter or words, drawn at random for each request.
-- Usage: wrk -s perf/matches.lua URL [-- PATH]   (PATH: /api/v1/matches by default, or / for the page)
local path = "/api/v1/matches"
local domains = { "immediate-safety", "short-term-housing", "long-term-housing", "health", "material-needs",
  "psychological-support", "youth-protection", "immigration", "work", "legal-aid", "spiritual-support", "education" }
local places = { "Montreal", "Toronto", "Vancouver", "Calgary", "Halifax", "Winnipeg", "Quebec", "Ottawa", "Gatineau",
  "Regina", "Iqaluit", "Whitehorse", "Yellowknife", "Moncton", "Charlottetown", "Sherbrooke", "Saguenay", "Hamilton",
  "Edmonton", "Saskatoon", "Kelowna", "Sudbury", "Thunder%20Bay", "Trois-Rivieres", "Fredericton" }
local radii = { "5", "10", "25", "50", "100", "province" }
local filters = { "open_now=true", "open_24_7=true", "no_status_required=true", "trafficking_specific=true",
  "accepting_new_clients=true", "language=es", "language=tl", "age=17", "gender=women", "q=refuge", "q=legal%20clinic" }

function init(args)
  if args[1] then path = args[1] end
  math.randomseed(20261124)
end

local function pick(list) return list[math.random(#list)] end

function request()
  local query = "?domain=" .. pick(domains) .. "&place=" .. pick(places) .. "&radius=" .. pick(radii)
  if math.random(2) == 1 then query = query .. "&domain=" .. pick(domains) end
  if math.random(3) == 1 then query = query .. "&" .. pick(filters) end
  return wrk.format("GET", path .. query)
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; %d requests, %d errors (status %d)\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout, summary.errors.status))
end
