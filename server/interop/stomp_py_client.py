"""Drives Debian's python3-stomp (stomp.py 8.0.0) against Wirelab's raw TCP STOMP port.

    /usr/bin/python3 server/interop/stomp_py_client.py <port> <scenario>

Scenarios: v10, v11, v12 (a whole session with stomp.Connection10/11/12: connect, subscribe to a
topic and a queue, send, receive, ack in client mode, a committed and an aborted transaction,
disconnect with a receipt, then a second connection that receives what was left unacked) and
v12-error (a SEND to a destination Wirelab does not serve: ERROR, then the server closes).

Prints one JSON object per line on stdout, what stomp.py observed; server/interop/stomp-py.test.ts
asserts on them. Only the final {"event": "done"} line means the script ran to its end; any
failure prints {"event": "fail", "reason": ...} and exits 1. stomp.py's own logging stays off.
"""

import json
import os
import sys
import threading
import time

import stomp

TIMEOUT = 5.0


EMIT_LOCK = threading.Lock()


def emit(event, **fields):
    fields["event"] = event
    with EMIT_LOCK:  # the receiver thread and the main thread both print
        sys.stdout.write(json.dumps(fields, ensure_ascii=False) + "\n")
        sys.stdout.flush()


class Recorder(stomp.ConnectionListener):
    """Collects every frame stomp.py hands to listeners, in order, and prints it."""

    def __init__(self, name):
        self.name = name
        self.frames = []
        self.disconnected = False
        self.cond = threading.Condition()

    def _add(self, kind, frame):
        body = frame.body
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        entry = {"kind": kind, "cmd": frame.cmd, "headers": dict(frame.headers), "body": body}
        # print before waking the main thread: it may print "done" and exit right away
        emit(kind, conn=self.name, headers=entry["headers"], body=body)
        with self.cond:
            self.frames.append(entry)
            self.cond.notify_all()

    def on_connected(self, frame):
        self._add("connected", frame)

    def on_message(self, frame):
        self._add("message", frame)

    def on_receipt(self, frame):
        self._add("receipt", frame)

    def on_error(self, frame):
        self._add("error", frame)

    def on_disconnected(self):
        emit("disconnected", conn=self.name)
        with self.cond:
            self.disconnected = True
            self.cond.notify_all()

    def wait(self, what, pred, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for f in self.frames:
                    if pred(f):
                        return f
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("%s: no %s within %.1f s; got %s" % (self.name, what, timeout, json.dumps(self.frames)[:2000]))
                self.cond.wait(left)

    def wait_disconnected(self, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        with self.cond:
            while not self.disconnected:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("%s: still connected after %.1f s" % (self.name, timeout))
                self.cond.wait(left)

    def messages(self, subscription=None, destination=None):
        with self.cond:
            return [f for f in self.frames if f["kind"] == "message"
                    and (destination is None or f["headers"].get("destination") == destination)
                    and (subscription is None or f["headers"].get("subscription") == subscription)]

    def receipt(self, rid):
        return self.wait("RECEIPT " + rid, lambda f: f["kind"] == "receipt" and f["headers"].get("receipt-id") == rid)

    def message(self, destination, body):
        return self.wait("MESSAGE %r on %s" % (body, destination),
                         lambda f: f["kind"] == "message" and f["headers"].get("destination") == destination and f["body"] == body)


CONNECTIONS = {"1.0": stomp.Connection10, "1.1": stomp.Connection11, "1.2": stomp.Connection12}


def open_connection(port, version, name):
    conn = CONNECTIONS[version]([("127.0.0.1", port)], reconnect_attempts_max=1)
    rec = Recorder(name)
    conn.set_listener("recorder", rec)
    conn.connect(wait=True)
    rec.wait("CONNECTED", lambda f: f["kind"] == "connected")
    return conn, rec


def ack(conn, version, msg, sub_id):
    h = msg["headers"]
    if version == "1.0":
        conn.ack(h["message-id"])
    elif version == "1.1":
        conn.ack(h["message-id"], sub_id)
    else:
        conn.ack(h["ack"])


def subscribe(conn, rec, version, destination, sub_id, ack_mode):
    rid = "sub-" + sub_id
    conn.subscribe(destination, id=sub_id, ack=ack_mode, receipt=rid)
    rec.receipt(rid)


def session(port, version):
    tag = "%s-%d" % (version.replace(".", ""), os.getpid())
    topic = "/topic/py." + tag
    queue = "/queue/py-" + tag
    conn, rec = open_connection(port, version, "first")

    subscribe(conn, rec, version, topic, "t1", "auto")
    subscribe(conn, rec, version, queue, "q1", "client")

    # send + receive on a topic, user header passed through
    body = "héllo from stomp.py " + version
    conn.send(topic, body, headers={"x-from": "python", "receipt": "send-topic"})
    rec.receipt("send-topic")
    rec.message(topic, body)

    # client (cumulative) ack: ACK q2 acknowledges q1 and q2, q3 stays unacked
    for b in ("q1", "q2", "q3"):
        conn.send(queue, b)
    msgs = [rec.message(queue, b) for b in ("q1", "q2", "q3")]
    ack(conn, version, msgs[1], "q1")
    emit("acked", body="q2")

    # a committed transaction: nothing before COMMIT
    conn.begin("tx-commit")
    conn.send(topic, "in-tx", headers={"transaction": "tx-commit"})
    conn.send(topic, "outside", headers={"receipt": "after-tx-send"})
    rec.receipt("after-tx-send")
    rec.message(topic, "outside")
    emit("before-commit", bodies=[m["body"] for m in rec.messages(destination=topic)])
    conn.commit("tx-commit")
    rec.message(topic, "in-tx")

    # an aborted transaction: never delivered
    conn.begin("tx-abort")
    conn.send(topic, "aborted", headers={"transaction": "tx-abort"})
    conn.abort("tx-abort")
    conn.send(topic, "after-abort")
    rec.message(topic, "after-abort")
    emit("topic-bodies", bodies=[m["body"] for m in rec.messages(destination=topic)])

    # DISCONNECT with a receipt: RECEIPT, then the server closes
    conn.disconnect(receipt="bye-" + tag)
    rec.receipt("bye-" + tag)
    rec.wait_disconnected()

    # a second consumer gets what the first left unacked: q3 only (checklist 45, 47)
    conn2, rec2 = open_connection(port, version, "second")
    subscribe(conn2, rec2, version, queue, "q2", "client")
    again = rec2.message(queue, "q3")
    ack(conn2, version, again, "q2")
    conn2.send(queue, "marker", headers={"receipt": "marker"})
    rec2.receipt("marker")
    rec2.message(queue, "marker")
    emit("second-queue-bodies", bodies=[m["body"] for m in rec2.messages(destination=queue)])
    conn2.disconnect(receipt="bye2-" + tag)
    rec2.receipt("bye2-" + tag)
    rec2.wait_disconnected()


def error_scenario(port):
    conn, rec = open_connection(port, "1.2", "erring")
    conn.send("/nowhere/python", "x", headers={"receipt": "bad-dest"})
    rec.wait("ERROR", lambda f: f["kind"] == "error")
    rec.wait_disconnected()


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    port, scenario = int(sys.argv[1]), sys.argv[2]
    try:
        if scenario in ("v10", "v11", "v12"):
            session(port, "%s.%s" % (scenario[1], scenario[2]))
        elif scenario == "v12-error":
            error_scenario(port)
        else:
            emit("fail", reason="unknown scenario " + scenario)
            return 2
    except Exception as e:  # report, do not hang
        emit("fail", reason="%s: %s" % (type(e).__name__, e))
        return 1
    emit("done")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # stomp.py's receiver threads must not keep the process alive
