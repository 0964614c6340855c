# Varnish in front of Nashra's nodes (#16): docs/deploy.md says where it sits.
# Tested as is by nashra/pagecache/tests/test_varnish.py, with only the
# backend's address replaced. Varnish 7.
vcl 4.1;

import std;

backend nashra {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may send bans: the Nashra nodes (NASHRA_VARNISH_URLS points here).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.X-Ban-Groups) {
            return (synth(400, "X-Ban-Groups missing"));
        }
        # obj.* only, so the ban lurker clears matching copies in the
        # background instead of every request testing them.
        ban("obj.http.X-Nashra-Groups ~ " + req.http.X-Ban-Groups);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # What the application's page cache never shares is not shared here:
    # staff and readers with a session, comment cookies, credentials.
    if (req.http.Authorization ||
        req.http.Cookie ~ "(^|;\s*)(sessionid|nashra_comments[^=]*|nashra-comment[^=]*)=") {
        return (pass);
    }
    if (req.url ~ "^/(admin|comments|theme/seen|documents)/") {
        return (pass);
    }
    # Other cookies (analytics, consent) change nothing the site answers.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # The application's Cache-Control says s-maxage and
    # stale-while-revalidate; Varnish takes its TTL from s-maxage. Keep an
    # expired copy as long again, served while one fetch refreshes it: a
    # spike on a page that just expired costs one render, not one per reader.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1") + "s",
            60s);
    }
    # Ban-by-group keeps listings and feeds right; without a label a copy
    # would only expire, so those are kept briefly.
    if (!beresp.http.X-Nashra-Groups && beresp.ttl > 10s) {
        set beresp.ttl = 10s;
    }
}

sub vcl_deliver {
    unset resp.http.X-Nashra-Groups;
}
