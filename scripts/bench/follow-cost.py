#!/usr/bin/env python3
"""CPU cost of followers of one log while a writer appends to it at a steady rate.

  follow-cost.py [--rate 1000] [--warm 8] [--seconds 20] SOURCE LOG -- CMD... [';;' CMD...]...

Every follower (a command line; LOG is appended to it) starts on an empty LOG; the writer appends the lines of SOURCE
(e.g. a log made by genlog.py) to LOG at RATE lines a second, each with its own write(2), as a logger flushing every
entry does. For each follower: its CPU seconds (user + system, from /proc/PID/stat) between WARM seconds after the
start (the JVM's start-up and JIT warm-up left out) and WARM + SECONDS, as a share of one core. All followers run at
once on the same writes, so their figures compare within one run. Every follower is stopped (SIGTERM, then SIGKILL)
before the script ends. Linux only.
"""
import argparse
import os
import subprocess
import sys
import time


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(p):
    p.terminate()
    try:
        p.wait(10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit("usage: follow-cost.py [options] SOURCE LOG -- CMD... [';;' CMD...]")
    cut = argv.index("--")
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rate", type=int, default=1000)
    p.add_argument("--warm", type=float, default=8)
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("source")
    p.add_argument("log")
    a = p.parse_args(argv[:cut])
    commands, current = [], []
    for word in argv[cut + 1:]:
        if word == ";;":
            commands.append(current)
            current = []
        else:
            current.append(word)
    commands.append(current)
    with open(a.source, "rb") as f:
        lines = [f.readline() for _ in range(200_000)]
    lines = [l for l in lines if l]
    open(a.log, "wb").close()
    followers = [subprocess.Popen(c + [a.log], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for c in commands]
    try:
        with open(a.log, "ab", buffering=0) as out:
            start = time.monotonic()
            written, first, last = 0, None, None
            while last is None:
                now = time.monotonic() - start
                if first is None and now >= a.warm:
                    first = [cpu_seconds(f.pid) for f in followers]
                if now >= a.warm + a.seconds:
                    last = [cpu_seconds(f.pid) for f in followers]
                for _ in range(written, int(now * a.rate)):
                    out.write(lines[written % len(lines)])
                    written += 1
                time.sleep(0.001)
        for c, before, after in zip(commands, first, last):
            used = after - before
            print(f"{' '.join(c)}: {used:.2f} CPU s in {a.seconds:.0f} s, {100 * used / a.seconds:.1f} % of a core "
                  f"({written} lines written at {a.rate} a second)")
    finally:
        for f in followers:
            stop(f)


if __name__ == "__main__":
    main()
