"""Seed inputs for the JSON-RPC framing and server-session harnesses (written by Fuzz/run)."""
import json, os, random, sys

harness, folder = sys.argv[1], sys.argv[2]
os.makedirs(folder, exist_ok=True)
rng = random.Random(20261201)

def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body

messages = [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}}},
    {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///a/报告.txt", "languageId": "nianbao", "version": 1,
        "text": "某县人民政府2025年政府信息公开工作年度报告\n一、总体情况\n😀𠀋\r\n（七）总计\t1\t0\t0\t0\t0\t0\t1\n"}}},
    {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "file:///a/报告.txt", "version": 2},
        "contentChanges": [{"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 9}}, "text": "2"}]}},
    {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "file:///a/报告.txt"},
        "position": {"line": 3, "character": 8}}},
    {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 3}},
    {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
    {"jsonrpc": "2.0", "method": "exit"},
]

if harness == "JSONRPCFraming":
    whole = b"".join(frame(m) for m in messages)
    seeds = {
        "session": whole,
        "garbage-between": frame(messages[0]) + b"\x00\xff garbage\r\n\r\n" + frame(messages[1]),
        "bad-length": b"Content-Length: 99999999999999999999\r\n\r\n{}",
        "no-length": b"Content-Type: application/json\r\n\r\n{}",
        "deep": b"Content-Length: 1200\r\n\r\n" + b"[" * 600 + b"]" * 600,
        "unicode": b'Content-Length: 60\r\n\r\n{"jsonrpc":"2.0","id":"\\ud83d\\ude00","method":"x","params":"\\ud800"}',
        "numbers": frame({"jsonrpc": "2.0", "id": 1e308, "method": "x", "params": [0, -0.0, 1.5e-300, 12345678901234567890]}),
        "json": json.dumps(messages).encode(),
    }
    for name, data in seeds.items():
        open(os.path.join(folder, name), "wb").write(data)
else:
    for n in range(24):
        script = bytes(rng.randrange(256) for _ in range(rng.randrange(8, 200)))
        open(os.path.join(folder, "script-%02d" % n), "wb").write(script)
