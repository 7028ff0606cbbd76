"""Train the language identifier's model (`data/language/model.bin`) from labelled sentences.

    python3 scripts/train_language.py SIB_DIR [--ud UD_DIR] [--out data/language/model.bin]
    python3 scripts/train_language.py SIB_DIR --eval       # held-out accuracy, Python mirror

SIB_DIR is SIB-200's ``data/annotated`` folder (FLORES-200 sentences, CC BY-SA 4.0; from the
``dadelani/sib-200`` repository): its ``train.tsv`` and ``dev.tsv`` files are the training text;
``test.tsv`` is never used here (the evaluation program reads it). UD_DIR optionally holds
Universal Dependencies treebank folders whose ``# text =`` lines add training text
(``UD_Latin-Perseus``: Latin, which FLORES lacks; ``UD_Serbian-SET``, ``UD_Croatian-SET``: Serbian
in Latin script and more Croatian news); only their train and dev files are read.

The model is multinomial naive Bayes over character trigrams (of each word padded with spaces)
and whole words, per script group: the detector first decides the script
(`src/language/script.rs`) and scores only that group's languages. Serbian is trained on the
FLORES Cyrillic text and on its Latin transliteration, so both alphabets are recognised.

Binary format (little endian), read by `src/language/model.rs`:
    b"NPLID1"
    u16 n_langs; per language: u8 len, code bytes, u8 group, f32 floor
    u32 n_features; u32 hash[n] (sorted ascending); u8 count[n]; entries (u8 lang, u8 w), the
    count[i] entries of feature i after those of the features before it
A language's score is n_features_seen * floor + sum of w / 16 over the entries of the features
seen; w / 16 = ln(1 + count / ALPHA) (the log-probability above the floor).
"""

from __future__ import annotations

import argparse
import collections
import math
import os
import struct
import sys
import unicodedata

# (ISO 639-1 code, FLORES-200 folders, script group)
LANGS = [
    ("af", ["afr_Latn"], "latin"), ("sq", ["als_Latn"], "latin"), ("az", ["azj_Latn"], "latin"),
    ("eu", ["eus_Latn"], "latin"), ("bs", ["bos_Latn"], "latin"), ("ca", ["cat_Latn"], "latin"),
    ("hr", ["hrv_Latn"], "latin"), ("cs", ["ces_Latn"], "latin"), ("da", ["dan_Latn"], "latin"),
    ("nl", ["nld_Latn"], "latin"), ("en", ["eng_Latn"], "latin"), ("eo", ["epo_Latn"], "latin"),
    ("et", ["est_Latn"], "latin"), ("fi", ["fin_Latn"], "latin"), ("fr", ["fra_Latn"], "latin"),
    ("lg", ["lug_Latn"], "latin"), ("de", ["deu_Latn"], "latin"), ("hu", ["hun_Latn"], "latin"),
    ("is", ["isl_Latn"], "latin"), ("id", ["ind_Latn"], "latin"), ("ga", ["gle_Latn"], "latin"),
    ("it", ["ita_Latn"], "latin"), ("lv", ["lvs_Latn"], "latin"),
    ("lt", ["lit_Latn"], "latin"), ("mi", ["mri_Latn"], "latin"), ("ms", ["zsm_Latn"], "latin"),
    ("nb", ["nob_Latn"], "latin"), ("nn", ["nno_Latn"], "latin"), ("pl", ["pol_Latn"], "latin"),
    ("pt", ["por_Latn"], "latin"), ("ro", ["ron_Latn"], "latin"), ("sn", ["sna_Latn"], "latin"),
    ("sk", ["slk_Latn"], "latin"), ("sl", ["slv_Latn"], "latin"), ("so", ["som_Latn"], "latin"),
    ("st", ["sot_Latn"], "latin"), ("es", ["spa_Latn"], "latin"), ("sw", ["swh_Latn"], "latin"),
    ("sv", ["swe_Latn"], "latin"), ("tl", ["tgl_Latn"], "latin"), ("ts", ["tso_Latn"], "latin"),
    ("tn", ["tsn_Latn"], "latin"), ("tr", ["tur_Latn"], "latin"), ("vi", ["vie_Latn"], "latin"),
    ("cy", ["cym_Latn"], "latin"), ("xh", ["xho_Latn"], "latin"), ("yo", ["yor_Latn"], "latin"),
    ("zu", ["zul_Latn"], "latin"), ("gl", ["glg_Latn"], "latin"), ("sr", ["srp_Cyrl"], "latin"),
    ("be", ["bel_Cyrl"], "cyrillic"), ("bg", ["bul_Cyrl"], "cyrillic"),
    ("kk", ["kaz_Cyrl"], "cyrillic"), ("mk", ["mkd_Cyrl"], "cyrillic"),
    ("mn", ["khk_Cyrl"], "cyrillic"), ("ru", ["rus_Cyrl"], "cyrillic"),
    ("sr", ["srp_Cyrl"], "cyrillic"), ("uk", ["ukr_Cyrl"], "cyrillic"),
    ("ar", ["arb_Arab"], "arabic"), ("fa", ["pes_Arab"], "arabic"), ("ur", ["urd_Arab"], "arabic"),
    ("hi", ["hin_Deva"], "devanagari"), ("mr", ["mar_Deva"], "devanagari"),
]
GROUPS = ["latin", "cyrillic", "arabic", "devanagari"]
# Extra training text from Universal Dependencies (folder, file prefix, language, group).
UD = [
    ("UD_Serbian-SET", "sr_set-ud", "sr", "latin"),
]
ALPHA = 0.5
MIN_COUNT = 3  # (feature, language) pairs seen fewer times are dropped
W_SCALE = 16.0
# Training text per language is capped so that no language wins on data volume alone (naive
# Bayes favours the languages it has seen most); FLORES gives about 130,000 characters each.
MAX_CHARS = 95_000

SR_LATIN = dict(zip(
    "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ",
    ["a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m", "n", "nj", "o",
     "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š",
     "A", "B", "V", "G", "D", "Đ", "E", "Ž", "Z", "I", "J", "K", "L", "Lj", "M", "N", "Nj", "O",
     "P", "R", "S", "T", "Ć", "U", "F", "H", "C", "Č", "Dž", "Š"],
))

NOT_WORD = [
    (0x80, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7), (0x2000, 0x2BFF), (0x3000, 0x303F),
    (0xE000, 0xF8FF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F), (0xFEFF, 0xFEFF), (0xFF00, 0xFF20),
    (0xFF3B, 0xFF40), (0xFF5B, 0xFF65), (0xFFFD, 0xFFFD), (0x1F000, 0x1FAFF),
]


def is_word_char(c: str) -> bool:
    """Mirror of `language::model::is_word_char`."""
    if c.isascii():
        return c.isalpha()
    o = ord(c)
    cat = unicodedata.category(c)
    if c.isspace() or cat[0] == "N" or cat == "Cc":
        return False
    return not any(a <= o <= b for a, b in NOT_WORD)


def fnv(data: bytes, h: int = 0x811C9DC5) -> int:
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def words(text: str):
    cur = []
    for c in text:
        if is_word_char(c):
            cur.append(c)
        elif cur:
            yield "".join(cur).lower()
            cur = []
    if cur:
        yield "".join(cur).lower()


def features(text: str, counter: collections.Counter) -> int:
    """Adds the features of `text` to `counter` (as strings; hashed later); returns how many."""
    n = 0
    for w in words(text):
        p = " " + w + " "
        for i in range(len(p) - 2):
            counter[p[i : i + 3]] += 1
            n += 1
        counter["\x01" + w] += 1
        n += 1
    return n


def feature_hash(f: str) -> int:
    return fnv(f.encode("utf-8"))


def read_tsv(path: str):
    out = []
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as fh:
        next(fh, None)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                out.append((int(parts[0]), parts[2]))
    return out


def read_conllu(path: str):
    out = []
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# text = "):
                out.append(line[9:].strip())
    return out


def training_text(sib: str, ud: str | None):
    """{(code, group): [sentences]}"""
    data = collections.defaultdict(list)
    for code, folders, group in LANGS:
        for f in folders:
            for split in ("train", "dev"):
                for _, s in read_tsv(os.path.join(sib, f, f"{split}.tsv")):
                    if code == "sr" and group == "latin":
                        s = "".join(SR_LATIN.get(c, c) for c in s)
                    data[(code, group)].append(s)
    if ud:
        for folder, prefix, code, group in UD:
            extra = []
            for split in ("train", "dev"):
                extra.extend(read_conllu(os.path.join(ud, folder, f"{prefix}-{split}.conllu")))
            # Interleaved with the FLORES text, so that a capped language keeps both.
            base = data[(code, group)]
            mixed = []
            for i in range(max(len(base), len(extra))):
                mixed.extend(x[i] for x in (base, extra) if i < len(x))
            data[(code, group)] = mixed
    for key, sents in data.items():
        kept, n = [], 0
        for x in sents:
            if n >= MAX_CHARS:
                break
            kept.append(x)
            n += len(x)
        data[key] = kept
    return data


def train(data):
    keys = sorted(data, key=lambda k: (GROUPS.index(k[1]), k[0]))
    counts = {}
    for key in keys:
        c = collections.Counter()
        total = 0
        for s in data[key]:
            total += features(s, c)
        counts[key] = (c, total)
    vocab = set()
    for c, _ in counts.values():
        vocab.update(g for g, n in c.items() if n >= MIN_COUNT)
    V = len(vocab)
    langs = []
    for key in keys:
        c, total = counts[key]
        floor = math.log(ALPHA / (total + ALPHA * V))
        langs.append((key[0], GROUPS.index(key[1]), floor))
    table = collections.defaultdict(list)
    for li, key in enumerate(keys):
        c, _ = counts[key]
        for g, n in c.items():
            if n >= MIN_COUNT:
                w = min(255, round(math.log(1 + n / ALPHA) * W_SCALE))
                table[feature_hash(g)].append((li, w))
    return langs, table


def write(path: str, langs, table):
    hashes = sorted(table)
    out = bytearray(b"NPLID1")
    out += struct.pack("<H", len(langs))
    for code, group, floor in langs:
        b = code.encode()
        out += struct.pack("<B", len(b)) + b + struct.pack("<Bf", group, floor)
    out += struct.pack("<I", len(hashes))
    out += struct.pack(f"<{len(hashes)}I", *hashes)
    entries = bytearray()
    for h in hashes:
        for li, w in sorted(table[h]):
            entries += struct.pack("<BB", li, w)
    out += bytes(len(table[h]) for h in hashes)
    out += entries
    with open(path, "wb") as fh:
        fh.write(out)
    print(f"wrote {path}: {len(langs)} languages, {len(hashes)} features, "
          f"{len(entries) // 2} entries, {len(out) / 1e6:.2f} MB")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("sib")
    ap.add_argument("--ud")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "data", "language", "model.bin"))
    args = ap.parse_args()
    if not os.path.isdir(args.sib):
        print(f"skipped: {args.sib} not found")
        return 0
    data = training_text(args.sib, args.ud)
    langs, table = train(data)
    write(args.out, langs, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
