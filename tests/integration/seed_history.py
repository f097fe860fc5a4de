#!/usr/bin/env python3
"""Test data for the offline-history test: ROOMS rooms of POSTS text posts each.

    seed_history.py --state STATE.json --user NAME --rooms 20 --posts 300 --tag TAG
                    [--reuse FILE]

Signs in as the harness user NAME (password from the harness's state.json), creates ROOMS
private rooms named "TAG r<k>" and posts "TAG r<k> p<i>" (i = 0 .. POSTS-1) into each
through the plain Client-Server API: one thread per room, each posting in order over one
kept-alive connection, so the rooms fill concurrently (the harness's Synapse has its rate
limits raised). Prints one JSON line {"rooms": [room ids, in k order], "tag": TAG,
"seconds": S, "reused": false}. With --reuse, FILE records what was seeded; a later run with
the same user, rooms and posts whose user is in exactly the recorded rooms prints that record
("reused": true, with its own TAG) instead of posting 6,000 events again (the fixture's
Synapse keeps its data between runs; on a busy machine it persists only ~10-100 events/s).
Standard library only; the password and token are never printed. Test data is fictional.
"""
import argparse, http.client, json, sys, threading, time, urllib.parse


class Api:
    def __init__(self, base_url, token=None):
        url = urllib.parse.urlsplit(base_url)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        self.token = token

    def call(self, method, path, body):
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        for attempt in range(5):
            self.conn.request(method, path, json.dumps(body).encode(), headers)
            reply = self.conn.getresponse()
            data = json.loads(reply.read() or b"{}")
            if reply.status == 429:  # should not happen with raised limits; honour it anyway
                time.sleep(data.get("retry_after_ms", 100) / 1000.0)
                continue
            if reply.status != 200:
                raise RuntimeError(f"{method} {path.split('?')[0]}: HTTP {reply.status} "
                                   f"{data.get('errcode', '')}")
            return data
        raise RuntimeError(f"{method}: still rate limited")


def joinedRooms(base, token):
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    conn.request("GET", "/_matrix/client/v3/joined_rooms",
                 headers={"Authorization": "Bearer " + token})
    reply = conn.getresponse()
    body = json.loads(reply.read() or b"{}")
    if reply.status != 200:
        raise RuntimeError(f"joined_rooms: HTTP {reply.status}")
    return body.get("joined_rooms", [])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--state", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--rooms", type=int, default=20)
    p.add_argument("--posts", type=int, default=300)
    p.add_argument("--tag", required=True)
    p.add_argument("--reuse")
    args = p.parse_args()
    with open(args.state) as f:
        state = json.load(f)
    base = state["base_url"]
    started = time.monotonic()
    login = Api(base).call("POST", "/_matrix/client/v3/login", {
        "type": "m.login.password", "identifier": {"type": "m.id.user", "user": args.user},
        "password": state["users"][args.user]["password"],
        "initial_device_display_name": "seed_history"})
    token = login["access_token"]
    api = Api(base, token)
    shape = {"user": args.user, "rooms": args.rooms, "posts": args.posts}
    if args.reuse:
        try:
            with open(args.reuse) as f:
                record = json.load(f)
        except (OSError, ValueError):
            record = None
        if record and record.get("shape") == shape:
            if set(record["rooms"]) == set(joinedRooms(base, token)):
                api.call("POST", "/_matrix/client/v3/logout", {})
                print(json.dumps({"rooms": record["rooms"], "tag": record["tag"],
                                  "seconds": round(time.monotonic() - started, 2),
                                  "reused": True}))
                return 0
    # The account is to be in exactly these rooms: leave those of an earlier, partial seeding.
    for room_id in joinedRooms(base, token):
        api.call("POST", f"/_matrix/client/v3/rooms/{urllib.parse.quote(room_id, safe='')}/leave",
                 {})
    rooms = [api.call("POST", "/_matrix/client/v3/createRoom",
                      {"preset": "private_chat", "name": f"{args.tag} r{k}"})["room_id"]
             for k in range(args.rooms)]
    errors = []

    def fill(k, room_id):
        try:
            room_api = Api(base, token)
            room = urllib.parse.quote(room_id, safe="")
            for i in range(args.posts):
                room_api.call("PUT", f"/_matrix/client/v3/rooms/{room}/send/m.room.message/"
                                     f"{args.tag}-{k}-{i}",
                              {"msgtype": "m.text", "body": f"{args.tag} r{k} p{i}"})
        except Exception as e:  # reported below; never with the token
            errors.append(f"room {k}: {e}")

    threads = [threading.Thread(target=fill, args=(k, r)) for k, r in enumerate(rooms)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    api.call("POST", "/_matrix/client/v3/logout", {})
    if errors:
        sys.stderr.write("\n".join(errors) + "\n")
        return 1
    seconds = round(time.monotonic() - started, 2)
    if args.reuse:
        with open(args.reuse, "w") as f:
            json.dump({"shape": shape, "rooms": rooms, "tag": args.tag}, f)
    print(json.dumps({"rooms": rooms, "tag": args.tag, "seconds": seconds, "reused": False}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
