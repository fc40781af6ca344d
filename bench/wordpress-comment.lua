-- wrk script for WordPress's comment POST (bench/wordpress.sh): WordPress's comment form as a
-- browser without JavaScript sends it to /wp-comments-post.php. WordPress answers an accepted
-- comment with 302 to the post's page (#comment-N), and a comment held for moderation with 302 to
-- the page with ?unapproved=N: only the former counts as accepted. Every comment text and address
-- differs, as in bench/comment.lua. done() prints the totals, which wordpress.sh compares with the
-- rows stored.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  post = args[1]
  counter = 0
  -- Texts differ from any earlier run's too.
  run = tostring(os.time())
  accepted = 0
  refused = 0
end

function request()
  counter = counter + 1
  local body = "comment_post_ID=" .. post .. "&comment_parent=0&author=Bench+Reader"
    .. "&email=bench" .. id .. "-" .. counter .. "%40example.com&url="
    .. "&comment=Benchmark+comment+" .. run .. "-" .. id .. "-" .. counter
  return wrk.format("POST", "/wp-comments-post.php", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status == 302 and location:find("#comment%-") and not location:find("unapproved=") then
    accepted = accepted + 1
  else
    refused = refused + 1
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
