#!/usr/bin/env python3
# Copied from /work/shared/bench/ptyharness.py (the shared pty benchmark harness); changed only
# to be ruff-clean under this repository's config (formatting, unused names, line lengths).
"""Performance harness for terminal (Textual) apps, driven through a real pty.

Every measurement spawns the program in a pseudo-terminal of a given size,
feeds everything it writes into a pyte screen, and timestamps output chunks as
they are read from the pty master (before emulation, so pyte's own cost is not
counted in a timestamp).

Modes
  start       cold start until all --expect strings are on screen (or, with no
              --expect, until the process exits). Several --case's are run
              interleaved (round-robin, order rotated each round) so that
              per-round ratios against --baseline cancel machine-wide noise.
              Also reports bytes written before the frame, RSS at the frame
              and peak RSS (VmHWM of the process after --settle seconds).
  keys        key-to-screen latency: after the first frame has settled, write
              a key to the pty, stop the clock when the screen changes
              (--wait changed: any cell's text or attributes) or when the
              typed text is echoed (--wait echo). Reports first-change and
              last-byte-of-burst latency and bytes per key.
  bytes       bytes written for the first frame and per key, for several
              environment variants (--variant NAME:K=V,K=V), with a breakdown
              into SGR (colour/style) sequences, other escapes and text.
  screen      print what the screen shows (to choose an --expect string).
  importtime  top-N cumulative / self times from `python -X importtime`.

Commands are split with shlex; leading VAR=value words are put into the
environment (no shell, so the measured pid is the program itself). The child
gets TERM=xterm-256color (change with --term), LANG=C.UTF-8 if unset, and no
COLORTERM / TEXTUAL_* / COLUMNS / LINES unless given with --env or in --cmd.

Examples
  harness.py start --cmd 'python app.py' --expect READY --runs 7
  harness.py start --case bare 'python -c pass' '' \
                   --case min 'python app_min.py' READY --baseline min --runs 9
  harness.py keys  --cmd 'python app_big.py' --expect R00000 --key down --presses 50
  harness.py keys  --cmd 'python app_big.py --tab form' --expect 'type here' \
                   --type 'the quick brown fox' --wait echo
  harness.py bytes --cmd 'python app_big.py' --expect R00000 --key down \
                   --variant 'default:' --variant 'std:TEXTUAL_COLOR_SYSTEM=standard'
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import errno
import fcntl
import json
import os
import pty
import re
import select
import shlex
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

import pyte

KEYS = {
    "down": b"\x1b[B",
    "up": b"\x1b[A",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "pgdn": b"\x1b[6~",
    "pgup": b"\x1b[5~",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "enter": b"\r",
    "tab": b"\t",
    "esc": b"\x1b",
    "space": b" ",
    "backspace": b"\x7f",
}
SCRUB_ENV = (
    "COLORTERM",
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM_PROGRAM",
    "TMUX",
    "STY",
    "VTE_VERSION",
)
ASSIGN_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
SGR_RE = re.compile(rb"\x1b\[[0-9;:]*m")
# Sequences pyte does not understand and would print part of (kitty keyboard protocol).
PYTE_SKIP_RE = re.compile(rb"\x1b\[[<>=][0-9;]*u")
ESC_RE = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_0-9=>]"
)


# --------------------------------------------------------------------------- stats
def pct(xs, p):
    """Percentile with linear interpolation (p in 0..100)."""
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def summary(xs):
    xs = [x for x in xs if x is not None]
    if not xs:
        return {"n": 0}
    return {
        "n": len(xs),
        "median": statistics.median(xs),
        "p25": pct(xs, 25),
        "p75": pct(xs, 75),
        "p95": pct(xs, 95),
        "min": min(xs),
        "max": max(xs),
        "mean": statistics.fmean(xs),
    }


def fmt_ms(s):
    d = summary(s)
    if not d["n"]:
        return "n/a"

    def m(v):
        return v * 1000

    return (
        f"median {m(d['median']):7.1f} ms  IQR {m(d['p25']):.1f}-{m(d['p75']):.1f}"
        f"  min {m(d['min']):.1f}  max {m(d['max']):.1f}  (n={d['n']})"
    )


# --------------------------------------------------------------------------- env
def build_env(term, env_kv=(), unset=(), home=None):
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k not in SCRUB_ENV
    }
    env["TERM"] = term
    env.setdefault("LANG", "C.UTF-8")
    if home:
        home = os.path.abspath(home)
        for sub in ("", ".config", ".local/share", ".cache", ".local/state"):
            os.makedirs(os.path.join(home, sub), exist_ok=True)
        env.update(
            HOME=home,
            XDG_CONFIG_HOME=f"{home}/.config",
            XDG_DATA_HOME=f"{home}/.local/share",
            XDG_CACHE_HOME=f"{home}/.cache",
            XDG_STATE_HOME=f"{home}/.local/state",
        )
    for kv in env_kv:
        k, _, v = kv.partition("=")
        env[k] = v
    for k in unset:
        env.pop(k, None)
    return env


def split_cmd(cmd, base_env):
    """shlex-split; leading VAR=value words go into a copy of base_env."""
    words, env = shlex.split(cmd), dict(base_env)
    while words and ASSIGN_RE.match(words[0]):
        k, _, v = words.pop(0).partition("=")
        env[k] = v
    if not words:
        raise SystemExit(f"empty command: {cmd!r}")
    return words, env


def read_status_kb(pid, field="VmRSS"):
    """VmRSS (current) or VmHWM (peak since exec) of a live process, in kB.
    (ru_maxrss from wait4 is not used for peaks: it also counts the forked
    copy of this harness before exec, ~25 MB.)"""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def read_vmrss_kb(pid):
    return read_status_kb(pid, "VmRSS")


# --------------------------------------------------------------------------- pty
class PtySession:
    """A child process in a pty, its output emulated by a pyte screen."""

    def __init__(self, argv, env, cols=120, rows=40, cwd=None, record=False):
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.lines = [""] * rows
        self.nbytes = 0
        self.raw = bytearray() if record else None
        self.eof = self._eof_seen = False
        self.pending = collections.deque()
        self.t_first_byte = self.t_eof = None
        self.rusage = self.status = None
        self.t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child: the pty slave is stdin/stdout/stderr
            try:
                fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            except BaseException as e:
                os.write(2, f"harness: exec {argv[0]} failed: {e}\r\n".encode())
            os._exit(127)
        self.pid, self.fd = pid, fd

    # -- reading
    # pyte is slow (~0.5 MB/s), so output is read eagerly and timestamped on
    # arrival, then emulated in small slices with the pty polled between
    # slices: the app is never blocked on a full pty buffer by the emulator,
    # and a chunk's timestamp is off by at most one slice's emulation time.
    SLICE = 1024

    def _read_now(self, timeout):
        """Read all output available now (waiting up to timeout for the first)."""
        while not self._eof_seen:
            r, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
            if not r:
                return
            timeout = 0.0
            t = time.perf_counter()
            try:
                data = os.read(self.fd, 1 << 16)
            except OSError as e:
                if e.errno != errno.EIO:
                    raise
                data = b""
            if not data:
                self._eof_seen, self.t_eof = True, t
                return
            if self.t_first_byte is None:
                self.t_first_byte = t
            if self.raw is not None:
                self.raw += data
            self.pending.append((t, data))

    def pump(self, timeout):
        """Emulate the next chunk of output, waiting up to `timeout` s for one.
        Returns the chunk's arrival time, or None on timeout / EOF (then
        self.eof is set)."""
        if not self.pending:
            self._read_now(timeout)
            if not self.pending:
                self.eof = self._eof_seen
                return None
        t, data = self.pending.popleft()
        self.nbytes += len(data)  # raw bytes, as written by the app
        if b"u" in data:
            data = PYTE_SKIP_RE.sub(b"", data)
        for i in range(0, len(data), self.SLICE):
            self.stream.feed(data[i : i + self.SLICE])
            self._read_now(0.0)
        return t

    def take_dirty(self):
        """Rows pyte touched since the last call; refreshes their cached text."""
        dirty = set(self.screen.dirty)
        self.screen.dirty.clear()
        buf, cols = self.screen.buffer, self.cols
        for y in dirty:
            if 0 <= y < self.rows:
                row = buf[y]
                self.lines[y] = "".join(row[x].data for x in range(cols))
        return dirty

    def has_all(self, needles):
        return all(any(n in line for line in self.lines) for n in needles)

    def row_cells(self, y):
        row = self.screen.buffer[y]
        return tuple(row[x] for x in range(self.cols))

    def snapshot(self):
        return [self.row_cells(y) for y in range(self.rows)]

    def wait_text(self, needles, timeout):
        """Arrival time of the chunk after which all needles are on screen."""
        deadline = time.perf_counter() + timeout
        while True:
            t = self.pump(deadline - time.perf_counter())
            if t is None:
                if self.eof or time.perf_counter() >= deadline:
                    return None
                continue
            self.take_dirty()
            if self.has_all(needles):
                return t

    def wait_quiet(self, quiet, max_wait):
        """Read until no output for `quiet` s (or max_wait). Returns last arrival time."""
        now = time.perf_counter()
        end, last, quiet_since = now + max_wait, None, now
        while not self.eof:
            now = time.perf_counter()
            left = quiet - (now - quiet_since)
            if (now >= end or left <= 0) and not self.pending:
                break
            t = self.pump(min(left, end - now))
            if t is not None:
                last = quiet_since = t
        self.take_dirty()
        return last

    def drain_for(self, seconds):
        end = time.perf_counter() + seconds
        while not self.eof and time.perf_counter() < end:
            self.pump(end - time.perf_counter())
        self.take_dirty()

    def send(self, data):
        t = time.perf_counter()
        os.write(self.fd, data)
        return t

    # -- ending
    def wait_exit(self):
        _, self.status, self.rusage = os.wait4(self.pid, 0)
        return time.perf_counter()

    def close(self):
        if self.rusage is None:
            # the child is the leader of its own session / process group
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signal.SIGKILL)
            self.wait_exit()
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def dump(self):
        self.take_dirty()
        return "\n".join(f"{y:2d}|{line.rstrip()}" for y, line in enumerate(self.lines))


def analyze_bytes(data: bytes):
    """Split terminal output into SGR sequences, other escapes and text."""
    sgr = SGR_RE.findall(data)
    esc = ESC_RE.findall(data)
    esc_bytes = sum(map(len, esc))
    sgr_bytes = sum(map(len, sgr))
    return {
        "total": len(data),
        "sgr_n": len(sgr),
        "sgr_bytes": sgr_bytes,
        "other_esc_n": len(esc) - len(sgr),
        "other_esc_bytes": esc_bytes - sgr_bytes,
        "text_bytes": len(data) - esc_bytes,
    }


# --------------------------------------------------------------------------- start
def start_once(argv, env, needles, a):
    s = PtySession(argv, env, a.cols, a.rows)
    res = {}
    try:
        if needles:
            t = s.wait_text(needles, a.timeout)
            if t is None:
                raise RuntimeError(
                    f"{'EOF' if s.eof else 'timeout'} before {needles!r}\n{s.dump()}"
                )
            res.update(ttff=t - s.t0, bytes_at_match=s.nbytes, rss_at_frame_kb=read_vmrss_kb(s.pid))
            # the rest of the frame: output until --frame-quiet s of silence
            t_end = s.wait_quiet(a.frame_quiet, 5.0) or t
            res.update(frame_end=t_end - s.t0, bytes_at_frame=s.nbytes)
            if a.settle:
                s.drain_for(a.settle)
            res["bytes_settled"] = s.nbytes
            res["hwm_kb"] = read_status_kb(s.pid, "VmHWM")
            res["screen"] = s.dump()
        else:
            deadline, hwm = time.perf_counter() + a.timeout, None
            while not s.eof:  # poll the peak until the process is gone
                h = read_status_kb(s.pid, "VmHWM")
                hwm = h if h is not None else hwm
                if s.pump(0.002) is None and not s.eof and time.perf_counter() > deadline:
                    raise RuntimeError("timeout waiting for exit")
            res["hwm_kb"] = hwm
            res["ttff"] = res["frame_end"] = s.wait_exit() - s.t0
            res["bytes_at_match"] = res["bytes_at_frame"] = res["bytes_settled"] = s.nbytes
            res["exit_status"] = s.status
        res["first_byte"] = (s.t_first_byte - s.t0) if s.t_first_byte else None
    finally:
        s.close()
    return res


def parse_cases(a, base_env):
    cases = []
    if a.cmd:
        cases.append(("cmd", a.cmd, a.expect or []))
    for name, cmd, exp in a.case or []:
        cases.append((name, cmd, [e for e in exp.split(" && ") if e]))
    if not cases:
        raise SystemExit("give --cmd or --case")
    return [(n, *split_cmd(c, base_env), e) for n, c, e in cases]


def mode_start(a):
    base_env = build_env(a.term, a.env, a.unset, a.home)
    cases = parse_cases(a, base_env)
    results = {n: [] for n, *_ in cases}
    rounds = a.warmup + a.runs
    for r in range(rounds):
        order = cases[r % len(cases) :] + cases[: r % len(cases)]
        for name, argv, env, needles in order:
            res = start_once(argv, env, needles, a)
            res["round"], res["warmup"] = r, r < a.warmup
            results[name].append(res)
            if not a.quiet:
                print(
                    f"  round {r}{'w' if r < a.warmup else ' '} {name:>12}: "
                    f"{res['ttff'] * 1000:8.1f} ms"
                    f"  {res['bytes_at_frame']:7d} B  VmHWM {res.get('hwm_kb')} kB",
                    file=sys.stderr,
                )
    out = {"mode": "start", "cols": a.cols, "rows": a.rows, "term": a.term, "cases": {}}
    print(
        f"\nstart-to-frame, {a.runs} runs (+{a.warmup} warm-up discarded), "
        f"pty {a.cols}x{a.rows}, TERM={a.term}"
    )
    for name, argv, _env, needles in cases:
        rs = [x for x in results[name] if not x["warmup"]]
        tt = [x["ttff"] for x in rs]
        rss = [x["hwm_kb"] / 1024 for x in rs if x.get("hwm_kb")] or [float("nan")]
        fb = [x["bytes_at_frame"] for x in rs]
        out["cases"][name] = {
            "argv": argv,
            "expect": needles,
            "runs": rs,
            "ttff": summary(tt),
            "peak_rss_mb": summary(rss),
            "bytes_at_frame": summary(fb),
        }
        fe = [x["frame_end"] for x in rs]
        out["cases"][name]["frame_end"] = summary(fe)
        print(f"  {name:>12}: {fmt_ms(tt)}")
        print(
            f"  {'':>12}  frame burst end median {statistics.median(fe) * 1000:.1f} ms; "
            f"bytes in first burst median {statistics.median(fb):.0f}  "
            f"peak RSS median {statistics.median(rss):.1f} MB "
            f"(min {min(rss):.1f}, max {max(rss):.1f})"
        )
    if a.baseline:
        base = {x["round"]: x["ttff"] for x in results[a.baseline] if not x["warmup"]}
        print(f"\nper-round ratio to '{a.baseline}' (median, min-max):")
        out["ratios"] = {}
        for name, *_ in cases:
            rat = [
                x["ttff"] / base[x["round"]]
                for x in results[name]
                if not x["warmup"] and x["round"] in base
            ]
            out["ratios"][name] = summary(rat)
            print(f"  {name:>12}: {statistics.median(rat):6.2f}x  ({min(rat):.2f}-{max(rat):.2f})")
    if a.show:
        for name, *_ in cases:
            last = results[name][-1]
            if "screen" in last:
                print(f"\n--- screen of '{name}' at end of last run ---\n{last['screen']}")
    if a.json:
        write_json(a.json, out)


# --------------------------------------------------------------------------- keys/bytes
def key_sequence(a):
    if a.presses <= 0:
        return []
    if a.type:
        text = (a.type * (a.presses // len(a.type) + 1))[: a.presses]
        return [c.encode() for c in text]
    kb = KEYS.get(a.key) or a.key.encode().decode("unicode_escape").encode("latin-1")
    return [kb] * a.presses


def interact_once(argv, env, needles, keys, a, record=False):
    """One session: first frame, settle, then one measured press per key."""
    s = PtySession(argv, env, a.cols, a.rows, record=record)
    out = {"presses": []}
    try:
        t = s.wait_text(needles, a.timeout)
        if t is None:
            raise RuntimeError(f"never saw {needles!r}\n{s.dump()}")
        out.update(ttff=t - s.t0, bytes_first_frame=s.nbytes)
        s.wait_quiet(a.settle_quiet, a.settle_max)
        out["bytes_initial_total"] = s.nbytes
        if a.idle:
            b0 = s.nbytes
            s.drain_for(a.idle)
            out["idle_bytes_per_s"] = (s.nbytes - b0) / a.idle
        typed = ""
        for kb in keys:
            if a.wait == "echo":
                typed += kb.decode()
            snap = s.snapshot()
            s.take_dirty()
            b0, t_detect, t_last, touched = s.nbytes, None, None, set()
            t0 = s.send(kb)
            deadline = t0 + a.max_wait
            while True:
                now = time.perf_counter()
                wait = deadline - now
                if t_detect is not None:
                    wait = min(wait, t_last + a.quiet - now)
                if wait <= 0 and not s.pending:
                    break
                t = s.pump(wait)
                if t is None:
                    if s.eof:
                        break
                    continue
                t_last = t
                dirty = s.take_dirty()
                touched |= dirty
                if t_detect is None:
                    if a.wait == "echo":
                        hit = any(typed in line for line in s.lines)
                    else:
                        hit = any(s.row_cells(y) != snap[y] for y in dirty if 0 <= y < s.rows)
                    if hit:
                        t_detect = t
            changed = sum(1 for y in touched if 0 <= y < s.rows and s.row_cells(y) != snap[y])
            p = {
                "latency": (t_detect - t0) if t_detect else None,
                "burst_end": (t_last - t0) if t_last else None,
                "bytes": s.nbytes - b0,
                "changed_rows": changed,
            }
            if record:
                p["offset"] = (b0, s.nbytes)
            out["presses"].append(p)
            if a.gap:
                s.drain_for(a.gap)
        out["screen"] = s.dump()
        out["rss_end_kb"] = read_vmrss_kb(s.pid)
        out["hwm_kb"] = read_status_kb(s.pid, "VmHWM")
    finally:
        s.close()
    if record:
        out["raw"] = bytes(s.raw)
    return out


def mode_keys(a):
    base_env = build_env(a.term, a.env, a.unset, a.home)
    argv, env = split_cmd(a.cmd, base_env)
    keys = key_sequence(a)
    if not keys:
        raise SystemExit("keys mode needs --presses > 0")
    allp, sessions = [], []
    for _ in range(a.sessions):
        o = interact_once(argv, env, a.expect, keys, a)
        sessions.append(o)
        allp += o["presses"]
    lat = [p["latency"] for p in allp]
    miss = sum(1 for x in lat if x is None)
    lat_ok = [x for x in lat if x is not None]
    burst = [p["burst_end"] for p in allp if p["latency"] is not None]
    byt = [p["bytes"] for p in allp]
    ls, bs = summary(lat_ok), summary(burst)
    print(
        f"\nkey-to-screen ({a.wait}), {len(allp)} presses in {a.sessions} session(s), "
        f"pty {a.cols}x{a.rows}, TERM={a.term}"
    )
    print(
        f"  first change : median {ls['median'] * 1000:6.1f} ms  p95 {ls['p95'] * 1000:6.1f}  "
        f"min {ls['min'] * 1000:.1f}  max {ls['max'] * 1000:.1f}  misses {miss}"
    )
    print(
        f"  burst end    : median {bs['median'] * 1000:6.1f} ms  p95 {bs['p95'] * 1000:6.1f}  "
        f"max {bs['max'] * 1000:.1f}"
    )
    print(f"  bytes/press  : median {statistics.median(byt):.0f}  min {min(byt)}  max {max(byt)}")
    groups = {}
    for p in allp:
        groups.setdefault(p["changed_rows"], []).append(p)
    for rows_changed, ps in sorted(groups.items()):
        lat = [p["latency"] for p in ps if p["latency"] is not None]
        print(
            f"    {len(ps):3d} presses changing {rows_changed:2d} rows: bytes median "
            f"{statistics.median([p['bytes'] for p in ps]):.0f}, latency median "
            f"{(statistics.median(lat) * 1000 if lat else float('nan')):.1f} ms"
        )
    if a.show:
        print(f"\n--- final screen ---\n{sessions[-1]['screen']}")
    if a.json:
        write_json(
            a.json,
            {
                "mode": "keys",
                "argv": argv,
                "wait": a.wait,
                "sessions": sessions,
                "latency": ls,
                "burst_end": bs,
                "bytes": summary(byt),
                "misses": miss,
            },
        )


def mode_bytes(a):
    variants = a.variant or ["default:"]
    keys = key_sequence(a)
    out = {"mode": "bytes", "variants": {}}
    print(
        f"\nbytes written, pty {a.cols}x{a.rows}, key={'typed text' if a.type else a.key}, "
        f"{len(keys)} presses, {a.sessions} session(s) per variant"
    )
    hdr = (
        f"  {'variant':<18}{'1st frame':>10}{'settled':>9}{'/press med':>11}{'min':>6}{'max':>7}"
        f"  {'frame: SGR B / esc B / text B':>30}  {'press(med): SGR/esc/text':>24}"
    )
    print(hdr)
    for spec in variants:
        name, _, kvs = spec.partition(":")
        env_kv = list(a.env) + [kv for kv in kvs.split(",") if kv]
        term = a.term
        for kv in env_kv:
            if kv.startswith("TERM="):
                term = kv.split("=", 1)[1]
        base_env = build_env(term, env_kv, a.unset, a.home)
        argv, env = split_cmd(a.cmd, base_env)
        sess = [interact_once(argv, env, a.expect, keys, a, record=True) for _ in range(a.sessions)]
        o = sess[-1]
        byt = [p["bytes"] for s in sess for p in s["presses"]] or [0]
        med = statistics.median(byt)
        fa = analyze_bytes(o["raw"][: o["bytes_first_frame"]])
        pm = min(o["presses"], key=lambda p: abs(p["bytes"] - med), default={"offset": (0, 0)})
        pa = analyze_bytes(o["raw"][pm["offset"][0] : pm["offset"][1]])
        ff = statistics.median([s["bytes_first_frame"] for s in sess])
        st = statistics.median([s["bytes_initial_total"] for s in sess])
        print(
            f"  {name:<18}{ff:>10.0f}{st:>9.0f}{med:>11.0f}{min(byt):>6}{max(byt):>7}"
            f"  {fa['sgr_bytes']:>10}/{fa['other_esc_bytes']:>7}/{fa['text_bytes']:>7}"
            f"  {pa['sgr_bytes']:>10}/{pa['other_esc_bytes']:>5}/{pa['text_bytes']:>5}"
        )
        groups = {}
        for s in sess:
            for p in s["presses"]:
                groups.setdefault(p["changed_rows"], []).append(p["bytes"])
        print(
            "  "
            + " " * 18
            + "by rows changed: "
            + ", ".join(
                f"{r} rows x{len(v)} -> {statistics.median(v):.0f} B"
                for r, v in sorted(groups.items())
            )
        )
        if a.save_raw:
            with open(f"{a.save_raw}.{name}.bin", "wb") as f:
                f.write(o["raw"])
        out["variants"][name] = {
            "env": env_kv,
            "first_frame": ff,
            "initial_total": st,
            "per_press": summary(byt),
            "first_frame_breakdown": fa,
            "median_press_breakdown": pa,
            "by_rows_changed": {r: summary(v) for r, v in groups.items()},
            "idle_bytes_per_s": o.get("idle_bytes_per_s"),
            "latency": summary([p["latency"] for s in sess for p in s["presses"]]),
        }
        if a.idle:
            print(f"  {'':<18}idle output: {o['idle_bytes_per_s']:.0f} B/s")
    if a.json:
        write_json(a.json, out)


# --------------------------------------------------------------------------- screen
def mode_screen(a):
    base_env = build_env(a.term, a.env, a.unset, a.home)
    argv, env = split_cmd(a.cmd, base_env)
    s = PtySession(argv, env, a.cols, a.rows)
    try:
        if a.expect:
            t = s.wait_text(a.expect, a.timeout)
            print(f"expect {'seen after %.1f ms' % ((t - s.t0) * 1000) if t else 'NOT seen'}")
        s.drain_for(a.wait_s)
        for k in a.send or []:
            s.send(KEYS.get(k) or k.encode().decode("unicode_escape").encode("latin-1"))
            s.drain_for(a.wait_s)
        print(f"{s.nbytes} bytes; screen:\n{s.dump()}")
    finally:
        s.close()


# --------------------------------------------------------------------------- importtime
IMPORT_RE = re.compile(r"^import time:\s+(\d+)\s*\|\s*(\d+)\s*\|(\s*)(\S+)")


def _importtime(python, code, env):
    p = subprocess.run(
        [python, "-X", "importtime", "-c", code], capture_output=True, text=True, env=env
    )
    if p.returncode:
        raise SystemExit(p.stderr[-2000:])
    d = {}
    for line in p.stderr.splitlines():
        m = IMPORT_RE.match(line)
        if m:  # name -> (self us, cumulative us, depth)
            d[m.group(4)] = (int(m.group(1)), int(m.group(2)), (len(m.group(3)) - 1) // 2)
    return d


def mode_importtime(a):
    stmt = a.stmt or f"import {a.module}"
    env = build_env(a.term)
    startup = set(_importtime(a.python, "pass", env))  # imported before -c runs
    runs = []
    for i in range(a.warmup + a.runs):
        d = _importtime(a.python, stmt, env)
        if i >= a.warmup:
            runs.append({n: v for n, v in d.items() if n not in startup})
    names = set.intersection(*(set(d) for d in runs))
    med = {
        n: (
            statistics.median(d[n][0] for d in runs),
            statistics.median(d[n][1] for d in runs),
            runs[0][n][2],
        )
        for n in names
    }
    totals = [sum(v[1] for v in d.values() if v[2] == 0) for d in runs]
    total = statistics.median(totals)
    print(
        f"\n-X importtime '{stmt}' ({a.python}), {a.runs} runs: total {total / 1000:.1f} ms "
        f"(min {min(totals) / 1000:.1f}, max {max(totals) / 1000:.1f}), {len(names)} new modules"
    )
    print(f"  top {a.top} cumulative (median):")
    for n, (_sf, cu, depth) in sorted(med.items(), key=lambda kv: -kv[1][1])[: a.top]:
        print(
            f"    {cu / 1000:8.1f} ms  {100 * cu / total if total else 0:5.1f}%  {'  ' * depth}{n}"
        )
    print(f"  top {a.top} self (median):")
    for n, (sf, _cu, _depth) in sorted(med.items(), key=lambda kv: -kv[1][0])[: a.top]:
        print(f"    {sf / 1000:8.1f} ms  {n}")
    if a.json:
        write_json(
            a.json,
            {
                "mode": "importtime",
                "stmt": stmt,
                "total_us": total,
                "totals_us": totals,
                "median_us": {n: {"self": v[0], "cum": v[1]} for n, v in med.items()},
            },
        )


def write_json(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f, indent=1, default=lambda o: o.hex() if isinstance(o, bytes) else str(o))


# --------------------------------------------------------------------------- cli
def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="mode", required=True)

    def common(p, expect_required=False):
        p.add_argument(
            "--cmd", required=expect_required, help="command line (shlex-split, no shell)"
        )
        p.add_argument(
            "--expect", action="append", help="text that must be on screen (repeatable: all)"
        )
        p.add_argument("--cols", type=int, default=120)
        p.add_argument("--rows", type=int, default=40)
        p.add_argument("--term", default="xterm-256color", help="TERM for the child")
        p.add_argument("--env", action="append", default=[], metavar="K=V")
        p.add_argument("--unset", action="append", default=[], metavar="K")
        p.add_argument("--home", help="HOME and XDG_* dirs under this dir (created)")
        p.add_argument("--timeout", type=float, default=30.0)
        p.add_argument("--json", help="write raw results here")
        p.add_argument("--show", action="store_true", help="print the final screen")

    p = sub.add_parser("start", help="cold start to first frame (or exit)")
    common(p)
    p.add_argument(
        "--case",
        nargs=3,
        action="append",
        metavar=("NAME", "CMD", "EXPECT"),
        help="named case; EXPECT '' = until exit, 'a && b' = both",
    )
    p.add_argument("--baseline", help="case name for per-round ratios")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument(
        "--settle",
        type=float,
        default=0.0,
        help="keep running this long after the frame before kill (peak-RSS window)",
    )
    p.add_argument(
        "--frame-quiet",
        type=float,
        default=0.05,
        help="silence after the match that ends the first frame's burst (s)",
    )
    p.add_argument("--quiet", action="store_true", help="no per-run lines")
    p.set_defaults(func=mode_start)

    for name, func, quiet in (("keys", mode_keys, 0.1), ("bytes", mode_bytes, 0.25)):
        p = sub.add_parser(
            name, help="key-to-screen latency" if name == "keys" else "bytes per frame/key"
        )
        common(p, True)
        g = p.add_mutually_exclusive_group()
        g.add_argument(
            "--key", default="down", help=f"one of {','.join(KEYS)} or an escaped string"
        )
        g.add_argument("--type", help="type this text, one character per press")
        p.add_argument("--presses", type=int, default=50)
        p.add_argument("--sessions", type=int, default=1, help="independent app launches")
        p.add_argument("--wait", choices=("changed", "echo"), default="changed")
        p.add_argument(
            "--quiet",
            type=float,
            default=quiet,
            help="silence that ends a press's output burst (s)",
        )
        p.add_argument("--max-wait", type=float, default=3.0)
        p.add_argument("--gap", type=float, default=0.0, help="extra idle time between presses")
        p.add_argument("--settle-quiet", type=float, default=0.5)
        p.add_argument("--settle-max", type=float, default=10.0)
        p.add_argument("--idle", type=float, default=0.0, help="measure idle output for N s first")
        if name == "bytes":
            p.add_argument("--variant", action="append", metavar="NAME:K=V,K=V")
            p.add_argument("--save-raw", metavar="PREFIX")
        p.set_defaults(func=func)

    p = sub.add_parser("screen", help="show the screen")
    common(p, True)
    p.add_argument("--wait-s", type=float, default=2.0)
    p.add_argument("--send", action="append", help="key name or escaped string, after --wait-s")
    p.set_defaults(func=mode_screen)

    p = sub.add_parser("importtime", help="python -X importtime breakdown")
    p.add_argument("--module", help="module to import")
    p.add_argument("--stmt", help="statement instead of 'import MODULE'")
    p.add_argument("--python", default=sys.executable)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--term", default="xterm-256color")
    p.add_argument("--json")
    p.set_defaults(func=mode_importtime)

    a = ap.parse_args()
    if getattr(a, "expect", None) is None and hasattr(a, "expect"):
        a.expect = []
    a.func(a)


if __name__ == "__main__":
    main()
