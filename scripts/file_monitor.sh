#!/usr/bin/env bash
# file_monitor.sh - follow sigil execution logs with jq, one line per entry:
#
#     HH:MM:SS [LEVEL] component/operation: message
#
# The jq tail of the Sigil v2 design (seed 002, "File-Based Monitoring"), made robust: a small Perl reader follows
# the files by name and hands their lines to one jq process, which prints the line format of docs/contract.md §8.
# `sigil tail --format line` prints the same bytes for the same input (docs/cli.md lists the few lines jq reads
# otherwise).
#
# Usage: scripts/file_monitor.sh [--no-follow] [SESSION_DIR] [SESSION]
#   SESSION_DIR  directory of sessions (default: ~/.sigil/logs/sessions)
#   SESSION      a session: SESSION_DIR/SESSION.jsonl if that file exists (the seed-002 layout), otherwise
#                SESSION_DIR/SESSION/execution.jsonl (sigil's layout; waited for if it does not exist yet).
#                Without SESSION, every session log found in SESSION_DIR, each introduced by a --- ==> FILE <== --- line.
#   --no-follow  print what the logs hold now and exit, instead of following them
#
# Following is by name, like tail -F, every 100 ms, and loses no line through these: a log renamed away is read to its
# end and for 2 s more while its writer may still append, and the numbered parts written after it since the last
# look (sigil's execution.<n>.jsonl, however many) are read in order before the new log; a log replaced by a symlink,
# deleted, or re-created with its directory: each new file at the name is read from its start. Not seen, as tail -F
# does not see them either (sigil tail does, by comparing bytes; the script keeps to device, inode and size to stay
# small): a log truncated and written again past its old size between two looks, or rewritten in place at the same
# size; both are read on from the old offset. Lost, by any poller: a file that was at the name for less than 100 ms
# and was not rotated to a numbered part; and an unfinished last line of a file that left the name (reported).
#
# On a terminal (stdout is one, or SIGIL_STDOUT_TTY=1), control characters from the log are shown, never sent:
# \n \r \t, ^[ for ESC and the caret notation for the other C0 controls and DEL, <U+XXXX> for C1 controls, bidi
# overrides and isolates, U+2028 and U+2029, exactly as sigil tail does. Into a pipe or a file, the bytes are jq's.
#
# Environment: SIGIL_MAX_LINE_BYTES (default 1048576): longer lines are skipped before jq sees them, and reported.
# Needs: bash, perl (perl-base, on every Debian), jq 1.6 or later.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }
die() { printf 'file_monitor.sh: %s\n' "$*" >&2; exit 2; }

follow=1
args=()
for arg in "$@"; do
  case "$arg" in
    --no-follow) follow=0 ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option $arg (try --help)" ;;
    *) args+=("$arg") ;;
  esac
done
[ "${#args[@]}" -le 2 ] || die "too many arguments (try --help)"
command -v jq >/dev/null 2>&1 || die "jq is not installed (apt-get install jq)"
command -v perl >/dev/null 2>&1 || die "perl is not installed (apt-get install perl-base)"

session_dir="${args[0]:-$HOME/.sigil/logs/sessions}"
session="${args[1]:-}"
max_line_bytes="${SIGIL_MAX_LINE_BYTES:-1048576}"
case "$max_line_bytes" in ''|*[!0-9]*) die "SIGIL_MAX_LINE_BYTES must be a number of bytes" ;; esac

files=()
if [ -n "$session" ]; then
  case "$session" in */*|.|..) die "SESSION must be a session name, not a path: $session" ;; esac
  if [ -f "$session_dir/$session.jsonl" ]; then
    files=("$session_dir/$session.jsonl")
  else
    files=("$session_dir/$session/execution.jsonl")
  fi
else
  shopt -s nullglob
  files=("$session_dir"/*/execution.jsonl "$session_dir"/*.jsonl)
  shopt -u nullglob
  [ "${#files[@]}" -gt 0 ] || die "no session logs in $session_dir (expected */execution.jsonl or *.jsonl)"
fi
if [ "$follow" = 0 ]; then
  for f in "${files[@]}"; do [ -e "$f" ] || die "no such file: $f"; done
fi
headers=0
[ "${#files[@]}" -gt 1 ] && headers=1
tty=false
{ [ -t 1 ] || [ "${SIGIL_STDOUT_TTY:-}" = 1 ]; } && tty=true

# The reader: follows each name, cuts every line longer than the limit before jq sees it, and hands jq one record
# a line: the line itself, or, where jq 1.6 would read it otherwise, a wrapped line (\002 and its bytes in base64:
# lines of 4095 bytes or more with non-ASCII bytes, which jq splits into 4095-byte pieces and decodes piece by piece,
# and lines starting with a byte below \003), or a header (\001, then = for "print now" or + for "print before the next
# entry", and the file name in base64). Notes (rotations, skipped lines) go to descriptor 3, escaped by jq too.
# Only Perl's built-ins and modules of perl-base.
read -r -d '' reader <<'PERL' || true
use strict;
use warnings;
use Cwd qw(abs_path);
use Fcntl qw(O_RDONLY O_NONBLOCK);

my ($script, $follow, $max, $headers, @names) = @ARGV;
my $PIECE = 4095;  # jq 1.6 reads a raw line in pieces of this many bytes
my $QUIET = 20;    # polls a file that left the name is still read after its last new byte
my $out = "";      # records for jq
my $source = "";   # the name the last records came from
open(my $notes, ">&=", 3) or die "file_monitor.sh: no descriptor 3 for notes\n";

sub note { syswrite $notes, "file_monitor.sh: $_[0]\n" }

sub flush_out {
  while (length $out) {
    my $n = syswrite STDOUT, $out;
    exit 1 unless defined $n;
    substr($out, 0, $n, "");
  }
}

sub b64 {          # base64 (jq decodes it with @base64d): pack's uuencoding, moved to base64's alphabet
  my ($s) = @_;
  my $u = join "", map { substr(pack("u", $_), 1, -1) } $s =~ /(.{1,45})/gs;
  $u =~ tr{` -_}{AA-Za-z0-9+/};
  my $pad = (3 - length($s) % 3) % 3;
  substr($u, -$pad) = "=" x $pad if $pad;
  return $u;
}

sub to_jq {        # appends records of file $f, after a header if they come from another name
  my ($f, $records) = @_;
  return if $records eq "";
  if ($headers && $f->{name} ne $source) {
    $source = $f->{name};
    $out .= "\001+" . b64($source) . "\n";
  }
  $out .= $records;
}

sub open_file {    # a regular file, opened without blocking (a FIFO at the name must not hang us), or nothing
  my ($path, $name) = @_;
  sysopen(my $fh, $path, O_RDONLY | O_NONBLOCK) or return;
  return unless -f $fh;
  my @st = stat $fh;
  return {fh => $fh, key => "$st[0]:$st[1]", path => abs_path($path) // $path, name => $name,
          buf => "", skip => 0, line => 0, pos => 0, quiet => 0};
}

sub lines {        # hands on the complete lines held; a longer unfinished one than the limit is dropped as it comes
  my ($f) = @_;
  my $b = \$f->{buf};
  my ($at, $from) = (0, 0);  # where the next line starts; where the bytes not yet handed on start
  while ((my $nl = index($$b, "\n", $at)) >= 0) {
    my $len = $nl - $at;
    $f->{line}++;
    if ($f->{skip} || $len > $max) {
      to_jq($f, substr($$b, $from, $at - $from));
      note("$f->{name}:$f->{line}: longer than the line bound: " . ($f->{skip} + $len) . " bytes; skipped");
      ($f->{skip}, $from) = (0, $nl + 1);
    } elsif ($len >= $PIECE && substr($$b, $at, $len) =~ /[\x80-\xff]/ || $len && substr($$b, $at, 1) lt "\003") {
      to_jq($f, substr($$b, $from, $at - $from) . "\002" . b64(substr($$b, $at, $len)) . "\n");
      $from = $nl + 1;
    }
    $at = $nl + 1;
  }
  to_jq($f, substr($$b, $from, $at - $from));
  substr($$b, 0, $at, "");
  if ($f->{skip} || length $$b > $max) {
    $f->{skip} += length $$b;
    $$b = "";
  }
}

sub drain {        # reads the file to its end; the number of bytes read
  my ($f) = @_;
  my $read = 0;
  while (my $n = sysread $f->{fh}, $f->{buf}, 1 << 16, length $f->{buf}) {
    ($read, $f->{pos}) = ($read + $n, $f->{pos} + $n);
    lines($f);
    flush_out();
  }
  return $read;
}

sub drop_partial { # an unfinished last line that will never be finished
  my ($f, $why) = @_;
  my $n = length($f->{buf}) + $f->{skip};
  note("$f->{name}:" . ($f->{line} + 1) . ": unterminated line dropped: $n bytes ($why)") if $n;
  @{$f}{qw(buf skip)} = ("", 0);
}

sub retire {       # closes a file that left the name and stayed quiet; false, to drop it from the list
  my ($f) = @_;
  drop_partial($f, "its file was rotated away");
  close $f->{fh};
  return 0;
}

sub parts {        # reads the numbered parts (name.<n>.ext) written after the file read before, oldest first
  my ($w, $cur) = @_;
  my ($gone, $path) = @{$w}{qw(gone gone_path)};
  $w->{gone} = undef;
  my ($dir, $stem, $ext) = $path =~ m{^(.*/)([^/]+?)(\.[^./]+)?$} or return 0;
  $ext //= "";
  opendir(my $dh, $dir) or return 0;
  my %part = map { /^\Q$stem\E\.([0-9]{1,9})\Q$ext\E$/ && -f "$dir$_" ? ($1 => "$dir$_") : () } readdir $dh;
  my ($after, $read, $count) = (0, 0, 0);
  for my $n (sort { $a <=> $b } keys %part) {
    my @st = stat $part{$n} or next;
    last if "$st[0]:$st[1]" eq $cur->{key};  # the current file, rotated already: read as such
    if ($after) {
      my $f = open_file($part{$n}, $w->{name}) or next;
      ($read, $count) = ($read + drain($f), $count + 1);
      push @{$w->{old}}, $f;
    }
    $after ||= "$st[0]:$st[1]" eq $gone;
  }
  note("$w->{name}: rotated: read first the $count rotated parts written since the last look") if $count;
  return $read;
}

sub poll {         # one look at a followed name; the number of bytes read
  my ($w) = @_;
  my $read = 0;
  for my $f (@{$w->{old}}) {
    my $n = drain($f);
    ($read, $f->{quiet}) = ($read + $n, $n ? 0 : $f->{quiet} + 1);
  }
  @{$w->{old}} = grep { $_->{quiet} <= $QUIET || retire($_) } @{$w->{old}};
  my @st = stat $w->{name};
  my $cur = $w->{cur};
  if ($cur && (!@st || "$st[0]:$st[1]" ne $cur->{key})) {
    $read += drain($cur);
    push @{$w->{old}}, $cur;
    @{$w}{qw(gone gone_path cur missing)} = ($cur->{key}, $cur->{path}, undef, !@st);
    $cur = undef;
    note("$w->{name}: " . (@st ? "rotated: the name refers to another file now; reading it from the start"
                               : "missing: removed or renamed away; waiting for it to appear"));
  } elsif ($cur && $st[7] < $cur->{pos}) {
    note("$w->{name}: truncated: shrank below byte $cur->{pos}; reading from the start");
    drop_partial($cur, "its file was truncated");
    sysseek $cur->{fh}, 0, 0;
    @{$cur}{qw(pos line)} = (0, 0);
  }
  if (!$cur && @st) {
    $cur = $w->{cur} = open_file($w->{name}, $w->{name});
    if ($cur) {
      note("$w->{name}: appeared: reading it from the start") if $w->{missing};
      @{$w}{qw(missing odd)} = (0, 0);
      $read += parts($w, $cur) if $w->{gone};
    } elsif (!$w->{odd}) {
      note("$w->{name}: not a regular file or not readable; waiting for a log file there");
      $w->{odd} = 1;
    }
  } elsif (!$cur && !$w->{missing}) {
    note("$w->{name}: missing: no such file; waiting for it to appear");
    $w->{missing} = 1;
  }
  return $read + ($cur ? drain($cur) : 0);
}

if (!$follow) {
  my $status = 0;
  for my $name (@names) {
    my $f = open_file($name, $name) or do { note("$name: not a regular file or not readable"); $status = 2; next };
    $out .= "\001=" . b64($source = $name) . "\n" if $headers;
    drain($f);
    $f->{buf} .= "\n" if length $f->{buf} || $f->{skip};  # the last line, newline or not
    lines($f);
    flush_out();
  }
  exit $status;
}
my @watched = map { {name => $_, old => []} } @names;
while (kill 0, $script) {  # stops when the script is gone (killed: a pipeline is not stopped with it)
  my $read = 0;
  $read += poll($_) for @watched;
  select(undef, undef, undef, 0.1) unless $read;
}
PERL

# The line format, defined once (docs/contract.md §8). Where the seed's expression
#   "\(.timestamp | split("T")[1] | split(".")[0]) [\(.level | ascii_upcase)] \(.component)/\(.operation): \(.message)"
# works (a string timestamp with a T, a string level), this prints exactly what it prints; elsewhere it derives
# instead of failing. Leading NUL bytes (left by a copy-truncate rotation) are dropped before parsing.
# shellcheck disable=SC2016
program='
def clock:
  tostring as $t
  | ($t | split("T")) as $p
  | (if ($p | length) > 1 then $p[1]
     else ($t | split(" ")) as $w | (if ($w | length) > 1 then $w[1] else $t end)
     end)
  | split(".")[0];
def level_of($type):
  {"budget_exceeded": "critical", "session_error": "error", "step_error": "error", "error": "error",
   "budget_warning": "warning", "retry_attempt": "warning", "alert": "warning"}[$type] // "info";
def level:
  (if (.level | type) == "string" then .level
   elif (.event_type | type) == "string" then
     (if (.metadata | type) == "object" and .metadata.severity == "critical" then "critical" else level_of(.event_type) end)
   else "info" end) | ascii_upcase;
def operation:
  if .operation == null and (.event_type | type) == "string" then .event_type else .operation end;
def without_nuls:
  if startswith("\u0000") then explode | .[((map(. != 0) | index(true)) // length):] | implode else . end;
def entry:
  (if startswith("\u0002") then .[1:] | @base64d else . end)
  | without_nuls
  | fromjson?
  | select(type == "object")
  | "\(.timestamp | clock) [\(level)] \(.component)/\(operation): \(.message)";
'

# What a terminal is shown (sigil tail on a terminal, TerminalText): nothing a terminal acts on.
# shellcheck disable=SC2016
visible='
def hex4: [(. / 4096 | floor), (. / 256 | floor) % 16, (. / 16 | floor) % 16, . % 16]
  | map("0123456789ABCDEF"[.:. + 1]) | add;
def visible:
  if test("[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]") | not then .
  else [explode[]
        | if . >= 32 and . < 127 or . > 159 and (. < 8232 or . > 8238 and . < 8294 or . > 8297) then .  # kept
          elif . == 10 then 92, 110 elif . == 13 then 92, 114 elif . == 9 then 92, 116       # \n \r \t
          elif . < 32 then 94, . + 64 elif . == 127 then 94, 63                              # ^@ .. ^_, ^?
          else "<U+\(hex4)>" | explode[] end]
       | implode end;
def shown: if $tty then visible else . end;
'

# One file: each record is a line. Several: a header is printed before the first entry that comes from another file
# than the last one shown (and at once, with --no-follow, when a file starts), as sigil tail prints them.
# shellcheck disable=SC2016
if [ "$headers" = 1 ]; then
  main='foreach inputs as $r ({};
    if $r | startswith("\u0001") then ($r[2:] | @base64d) as $name
      | if $r[1:2] == "=" then {shown: $name, from: $name, out: "--- ==> \($name) <== ---"} else .from = $name | .out = null end
    else ([$r | entry] | .[0]) as $line
      | if $line == null then .out = null
        elif .from != .shown then .shown = .from | .out = "--- ==> \(.from) <== ---\n\($line)"
        else .out = $line end
    end;
    .out // empty) | shown'
  jq_args=(-n)
else
  main='entry | shown'
  jq_args=()
fi
notes_args=()
if [ "$follow" = 1 ]; then jq_args+=(--unbuffered); notes_args+=(--unbuffered); fi

# stdout of the reader goes to the jq that prints entries (descriptor 4), its notes (descriptor 3) to one that shows
# them on stderr; both are waited for.
{ perl -e "$reader" -- "$$" "$follow" "$max_line_bytes" "$headers" "${files[@]}" 3>&1 >&4 \
    | jq -R -r --argjson tty true "${notes_args[@]}" "$visible"' visible' >&2
} 4>&1 | jq -R -r --argjson tty "$tty" "${jq_args[@]}" "$program$visible$main"
