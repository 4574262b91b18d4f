# Regular expressions and dicts: a log analyzer. Web-server access lines and
# application log lines are generated (a linear congruential generator
# written here), then parsed with compiled patterns (named groups, search,
# sub, findall) and aggregated into dicts: requests per status, method,
# hour and normalized endpoint, bytes, latency percentiles, user agents,
# errors per component. Imports `re` (the module it measures).
#
# Checked results: the parsed tallies equal the ones the generator kept
# while writing the lines.
import re

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
METHODS = ("GET", "GET", "GET", "POST", "PUT", "DELETE")
ENDPOINTS = ("/", "/index.html", "/api/users/{}", "/api/users/{}/orders", "/api/orders/{}",
             "/static/app.{}.js", "/search?q=item{}", "/api/items/{}/reviews/{}", "/login")
STATUSES = (200, 200, 200, 200, 201, 204, 301, 304, 400, 403, 404, 404, 500, 503)
AGENTS = ("Mozilla/5.0 (X11; Linux x86_64) Firefox/{}.0",
          "Mozilla/5.0 (Windows NT 10.0) Chrome/{}.0.1",
          "curl/7.{}.1", "Googlebot/2.{} (+http://www.google.com/bot.html)",
          "python-requests/2.{}.0")
USERS = ("-", "alice", "bob", "carol", "dave", "-", "-")
COMPONENTS = ("db.pool", "http.server", "auth", "cache", "worker")
LEVELS = ("DEBUG", "INFO", "INFO", "INFO", "WARN", "ERROR")
MESSAGES = ("timeout after {}s", "connection reset by peer (attempt {})",
            "cache miss for key user:{}", "retrying job {} of batch",
            "slow query took {}ms", "login failed for uid={}")

ACCESS = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?P<user>\S+) '
    r'\[(?P<day>\d\d)/(?P<month>\w{3})/(?P<year>\d{4}):(?P<hour>\d\d):(?P<minute>\d\d):(?P<second>\d\d) [+-]\d{4}\] '
    r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/(?P<version>[\d.]+)" '
    r'(?P<status>\d{3}) (?P<size>\d+|-) "(?P<referrer>[^"]*)" "(?P<agent>[^"]*)" (?P<latency>\d+\.\d+)$')
APP = re.compile(
    r"(?P<date>\d{4}-\d\d-\d\d)T(?P<time>[\d:]+)Z (?P<level>[A-Z]+) +"
    r"\[(?P<thread>[\w-]+)\] (?P<component>[\w.]+): (?P<message>.*)$")
NUMBER_SEGMENT = re.compile(r"/\d+(?=/|$)")
HASHED_ASSET = re.compile(r"\.[0-9a-f]{6,}\.js$")
QUERY = re.compile(r"\?.*$")
AGENT_FAMILY = re.compile(r"(Firefox|Chrome|curl|Googlebot|python-requests)")
NUMBERS = re.compile(r"\d+")
GREPS = (
    ("failures", re.compile(r"\b(?:timeout|reset|failed)\b")),
    ("api writes", re.compile(r'"(?:POST|PUT|DELETE) /api/\w+/\d+')),
    ("server errors", re.compile(r'" 5\d\d ')),
    ("bots", re.compile(r"(?i)googlebot|curl/")),
    ("night", re.compile(r"(?:T|:)0[0-5]:\d\d:\d\d")),
)


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 25214903917 + 11) & 0xFFFFFFFFFFFF
        return (self.state >> 17) % n

    def choice(self, items):
        return items[self.below(len(items))]


def generate(rng, count):
    """Returns the lines and the tallies a correct parser must find."""
    lines = []
    truth = {"status": {}, "bytes": 0, "errors": {}, "access": 0, "app": 0}
    for i in range(count):
        second = i * 3 + rng.below(3)
        hour, minute, sec = (second // 3600) % 24, (second // 60) % 60, second % 60
        if rng.below(5) < 4:
            ip = "%d.%d.%d.%d" % (10 + rng.below(3), rng.below(4), rng.below(16), 1 + rng.below(60))
            endpoint = rng.choice(ENDPOINTS)
            if "app." in endpoint:
                path = endpoint.format("%08x" % rng.below(1 << 30))
            else:
                path = endpoint.format(rng.below(5000), rng.below(50))
            status = rng.choice(STATUSES)
            size = rng.below(50000) if status not in (204, 304) else 0
            agent = rng.choice(AGENTS).format(60 + rng.below(60))
            lines.append('%s - %s [%02d/%s/2024:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %s "%s" "%s" %d.%03d' % (
                ip, rng.choice(USERS), 1 + (second // 86400) % 28, MONTHS[(second // 2419200) % 12],
                hour, minute, sec, rng.choice(METHODS), path, status,
                str(size) if size else "-",
                "-" if rng.below(3) else "https://example.com/page%d" % rng.below(20),
                agent, rng.below(3), rng.below(1000)))
            truth["status"][status] = truth["status"].get(status, 0) + 1
            truth["bytes"] += size
            truth["access"] += 1
        else:
            level = rng.choice(LEVELS)
            component = rng.choice(COMPONENTS)
            message = rng.choice(MESSAGES).format(rng.below(10000))
            lines.append("2024-%02d-%02dT%02d:%02d:%02dZ %-5s [worker-%d] %s: %s" % (
                1 + (second // 2419200) % 12, 1 + (second // 86400) % 28, hour, minute, sec,
                level, rng.below(8), component, message))
            if level == "ERROR":
                truth["errors"][component] = truth["errors"].get(component, 0) + 1
            truth["app"] += 1
    return lines, truth


def normalize(path):
    path = QUERY.sub("", path)
    path = HASHED_ASSET.sub(".HASH.js", path)
    return NUMBER_SEGMENT.sub("/:id", path)


def bump(table, key, amount=1):
    table[key] = table.get(key, 0) + amount


def analyze(lines):
    stats = {
        "status": {}, "method": {}, "hour": {}, "endpoint": {}, "agent": {}, "errors": {},
        "levels": {}, "bytes": 0, "latencies": [], "ips": set(), "users": {},
        "access": 0, "app": 0, "unparsed": 0, "numbers": 0,
    }
    for line in lines:
        m = ACCESS.match(line)
        if m:
            stats["access"] += 1
            status = int(m.group("status"))
            bump(stats["status"], status)
            bump(stats["method"], m.group("method"))
            bump(stats["hour"], int(m.group("hour")))
            bump(stats["endpoint"], normalize(m.group("path")))
            size = m.group("size")
            if size != "-":
                stats["bytes"] += int(size)
            family = AGENT_FAMILY.search(m.group("agent"))
            bump(stats["agent"], family.group(1) if family else "other")
            stats["latencies"].append(float(m.group("latency")))
            stats["ips"].add(m.group("ip"))
            user = m.group("user")
            if user != "-":
                bump(stats["users"], user)
            continue
        m = APP.match(line)
        if m:
            stats["app"] += 1
            level = m.group("level")
            bump(stats["levels"], level)
            if level == "ERROR":
                bump(stats["errors"], m.group("component"))
            stats["numbers"] += sum(int(n) for n in NUMBERS.findall(m.group("message")))
            continue
        stats["unparsed"] += 1
    return stats


def grep(lines):
    """Lines matching each pattern, the way one greps a log."""
    counts = {}
    for name, pattern in GREPS:
        counts[name] = sum(1 for line in lines if pattern.search(line))
    return counts


def percentile(ordered, p):
    return ordered[min(len(ordered) - 1, len(ordered) * p // 100)]


def main():
    rng = Rng(1234567)
    lines, truth = generate(rng, 24000)
    stats = analyze(lines)
    checks = (stats["status"] == truth["status"] and stats["bytes"] == truth["bytes"]
              and stats["errors"] == truth["errors"] and stats["access"] == truth["access"]
              and stats["app"] == truth["app"] and stats["unparsed"] == 0)
    print("lines", len(lines), "access", stats["access"], "app", stats["app"])
    print("tallies match the generator:", checks)
    print("status", sorted(stats["status"].items()))
    print("methods", sorted(stats["method"].items()))
    print("agents", sorted(stats["agent"].items()))
    print("levels", sorted(stats["levels"].items()))
    print("errors", sorted(stats["errors"].items()))
    print("users", sorted(stats["users"].items()))
    top = sorted(stats["endpoint"].items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    print("top endpoints", top)
    print("grep", grep(lines))
    busiest = max(sorted(stats["hour"].items()), key=lambda kv: kv[1])
    print("busiest hour", busiest, "distinct ips", len(stats["ips"]))
    ordered = sorted(stats["latencies"])
    print("latency p50 %.3f p90 %.3f p99 %.3f" % (
        percentile(ordered, 50), percentile(ordered, 90), percentile(ordered, 99)))
    digest = 0
    for key, count in sorted(stats["endpoint"].items()):
        for c in key:
            digest = (digest * 131 + ord(c)) % 1000000007
        digest = (digest * 7 + count) % 1000000007
    print("checksum", stats["bytes"], stats["numbers"], digest)


main()
