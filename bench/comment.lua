-- wrk script for the comment benchmark. Each connection reads the reply form once, then posts
-- comments the way the page's script does (X-Requested-With: fetch): each accepted comment answers
-- 200 with the new comment's HTML and, in X-Form-Token, the form token for the next one, so a
-- writer never reloads the post (which every new comment changes). Every comment text differs. A
-- 200 answer to a post is an accepted comment; done() prints the totals, which run.sh compares
-- with the rows stored.
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
  known = nil
  -- Texts differ from any earlier run's too (a repeated text is refused as a duplicate).
  run = tostring(os.time())
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
  local text = "Benchmark+comment+" .. run .. "-" .. id .. "-" .. counter
  -- Many readers, not one reader writing a thousand comments a second: each comment has its own
  -- address, as an audience does.
  local body = "comment_post_ID=" .. form.post .. "&comment_parent=&author=Bench+Reader"
    .. "&email=bench" .. id .. "-" .. counter .. "%40example.com&url=&comment=" .. text
    .. "&contact_me_by_fax_only=&form_token=" .. form.token .. "&_csrf=" .. form.csrf
  return wrk.format("POST", "/comments/", {
    ["Cookie"] = cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Requested-With"] = "fetch",
  }, body)
end

function response(status, headers, body)
  -- The connections of a thread share this state, so an answer is told by what it carries: an
  -- accepted comment brings the next form token (the CSRF token and post stay the same).
  local next_token = headers["X-Form-Token"]
  if status == 200 and next_token and known then
    accepted = accepted + 1
    table.insert(forms, { token = next_token, csrf = known.csrf, post = known.post })
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
      known = { csrf = csrf, post = post }
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
