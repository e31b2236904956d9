#!/usr/bin/env python3
"""A tailer written from sigil's documentation (docs/reliability.md, docs/contract.md sections 7-8), not from its code.

It follows one name by polling, like `sigil tail --follow`, and prints one JSON object per event on stdout:
    {"entry": "<the line's value as json.dumps(v, separators=(',', ':')) writes it>"}
    {"skip": "TOO_LONG" | "MALFORMED" | "NOT_AN_OBJECT" | "TORN", "line": N, "length": L}
and what happens to the files on stderr ({"change": "ROTATED", ...}). It exits after an entry whose "message" ends
with the --until suffix. The compat test runs it and sigil's Java tailer on the same growing file and compares.

Behaviour, as documented:
- a line is the bytes before a newline; bytes after the last newline wait for theirs;
- a line longer than --max-line-bytes is skipped (TOO_LONG) without being kept;
- before parsing: leading NUL bytes and one UTF-8 BOM are dropped; a blank line (only space, tab, CR) is ignored;
  invalid UTF-8 is replaced by U+FFFD as jq replaces it;
- the line is read with json.loads; a value that is not an object is NOT_AN_OBJECT, a failure MALFORMED;
- the name is checked on every poll: no file -> missing; another (st_dev, st_ino) or other content at the start,
  the end, or before the read position -> rotated: the old file is read to its end, kept open and read for
  --rotate-wait-polls quiet polls more, then closed (an unterminated last line is TORN); fewer bytes than the read
  position -> truncated, and different bytes before it -> replaced: both restart at byte 0, dropping the pending
  partial line (TORN).
Standard library only.
"""
import argparse
import json
import os
import sys
import time

HEAD = 64
MARK = 32


def jq_repair(data):
    """Invalid UTF-8 replaced by U+FFFD as jq 1.6 does (jvp_utf8_next)."""
    out = bytearray()
    i, n = 0, len(data)
    repl = "\ufffd".encode()
    while i < n:
        b = data[i]
        if b < 0x80:
            out.append(b)
            i += 1
            continue
        if b < 0xC2 or b >= 0xF5:  # continuation byte, C0, C1, F5..FF
            out += repl
            i += 1
            continue
        length = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
        if i + length > n:
            out += repl
            i = n
            continue
        cp = b & (0x1F if length == 2 else 0x0F if length == 3 else 0x07)
        used = length
        for k in range(1, length):
            c = data[i + k]
            if c & 0xC0 != 0x80:
                cp, used = -1, k
                break
            cp = (cp << 6) | (c & 0x3F)
        first = {1: 0, 2: 0x80, 3: 0x800, 4: 0x10000}[used]
        if cp >= first and not (0xD800 <= cp <= 0xDFFF) and cp <= 0x10FFFF:
            out += data[i:i + used]
        else:
            out += repl
        i += used
    return bytes(out)


def is_valid_utf8(data):
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def decode(line):
    """('entry', value) | ('skip', reason) | ('blank', None) for the bytes of one line."""
    start = 0
    while start < len(line) and line[start] == 0:
        start += 1
    line = line[start:]
    if line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    if line.strip(b" \t\r\n") == b"":
        return "blank", None
    if not is_valid_utf8(line):
        line = jq_repair(line)
    try:
        value = json.loads(line.decode("utf-8"))
    except (ValueError, RecursionError):
        return "skip", "MALFORMED"
    if not isinstance(value, dict):
        return "skip", "NOT_AN_OBJECT"
    return "entry", value


class Lines:
    """Bytes in, complete lines out; bounded."""

    def __init__(self, max_bytes):
        self.max = max_bytes
        self.buf = bytearray()
        self.skipping = -1  # length of an over-long line being skipped
        self.count = 0

    def feed(self, data, emit):
        start = 0
        while True:
            nl = data.find(b"\n", start)
            if nl < 0:
                self._hold(data[start:])
                return
            self.count += 1
            length = (self.skipping if self.skipping >= 0 else len(self.buf)) + (nl - start)
            if self.skipping >= 0 or length > self.max:
                emit(("skip", "TOO_LONG", self.count, length))
            else:
                emit(("line", bytes(self.buf) + data[start:nl], self.count, length))
            self.buf = bytearray()
            self.skipping = -1
            start = nl + 1

    def _hold(self, piece):
        if self.skipping >= 0:
            self.skipping += len(piece)
        elif len(self.buf) + len(piece) > self.max:
            self.skipping = len(self.buf) + len(piece)
            self.buf = bytearray()
        else:
            self.buf += piece

    def pending(self):
        return self.skipping if self.skipping >= 0 else len(self.buf)


def pread_all(fd, offset, length):
    data = b""
    while len(data) < length:
        piece = os.pread(fd, length - len(data), offset + len(data))
        if not piece:
            break
        data += piece
    return data


class OpenFile:
    def __init__(self, fd, max_bytes):
        self.fd = fd
        st = os.fstat(fd)
        self.key = (st.st_dev, st.st_ino)
        self.max = max_bytes
        self.restart()
        self.quiet = 0

    def restart(self):
        self.pos = 0
        self.lines = Lines(self.max)
        self.head = b""
        self.mark = b""

    def read(self, emit):
        total = 0
        while True:
            chunk = os.pread(self.fd, 65536, self.pos)
            if not chunk:
                break
            if self.pos < HEAD:
                self.head += chunk[:HEAD - self.pos]
            self.mark = (self.mark + chunk)[-MARK:]
            self.pos += len(chunk)
            total += len(chunk)
            self.lines.feed(chunk, emit)
        self.quiet = self.quiet + 1 if total == 0 else 0
        return total

    def status(self):
        if os.fstat(self.fd).st_size < self.pos:
            return "TRUNCATED"
        if pread_all(self.fd, 0, len(self.head)) != self.head or \
                pread_all(self.fd, self.pos - len(self.mark), len(self.mark)) != self.mark:
            return "REPLACED"
        return "SAME"

    def same_content_as(self, other_fd):
        other_head = pread_all(other_fd, 0, HEAD)
        if pread_all(self.fd, 0, len(other_head)) != other_head:
            return False
        my_size = os.fstat(self.fd).st_size
        if os.fstat(other_fd).st_size < max(my_size, self.pos):
            return False
        if pread_all(other_fd, self.pos - len(self.mark), len(self.mark)) != self.mark:
            return False
        n = min(MARK, my_size)
        return pread_all(other_fd, my_size - n, n) == pread_all(self.fd, my_size - n, n)


class Follower:
    def __init__(self, path, args, out):
        self.path, self.args, self.out = path, args, out
        self.current = None
        self.retiring = []
        self.missing = False

    def change(self, kind):
        sys.stderr.write(json.dumps({"change": kind}) + "\n")
        sys.stderr.flush()

    def emit(self, item):
        kind = item[0]
        if kind == "line":
            verdict, value = decode(item[1])
            if verdict == "entry":
                self.out({"entry": json.dumps(value, separators=(",", ":"))}, value)
            elif verdict == "skip":
                self.out({"skip": value, "line": item[2], "length": item[3]}, None)
        else:
            self.out({"skip": item[1], "line": item[2], "length": item[3]}, None)

    def torn(self, f):
        if f.lines.pending() > 0:
            self.out({"skip": "TORN", "line": f.lines.count + 1, "length": f.lines.pending()}, None)

    def key_at_name(self):
        try:
            st = os.stat(self.path)
            return (st.st_dev, st.st_ino)
        except FileNotFoundError:
            return None

    def same_file_at_name(self):
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return True
        try:
            return self.current.same_content_as(fd)
        finally:
            os.close(fd)

    def retire(self):
        self.current.read(self.emit)
        self.retiring.append(self.current)
        self.current = None
        self.drain()

    def drain(self):
        for f in list(self.retiring):
            f.read(self.emit)
            if f.quiet > self.args.rotate_wait_polls:
                self.torn(f)
                os.close(f.fd)
                self.retiring.remove(f)

    def poll(self):
        self.drain()
        key = self.key_at_name()
        if self.current is not None and key is None:
            self.retire()
            self.change("MISSING")
            self.missing = True
        elif self.current is not None and key != self.current.key:
            self.retire()
            self.change("ROTATED")
        elif self.current is not None:
            status = self.current.status()
            if status != "SAME":
                self.change(status)
                self.torn(self.current)
                self.current.restart()
            elif not self.same_file_at_name():
                self.retire()
                self.change("ROTATED")
        if self.current is None and key is not None:
            try:
                self.current = OpenFile(os.open(self.path, os.O_RDONLY), self.args.max_line_bytes)
                if self.missing:
                    self.change("APPEARED")
                    self.missing = False
            except FileNotFoundError:
                pass
        elif self.current is None and not self.missing:
            self.change("MISSING")
            self.missing = True
        if self.current is not None:
            self.current.read(self.emit)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("path")
    p.add_argument("--until", required=True, help="stop after an entry whose message ends with this")
    p.add_argument("--poll-interval", type=float, default=0.002)
    p.add_argument("--max-line-bytes", type=int, default=1 << 20)
    p.add_argument("--rotate-wait-polls", type=int, default=20)
    args = p.parse_args()
    done = []

    def out(record, value):
        sys.stdout.write(json.dumps(record) + "\n")
        sys.stdout.flush()
        message = value.get("message") if isinstance(value, dict) else None
        if isinstance(message, str) and message.endswith(args.until):
            done.append(True)

    follower = Follower(args.path, args, out)
    while not done:
        follower.poll()
        time.sleep(args.poll_interval)


if __name__ == "__main__":
    main()
