# Reads wrk --latency output; prints "req/s p50-ms p99-ms non-2xx" (req/s with one decimal under 10).
function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
function rate(r) { return r < 10 ? sprintf("%.1f", r) : sprintf("%.0f", r) }
/Requests\/sec/ { rps = $2 }
/^ +50%/ { p50 = ms($2) }
/^ +99%/ { p99 = ms($2) }
/Non-2xx/ { bad = $NF }
END { printf "%s %.2f %.2f %d\n", rate(rps), p50, p99, bad }
