#!/usr/bin/env python3
"""Peer of `sigil tokens`: tiktoken's Rust core, driven from Python, counting a file's text.

tiktoken downloads its BPE files on first use; this machine has no network, so the cl100k_base ranks are read
from the file given (the bench extracts it from jtokkit's jar, where it is the same file tiktoken downloads).

  py_tokens.py RANKS FILE            one count for the whole text (encode_ordinary)
  py_tokens.py --lines RANKS FILE    one call per line, the counts summed (what a per-message counter does)
"""
import sys

import tiktoken
from tiktoken.load import load_tiktoken_bpe

args = [a for a in sys.argv[1:] if not a.startswith("--")]
ranks = load_tiktoken_bpe(args[0])
enc = tiktoken.Encoding(
    name="cl100k_base",
    pat_str=r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s""",
    mergeable_ranks=ranks,
    special_tokens={"<|endoftext|>": 100257, "<|fim_prefix|>": 100258, "<|fim_middle|>": 100259,
                    "<|fim_suffix|>": 100260, "<|endofprompt|>": 100276},
)
with open(args[1], encoding="utf-8", newline="") as f:
    text = f.read()
if "--lines" in sys.argv:
    print(sum(len(enc.encode_ordinary(line)) for line in text.split("\n")))
else:
    print(len(enc.encode_ordinary(text)))
