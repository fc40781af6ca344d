-- wrk script for the comment benchmark. Each connection reads the reply form (a cached page whose
-- tokens are filled in per request), then posts one comment with that form's tokens, and so on;
-- every comment text differs. A 303 answer is an accepted comment; done() prints the totals,
-- which run.sh compares with the rows stored.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  path = args[1]
  cookie = args[2]
  forms = {}
  counter = 0
  accepted = 0
  refused = 0
end

local function field(body, name)
  return body:match('name="' .. name .. '" value="([^"]*)"')
    or body:match('name="' .. name .. '" id="[^"]*" value="([^"]*)"')
end

function request()
  local form = table.remove(forms)
  if form == nil then
    return wrk.format("GET", path, { ["Cookie"] = cookie })
  end
  counter = counter + 1
  local text = "Benchmark+comment+" .. id .. "-" .. counter
  local body = "comment_post_ID=" .. form.post .. "&comment_parent=&author=Bench+Reader"
    .. "&email=bench" .. id .. "%40example.com&url=&comment=" .. text
    .. "&contact_me_by_fax_only=&form_token=" .. form.token .. "&_csrf=" .. form.csrf
  return wrk.format("POST", "/comments/", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

function response(status, headers, body)
  if status == 303 then
    accepted = accepted + 1
    return
  end
  if status ~= 200 then
    refused = refused + 1
  end
  if body then
    local token = field(body, "form_token")
    local csrf = field(body, "_csrf")
    local post = body:match('name="comment_post_ID" value="(%d+)"')
    if token and csrf and post then
      table.insert(forms, { token = token, csrf = csrf, post = post })
    end
  end
end

function done(summary, latency, requests)
  local a, r = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    r = r + t:get("refused")
  end
  io.write(string.format("accepted=%d refused=%d\n", a, r))
end
