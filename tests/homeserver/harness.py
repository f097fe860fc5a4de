#!/usr/bin/env python3
"""Synapse test-server harness for Renkei's integration tests.

    harness.py start  --dir D [--users a,b] [--port N] [--rate-limits high|default]
                      [--access-token-lifetime 3s] [--appservice]
    harness.py stop   --dir D      SIGTERM (SIGKILL after 30 s); the data is kept
    harness.py status --dir D      exit 0 if running and answering
    harness.py wipe   --dir D      stop, then delete D

`start` installs the pinned Synapse into a venv (RENKEI_SYNAPSE_VENV), generates a
config in D, runs Synapse on 127.0.0.1, registers the users and writes D/state.json
(mode 0600). Each `start` rewrites D/overrides.yaml from its own options and restarts
a running server whose configuration differs. With RENKEI_TEST_HOMESERVER and
RENKEI_TEST_REGISTRATION_SECRET set it launches nothing and registers the users on
that server instead. --appservice also registers an application service without a URL
(D/appservice.yaml; its as_token in state.json under "appservice") whose token may act as
any local user (`user_id` masquerading) and backdate events (`ts`), for seeding demo data.
Standard library only; secrets, passwords and tokens are never printed, and stdout gets
one line.
"""
import argparse, fcntl, hashlib, hmac, json, os, secrets, shutil, signal, socket
import subprocess, sys, time, urllib.error, urllib.parse, urllib.request
from pathlib import Path

SYNAPSE_VERSION = "1.160.0"
DEFAULT_USERS = "nurse.sato,dr.tanaka,pharm.suzuki"
ADMIN_USER = "renkei-admin"
SERVER_NAME = "localhost"
READY_TIMEOUT, STOP_TIMEOUT = 90.0, 30.0
HIGH = {"per_second": 10000, "burst_count": 10000}
# Every limiter that synapse/config/ratelimiting.py reads in Synapse 1.160.
RATE_LIMITS = {key: HIGH for key in (
    "rc_message", "rc_registration", "rc_registration_token_validity",
    "rc_admin_redaction", "rc_joins_per_room", "rc_key_requests", "rc_3pid_validation",
    "rc_third_party_invite", "rc_media_create", "rc_delayed_event_mgmt",
    "rc_room_creation", "rc_reports", "rc_user_directory")}
RATE_LIMITS.update({
    "rc_login": {"address": HIGH, "account": HIGH, "failed_attempts": HIGH},
    "rc_joins": {"local": HIGH, "remote": HIGH},
    "rc_invites": {"per_room": HIGH, "per_user": HIGH, "per_issuer": HIGH},
    "rc_presence": {"per_user": HIGH}})


class HarnessError(Exception):
    """A failure reported as one line on stderr and exit status 1."""


def note(msg):
    """Progress and errors go to stderr: stdout carries one line only."""
    print(f"harness: {msg}", file=sys.stderr, flush=True)


# --- HTTP and files -----------------------------------------------------------------

def http(method, url, body=None, token=None, timeout=10.0):
    """Send a JSON request; return (status, decoded JSON body or {})."""
    req = urllib.request.Request(url, method=method, headers={
        "Content-Type": "application/json", **({"Authorization": f"Bearer {token}"}
                                               if token else {})},
        data=None if body is None else json.dumps(body).encode())
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read()
    try:
        return status, json.loads(raw or b"{}")
    except ValueError:
        return status, {}


def answering(base_url):
    """True if GET /_matrix/client/versions answers 200."""
    try:
        return http("GET", f"{base_url}/_matrix/client/versions", timeout=2.0)[0] == 200
    except OSError:  # includes URLError and timeouts
        return False


def write_private(path, text):
    """Replace `path` atomically with a file of mode 0600."""
    tmp = path.with_name(path.name + ".tmp")
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        f.write(text)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def load_state(d):
    return json.loads((d / "state.json").read_text()) if (d / "state.json").exists() else {}


def save_state(d, state):
    write_private(d / "state.json", json.dumps(state, indent=2, sort_keys=True))


def locked(path):
    """Open and flock `path` exclusively; the lock lasts while the file stays open."""
    f = open(path, "a")
    fcntl.flock(f, fcntl.LOCK_EX)
    return f


# --- Synapse venv and process -------------------------------------------------------

def ensure_venv():
    """Return the venv's python, installing matrix-synapse==SYNAPSE_VERSION if needed."""
    venv = Path(os.environ.get("RENKEI_SYNAPSE_VENV")
                or Path.home() / ".cache/renkei" / f"synapse-{SYNAPSE_VERSION}")
    py = venv / "bin" / "python"
    check = [str(py), "-c", f"import sys, synapse; sys.exit(synapse.__version__ != "
             f"'{SYNAPSE_VERSION}')"]

    def importable():
        return py.exists() and subprocess.run(check, capture_output=True).returncode == 0

    if importable():
        return py
    venv.parent.mkdir(parents=True, exist_ok=True)
    with locked(venv.parent / f"{venv.name}.lock"):  # one installer at a time
        if not importable():
            note(f"installing matrix-synapse=={SYNAPSE_VERSION} into {venv} (minutes)")
            if not py.exists():
                subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run([str(py), "-m", "pip", "install", "--quiet",
                            f"matrix-synapse=={SYNAPSE_VERSION}"], check=True,
                           stdout=sys.stderr)
    if not importable():
        raise HarnessError(f"synapse {SYNAPSE_VERSION} is not importable from {py}")
    return py


def pid_alive(pid):
    """True if `pid` is a live (not zombie) Synapse process."""
    try:
        # Our own child (maybe not exec'd yet): alive unless it has just been reaped.
        return bool(pid) and os.waitpid(pid, os.WNOHANG)[0] != pid
    except ChildProcessError:
        pass  # not our child
    try:
        os.kill(pid, 0)
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but unreadable or no /proc
    return b"synapse" in cmdline and state != "Z"  # guards against PID reuse


def bindable(port=0):
    """The port if 127.0.0.1:port can be listened on (0: any free port), else None."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Twisted does
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return None
        return s.getsockname()[1]


def generate_config(py, d):
    """Run Synapse's --generate-config once (signing key, macaroon and form secrets)."""
    with open(d / "synapse.out", "a") as out:
        subprocess.run([str(py), "-m", "synapse.app.homeserver", "--server-name",
                        SERVER_NAME, "--config-path", str(d / "homeserver.yaml"),
                        "--generate-config", "--report-stats=no", "--data-directory",
                        str(d)], check=True, cwd=d, stdout=out, stderr=subprocess.STDOUT)
    for path in [d / "homeserver.yaml", *d.glob("*.signing.key")]:
        path.chmod(0o600)


def log_config(d):
    """Unbuffered INFO logging to D/homeserver.log, nothing to the console."""
    fmt = "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s"
    return {"version": 1, "disable_existing_loggers": False,
            "formatters": {"precise": {"format": fmt}},
            "handlers": {"file": {"class": "logging.FileHandler", "formatter": "precise",
                                  "filename": str(d / "homeserver.log"), "encoding": "utf8"}},
            "root": {"level": "INFO", "handlers": ["file"]}}


def overrides(d, state, args):
    """The override config; Synapse merges it (top-level keys) over homeserver.yaml."""
    port = state["port"]
    cfg = {
        "listeners": [{"port": port, "bind_addresses": ["127.0.0.1"], "type": "http",
                       "tls": False, "x_forwarded": False,
                       "resources": [{"names": ["client"], "compress": False}]}],
        "database": {"name": "sqlite3", "args": {"database": str(d / "homeserver.db")}},
        "media_store_path": str(d / "media_store"),
        "public_baseurl": f"http://127.0.0.1:{port}/",
        "log_config": str(d / "log.yaml"),
        "registration_shared_secret": state["registration_shared_secret"],
        "enable_registration": False, "bcrypt_rounds": 4, "trusted_key_servers": [],
        "suppress_key_server_warning": True, "federation_domain_whitelist": [],
        "url_preview_enabled": False, "report_stats": False,
        "user_directory": {"enabled": True, "search_all_users": True},
        # An invitation to a patient room shows the patient, the consent record and the
        # inviter's profession before it is accepted (core/care/SCHEMA.md, "Server").
        "room_prejoin_state": {"additional_event_types": [
            "jp.renkei.patient", "jp.renkei.consent", "jp.renkei.member"]},
    }
    if args.rate_limits == "high":
        cfg.update(RATE_LIMITS)
    if args.access_token_lifetime:
        cfg["refreshable_access_token_lifetime"] = args.access_token_lifetime
    if args.policy:
        # The network's policy for Renkei (SECURITY.md), served in the client well-known.
        cfg["serve_client_wellknown"] = True
        cfg["extra_well_known_client_content"] = {"jp.renkei.policy": json.loads(args.policy)}
    if args.appservice:
        cfg["app_service_config_files"] = [str(d / "appservice.yaml")]
    return cfg


def appservice_registration(state):
    """An application service that receives nothing (url: null, allowed by Synapse) and may
    masquerade as every local user (non-exclusive: they keep their passwords)."""
    reg = state["appservice"]
    return {"id": reg["id"], "url": None, "as_token": reg["as_token"],
            "hs_token": reg["hs_token"], "sender_localpart": reg["sender_localpart"],
            "rate_limited": False,
            "namespaces": {"users": [{"exclusive": False, "regex": "@.*"}],
                           "aliases": [], "rooms": []}}


def launch(py, d, state):
    """Start Synapse detached, record its PID, wait until /versions answers."""
    if not bindable(state["port"]):  # else another server's /versions would fool us
        raise HarnessError(f"port {state['port']} is in use by another process")
    with open(d / "synapse.out", "a") as out:
        proc = subprocess.Popen(
            [str(py), "-m", "synapse.app.homeserver", "-c", str(d / "homeserver.yaml"),
             "-c", str(d / "overrides.yaml")], cwd=d, stdin=subprocess.DEVNULL,
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    state["pid"] = proc.pid
    save_state(d, state)
    if not wait_answering(state):
        for log in (d / "synapse.out", d / "homeserver.log"):
            text = log.read_text(errors="replace") if log.exists() else ""
            sys.stderr.write(f"--- tail of {log}\n" + "\n".join(text.splitlines()[-40:]) + "\n")
        raise HarnessError(f"synapse did not answer on {state['base_url']}")


def wait_answering(state):
    """True once the PID answers /versions; if it dies or times out, stop it."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline and pid_alive(state["pid"]):
        if answering(state["base_url"]):
            return True
        time.sleep(0.1)
    stop_pid(state["pid"])
    return False


def stop_pid(pid):
    """SIGTERM, wait up to STOP_TIMEOUT, then SIGKILL. Quiet if already gone."""
    for sig, wait in ((signal.SIGTERM, STOP_TIMEOUT), (signal.SIGKILL, 10.0)):
        if not pid_alive(pid):
            return
        if sig == signal.SIGKILL:
            note(f"pid {pid} ignored SIGTERM for {STOP_TIMEOUT:.0f} s: SIGKILL")
        os.kill(pid, sig)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and pid_alive(pid):
            time.sleep(0.1)


# --- Users --------------------------------------------------------------------------

def register(state, user, password, admin=False):
    """Shared-secret registration; the response, or None if the name is taken."""
    url = f"{state['base_url']}/_synapse/admin/v1/register"
    status, body = http("GET", url)
    if status != 200:
        raise HarnessError(f"GET {url} answered {status}")
    mac = hmac.new(state["registration_shared_secret"].encode(), digestmod=hashlib.sha1)
    mac.update(b"\0".join([body["nonce"].encode(), user.encode(), password.encode(),
                           b"admin" if admin else b"notadmin"]))
    status, body = http("POST", url, {"nonce": body["nonce"], "username": user,
                                      "password": password, "admin": admin,
                                      "mac": mac.hexdigest()})
    if status == 400 and body.get("errcode") == "M_USER_IN_USE":
        return None
    if status != 200:
        raise HarnessError(f"registering {user} failed: {status} {body.get('errcode')}")
    return body


def ensure_admin(state):
    """Keep a still-valid admin token, or register the admin and record its token."""
    admin = state.get("admin")
    if admin and http("GET", f"{state['base_url']}/_matrix/client/v3/account/whoami",
                      token=admin["access_token"])[0] == 200:
        return
    if admin:
        note("stored admin token rejected (server reset?): registering users again")
        state["users"] = {}
    password = secrets.token_urlsafe(18)
    body = register(state, ADMIN_USER, password, admin=True)
    if body is None:  # taken on an external server by an earlier run elsewhere
        body = register(state, f"{ADMIN_USER}-{secrets.token_hex(4)}", password, True)
    state["admin"] = {"user_id": body["user_id"], "password": password,
                      "access_token": body["access_token"]}
    state["server_name"] = body["user_id"].split(":", 1)[1]


def ensure_users(state, names):
    """Register every name not yet in state; take over names that already exist."""
    users = state.setdefault("users", {})
    for name in (n for n in names if n not in users):
        password = secrets.token_urlsafe(18)
        body = register(state, name, password)
        user_id = body["user_id"] if body else f"@{name}:{state['server_name']}"
        if body is None:  # exists on the server but not in our state: reset its password
            url = (f"{state['base_url']}/_synapse/admin/v1/reset_password/"
                   f"{urllib.parse.quote(user_id, safe='')}")
            status, _ = http("POST", url, {"new_password": password, "logout_devices": False},
                             token=state["admin"]["access_token"])
            if status != 200:
                raise HarnessError(f"{user_id} exists; resetting its password gave {status}")
        users[name] = {"user_id": user_id, "password": password}


# --- Commands -----------------------------------------------------------------------

def start_local(d, state, args):
    """Configure and (re)start the local Synapse unless it already runs as configured."""
    if not (d / "homeserver.yaml").exists():
        generate_config(ensure_venv(), d)
    if args.port:
        state["port"] = args.port
    state.setdefault("port", bindable())  # kept, so a restart keeps the same URL
    state.setdefault("registration_shared_secret", secrets.token_urlsafe(32))
    state.update(base_url=f"http://127.0.0.1:{state['port']}", external=False,
                 server_name=SERVER_NAME)
    if args.appservice:
        state.setdefault("appservice", {"id": "renkei-seeder", "sender_localpart": "renkei-seeder",
                                        "as_token": secrets.token_urlsafe(32),
                                        "hs_token": secrets.token_urlsafe(32)})
        write_private(d / "appservice.yaml",  # JSON is YAML
                      json.dumps(appservice_registration(state), indent=2))
    else:
        state.pop("appservice", None)
    cfg_text = json.dumps(overrides(d, state, args), indent=2)
    cfg_path = d / "overrides.yaml"
    running = pid_alive(state.get("pid"))
    if running and (not cfg_path.exists() or cfg_path.read_text() != cfg_text):
        note("configuration changed: restarting synapse")
        stop_pid(state["pid"])
        running = False
    write_private(cfg_path, cfg_text)
    write_private(d / "log.yaml", json.dumps(log_config(d), indent=2))
    if not (running and wait_answering(state)):
        launch(ensure_venv(), d, state)


def cmd_start(d, args):
    state = load_state(d)
    url = os.environ.get("RENKEI_TEST_HOMESERVER", "").rstrip("/")
    secret = os.environ.get("RENKEI_TEST_REGISTRATION_SECRET")
    external = bool(url and secret)
    if state.get("external", external) != external:
        state = {}  # switched between local and external: nothing carries over
    if external:
        state.update(base_url=url, registration_shared_secret=secret, external=True,
                     pid=None, port=urllib.parse.urlsplit(url).port)
        state.pop("appservice", None)
        if args.appservice:
            note("--appservice is ignored for an external homeserver")
        if not answering(url):
            raise HarnessError(f"external homeserver {url} is not answering")
    else:
        start_local(d, state, args)
    save_state(d, state)
    ensure_admin(state)
    save_state(d, state)
    ensure_users(state, [u.strip() for u in args.users.split(",") if u.strip()])
    save_state(d, state)
    print(f"homeserver ready at {state['base_url']} (state: {d / 'state.json'})")


def cmd_stop(d, _args):
    state = load_state(d)
    if state and not state.get("external"):
        stop_pid(state.get("pid"))
        state["pid"] = None
        save_state(d, state)


def cmd_status(d, _args):
    state = load_state(d)
    ok = bool(state) and (state.get("external") or pid_alive(state.get("pid"))) \
        and answering(state["base_url"])
    print(f"homeserver {'running at ' + state['base_url'] if ok else 'not running'}")
    return 0 if ok else 1


def cmd_wipe(d, args):
    cmd_stop(d, args)
    shutil.rmtree(d)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("start", "stop", "status", "wipe"):
        p = sub.add_parser(name)
        p.add_argument("--dir", required=True, type=lambda s: Path(s).expanduser().resolve())
        if name == "start":
            p.add_argument("--users", default=DEFAULT_USERS, help="comma-separated names")
            p.add_argument("--port", type=int, help="default: a free port, then kept")
            p.add_argument("--rate-limits", choices=("high", "default"), default="high")
            p.add_argument("--access-token-lifetime", metavar="DURATION",
                           help="refreshable_access_token_lifetime, e.g. 3s")
            p.add_argument("--policy", metavar="JSON",
                           help="serve this jp.renkei.policy in /.well-known/matrix/client")
            p.add_argument("--appservice", action="store_true",
                           help="also register an application service (demo seeding)")
    args = parser.parse_args(argv)
    command = {"start": cmd_start, "stop": cmd_stop, "wipe": cmd_wipe}.get(args.command)
    try:
        if command is None or not (args.dir.is_dir() or args.command == "start"):
            return cmd_status(args.dir, args) if command is None else 0
        args.dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        with locked(args.dir / ".harness.lock"):  # serialises concurrent harness runs
            return command(args.dir, args) or 0
    except (HarnessError, subprocess.CalledProcessError, OSError, KeyError) as err:
        note(f"error: {type(err).__name__}: {err}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
