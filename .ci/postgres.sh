#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the tests and print the lines to eval:
#
#   eval "$(.ci/postgres.sh)"          # exports VNPLAN_TEST_PG_URL and VNPLAN_PG_DIR
#   .ci/postgres.sh stop               # stops it and removes its folder (uses VNPLAN_PG_DIR)
#
# The server runs from a temporary folder as an unprivileged user (PostgreSQL
# refuses to run as root; CI runs as root, so a user "vnplan-pg" is created),
# listens on 127.0.0.1 on a free port, trusts local connections, and holds one
# database "vnplan_test". Only the export lines go to stdout; progress goes to stderr.
set -euo pipefail

PG_USER=vnplan-pg

find_bindir() {
    local dir
    for dir in "${PG_BINDIR:-}" /usr/lib/postgresql/*/bin; do
        [ -n "$dir" ] && [ -x "$dir/initdb" ] && { echo "$dir"; return; }
    done
    command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return; }
    echo "postgres.sh: no PostgreSQL server binaries (initdb) found" >&2
    exit 1
}

as_owner() {  # run a command as the server's owner
    if [ "$(id -u)" = 0 ]; then
        runuser -u "$PG_USER" -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local bindir dir port
    bindir=$(find_bindir)
    if [ "$(id -u)" = 0 ] && ! id "$PG_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
    fi
    dir=$(mktemp -d /tmp/vnplan-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown "$PG_USER" "$dir"
    chmod 700 "$dir"
    port=$(free_port)
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2 \
        || as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >&2
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >&2
    as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres vnplan_test >&2
    echo "export VNPLAN_PG_DIR=$dir"
    echo "export VNPLAN_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/vnplan_test"
}

stop() {
    local dir=${1:-${VNPLAN_PG_DIR:-}}
    [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "postgres.sh: nothing to stop (set VNPLAN_PG_DIR)" >&2; return 0; }
    as_owner "$(find_bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
}

case "${1:-start}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 [start|stop [DIR]]" >&2; exit 2 ;;
esac
