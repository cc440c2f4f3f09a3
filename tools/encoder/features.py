# SPDX-License-Identifier: Apache-2.0
"""The encoder's input features, computed exactly as src/encoder/token_features.cc does.

norm() and shape() follow src/segment/token_view.cc (segment::norm, segment::shape); every
hash follows src/model/hash.h (FNV-1a 64, feature_key). The golden file the exporter writes
(src/encoder/testdata/golden.tsv) holds the bucket ids of fixed words, so the C++ test fails
if the two implementations ever disagree.
"""

MASK = (1 << 64) - 1
FNV_BASIS = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3

# Feature templates (the `t` of model::feature_key); stored in no file, but changing one
# means retraining.
T_NORM, T_PREFIX, T_SUFFIX, T_SHAPE = 1, 2, 3, 4
AFFIX_BYTES = 3

_DOUBLE_QUOTES = {0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB}
_SINGLE_QUOTES = {0x2018, 0x2019}


def fnv1a(data: bytes, h: int = FNV_BASIS) -> int:
    for c in data:
        h = ((h ^ c) * FNV_PRIME) & MASK
    return h


def mix64(x: int) -> int:
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & MASK
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & MASK
    x ^= x >> 31
    return x


def feature_key(t: int, a: int) -> int:
    """model::feature_key(t, a) with b = c = 0."""
    h = mix64((a + 0x9E3779B97F4A7C15 * (t + 1)) & MASK)
    h = mix64(h ^ 0x632BE59BD9B4E019)
    return h or 1


def bucket(t: int, data: bytes, buckets: int) -> int:
    return feature_key(t, fnv1a(data)) % buckets


def norm(word: str) -> bytes:
    """segment::norm: ASCII lower case, curly quotation marks folded to straight ones."""
    out = bytearray()
    for ch in word:
        c = ord(ch)
        if c in _DOUBLE_QUOTES:
            out += b'"'
        elif c in _SINGLE_QUOTES:
            out += b"'"
        elif c < 0x80:
            out += ch.lower().encode() if "A" <= ch <= "Z" else ch.encode()
        else:
            out += ch.encode("utf-8", "surrogatepass")
    return bytes(out)


def shape(word: str) -> bytes:
    """segment::shape over the UTF-8 bytes: X, x, d, other bytes kept, runs cut to four."""
    out = bytearray()
    last, run = None, 0
    for b in word.encode("utf-8", "surrogatepass"):
        if 65 <= b <= 90:
            k = ord("X")
        elif 97 <= b <= 122:
            k = ord("x")
        elif 48 <= b <= 57:
            k = ord("d")
        else:
            k = b
        run = run + 1 if k == last else 1
        last = k
        if run <= 4:
            out.append(k)
    return bytes(out)


def is_capitalized(word: str) -> bool:
    """segment::is_capitalized on the first byte."""
    b = word.encode("utf-8", "surrogatepass")
    if not b:
        return False
    c = b[0]
    return 65 <= c <= 90 or (c >= 0xC3 and c != 0xE2)


def word_features(word: str, first: bool, sizes: dict) -> tuple:
    """(norm bucket, prefix bucket, suffix bucket, shape bucket, flags) of one word."""
    n = norm(word)
    flags = (1 if is_capitalized(word) else 0) | (2 if first else 0)
    return (bucket(T_NORM, n, sizes["norm"]), bucket(T_PREFIX, n[:AFFIX_BYTES], sizes["affix"]),
            bucket(T_SUFFIX, n[-AFFIX_BYTES:], sizes["affix"]),
            bucket(T_SHAPE, shape(word), sizes["shape"]), flags)
